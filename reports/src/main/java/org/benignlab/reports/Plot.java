package org.benignlab.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * One panel of a figure: axes, the plotted layers, a legend or a colour bar, drawn on any {@link Graphics2D}
 * (a bitmap for PNG, PDFBox's for PDF with real text; {@link FigureFiles}). The layers keep the numbers they plot,
 * in data coordinates, so that {@link FigureFiles#csv} writes exactly what is drawn. Layout and tick rules are in
 * {@link PlotLayout}.
 */
final class Plot {
    /** An axis: linear, logarithmic, or categorical (equal cells at the sorted values, for heat maps). */
    record Axis(String label, Kind kind, double min, double max, double[] categories) {
        enum Kind { LINEAR, LOG, CATEGORICAL }

        static Axis linear(String label, double min, double max) {
            return new Axis(label, Kind.LINEAR, min, max, null);
        }

        static Axis log(String label, double min, double max) {
            return new Axis(label, Kind.LOG, min, max, null);
        }

        /** Cells at sorted distinct values; between two values positions interpolate (geometrically when all > 0). */
        static Axis categorical(String label, double[] sortedValues) {
            return new Axis(label, Kind.CATEGORICAL, -0.5, sortedValues.length - 0.5, sortedValues.clone());
        }

        boolean isLog() {
            return kind == Kind.LOG;
        }

        /** A data value as a fraction of the axis, 0 at min and 1 at max (outside for values beyond). */
        double unit(double v) {
            switch (kind) {
                case LOG:
                    return (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
                case CATEGORICAL:
                    return (index(v) - min) / (max - min);
                default:
                    return (v - min) / (max - min);
            }
        }

        /** The fractional cell index of a value on a categorical axis (piecewise interpolation, extrapolated). */
        double index(double v) {
            double[] c = categories;
            if (c.length == 1) {
                return 0;
            }
            boolean geometric = c[0] > 0;
            int i = 0;
            while (i < c.length - 2 && v > c[i + 1]) {
                i++;
            }
            double a = geometric ? Math.log(c[i]) : c[i];
            double b = geometric ? Math.log(c[i + 1]) : c[i + 1];
            double t = geometric ? Math.log(v) : v;
            return i + (t - a) / (b - a);
        }
    }

    /** What a panel draws; each layer with a series name is a block of the figure's CSV. */
    sealed interface Layer permits Line, Cells {
    }

    /**
     * A series: a polyline (NaN in y breaks it), optionally with circle markers, vertical error bars or a shaded band
     * over [low, high] (NaN where there is none).
     *
     * @param series the CSV's series name
     * @param label  the legend entry (null: none)
     * @param stroke the line (null: markers only)
     */
    record Line(String series, String label, double[] x, double[] y, double[] low, double[] high, Color colour,
            BasicStroke stroke, boolean markers, Interval interval) implements Layer {
        enum Interval { NONE, BARS, BAND }
    }

    /**
     * Heat-map cells at data values (x, y) with a value each (NaN: no value, drawn grey), coloured by a continuous
     * map over [vmin, vmax], the value printed in each cell.
     */
    record Cells(String series, double[] x, double[] y, double[] value, String[] text, ColourMap map, double vmin,
            double vmax) implements Layer {
    }

    /** A colour bar beside the plot for a heat map. */
    record ColourBar(String label, ColourMap map, double min, double max) {
    }

    /** A legend entry with nothing plotted (e.g. "… and 12 more"). */
    record Note(String text) {
    }

    final String title;
    /** The panel's name in the figure's CSV. */
    final String key;
    final Axis x;
    final Axis y;
    final List<Layer> layers = new ArrayList<>();
    ColourBar colourBar;
    boolean legend = true;
    /** Extra legend lines after the series entries. */
    final List<Note> notes = new ArrayList<>();

    Plot(String key, String title, Axis x, Axis y) {
        this.key = key;
        this.title = title;
        this.x = x;
        this.y = y;
    }

    Line line(String series, String label, double[] xs, double[] ys, Color colour, BasicStroke stroke, boolean markers) {
        Line l = new Line(series, label, xs, ys, null, null, colour, stroke, markers, Line.Interval.NONE);
        layers.add(l);
        return l;
    }

    Line interval(String series, String label, double[] xs, double[] ys, double[] low, double[] high, Color colour,
            BasicStroke stroke, boolean markers, Line.Interval kind) {
        Line l = new Line(series, label, xs, ys, low, high, colour, stroke, markers, kind);
        layers.add(l);
        return l;
    }

    /** Legend entries: labelled lines, then notes. */
    List<Object> legendEntries() {
        List<Object> out = new ArrayList<>();
        if (!legend) {
            return out;
        }
        for (Layer l : layers) {
            if (l instanceof Line line && line.label() != null) {
                out.add(line);
            }
        }
        out.addAll(notes);
        return out;
    }

    // ---------------------------------------------------------------- drawing

    /** Draws the panel into the rectangle {@code box} laid out by {@link PlotLayout#of}. */
    void paint(Graphics2D g, PlotLayout layout) {
        Rectangle2D area = layout.area();
        PlotLayout.drawFrameAndAxes(g, this, layout);
        Shape clip = g.getClip();
        g.clip(area);
        for (Layer l : layers) {
            if (l instanceof Cells c) {
                paintCells(g, c, area, layout);
            }
        }
        for (Layer l : layers) {
            if (l instanceof Line line && line.interval() == Line.Interval.BAND) {
                paintBand(g, line, area);
            }
        }
        for (Layer l : layers) {
            if (l instanceof Line line) {
                paintLine(g, line, area);
            }
        }
        g.setClip(clip);
        PlotLayout.drawLegendOrBar(g, this, layout);
    }

    double px(Rectangle2D a, double v) {
        return a.getX() + x.unit(v) * a.getWidth();
    }

    double py(Rectangle2D a, double v) {
        return a.getMaxY() - y.unit(v) * a.getHeight();
    }

    private boolean drawable(Axis axis, double v) {
        return Double.isFinite(v) && (!axis.isLog() || v > 0);
    }

    private void paintLine(Graphics2D g, Line l, Rectangle2D a) {
        g.setColor(l.colour());
        if (l.interval() == Line.Interval.BARS) {
            g.setStroke(new BasicStroke(2.4f));
            for (int i = 0; i < l.x().length; i++) {
                if (drawable(x, l.x()[i]) && drawable(y, l.low()[i]) && drawable(y, l.high()[i])) {
                    double xx = px(a, l.x()[i]);
                    g.draw(new Line2D.Double(xx, py(a, l.low()[i]), xx, py(a, l.high()[i])));
                    g.draw(new Line2D.Double(xx - 5, py(a, l.low()[i]), xx + 5, py(a, l.low()[i])));
                    g.draw(new Line2D.Double(xx - 5, py(a, l.high()[i]), xx + 5, py(a, l.high()[i])));
                }
            }
        }
        if (l.stroke() != null) {
            g.setStroke(l.stroke());
            Path2D.Double path = new Path2D.Double();
            boolean open = false;
            for (int i = 0; i < l.x().length; i++) {
                if (!drawable(x, l.x()[i]) || !drawable(y, l.y()[i])) {
                    open = false;
                    continue;
                }
                double xx = px(a, l.x()[i]);
                double yy = py(a, l.y()[i]);
                if (open) {
                    path.lineTo(xx, yy);
                } else {
                    path.moveTo(xx, yy);
                    open = true;
                }
            }
            g.draw(path);
        }
        if (l.markers()) {
            for (int i = 0; i < l.x().length; i++) {
                if (drawable(x, l.x()[i]) && drawable(y, l.y()[i])) {
                    g.fill(new Ellipse2D.Double(px(a, l.x()[i]) - 5, py(a, l.y()[i]) - 5, 10, 10));
                }
            }
        }
    }

    private void paintBand(Graphics2D g, Line l, Rectangle2D a) {
        Path2D.Double path = new Path2D.Double();
        List<double[]> upper = new ArrayList<>();
        List<double[]> lower = new ArrayList<>();
        for (int i = 0; i < l.x().length; i++) {
            double hi = Double.isNaN(l.high()[i]) ? l.y()[i] : l.high()[i];
            double lo = Double.isNaN(l.low()[i]) ? l.y()[i] : l.low()[i];
            if (drawable(x, l.x()[i]) && drawable(y, hi) && drawable(y, lo)) {
                upper.add(new double[] {px(a, l.x()[i]), py(a, hi)});
                lower.add(new double[] {px(a, l.x()[i]), py(a, lo)});
            }
        }
        if (upper.size() < 2) {
            return;
        }
        path.moveTo(upper.get(0)[0], upper.get(0)[1]);
        for (int i = 1; i < upper.size(); i++) {
            path.lineTo(upper.get(i)[0], upper.get(i)[1]);
        }
        for (int i = lower.size() - 1; i >= 0; i--) {
            path.lineTo(lower.get(i)[0], lower.get(i)[1]);
        }
        path.closePath();
        Color c = l.colour();
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 56));
        g.fill(path);
    }

    private void paintCells(Graphics2D g, Cells c, Rectangle2D a, PlotLayout layout) {
        for (int i = 0; i < c.x().length; i++) {
            double cx = x.index(c.x()[i]);
            double cy = y.index(c.y()[i]);
            double x0 = a.getX() + (cx - 0.5 - x.min()) / (x.max() - x.min()) * a.getWidth();
            double x1 = a.getX() + (cx + 0.5 - x.min()) / (x.max() - x.min()) * a.getWidth();
            double y0 = a.getMaxY() - (cy + 0.5 - y.min()) / (y.max() - y.min()) * a.getHeight();
            double y1 = a.getMaxY() - (cy - 0.5 - y.min()) / (y.max() - y.min()) * a.getHeight();
            double v = c.value()[i];
            Color fill = Double.isNaN(v) ? new Color(0xCCCCCC) : c.map().colour((v - c.vmin()) / (c.vmax() - c.vmin()));
            Rectangle2D cell = new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0);
            g.setColor(fill);
            g.fill(cell);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(cell);
            String t = c.text()[i];
            if (t != null && !t.isEmpty()) {
                g.setColor(ColourMap.textOn(fill));
                PlotLayout.centredText(g, layout.fonts().annotation(), t, cell.getCenterX(), cell.getCenterY());
            }
        }
    }
}
