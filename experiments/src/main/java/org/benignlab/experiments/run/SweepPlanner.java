package org.benignlab.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.benignlab.experiments.spec.ExperimentLoader;
import org.benignlab.experiments.spec.InputException;
import org.benignlab.experiments.spec.SweepSpec;

/**
 * Turns an experiment file (with or without a {@code sweep:} block) into its planned runs: the
 * {@code --set} overrides are applied to the whole file (the sweep block included), each point of the
 * sweep is written into a copy of the file at its dotted paths, and each copy is resolved and
 * validated like a single-run file, then planned once per repetition. Everything is validated before
 * anything is written.
 */
public final class SweepPlanner {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private SweepPlanner() {
    }

    /**
     * The plan of an experiment.
     *
     * @param name           the experiment's name
     * @param experimentHash identifies the experiment for its results folder: SHA-256 of the file (after
     *                       overrides) less its name, its sweep block and the values at swept paths, plus
     *                       the set of swept paths. Adding a value to a grid, reordering it or changing
     *                       the repetitions keeps the hash (finished runs are reused); changing anything
     *                       else makes another experiment. The seeding scheme ({@link Seeds#SCHEME}) is
     *                       hashed in too.
     * @param sweep          the sweep
     * @param runs           the runs, configuration by configuration in sweep order, repetitions innermost
     */
    public record Planned(String name, String experimentHash, SweepSpec sweep, List<RunPlan> runs) {
        /** The sweep as recorded in manifest.json. */
        public Map<String, Object> manifestEntry() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("paths", sweep.paths());
            m.put("repetitions", sweep.repetitions());
            m.put("configurations", runs.size() / sweep.repetitions());
            return m;
        }
    }

    /** Plans the runs of {@code file} with {@code overrides}. */
    public static Planned plan(ExperimentLoader loader, Path file, List<String> overrides) {
        String source = file.toString();
        ObjectNode root = (ObjectNode) loader.readTree(file).deepCopy();
        for (String o : overrides) {
            loader.applyOverride(root, o);
        }
        JsonNode sweepNode = root.remove("sweep");
        SweepSpec sweep;
        try {
            sweep = SweepSpec.parse(sweepNode);
        } catch (InputException e) {
            throw new InputException(source + ": " + e.getMessage(), e);
        }
        for (String o : overrides) {
            String path = o.substring(0, Math.max(0, o.indexOf('='))).trim();
            for (String swept : sweep.paths()) {
                if (path.equals(swept) || path.startsWith(swept + ".") || swept.startsWith(path + ".")) {
                    throw new InputException("--set " + path + ": this path is swept (" + swept
                            + " in the sweep block); change the sweep instead, e.g. --set sweep.grid." + swept
                            + "=[...]");
                }
            }
        }
        List<RunPlan> runs = new ArrayList<>();
        Map<String, Map<String, JsonNode>> byKey = new HashMap<>();
        String name = null;
        for (Map<String, JsonNode> point : sweep.points()) {
            ObjectNode tree = root.deepCopy();
            for (Map.Entry<String, JsonNode> e : point.entrySet()) {
                put(tree, e.getKey(), e.getValue(), source);
            }
            ExperimentLoader.Loaded loaded;
            try {
                loaded = loader.load(tree, List.of(), source);
            } catch (InputException e) {
                throw point.isEmpty() ? e : new InputException(e.getMessage() + " (in sweep point " + show(point) + ")", e);
            }
            name = loaded.spec().name();
            for (int r = 0; r < sweep.repetitions(); r++) {
                RunPlan plan = RunPlan.of(loaded.spec(), r, sweep.paths(), loaded.parameters());
                Map<String, JsonNode> earlier = byKey.putIfAbsent(plan.key(), point);
                if (earlier != null) {
                    throw new InputException(source + ": sweep points " + show(earlier) + " and " + show(point)
                            + " give the same configuration; remove one of them");
                }
                runs.add(plan);
            }
        }
        ObjectNode base = root.deepCopy();
        base.remove("name");
        for (String path : sweep.paths()) {
            remove(base, path);
        }
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("base", PLAIN.convertValue(base, Map.class));
        identity.put("swept", new TreeSet<>(sweep.paths()));
        identity.put("seeding_scheme", Seeds.SCHEME);
        return new Planned(name, RunPlan.hash(identity), sweep, List.copyOf(runs));
    }

    private static void put(ObjectNode root, String path, JsonNode value, String source) {
        String[] parts = path.split("\\.");
        ExperimentLoader.parentOf(root, parts, source + ": sweep path " + path).set(parts[parts.length - 1],
                value.deepCopy());
    }

    private static void remove(ObjectNode root, String path) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1 && node != null; i++) {
            node = node.get(parts[i]);
        }
        if (node instanceof ObjectNode o) {
            o.remove(parts[parts.length - 1]);
        }
    }

    private static String show(Map<String, JsonNode> point) {
        List<String> parts = new ArrayList<>();
        point.forEach((k, v) -> parts.add(k + "=" + (v.isValueNode() ? v.asText() : v.toString())));
        return String.join(", ", parts);
    }
}
