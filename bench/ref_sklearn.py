#!/usr/bin/python3
"""Reference trainer for the OpenCV ml families of core/training/opencv, with scikit-learn.

Each family maps to its scikit-learn counterpart; hyper-parameters given in meta.json use the
Edgewise names and are translated, absent ones keep the counterpart's own defaults as below:
  knn        KNeighborsClassifier(n_neighbors=k (3))
  svm-linear SVC(kernel="linear", C=C (1))
  svm-rbf    SVC(kernel="rbf", C=C (10), gamma=gamma ("scale"))
  rf         RandomForestClassifier(n_estimators=trees (100), max_depth=max_depth (None),
             min_samples_split=max(2, min_samples))
  logreg     LogisticRegression(lbfgs, multinomial, max_iter=iterations (1000),
             C=1/reg (1), reg=0 -> no penalty); `lr` has no counterpart and is ignored
  boost      AdaBoostClassifier(n_estimators=rounds (50),
             estimator=DecisionTreeClassifier(max_depth=depth (1)))
Other keys of the OpenCV families are ignored here.

Usage: /usr/bin/python3 bench/ref_sklearn.py DIR
DIR holds meta.json {"family", "input_shape", "num_classes", "params" (strings), "seed",
"threads"} and train_X.npy/train_y.npy/val_X.npy/val_y.npy/test_X.npy/test_y.npy (X float32
2-D rows, y int64), the format of bench/ref_torch.py. The model is fit on train only (val is
not used). Prints one JSON object: {"family","accuracy","macro_f1","train_seconds","params"}.
train_seconds covers fit() only.
"""
import json
import os
import sys
import time

import numpy as np
from sklearn.ensemble import AdaBoostClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier


def make_model(family, params, seed):
    p = {k: str(v) for k, v in params.items()}
    if family == "knn":
        return KNeighborsClassifier(n_neighbors=int(p.get("k", 3)))
    if family == "svm-linear":
        return SVC(kernel="linear", C=float(p.get("C", 1.0)))
    if family == "svm-rbf":
        gamma = p.get("gamma", "scale")
        return SVC(kernel="rbf", C=float(p.get("C", 10.0)),
                   gamma=gamma if gamma in ("scale", "auto") else float(gamma))
    if family == "rf":
        depth = p.get("max_depth")
        return RandomForestClassifier(n_estimators=int(p.get("trees", 100)),
                                      max_depth=int(depth) if depth else None,
                                      min_samples_split=max(2, int(p.get("min_samples", 2))),
                                      random_state=seed, n_jobs=1)
    if family == "logreg":
        reg = float(p.get("reg", 1.0))
        kw = {"penalty": None} if reg == 0 else {"C": 1.0 / reg}
        return LogisticRegression(max_iter=int(p.get("iterations", 1000)), **kw)
    if family == "boost":
        tree = DecisionTreeClassifier(max_depth=int(p.get("depth", 1)), random_state=seed)
        return AdaBoostClassifier(estimator=tree, n_estimators=int(p.get("rounds", 50)),
                                  random_state=seed)
    raise SystemExit("unknown family " + family)


def macro_f1(y, pred, k):
    f1s = []
    for c in range(k):
        tp = np.sum((pred == c) & (y == c))
        fp = np.sum((pred == c) & (y != c))
        fn = np.sum((pred != c) & (y == c))
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(f1s))


def main():
    d = sys.argv[1]
    meta = json.load(open(os.path.join(d, "meta.json")))
    load = lambda n: np.load(os.path.join(d, n))
    tx, ty = load("train_X.npy").astype(np.float32), load("train_y.npy").astype(np.int64)
    sx, sy = load("test_X.npy").astype(np.float32), load("test_y.npy").astype(np.int64)
    params = meta.get("params", {}) or {}
    model = make_model(meta["family"], params, int(meta.get("seed", 0)))
    start = time.perf_counter()
    model.fit(tx, ty)
    seconds = time.perf_counter() - start
    pred = model.predict(sx)
    print(json.dumps({"family": meta["family"], "accuracy": float(np.mean(pred == sy)),
                      "macro_f1": macro_f1(sy, pred, int(meta["num_classes"])),
                      "train_seconds": seconds, "params": params}))


if __name__ == "__main__":
    main()
