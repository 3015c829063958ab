package org.benignlab.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The engine a run uses and why, as printed in the summary and recorded in provenance.json, with the exactness of
 * every engine for the run's plugins and sizes, computed once ({@link EngineKind#unsupported}). {@code auto} takes
 * the first engine of {@link EngineKind}'s order that is exact and that the auto policy does not pass over
 * ({@link EngineKind#autoSkip}: span only when p &gt; n): sketch (no p-dimensional vector at all), then span (a step
 * costs O(n^2 m), nothing in p), then dense (any optimiser). Given data rule out the sketch, which only draws its own
 * Gaussian data, so auto takes span when p &gt; n and dense otherwise.
 *
 * @param kind      the engine
 * @param reason    one sentence: why this engine
 * @param exactness per engine, why it is not exact for the run (empty: it is)
 */
public record EngineChoice(EngineKind kind, String reason, Map<EngineKind, Optional<String>> exactness) {
    /** The word of {@code training.engine} that lets the policy choose. */
    public static final String AUTO = "auto";

    public EngineChoice {
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(reason, "reason");
        exactness = Collections.unmodifiableMap(new EnumMap<>(exactness));
    }

    /** The engine's name. */
    public String name() {
        return kind.key();
    }

    /** The words {@code training.engine} accepts: {@value #AUTO}, then the engines in auto order. */
    public static List<String> words() {
        List<String> out = new ArrayList<>(List.of(AUTO));
        for (EngineKind k : EngineKind.values()) {
            out.add(k.key());
        }
        return List.copyOf(out);
    }

    /** A configuration the engine asked for cannot run exactly, or that no engine can run. */
    public static final class Refused extends IllegalArgumentException {
        private final List<String> exact;
        private final boolean noEngine;

        Refused(String asked, String why, List<String> exact, boolean noEngine) {
            super((noEngine ? "" : "'" + asked + "' cannot run this experiment exactly: ") + why);
            this.exact = List.copyOf(exact);
            this.noEngine = noEngine;
        }

        /** The engines that are exact for the run, in auto order. */
        public List<String> exact() {
            return exact;
        }

        /** True when no engine can run the configuration ({@link EngineKind#noEngine}). */
        public boolean noEngine() {
            return noEngine;
        }
    }

    /**
     * Resolves {@code training.engine} for these plugins and sizes.
     *
     * @param asked {@value #AUTO} or an engine name
     * @throws Refused when no engine can run the configuration, or the engine asked for is not exact for it
     * @throws IllegalArgumentException for an unknown engine name
     */
    public static EngineChoice choose(String asked, Plugins plugins, TrainingSetup setup) {
        java.util.Objects.requireNonNull(plugins, "plugins");
        java.util.Objects.requireNonNull(setup, "setup");
        Optional<String> none = EngineKind.noEngine(plugins, setup);
        if (none.isPresent()) {
            throw new Refused(asked, none.get(), List.of(), true);
        }
        Map<EngineKind, Optional<String>> exactness = new EnumMap<>(EngineKind.class);
        for (EngineKind k : EngineKind.values()) {
            exactness.put(k, k.unsupported(plugins, setup));
        }
        if (!asked.equals(AUTO)) {
            EngineKind kind = EngineKind.of(asked);
            Optional<String> why = exactness.get(kind);
            if (why.isPresent()) {
                List<String> exact = new ArrayList<>();
                for (EngineKind other : EngineKind.values()) {
                    if (other != kind && exactness.get(other).isEmpty()) {
                        exact.add(other.key());
                    }
                }
                throw new Refused(asked, why.get(), exact, false);
            }
            return new EngineChoice(kind, "chosen in training.engine", exactness);
        }
        StringBuilder skipped = new StringBuilder();
        for (EngineKind candidate : EngineKind.values()) {
            Optional<String> why = exactness.get(candidate);
            if (why.isEmpty()) {
                why = candidate.autoSkip(setup);
            }
            if (why.isEmpty()) {
                return new EngineChoice(candidate, "auto: " + candidate.key() + " is exact for these plugins and the "
                        + "fastest that is" + (skipped.length() == 0 ? "" : " (" + skipped + ")"), exactness);
            }
            skipped.append(skipped.length() == 0 ? "" : "; ").append(candidate.key()).append(": ").append(why.get());
        }
        return new EngineChoice(EngineKind.DENSE, "auto: dense (" + skipped + ")", exactness);
    }

    /** The engines other than this one that are exact for the run, in auto order. */
    public List<EngineKind> exactAlternatives() {
        List<EngineKind> out = new ArrayList<>();
        for (EngineKind k : EngineKind.values()) {
            if (k != kind && exactness.getOrDefault(k, Optional.of("unknown")).isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * A new engine of this choice on {@code products}; since the choice settled its exactness, the engine does not
     * ask again (an inexact fallback of auto still refuses when it trains).
     */
    public Engine create(int threads, Products products) {
        boolean exact = exactness.getOrDefault(kind, Optional.of("unknown")).isEmpty();
        return kind.make(threads, java.util.Objects.requireNonNull(products, "products"), exact);
    }

    /**
     * A one-line note when the configurations of one sweep run on engines of different draw families
     * ({@link DrawFamily}): those do not share draws, so their comparison is not paired; null when they share one
     * family. Pinning {@code training.engine} to one engine (or two of one family, dense and span) avoids it.
     */
    public static String familyNote(Collection<EngineChoice> engines) {
        Map<DrawFamily, SortedSet<String>> byFamily = new EnumMap<>(DrawFamily.class);
        for (EngineChoice e : engines) {
            byFamily.computeIfAbsent(e.kind().drawFamily(), f -> new TreeSet<>()).add(e.name());
        }
        if (byFamily.size() < 2) {
            return null;
        }
        StringBuilder sb = new StringBuilder("the configurations of this sweep run on engines that draw differently (");
        String sep = "";
        for (var e : byFamily.entrySet()) {
            sb.append(sep).append(e.getKey().key()).append(": ").append(String.join(", ", e.getValue()));
            sep = "; ";
        }
        return sb.append("), so they do not share draws and comparisons across them are not paired; set "
                + "training.engine (e.g. dense, or span where the optimiser allows) to give every configuration the "
                + "same draws").toString();
    }
}
