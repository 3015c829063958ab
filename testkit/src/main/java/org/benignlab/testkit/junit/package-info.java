/**
 * The testkit contracts as ready-made JUnit 5 tests driven by QuickTheories with pinned seeds.
 *
 * <p>A plugin author subclasses one abstract class per plugin and names the provider:
 * {@link org.benignlab.testkit.junit.AbstractActivationContractTest},
 * {@link org.benignlab.testkit.junit.AbstractClusterDistributionContractTest},
 * {@link org.benignlab.testkit.junit.AbstractLabelNoiseContractTest},
 * {@link org.benignlab.testkit.junit.AbstractLossContractTest},
 * {@link org.benignlab.testkit.junit.AbstractOptimizerContractTest}.
 * {@link org.benignlab.testkit.junit.EveryProvider} runs every contract over every provider
 * {@link java.util.ServiceLoader} finds; {@link org.benignlab.testkit.junit.ContractAssertions} has the
 * generators and the assertion form of each contract. A failure is an {@link java.lang.AssertionError}
 * naming the property the plugin declared but lacks and a (shrunk) counterexample.
 *
 * <p>The plain-Java contracts themselves are in {@code org.benignlab.testkit} and need no test framework.
 */
package org.benignlab.testkit.junit;
