package org.benignlab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The engines this version has, one descriptor each: its name ({@code training.engine}), the draws it makes
 * ({@link DrawFamily}), its exactness rule ({@link #unsupported}), its memory estimate, the arrays it saves
 * ({@link #savedArrays}) and its factory ({@link #create}). The declaration order is the order {@code auto} tries
 * them ({@link EngineChoice#choose}): the fastest first.
 * <ul>
 *   <li>{@link #SKETCH}: no p-dimensional vector at all; needs isotropic Gaussian clusters, a label-noise model that
 *       does not read the features, an optimiser linear in past gradients and p - k &gt;= n + m (k = 1 for one mean,
 *       else the axes of the signal model's means); never given data.</li>
 *   <li>{@link #SPAN}: explicit data, W = W0 + B X; needs an optimiser linear in past gradients.</li>
 *   <li>{@link #DENSE}: explicit X and W, any optimiser; needs m·p to fit in one Java array.</li>
 * </ul>
 * With given data ({@link TrainingSetup#given()}) no engine takes an adversarial label-noise model: its flips may
 * depend on &lt;x, μ&gt;, and μ is unknown ({@link #noEngine}). Every engine is exact for every signal model whose means
 * fit (dense and span: k &lt;= p); given data take only the default one mean.
 *
 * <p>A new engine is one more constant here (its rule, estimate and factory) and its implementation class.
 */
public enum EngineKind {
    /** {@link SketchEngine}. */
    SKETCH(SketchEngine.NAME, DrawFamily.SKETCH, false, SketchEngine::estimateMemoryBytes, SketchEngine::new) {
        @Override
        void reasons(Plugins plugins, TrainingSetup setup, List<String> reasons) {
            if (setup.dataGiven()) {
                reasons.add("the data are given (not drawn), and the sketch draws its own isotropic Gaussian "
                        + "data without ever forming points");
                return;
            }
            if (!plugins.cluster().properties().isotropicGaussian()) {
                reasons.add("cluster distribution " + describe(plugins.cluster()) + " is not isotropic Gaussian");
            }
            if (plugins.noise().needsFeatures()) {
                reasons.add("label noise " + describe(plugins.noise())
                        + " reads the feature vectors, which the sketch never forms");
            }
            nonlinear(plugins, reasons);
            long n = setup.n();
            long m = setup.width();
            int k = plugins.signal().dimension(); // the axes of the signal model's means (1 for one mean)
            if (setup.p() - (long) k < n + m) {
                reasons.add("p - " + k + " = " + (setup.p() - (long) k) + " < n + m = " + (n + m)
                        + " (the Bartlett decomposition of Wishart_{n+m}(p - " + k + ") needs p - " + k
                        + " >= n + m)");
            }
        }
    },
    /** {@link SpanEngine}. */
    SPAN(SpanEngine.NAME, DrawFamily.EXPLICIT, true, SpanEngine::estimateMemoryBytes, SpanEngine::new) {
        @Override
        void reasons(Plugins plugins, TrainingSetup setup, List<String> reasons) {
            explicitData(plugins, setup, reasons);
            if (setup.p() > TrainingSetup.MAX_ARRAY) {
                reasons.add("p = " + setup.p() + " exceeds the largest Java array (" + TrainingSetup.MAX_ARRAY
                        + "; each point is one array)");
            }
            nonlinear(plugins, reasons);
        }


        /** Span only when p &gt; n: otherwise a dense step (n p m) is no dearer than a span step (n² m). */
        @Override
        Optional<String> autoSkip(TrainingSetup setup) {
            return setup.p() <= setup.n()
                    ? Optional.of("p <= n, where a dense step (n p m) is no dearer than a span step (n^2 m)")
                    : Optional.empty();
        }
    },
    /** {@link DenseEngine}. */
    DENSE(DenseEngine.NAME, DrawFamily.EXPLICIT, true, DenseEngine::estimateMemoryBytes, DenseEngine::new) {
        @Override
        void reasons(Plugins plugins, TrainingSetup setup, List<String> reasons) {
            explicitData(plugins, setup, reasons);
            long size = (long) setup.width() * setup.p();
            if (size > TrainingSetup.MAX_ARRAY) {
                reasons.add(String.format(Locale.ROOT,
                        "width * p = %d * %d = %d exceeds the largest Java array (%d; W is one array)",
                        setup.width(), setup.p(), size, TrainingSetup.MAX_ARRAY));
            }
        }
    };

    /** An engine's constructor: threads, the run's products, whether its exactness is already settled. */
    @FunctionalInterface
    interface Factory {
        ThreadedEngine make(int threads, Products products, boolean checked);
    }

    private final String key;
    private final DrawFamily family;
    private final boolean formsPoints;
    private final ToLongFunction<TrainingSetup> memory;
    private final Factory factory;

    EngineKind(String key, DrawFamily family, boolean formsPoints, ToLongFunction<TrainingSetup> memory,
            Factory factory) {
        this.key = key;
        this.family = family;
        this.formsPoints = formsPoints;
        this.memory = memory;
        this.factory = factory;
    }

    /** The name in YAML ({@code training.engine}) and result files. */
    public String key() {
        return key;
    }

    /** The draws it makes from the run's streams. */
    public DrawFamily drawFamily() {
        return family;
    }

    /** Whether it forms the points X and W0 (dense and span); the sketch draws their Gram matrix only. */
    public boolean formsPoints() {
        return formsPoints;
    }

    /** Whether it trains the coefficients B of W = W0 + B X (span and sketch) rather than W itself (dense). */
    public boolean trainsCoefficients() {
        return this != DENSE;
    }

    /**
     * Why this engine cannot run these plugins and sizes exactly, or empty when it can; several reasons are joined
     * with "; ". The one place of the engine's exactness rule.
     *
     * @param plugins the plugin instances (not modified)
     * @param setup   the sizes (not modified)
     */
    public Optional<String> unsupported(Plugins plugins, TrainingSetup setup) {
        List<String> reasons = new ArrayList<>();
        reasons(plugins, setup, reasons);
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /** Adds to {@code reasons} why this engine is not exact for the plugins and sizes. */
    abstract void reasons(Plugins plugins, TrainingSetup setup, List<String> reasons);

    /**
     * Approximate heap use of training {@code setup} with this engine, for refusing a run that cannot fit before
     * anything is allocated.
     */
    public long estimateMemoryBytes(TrainingSetup setup) {
        return memory.applyAsLong(setup);
    }

    /**
     * A new engine whose matrix products run on {@code products}, chosen once for the run; it refuses a configuration
     * for which {@link #unsupported} gives a reason.
     *
     * @param threads threads for the matrix products, &gt;= 1
     * @throws IllegalArgumentException if threads &lt; 1
     */
    public Engine create(int threads, Products products) {
        return make(threads, java.util.Objects.requireNonNull(products, "products"), false);
    }

    /** The engine; {@code checked}: its exactness was settled by an {@link EngineChoice}, so train need not ask. */
    ThreadedEngine make(int threads, Products products, boolean checked) {
        return factory.make(threads, products, checked);
    }

    /**
     * The arrays this engine saves for these sizes and groups, in the order it hands them to the sink (the table
     * of {@link ArrayOutput}).
     */
    public List<ArrayOutput.Entry> savedArrays(TrainingSetup setup, Set<ArrayGroup> groups) {
        return ArrayOutput.plan(this, setup, groups);
    }

    /**
     * The auto policy beyond exactness: why {@code auto} passes over this engine although it is exact (empty: it
     * does not).
     */
    Optional<String> autoSkip(TrainingSetup setup) {
        return Optional.empty();
    }

    /**
     * The engine of this name.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static EngineKind of(String name) {
        java.util.Objects.requireNonNull(name, "name");
        for (EngineKind k : values()) {
            if (k.key.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown engine '" + name + "'; known engines: " + names());
    }

    /** The engine names, sorted. */
    public static List<String> names() {
        return Arrays.stream(values()).map(EngineKind::key).sorted().toList();
    }

    /**
     * Why no engine can run these plugins on these sizes, or empty: an adversarial label-noise model on given data
     * (its flips may depend on &lt;x, μ&gt;, and μ is unknown). Part of every engine's rule.
     */
    public static Optional<String> noEngine(Plugins plugins, TrainingSetup setup) {
        return setup.dataGiven() && plugins.noise().adversarial()
                ? Optional.of("label noise " + describe(plugins.noise()) + " is adversarial (its flips may depend on "
                        + "<x, μ>), and μ is unknown for given data")
                : Optional.empty();
    }

    private static void explicitData(Plugins plugins, TrainingSetup setup, List<String> reasons) {
        noEngine(plugins, setup).ifPresent(reasons::add);
        int k = plugins.signal().dimension();
        if (setup.dataGiven() && !plugins.signal().paperModel()) {
            reasons.add("the data are given (not drawn), so signal model " + plugins.signal() + " cannot draw them");
        }
        if (k > setup.p()) {
            reasons.add("signal model " + plugins.signal() + " needs " + k + " coordinates for its means, more than p = "
                    + setup.p());
        }
    }

    private static void nonlinear(Plugins plugins, List<String> reasons) {
        if (!plugins.optimizer().linearInGradients()) {
            reasons.add("optimizer " + describe(plugins.optimizer()) + " is not linear in past gradients");
        }
    }

    /** The simple class name, or the full name for an anonymous class. */
    static String describe(Object plugin) {
        String simple = plugin.getClass().getSimpleName();
        return simple.isEmpty() ? plugin.getClass().getName() : simple;
    }
}
