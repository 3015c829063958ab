package org.benignlab.testkit.junit;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.benignlab.api.Activation;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.Loss;
import org.benignlab.api.Optimizer;
import org.benignlab.api.Provider;
import org.benignlab.api.SignalModel;
import org.benignlab.testkit.ActivationContract;
import org.benignlab.testkit.ClusterDistributionContract;
import org.benignlab.testkit.LabelNoiseContract;
import org.benignlab.testkit.LossContract;
import org.benignlab.testkit.OptimizerContract;
import org.benignlab.testkit.ProviderContract;
import org.benignlab.testkit.Providers;
import org.benignlab.testkit.SignalModelContract;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The testkit contracts driven by QuickTheories generators with a pinned seed, as assertions: each
 * method returns normally when the plugin passes and throws an {@link AssertionError} whose message
 * names the property broken and the (shrunk) counterexample otherwise. Used by the abstract test
 * classes of this package and by {@link EveryProvider}; call them from any JUnit test.
 *
 * <p>Statistical contracts (cluster distributions, label noise) draw their seeds from the generator,
 * so a run is deterministic; the failure budget of one check is in the contract's Javadoc (below
 * 1e-4 per cluster check at p &lt;= 24 and 2e-6 per label-noise check), so a correct plugin fails a
 * default run here with probability below 1e-3.
 */
public final class ContractAssertions {

    /** The seed every method uses unless given another. */
    public static final long SEED = 0x5eed_7e57L;

    /** Generated points per activation (each point runs the whole activation contract). */
    public static final int ACTIVATION_EXAMPLES = 3000;
    /** Generated (seed, p) pairs per cluster distribution, each with {@value #CLUSTER_DRAWS} draws. */
    public static final int CLUSTER_EXAMPLES = 6;
    /** Draws per cluster check (standard errors of about 0.007 on a unit variance). */
    public static final int CLUSTER_DRAWS = 20_000;
    /** Generated (seed, n) pairs per label-noise model: n from 1 to 60 or from 10^4 to 3·10^4. */
    public static final int NOISE_EXAMPLES = 12;
    /** Generated margins per loss. */
    public static final int LOSS_EXAMPLES = 5000;
    /** Generated (seed, dim, steps) triples per optimizer. */
    public static final int OPTIMIZER_EXAMPLES = 50;
    /** Generated seeds per signal model, each with {@value #SIGNAL_DRAWS} draws. */
    public static final int SIGNAL_EXAMPLES = 5;
    /** Draws per signal-model frequency check. */
    public static final int SIGNAL_DRAWS = 40_000;

    private ContractAssertions() {
    }

    /** Throws an AssertionError with the counterexample when there is one. */
    public static void assertPasses(Optional<String> counterexample) {
        if (counterexample.isPresent()) {
            throw new AssertionError(counterexample.get());
        }
    }

    /** {@link ProviderContract#check(ExtensionPoint, Provider)}. */
    public static void provider(ExtensionPoint point, Provider<?, ?> provider) {
        assertPasses(ProviderContract.check(point, provider));
    }

    /**
     * Points for the activation contract: mostly uniform on [-50, 50], often tiny, often within 1e-5
     * (relative) of a point the contract singles out for this activation (0, ±1/H, kinks).
     */
    public static Gen<Double> points(Activation a) {
        List<Double> special = Arrays.stream(ActivationContract.interestingPoints(a)).boxed()
                .collect(Collectors.toList());
        Gen<Double> near = Generate.pick(special)
                .zip(doubles().between(-1e-5, 1e-5), (p, j) -> p + j * Math.max(1, Math.abs(p)));
        return Generate.frequency(List.of(
                Pair.of(5, doubles().between(-50, 50)),
                Pair.of(2, doubles().between(-1e-3, 1e-3)),
                Pair.of(3, near)));
    }

    /** Margins: mostly [-50, 50], often near 0, sometimes anywhere in [-1e6, 1e6], sometimes extreme. */
    public static final Gen<Double> MARGINS = Generate.frequency(List.of(
            Pair.of(6, doubles().between(-50, 50)),
            Pair.of(2, doubles().between(-1e-3, 1e-3)),
            Pair.of(2, doubles().between(-1e6, 1e6)),
            Pair.of(1, doubles().between(-LossContract.FINITE_RANGE, LossContract.FINITE_RANGE)),
            Pair.of(1, Generate.pick(List.of(-1e300, -1e100, -745.0, -LossContract.FINITE_RANGE, -1.0, 0.0, 1.0,
                    LossContract.FINITE_RANGE, 709.0, 745.0, 1e100, 1e300)))));

