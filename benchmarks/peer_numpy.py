#!/usr/bin/env python3
"""NumPy half of the Benign Lab peer comparison (benchmark-only; needs Python 3 and NumPy).

Usage:
  peer_numpy.py --data DIR [--algos dense,span]        # train on the files PeerComparison wrote
  peer_numpy.py --sketch --n 100 --m 100 --p 1e9 --steps 2000 --test 20000 [--seed 1] [--mu ..] [--step ..]

Algorithms (all float64, the benchmark configuration of the Java side: smoothed leaky ReLU gamma=0.1, H=1,
logistic loss, full-batch GD with a fixed step, metrics on the log schedule with one point per decade):
  dense   the reference a peer would write: dense X and W, Z = X @ W.T, A = g*y*a*phi'(Z),
          W -= step * (-(1/n) A.T @ X)
  span    W = W0 + B X: K = X X^T and Z0 = X W0^T once, then Z = Z0 + K B^T, B += (step/n) A^T
  span-norms  the same, recording what the Java engines record at every recorded step besides the train loss
          and test error: G0 = W0 W0^T once; at a recorded step W W^T = G0 + E + E^T + (H + H^T)/2
          (E = B Z0, H = (B K) B^T), ||W||_F, ||W||_2 = sqrt(max eigvalsh(W W^T)), the stable rank, train
          errors on the clean and noisy points, test error against the clean labels (equal work, for
          comparison only; the targets use span)
  sketch  the Gaussian sketch of MODEL.md's appendix with its own random draws (NumPy's generator):
          Bartlett draw of the Gram matrix of the n+m underlying Gaussian vectors, K, Z0, the span
          algorithm, and test points drawn as exact Gaussian projections with one Cholesky factor; at each
          recorded step it records what the Java sketch records (the norms and errors of span-norms, with
          G0 = W0 W0^T from the drawn Gram matrix: equal work), or with --lean only the train loss and the test
          error (as before 2026-12-07).

Each algorithm prints one line
  RESULT engine=numpy-<algo> steps=T train_s=.. loop_s=.. per_step_ms=.. loss=.. test_error=.. train_error=..
where train_s is everything after the data is in memory (K and Z0 included; for the sketch the whole
draw), loop_s the step loop (forward pass at steps 0..T, T updates, metrics at recorded steps) and
per_step_ms = 1000 loop_s / T. The final loss is the train loss at W(T), as on the Java side.
With --repeat R the fastest of R runs is reported (the Java side's --repeat does the same).
"""
import argparse
import ctypes
import json
import math
import os
import sys
import time

import numpy as np

GAMMA = 0.1
H = 1.0
_BP = 1.0 / H
_OFF = (1 - GAMMA) / (4 * H)
_Q = (1 - GAMMA) * H / 4
_L = (1 + GAMMA) / 2


def phi(z):
    """Smoothed leaky ReLU, equation (1) of the paper."""
    return np.where(z >= _BP, z - _OFF, np.where(z <= -_BP, GAMMA * z - _OFF, z * (_Q * z + _L)))


def dphi(z):
    """phi', 1 and gamma outside |z| < 1/H, clamped to [gamma, 1] inside (as the Java activation)."""
    return np.where(z >= _BP, 1.0, np.where(z <= -_BP, GAMMA, np.clip(2 * _Q * z + _L, GAMMA, 1.0)))


def logistic(z):
    """log(1 + e^-z), stable."""
    return np.logaddexp(0.0, -z)


def g(z):
    """g = -l' = 1 / (1 + e^z) (e^z overflowing to inf gives 0)."""
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(z))


def recorded(steps):
    """Steps with metrics, as LogSchedule with one point per decade: 0, 1, 10, 100, ... and the last."""
    out = {0, steps}
    k = 0
    while True:
        v = int(round(10.0 ** k))
        if v > steps:
            break
        out.add(v)
        k += 1
    return out


