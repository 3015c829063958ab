package org.benignlab.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in headless Chromium: the DOM holds every figure as an inline PNG, the page logs
 * no console error, and a screenshot is taken. Skipped when no Chromium is installed.
 */
class HtmlRenderingTest {
    static Optional<Path> chromium() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/usr/bin/chromium"));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "chromium"));
                    candidates.add(Path.of(dir, "chromium-browser"));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    record Output(int exit, String stdout, String stderr) {
    }

    static Output run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 60 s: " + command);
        }
        return new Output(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static List<String> consoleErrors(String stderr) {
        return stderr.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught")).toList();
    }

    @Test
    void chromiumRendersEveryFigureWithoutConsoleErrors(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(),
                "no chromium at /usr/bin/chromium or on PATH: HTML rendering check skipped (apt-get install chromium)");
        Path results = dir.resolve("results");
        Fixtures.write(results, StatusesAndEscapingTest.NASTY, List.of("data.p", "data.mu"), 2, Fixtures.sweep2x2());
        ReportWriter.Report report = ReportWriter.write(results, ReportWriter.Options.defaults());
        int figures = report.figureCount();
        String url = report.html().toUri().toString();
        List<String> common = List.of(chromium.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=5000");

        List<String> dump = new ArrayList<>(common);
        dump.addAll(List.of("--dump-dom", url));
        Output dom = run(dir, dump);
        assertEquals(0, dom.exit(), dom.stderr());
        assertEquals(List.of(), consoleErrors(dom.stderr()));
        Matcher img = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(dom.stdout());
        int images = 0;
        while (img.find()) {
            byte[] png = java.util.Base64.getDecoder().decode(img.group(1));
            assertArrayEquals(ReportWriterTest.PNG_SIGNATURE, Arrays.copyOf(png, 8), "inline image " + images);
            images++;
        }
        assertEquals(figures, images, "every figure is in the DOM as an inline PNG");
        assertEquals(figures, ReportWriterTest.count(dom.stdout(), "<figcaption>"));
        assertFalse(dom.stdout().contains("<script"), "the experiment name did not become a script element");
        assertTrue(dom.stdout().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is shown as text");

        Path shot = dir.resolve("screenshot.png");
        List<String> screenshot = new ArrayList<>(common);
        screenshot.addAll(List.of("--hide-scrollbars", "--window-size=1300,3000", "--screenshot=" + shot, url));
        Output s = run(dir, screenshot);
        assertEquals(0, s.exit(), s.stderr());
        assertEquals(List.of(), consoleErrors(s.stderr()));
        assertTrue(Files.size(shot) > 50_000, "a screenshot with content, not a blank page");
    }
}
