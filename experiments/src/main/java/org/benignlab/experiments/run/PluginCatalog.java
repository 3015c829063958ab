package org.benignlab.experiments.run;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.Provider;
import org.benignlab.api.Registry;
import org.benignlab.experiments.spec.InputException;

/**
 * Every plugin visible to a run: the built-in ones on the class path plus those in plugin jars given
 * with {@code --plugins} (a jar, or a folder whose {@code *.jar} files are all loaded).
 */
public final class PluginCatalog {
    private final Map<ExtensionPoint, Registry<Provider<?, ?>>> registries;
    private final ClassLoader loader;
    private final List<Path> jars;

    private PluginCatalog(Map<ExtensionPoint, Registry<Provider<?, ?>>> registries, ClassLoader loader,
                          List<Path> jars) {
        this.registries = registries;
        this.loader = loader;
        this.jars = List.copyOf(jars);
    }

    /** The plugin jars loaded besides the built-in plugins (absolute paths). */
    public List<Path> jars() {
        return jars;
    }

    /**
     * The run executors found by ServiceLoader ({@link RunExecutorProvider}) among the built-in classes
     * and the plugin jars, by name; {@code local} is always there.
     */
    public Map<String, RunExecutorProvider> executors() {
        Map<String, RunExecutorProvider> m = new java.util.TreeMap<>();
        m.put(LocalExecutor.Provider.NAME, new LocalExecutor.Provider());
        try {
            for (RunExecutorProvider p : java.util.ServiceLoader.load(RunExecutorProvider.class, loader)) {
                RunExecutorProvider clash = m.putIfAbsent(p.name(), p);
                if (clash != null && clash.getClass() != p.getClass()) {
                    throw new InputException("plugins: executor '" + p.name() + "' is provided by both "
                            + clash.getClass().getName() + " and " + p.getClass().getName());
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new InputException("plugins: cannot load an executor: " + e.getMessage());
        }
        return m;
    }

    /** The built-in plugins only. */
    public static PluginCatalog builtIn() {
        return load(List.of());
    }

    /** Built-in plugins plus the plugin jars at {@code paths}. */
    public static PluginCatalog load(List<Path> paths) {
        ClassLoader parent = PluginCatalog.class.getClassLoader();
        ClassLoader loader = parent;
        List<URL> urls = new ArrayList<>();
        List<Path> loaded = new ArrayList<>();
        for (Path p : paths) {
            for (Path jar : jars(p)) {
                checkJar(jar);
                loaded.add(jar.toAbsolutePath().normalize());
                try {
                    urls.add(jar.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new InputException("--plugins " + jar + ": not a usable path");
                }
            }
        }
        if (!urls.isEmpty()) {
            loader = new URLClassLoader(urls.toArray(URL[]::new), parent);
        }
        Map<ExtensionPoint, Registry<Provider<?, ?>>> map = new EnumMap<>(ExtensionPoint.class);
        for (ExtensionPoint point : ExtensionPoint.values()) {
            try {
                map.put(point, Registry.load(point, loader));
            } catch (ServiceConfigurationError | IllegalStateException e) {
                throw new InputException("plugins: " + e.getMessage());
            }
        }
        return new PluginCatalog(map, loader, loaded);
    }

    private static List<Path> jars(Path p) {
        if (p.toString().isBlank()) { // an empty path is the current folder: every jar in it would load unasked
            throw new InputException("--plugins: must name a jar or a folder of jars, got an empty path");
        }
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.list(p)) {
                return s.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
            } catch (IOException e) {
                throw new InputException("--plugins " + p + ": cannot list folder: " + e.getMessage());
            }
        }
        if (!Files.exists(p)) {
            throw new InputException("--plugins " + p + ": no such file or folder");
        }
        return List.of(p);
    }

    private static void checkJar(Path jar) {
        org.benignlab.experiments.spec.InputFiles.requireRegular(jar, "--plugins " + jar, "a plugin jar");
        try (ZipFile z = new ZipFile(jar.toFile())) {
            z.size();
        } catch (IOException e) {
            throw new InputException("--plugins " + jar + ": not a readable jar (" + e.getMessage() + ")");
        }
    }

    /** The registries, one per extension point. */
    public Map<ExtensionPoint, Registry<Provider<?, ?>>> registries() {
        return registries;
    }
}
