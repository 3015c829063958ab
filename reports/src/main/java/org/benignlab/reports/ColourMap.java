package org.benignlab.reports;

import java.awt.BasicStroke;
import java.awt.Color;

/**
 * The report's colours and line styles: a continuous, colour-blind-safe map for heat maps (viridis, from dark
 * blue through green to yellow, perceptually uniform and readable in grey scale), the palette of configuration
 * colours (Okabe–Ito first) and the strokes of the reference curves.
 */
final class ColourMap {
    /** Viridis at 0, 1/8, ..., 1 (matplotlib's table); in between, linear in RGB. */
    private static final int[] VIRIDIS = {0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962,
        0xADDC30, 0xFDE725};

    static final ColourMap VIRIDIS_MAP = new ColourMap(VIRIDIS);

    private final int[] anchors;

    private ColourMap(int[] anchors) {
        this.anchors = anchors;
    }

    /** The colour at t in [0, 1] (clamped). */
    Color colour(double t) {
        double u = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (anchors.length - 1);
        int i = Math.min(anchors.length - 2, (int) Math.floor(u));
        double f = u - i;
        Color a = new Color(anchors[i]);
        Color b = new Color(anchors[i + 1]);
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + f * (b - a));
    }

    /** Black or white, whichever reads better on {@code fill} (relative luminance above or below 0.4). */
    static Color textOn(Color fill) {
        double l = 0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue();
        return l / 255 > 0.4 ? Color.BLACK : Color.WHITE;
    }

    /** Colour of configuration i is PALETTE[i % 10] (Okabe–Ito first, then four dark extras). */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7), new Color(0xE69F00),
        new Color(0x56B4E9), new Color(0x8C564B), new Color(0x7F3C8D), new Color(0x9A8700), new Color(0x17808A),
    };

    static final Color REFERENCE = new Color(0x222222);

    static final BasicStroke SOLID = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke SOLID_DASHED = new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {12f, 6f}, 0f);
    static final BasicStroke DASHED = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {10f, 7f}, 0f);
    static final BasicStroke DOTTED = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {1f, 6f}, 0f);
    static final BasicStroke DASH_DOT = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {14f, 5f, 3f, 5f}, 0f);
    static final BasicStroke BOUNDARY = new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    static Color colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** Solid for the first ten configurations, dashed for the next ten, and so on alternately. */
    static BasicStroke stroke(int index) {
        return (Math.floorDiv(index, PALETTE.length) % 2 == 0) ? SOLID : SOLID_DASHED;
    }
}