    /** Sizes for the label-noise contract: small (exact counts, rate 0) or large (the rate tests). */
    public static final Gen<Integer> NOISE_SIZES = Generate.frequency(List.of(
            Pair.of(1, integers().between(1, 60)),
            Pair.of(2, integers().between(10_000, 30_000))));

    /** The activation contract at its interesting points and at {@code examples} generated points. */
    public static void activation(Activation a, long seed, int examples) {
        assertPasses(ActivationContract.checkAll(a, ActivationContract.interestingPoints(a)));
        qt().withFixedSeed(seed).withExamples(examples).forAll(points(a))
                .checkAssert(z -> assertPasses(ActivationContract.check(a, z)));
    }

    /** The cluster contract for {@code examples} generated (seed, p) with p in [2, 24]. */
    public static void clusterDistribution(ClusterDistribution d, long seed, int examples) {
        assertPasses(ClusterDistributionContract.checkProperties(d));
        qt().withFixedSeed(seed).withExamples(examples).forAll(longs().all(), integers().between(2, 24))
                .checkAssert((s, dim) -> assertPasses(ClusterDistributionContract.check(d, s, dim, CLUSTER_DRAWS)));
    }

    /**
     * The label-noise contract for {@code examples} generated (seed, n), with the exact-count check when
     * {@code exactCount}.
     */
    public static void labelNoise(LabelNoise noise, boolean exactCount, long seed, int examples) {
        assertPasses(LabelNoiseContract.checkDeclarations(noise));
        qt().withFixedSeed(seed).withExamples(examples).forAll(longs().all(), NOISE_SIZES)
                .checkAssert((s, n) -> assertPasses(exactCount ? LabelNoiseContract.checkExactCount(noise, s, n)
                        : LabelNoiseContract.check(noise, s, n)));
    }

    /** The signal-model contract for {@code examples} generated seeds, {@value #SIGNAL_DRAWS} draws each. */
    public static void signalModel(SignalModel model, long seed, int examples) {
        assertPasses(SignalModelContract.checkDeclarations(model));
        qt().withFixedSeed(seed).withExamples(examples).forAll(longs().all())
                .checkAssert(s -> assertPasses(SignalModelContract.check(model, s, SIGNAL_DRAWS)));
    }

    /** The loss contract at {@code examples} generated margins. */
    public static void loss(Loss l, long seed, int examples) {
        qt().withFixedSeed(seed).withExamples(examples).forAll(MARGINS)
                .checkAssert(z -> assertPasses(LossContract.check(l, z)));
    }

    /** The optimizer contract for {@code examples} generated (seed, dim in [1, 40], steps in [1, 60]). */
    public static void optimizer(Optimizer o, long seed, int examples) {
        qt().withFixedSeed(seed).withExamples(examples)
                .forAll(longs().all(), integers().between(1, 40), integers().between(1, 60))
                .checkAssert((s, dim, steps) -> assertPasses(OptimizerContract.check(o, s, dim, steps)));
    }

    /**
     * Every contract of {@code point} for {@code provider}: the provider contract, then the point's
     * contract on the instance created from {@code spec}, with the default numbers of examples.
     *
     * @param spec a spec of the provider's spec type (e.g. its {@link Provider#exampleSpec()})
     */
    public static void all(ExtensionPoint point, Provider<?, ?> provider, Record spec, long seed) {
        provider(point, provider);
        Object instance = Providers.create(provider, spec);
        switch (point) {
            case ACTIVATION -> activation(cast(instance, Activation.class, provider), seed, ACTIVATION_EXAMPLES);
            case CLUSTER -> clusterDistribution(cast(instance, ClusterDistribution.class, provider), seed,
                    CLUSTER_EXAMPLES);
            case LABEL_NOISE -> labelNoise(cast(instance, LabelNoise.class, provider),
                    LabelNoiseContract.declaresExactCount(provider), seed, NOISE_EXAMPLES);
            case LOSS -> loss(cast(instance, Loss.class, provider), seed, LOSS_EXAMPLES);
            case OPTIMIZER -> optimizer(cast(instance, Optimizer.class, provider), seed, OPTIMIZER_EXAMPLES);
            case SIGNAL -> signalModel(cast(instance, SignalModel.class, provider), seed, SIGNAL_EXAMPLES);
            default -> throw new IllegalArgumentException("unknown extension point " + point);
        }
    }

    static <T> T cast(Object instance, Class<T> type, Provider<?, ?> provider) {
        if (!type.isInstance(instance)) {
            throw new AssertionError("provider '" + provider.type() + "' (" + provider.getClass().getName()
                    + ") created " + (instance == null ? "null" : "a " + instance.getClass().getName())
                    + ", expected a " + type.getName());
        }
        return type.cast(instance);
    }
}
