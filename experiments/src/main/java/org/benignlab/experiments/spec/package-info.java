/**
 * Experiment files: YAML reading with safety limits ({@link org.benignlab.experiments.spec.ExperimentLoader}),
 * expressions over the paper's scalar parameters ({@link org.benignlab.experiments.spec.Parameters}),
 * binding onto validated records ({@link org.benignlab.experiments.spec.RecordBinder},
 * {@link org.benignlab.experiments.spec.ExperimentSpec}) and the user-facing error type
 * {@link org.benignlab.experiments.spec.InputException}. {@link org.benignlab.experiments.spec.InConfig} says
 * which components reach the resolved configuration (and so the run key). Symbols follow the paper, Section 2.2.
 */
package org.benignlab.experiments.spec;
