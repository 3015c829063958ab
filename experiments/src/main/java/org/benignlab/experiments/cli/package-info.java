/**
 * The {@code benign} command (picocli): {@code run} and {@code plugins}. Exit codes 0 success,
 * 1 failure while running, 2 invalid input ({@link org.benignlab.experiments.cli.BenignCli}).
 */
package org.benignlab.experiments.cli;
