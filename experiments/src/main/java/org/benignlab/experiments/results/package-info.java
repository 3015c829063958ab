/**
 * The results folder of an experiment (ARCHITECTURE.md, "Runs, seeds, results"), written atomically:
 * {@link org.benignlab.experiments.results.ResultStore} and {@link org.benignlab.api.results.AtomicFiles}
 * (temporary files named {@code .benign-*.tmp}, the only ones ever cleaned up); one writer per folder at a
 * time ({@link org.benignlab.experiments.results.FolderLock}); folders combined by
 * {@link org.benignlab.experiments.results.ResultMerger}.
 */
package org.benignlab.experiments.results;
