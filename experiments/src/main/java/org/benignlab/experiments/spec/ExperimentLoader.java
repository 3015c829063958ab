package org.benignlab.experiments.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.benignlab.api.ExtensionPoint;
import org.benignlab.api.InvalidSpecException;
import org.benignlab.api.Provider;
import org.benignlab.api.Registry;
import org.benignlab.engine.EngineChoice;
import org.benignlab.experiments.arrays.DataFiles;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads an experiment file: YAML (no type tags, bounded size, depth and aliases) -> tree -> the
 * {@code --set} overrides -> data files read and checked ({@code data.type: file}, {@link DataFiles}) ->
 * parameters resolved ({@link Parameters}) -> {@link ExperimentSpec}
 * bound and validated ({@link RecordBinder}). Every failure is an {@link InputException} whose message
 * names the file and the YAML path.
 */
public final class ExperimentLoader {
    /** Largest experiment file read, in bytes. */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** Deepest nesting of lists and mappings read. */
    public static final int MAX_DEPTH = 40;

    private final Map<ExtensionPoint, Registry<Provider<?, ?>>> registries;
    private final ObjectMapper yaml;
    private final DataFiles dataFiles = new DataFiles();
    /** Folder of the last file {@link #readTree} read: relative data paths of trees loaded after it resolve there. */
    private Path folder;

    public ExperimentLoader(Map<ExtensionPoint, Registry<Provider<?, ?>>> registries) {
        this.registries = registries;
        this.yaml = mapper();
    }

