/**
 * The Spark executor of {@code benign run --executor spark} (issue 9): {@link org.benignlab.spark.SparkExecutor}
 * runs each run of a sweep as one Apache Spark task that rebuilds the run from its
 * {@link org.benignlab.experiments.run.PortableRun}, and {@link org.benignlab.spark.SparkExecutorProvider}
 * registers it with the command. The run logic, the result store and the resume rules stay in the experiments
 * module: the driver commits each run's folder as its task ends, exactly as the local executor does.
 */
package org.benignlab.spark;
