package org.benignlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The engines by name, and which of them can run a configuration exactly.
 * <ul>
 *   <li>{@value DenseEngine#NAME}: explicit X and W, any optimiser; needs m·p to fit in one Java array.</li>
 *   <li>{@value SpanEngine#NAME}: explicit data, W = W0 + B X; needs an optimiser linear in past gradients.</li>
 *   <li>{@value SketchEngine#NAME}: no p-dimensional vector at all; needs isotropic Gaussian clusters, a
 *       label-noise model that does not read the features, an optimiser linear in past gradients and
 *       p - k &gt;= n + m (k = 1 for one mean; k axes for the signal model's means); never given data.</li>
 * </ul>
 * Every engine is exact for every signal model whose means fit in p coordinates (k &lt;= p).
 * With given data ({@link TrainingSetup#given()}) no engine takes an adversarial label-noise model: its flips
 * may depend on &lt;x, μ&gt;, and μ is unknown.
 */
public final class Engines {
    /** The known engine names, sorted. */
    public static final List<String> NAMES = List.of(DenseEngine.NAME, SketchEngine.NAME, SpanEngine.NAME);

    private Engines() {
    }

    /**
     * A new engine on {@link Products#preferred()}.
     *
     * @param name    {@code dense}, {@code span} or {@code sketch}
     * @param threads threads for the matrix products, &gt;= 1
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones) or threads &lt; 1
     */
    public static Engine create(String name, int threads) {
        return create(name, threads, Products.preferred());
    }

    /**
     * A new engine whose matrix products run on {@code products}, chosen once for the run.
     *
     * @param name     {@code dense}, {@code span} or {@code sketch}
     * @param threads  threads for the matrix products, &gt;= 1
     * @param products the backend ({@link Products#nativeBlas()}, {@link Products#javaKernels()})
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones) or threads &lt; 1
     */
    public static Engine create(String name, int threads, Products products) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(products, "products");
        return switch (name) {
            case DenseEngine.NAME -> new DenseEngine(threads, products);
            case SpanEngine.NAME -> new SpanEngine(threads, products);
            case SketchEngine.NAME -> new SketchEngine(threads, products);
            default -> throw unknown(name);
        };
    }

    /**
     * Approximate heap use of training {@code setup} with the engine {@code name} (each engine's
     * {@code estimateMemoryBytes}), for refusing a run that cannot fit before anything is allocated.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static long estimateMemoryBytes(String name, TrainingSetup setup) {
        Objects.requireNonNull(name, "name");
        return switch (name) {
            case DenseEngine.NAME -> DenseEngine.estimateMemoryBytes(setup);
            case SpanEngine.NAME -> SpanEngine.estimateMemoryBytes(setup);
            case SketchEngine.NAME -> SketchEngine.estimateMemoryBytes(setup);
            default -> throw unknown(name);
        };
    }

    /**
     * Why an engine cannot run these plugins and sizes exactly, or empty when it can. Several reasons are
     * joined with "; ".
     *
     * @param engineName {@code dense}, {@code span} or {@code sketch}
     * @param plugins    the plugin instances (not modified)
     * @param setup      the sizes (not modified)
     * @throws IllegalArgumentException for an unknown engine name
     */
    public static Optional<String> unsupported(String engineName, Plugins plugins, TrainingSetup setup) {
        Objects.requireNonNull(engineName, "engineName");
        Objects.requireNonNull(plugins, "plugins");
        Objects.requireNonNull(setup, "setup");
        List<String> reasons = new ArrayList<>();
        boolean given = setup.dataGiven();
        if (given && plugins.noise().adversarial() && !engineName.equals(SketchEngine.NAME)) {
            reasons.add(adversarialOnGivenData(plugins));
        }
        int k = plugins.signal().dimension();
        if (given && !plugins.signal().paperModel()) {
            reasons.add("the data are given (not drawn), so signal model " + plugins.signal() + " cannot draw them");
        }
        if (k > setup.p()) {
            reasons.add("signal model " + plugins.signal() + " needs " + k + " coordinates for its means, more than p = "
                    + setup.p());
        }
        switch (engineName) {
            case DenseEngine.NAME -> {
                long size = (long) setup.width() * setup.p();
                if (size > TrainingSetup.MAX_ARRAY) {
                    reasons.add(String.format(Locale.ROOT,
                            "width * p = %d * %d = %d exceeds the largest Java array (%d; W is one array)",
                            setup.width(), setup.p(), size, TrainingSetup.MAX_ARRAY));
                }
            }
            case SpanEngine.NAME -> {
                if (setup.p() > TrainingSetup.MAX_ARRAY) {
                    reasons.add("p = " + setup.p() + " exceeds the largest Java array (" + TrainingSetup.MAX_ARRAY
                            + "; each point is one array)");
                }
                nonlinear(plugins, reasons);
            }
            case SketchEngine.NAME -> {
                if (given) {
                    reasons.add("the data are given (not drawn), and the sketch draws its own isotropic Gaussian "
                            + "data without ever forming points");
                    break;
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
                if (setup.p() - (long) k < n + m) {
                    reasons.add("p - " + k + " = " + (setup.p() - (long) k) + " < n + m = " + (n + m)
                            + " (the Bartlett decomposition of Wishart_{n+m}(p - " + k + ") needs p - " + k
                            + " >= n + m)");
                }
            }
            default -> throw unknown(engineName);
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    private static String adversarialOnGivenData(Plugins plugins) {
        return "label noise " + describe(plugins.noise()) + " is adversarial (its flips may depend on <x, μ>), and "
                + "μ is unknown for given data";
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

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown engine '" + name + "'; known engines: " + NAMES);
    }
}
