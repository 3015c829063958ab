package org.benignlab.experiments.run;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.benignlab.api.LabelNoise;
import org.benignlab.engine.DrawFamily;
import org.benignlab.engine.RandomStreams;
import org.benignlab.engine.StreamSeed;

/**
 * The named random streams of one run, seeded for common random numbers: each stream's seed is SHA-256 of
 * (seeding scheme, root seed, repetition, stream name, engine family, and the canonical JSON of the configuration
 * entries that determine the stream's standard draws), so runs that differ only in anything else (how they train,
 * ‖μ‖, ω, the noise rate, n, the test size, the width) share their draws. The engine applies every scale after
 * drawing and draws per index (points, test points, hidden units), so a larger n, test size or width extends the
 * smaller one's draws ({@link org.benignlab.engine.Dataset}, {@link org.benignlab.engine.DenseEngine}).
 *
 * <p>The entries per stream ({@link #entries}; recorded in provenance.json as {@code stream_entries}), with the
 * data entries D = {@code data.type, data.p, data.cluster}, {@code data.signal} when the signal model is not the
 * default one mean (the default is absent from the configuration, so its seeds are those from before signal
 * models existed) and, for data from files, the files' hashes
 * {@code data.x_sha256, data.y_sha256, data.test_x_sha256, data.test_y_sha256}:
 * <ul>
 *   <li>{@code data}: D (sketch family: also {@code data.n} and {@code network.width}: its Gram draw is one draw
 *       for all n + m vectors);</li>
 *   <li>{@code noise}: D and {@code data.noise.type}, or the whole {@code data.noise} block when the model does
 *       not declare {@link LabelNoise#drawsIgnoreParameters()}; also {@code data.mu} when it reads the margins or
 *       the features;</li>
 *   <li>{@code init}: {@code data.p};</li>
 *   <li>{@code signs}: {@code network.second_layer.signs}, {@code .sign} and {@code .values} (the last two draw
 *       nothing; a pattern's options belong to its stream); also {@code network.width} for {@code balanced},
 *       whose shuffle depends on m as a whole;</li>
 *   <li>{@code test}: D (sketch family: also {@code data.n} and {@code network.width}).</li>
 * </ul>
 * Entries absent from the configuration are left out. The run key (a hash of the whole configuration) still names
 * the run's folder; it does not seed anything.
 */
public final class Seeds {
    /** The stream names, in the order they are recorded in provenance.json. */
    public static final List<String> STREAMS = List.of("data", "noise", "init", "signs", "test");

    /**
     * The seeding scheme: recorded in manifest.json and hashed into every seed and into the experiment hash, so a
     * results folder written under another scheme is refused rather than resumed with mixed numbers. Scheme 1
     * (no field in the manifest) seeded every stream from the run key; scheme 2 is the one described above.
     */
    public static final int SCHEME = org.benignlab.experiments.results.SeedingScheme.CURRENT;

    private static final List<String> DATA_ENTRIES = List.of("data.type", "data.p", "data.cluster", "data.signal",
            "data.x_sha256", "data.y_sha256", "data.test_x_sha256", "data.test_y_sha256");

    private final DrawFamily family;
    private final Map<String, List<String>> entries;
    private final Map<String, StreamSeed> seeds = new LinkedHashMap<>();

    /**
     * @param rootSeed   the experiment's {@code seed}
     * @param repetition the run's repetition index
     * @param family     the draw family of the run's engine
     * @param resolved   the run's resolved configuration (as config.yaml holds it; not modified)
     * @param noise      the run's label-noise model (its declarations choose the noise stream's entries)
     */
    public Seeds(long rootSeed, int repetition, DrawFamily family, Map<String, Object> resolved, LabelNoise noise) {
        this.family = family;
        this.entries = entries(resolved, family, noise);
        for (String name : STREAMS) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String path : entries.get(name)) {
                values.put(path, RunPlan.valueAt(resolved, path));
            }
            seeds.put(name, derive(rootSeed, repetition, name, family, values));
        }
    }

    /**
     * The configuration entries each stream's seed depends on (class comment), in stream order; only those present
     * in {@code resolved}.
     */
    public static Map<String, List<String>> entries(Map<String, Object> resolved, DrawFamily family,
                                                    LabelNoise noise) {
        List<String> data = present(resolved, DATA_ENTRIES);
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> dataStream = new ArrayList<>(data);
        List<String> test = new ArrayList<>(data);
        if (family == DrawFamily.SKETCH) {
            dataStream.addAll(present(resolved, List.of("data.n", "network.width")));
            test.addAll(present(resolved, List.of("data.n", "network.width")));
        }
        List<String> noiseStream = new ArrayList<>(data);
        noiseStream.addAll(present(resolved, List.of(noise.drawsIgnoreParameters() ? "data.noise.type" : "data.noise")));
        if (noise.readsMargins() || noise.needsFeatures()) {
            noiseStream.addAll(present(resolved, List.of("data.mu")));
        }
        List<String> signs = new ArrayList<>(present(resolved, List.of("network.second_layer.signs",
                "network.second_layer.sign", "network.second_layer.values")));
        if ("balanced".equals(RunPlan.valueAt(resolved, "network.second_layer.signs"))) {
            signs.addAll(present(resolved, List.of("network.width")));
        }
        out.put("data", List.copyOf(dataStream));
        out.put("noise", List.copyOf(noiseStream));
        out.put("init", present(resolved, List.of("data.p")));
        out.put("signs", List.copyOf(signs));
        out.put("test", List.copyOf(test));
        return Collections.unmodifiableMap(out);
    }

    private static List<String> present(Map<String, Object> resolved, List<String> paths) {
        List<String> out = new ArrayList<>();
        for (String path : paths) {
            if (RunPlan.valueAt(resolved, path) != null) {
                out.add(path);
            }
        }
        return List.copyOf(out);
    }

    /** SHA-256(scheme, root seed, repetition, name, family, canonical JSON of the entries' values). */
    static StreamSeed derive(long rootSeed, int repetition, String stream, DrawFamily family,
                             Map<String, Object> values) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(Integer.BYTES + Long.BYTES + Integer.BYTES).putInt(SCHEME)
                    .putLong(rootSeed).putInt(repetition).array());
            for (String part : new String[] {stream, family.key(), canonicalJson(values)}) {
                sha.update((byte) 0);
                sha.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return StreamSeed.ofDigest(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String canonicalJson(Map<String, Object> values) {
        return RunPlan.canonicalJson(values);
    }

    /** The seeds of all streams, for the engine. */
    public RandomStreams streams() {
        return new RandomStreams(seeds.get("data"), seeds.get("noise"), seeds.get("init"), seeds.get("signs"),
                seeds.get("test"));
    }

    /** The engine family the seeds are keyed by. */
    public DrawFamily family() {
        return family;
    }

    /** The configuration entries of each stream's seed (provenance.json's {@code stream_entries}). */
    public Map<String, List<String>> entries() {
        return entries;
    }

    /** Seeds as 64 hex digits per stream, for provenance. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        seeds.forEach((k, v) -> out.put(k, v.hex()));
        return out;
    }
}
