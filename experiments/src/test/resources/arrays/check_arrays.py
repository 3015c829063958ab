"""Independent check of a run's arrays with NumPy (used by ArraysNumpyIT and ArraysCliIT).

Usage: python3 check_arrays.py RUN_DIR
Reads RUN_DIR/provenance.json ("arrays": the files with their shapes and dtypes; "config": the resolved
configuration) and every RUN_DIR/arrays/*.npy with numpy.load, then checks the shapes, the dtypes, the
format (version 1.0, little-endian, C order) and the formulas that tie the arrays together. Prints "ok" and
the names of the arrays on success; fails with an assertion error otherwise.
"""
import json
import sys

import numpy as np

run = sys.argv[1]
prov = json.load(open(f"{run}/provenance.json"))
files = prov["arrays"]["files"]
A = {}
for f in files:
    path = f"{run}/arrays/{f['file']}"
    with open(path, "rb") as fh:
        assert fh.read(8) == b"\x93NUMPY\x01\x00", (path, "not npy version 1.0")
    a = np.load(path, allow_pickle=False)
    assert list(a.shape) == f["shape"], (f, a.shape)
    assert a.dtype == np.dtype(f["dtype"]), (f, a.dtype)
    assert a.dtype.byteorder in ("<", "=", "|"), (f, a.dtype.byteorder)
    assert a.flags["C_CONTIGUOUS"] and not np.isfortran(a), f
    A[f["file"][:-4]] = a


def close(a, b, tol=1e-9):
    scale = max(float(np.max(np.abs(a))), 1e-300)
    return float(np.max(np.abs(a - b))) <= tol * scale


config = prov["config"]
n = config["data"]["n"]
m = config["network"]["width"]
assert A["y"].shape == (n,) and set(np.unique(A["y"])) <= {-1.0, 1.0}
assert set(np.unique(A["noisy"])) <= {0, 1}
assert np.array_equal(A["y"], A["y_clean"] * (1 - 2 * A["noisy"].astype(np.float64))), "y = y_clean (1 - 2 noisy)"
K = A["K"]
assert close(K, K.T, 1e-12), "K symmetric (to rounding: the span engine's K is a blocked product)"
assert np.min(np.linalg.eigvalsh(K)) >= -1e-9 * np.max(np.abs(K)), "K positive semi-definite"
if "X" in A:
    X = A["X"]
    assert close(K, X @ X.T), "K = X X^T"
    if "W0" in A:
        assert close(A["Z0"], X @ A["W0"].T), "Z0 = X W0^T"
    if "W" in A:
        assert close(A["Z"], X @ A["W"].T), "Z = X W^T"
    if "B" in A and "W0" in A and "W" in A:
        assert close(A["W"], A["W0"] + A["B"] @ X), "W = W0 + B X"
if "B" in A and "Z0" in A:
    assert A["B"].shape == (m, n)
    assert close(A["Z"], A["Z0"] + K @ A["B"].T), "Z = Z0 + K B^T"
if "mu" in A:
    mu = A["mu"]
    assert abs(mu[0] - config["data"]["mu"]) <= 1e-12 * mu[0] and not np.any(mu[1:]), "mu = ||mu|| e_1"
if config["data"].get("type") == "file":
    assert "mu" not in A, "no mu for data from files"
print("ok", " ".join(sorted(A)))
