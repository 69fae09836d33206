#!/usr/bin/env python3
"""Reference values for tests/labeling (run by test_labeling with /usr/bin/python3).

Writes JSON to argv[1]: random labelings with scikit-learn's cohen_kappa_score, and the
Fleiss (1971) / Wikipedia worked example with per-category kappa and specific agreement computed
with NumPy from the textbook formulas. Exit 77 when scikit-learn is missing."""
import json
import sys

try:
    import numpy as np
    from sklearn.metrics import cohen_kappa_score
except ImportError:
    sys.exit(77)

rng = np.random.default_rng(20261122)
cases = []
for case in range(20):
    n = int(rng.integers(20, 400))
    k = int(rng.integers(2, 7))
    a = rng.integers(0, k, n)
    # b agrees with a with some probability, else random: kappa spread over (-0.2, 1).
    agree = rng.random(n) < rng.random()
    b = np.where(agree, a, rng.integers(0, k, n))
    cases.append({"a": a.tolist(), "b": b.tolist(), "kappa": float(cohen_kappa_score(a, b))})

# Fleiss 1971 as reproduced on Wikipedia ("Fleiss' kappa", worked example): 10 subjects,
# 14 raters, 5 categories.
table = np.array([
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]],
    dtype=float)
N, k = table.shape
n = table[0].sum()
p = table.sum(axis=0) / (N * n)
P = ((table * table).sum(axis=1) - n) / (n * (n - 1))
Pbar, Pe = P.mean(), (p * p).sum()
kappa_j = 1 - (table * (n - table)).sum(axis=0) / (N * n * (n - 1) * p * (1 - p))
specific = (table * (table - 1)).sum(axis=0) / (table.sum(axis=0) * (n - 1))
fleiss = {"table": table.astype(int).tolist(), "kappa": float((Pbar - Pe) / (1 - Pe)),
          "observed": float(Pbar), "expected": float(Pe), "proportion": p.tolist(),
          "category_kappa": kappa_j.tolist(), "specific": specific.tolist()}
try:
    from statsmodels.stats.inter_rater import fleiss_kappa
    fleiss["statsmodels_kappa"] = float(fleiss_kappa(table, method="fleiss"))
except ImportError:
    pass

with open(sys.argv[1], "w") as f:
    json.dump({"cohen": cases, "fleiss": fleiss}, f)
