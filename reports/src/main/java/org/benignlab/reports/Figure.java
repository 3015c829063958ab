package org.benignlab.reports;

import org.knowm.xchart.XYChart;

/**
 * One figure of the report.
 *
 * @param name    file name without extension ({@code figures/<name>.png|.svg})
 * @param title   a short title (also the chart's title)
 * @param caption what is drawn, in plain text
 * @param chart   the chart
 */
record Figure(String name, String title, String caption, XYChart chart) {
}
