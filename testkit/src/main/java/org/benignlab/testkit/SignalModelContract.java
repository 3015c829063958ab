package org.benignlab.testkit;

import java.util.List;
import java.util.Optional;

import org.apache.commons.rng.UniformRandomProvider;
import org.benignlab.api.SignalModel;

import static org.benignlab.testkit.ActivationContract.fail;

/**
 * The contract of a {@link SignalModel} (YAML {@code data.signal}): its clusters are well formed, its draws are
 * determined by the generator, and in the limit it uses exactly its k clusters with their weights.
 * <ul>
 *   <li>{@code declarations}: at least one cluster; labels in {−1, +1}; weights in (0, 1] summing to 1 (to 1e-9);
 *       every mean of length k = {@code dimension()} &gt;= 1 and finite; the declared clean Bayes error, where not NaN,
 *       is in [0, 1/2] at ‖μ‖ = 0, 1, 3 and does not increase with ‖μ‖;</li>
 *   <li>{@code determinism}: two generators of one seed give the same sequence of clusters, and the instance keeps
 *       no generator-bound state (drawing from another generator in between changes nothing);</li>
 *   <li>{@code frequencies}: {@code draw} returns only indices of {@link SignalModel#clusters()}, and the frequency
 *       of each cluster over {@code draws} draws is its weight within 5 binomial standard errors (two-sided 5.7e-7
 *       per cluster: a failure budget of 5.7e-7 k' for k' clusters, e.g. 2.3e-6 for XOR's four).</li>
 * </ul>
 * A counterexample starts with the property it breaks. The seed is an argument: pin it.
 */
public final class SignalModelContract {

    /** Number of standard errors a frequency may be from its weight. */
    public static final double SIGMAS = 5;

    private SignalModelContract() {
    }

    /** {@link #checkDeclarations}, {@link #checkDeterminism} and {@link #checkFrequencies}; the first counterexample. */
    public static Optional<String> check(SignalModel model, long seed, int draws) {
        Optional<String> r = checkDeclarations(model);
        if (r.isEmpty()) {
            r = checkDeterminism(model, seed);
        }
        if (r.isEmpty()) {
            r = checkFrequencies(model, seed, draws);
        }
        return r;
    }

    /** The clusters are well formed (class comment, {@code declarations}). */
    public static Optional<String> checkDeclarations(SignalModel model) {
        List<SignalModel.Cluster> clusters = model.clusters();
        if (clusters == null || clusters.isEmpty()) {
            return fail("declarations: no clusters");
        }
        int k = model.dimension();
        if (k < 1) {
            return fail("declarations: dimension() = %d, must be >= 1", k);
        }
        double total = 0;
        for (int c = 0; c < clusters.size(); c++) {
            SignalModel.Cluster cl = clusters.get(c);
            if (cl == null) {
                return fail("declarations: cluster %d is null", c);
            }
            if (cl.mean().length != k) {
                return fail("declarations: cluster %d has a mean of length %d, dimension() is %d", c,
                        cl.mean().length, k);
            }
            total += cl.weight();
        }
        if (Math.abs(total - 1) > 1e-9) {
            return fail("declarations: the weights sum to %.12g, not 1", total);
        }
        double previous = Double.NaN;
        for (double mu : new double[] {0, 1, 3}) {
            double e = model.bayesErrorClean(mu);
            if (Double.isNaN(e)) {
                continue;
            }
            if (!(e >= 0 && e <= 0.5)) {
                return fail("declarations: Bayes error %.6g at ‖μ‖ = %s is outside [0, 1/2]", e, mu);
            }
            if (e > previous + 1e-12) {
                return fail("declarations: Bayes error %.6g at ‖μ‖ = %s exceeds %.6g at a smaller ‖μ‖", e, mu, previous);
            }
            previous = e;
        }
        return Optional.empty();
    }

    /** The draws are a function of the generator alone (class comment, {@code determinism}). */
    public static Optional<String> checkDeterminism(SignalModel model, long seed) {
        UniformRandomProvider a = TestRandom.of(seed);
        UniformRandomProvider b = TestRandom.of(seed);
        UniformRandomProvider other = TestRandom.of(seed + 1);
        for (int i = 0; i < 200; i++) {
            int x = model.draw(a);
            model.draw(other);
            int y = model.draw(b);
            if (x != y) {
                return fail("determinism: draw %d gave cluster %d and %d from two generators of seed %d", i, x, y, seed);
            }
        }
        return Optional.empty();
    }

    /** Every cluster is drawn with its weight and no other index is (class comment, {@code frequencies}). */
    public static Optional<String> checkFrequencies(SignalModel model, long seed, int draws) {
        List<SignalModel.Cluster> clusters = model.clusters();
        long[] counts = new long[clusters.size()];
        UniformRandomProvider rng = TestRandom.of(seed);
        for (int i = 0; i < draws; i++) {
            int c = model.draw(rng);
            if (c < 0 || c >= counts.length) {
                return fail("frequencies: draw %d returned %d, not an index of the %d clusters", i, c, counts.length);
            }
            counts[c]++;
        }
        for (int c = 0; c < counts.length; c++) {
            double w = clusters.get(c).weight();
            double f = (double) counts[c] / draws;
            double se = Math.sqrt(w * (1 - w) / draws);
            if (Math.abs(f - w) > SIGMAS * se + 1e-12) {
                return fail("frequencies: cluster %d drawn in a fraction %.5f of %d draws, its weight is %.5f (%.0f "
                        + "standard errors of %.2e allowed)", c, f, draws, w, SIGMAS, se);
            }
        }
        return Optional.empty();
    }
}
