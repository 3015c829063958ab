/**
 * Runs: plugin discovery ({@link org.benignlab.experiments.run.PluginCatalog}), run keys
 * ({@link org.benignlab.experiments.run.RunPlan}), seeds of the named random streams
 * ({@link org.benignlab.experiments.run.Seeds}), Guice wiring
 * ({@link org.benignlab.experiments.run.ExperimentModule}) and execution
 * ({@link org.benignlab.experiments.run.Run}, {@link org.benignlab.experiments.run.ExperimentRunner}).
 */
package org.benignlab.experiments.run;
