package org.benignlab.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.benignlab.api.Activation;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.ClusterProperties;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.Optimizer;
import org.benignlab.api.Provider;
import org.benignlab.api.Registry;
import org.benignlab.experiments.run.PluginCatalog;
import org.benignlab.experiments.spec.RecordBinder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code benign plugins}: every discovered plugin by extension point, with its declared properties. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists every discovered plugin by extension point: type key, class, parameters, properties.")
final class PluginsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--plugins", paramLabel = "PATH",
            description = "A plugin jar, or a folder of plugin jars, to load besides the built-in plugins (repeatable).")
    List<Path> plugins = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        PluginCatalog catalog = PluginCatalog.load(plugins);
        for (ExtensionPoint point : ExtensionPoint.values()) {
            Registry<Provider<?, ?>> reg = catalog.registries().get(point);
            w.printf("%s (YAML %s.type)%n", point.title(), point.yamlPath());
            for (Provider<?, ?> p : reg.providers()) {
                w.printf("  %-22s %s%n", p.type(), p.getClass().getName());
                w.printf("  %-22s %s%n", "", p.description());
                Map<String, Object> params = RecordBinder.toMap(p.exampleSpec());
                if (!params.isEmpty()) {
                    w.printf("  %-22s parameters (example): %s%n", "", params);
                }
                Map<String, String> props = new LinkedHashMap<>(p.properties());
                derived(p).forEach(props::putIfAbsent);
                if (!props.isEmpty()) {
                    w.printf("  %-22s properties: %s%n", "", props);
                }
            }
            w.println();
        }
        w.println("Executors (benign run --executor NAME)");
        catalog.executors().forEach((name, e) -> {
            w.printf("  %-22s %s%n", name, e.getClass().getName());
            w.printf("  %-22s %s%n", "", e.description());
        });
        w.flush();
        return 0;
    }

    /**
     * Properties read from an instance built from the example spec, for a provider that does not
     * declare them itself.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, String> derived(Provider<?, ?> p) {
        Map<String, String> m = new LinkedHashMap<>();
        Object o = ((Provider) p).create(p.exampleSpec());
        if (o instanceof Activation a) {
            m.put("gamma", a.leakiness().isPresent() ? fmt(a.leakiness().getAsDouble()) : "none (not leaky)");
            m.put("H", a.smoothness().isPresent() ? fmt(a.smoothness().getAsDouble()) : "none (not smooth)");
        } else if (o instanceof ClusterDistribution c) {
            ClusterProperties cp = c.properties();
            m.put("paper_assumptions", cp.meetsPaperAssumptions() ? "yes" : "no");
            m.put("isotropic_gaussian", cp.isotropicGaussian() ? "yes (Gaussian sketch exact)" : "no");
            m.put("coordinate_variance", Double.isNaN(cp.coordinateVariance()) ? "none declared"
                    : fmt(cp.coordinateVariance()));
        } else if (o instanceof LabelNoise n) {
            m.put("adversarial", n.adversarial() ? "yes" : "no");
            m.put("needs_features", n.needsFeatures() ? "yes" : "no");
        } else if (o instanceof Optimizer opt) {
            m.put("linear_in_gradients", opt.linearInGradients() ? "yes (span engine exact)" : "no (dense engine only)");
        }
        return m;
    }

    private static String fmt(double v) {
        return Double.toString(v);
    }
}
