package org.benignlab.reports;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void write() throws Exception {
        Path d = Path.of("/tmp/r23/sweep");
        Fixtures.write(d, "p-mu sweep", List.of("data.p", "data.mu"), 2, Fixtures.sweep2x2());
        ReportWriter.Report r = ReportWriter.write(d, ReportWriter.Options.defaults().withMinRepetitions(2));
        System.out.println(r.figures());
        System.out.println(r.warnings());
    }
}
