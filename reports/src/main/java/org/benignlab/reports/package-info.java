/**
 * Reads result files and turns them into tables (figures and HTML reports come with the reports
 * issue). Depends on api only: it reads the documented files of ARCHITECTURE.md, never the
 * experiments module. Key type: {@link org.benignlab.reports.MetricsTable} (metrics.csv).
 */
package org.benignlab.reports;
