package org.benignlab.experiments.arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.benignlab.api.SignalModel;
import org.benignlab.experiments.spec.InputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data.signal} through the loader, the plan and the seeds: the default (absent, or written as one-mean) leaves
 * the configuration, the run key and every stream's seed as they were before signal models existed; another model
 * is written into the configuration and keys the data, noise and test streams only.
 */
class SignalModelConfigTest {
    @TempDir
    Path dir;

    private Path yaml;

    @BeforeEach
    void write() throws IOException {
        yaml = dir.resolve("signal.yaml");
        Files.writeString(yaml, ArraysFixture.tiny("dense", "[]"));
    }

    @Test
    void theDefaultChangesNoKeyAndNoSeed() {
        ArraysFixture.Built absent = ArraysFixture.build(yaml);
        ArraysFixture.Built written = ArraysFixture.build(yaml, "data.signal.type=one-mean");
        assertFalse(((Map<?, ?>) absent.plan().resolved().get("data")).containsKey("signal"), "nothing written");
        assertEquals(absent.plan().resolved(), written.plan().resolved());
        assertEquals(absent.plan().key(), written.plan().key());
        assertEquals(absent.seeds().describe(), written.seeds().describe());
        assertSame(SignalModel.oneMean(), written.plugins().signal());
        assertFalse(absent.seeds().entries().get("data").contains("data.signal"));
    }

    @Test
    void anotherModelKeysTheDataNoiseAndTestStreams() {
        ArraysFixture.Built one = ArraysFixture.build(yaml);
        ArraysFixture.Built xor = ArraysFixture.build(yaml, "data.signal.type=xor");
        assertEquals(Map.of("type", "xor"), ((Map<?, ?>) xor.plan().resolved().get("data")).get("signal"));
        assertNotEquals(one.plan().key(), xor.plan().key());
        assertEquals(2, xor.plugins().signal().dimension());
        for (String stream : List.of("data", "noise", "test")) {
            assertTrue(xor.seeds().entries().get(stream).contains("data.signal"), stream);
            assertNotEquals(one.seeds().describe().get(stream), xor.seeds().describe().get(stream), stream);
        }
        for (String stream : List.of("init", "signs")) {
            assertEquals(one.seeds().describe().get(stream), xor.seeds().describe().get(stream), stream);
        }
    }

    @Test
    void mixtureListsAreReadAndBadOnesNamed() throws IOException {
        Files.writeString(yaml, ArraysFixture.tiny("dense", "[]").replace("test: 100}",
                "test: 100, signal: {type: mixture, labels: [1, -1, 1], weights: [1, 1, \"n/10\"], angles: [90, 45, 90]}}"));
        ArraysFixture.Built b = ArraysFixture.build(yaml);
        assertEquals(3, b.plugins().signal().clusters().size());
        assertEquals(0.5, b.plugins().signal().clusters().get(2).weight(), 1e-15, "n/10 = 2 of 4");
        InputException e = assertThrows(InputException.class, () -> ArraysFixture.build(yaml,
                "data.signal.labels=[1, 2, 1]"));
        assertTrue(e.getMessage().endsWith("signal.yaml: data.signal.labels[1]: must be -1 or +1, got 2"), e.getMessage());
    }

    @Test
    void dataFromFilesTakeNoSignalModel() throws IOException {
        ArraysFixture.writeGaussianFiles(dir, 12, 40, 0, 5);
        Path file = dir.resolve("file.yaml");
        Files.writeString(file, ArraysFixture.fileExperiment(", signal: {type: xor}", ""));
        InputException e = assertThrows(InputException.class, () -> ArraysFixture.build(file));
        assertTrue(e.getMessage().endsWith("file.yaml: data.signal.type: does not apply to data read from files (their "
                + "labels are given); remove data.signal, got 'xor'"), e.getMessage());
    }
}