def blas_info():
    """Which BLAS NumPy uses and with how many threads (threadpoolctl if present, else the loaded library)."""
    lines = []
    try:
        import threadpoolctl  # noqa: F401
        for info in threadpoolctl.threadpool_info():
            lines.append("%s %s %s threads=%s arch=%s" % (info.get("internal_api"), info.get("version"),
                                                          os.path.basename(info.get("filepath", "")),
                                                          info.get("num_threads"), info.get("architecture")))
    except ImportError:
        try:
            cfg = np.show_config(mode="dicts")
            blas = cfg.get("Build Dependencies", {}).get("blas", {})
            lines.append("numpy %s blas %s %s (from np.show_config)" % (np.__version__, blas.get("name"),
                                                                       blas.get("version")))
        except Exception as e:  # old NumPy: print the whole config
            lines.append("np.show_config() failed in dict mode (%s); full config follows" % e)
            np.show_config()
        libs = set()
        with open("/proc/self/maps") as f:
            for line in f:
                path = line.split()[-1] if len(line.split()) >= 6 else ""
                if "openblas" in os.path.basename(path).lower():
                    libs.add(path)
        for path in sorted(libs):
            lib = ctypes.CDLL(path)
            threads, core, config = None, None, None
            for prefix in ("scipy_openblas", "openblas"):
                for suffix in ("64_", ""):
                    fn = getattr(lib, prefix + "_get_num_threads" + suffix, None)
                    if fn is not None and threads is None:
                        threads = fn()
                    fn = getattr(lib, prefix + "_get_corename" + suffix, None)
                    if fn is not None and core is None:
                        fn.restype = ctypes.c_char_p
                        core = fn().decode()
                    fn = getattr(lib, prefix + "_get_config" + suffix, None)
                    if fn is not None and config is None:
                        fn.restype = ctypes.c_char_p
                        config = fn().decode()
            lines.append("loaded %s: threads=%s core=%s config=%s" % (os.path.basename(path), threads, core,
                                                                    config))
    env = {k: os.environ[k] for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_CORETYPE",
                                      "OPENBLAS_L2_SIZE", "MKL_NUM_THREADS") if k in os.environ}
    lines.append("env %s, os.cpu_count()=%d" % (env if env else "(no BLAS variables set)", os.cpu_count()))
    return lines


def load(folder):
    with open(os.path.join(folder, "meta.json")) as f:
        meta = json.load(f)
    assert meta["dtype"] == "float64" and meta["byte_order"] == "little", meta
    arrays = {}
    for key, name in meta["files"].items():
        arr = np.fromfile(os.path.join(folder, name), dtype="<f8")
        arrays[key] = arr.reshape(meta["shapes"][key])
    return meta, arrays


def train_dense(X, y, a, W0, Xt, yt, step, steps):
    """The dense reference, written as a peer would."""
    n = X.shape[0]
    rec = recorded(steps)
    t0 = time.perf_counter()
    W = W0.copy()
    test_error = float("nan")
    for t in range(steps + 1):
        Z = X @ W.T                                   # n x m
        f = phi(Z) @ a
        margins = y * f
        loss = float(np.mean(logistic(margins)))
        if t in rec:
            test_error = float(np.mean(yt * (phi(Xt @ W.T) @ a) <= 0)) if len(yt) else float("nan")
        if t == steps:
            break
        A = (g(margins) * y)[:, None] * a[None, :] * dphi(Z)   # n x m
        W -= step * (-(1.0 / n) * (A.T @ X))
    t1 = time.perf_counter()
    return dict(train_s=t1 - t0, loop_s=t1 - t0, loss=loss, test_error=test_error,
                train_error=float(np.mean(margins <= 0)))


def train_span(K, Z0, y, a, step, steps, test_fn, norms_fn=None):
    """The span algorithm on precomputed K and Z0: W = W0 + B X. test_fn(B) returns the test error;
    norms_fn(B, margins), when given, computes the other recorded metrics (span-norms)."""
    n, m = Z0.shape
    rec = recorded(steps)
    t0 = time.perf_counter()
    B = np.zeros((m, n))
    test_error = float("nan")
    for t in range(steps + 1):
        Z = Z0 + K @ B.T
        f = phi(Z) @ a
        margins = y * f
        loss = float(np.mean(logistic(margins)))
        if t in rec:
            test_error = test_fn(B)
            if norms_fn is not None:
                norms_fn(B, margins)
        if t == steps:
            break
        A = (g(margins) * y)[:, None] * a[None, :] * dphi(Z)
        B += (step / n) * A.T
    t1 = time.perf_counter()
    return dict(loop_s=t1 - t0, loss=loss, test_error=test_error, train_error=float(np.mean(margins <= 0)), B=B)


