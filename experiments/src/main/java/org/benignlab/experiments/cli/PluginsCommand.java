package org.benignlab.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.benignlab.api.Declarations;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.Provider;
import org.benignlab.api.Registry;
import org.benignlab.experiments.run.PluginCatalog;
import org.benignlab.experiments.spec.RecordBinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

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
    @SuppressWarnings({"unchecked", "rawtypes"})
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
                Declarations.of(((Provider) p).create(p.exampleSpec())).forEach(props::putIfAbsent);
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

}
