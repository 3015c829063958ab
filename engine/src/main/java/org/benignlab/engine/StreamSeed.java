package org.benignlab.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

/**
 * The 256-bit seed of one named random stream, and the generators made from it (XoShiRo256++ from Commons
 * RNG). An immutable value: every call makes a fresh generator, so the same seed always gives the same
 * numbers, in any thread, in any order of calls.
 * <ul>
 *   <li>{@link #generator()}: the stream as one sequence (draws that are made in one go, e.g. the sketch's Gram
 *       matrix or the random second-layer signs, whose first m draws are those of any wider network);</li>
 *   <li>{@link #substream(long)}: a generator of its own per index (per training point, test point or hidden
 *       unit), counter-based: the seed of substream i is a function of this seed and i alone, so point i gets
 *       the same draws whether the sample has i + 1 or a million points, and substreams can be made in any
 *       order;</li>
 *   <li>{@link #child(String)}: an independent seed for a named part of the stream (the test set's flips on the
 *       {@code noise} stream).</li>
 * </ul>
 * Substream i's seed words are w_k(i) = mix(s_k + (4 i + k + 1) · φ) for k = 0..3, with s_k this seed's words,
 * φ = 0x9E3779B97F4A7C15 (the golden-ratio increment of SplitMix64) and mix SplitMix64's output function (a
 * bijection of 64-bit words): the outputs 4i+1 .. 4i+4 of SplitMix64 started at each word. Distinct indices
 * (below 2^62) give distinct seeds, and the generator of each is the full-period XoShiRo256++.
 */
public final class StreamSeed {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long s0;
    private final long s1;
    private final long s2;
    private final long s3;

    /** A seed from its four words (not all zero). */
    public StreamSeed(long s0, long s1, long s2, long s3) {
        if ((s0 | s1 | s2 | s3) == 0) {
            throw new IllegalArgumentException("StreamSeed: the four words must not all be zero");
        }
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    /** A seed from the first four 64-bit words of a SHA-256 digest. */
    public static StreamSeed ofDigest(byte[] sha256) {
        if (sha256.length < 32) {
            throw new IllegalArgumentException("StreamSeed.ofDigest: need 32 bytes, got " + sha256.length);
        }
        ByteBuffer b = ByteBuffer.wrap(sha256);
        return new StreamSeed(b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }

    /**
     * SHA-256(seed as 8 big-endian bytes, 0, name as UTF-8): a convenience for tests and benchmarks that want
     * independent named streams from one number.
     */
    public static StreamSeed of(long seed, String name) {
        MessageDigest sha = sha256();
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
        sha.update((byte) 0);
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        return ofDigest(sha.digest());
    }

    /** The stream as one sequence: XoShiRo256++ seeded with the four words. */
    public UniformRandomProvider generator() {
        return new XoShiRo256PlusPlus(s0, s1, s2, s3);
    }

    /**
     * The generator of index {@code index} (class comment: counter-based, independent of how many indices exist).
     *
     * @param index &gt;= 0
     */
    public UniformRandomProvider substream(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("StreamSeed.substream: index must be >= 0, got " + index);
        }
        long base = index << 2;
        return new XoShiRo256PlusPlus(mix(s0 + (base + 1) * GOLDEN), mix(s1 + (base + 2) * GOLDEN),
                mix(s2 + (base + 3) * GOLDEN), mix(s3 + (base + 4) * GOLDEN));
    }

    /** An independent seed for a named part of this stream: SHA-256(the four words, 0, domain as UTF-8). */
    public StreamSeed child(String domain) {
        MessageDigest sha = sha256();
        sha.update(ByteBuffer.allocate(4 * Long.BYTES).putLong(s0).putLong(s1).putLong(s2).putLong(s3).array());
        sha.update((byte) 0);
        sha.update(domain.getBytes(StandardCharsets.UTF_8));
        return ofDigest(sha.digest());
    }

    /** The four words as 64 hex digits (as provenance.json records a stream's seed). */
    public String hex() {
        return String.format("%016x%016x%016x%016x", s0, s1, s2, s3);
    }

    /** SplitMix64's output function (Stafford's variant 13), a bijection on 64-bit words. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamSeed s && s.s0 == s0 && s.s1 == s1 && s.s2 == s2 && s.s3 == s3;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(s0 ^ s1 ^ s2 ^ s3);
    }

    @Override
    public String toString() {
        return "StreamSeed[" + hex() + "]";
    }
}