def norms(K, Z0, G0, noisy, kept):
    """The recorded-step work of the Java engines besides the train loss and test error (span-norms, and the sketch):
    W W^T = G0 + E + E^T + (H + H^T)/2 with E = B Z0, H = (B K) B^T, ||W||_F, ||W||_2, the stable rank, and the
    train errors on the clean and noisy points; norms_fn(B, margins) for train_span."""
    def norms_fn(B, margins):
        E = B @ Z0
        Hm = (B @ K) @ B.T
        WWt = G0 + E + E.T + 0.5 * (Hm + Hm.T)
        fro2 = max(0.0, float(np.trace(WWt)))
        spec2 = max(0.0, float(np.linalg.eigvalsh(WWt)[-1]))
        kept["norms"] = (np.sqrt(fro2), np.sqrt(spec2), fro2 / spec2 if spec2 > 0 else float("nan"))
        err = margins <= 0
        kept["errors"] = (float(np.mean(err[~noisy])) if (~noisy).any() else float("nan"),
                          float(np.mean(err[noisy])) if noisy.any() else float("nan"))
    return norms_fn


def best_of(repeat, fn):
    """Runs fn() repeat times and keeps the result with the smallest train_s (as PeerComparison --repeat)."""
    best = None
    for _ in range(max(1, repeat)):
        r = fn()
        if best is None or r["train_s"] < best["train_s"]:
            best = r
    return best


def run_files(args):
    meta, d = load(args.data)
    X, y, a, W0, Xt, yt = d["X"], d["y"], d["a"], d["W0"], d["X_test"], d["y_test"]
    step, steps = meta["step"], meta["steps"]
    print("# data %s: n=%d p=%d m=%d steps=%d step=%r test=%d" % (args.data, meta["n"], meta["p"], meta["m"],
                                                                  steps, step, meta["test"]))
    def span():
        t0 = time.perf_counter()
        K = X @ X.T
        Z0 = X @ W0.T
        XtX = Xt @ X.T            # test projections, once: W x = W0 x + B (X x)
        W0x = Xt @ W0.T

        def test_fn(B):
            if len(yt) == 0:
                return float("nan")
            return float(np.mean(yt * (phi(W0x + XtX @ B.T) @ a) <= 0))
        r = train_span(K, Z0, y, a, step, steps, test_fn)
        r["train_s"] = time.perf_counter() - t0
        return r

    def span_norms():
        t0 = time.perf_counter()
        K = X @ X.T
        Z0 = X @ W0.T
        G0 = W0 @ W0.T
        XtX = Xt @ X.T
        W0x = Xt @ W0.T
        noisy = d["y"] != d["y_clean"]
        yt_clean = d["y_test_clean"]
        kept = {}

        def test_fn(B):
            if len(yt) == 0:
                return float("nan")
            ft = phi(W0x + XtX @ B.T) @ a
            kept["test_error_clean"] = float(np.mean(yt_clean * ft <= 0))
            return float(np.mean(yt * ft <= 0))

        r = train_span(K, Z0, y, a, step, steps, test_fn, norms(K, Z0, G0, noisy, kept))
        r["train_s"] = time.perf_counter() - t0
        return r

    for algo in args.algos.split(","):
        if algo == "dense":
            r = best_of(args.repeat, lambda: train_dense(X, y, a, W0, Xt, yt, step, steps))
        elif algo == "span":
            r = best_of(args.repeat, span)
        elif algo == "span-norms":
            r = best_of(args.repeat, span_norms)
        else:
            sys.exit("unknown algorithm %s (dense, span, span-norms)" % algo)
        report("numpy-" + algo, steps, r)


def report(name, steps, r):
    print("RESULT engine=%s steps=%d train_s=%.4f loop_s=%.4f per_step_ms=%.5f loss=%.17g test_error=%.17g "
          "train_error=%.17g" % (name, steps, r["train_s"], r["loop_s"], 1000 * r["loop_s"] / max(1, steps),
                                 r["loss"], r["test_error"], r["train_error"]))
    sys.stdout.flush()


def run_sketch(args):
    """The Gaussian sketch, best of --repeat runs (each with the same draws)."""
    report("numpy-sketch", args.steps, best_of(args.repeat, lambda: sketch_once(args)))


