package org.benignlab.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.benignlab.experiments.spec.ExperimentLoader;
import org.benignlab.experiments.spec.ExperimentLoaderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run shipped as plain data (Java serialisation, as Spark does) is rebuilt with the same key and numbers. */
class PortableRunTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void aShippedRunHasTheKeyAndTheNumbersOfTheLocalRun() throws Exception {
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, ExperimentLoaderTest.VALID + "sweep: {grid: {data.mu: [\"p^0.2\", \"p^0.3\"]}, repetitions: 2}\n");
        SweepPlanner.Planned planned = SweepPlanner.plan(new ExperimentLoader(PluginCatalog.builtIn().registries()), f,
                List.of());
        RunPlan plan = planned.runs().get(3);
        PortableRun shipped = roundTrip(PortableRun.of(plan, List.of(), 1));
        PortableRun.Result result = roundTrip(shipped.execute(t -> { }));
        RunOutput remote = result.toRecord(plan);
        RunOutput local = Guice.createInjector(new ExperimentModule(plan, 2)).getInstance(Run.class).execute(t -> { });
        assertEquals(local.metricsCsv(), remote.metricsCsv());
        assertEquals(local.summary().get("test_error"), remote.summary().get("test_error"));
        assertEquals(plan.swept(), PortableRun.of(plan, List.of(), 1).plan(PluginCatalog.builtIn()).swept());
        assertEquals(1, remote.summary().get("repetition"));
        assertTrue(remote.status().equals("completed"), remote.status());
        assertThrows(IllegalArgumentException.class, () -> result.toRecord(planned.runs().get(0)));
    }
}
