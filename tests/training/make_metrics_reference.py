#!/usr/bin/python3
"""Reference values for core/training/metrics.cpp, computed with scikit-learn.

Run: /usr/bin/python3 tests/training/make_metrics_reference.py > tests/training/metrics_reference.json
(Debian's python3-sklearn 1.2.1). Cases are seeded so the output is reproducible.
With --check FILE it exits 1 when FILE differs from what it computes now (a ctest), and 77
(skipped) when NumPy or scikit-learn is missing.
"""
import io
import json
import sys

try:
    import numpy as np
    from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score,
                                 precision_recall_fscore_support)
except ImportError as e:
    print(f"skipped: {e}", file=sys.stderr)
    sys.exit(77)


def case(name, y_true, y_pred, num_classes):
    labels = list(range(num_classes))
    p, r, f, s = precision_recall_fscore_support(
        y_true, y_pred, labels=labels, zero_division=0)
    return {
        "name": name,
        "num_classes": num_classes,
        "y_true": [int(v) for v in y_true],
        "y_pred": [int(v) for v in y_pred],
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "macro_f1": float(f1_score(y_true, y_pred, labels=labels, average="macro",
                                   zero_division=0)),
        "confusion": confusion_matrix(y_true, y_pred, labels=labels).tolist(),
        "precision": [float(v) for v in p],
        "recall": [float(v) for v in r],
        "f1": [float(v) for v in f],
        "support": [int(v) for v in s],
    }


def main():
    rng = np.random.default_rng(20261122)
    cases = []
    # A 10-class problem with ~80% correct predictions, like a digits classifier.
    y = rng.integers(0, 10, 500)
    pred = np.where(rng.random(500) < 0.8, y, rng.integers(0, 10, 500))
    cases.append(case("ten_classes_mostly_right", y, pred, 10))
    # Class 3 is never predicted, class 4 never occurs (zero_division paths).
    y = rng.integers(0, 4, 200)
    pred = rng.integers(0, 3, 200)
    pred[:5] = 4
    cases.append(case("never_predicted_and_absent", y, pred, 5))
    # Binary and imbalanced.
    y = (rng.random(300) < 0.1).astype(int)
    pred = np.where(rng.random(300) < 0.9, y, 1 - y)
    cases.append(case("binary_imbalanced", y, pred, 2))
    out = io.StringIO()
    json.dump({"generator": "tests/training/make_metrics_reference.py",
               "sklearn": __import__("sklearn").__version__, "cases": cases},
              out, indent=1)
    out.write("\n")
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        with open(sys.argv[2], encoding="utf-8") as f:
            committed = json.load(f)
        fresh = json.loads(out.getvalue())
        # The sklearn version may differ; the numbers must not.
        committed.pop("sklearn", None)
        fresh.pop("sklearn", None)
        if committed != fresh:
            print(f"{sys.argv[2]} is stale: regenerate it with {sys.argv[0]}", file=sys.stderr)
            sys.exit(1)
        print(f"{sys.argv[2]} matches scikit-learn")
        return
    sys.stdout.write(out.getvalue())


if __name__ == "__main__":
    main()
