/**
 * The result schema shared by the writer of result files ({@code experiments}) and their reader
 * ({@code reports}): {@link org.benignlab.api.results.RunSchema} (file names, parameter names, summary.json
 * keys, runs.csv columns) and {@link org.benignlab.api.results.AtomicFiles} (every result and report file is
 * written to a temporary sibling and renamed over its target).
 */
package org.benignlab.api.results;
