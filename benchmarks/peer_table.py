#!/usr/bin/env python3
"""Formats the RESULT lines of run-peer-comparison.sh (its results.txt) as a table and checks the targets.

Usage: peer_table.py results.txt
Times: 'wall s' is train_s (Java: Engine.train minus the time to generate the same data in that JVM;
NumPy: everything after the data is in memory, K and Z0 included); 'x numpy' is the NumPy reference's
wall time divided by this row's (a speed-up); 'per step' is the step loop divided by the steps.
"""
import sys


def parse(path):
    rows = []
    with open(path) as f:
        for line in f:
            if line.startswith("RESULT "):
                rows.append(dict(kv.split("=", 1) for kv in line.split()[1:]))
    return rows


def f(row, key):
    return float(row[key])


def main():
    rows = parse(sys.argv[1])
    by = {(r["section"], r["engine"]): r for r in rows}
    out = []
    checks = []

    ref = by.get(("explicit", "numpy-dense"))
    explicit = [r for r in rows if r["section"] == "explicit"]
    if explicit:
        out.append("explicit data (same X, y, a, W0 on both sides), %s steps" % explicit[0]["steps"])
        out.append("%-16s %10s %10s %12s %10s %24s %12s" % ("engine", "wall s", "x numpy", "per step ms",
                                                             "x numpy", "final train loss", "rel. diff"))
        for r in explicit:
            ratio = f(ref, "train_s") / f(r, "train_s") if ref else float("nan")
            pratio = f(ref, "per_step_ms") / f(r, "per_step_ms") if ref else float("nan")
            diff = abs(f(r, "loss") - f(ref, "loss")) / abs(f(ref, "loss")) if ref else float("nan")
            out.append("%-16s %10.3f %10.1f %12.4f %10.1f %24.17g %12.2e" % (
                r["engine"], f(r, "train_s"), ratio, f(r, "per_step_ms"), pratio, f(r, "loss"), diff))
        for r in explicit:
            if r["engine"].startswith("java"):
                out.append("  %s: Engine.train %.3f s including %.3f s of data generation; JVM process %s s"
                           % (r["engine"], f(r, "total_s"), f(r, "gen_s"), r["process_s"]))
        out.append("")
        full, dense, nspan = by.get(("explicit", "java-span")), by.get(("explicit", "java-dense")), \
            by.get(("explicit", "numpy-span"))
        # the targets compare equal work: java-span-lean records what the NumPy rows record (train loss, test
        # error; no ||W||_2, so no G0); java-span records every metric, as numpy-span-norms does
        span = by.get(("explicit", "java-span-lean")) or full
        if ref and span:
            x = f(ref, "train_s") / f(span, "train_s")
            xs = f(ref, "per_step_ms") / f(span, "per_step_ms")
            checks.append(("span vs NumPy dense >= 100x (wall)", x >= 100, "%.1fx (per step %.1fx)" % (x, xs)))
            d = abs(f(span, "loss") - f(ref, "loss")) / abs(f(ref, "loss"))
            checks.append(("span final loss = NumPy dense to 1e-9 rel.", d <= 1e-9, "%.2e" % d))
        if nspan and span:
            x = f(nspan, "train_s") / f(span, "train_s")
            xs = f(nspan, "per_step_ms") / f(span, "per_step_ms")
            checks.append(("span vs NumPy span >= 1.0 (wall)", x >= 1.0, "%.2fx (per step %.2fx)" % (x, xs)))
        nnorms = by.get(("explicit", "numpy-span-norms"))
        if nnorms and full:
            x = f(nnorms, "train_s") / f(full, "train_s")
            xs = f(nnorms, "per_step_ms") / f(full, "per_step_ms")
            checks.append(("span, all metrics, vs NumPy span-norms >= 1.0", x >= 1.0,
                           "%.2fx (per step %.2fx)" % (x, xs)))
        if nspan and full and full is not span:
            x = f(nspan, "train_s") / f(full, "train_s")
            xs = f(nspan, "per_step_ms") / f(full, "per_step_ms")
            out.append("  for comparison only: java-span (every metric) vs numpy-span (train loss, test error): "
                       "%.2fx wall, %.2fx per step" % (x, xs))
            out.append("")
        if ref and dense:
            x = f(dense, "train_s") / f(ref, "train_s")
            d = abs(f(dense, "loss") - f(ref, "loss")) / abs(f(ref, "loss"))
            checks.append(("Java dense within 2x of NumPy dense (wall)", x <= 2.0,
                           "Java takes %.2fx NumPy's time; loss rel. diff %.2e" % (x, d)))

    sk = by.get(("sketch", "java-sketch"))
    sks = by.get(("sketch-small-p", "java-sketch"))
    nsk = by.get(("sketch", "numpy-sketch"))
    sketch = [r for r in rows if r["section"] in ("sketch", "sketch-small-p")]
    if sketch:
        out.append("Gaussian sketch, %s steps (NumPy: its own draws, so losses differ by sampling only)"
                   % sketch[0]["steps"])
        out.append("%-22s %10s %10s %10s %12s %22s %10s" % ("engine", "wall s", "process s", "x numpy",
                                                             "per step ms", "final train loss", "test err"))
        for r in sketch:
            label = r["engine"] + (" (small p)" if r["section"] == "sketch-small-p" else "")
            ratio = f(nsk, "train_s") / f(r, "train_s") if nsk else float("nan")
            out.append("%-22s %10.3f %10s %10.2f %12.4f %22.17g %10.4f" % (
                label, f(r, "train_s"), r["process_s"], ratio, f(r, "per_step_ms"), f(r, "loss"),
                f(r, "test_error")))
        out.append("")
        if sk:
            checks.append(("sketch (p as run, -Xmx1g) under 20 s", f(sk, "total_s") < 20 and
                           float(sk["process_s"]) < 20,
                           "Engine.train %.3f s, JVM process %s s" % (f(sk, "total_s"), sk["process_s"])))
        if sk and nsk:
            x = f(nsk, "train_s") / f(sk, "train_s")
            checks.append(("sketch at least as fast as NumPy sketch", x >= 1.0, "%.2fx" % x))
        if sk and sks:
            x = f(sk, "per_step_ms") / f(sks, "per_step_ms")
            checks.append(("sketch per step at large p within 10% of small p", abs(x - 1) <= 0.10,
                           "%.4f vs %.4f ms: %+.1f%%" % (f(sk, "per_step_ms"), f(sks, "per_step_ms"),
                                                         100 * (x - 1))))
    large = sorted({r["section"] for r in rows if r["section"].startswith("sketch-n")}, key=lambda x: int(x[8:]))
    if large:
        first = next(r for r in rows if r["section"] == large[0])
        out.append("Gaussian sketch at large n, m = %s, p = %s, %s steps (NumPy: its own draws)"
                   % (first["m"], first["p"], first["steps"]) if "m" in first else
                   "Gaussian sketch at large n, %s steps (NumPy: its own draws)" % first["steps"])
        out.append("%-22s %10s %10s %10s %12s %10s %22s" % ("engine", "wall s", "process s", "x numpy",
                                                             "per step ms", "x numpy", "final train loss"))
        for section in large:
            j, npy = by.get((section, "java-sketch")), by.get((section, "numpy-sketch"))
            for r in (j, npy):
                if r is None:
                    continue
                ratio = f(npy, "train_s") / f(r, "train_s") if npy else float("nan")
                pratio = f(npy, "per_step_ms") / f(r, "per_step_ms") if npy else float("nan")
                out.append("%-22s %10.3f %10s %10.2f %12.4f %10.2f %22.17g" % (
                    r["engine"] + " n=" + section[8:], f(r, "train_s"), r["process_s"], ratio,
                    f(r, "per_step_ms"), pratio, f(r, "loss")))
            if j and npy:
                xs = f(npy, "per_step_ms") / f(j, "per_step_ms")
                checks.append(("sketch n=%s per step at least as fast as NumPy" % section[8:], xs >= 1.0,
                               "%.2fx (%.4f vs %.4f ms)" % (xs, f(j, "per_step_ms"), f(npy, "per_step_ms"))))
                x = f(npy, "train_s") / f(j, "train_s")
                checks.append(("sketch n=%s whole run no slower than NumPy" % section[8:], x >= 1.0,
                               "%.2fx (%.3f vs %.3f s)" % (x, f(j, "train_s"), f(npy, "train_s"))))
        out.append("")
    if checks:
        out.append("targets")
        for name, ok, detail in checks:
            out.append("  %-6s %-48s %s" % ("met" if ok else "MISSED", name, detail))
    print("\n".join(out))


if __name__ == "__main__":
    main()