    /** A YAML mapper with the safety limits used for every file we read. */
    public static ObjectMapper mapper() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setAllowDuplicateKeys(false);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH).build())
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper;
    }

    /** A file plus its overrides, bound; relative data paths are resolved against the file's folder. */
    public Loaded load(Path file, List<String> overrides) {
        JsonNode tree = readTree(file);
        return load(tree, overrides, file.toString(), folderOf(file));
    }

    /**
     * A tree plus overrides, bound; {@code source} names the input in error messages. Relative data paths
     * ({@code data.type: file}) are resolved against the folder of the last file {@link #readTree} read, or the
     * working directory when none was read.
     */
    public Loaded load(JsonNode tree, List<String> overrides, String source) {
        return load(tree, overrides, source, folder != null ? folder : Path.of("").toAbsolutePath());
    }

    /**
     * A tree plus overrides, bound, with relative data paths resolved against {@code dataFolder}. For
     * {@code data.type: file} the files are read and checked first ({@link DataFiles#prepare}: n, p, test and
     * their hashes enter the tree, so the expressions can use n and p), and the spec's data carry the folder.
     */
    public Loaded load(JsonNode tree, List<String> overrides, String source, Path dataFolder) {
        ObjectNode root = (ObjectNode) tree.deepCopy();
        for (String o : overrides) {
            applyOverride(root, o);
        }
        try {
            dataFiles.prepare(root, dataFolder);
            dataFiles.prepareSignValues(root, dataFolder);
            Parameters params = Parameters.resolve(root);
            ExperimentSpec spec = new RecordBinder(params, registries).bind(root, ExperimentSpec.class, "");
            checkEngine(spec.training().engine());
            if (spec.data().isFile()) {
                spec = new ExperimentSpec(spec.name(), spec.seed(), spec.data().withFolder(dataFolder), spec.network(),
                        spec.training(), spec.vars());
            }
            return new Loaded(spec, params.values());
        } catch (InputException e) {
            throw new InputException(source + ": " + e.getMessage(), e);
        }
    }

    /** {@code training.engine} must be auto or an engine the engine module declares. */
    private static void checkEngine(String engine) {
        List<String> words = EngineChoice.words();
        if (!words.contains(engine)) {
            throw new InputException(InvalidSpecException.of("training.engine", engine, "must be one of "
                    + String.join(", ", words)).getMessage());
        }
    }

    /** The absolute folder of a file. */
    private static Path folderOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null ? parent : Path.of("").toAbsolutePath();
    }

    /** The result of loading: the spec and the resolved scalar parameters. */
    public record Loaded(ExperimentSpec spec, Map<String, Double> parameters) {
    }

    /** Reads and parses a YAML file into a mapping tree. */
    public JsonNode readTree(Path file) {
        folder = folderOf(file);
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(file + ": is a directory; expected an experiment YAML file");
            }
            InputFiles.requireRegular(file, file.toString(), "an experiment YAML file");
            byte[] bytes;
            try (java.io.InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_FILE_BYTES + 1); // the check is on what is read, not on a reported size
            }
            if (bytes.length > MAX_FILE_BYTES) {
                throw new InputException(file + ": is " + Math.max(bytes.length, Files.size(file))
                        + " bytes; experiment files are limited to " + MAX_FILE_BYTES + " bytes");
            }
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(file + ": cannot be read (permission denied)");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputException(file + ": is not UTF-8 text");
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read: " + e.getMessage());
        }
        JsonNode tree = parse(text, file.toString());
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new InputException(file + ": is empty; expected an experiment (name, data, network, training)");
        }
        if (!tree.isObject()) {
            throw new InputException(file + ": must be a mapping of keys (name, seed, data, network, training), got "
                    + RecordBinder.show(tree));
        }
        return tree;
    }

    private JsonNode parse(String text, String source) {
        try {
            refuseAliases(text, source);
            return yaml.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null || loc.getLineNr() < 1 ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new InputException(source + where + ": invalid YAML: " + yamlProblem(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputException(source + ": cannot be read: " + e.getMessage());
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            // SnakeYAML limits (aliases, depth, size) surface as unchecked exceptions
            throw new InputException(source + ": invalid YAML: " + firstLine(e.getMessage()));
        }
    }

    /**
     * Jackson reads an alias ({@code *name}) as the plain string "name", which would silently change
     * a value; so anchors and aliases are refused (this also rules out alias-expansion attacks). Type
     * tags ({@code !!int}, {@code !!java.net.URL}) are refused too: nothing in a file names a type. So is
     * a second document ({@code ---}), which would otherwise be ignored without a word.
     */
    private void refuseAliases(String text, String source) throws java.io.IOException {
        try (JsonParser p = yaml.getFactory().createParser(text)) {
            int depth = 0;
            int documents = 0;
            for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (depth == 0 && ++documents == 2) {
                    JsonLocation loc = p.currentTokenLocation();
                    throw new InputException(source + ":" + loc.getLineNr() + ":" + loc.getColumnNr()
                            + ": a second YAML document (after '---') is not supported; one experiment per file");
                }
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                }
                if (p instanceof YAMLParser yp && (yp.isCurrentAlias() || yp.getCurrentAnchor() != null)) {
                    JsonLocation loc = p.currentTokenLocation();
                    throw new InputException(source + ":" + loc.getLineNr() + ":" + loc.getColumnNr()
                            + ": YAML anchors and aliases (&name, *name) are not supported; write the values out");
                }
                String tag = p instanceof YAMLParser yp ? yp.getTypeId() : null;
                if (tag != null) {
                    JsonLocation loc = p.currentTokenLocation();
                    throw new InputException(source + ":" + loc.getLineNr() + ":" + loc.getColumnNr()
                            + ": YAML type tags (" + (tag.length() > 60 ? tag.substring(0, 60) + "..." : tag)
                            + ") are not supported; values are plain numbers, text, lists and mappings");
                }
            }
        }
    }

    /**
     * Applies {@code a.b.c=value}: the value is read as a YAML scalar or flow collection; an empty value
     * ({@code a.b.c=}) removes the key, so its default applies (or its absence is reported). Under
     * {@code sweep.grid} and {@code sweep.zip} the rest of the path is one key ({@code sweep.grid.data.p=[1,2]}).
     */
    public void applyOverride(ObjectNode root, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new InputException("--set " + org.benignlab.api.Specs.echo(override)
                    + ": expected PATH=VALUE, e.g. training.steps=500");
        }
        String path = override.substring(0, eq).trim();
        String raw = override.substring(eq + 1);
        if (!path.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            throw new InputException("--set " + org.benignlab.api.Specs.echo(override) + ": '"
                    + org.benignlab.api.Specs.echo(path) + "' is not a dotted path of keys");
        }
        JsonNode value = raw.isBlank() ? null : parse(raw, "--set " + path);
        String[] parts = path.split("\\.");
        if (parts.length > 2 && parts[0].equals("sweep") && (parts[1].equals("grid") || parts[1].equals("zip"))) {
            // keys of sweep.grid and sweep.zip are dotted paths themselves: sweep.grid.data.p sets key "data.p"
            parts = new String[] {parts[0], parts[1], path.substring("sweep.".length() + parts[1].length() + 1)};
        }
        ObjectNode node = parentOf(root, parts, "--set " + path);
        if (value == null) {
            node.remove(parts[parts.length - 1]);
        } else {
            node.set(parts[parts.length - 1], value);
        }
    }

    /**
     * The mapping that holds the last key of the path {@code parts} below {@code root}, with the mappings on the
     * way made where they are missing or null.
     *
     * @param where what an error names first, e.g. {@code --set data.p}
     * @throws InputException when a key on the way holds a value that is not a mapping
     */
    public static ObjectNode parentOf(ObjectNode root, String[] parts, String where) {
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || child.isNull()) {
                child = node.putObject(parts[i]);
            } else if (!child.isObject()) {
                throw new InputException(where + ": '" + String.join(".", List.of(parts).subList(0, i + 1))
                        + "' is a value, not a mapping");
            }
            node = (ObjectNode) child;
        }
        return node;
    }

    /** SnakeYAML's multi-line problem text in one line, without its "in 'reader'" position lines. */
    private static String yamlProblem(String s) {
        if (s == null) {
            return "syntax error";
        }
        String joined = s.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("in 'reader'") && !l.startsWith("at [Source"))
                .filter(l -> !l.matches("\\^+"))
                .reduce((a, b) -> a + "; " + b).orElse("syntax error");
        return joined.length() > 300 ? joined.substring(0, 300) + "..." : joined;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        String line = s.strip().split("\\R", 2)[0];
        return line.isEmpty() ? "syntax error" : line;
    }
}
