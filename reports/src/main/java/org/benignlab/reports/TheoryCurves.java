package org.benignlab.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The theory's curves as figures draw them: the noise rate, the Bayes error and the Theorem 3.1 bound evaluated
 * densely between the swept points, and the boundary n‖μ‖⁴ = C σ⁴ p over a heat map. Between two neighbouring
 * configurations every parameter is interpolated in the axis's own scale: geometrically on a log axis (exact for
 * parameters that are powers of the axis, p = ratio·n or ‖μ‖ = p^0.35), linearly on a linear one (exact for a
 * parameter that is the axis, η or ‖μ‖ themselves).
 */
final class TheoryCurves {
    private TheoryCurves() {
    }

    /** Points per interval between two swept values (fewer when there are many configurations). */
    static final int DENSITY = 24;

    /** Points per interval for {@code configurations} configurations: 24, down to 2 so that a curve has ~600 points. */
    static int density(int configurations) {
        return Math.max(2, Math.min(DENSITY, 600 / Math.max(1, configurations)));
    }

    /**
     * What the curves need of a configuration (NaN when unknown or when the curve does not apply).
     *
     * @param declaredClean the clean Bayes error a signal model other than one mean declared at this configuration's
     *                      ‖μ‖ (NaN for one mean, whose Bayes error is computed from ‖μ‖ and σ²)
     */
    record Point(double n, double p, double mu, double eta, double variance, boolean bayes, boolean bound,
                 double declaredClean) {
        static Point of(Configuration c) {
            return new Point(v(c.n()), v(c.p()), v(c.mu()), v(c.eta()), v(c.declared().coordinateVariance()),
                    bayesApplies(c), Theory.boundNote(c).isEmpty(),
                    c.declared().oneMean() ? Double.NaN : Theory.bayesErrorClean(c));
        }

        /** Whether the signal model is one mean (no other declared). */
        boolean oneMean() {
            return Double.isNaN(declaredClean);
        }

        private static double v(Double d) {
            return d == null ? Double.NaN : d;
        }
    }

    /**
     * Whether η + (1 − 2η)Φ(−‖μ‖/σ) is the Bayes error of a configuration: the one place that decides where the
     * Bayes curve is drawn ({@link Theory#bayesNote}).
     */
    static boolean bayesApplies(Configuration c) {
        return Theory.bayesNote(c).isEmpty();
    }

    /**
     * The Bayes error at a point, on noisy ({@code clean} false) or clean labels; NaN where it does not apply. For a
     * signal model other than one mean it is the clean Bayes error the model declared (mixed with η), which the files
     * hold at the configurations only: between two of them it is interpolated like the parameters, so the curve joins
     * the configurations' values.
     */
    static double bayes(Point q, boolean clean) {
        if (q.bayes() && !q.oneMean()) {
            return clean ? q.declaredClean() : Double.isFinite(q.eta())
                    ? q.eta() + (1 - 2 * q.eta()) * q.declaredClean() : Double.NaN;
        }
        if (!q.bayes() || !Double.isFinite(q.mu()) || !Double.isFinite(q.variance())) {
            return Double.NaN;
        }
        if (clean) {
            return Theory.bayesErrorClean(q.mu(), q.variance());
        }
        return Double.isFinite(q.eta()) ? Theory.bayesError(q.eta(), q.mu(), q.variance()) : Double.NaN;
    }

    /** The Theorem 3.1 bound η + 2exp(−n‖μ‖⁴/(C σ⁴ p)) at a point; NaN where it does not apply. */
    static double bound(Point q, double c) {
        if (!q.bound() || !Double.isFinite(q.eta() + q.n() + q.p() + q.mu() + q.variance())) {
            return Double.NaN;
        }
        return Theory.bound(q.eta(), q.n(), q.p(), q.mu(), c, q.variance());
    }

    static double eta(Point q) {
        return q.eta();
    }

