package org.benignlab.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.benignlab.api.MetricNames;

/**
 * The theory diagnostics an engine can record besides {@link MetricNames#ALL}, in groups that can be
 * switched on and off ({@link TrainingSetup#diagnostics()}); each is computed at the recorded steps only.
 * <pre>
 *   losses     train loss on clean / noisy points, max g_i/g_j overall, within clean, within noisy    O(n)
 *   margin     E[ỹ f(x; W)] / ||W||_F on the test set (uses the test outputs already computed)        O(test)
 *   change     ||W - W0||_F / ||W0||_F: free for span and sketch (tr(B K B^T)); dense keeps a copy of
 *              W0 (m·p more memory) and pays m·p per recorded step                                    O(m p) dense
 *   gradients  ||∇L̂||_F / Ĝ and max |cos| between per-sample gradients, from K = X X^T and
 *              a_k φ'(&lt;w_k, x_i&gt;): O(n² m) per recorded step; dense computes K once (n² p, n² memory)
 * </pre>
 */
public final class Diagnostics {
    private Diagnostics() {
    }

    public static final String LOSSES = "losses";
    public static final String MARGIN = "margin";
    public static final String CHANGE = "change";
    public static final String GRADIENTS = "gradients";

    /** Every group, in the order their metrics are written. */
    public static final List<String> GROUPS = List.of(LOSSES, MARGIN, CHANGE, GRADIENTS);

    /** The metrics of each group. */
    public static final Map<String, List<String>> METRICS = Map.of(
            LOSSES, List.of(MetricNames.TRAIN_LOSS_CLEAN, MetricNames.TRAIN_LOSS_NOISY, MetricNames.LOSS_RATIO,
                    MetricNames.LOSS_RATIO_CLEAN, MetricNames.LOSS_RATIO_NOISY),
            MARGIN, List.of(MetricNames.NORMALIZED_MARGIN),
            CHANGE, List.of(MetricNames.RELATIVE_CHANGE),
            GRADIENTS, List.of(MetricNames.GRADIENT_NORM_RATIO, MetricNames.GRADIENT_COSINE_MAX));

    /** Every group on. */
    public static Set<String> all() {
        return Set.copyOf(GROUPS);
    }

    /** The metric names recorded for these groups, in writing order. */
    public static List<String> metrics(Set<String> groups) {
        return GROUPS.stream().filter(groups::contains).flatMap(g -> METRICS.get(g).stream()).toList();
    }
}
