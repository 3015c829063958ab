package org.benignlab.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a panel's parts go (plot area, tick labels, axis titles, legend or colour bar) and how axes, ticks, legends
 * and colour bars are drawn. Text is measured and drawn in one font, Liberation Sans (shipped inside PDFBox), so the
 * PNG looks the same on every machine and the PDF embeds the font it was laid out with.
 *
 * @param area       the plot area
 * @param box        the whole panel
 * @param fonts      the fonts
 * @param xTicks     tick positions (data values) of the x axis
 * @param yTicks     tick positions of the y axis
 * @param tickLabelW the widest y tick label
 */
record PlotLayout(Rectangle2D area, Rectangle2D box, Fonts fonts, double[] xTicks, double[] yTicks, double tickLabelW) {

    /** The report's font: the TrueType file is read once; PNG and PDF both draw with it. */
    static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    static final Font BASE_FONT = loadFont();

    private static Font loadFont() {
        try (InputStream in = PlotLayout.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font " + FONT_RESOURCE + " not on the class path (it ships with PDFBox)");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | java.awt.FontFormatException e) {
            throw new IllegalStateException("cannot read font " + FONT_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Measuring context: anti-aliased, fractional metrics (the same hints the encoders draw with). */
    static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), true, true);

    /** The fonts of a panel: full size for a single-panel figure, smaller in a grid of panels. */
    record Fonts(Font title, Font axis, Font tick, Font legend, Font annotation) {
        static Fonts of(double scale) {
            return new Fonts(BASE_FONT.deriveFont((float) (22 * scale)), BASE_FONT.deriveFont((float) (20 * scale)),
                    BASE_FONT.deriveFont((float) (17 * scale)), BASE_FONT.deriveFont((float) (16 * scale)),
                    BASE_FONT.deriveFont((float) (16 * scale)));
        }
    }

    static double width(Font f, String s) {
        return s.isEmpty() ? 0 : f.getStringBounds(drawable(s), FRC).getWidth();
    }

    /** Stand-ins for the few symbols of the labels that Liberation Sans has no glyph for. */
    private static final java.util.Map<Integer, String> STAND_INS = java.util.Map.of((int) '∇', "grad ", (int) '≫', ">>");

    /** The text with every character the font cannot draw replaced by a stand-in ("?" when there is none). */
    static String drawable(String s) {
        if (BASE_FONT.canDisplayUpTo(s) < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> sb.append(BASE_FONT.canDisplay(c) ? Character.toString(c)
                : STAND_INS.getOrDefault(c, "?")));
        return sb.toString();
    }

    static double height(Font f) {
        return f.getLineMetrics("Ag", FRC).getHeight();
    }

    static final int PAD = 14;
    static final int LEGEND_LINE = 40;
    static final int BAR_WIDTH = 26;
    /** Most legend entries; the rest are summarised in one line. */
    static final int MAX_LEGEND = 30;

    /** The legend's size (0 x 0 when there is none). */
    static double[] legendSize(Plot plot, Fonts fonts) {
        List<Object> entries = plot.legendEntries();
        if (plot.colourBar != null) {
            double labels = 0;
            for (double t : ticks(Plot.Axis.linear("", plot.colourBar.min(), plot.colourBar.max()))) {
                labels = Math.max(labels, width(fonts.tick(), tickLabel(t)));
            }
            return new double[] {BAR_WIDTH + 8 + labels + 10 + height(fonts.axis()), 0};
        }
        if (entries.isEmpty()) {
            return new double[] {0, 0};
        }
        double w = 0;
        for (Object e : entries) {
            w = Math.max(w, width(fonts.legend(), text(e)));
        }
        double lineH = height(fonts.legend()) + 6;
        return new double[] {LEGEND_LINE + 10 + w + 2 * 10, entries.size() * lineH + 2 * 8};
    }

    private static String text(Object entry) {
        return entry instanceof Plot.Line l ? l.label() : ((Plot.Note) entry).text();
    }

    /** Share of a panel's width a legend may take beside the plot; a wider one goes below it. */
    static final double LEGEND_BESIDE_MAX = 0.4;

    /** Whether the legend goes below the plot: when beside it, it would take more than 40% of the panel's width. */
    static boolean legendBelow(Plot plot, Fonts fonts, double panelWidth) {
        return plot.colourBar == null && legendSize(plot, fonts)[0] > LEGEND_BESIDE_MAX * panelWidth;
    }

    /**
     * The least height a panel of {@code panelWidth} needs to show its legend beside a plot of {@code height}, or a
     * plot of that height and the legend below it.
     */
    static double neededHeight(Plot plot, Fonts fonts, double height, double panelWidth) {
        double legendH = legendSize(plot, fonts)[1];
        if (legendBelow(plot, fonts, panelWidth)) {
            return height + legendH + 8;
        }
        double top = plot.title.isEmpty() ? PAD : PAD + height(fonts.title()) + 8;
        return Math.max(height, top + legendH + PAD);
    }

    /** Lays a panel out inside {@code box}. */
    static PlotLayout of(Plot plot, Fonts fonts, Rectangle2D box) {
        double[] xt = ticks(plot.x);
        double[] yt = ticks(plot.y);
        double yLabelW = 0;
        for (int i = 0; i < yt.length; i++) {
            yLabelW = Math.max(yLabelW, width(fonts.tick(), tickText(plot.y, yt[i])));
        }
        double top = box.getY() + (plot.title.isEmpty() ? PAD : PAD + height(fonts.title()) + 10);
        double left = box.getX() + PAD + height(fonts.axis()) + 8 + yLabelW + 8;
        double[] legend = legendSize(plot, fonts);
        boolean below = legendBelow(plot, fonts, box.getWidth());
        double bottom = box.getMaxY() - PAD - height(fonts.axis()) - 6 - height(fonts.tick()) - 8
                - (below ? legend[1] + 8 : 0);
        double right = box.getMaxX() - PAD - (legend[0] > 0 && !below ? legend[0] + 16 : 0);
        // the last x tick label may stick out to the right by half its width
        if (xt.length > 0) {
            double last = width(fonts.tick(), tickText(plot.x, xt[xt.length - 1])) / 2;
            right = Math.min(right, box.getMaxX() - PAD - last);
        }
        Rectangle2D area = new Rectangle2D.Double(left, top, Math.max(50, right - left), Math.max(50, bottom - top));
        return new PlotLayout(area, box, fonts, xt, yt, yLabelW);
    }

    // ---------------------------------------------------------------- ticks

    /** Tick positions (data values) of an axis. */
    static double[] ticks(Plot.Axis a) {
        switch (a.kind()) {
            case CATEGORICAL: {
                return a.categories().clone();
            }
            case LOG: {
                double lo = Math.log10(a.min());
                double hi = Math.log10(a.max());
                for (int[] mult : new int[][] {{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
                    List<Double> out = new ArrayList<>();
                    for (int k = (int) Math.floor(lo) - 1; k <= Math.ceil(hi) + 1; k++) {
                        for (int m : mult) {
                            double v = m * Math.pow(10, k);
                            double lv = Math.log10(v);
                            if (lv >= lo - 1e-9 && lv <= hi + 1e-9) {
                                out.add(v);
                            }
                        }
                    }
                    if (out.size() >= 3 || mult.length == 9) {
                        if (out.size() > 12) { // keep the powers of ten when there are many ticks
                            out.removeIf(v -> Math.abs(Math.log10(v) - Math.rint(Math.log10(v))) > 1e-9);
                        }
                        return out.stream().mapToDouble(Double::doubleValue).toArray();
                    }
                }
                return new double[0];
            }
            default: {
                double span = a.max() - a.min();
                if (!(span > 0)) {
                    return new double[] {a.min()};
                }
                double raw = span / 5;
                double mag = Math.pow(10, Math.floor(Math.log10(raw)));
                double step = mag;
                for (double m : new double[] {1, 2, 2.5, 5, 10}) {
                    if (m * mag >= raw) {
                        step = m * mag;
                        break;
                    }
                }
                List<Double> out = new ArrayList<>();
                for (double v = Math.ceil(a.min() / step - 1e-9) * step; v <= a.max() + step * 1e-9; v += step) {
                    out.add(Math.abs(v) < step * 1e-9 ? 0.0 : round(v, step));
                }
                return out.stream().mapToDouble(Double::doubleValue).toArray();
            }
        }
    }

    private static double round(double v, double step) {
        int digits = Math.max(0, -(int) Math.floor(Math.log10(step)) + 2);
        return new BigDecimal(v).setScale(digits, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    /** A tick label: plain decimals with a leading zero, scientific notation below 1e-3 and from 1e5. */
    static String tickLabel(double v) {
        if (v == 0) {
            return "0";
        }
        double m = Math.abs(v);
        if (m < 1e-3 || m >= 1e5) {
            return scientific(v);
        }
        return BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /**
     * A tick label in the notation of its whole axis: scientific for every tick when any needs it; a swept value on a
     * categorical axis as the report's tables write it.
     */
    private static String tickText(Plot.Axis a, double v) {
        if (a.kind() == Plot.Axis.Kind.CATEGORICAL) {
            return Formats.human(v); // swept values as in the tables (7.114, not 7.11379)
        }
        double[] t = ticks(a);
        boolean sci = false;
        for (double x : t) {
            double m = Math.abs(x);
            sci |= m >= 1e5 || (m > 0 && m < 1e-3);
        }
        if (!sci || v == 0) {
            return tickLabel(v);
        }
        return scientific(v);
    }

    /** "2.5e5", "1e-4": three significant digits at most, no trailing zeros. */
    private static String scientific(double v) {
        String s = String.format(Locale.ROOT, "%.2e", v);
        String mant = s.substring(0, s.indexOf('e')).replaceAll("\\.?0+$", "");
        return mant + "e" + Integer.parseInt(s.substring(s.indexOf('e') + 1));
    }

    // ---------------------------------------------------------------- drawing

    static void drawFrameAndAxes(Graphics2D g, Plot plot, PlotLayout l) {
        Rectangle2D a = l.area();
        Fonts f = l.fonts();
        g.setColor(Color.WHITE);
        g.fill(l.box());
        g.setStroke(new BasicStroke(1f));
        boolean grid = plot.x.kind() != Plot.Axis.Kind.CATEGORICAL;
        g.setColor(new Color(0xDDDDDD));
        if (grid) {
            for (double t : l.xTicks()) {
                double x = plot.px(a, t);
                g.draw(new Line2D.Double(x, a.getY(), x, a.getMaxY()));
            }
            for (double t : l.yTicks()) {
                double y = plot.py(a, t);
                g.draw(new Line2D.Double(a.getX(), y, a.getMaxX(), y));
            }
        }
        g.setColor(new Color(0x888888));
        g.draw(a);
        g.setColor(Color.BLACK);
        g.setFont(f.tick());
        double th = height(f.tick());
        for (int i = 0; i < l.xTicks().length; i++) {
            double x = plot.px(a, l.xTicks()[i]);
            g.draw(new Line2D.Double(x, a.getMaxY(), x, a.getMaxY() + 5));
            String s = tickText(plot.x, l.xTicks()[i]);
            drawString(g, s, x - width(f.tick(), s) / 2, a.getMaxY() + 8 + ascent(f.tick()));
        }
        for (int i = 0; i < l.yTicks().length; i++) {
            double y = plot.py(a, l.yTicks()[i]);
            g.draw(new Line2D.Double(a.getX() - 5, y, a.getX(), y));
            String s = tickText(plot.y, l.yTicks()[i]);
            drawString(g, s, a.getX() - 8 - width(f.tick(), s), y + ascent(f.tick()) / 2 - 1);
        }
        g.setFont(f.axis());
        double xw = width(f.axis(), plot.x.label());
        drawString(g, plot.x.label(), a.getCenterX() - xw / 2, a.getMaxY() + 8 + th + 6 + ascent(f.axis()));
        AffineTransform saved = g.getTransform();
        double yx = a.getX() - 8 - l.tickLabelW() - 8 - descent(f.axis());
        g.translate(yx, a.getCenterY() + width(f.axis(), plot.y.label()) / 2);
        g.rotate(-Math.PI / 2);
        drawString(g, plot.y.label(), 0, 0);
        g.setTransform(saved);
        if (!plot.title.isEmpty()) {
            g.setFont(f.title());
            double tw = width(f.title(), plot.title);
            double cx = Math.max(l.box().getX() + PAD, a.getCenterX() - tw / 2);
            drawString(g, plot.title, cx, l.box().getY() + PAD + ascent(f.title()));
        }
    }

    static double ascent(Font f) {
        return f.getLineMetrics("Ag", FRC).getAscent();
    }

    static double descent(Font f) {
        return f.getLineMetrics("Ag", FRC).getDescent();
    }

    static void drawString(Graphics2D g, String s, double x, double y) {
        if (!s.isEmpty()) {
            g.drawString(drawable(s), (float) x, (float) y);
        }
    }

    static void centredText(Graphics2D g, Font f, String s, double cx, double cy) {
        g.setFont(f);
        drawString(g, s, cx - width(f, s) / 2, cy + ascent(f) / 2 - descent(f) / 2);
    }

    static void drawLegendOrBar(Graphics2D g, Plot plot, PlotLayout l) {
        Rectangle2D a = l.area();
        Fonts f = l.fonts();
        if (plot.colourBar != null) {
            Plot.ColourBar cb = plot.colourBar;
            double x0 = a.getMaxX() + 16;
            int steps = 128;
            for (int i = 0; i < steps; i++) {
                double y0 = a.getMaxY() - (i + 1) * a.getHeight() / steps;
                g.setColor(cb.map().colour((i + 0.5) / steps));
                g.fill(new Rectangle2D.Double(x0, y0, BAR_WIDTH, a.getHeight() / steps + 0.6));
            }
            g.setColor(new Color(0x888888));
            g.setStroke(new BasicStroke(1f));
            g.draw(new Rectangle2D.Double(x0, a.getY(), BAR_WIDTH, a.getHeight()));
            g.setColor(Color.BLACK);
            g.setFont(f.tick());
            double labels = 0;
            for (double t : ticks(Plot.Axis.linear("", cb.min(), cb.max()))) {
                double y = a.getMaxY() - (t - cb.min()) / (cb.max() - cb.min()) * a.getHeight();
                g.draw(new Line2D.Double(x0 + BAR_WIDTH, y, x0 + BAR_WIDTH + 5, y));
                String s = tickLabel(t);
                labels = Math.max(labels, width(f.tick(), s));
                drawString(g, s, x0 + BAR_WIDTH + 8, y + ascent(f.tick()) / 2 - 1);
            }
            g.setFont(f.axis());
            AffineTransform saved = g.getTransform();
            g.translate(x0 + BAR_WIDTH + 8 + labels + 8 + ascent(f.axis()), a.getCenterY() + width(f.axis(), cb.label()) / 2);
            g.rotate(-Math.PI / 2);
            drawString(g, cb.label(), 0, 0);
            g.setTransform(saved);
            return;
        }
        List<Object> entries = plot.legendEntries();
        if (entries.isEmpty()) {
            return;
        }
        double[] size = legendSize(plot, f);
        boolean below = legendBelow(plot, f, l.box().getWidth());
        double x0 = below ? a.getX() : a.getMaxX() + 16;
        double y0 = below ? l.box().getMaxY() - PAD - size[1] : a.getY();
        Rectangle2D frame = new Rectangle2D.Double(x0, y0, size[0], size[1]);
        g.setColor(Color.WHITE);
        g.fill(frame);
        g.setColor(new Color(0xAAAAAA));
        g.setStroke(new BasicStroke(1f));
        g.draw(frame);
        double lineH = height(f.legend()) + 6;
        g.setFont(f.legend());
        for (int i = 0; i < entries.size(); i++) {
            double cy = y0 + 8 + (i + 0.5) * lineH;
            Object e = entries.get(i);
            if (e instanceof Plot.Line line) {
                g.setColor(line.colour());
                if (line.stroke() != null) {
                    g.setStroke(line.stroke());
                    g.draw(new Line2D.Double(x0 + 10, cy, x0 + 10 + LEGEND_LINE, cy));
                }
                if (line.markers()) {
                    g.fill(new java.awt.geom.Ellipse2D.Double(x0 + 10 + LEGEND_LINE / 2.0 - 5, cy - 5, 10, 10));
                }
            }
            g.setColor(Color.BLACK);
            drawString(g, text(e), x0 + 10 + LEGEND_LINE + 10, cy + ascent(f.legend()) / 2 - 1);
        }
    }

    /** Rendering hints shared by the PNG and PDF encoders. */
    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }
}
