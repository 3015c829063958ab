package org.benignlab.distributions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.benignlab.api.ClusterProperties;

/** The {@code properties()} maps of the cluster providers, built from what the distribution declares. */
final class Declarations {
    private Declarations() {
    }

    /**
     * The declared {@link ClusterProperties} as property strings, with a note on the paper's assumptions.
     *
     * @param c           what the distribution declares
     * @param assumptions the value of {@code paper_assumptions}, e.g. {@code yes (Example 2.1)}
     */
    static Map<String, String> cluster(ClusterProperties c, String assumptions) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("product", c.product() ? "yes" : "no");
        p.put("sub_gaussian_norm", Double.isNaN(c.subGaussianNorm()) ? "none (not sub-Gaussian)"
                : String.valueOf(c.subGaussianNorm()));
        p.put("strong_log_concavity", String.valueOf(c.strongLogConcavity()));
        p.put("kappa", String.valueOf(c.kappa()));
        p.put("coordinate_variance", Double.isNaN(c.coordinateVariance()) ? "none (no common variance declared)"
                : String.valueOf(c.coordinateVariance()));
        p.put("isotropic_gaussian", c.isotropicGaussian() ? "yes (Gaussian sketch exact)" : "no");
        p.put("paper_assumptions", assumptions);
        return Collections.unmodifiableMap(p);
    }

    /** The {@code properties()} map of a signal-model provider: its number of mean axes, Bayes error, paper model. */
    static Map<String, String> signal(String means, String bayesErrorClean, boolean paperModel) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("means", means);
        p.put("bayes_error_clean", bayesErrorClean);
        p.put("paper_model", paperModel ? "yes" : "no");
        return Collections.unmodifiableMap(p);
    }
}
