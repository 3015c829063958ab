package org.benignlab.engine;

/**
 * The sizes and stopping rules of one training run (paper, Section 2.2). Plugins and random streams are
 * passed separately ({@link Plugins}, {@link RandomStreams}). The compact constructor throws an
 * {@link IllegalArgumentException} naming the field, the value and what is allowed.
 *
 * @param n                   number of training points, &gt;= 1
 * @param p                   dimension of the inputs, &gt;= 1
 * @param width               number of hidden units m, &gt;= 1 (the dense engine also needs m * p to fit in
 *                            one Java array; the span and sketch engines do not, see {@link Engines#unsupported})
 * @param muNorm              ||μ||, finite and &gt;= 0; μ = ||μ|| e_1
 * @param testSize            number of test points, &gt;= 0 (0: test metrics are NaN)
 * @param initScale           ω: W0_ij ~ N(0, ω²), finite and &gt;= 0
 * @param maxSteps            largest number of gradient updates, &gt;= 0
 * @param stopLoss            stop when the train loss is &lt;= stopLoss; a value &lt;= 0 turns the rule off
 * @param stopAtInterpolation stop when the train error (against the observed labels) is 0
 * @param pointsPerDecade     density of the logarithmic metric schedule ({@link org.benignlab.api.LogSchedule}), &gt;= 1
 * @param secondLayer         the fixed second layer a (the paper's: {@link SecondLayer#paper(int)})
 * @param given               data given instead of drawn (e.g. from files), or null to draw them from the
 *                            paper's model; when given, n, p and testSize must equal its sizes and muNorm is
 *                            not used (μ is unknown: pass 0)
 * @param diagnostics         groups of {@link Diagnostics} to record besides the metrics every run records
 *                            (none with the shorter constructors)
 * @param stallSteps          stop with {@link org.benignlab.api.StopReason#STALLED} when the train loss (above 0)
 *                            has not reached a new minimum for this many steps; 0 turns the rule off (off with
 *                            the shorter constructors)
 * @param spectralNorm        whether ||W||_2 and the stable rank are recorded (true with the shorter
 *                            constructors); without them the span engine skips G0 = W0 W0^T at setup
 *                            (m(m+1)/2·p multiply-adds) and the eigenvalue at each recorded step, the dense engine
 *                            W W^T (m²·p) at each recorded step; every other number is the same up to rounding
 * @param baselines           the linear baselines computed on the run's draws after training ({@link LinearBaselines};
 *                            none with the shorter constructors); they change no number of the network
 */
