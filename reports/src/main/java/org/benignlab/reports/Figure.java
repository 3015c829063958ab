package org.benignlab.reports;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * One figure of the report: one panel, or a grid of panels sharing a caption (the training curves, the
 * diagnostics). Written as {@code figures/<name>.png}, {@code .pdf} and {@code .csv} ({@link FigureFiles}).
 *
 * @param name        file name without extension
 * @param title       a short title
 * @param caption     what is drawn, in plain text
 * @param panels      the panels, row by row
 * @param columns     panels per row
 * @param panelWidth  width of one panel in pixels
 * @param panelHeight least height of one panel in pixels (a row grows to fit its tallest legend)
 */
record Figure(String name, String title, String caption, List<Plot> panels, int columns, int panelWidth,
        int panelHeight) {
    Figure {
        panels = List.copyOf(panels);
    }

    /** A single-panel figure. */
    static Figure single(String name, String title, String caption, Plot plot, int width, int height) {
        return new Figure(name, title, caption, List.of(plot), 1, width, height);
    }

    /** Fonts at full size for one panel, smaller in a grid. */
    PlotLayout.Fonts fonts() {
        return PlotLayout.Fonts.of(columns == 1 ? 1.0 : 0.8);
    }

    private int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    private double rowHeight(int row) {
        double h = panelHeight;
        for (int i = row * columns; i < Math.min(panels.size(), (row + 1) * columns); i++) {
            h = Math.max(h, PlotLayout.neededHeight(panels.get(i), fonts(), panelHeight, panelWidth));
        }
        return Math.ceil(h);
    }

    int width() {
        return columns * panelWidth;
    }

    int height() {
        double h = 0;
        for (int r = 0; r < rows(); r++) {
            h += rowHeight(r);
        }
        return (int) h;
    }

    /** Draws every panel in its cell of the grid. */
    void paint(Graphics2D g) {
        PlotLayout.hints(g);
        double y = 0;
        for (int r = 0; r < rows(); r++) {
            double rh = rowHeight(r);
            for (int c = 0; c < columns; c++) {
                int i = r * columns + c;
                Rectangle2D box = new Rectangle2D.Double(c * panelWidth, y, panelWidth, rh);
                g.setColor(java.awt.Color.WHITE);
                g.fill(box);
                if (i < panels.size()) {
                    Plot p = panels.get(i);
                    p.paint(g, PlotLayout.of(p, fonts(), box));
                }
            }
            y += rh;
        }
    }
}
