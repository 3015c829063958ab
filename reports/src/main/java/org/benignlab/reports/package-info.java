/**
 * Reports made from result files alone: the tables and figures a researcher would put in a paper on
 * benign overfitting (Frei, Chatterji, Bartlett 2022; notation of MODEL.md). Depends on the api module
 * only and reads the documented files of a results folder (manifest.json, each run's summary.json and
 * metrics.csv; never runs.csv, the experiments or the engine module), so a report can be made from
 * results copied off another machine.
 *
 * <p>Entry point: {@link org.benignlab.reports.ReportWriter#write} writes {@code <results>/report/}:
 * a self-contained report.html (figures inlined as PNG, no script, no URL), report.md, every figure as
 * PNG, PDF (real text) and the CSV of what it plots, and summary.csv (one row per configuration: run counts, mean, sample sd and 95% interval
 * of each final metric, and the verdict benign / tempered / catastrophic / not interpolating of
 * Theorem 3.1's claims). The figures: final test error (noisy and clean labels) against each swept
 * numeric parameter or derived quantity (n‖μ‖⁴/p) with the noise rate η, the Bayes error η + (1 − 2η)Φ(−‖μ‖) and
 * the bound η + 2 exp(−n‖μ‖⁴/(C p)) (Theorem 3.1 (2)); training curves; heat maps of the test errors over two
 * swept parameters with the curve n‖μ‖⁴ = C p; and the diagnostics of Lemmas 4.9, 4.11 and
 * Proposition 3.2 when metrics.csv records them. The same input files always give byte-identical
 * summary.csv, report.md and report.html. Bad input is a
 * {@link org.benignlab.reports.ReportInputException} whose one-line message names the file.
 *
 * <p>Key types: {@link org.benignlab.reports.ReportWriter} (with its {@code Options} and {@code Report}
 * records), {@link org.benignlab.reports.ReportInputException}, {@link org.benignlab.reports.MetricsTable}
 * (one run's metrics.csv), {@link org.benignlab.reports.FigureOptions} (which figures, over which axes).
 * Package-private: {@code ResultsReader} (manifest and summaries), {@code ConfigStats} and {@code Stats} (means,
 * Student t and Wilson intervals, verdicts), {@code Figures} (the choice of figures) with one class per figure
 * family ({@code ErrorFigures}, {@code CurveFigures}, {@code HeatmapFigures}), {@code FigureAxis},
 * {@code TheoryCurves}, {@code ColourMap}, the renderer {@code Plot} and {@code PlotLayout}, {@code Figure} and
 * {@code FigureFiles} (PNG, PDF, CSV), {@code ReportText} and {@code Doc} (one text, rendered as HTML and
 * Markdown with escaping), {@code SummaryCsv}.
 *
 * <p>The paper's claims ({@code benign reproduce}): {@link org.benignlab.reports.Claims} judges each claim
 * on its sweep and its negative control and writes claims.md/html/csv; one package-private class per
 * claim ({@code TestErrorClaim}, {@code LossToEpsilonClaim}, {@code JinClaim}, {@code LossRatioClaim},
 * {@code GradientClaim}, {@code MarginClaim}) with {@code PerRunClaim}, {@code DriftFit},
 * {@code ClaimStats} and {@code ClaimRuns} shared among them.
 */
package org.benignlab.reports;
