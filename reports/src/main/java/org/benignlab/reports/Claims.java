package org.benignlab.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.benignlab.api.MetricNames;

/**
 * The paper's claims (MODEL.md, "Claims to check empirically"), each checked on the results folder of
 * its experiment in {@code examples/paper/} by a stated rule, and the claims report: one row per claim
 * with what the paper states, what was measured (with intervals and fitted exponents), and a verdict.
 */
public final class Claims {
    private Claims() {
    }

    /** How a claim fared. */
    public enum Verdict {
        SUPPORTED("supported"), NOT_SUPPORTED("not supported"), INCONCLUSIVE("inconclusive");

        private final String word;

        Verdict(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One claim.
     *
     * @param id        short name; its experiment is {@code examples/paper/<id>.yaml}
     * @param source    where the paper states it
     * @param statement what the paper states
     * @param rule      how the verdict is decided from the measurements
     * @param quick     {@code --set} overrides for {@code reproduce --quick} (a smaller sweep)
     */
    public record Claim(String id, String source, String statement, String rule, List<String> quick) {
    }

    /**
     * A claim checked.
     *
     * @param claim    the claim
     * @param measured what was measured, in words and numbers
     * @param verdict  the verdict
     * @param why      the rule applied to these numbers
     */
    public record Finding(Claim claim, String measured, Verdict verdict, String why) {
    }

    private static final double TOL = 0.02;

    /** Every claim, in report order. */
    public static final List<Claim> ALL = List.of(
            new Claim("test-error-vs-signal", "Theorem 3.1 (2)",
                    "test error on noisy labels <= η + 2 exp(-n‖μ‖⁴/(C p)): it falls to η as n‖μ‖⁴/p grows",
                    "supported if the configuration with the largest n‖μ‖⁴/p has mean test error within tol of η "
                            + "(tol = max(0.02, half-width of its 95% Wilson interval)) and the one with the smallest "
                            + "is at least tol higher; not supported if the largest-signal test error's interval lies "
                            + "above η + tol; otherwise inconclusive",
                    List.of("sweep.grid.data.mu={from: 8, to: 60, steps: 4, scale: log}", "sweep.repetitions=2",
                            "data.test=2000")),
            new Claim("jin-threshold", "Section 3 (Jin's threshold)",
                    "for fixed n, learning fails when ‖μ‖ = o(p^(1/4)), although the Bayes error is then tiny",
                    "supported if every configuration with ‖μ‖/p^(1/4) < 1 has clean test error at least 0.1 above "
                            + "the Bayes error Φ(-‖μ‖) and every one with ‖μ‖/p^(1/4) > 1 is within tol of it; not "
                            + "supported if a configuration below the threshold is within tol of the Bayes error; "
                            + "otherwise inconclusive",
                    List.of("sweep.grid.data.p=[10000, 1000000]", "sweep.repetitions=2", "data.test=2000")),
            new Claim("normalized-margin", "Lemma 4.11",
                    "the normalized clean margin E[ỹ f(x; W)]/‖W‖_F grows like ‖μ‖² √(n/p)",
                    "fit log(final normalized margin) = a + b log ‖μ‖ over all completed runs; supported if every "
                            + "margin is positive and the 95% interval of b meets [1.5, 2.5]; not supported if a "
                            + "margin is not positive or the interval lies outside [1, 3]; otherwise inconclusive",
                    List.of("sweep.grid.data.mu={from: 3, to: 30, steps: 4, scale: log}", "sweep.repetitions=2",
                            "data.test=2000")),
            new Claim("loss-ratio", "Lemma 4.9",
                    "max_ij g_i(t)/g_j(t) stays bounded for all t while the training loss goes to 0",
                    "supported if in every run the training loss falls at least 10-fold and the loss ratio's maximum "
                            + "over the last decade of steps is at most 1.5 times its maximum over the decade before; "
                            + "not supported if it is more than 3 times; otherwise inconclusive",
                    List.of("training.steps=5000", "sweep.repetitions=2")),
            new Claim("first-step-change", "Proposition 3.2",
                    "not the kernel regime: ‖W1 - W0‖_F/‖W0‖_F >= γ‖μ‖/C after one step",
                    "supported if ‖W1 - W0‖_F/‖W0‖_F >= γ‖μ‖ (C = 1) in every completed run, not supported if it "
                            + "fails in one; the slope b of log(change) against log ‖μ‖ is reported (the bound grows "
                            + "like ‖μ‖; the measured change also carries a √(p/n) term from the label noise)",
                    List.of("sweep.grid.data.mu={from: 10, to: 300, steps: 3, scale: log}", "sweep.repetitions=2")),
            new Claim("interpolation-vs-noise", "Theorem 3.1 (1)",
                    "gradient descent reaches training error 0 (every noisy label fitted) for every η < 1/C",
                    "supported if every completed run of every noise rate reaches train error 0; inconclusive "
                            + "otherwise (the theorem's number of steps may exceed the run's budget)",
                    List.of("sweep.grid.data.noise.rate=[0.0, 0.2, 0.4]", "sweep.repetitions=2")));

    /** Checks {@code claim} on the results folder of its experiment. */
    public static Finding evaluate(Claim claim, Path resultsDir) throws IOException {
        Experiment e = ResultsReader.read(resultsDir);
        List<Configuration> configs = e.configurations().stream().filter(c -> !c.completedRuns().isEmpty()).toList();
        if (configs.isEmpty()) {
            return new Finding(claim, "no completed run", Verdict.INCONCLUSIVE, "nothing to measure");
        }
        return switch (claim.id()) {
            case "test-error-vs-signal" -> testErrorVsSignal(claim, configs);
            case "jin-threshold" -> jinThreshold(claim, configs);
            case "normalized-margin" -> slopeClaim(claim, configs);
            case "loss-ratio" -> lossRatio(claim, configs);
            case "first-step-change" -> firstStep(claim, configs);
            case "interpolation-vs-noise" -> interpolation(claim, configs);
            default -> throw new IllegalArgumentException("unknown claim " + claim.id());
        };
    }

    private static double meanOf(Configuration c, String metric) {
        return c.completedRuns().stream().map(r -> r.summary().metric(metric)).filter(v -> v != null && !v.isNaN())
                .mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Wilson interval of the pooled test errors of a configuration's completed runs. */
    private static Stats.Interval pooled(Configuration c, String metric) {
        long errors = 0;
        long trials = 0;
        for (RunRecord r : c.completedRuns()) {
            Double rate = r.summary().metric(metric);
            Double t = ConfigStats.trials(r, metric);
            if (rate != null && t != null && !rate.isNaN()) {
                errors += Math.round(rate * t);
                trials += Math.round(t);
            }
        }
        return trials == 0 ? new Stats.Interval(Double.NaN, Double.NaN) : Stats.wilson(errors, trials);
    }

    private static String f(double v) {
        return Formats.human(v);
    }

    private static Finding testErrorVsSignal(Claim claim, List<Configuration> configs) {
        Comparator<Configuration> bySignal = Comparator.comparingDouble(c -> c.n() * Math.pow(c.mu(), 4) / c.p());
        Configuration low = configs.stream().min(bySignal).orElseThrow();
        Configuration high = configs.stream().max(bySignal).orElseThrow();
        double eta = high.eta();
        double top = meanOf(high, MetricNames.TEST_ERROR);
        double bottom = meanOf(low, MetricNames.TEST_ERROR);
        Stats.Interval ci = pooled(high, MetricNames.TEST_ERROR);
        double tol = Math.max(TOL, (ci.high() - ci.low()) / 2);
        String measured = String.format(Locale.ROOT, "test error %s (95%% %s-%s) at n‖μ‖⁴/p = %s vs η = %s; %s at "
                        + "n‖μ‖⁴/p = %s", f(top), f(ci.low()), f(ci.high()), f(signal(high)), f(eta), f(bottom),
                f(signal(low)));
        Verdict v;
        if (Math.abs(top - eta) <= tol && bottom - top >= tol) {
            v = Verdict.SUPPORTED;
        } else if (ci.low() > eta + tol) {
            v = Verdict.NOT_SUPPORTED;
        } else {
            v = Verdict.INCONCLUSIVE;
        }
        return new Finding(claim, measured, v, String.format(Locale.ROOT, "tol = %s: |%s - η| %s tol, drop %s %s tol",
                f(tol), f(top), Math.abs(top - eta) <= tol ? "<=" : ">", f(bottom - top), bottom - top >= tol ? ">=" : "<"));
    }

    private static double signal(Configuration c) {
        return c.n() * Math.pow(c.mu(), 4) / c.p();
    }

    private static Finding jinThreshold(Claim claim, List<Configuration> configs) {
        List<String> parts = new ArrayList<>();
        boolean below = true;
        boolean above = true;
        boolean contradiction = false;
        for (Configuration c : configs) {
            double ratio = c.mu() / Math.pow(c.p(), 0.25);
            double clean = meanOf(c, MetricNames.TEST_ERROR_CLEAN);
            double bayes = Theory.bayesErrorClean(c.mu());
            Stats.Interval ci = pooled(c, MetricNames.TEST_ERROR_CLEAN);
            double tol = Math.max(TOL, (ci.high() - ci.low()) / 2);
            parts.add(String.format(Locale.ROOT, "p=%s ‖μ‖/p^¼=%s: clean error %s (Bayes %s)", f(c.p()), f(ratio),
                    f(clean), f(bayes)));
            if (ratio < 1) {
                below &= clean >= bayes + 0.1;
                contradiction |= clean <= bayes + tol;
            } else {
                above &= clean <= bayes + tol;
            }
        }
        Verdict v = contradiction ? Verdict.NOT_SUPPORTED : below && above ? Verdict.SUPPORTED : Verdict.INCONCLUSIVE;
        return new Finding(claim, String.join("; ", parts), v, String.format(Locale.ROOT,
                "below the threshold every clean error is >= Bayes + 0.1: %s; above it every one is within tol: %s",
                below ? "yes" : "no", above ? "yes" : "no"));
    }

    /** OLS of log y on log x over runs; {slope, low, high, n}. */
    private static double[] slope(List<double[]> points) {
        SimpleRegression reg = new SimpleRegression();
        for (double[] p : points) {
            reg.addData(Math.log(p[0]), Math.log(p[1]));
        }
        double b = reg.getSlope();
        double half = points.size() > 2 ? reg.getSlopeConfidenceInterval(0.05) : Double.NaN;
        return new double[] {b, b - half, b + half, points.size()};
    }

    private static Finding slopeClaim(Claim claim, List<Configuration> configs) {
        List<double[]> points = new ArrayList<>();
        boolean positive = true;
        for (Configuration c : configs) {
            for (RunRecord r : c.completedRuns()) {
                Double m = r.summary().metric(MetricNames.NORMALIZED_MARGIN);
                if (m == null || m.isNaN()) {
                    continue;
                }
                positive &= m > 0;
                if (m > 0) {
                    points.add(new double[] {c.mu(), m});
                }
            }
        }
        if (points.size() < 3) {
            return new Finding(claim, points.size() + " runs recorded the normalized margin", Verdict.INCONCLUSIVE,
                    "a slope needs at least 3 runs (is the margin diagnostic on?)");
        }
        double[] s = slope(points);
        String measured = String.format(Locale.ROOT, "normalized margin ∝ ‖μ‖^b with b = %s (95%% %s to %s, %d runs)",
                f(s[0]), f(s[1]), f(s[2]), (int) s[3]);
        Verdict v;
        if (positive && s[1] <= 2.5 && s[2] >= 1.5) {
            v = Verdict.SUPPORTED;
        } else if (!positive || s[2] < 1 || s[1] > 3) {
            v = Verdict.NOT_SUPPORTED;
        } else {
            v = Verdict.INCONCLUSIVE;
        }
        return new Finding(claim, measured, v, "every margin positive: " + (positive ? "yes" : "no")
                + "; interval of b meets [1.5, 2.5]: " + (s[1] <= 2.5 && s[2] >= 1.5 ? "yes" : "no"));
    }

    private static Finding lossRatio(Claim claim, List<Configuration> configs) throws IOException {
        double worstGrowth = 0;
        double smallestFall = Double.POSITIVE_INFINITY;
        double largestRatio = 0;
        int runs = 0;
        for (Configuration c : configs) {
            for (RunRecord r : c.completedRuns()) {
                if (r.metricsFile() == null) {
                    continue;
                }
                MetricsTable t = MetricsTable.read(r.metricsFile());
                List<MetricsTable.Point> ratio = t.series(MetricNames.LOSS_RATIO);
                List<MetricsTable.Point> loss = t.series(MetricNames.TRAIN_LOSS);
                if (ratio.isEmpty() || loss.size() < 2) {
                    continue;
                }
                runs++;
                long last = ratio.get(ratio.size() - 1).step();
                double lastDecade = maxBetween(ratio, last / 10.0, last);
                double decadeBefore = maxBetween(ratio, last / 100.0, last / 10.0);
                worstGrowth = Math.max(worstGrowth, lastDecade / decadeBefore);
                smallestFall = Math.min(smallestFall, loss.get(0).value() / loss.get(loss.size() - 1).value());
                largestRatio = Math.max(largestRatio, ratio.stream().mapToDouble(MetricsTable.Point::value).max()
                        .orElse(Double.NaN));
            }
        }
        if (runs == 0) {
            return new Finding(claim, "no run recorded the loss ratio", Verdict.INCONCLUSIVE,
                    "is the losses diagnostic on?");
        }
        String measured = String.format(Locale.ROOT, "over %d runs: training loss fell at least %s-fold; largest loss "
                + "ratio %s; last decade / decade before <= %s", runs, f(smallestFall), f(largestRatio), f(worstGrowth));
        Verdict v = smallestFall >= 10 && worstGrowth <= 1.5 ? Verdict.SUPPORTED
                : worstGrowth > 3 ? Verdict.NOT_SUPPORTED : Verdict.INCONCLUSIVE;
        return new Finding(claim, measured, v, "fall >= 10: " + (smallestFall >= 10 ? "yes" : "no")
                + "; growth <= 1.5: " + (worstGrowth <= 1.5 ? "yes" : "no"));
    }

    private static double maxBetween(List<MetricsTable.Point> series, double from, double to) {
        return series.stream().filter(p -> p.step() > from && p.step() <= to).mapToDouble(MetricsTable.Point::value)
                .max().orElse(Double.NaN);
    }

    private static Finding firstStep(Claim claim, List<Configuration> configs) throws IOException {
        List<double[]> points = new ArrayList<>();
        boolean holds = true;
        double worst = Double.POSITIVE_INFINITY;
        for (Configuration c : configs) {
            double gamma = ResultsReader.runParameter(c.completedRuns().get(0), "gamma", "network.activation.gamma");
            for (RunRecord r : c.completedRuns()) {
                if (r.metricsFile() == null) {
                    continue;
                }
                double change = MetricsTable.read(r.metricsFile()).series(MetricNames.RELATIVE_CHANGE).stream()
                        .filter(p -> p.step() == 1).mapToDouble(MetricsTable.Point::value).findFirst().orElse(Double.NaN);
                if (Double.isNaN(change)) {
                    continue;
                }
                double bound = gamma * c.mu();
                holds &= change >= bound;
                worst = Math.min(worst, change / bound);
                points.add(new double[] {c.mu(), change});
            }
        }
        if (points.size() < 3) {
            return new Finding(claim, points.size() + " runs recorded the change at step 1", Verdict.INCONCLUSIVE,
                    "needs at least 3 runs with the change diagnostic on");
        }
        double[] s = slope(points);
        String measured = String.format(Locale.ROOT, "‖W1 - W0‖/‖W0‖ >= γ‖μ‖ in %s runs (smallest ratio to the bound "
                        + "%s); change ∝ ‖μ‖^b with b = %s (95%% %s to %s)", holds ? "all " + points.size() : "not all",
                f(worst), f(s[0]), f(s[1]), f(s[2]));
        return new Finding(claim, measured, holds ? Verdict.SUPPORTED : Verdict.NOT_SUPPORTED,
                "the bound with C = 1 " + (holds ? "holds in every run" : "fails in a run"));
    }

    private static Finding interpolation(Claim claim, List<Configuration> configs) {
        List<String> parts = new ArrayList<>();
        boolean all = true;
        for (Configuration c : configs) {
            long fitted = c.completedRuns().stream().filter(r -> {
                Double e = r.summary().metric(MetricNames.TRAIN_ERROR);
                return e != null && e == 0.0;
            }).count();
            all &= fitted == c.completedRuns().size();
            parts.add(String.format(Locale.ROOT, "η=%s: %d/%d", f(c.eta()), fitted, c.completedRuns().size()));
        }
        return new Finding(claim, "runs reaching train error 0: " + String.join(", ", parts),
                all ? Verdict.SUPPORTED : Verdict.INCONCLUSIVE, all ? "every run interpolated" : "some run did not "
                        + "interpolate within its steps");
    }

    /**
     * Writes {@code claims.md}, {@code claims.html} and {@code claims.csv} into {@code dir}.
     *
     * @param mode "quick" or "full", said in the report
     */
    public static List<Path> write(List<Finding> findings, Path dir, String mode) throws IOException {
        Files.createDirectories(dir);
        Doc doc = new Doc("Benign Lab: the paper's claims, checked");
        doc.heading(1, "The paper's claims, checked (" + mode + ")");
        doc.paragraph("Frei, Chatterji, Bartlett (2022), Benign Overfitting without Linearity. Each claim is checked "
                + "on a sweep of its own (examples/paper/<claim>.yaml; each sweep's report is in its folder) by the "
                + "rule in the last column. A verdict is about these finite experiments, not a proof.");
        List<List<String>> rows = new ArrayList<>();
        StringBuilder csv = new StringBuilder("claim,source,statement,measured,verdict,rule,why\n");
        for (Finding fd : findings) {
            rows.add(List.of(fd.claim().id(), fd.claim().source(), fd.claim().statement(), fd.measured(),
                    fd.verdict().word(), fd.why()));
            csv.append(String.join(",", List.of(fd.claim().id(), fd.claim().source(), fd.claim().statement(),
                    fd.measured(), fd.verdict().word(), fd.claim().rule(), fd.why()).stream()
                    .map(Claims::csvCell).toList())).append('\n');
        }
        doc.add(new Doc.Table(List.of("claim", "paper", "states", "measured", "verdict", "by the rule"),
                new boolean[6], rows));
        doc.heading(2, "Rules");
        List<List<Doc.Span>> rules = new ArrayList<>();
        for (Finding fd : findings) {
            rules.add(List.of(Doc.Span.bold(fd.claim().id()), Doc.Span.text(": " + fd.claim().rule() + ".")));
        }
        doc.add(new Doc.Bullets(rules));
        Path md = dir.resolve("claims.md");
        Path html = dir.resolve("claims.html");
        Path csvFile = dir.resolve("claims.csv");
        AtomicFiles.writeString(md, doc.toMarkdown());
        AtomicFiles.writeString(html, doc.toHtml());
        AtomicFiles.writeString(csvFile, csv.toString());
        return List.of(html, md, csvFile);
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
