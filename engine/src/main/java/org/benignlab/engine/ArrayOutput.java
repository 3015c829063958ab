package org.benignlab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which arrays a run saves and where they go: the groups asked for and the sink that receives them
 * ({@link Engine#train(TrainingSetup, Plugins, RandomStreams, MetricsSink, ArrayOutput)}). Saving changes
 * no number: no random stream is touched, and the extra products (K and Z0 for the dense engine, W for
 * the span engine) are computed apart from the training loop.
 *
 * <p>What each engine saves ({@link EngineKind#savedArrays}), with n training points, p dimensions and m hidden units
 * ("explicit" = the dense and span engines, which form X and W0):
 * <pre>
 *   group  name     shape   dtype    engines
 *   data   X        (n, p)  float64  explicit
 *          y        (n)     float64  all        observed labels, ±1
 *          y_clean  (n)     float64  all        clean labels ỹ, ±1 (given data: the labels given)
 *          noisy    (n)     int8     all        1 where y = -ỹ
 *          mu       (p)     float64  explicit, drawn data only: μ = ||μ|| e_1
 *          K        (n, n)  float64  all        X X^T
 *   init   a        (m)     float64  all
 *          W0       (m, p)  float64  explicit
 *          Z0       (n, m)  float64  all        X W0^T
 *   final  W        (m, p)  float64  explicit   (span: W0 + B X)
 *          B        (m, n)  float64  span, sketch: W = W0 + B X
 *          Z        (n, m)  float64  all        X W^T at the final step (span, sketch: Z0 + K B^T)
 * </pre>
 *
 * @param groups the groups to save (copied)
 * @param sink   receives them; may be null only when {@code groups} is empty
 */
public record ArrayOutput(Set<ArrayGroup> groups, ArraysSink sink) {
    private static final ArrayOutput NONE = new ArrayOutput(Set.of(), null);

    public ArrayOutput {
        Objects.requireNonNull(groups, "groups");
        groups = groups.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(groups));
        if (!groups.isEmpty()) {
            Objects.requireNonNull(sink, "sink");
        }
    }

    /** Save nothing. */
    public static ArrayOutput none() {
        return NONE;
    }

    /** Whether a group is asked for. */
    public boolean wants(ArrayGroup group) {
        return groups.contains(group);
    }

    /**
     * One array an engine saves.
     *
     * @param name    file stem, e.g. {@code X}
     * @param group   its group
     * @param shape   its shape (1-D or 2-D)
     * @param dtype   {@code float64} or {@code int8}
     * @param meaning one line: what it holds
     */
    public record Entry(String name, ArrayGroup group, long[] shape, String dtype, String meaning) {
        /** Size in bytes of the data (without a file header). */
        public long bytes() {
            long count = 1;
            for (long d : shape) {
                count *= d;
            }
            return count * (dtype.equals("int8") ? 1 : 8);
        }

        /** The shape as text, e.g. {@code (100, 5000)} or {@code (100,)} (NumPy's way). */
        public String shapeText() {
            if (shape.length == 1) {
                return "(" + shape[0] + ",)";
            }
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < shape.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(shape[i]);
            }
            return sb.append(')').toString();
        }
    }

    /**
     * The arrays an engine saves for these sizes and groups, in the order it hands them to the sink
     * ({@link EngineKind#savedArrays}).
     *
     * @param engine the engine
     * @param setup  the sizes and whether the data are given (not modified)
     * @param groups the groups asked for
     */
    static List<Entry> plan(EngineKind engine, TrainingSetup setup, Set<ArrayGroup> groups) {
        Objects.requireNonNull(setup, "setup");
        boolean explicit = engine.formsPoints();
        boolean span = engine.trainsCoefficients();
        boolean given = setup.given() != null;
        long n = setup.n();
        long p = setup.p();
        long m = setup.width();
        List<Entry> out = new ArrayList<>();
        if (groups.contains(ArrayGroup.DATA)) {
            ArrayGroup g = ArrayGroup.DATA;
            if (explicit) {
                out.add(new Entry("X", g, new long[] {n, p}, "float64", given
                        ? "training points x_i as rows, as given"
                        : "training points x_i = z_i + ỹ_i μ as rows"));
            }
            out.add(new Entry("y", g, new long[] {n}, "float64", "observed labels y_i in {-1, +1} (after label noise)"));
            out.add(new Entry("y_clean", g, new long[] {n}, "float64", given
                    ? "clean labels ỹ_i in {-1, +1}: the labels given (0/1 files mapped to -1/+1)"
                    : "clean labels ỹ_i in {-1, +1}"));
            out.add(new Entry("noisy", g, new long[] {n}, "int8", "1 where label noise flipped the label (y = -ỹ), else 0"));
            if (explicit && !given) {
                out.add(new Entry("mu", g, new long[] {p}, "float64", "class mean μ = ||μ|| e_1"));
            }
            out.add(new Entry("K", g, new long[] {n, n}, "float64", explicit
                    ? "Gram matrix K = X X^T"
                    : "Gram matrix K_ik = <x_i, x_k>, drawn exactly (X itself is never formed)"));
        }
        if (groups.contains(ArrayGroup.INIT)) {
            ArrayGroup g = ArrayGroup.INIT;
            out.add(new Entry("a", g, new long[] {m}, "float64", "second layer a_j (fixed, never trained)"));
            if (explicit) {
                out.add(new Entry("W0", g, new long[] {m, p}, "float64", "initial first layer, rows w_j(0)"));
            }
            out.add(new Entry("Z0", g, new long[] {n, m}, "float64", explicit
                    ? "initial pre-activations Z0 = X W0^T, Z0_ij = <w_j(0), x_i>"
                    : "initial pre-activations Z0_ij = <w_j(0), x_i>, drawn exactly (W0 is never formed)"));
        }
        if (groups.contains(ArrayGroup.FINAL)) {
            ArrayGroup g = ArrayGroup.FINAL;
            if (explicit) {
                out.add(new Entry("W", g, new long[] {m, p}, "float64", span
                        ? "first layer at the final step, W = W0 + B X"
                        : "first layer at the final step"));
            }
            if (span) {
                out.add(new Entry("B", g, new long[] {m, n}, "float64",
                        "coefficients of the span representation at the final step: W = W0 + B X"));
            }
            out.add(new Entry("Z", g, new long[] {n, m}, "float64", span
                    ? "pre-activations at the final step, Z = X W^T = Z0 + K B^T"
                    : "pre-activations at the final step, Z = X W^T"));
        }
        return List.copyOf(out);
    }
}
