/**
 * Benchmarks of the engines, run by hand or by {@code benchmarks/run-step-benchmark.sh} and
 * {@code benchmarks/run-peer-comparison.sh}; never part of CI's verdict (STYLE.md, "Docs").
 * <ul>
 *   <li>{@link org.benignlab.benchmarks.StepBenchmark} (JMH) and {@link org.benignlab.benchmarks.StepTable}: time per
 *       gradient step of the dense, span and sketch engines, as (T(2k) - T(k)) / k over whole runs.</li>
 *   <li>{@link org.benignlab.benchmarks.PeerComparison}: the Java side of the shared-data comparison with NumPy
 *       ({@code peer_numpy.py}): writes X, y, a, W0 as float64 files and times the engines on the same data.</li>
 *   <li>{@link org.benignlab.benchmarks.BenchSupport}: the benchmark configuration (paper, Section 2.2, with the
 *       smoothed leaky ReLU of equation 1) and seeded streams.</li>
 * </ul>
 */
package org.benignlab.benchmarks;