def sketch_once(args):
    """The Gaussian sketch (MODEL.md, appendix), timed from the first draw to the final metrics."""
    n, m, p, steps, T = args.n, args.m, int(float(args.p)), args.steps, args.test
    mu = args.mu if args.mu is not None else p ** 0.35
    step = args.step if args.step is not None else 1.0 / p
    omega, eta = args.omega, args.noise
    N = n + m
    if p - 1 < N:
        sys.exit("the sketch needs p - 1 >= n + m")
    print("# sketch run: n=%d m=%d p=%d steps=%d test=%d mu=%r step=%r omega=%r noise=%r seed=%d"
          % (n, m, p, steps, T, mu, step, omega, eta, args.seed))
    rng = np.random.default_rng(args.seed)
    t0 = time.perf_counter()
    yc = rng.choice([-1.0, 1.0], size=n)                       # clean labels
    y = np.where(rng.random(n) < eta, -yc, yc)                 # observed labels
    a = rng.choice([-1.0, 1.0], size=m) / math.sqrt(m)
    c = rng.standard_normal(N)                                 # first coordinates of g_1..g_N
    L = np.tril(rng.standard_normal((N, N)), -1)               # Bartlett: G' = L L^T ~ Wishart_N(p-1, I)
    L[np.diag_indices(N)] = np.sqrt(rng.chisquare(p - 1 - np.arange(N)))
    G = np.outer(c, c) + L @ L.T
    s = mu * c[:n]                                             # <z_i, mu>
    u = omega * mu * c[n:]                                     # <w_j, mu>
    K = G[:n, :n] + yc[None, :] * s[:, None] + yc[:, None] * s[None, :] + np.outer(yc, yc) * mu * mu
    Z0 = omega * G[:n, n:] + yc[:, None] * u[None, :]
    # test points: (<z, g_1..g_N>, z_1) ~ N(0, [[G, c], [c^T, 1]])
    S = np.empty((N + 1, N + 1))
    S[:N, :N] = G
    S[:N, N] = c
    S[N, :N] = c
    S[N, N] = 1.0
    C = np.linalg.cholesky(S)
    R = rng.standard_normal((T, N + 1)) @ C.T
    r, z1 = R[:, :N], R[:, N]
    tc = rng.choice([-1.0, 1.0], size=T)
    ty = np.where(rng.random(T) < eta, -tc, tc)
    XtX = r[:, :n] + (mu * z1)[:, None] * yc[None, :] + tc[:, None] * s[None, :] + np.outer(tc, yc) * mu * mu
    W0x = omega * r[:, n:] + tc[:, None] * u[None, :]
    del R, r
    kept = {}

    def test_fn(B):
        ft = phi(W0x + XtX @ B.T) @ a
        if not args.lean:
            kept["test_error_clean"] = float(np.mean(tc * ft <= 0))
        return float(np.mean(ty * ft <= 0))
    # the recorded-step work of the Java sketch (every metric), unless --lean: its G0 = W0 W0^T from the drawn Gram
    norms_fn = None if args.lean else norms(K, Z0, omega * omega * G[n:, n:], y != yc, kept)
    res = train_span(K, Z0, y, a, step, steps, test_fn, norms_fn)
    res["train_s"] = time.perf_counter() - t0
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", help="folder written by PeerComparison --out")
    ap.add_argument("--algos", default="dense,span")
    ap.add_argument("--sketch", action="store_true")
    ap.add_argument("--lean", action="store_true",
                    help="sketch: record only the train loss and the test error (not what the Java sketch records)")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--m", type=int, default=100)
    ap.add_argument("--p", default="1e9")
    ap.add_argument("--steps", type=int, default=2000)
    ap.add_argument("--test", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mu", type=float, default=None)
    ap.add_argument("--step", type=float, default=None)
    ap.add_argument("--omega", type=float, default=1e-12)
    ap.add_argument("--noise", type=float, default=0.1)
    ap.add_argument("--repeat", type=int, default=1, help="report the fastest of this many runs")
    args = ap.parse_args()
    print("# python %s, numpy %s" % (sys.version.split()[0], np.__version__))
    for line in blas_info():
        print("# BLAS: " + line)
    if args.sketch:
        run_sketch(args)
    elif args.data:
        run_files(args)
    else:
        ap.error("give --data DIR or --sketch")


if __name__ == "__main__":
    main()
