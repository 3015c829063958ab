package org.benignlab.experiments.run;

import java.util.List;
import java.util.Optional;
import org.benignlab.engine.DrawFamily;
import org.benignlab.engine.Engines;
import org.benignlab.engine.Plugins;
import org.benignlab.engine.TrainingSetup;
import org.benignlab.experiments.spec.InputException;

/**
 * The engine a run uses and why, as printed in the summary and recorded in provenance.json.
 * {@code auto} takes the fastest engine that is exact for the chosen plugins: sketch (no p-dimensional
 * vector at all), then span (a step costs O(n^2 m), nothing in p), then dense (any optimiser). Data read
 * from files ({@code data.type: file}) rule out the sketch, which only draws its own Gaussian data, so auto
 * takes span when p &gt; n and dense otherwise; asking for {@code sketch} is an input error saying so.
 *
 * @param name   engine name: {@code dense}, {@code span} or {@code sketch}
 * @param reason one sentence: why this engine
 */
public record EngineChoice(String name, String reason) {

    /**
     * A one-line note when the configurations of one sweep run on engines of different draw families
     * ({@link DrawFamily}): those do not share draws, so their comparison is not paired; null when they share one
     * family. Pinning {@code training.engine} to one engine (or two of one family, dense and span) avoids it.
     */
    public static String familyNote(java.util.Collection<EngineChoice> engines) {
        java.util.Map<DrawFamily, java.util.SortedSet<String>> byFamily = new java.util.EnumMap<>(DrawFamily.class);
        for (EngineChoice e : engines) {
            byFamily.computeIfAbsent(DrawFamily.of(e.name()), f -> new java.util.TreeSet<>()).add(e.name());
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

    /** Engines in the order auto tries them. */
    public static final List<String> AUTO_ORDER = List.of("sketch", "span", "dense");

    /**
     * Resolves {@code training.engine} for these plugins and sizes.
     *
     * @throws InputException when the engine asked for is not exact for the plugins
     */
    public static EngineChoice of(String asked, Plugins plugins, TrainingSetup setup) {
        if (!asked.equals("auto")) {
            Optional<String> why = Engines.unsupported(asked, plugins, setup);
            if (why.isPresent()) {
                List<String> exact = new java.util.ArrayList<>();
                for (String other : AUTO_ORDER) {
                    if (!other.equals(asked) && Engines.unsupported(other, plugins, setup).isEmpty()) {
                        exact.add(other);
                    }
                }
                throw new InputException("training.engine: '" + asked + "' cannot run this experiment exactly: "
                        + why.get() + (exact.isEmpty() ? "" : "; use training.engine: " + String.join(" or ", exact)
                        + " (or auto)"));
            }
            return new EngineChoice(asked, "chosen in training.engine");
        }
        StringBuilder skipped = new StringBuilder();
        for (String candidate : AUTO_ORDER) {
            Optional<String> why = Engines.unsupported(candidate, plugins, setup);
            if (why.isEmpty() && candidate.equals("span") && setup.p() <= setup.n()) {
                why = Optional.of("p <= n, where a dense step (n p m) is no dearer than a span step (n^2 m)");
            }
            if (why.isEmpty()) {
                return new EngineChoice(candidate, "auto: " + candidate + " is exact for these plugins and the "
                        + "fastest that is" + (skipped.length() == 0 ? "" : " (" + skipped + ")"));
            }
            skipped.append(skipped.length() == 0 ? "" : "; ").append(candidate).append(": ").append(why.get());
        }
        return new EngineChoice("dense", "auto: dense (" + skipped + ")");
    }
}
