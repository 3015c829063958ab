/**
 * The results folder of an experiment (ARCHITECTURE.md, "Runs, seeds, results"), written atomically:
 * {@link org.benignlab.experiments.results.ResultStore} and {@link org.benignlab.experiments.results.AtomicFiles}.
 */
package org.benignlab.experiments.results;
