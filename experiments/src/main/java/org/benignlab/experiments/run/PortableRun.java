package org.benignlab.experiments.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.LongConsumer;
import org.benignlab.experiments.spec.ExperimentLoader;

/**
 * A run described by plain data only (its resolved configuration as JSON, repetition, swept paths,
 * plugin jars), so that it can be shipped to another JVM (a Spark task, a batch job) and rebuilt
 * there: {@link #execute} loads the plugins, binds the configuration, checks that the rebuilt run has
 * the same key, and trains it; the {@link Result} goes back as plain data too. No injector or other
 * non-serialisable state travels.
 *
 * @param key           the run key (checked after rebuilding)
 * @param repetition    repetition index
 * @param configJson    the resolved configuration
 * @param sweptPaths    the swept paths, in sweep order
 * @param pluginJars    plugin jars to load (paths valid where the run executes)
 * @param threadsPerRun threads for the numerics
 * @param dataFolder    the folder relative data file paths resolve against ({@code data.type: file}), or null
 */
public record PortableRun(String key, int repetition, String configJson, List<String> sweptPaths,
                          List<String> pluginJars, int threadsPerRun, String dataFolder) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a run produced, as plain data.
     *
     * @param key            the run key
     * @param summaryJson    summary.json
     * @param provenanceJson provenance.json
     * @param metricsCsv     metrics.csv
     */
    public record Result(String key, String summaryJson, String provenanceJson, String metricsCsv)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Back to a record of the driver's plan (whose key must match). */
        @SuppressWarnings("unchecked")
        public RunOutput toRecord(RunPlan plan) {
            if (!plan.key().equals(key)) {
                throw new IllegalArgumentException("result of run " + key + " given for run " + plan.key());
            }
            try {
                return new RunOutput(plan, JSON.readValue(summaryJson, LinkedHashMap.class),
                        JSON.readValue(provenanceJson, LinkedHashMap.class), metricsCsv);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot read the result of run " + key, e);
            }
        }
    }

    /** The portable form of a plan. */
    public static PortableRun of(RunPlan plan, List<Path> pluginJars, int threadsPerRun) {
        try {
            Path folder = plan.spec().data().folder();
            return new PortableRun(plan.key(), plan.repetition(), JSON.writeValueAsString(plan.resolved()),
                    List.copyOf(plan.swept().keySet()), pluginJars.stream().map(Path::toString).toList(), threadsPerRun,
                    folder == null ? null : folder.toAbsolutePath().toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the configuration of run " + plan.key(), e);
        }
    }

    /** The same run with its plugin jars at other paths (where the executing machine keeps them). */
    public PortableRun withPluginJars(List<String> jars) {
        return new PortableRun(key, repetition, configJson, sweptPaths, List.copyOf(jars), threadsPerRun, dataFolder);
    }

    /** Rebuilds the plan with the plugins of {@code catalog}. */
    public RunPlan plan(PluginCatalog catalog) {
        try {
            JsonNode tree = JSON.readTree(configJson);
            ExperimentLoader.Loaded loaded = new ExperimentLoader(catalog.registries()).load(tree, List.of(), "run " + key,
                    dataFolder == null ? Path.of("").toAbsolutePath() : Path.of(dataFolder));
            RunPlan plan = RunPlan.of(loaded.spec(), repetition, sweptPaths, loaded.parameters());
            if (!plan.key().equals(key)) {
                throw new IllegalStateException("run " + key + " rebuilt with key " + plan.key()
                        + ": the plugins where it runs differ from those that planned it");
            }
            return plan;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the configuration of run " + key, e);
        }
    }

    /** Rebuilds and trains the run here; a failure of training is a {@code failed} result. */
    public Result execute(LongConsumer steps) {
        PluginCatalog catalog = PluginCatalog.load(pluginJars.stream().map(Path::of).toList());
        RunPlan plan = plan(catalog);
        Run run = Guice.createInjector(new ExperimentModule(plan, threadsPerRun)).getInstance(Run.class);
        RunOutput r = run.execute(steps);
        try {
            return new Result(key, JSON.writeValueAsString(r.summary()), JSON.writeValueAsString(r.provenance()),
                    r.metricsCsv());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result of run " + key, e);
        }
    }
}
