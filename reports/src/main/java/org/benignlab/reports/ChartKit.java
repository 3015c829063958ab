package org.benignlab.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look shared by every figure (white background, fonts readable on a projector, a fixed colour
 * palette indexed by configuration) and the two encoders (PNG, SVG).
 */
final class ChartKit {
    private ChartKit() {
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
    static final BasicStroke ERROR_BAR = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);

    static Color colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** Solid for the first ten configurations, dashed for the next ten, and so on alternately. */
    static BasicStroke stroke(int index) {
        return (Math.floorDiv(index, PALETTE.length) % 2 == 0) ? SOLID : SOLID_DASHED;
    }

    static Color transparent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** An XY chart whose height can grow after its series are added (to fit the legend). */
    static final class Chart extends XYChart {
        Chart(XYChartBuilder b) {
            super(b);
        }

        void growTo(int height) {
            if (height > getHeight()) {
                setHeight(height);
            }
        }
    }

    /** An empty XY chart in the report style. */
    static Chart chart(String title, String xTitle, String yTitle, int width, int height) {
        Chart c = new Chart(new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle));
        XYStyler s = c.getStyler();
        s.setLocale(Locale.ROOT);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x888888));
        s.setPlotGridLinesColor(new Color(0xDDDDDD));
        s.setChartFontColor(Color.BLACK);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        s.setAxisTickLabelsColor(Color.BLACK);
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendSeriesLineLength(40);
        s.setLegendBorderColor(new Color(0xAAAAAA));
        s.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setAnnotationTextFontColor(Color.BLACK);
        s.setMarkerSize(10);
        s.setChartPadding(14);
        s.setToolTipsEnabled(false);
        s.setCursorEnabled(false);
        s.setZoomEnabled(false);
        s.setAntiAlias(true);
        return c;
    }

    /**
     * A tick-label pattern for a linear axis over [min, max]: plain decimals with a leading zero
     * ("0.08", not XChart's ".08"), or scientific notation for very small or large magnitudes.
     */
    static String decimalPattern(double min, double max) {
        double m = Math.max(Math.abs(min), Math.abs(max));
        if (m != 0 && (m < 1e-3 || m >= 1e6)) {
            return "0.##E0";
        }
        return "0.####";
    }

    /** A line with circle markers in a configuration's colour. */
    static XYSeries line(XYChart c, String name, String label, double[] x, double[] y, Color colour, BasicStroke stroke,
            boolean markers) {
        XYSeries s = c.addSeries(name, x, y);
        s.setLabel(label);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(colour);
        s.setLineStyle(stroke);
        s.setMarkerColor(colour);
        s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        return s;
    }

    /** A filled polygon (band or heat-map cell), not in the legend unless a label is given. */
    static XYSeries polygon(XYChart c, String name, String label, double[] x, double[] y, Color fill, Color edge) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(fill);
        s.setLineColor(edge);
        s.setLineStyle(new BasicStroke(1f));
        s.setMarker(SeriesMarkers.NONE);
        if (label == null) {
            s.setShowInLegend(false);
        } else {
            s.setLabel(label);
        }
        return s;
    }

    static byte[] png(XYChart chart) throws IOException {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot draw figure '" + chart.getTitle() + "': " + e.getMessage(), e);
        }
    }

    private static final Pattern CLIP_ID = Pattern.compile("clip-?\\d+");

    /**
     * The chart as SVG. The encoder names clip paths after object hash codes; they are renamed
     * clip1, clip2, ... in order of appearance so that the same chart always gives the same file.
     */
    static byte[] svg(XYChart chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        String text = out.toString(StandardCharsets.UTF_8);
        Map<String, String> ids = new LinkedHashMap<>();
        Matcher m = CLIP_ID.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String id = ids.computeIfAbsent(m.group(), k -> "clip" + (ids.size() + 1));
            m.appendReplacement(sb, id);
        }
        m.appendTail(sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