public record TrainingSetup(int n, int p, int width, double muNorm, int testSize, double initScale,
                            long maxSteps, double stopLoss, boolean stopAtInterpolation, int pointsPerDecade,
                            SecondLayer secondLayer, GivenData given, java.util.Set<String> diagnostics,
                            long stallSteps, boolean spectralNorm, java.util.Set<Baseline> baselines) {

    /** A setup computing no baseline. */
    public TrainingSetup(int n, int p, int width, double muNorm, int testSize, double initScale,
                         long maxSteps, double stopLoss, boolean stopAtInterpolation, int pointsPerDecade,
                         SecondLayer secondLayer, GivenData given, java.util.Set<String> diagnostics,
                         long stallSteps, boolean spectralNorm) {
        this(n, p, width, muNorm, testSize, initScale, maxSteps, stopLoss, stopAtInterpolation, pointsPerDecade,
                secondLayer, given, diagnostics, stallSteps, spectralNorm, java.util.Set.of());
    }

    /** A setup recording the spectral norm. */
    public TrainingSetup(int n, int p, int width, double muNorm, int testSize, double initScale,
                         long maxSteps, double stopLoss, boolean stopAtInterpolation, int pointsPerDecade,
                         SecondLayer secondLayer, GivenData given, java.util.Set<String> diagnostics,
                         long stallSteps) {
        this(n, p, width, muNorm, testSize, initScale, maxSteps, stopLoss, stopAtInterpolation, pointsPerDecade,
                secondLayer, given, diagnostics, stallSteps, true);
    }

    /** A setup with diagnostics and no stall rule. */
    public TrainingSetup(int n, int p, int width, double muNorm, int testSize, double initScale,
                         long maxSteps, double stopLoss, boolean stopAtInterpolation, int pointsPerDecade,
                         SecondLayer secondLayer, GivenData given, java.util.Set<String> diagnostics) {
        this(n, p, width, muNorm, testSize, initScale, maxSteps, stopLoss, stopAtInterpolation, pointsPerDecade,
                secondLayer, given, diagnostics, 0);
    }

    /** A setup that records no diagnostics. */
    public TrainingSetup(int n, int p, int width, double muNorm, int testSize, double initScale,
                         long maxSteps, double stopLoss, boolean stopAtInterpolation, int pointsPerDecade,
                         SecondLayer secondLayer, GivenData given) {
        this(n, p, width, muNorm, testSize, initScale, maxSteps, stopLoss, stopAtInterpolation, pointsPerDecade,
                secondLayer, given, java.util.Set.of());
    }

    /** The same setup recording the diagnostics groups {@code groups}. */
    public TrainingSetup withDiagnostics(java.util.Set<String> groups) {
        return new TrainingSetup(n, p, width, muNorm, testSize, initScale, maxSteps, stopLoss, stopAtInterpolation,
                pointsPerDecade, secondLayer, given, groups, stallSteps, spectralNorm, baselines);
    }

    /** The same setup with the stall rule at {@code steps} (0: off). */
    public TrainingSetup withStallSteps(long steps) {
        return new TrainingSetup(n, p, width, muNorm, testSize, initScale, maxSteps, stopLoss, stopAtInterpolation,
                pointsPerDecade, secondLayer, given, diagnostics, steps, spectralNorm, baselines);
    }

    /** The same setup with ||W||_2 and the stable rank recorded ({@code true}) or left out. */
    public TrainingSetup withSpectralNorm(boolean record) {
        return new TrainingSetup(n, p, width, muNorm, testSize, initScale, maxSteps, stopLoss, stopAtInterpolation,
                pointsPerDecade, secondLayer, given, diagnostics, stallSteps, record, baselines);
    }

    /** The same setup computing the baselines {@code which} after training. */
    public TrainingSetup withBaselines(java.util.Set<Baseline> which) {
        return new TrainingSetup(n, p, width, muNorm, testSize, initScale, maxSteps, stopLoss, stopAtInterpolation,
                pointsPerDecade, secondLayer, given, diagnostics, stallSteps, spectralNorm, which);
    }

    /** The metrics of {@link org.benignlab.api.MetricNames#ALL} this setup records, in that order. */
    public java.util.List<String> coreMetrics() {
        return spectralNorm ? org.benignlab.api.MetricNames.ALL : org.benignlab.api.MetricNames.ALL.stream()
                .filter(name -> !SPECTRAL_METRICS.contains(name)).toList();
    }

    /** The metrics left out without the spectral norm: ||W||_2 and the stable rank. */
    public static final java.util.List<String> SPECTRAL_METRICS = java.util.List.of(
            org.benignlab.api.MetricNames.WEIGHT_NORM_SPECTRAL, org.benignlab.api.MetricNames.STABLE_RANK);

    /** Whether the diagnostics group {@code group} is recorded. */
    public boolean records(String group) {
        return diagnostics.contains(group);
    }

    /** A setup for data drawn from the paper's model. */
    public TrainingSetup(int n, int p, int width, double muNorm, int testSize, double initScale,
                         long maxSteps, double stopLoss, boolean stopAtInterpolation, int pointsPerDecade,
                         SecondLayer secondLayer) {
        this(n, p, width, muNorm, testSize, initScale, maxSteps, stopLoss, stopAtInterpolation, pointsPerDecade,
                secondLayer, null);
    }

    /** A setup with the paper's second layer: random signs, magnitude 1/√m. */
    public TrainingSetup(int n, int p, int width, double muNorm, int testSize, double initScale,
                         long maxSteps, double stopLoss, boolean stopAtInterpolation, int pointsPerDecade) {
        this(n, p, width, muNorm, testSize, initScale, maxSteps, stopLoss, stopAtInterpolation, pointsPerDecade,
                SecondLayer.paper(Math.max(width, 1)));
    }

    /** Largest length of a Java array that every JVM accepts. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;

    public TrainingSetup {
        atLeast("n", n, 1);
        atLeast("p", p, 1);
        atLeast("width", width, 1);
        if (!(Double.isFinite(muNorm) && muNorm >= 0)) {
            throw bad("muNorm", muNorm, "must be a finite number >= 0");
        }
        atLeast("testSize", testSize, 0);
        if (!(Double.isFinite(initScale) && initScale >= 0)) {
            throw bad("initScale", initScale, "must be a finite number >= 0");
        }
        if (maxSteps < 0) {
            throw bad("maxSteps", maxSteps, "must be >= 0");
        }
        if (!Double.isFinite(stopLoss)) {
            throw bad("stopLoss", stopLoss, "must be a finite number (<= 0 turns the rule off)");
        }
        atLeast("pointsPerDecade", pointsPerDecade, 1);
        if (secondLayer == null) {
            throw bad("secondLayer", null, "is required");
        }
        if (diagnostics == null || !Diagnostics.GROUPS.containsAll(diagnostics)) {
            throw bad("diagnostics", diagnostics, "must be a subset of " + Diagnostics.GROUPS);
        }
        diagnostics = java.util.Set.copyOf(diagnostics);
        if (baselines == null) {
            throw bad("baselines", null, "is required (empty for none)");
        }
        baselines = java.util.Set.copyOf(baselines);
        if (stallSteps < 0) {
            throw bad("stallSteps", stallSteps, "must be >= 0 (0: off)");
        }
        if (given != null && (given.size() != n || given.dimension() != p || given.testSize() != testSize)) {
            throw bad("given", given.size() + " x " + given.dimension() + " with " + given.testSize() + " test points",
                    "must match n = " + n + ", p = " + p + ", testSize = " + testSize);
        }
    }

    /** Whether the data are given ({@link #given()} not null) rather than drawn. */
    public boolean dataGiven() {
        return given != null;
    }

    /** Whether the stop-loss rule is on ({@code stopLoss > 0}). */
    public boolean stopLossEnabled() {
        return stopLoss > 0;
    }

    private static void atLeast(String field, long value, long min) {
        if (value < min) {
            throw bad(field, value, "must be >= " + min);
        }
    }

    private static IllegalArgumentException bad(String field, Object value, String allowed) {
        return new IllegalArgumentException("TrainingSetup." + field + ": " + allowed + ", got " + value);
    }
}
