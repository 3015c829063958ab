package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Legends never squeeze the plot they explain, and swept plugin blocks read as the YAML a person writes. */
class LegendAndLabelsTest {
    private static Plot withLegend(int entries, String label) {
        Plot plot = new Plot("k", "title", Plot.Axis.log("step", 1, 1000), Plot.Axis.linear("error", 0, 1));
        for (int i = 0; i < entries; i++) {
            plot.line("s" + i, label + " #" + i, new double[] {1, 1000}, new double[] {0.5, 0.1}, Color.BLUE,
                    new BasicStroke(1f), false);
        }
        return plot;
    }

    @Test
    void aLongLegendGoesBelowThePlotWhichKeepsMostOfThePanelsWidth() {
        PlotLayout.Fonts fonts = PlotLayout.Fonts.of(0.8);
        Rectangle2D box = new Rectangle2D.Double(0, 0, 770, 490);
        Plot wide = withLegend(16, "p=2000, ‖μ‖=30.58, network.activation=smoothed-leaky-relu (gamma=0.1, H=1)");
        assertTrue(PlotLayout.legendBelow(wide, fonts, box.getWidth()));
        PlotLayout layout = PlotLayout.of(wide, fonts, box);
        assertTrue(layout.area().getWidth() > 0.6 * box.getWidth(), "plot width " + layout.area().getWidth());
        double needed = PlotLayout.neededHeight(wide, fonts, 490, 770);
        assertEquals(490 + PlotLayout.legendSize(wide, fonts)[1] + 8, needed, 1e-9, "the panel grows by the legend");

        Plot narrow = withLegend(3, "‖μ‖=10");
        assertFalse(PlotLayout.legendBelow(narrow, fonts, box.getWidth()));
        PlotLayout beside = PlotLayout.of(narrow, fonts, box);
        assertTrue(beside.area().getMaxX() + PlotLayout.legendSize(narrow, fonts)[0] <= box.getMaxX(),
                "a short legend stays beside the plot, inside the panel");
    }

    @Test
    void sweptPluginBlocksAreShownByTypeAndParameters() {
        assertEquals("leaky-relu (gamma=0.1)", new SweptValue("{\"type\":\"leaky-relu\",\"gamma\":0.1}", null).display());
        assertEquals("smoothed-leaky-relu (gamma=0.1, H=1)",
                new SweptValue("{\"type\":\"smoothed-leaky-relu\",\"gamma\":0.1,\"H\":1.0}", null).display());
        assertEquals("identity", new SweptValue("{\"type\":\"identity\"}", null).display());
        assertEquals("{\"a\":1}", new SweptValue("{\"a\":1}", null).display(), "not a plugin block: as written");
        assertEquals("{not json", new SweptValue("{not json", null).display());
        assertEquals("gaussian", new SweptValue("gaussian", null).display());
        assertEquals("3.162", new SweptValue("3.16227766", 3.16227766).display());
    }
}
