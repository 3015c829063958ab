package org.benignlab.distributions;

import java.util.ArrayList;
import java.util.List;
import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.Specs;

/**
 * Parameters of {@code mixture} (YAML {@code data.signal}): k clusters, cluster a with mean μ_a, clean label and
 * weight.
 *
 * @param labels  the clean label of each cluster, -1 or +1; k = its length, &gt;= 2 (required)
 * @param weights the probability of each cluster, positive, normalised to sum 1 (default: equal)
 * @param norms   ‖μ_a‖ in units of ‖μ‖ ({@code data.mu}), positive (default: all 1)
 * @param angles  the pairwise angles between the means in degrees, in [0, 180], in the order (1,2), (1,3), ...,
 *                (1,k), (2,3), ..., (k−1,k): k(k−1)/2 values (default: all 90, orthogonal means); their Gram
 *                matrix must be positive semidefinite (a set of vectors with these angles must exist)
 */
public record MixtureSpec(List<Integer> labels, List<Double> weights, List<Double> norms, List<Double> angles) {
    /** The example spec: three orthogonal means labelled +1, −1, +1 with equal weights. */
    public static final MixtureSpec EXAMPLE = new MixtureSpec(List.of(1, -1, 1), null, null, null);

    public MixtureSpec {
        labels = Specs.required("labels", labels);
        int k = labels.size();
        if (k < 2) {
            throw InvalidSpecException.of("labels", labels, "must list at least 2 clusters' labels (-1 or +1)");
        }
        for (int a = 0; a < k; a++) {
            Integer l = labels.get(a);
            if (l == null || (l != 1 && l != -1)) {
                throw InvalidSpecException.of("labels[" + a + "]", l, "must be -1 or +1");
            }
        }
        labels = List.copyOf(labels);
        weights = positives("weights", weights, k);
        norms = positives("norms", norms, k);
        if (angles != null) {
            int pairs = k * (k - 1) / 2;
            if (angles.size() != pairs) {
                throw InvalidSpecException.of("angles", angles, "must hold k(k-1)/2 = " + pairs
                        + " values for k = " + k + " clusters (pairs (1,2), (1,3), ..., (k-1,k))");
            }
            for (int q = 0; q < pairs; q++) {
                Double v = angles.get(q);
                if (v == null || !(v >= 0 && v <= 180)) {
                    throw InvalidSpecException.of("angles[" + q + "]", v, "must be an angle in degrees in [0, 180]");
                }
            }
            angles = List.copyOf(angles);
        }
    }

    private static List<Double> positives(String field, List<Double> values, int k) {
        if (values == null) {
            return null;
        }
        if (values.size() != k) {
            throw InvalidSpecException.of(field, values, "must hold one value per cluster (" + k + ", as labels)");
        }
        List<Double> out = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            Double v = values.get(a);
            if (v == null || !(v > 0 && Double.isFinite(v))) {
                throw InvalidSpecException.of(field + "[" + a + "]", v, "must be a positive number");
            }
            out.add(v);
        }
        return List.copyOf(out);
    }
}
