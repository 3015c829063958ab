package org.benignlab.experiments.run;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.benignlab.engine.RandomStreams;

/**
 * Named random streams of one run, each seeded from SHA-256(root seed, run key, stream name), so a
 * stream depends on nothing but those three (not on thread count, run order, or the other streams).
 * The generator is XoShiRo256++ from Commons RNG.
 */
public final class Seeds {
    /** The stream names, in the order they are recorded in provenance.json. */
    public static final List<String> STREAMS = List.of("data", "noise", "init", "signs", "test");

    private final Map<String, long[]> seeds = new LinkedHashMap<>();

    public Seeds(long rootSeed, String runKey) {
        for (String name : STREAMS) {
            seeds.put(name, derive(rootSeed, runKey, name));
        }
    }

    /** Four 64-bit words derived from (root seed, run key, stream name). */
    static long[] derive(long rootSeed, String runKey, String stream) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(rootSeed).array());
            sha.update((byte) 0);
            sha.update(runKey.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(stream.getBytes(StandardCharsets.UTF_8));
            ByteBuffer b = ByteBuffer.wrap(sha.digest());
            return new long[] {b.getLong(), b.getLong(), b.getLong(), b.getLong()};
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A fresh generator for a stream. */
    public UniformRandomProvider stream(String name) {
        long[] s = seeds.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown stream " + name + "; known: " + STREAMS);
        }
        return RandomSource.XO_SHI_RO_256_PP.create(s.clone());
    }

    /** Fresh generators for all streams. */
    public RandomStreams streams() {
        return new RandomStreams(stream("data"), stream("noise"), stream("init"), stream("signs"), stream("test"));
    }

    /** Seeds as hex words, for provenance. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        seeds.forEach((k, v) -> {
            StringBuilder sb = new StringBuilder();
            for (long w : v) {
                sb.append(String.format("%016x", w));
            }
            out.put(k, sb.toString());
        });
        return out;
    }
}
