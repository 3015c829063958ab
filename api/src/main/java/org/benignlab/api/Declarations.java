package org.benignlab.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a plugin instance declares about itself, as the property strings {@code benign plugins} shows: one
 * place for every extension point, used by {@link RecordProvider#properties()} and for providers that do
 * not declare their properties themselves.
 */
public final class Declarations {
    private Declarations() {
    }

    /**
     * The declarations of {@code instance}: an activation's γ and H, a cluster distribution's
     * {@link ClusterProperties}, a label-noise model's rate and flags, an optimizer's linearity in the
     * gradients; each with {@code paper_assumptions} where the declarations decide it. Empty for a loss or
     * an unknown type.
     */
    public static Map<String, String> of(Object instance) {
        Map<String, String> p = new LinkedHashMap<>();
        if (instance instanceof Activation a) {
            boolean leaky = a.leakiness().isPresent();
            boolean smooth = a.smoothness().isPresent();
            p.put("gamma", leaky ? fmt(a.leakiness().getAsDouble()) : "none (not leaky)");
            p.put("H", smooth ? fmt(a.smoothness().getAsDouble()) : "none (kinks at " + kinks(a.kinks()) + ")");
            String missing = (leaky ? "" : "not leaky") + (leaky || smooth ? "" : " and ")
                    + (smooth ? "" : "not smooth");
            p.put("paper_assumptions", leaky && smooth ? "yes" : "no: " + missing);
        } else if (instance instanceof ClusterDistribution d) {
            ClusterProperties c = d.properties();
            p.put("product", c.product() ? "yes" : "no");
            p.put("sub_gaussian_norm", Double.isNaN(c.subGaussianNorm()) ? "none (not sub-Gaussian)"
                    : fmt(c.subGaussianNorm()));
            p.put("strong_log_concavity", fmt(c.strongLogConcavity()));
            p.put("kappa", fmt(c.kappa()));
            p.put("coordinate_variance", Double.isNaN(c.coordinateVariance()) ? "none (no common variance declared)"
                    : fmt(c.coordinateVariance()));
            p.put("isotropic_gaussian", c.isotropicGaussian() ? "yes (Gaussian sketch exact)" : "no");
            p.put("paper_assumptions", c.meetsPaperAssumptions() ? "yes" : "no");
        } else if (instance instanceof LabelNoise n) {
            p.put("rate", fmt(n.rate()));
            p.put("adversarial", yesNo(n.adversarial()));
            p.put("needs_features", yesNo(n.needsFeatures()));
            p.put("reads_margins", yesNo(n.readsMargins()));
        } else if (instance instanceof Optimizer o) {
            p.put("linear_in_gradients", o.linearInGradients() ? "yes (span engine exact)" : "no (dense engine only)");
        }
        return p;
    }

    private static String kinks(double[] kinks) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < kinks.length; i++) {
            b.append(i == 0 ? "" : ", ").append(fmt(kinks[i]));
        }
        return kinks.length == 0 ? "none declared" : b.toString();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
