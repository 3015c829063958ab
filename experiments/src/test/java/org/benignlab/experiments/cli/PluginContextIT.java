package org.benignlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.benignlab.api.ClusterDistributionProvider;
import org.benignlab.experiments.arrays.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin context through a real plugin jar: a cluster distribution compiled at test time against the api
 * (and the samplers it exports) whose factory {@code create(spec, context)} reads n, ‖μ‖ and a var of the run.
 * Its z is orthogonal to μ = ‖μ‖e₁ (z_0 = 0), carries n, ‖μ‖ and the var in coordinates 1, 2, 3 and draws the
 * rest from N(0, 1) with the Ziggurat sampler, so the saved X shows what the plugin was told.
 */
class PluginContextIT {
    static final String PROVIDER_CLASS = "org.example.ctx.MarkedOrthogonalProvider";

    static final String SOURCE = """
            package org.example.ctx;

            import org.apache.commons.rng.UniformRandomProvider;
            import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
            import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
            import org.benignlab.api.ClusterDistribution;
            import org.benignlab.api.ClusterDistributionProvider;
            import org.benignlab.api.ClusterProperties;
            import org.benignlab.api.RunContext;

            public final class MarkedOrthogonalProvider implements ClusterDistributionProvider<MarkedOrthogonalProvider.Spec> {
                public record Spec() {
                }

                public String type() {
                    return "jar-marked-orthogonal";
                }

                public Class<Spec> specType() {
                    return Spec.class;
                }

                public Spec exampleSpec() {
                    return new Spec();
                }

                public ClusterDistribution create(Spec spec) {
                    return cluster(0, Double.NaN, Double.NaN, 4);
                }

                public ClusterDistribution create(Spec spec, RunContext context) {
                    return cluster(context.n(), context.muNorm(), context.var("g"), context.p());
                }

                private static ClusterDistribution cluster(int n, double mu, double g, int p) {
                    return new ClusterDistribution() {
                        public void sample(UniformRandomProvider rng, double[] out) {
                            NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
                            out[0] = 0; // orthogonal to the class mean
                            out[1] = n;
                            out[2] = mu;
                            out[3] = g;
                            for (int k = 4; k < out.length; k++) {
                                out[k] = gauss.sample();
                            }
                        }

                        public ClusterProperties properties() {
                            // p - 4 of the p coordinates are standard normal: E||z||^2 >= (p - 4)/p * p
                            return new ClusterProperties(false, Double.NaN, 0, Math.max(0, (p - 4.0) / p), false);
                        }
                    };
                }

                public String description() {
                    return "Noise orthogonal to the class mean, marked with what the run context says.";
                }
            }
            """;

    @TempDir
    Path dir;

    private Path pluginJar() throws Exception {
        String classpath = String.join(java.io.File.pathSeparator, PluginJarIT.location(ClusterDistributionProvider.class),
                PluginJarIT.location(UniformRandomProvider.class), PluginJarIT.location(ZigguratSampler.class));
        return PluginJarIT.compileJar(dir.resolve("src/org/example/ctx/MarkedOrthogonalProvider.java"), SOURCE,
                dir.resolve("classes"), classpath, ClusterDistributionProvider.class, PROVIDER_CLASS,
                Files.createDirectories(dir.resolve("plugins")).resolve("ctx.jar"));
    }

    @Test
    void aClusterPluginReadsNMuAndAVarFromTheRunContext() throws Exception {
        Path jar = pluginJar();
        Path f = dir.resolve("ctx.yaml");
        Files.writeString(f, """
                name: ctx
                seed: 5
                vars: {g: "5/n"}
                data: {n: 12, p: 40, mu: "sqrt(p)", cluster: {type: jar-marked-orthogonal}, test: 50}
                network: {width: 4, init: 1.0e-6}
                training: {optimizer: {type: gd, step: "1/p"}, steps: 3, engine: dense, save: [data]}
                """);
        Path out = dir.resolve("out");
        CliTest.Result r = CliTest.cli("run", "--no-report", f.toString(), "--out", out.toString(), "--plugins",
                jar.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        Path x;
        try (Stream<Path> s = Files.walk(out)) {
            x = s.filter(p -> p.getFileName().toString().equals("X.npy")).findFirst().orElseThrow();
        }
        Npy.Array a = Npy.read(x);
        assertEquals(List.of(12L, 40L), List.of(a.header().shape()[0], a.header().shape()[1]));
        double mu = Math.sqrt(40);
        double[] v = a.values();
        for (int i = 0; i < 12; i++) {
            assertEquals(mu, Math.abs(v[i * 40]), 1e-12, "x_0 = ỹ‖μ‖: the cluster adds nothing along μ");
            assertEquals(12, v[i * 40 + 1], 0.0, "n from the context");
            assertEquals(mu, v[i * 40 + 2], 1e-12, "‖μ‖ from the context");
            assertEquals(5.0 / 12, v[i * 40 + 3], 1e-15, "the var g from the context");
        }
        assertTrue(Math.abs(v[4]) > 0 && v[4] != v[44], "the other coordinates are drawn");
    }
}
