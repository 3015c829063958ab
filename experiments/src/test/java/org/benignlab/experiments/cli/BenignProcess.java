package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real {@code benign} command as a process of its own (the shaded jar of the package phase). */
final class BenignProcess {
    private BenignProcess() {
    }

    /**
     * Starts {@code java [jvmOptions] -jar target/benign.jar ARGS}, stdout to {@code log}, stderr to
     * {@code log}.err.
     */
    static Process start(Path log, List<String> jvmOptions, Map<String, String> env, String... args) throws IOException {
        Path jar = Path.of("target/benign.jar");
        assertTrue(Files.exists(jar), "the shaded jar is built in the package phase: " + jar.toAbsolutePath());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        if (System.getProperty("benign.blas") != null) { // the same products as an in-process reference run
            command.add("-Dbenign.blas=" + System.getProperty("benign.blas"));
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectOutput(log.toFile());
        pb.redirectError(log.resolveSibling(log.getFileName() + ".err").toFile());
        return pb.start();
    }

    static Process start(Path log, String... args) throws IOException {
        return start(log, List.of(), Map.of(), args);
    }

    /** What a process started with {@code log} wrote on stderr. */
    static String err(Path log) throws IOException {
        return Files.readString(log.resolveSibling(log.getFileName() + ".err"));
    }
}
