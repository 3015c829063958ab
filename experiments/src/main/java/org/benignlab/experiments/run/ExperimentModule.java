package org.benignlab.experiments.run;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import org.benignlab.api.Activation;
import org.benignlab.api.ClusterDistribution;
import org.benignlab.api.LabelNoise;
import org.benignlab.api.Loss;
import org.benignlab.api.Optimizer;
import org.benignlab.api.RunContext;
import org.benignlab.engine.Engine;
import org.benignlab.engine.EngineChoice;
import org.benignlab.engine.Plugins;
import org.benignlab.engine.Products;
import org.benignlab.engine.SecondLayer;
import org.benignlab.engine.TrainingSetup;
import org.benignlab.experiments.arrays.GivenFiles;
import org.benignlab.experiments.arrays.RunArrays;
import org.benignlab.experiments.spec.DataSpec;
import org.benignlab.experiments.spec.ExperimentSpec;
import org.benignlab.experiments.spec.InputException;
import org.benignlab.experiments.spec.NetworkSpec;
import org.benignlab.experiments.spec.SecondLayerSpec;
import org.benignlab.experiments.spec.TrainingSpec;

/**
 * Guice wiring of one run (ARCHITECTURE.md, "Wiring"): binds each extension point to the instance
 * created by the provider the spec names, and the engine, seeds and setup derived from the spec.
 * One injector per run, so no state is shared between runs.
 */
public final class ExperimentModule extends AbstractModule {
    private final RunPlan plan;
    private final int threads;
    private final EngineChoice known;

    public ExperimentModule(RunPlan plan, int threads) {
        this(plan, threads, null);
    }

    /**
     * @param known the engine choice of another run of the same configuration (same config key), already checked,
     *              or null to choose (and check) here
     */
    public ExperimentModule(RunPlan plan, int threads, EngineChoice known) {
        this.plan = plan;
        this.threads = threads;
        this.known = known;
    }

    @Override
    protected void configure() {
        bind(RunPlan.class).toInstance(plan);
        bind(ExperimentSpec.class).toInstance(plan.spec());
        bindConstant().annotatedWith(Names.named("threads")).to(threads);
    }

    /** The run's resolved parameters, given to every plugin's factory. */
    @Provides
    @Singleton
    RunContext context(ExperimentSpec s, RunPlan plan) {
        return contextOf(s, plan.parameters());
    }

    /** The context of a run of {@code s} whose file resolved {@code parameters} (vars as {@code vars.NAME}). */
    public static RunContext contextOf(ExperimentSpec s, java.util.Map<String, Double> parameters) {
        return new RunContext(s.data().n(), s.data().p(), s.network().width(), s.data().test(),
                s.data().mu() == null ? Double.NaN : s.data().mu(), parameters);
    }

    @Provides
    @Singleton
    Activation activation(ExperimentSpec s, RunContext context) {
        return s.network().activation().create(Activation.class, context);
    }

    @Provides
    @Singleton
    ClusterDistribution cluster(ExperimentSpec s, RunContext context) {
        return s.data().cluster().create(ClusterDistribution.class, context);
    }

    @Provides
    @Singleton
    LabelNoise noise(ExperimentSpec s, RunContext context) {
        return s.data().noise().create(LabelNoise.class, context);
    }

    @Provides
    @Singleton
    Loss loss(ExperimentSpec s, RunContext context) {
        Loss loss = s.training().loss().create(Loss.class, context);
        return s.training().loss().summed() ? new SummedLoss(loss, s.data().n()) : loss;
    }

    @Provides
    @Singleton
    Optimizer optimizer(ExperimentSpec s, RunContext context) {
        return s.training().optimizer().create(Optimizer.class, context);
    }

    @Provides
    @Singleton
    Plugins plugins(Activation a, ClusterDistribution c, LabelNoise n, Loss l, Optimizer o) {
        return new Plugins(a, c, n, l, o);
    }

    @Provides
    @Singleton
    TrainingSetup setup(ExperimentSpec s) {
        DataSpec d = s.data();
        NetworkSpec net = s.network();
        TrainingSpec t = s.training();
        TrainingSetup setup;
        if (d.isFile()) { // μ unknown (not used with given data); the files are read when training starts
            setup = new TrainingSetup(d.n(), d.p(), net.width(), 0.0, d.test(), net.init(), t.steps(),
                    t.stopLoss(), t.stopAtInterpolation(), t.metricsPerDecade(), secondLayer(net.secondLayer()),
                    GivenFiles.given(d));
        } else {
            setup = new TrainingSetup(d.n(), d.p(), net.width(), d.mu(), d.test(), net.init(), t.steps(),
                    t.stopLoss(), t.stopAtInterpolation(), t.metricsPerDecade(), secondLayer(net.secondLayer()));
        }
        return setup.withDiagnostics(java.util.Set.copyOf(t.diagnostics())).withStallSteps(t.stallWindow())
                .withSpectralNorm(t.spectralNorm()).withBaselines(org.benignlab.engine.Baseline.setOf(t.baselines()));
    }

    /** The engine's description of a second layer (its scale filled in by {@link NetworkSpec}). */
    public static SecondLayer secondLayer(SecondLayerSpec s) {
        SecondLayer.Signs pattern = SecondLayer.Signs.valueOf(s.signs().toUpperCase(java.util.Locale.ROOT));
        return new SecondLayer(pattern, s.scale(), s.sign() == null ? 1 : s.sign(),
                s.values() == null ? java.util.List.of() : s.values());
    }

    @Provides
    @Singleton
    Seeds seeds(ExperimentSpec s, RunPlan p, EngineChoice engine, LabelNoise noise) {
        return new Seeds(s.seed(), p.repetition(), engine.kind().drawFamily(), p.resolved(), noise);
    }

    /**
     * The engine of {@code training.engine} ({@link EngineChoice#choose}, which settles the exactness of every engine
     * once per configuration), and the {@code training.save} size guard, before anything is written.
     */
    @Provides
    @Singleton
    EngineChoice engineChoice(ExperimentSpec s, Plugins plugins, TrainingSetup setup) {
        if (known != null) {
            return known;
        }
        EngineChoice choice;
        try {
            choice = EngineChoice.choose(s.training().engine(), plugins, setup);
        } catch (EngineChoice.Refused e) {
            if (e.noEngine()) {
                throw new InputException("data.noise.type: '" + s.data().noise().type() + "' is adversarial (its "
                        + "flips may depend on <x, μ>), and μ is unknown for data read from files; choose a noise model "
                        + "that is not adversarial, e.g. random-flip");
            }
            throw new InputException("training.engine: " + e.getMessage() + (e.exact().isEmpty() ? ""
                    : "; use training.engine: " + String.join(" or ", e.exact()) + " (or auto)"));
        }
        RunArrays.checkLimit(s.training(), setup, choice.kind()); // before anything is written
        return choice;
    }

    @Provides
    Engine engine(EngineChoice choice, @Named("threads") int t) {
        return choice.create(t, Products.preferred()); // the native BLAS when this process loaded one
    }
}