    /**
     * A curve through configurations sorted by x, evaluated at {@code density} points per interval.
     *
     * @return {x, y}; y is NaN where f is (a break in the line)
     */
    static double[][] dense(double[] xs, List<Point> points, boolean logX, int density, ToDoubleFunction<Point> f) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            if (i == 0 || xs.length == 1) {
                out.add(new double[] {xs[0], f.applyAsDouble(points.get(0))});
                continue;
            }
            Point a = points.get(i - 1);
            Point b = points.get(i);
            boolean geometric = logX && xs[i - 1] > 0 && xs[i] > 0;
            for (int k = 1; k <= density; k++) {
                double t = k / (double) density;
                double x = k == density ? xs[i] : geometric ? xs[i - 1] * Math.pow(xs[i] / xs[i - 1], t)
                        : xs[i - 1] + t * (xs[i] - xs[i - 1]);
                Point q = k == density ? b : new Point(mix(a.n(), b.n(), t, geometric), mix(a.p(), b.p(), t, geometric),
                        mix(a.mu(), b.mu(), t, geometric), mix(a.eta(), b.eta(), t, false),
                        mix(a.variance(), b.variance(), t, geometric), a.bayes() && b.bayes(), a.bound() && b.bound(),
                        a.oneMean() || b.oneMean() ? Double.NaN : mix(a.declaredClean(), b.declaredClean(), t, false));
                out.add(new double[] {x, f.applyAsDouble(q)});
            }
        }
        double[][] xy = new double[2][out.size()];
        for (int i = 0; i < out.size(); i++) {
            xy[0][i] = out.get(i)[0];
            xy[1][i] = out.get(i)[1];
        }
        return xy;
    }

    private static double mix(double a, double b, double t, boolean geometric) {
        if (a == b) {
            return a;
        }
        if (geometric && a > 0 && b > 0) {
            return a * Math.pow(b / a, t);
        }
        return a + t * (b - a);
    }

    /**
     * The level set {@code level} of a quantity given at the centres of a grid of cells, as line segments
     * (each two points then a NaN break) in fractional cell indices: marching squares with linear interpolation
     * of the quantity's logarithm, exact when it is a power law of log-spaced axis values.
     *
     * @param values values[i][j] at cell (i, j); NaN or non-positive: unknown
     * @return {ix, iy} with NaN separating the segments
     */
    static double[][] contour(double[][] values, double level) {
        int nx = values.length;
        int ny = nx == 0 ? 0 : values[0].length;
        double l = Math.log(level);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < nx; i++) {
            for (int j = 0; j + 1 < ny; j++) {
                double[] corners = {log(values[i][j]), log(values[i + 1][j]), log(values[i + 1][j + 1]),
                    log(values[i][j + 1])};
                double[][] at = {{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}};
                List<double[]> cross = new ArrayList<>();
                for (int e = 0; e < 4; e++) {
                    double a = corners[e];
                    double b = corners[(e + 1) % 4];
                    if (Double.isNaN(a) || Double.isNaN(b) || a == b) {
                        continue;
                    }
                    if ((a < l) != (b < l)) {
                        double t = (l - a) / (b - a);
                        double[] p = at[e];
                        double[] q = at[(e + 1) % 4];
                        cross.add(new double[] {p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])});
                    }
                }
                for (int k = 0; k + 1 < cross.size(); k += 2) {
                    out.add(cross.get(k));
                    out.add(cross.get(k + 1));
                    out.add(new double[] {Double.NaN, Double.NaN});
                }
            }
        }
        double[][] xy = new double[2][out.size()];
        for (int i = 0; i < out.size(); i++) {
            xy[0][i] = out.get(i)[0];
            xy[1][i] = out.get(i)[1];
        }
        return xy;
    }

    /**
     * The grid with one more cell on every side, each continuing its row or column linearly in log (geometrically):
     * exact for a power law of log-spaced axis values; NaN where a neighbour is unknown.
     */
    static double[][] extendLogLinear(double[][] v) {
        int nx = v.length;
        int ny = v[0].length;
        double[][] out = new double[nx + 2][ny + 2];
        for (double[] row : out) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                out[i + 1][j + 1] = v[i][j];
            }
        }
        for (int i = 1; i <= nx; i++) { // along y
            out[i][0] = beyond(out[i][1], out[i][2], ny >= 2);
            out[i][ny + 1] = beyond(out[i][ny], out[i][ny - 1], ny >= 2);
        }
        for (int j = 0; j < ny + 2; j++) { // along x, including the new corners
            out[0][j] = beyond(out[1][j], out[2][j], nx >= 2);
            out[nx + 1][j] = beyond(out[nx][j], out[nx - 1][j], nx >= 2);
        }
        return out;
    }

    /** The value one step beyond {@code edge} away from {@code inner}, geometrically; NaN without two values. */
    private static double beyond(double edge, double inner, boolean twoValues) {
        if (!twoValues || !(edge > 0) || !(inner > 0)) {
            return Double.NaN;
        }
        return edge * edge / inner;
    }

    private static double log(double v) {
        return v > 0 && Double.isFinite(v) ? Math.log(v) : Double.NaN;
    }

    /** The data value at a fractional index of sorted categories (the inverse of {@link Plot.Axis#index}). */
    static double valueAt(double[] categories, double index) {
        if (Double.isNaN(index)) {
            return Double.NaN;
        }
        if (categories.length == 1) {
            return categories[0];
        }
        int i = Math.max(0, Math.min(categories.length - 2, (int) Math.floor(index)));
        double t = index - i;
        double a = categories[i];
        double b = categories[i + 1];
        return categories[0] > 0 ? a * Math.pow(b / a, t) : a + t * (b - a);
    }
}
