#!/usr/bin/python3
"""Reference values for core/audit (drift statistics), computed with SciPy and NumPy.

Run: /usr/bin/python3 tests/audit/make_drift_reference.py > tests/audit/drift_reference.json
(Debian's python3-scipy 1.10.1, python3-numpy 1.24). With --check FILE it exits 1 when FILE
differs from what it computes now (a ctest), and 77 (skipped) when SciPy is missing.

Samples are not stored: each is described by a generator spec that test_drift_reference.cpp
replays bit for bit (splitmix64 -> 53-bit uniforms, then exact IEEE arithmetic), so the JSON
stays small even for the 20,000-value cases of the asymptotic KS path.
"""
import io
import json
import math
import sys

try:
    import numpy as np
    import scipy
    from scipy import special, stats
    from scipy.stats._stats_py import _attempt_exact_2kssamp
except ImportError as e:
    print(f"skipped: {e}", file=sys.stderr)
    sys.exit(77)

MASK = (1 << 64) - 1


def uniforms(seed, n):
    """splitmix64, top 53 bits as a double in [0, 1)."""
    state = seed & MASK
    out = []
    for _ in range(n):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z = z ^ (z >> 31)
        out.append((z >> 11) * 2.0 ** -53)
    return out


def generate(spec):
    """The sample a spec describes; the C++ test computes the same doubles."""
    kind, n, seed = spec["kind"], spec["n"], spec["seed"]
    scale, shift = spec.get("scale", 1.0), spec.get("shift", 0.0)
    if kind == "uniform":
        return [shift + scale * u for u in uniforms(seed, n)]
    if kind == "rounded":  # ties: integers 0 .. levels-1, plus shift
        return [math.floor(u * spec["levels"]) + shift for u in uniforms(seed, n)]
    if kind == "sum4":  # bell-shaped: (u1 + u2 + u3 + u4 - 2) * scale + shift
        u = uniforms(seed, 4 * n)
        return [(u[4 * i] + u[4 * i + 1] + u[4 * i + 2] + u[4 * i + 3] - 2.0) * scale + shift
                for i in range(n)]
    raise ValueError(kind)


def spec(kind, n, seed, **kw):
    d = {"kind": kind, "n": n, "seed": seed}
    d.update(kw)
    return d


def two_sample_cases():
    pairs = [
        ("small_equal_n", spec("uniform", 8, 1), spec("uniform", 8, 2, shift=0.3)),
        ("small_unequal", spec("uniform", 25, 3), spec("uniform", 37, 4, shift=0.1)),
        ("ties", spec("rounded", 60, 5, levels=6), spec("rounded", 45, 6, levels=6, shift=0.0)),
        ("ties_equal_n", spec("rounded", 40, 7, levels=5), spec("rounded", 40, 8, levels=5)),
        ("one_vs_many", spec("sum4", 3000, 9), spec("sum4", 200, 10, shift=0.1)),
        ("window_200_ref_2000", spec("sum4", 2000, 11), spec("sum4", 200, 12)),
        ("equal_10000_exact", spec("uniform", 10000, 13), spec("uniform", 10000, 14, shift=0.02)),
        ("unequal_exact_large", spec("sum4", 10000, 15), spec("sum4", 7000, 16, shift=0.01)),
        # max(n1, n2) > 10000: kstwo.sf(d, round(en)); en = 60 (n <= 140 branches) ...
        ("asymp_en60_durbin", spec("uniform", 15000, 17), spec("uniform", 60, 18)),
        ("asymp_en60_pomeranz", spec("uniform", 15000, 19), spec("uniform", 60, 20, shift=0.15)),
        ("asymp_en60_smirnov", spec("uniform", 15000, 21), spec("uniform", 60, 22, shift=0.3)),
        # ... en = 293 (n > 140 branches) ...
        ("asymp_en293", spec("uniform", 12000, 23), spec("uniform", 300, 24)),
        ("asymp_en293_smirnov", spec("uniform", 12000, 25), spec("uniform", 300, 26, shift=0.1)),
        ("asymp_en293_tiny_p", spec("uniform", 12000, 27), spec("uniform", 300, 28, shift=0.5)),
        # ... and both large.
        ("asymp_both_large", spec("sum4", 20000, 29), spec("sum4", 11000, 30, shift=0.01)),
    ]
    cases = []
    for name, a, b in pairs:
        x, y = generate(a), generate(b)
        ks = stats.ks_2samp(x, y)
        cases.append({
            "name": name, "a": a, "b": b,
            "a_sum": math.fsum(x), "b_sum": math.fsum(y),
            "ks_stat": float(ks.statistic), "ks_p": float(ks.pvalue),
            "ks_method": "exact" if max(len(x), len(y)) <= 10000 else "asymp",
            "wasserstein": float(stats.wasserstein_distance(x, y)),
            "psi": psi(x, y, 10),
        })
    return cases


def psi(reference, live, bins):
    """PSI as docs/audit_drift.md states it: quantile edges, half-count floor."""
    ref = np.sort(np.asarray(reference))
    edges = np.unique(np.quantile(ref, np.arange(1, bins) / bins))
    e = np.bincount(np.searchsorted(edges, ref, side="right"), minlength=len(edges) + 1)
    a = np.bincount(np.searchsorted(edges, np.asarray(live), side="right"),
                    minlength=len(edges) + 1)
    e = np.maximum(e, 0.5) / len(ref)
    a = np.maximum(a, 0.5) / len(live)
    return float(np.sum((a - e) * np.log(a / e)))


def kstwo_grid():
    out = []
    for n in [5, 60, 140, 141, 293, 1000, 50000, 150000]:
        for x in [0.0005, 0.003, 0.01, 0.02, 0.05, 0.08, 0.11, 0.15, 0.2, 0.26, 0.35, 0.5,
                  0.6, 0.85, 0.97]:
            out.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})
    return out


def smirnov_grid():
    return [{"n": n, "x": x, "sf": float(special.smirnov(n, x))}
            for n in [2, 7, 60, 293, 1000, 20000]
            for x in [0.001, 0.05, 0.1, 0.3, 0.5, 0.7, 0.95]]


def exact_grid():
    out = []
    for n1, n2 in [(5, 7), (10, 10), (13, 50), (100, 100), (99, 100), (1000, 37), (200, 2000),
                   (3, 3000)]:
        g = math.gcd(n1, n2)
        lcm = n1 // g * n2
        for frac in [0.01, 0.05, 0.1, 0.2, 0.4, 0.8]:
            h = max(1, int(round(frac * lcm)))
            ok, d, p = _attempt_exact_2kssamp(n1, n2, g, h / lcm, "two-sided")
            out.append({"n1": n1, "n2": n2, "h": h, "ok": bool(ok),
                        "p": float(p) if ok else None})
    return out


def chi_square_cases():
    tables = [
        ("two_by_two_yates", [120, 80], [30, 45]),
        ("five_classes", [200, 150, 100, 50, 25], [40, 35, 20, 20, 10]),
        ("shifted_mix", [500, 500, 500], [100, 160, 40]),
        ("empty_category_dropped", [50, 0, 30, 20], [10, 0, 12, 3]),
    ]
    out = []
    for name, ref, live in tables:
        keep = [i for i in range(len(ref)) if ref[i] + live[i] > 0]
        res = stats.chi2_contingency([[ref[i] for i in keep], [live[i] for i in keep]])
        out.append({"name": name, "reference": ref, "live": live,
                    "statistic": float(res[0]), "p": float(res[1]), "dof": int(res[2])})
    return out


def gamma_grid():
    return [{"a": a, "x": x, "q": float(special.gammaincc(a, x)),
             "p": float(special.gammainc(a, x))}
            for a in [0.5, 1.0, 2.5, 4.5, 10.0, 49.5, 200.0]
            for x in [0.01, 0.5, 2.0, 5.0, 12.0, 60.0, 230.0]]


def chi2_isf_grid():
    return [{"p": p, "k": k, "x": float(stats.chi2.isf(p, k))}
            for p in [0.5, 0.05, 0.01, 1e-6] for k in [1, 2, 9, 29, 200]]


def mmd_reference(x, y):
    """Unbiased MMD^2 with an RBF kernel, median-heuristic bandwidth (pooled, distinct pairs)."""
    z = np.vstack([x, y])
    d2 = np.sum((z[:, None, :] - z[None, :, :]) ** 2, axis=-1)
    iu = np.triu_indices(len(z), 1)
    sigma = float(np.median(np.sqrt(d2[iu])))
    k = np.exp(-d2 / (2 * sigma ** 2))
    n, m = len(x), len(y)
    kxx, kyy, kxy = k[:n, :n], k[n:, n:], k[:n, n:]
    mmd2 = ((kxx.sum() - np.trace(kxx)) / (n * (n - 1))
            + (kyy.sum() - np.trace(kyy)) / (m * (m - 1)) - 2 * kxy.mean())
    return sigma, float(mmd2)


def mmd_cases():
    out = []
    for name, nx, ny, dims, shift in [("d1", 30, 25, 1, 0.0), ("d3_shift", 40, 35, 3, 0.3),
                                      ("d30", 100, 90, 30, 0.05)]:
        a = spec("sum4", nx * dims, 100 + dims)
        b = spec("sum4", ny * dims, 200 + dims, shift=shift)
        x = np.array(generate(a)).reshape(nx, dims)
        y = np.array(generate(b)).reshape(ny, dims)
        sigma, mmd2 = mmd_reference(x, y)
        out.append({"name": name, "x": a, "y": b, "nx": nx, "ny": ny, "dims": dims,
                    "bandwidth": sigma, "mmd2": mmd2})
    return out


def bh_reference(p, alpha):
    """Benjamini-Hochberg step-up, written out (scipy 1.10 has no false_discovery_control)."""
    m = len(p)
    order = sorted(range(m), key=lambda i: p[i])
    adjusted = [0.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, p[i] * m / rank)
        adjusted[i] = min(running, 1.0)
    k = max([r for r in range(1, m + 1) if p[order[r - 1]] <= r * alpha / m], default=0)
    rejected = [False] * m
    for r in range(k):
        rejected[order[r]] = True
    return adjusted, rejected


def bh_cases():
    out = []
    for name, p in [("mixed", [0.01, 0.04, 0.03, 0.005, 0.2, 0.9, 0.041, 0.6]),
                    ("none", [0.2, 0.5, 0.06, 0.9]),
                    ("ties", [0.01, 0.01, 0.02, 0.02, 0.5])]:
        adjusted, rejected = bh_reference(p, 0.05)
        out.append({"name": name, "p": p, "alpha": 0.05, "adjusted": adjusted,
                    "rejected": rejected})
    return out


def main():
    doc = {
        "generator": "tests/audit/make_drift_reference.py",
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "two_sample": two_sample_cases(),
        "kstwo_sf": kstwo_grid(),
        "smirnov": smirnov_grid(),
        "ks_exact": exact_grid(),
        "chi_square": chi_square_cases(),
        "gamma": gamma_grid(),
        "chi2_isf": chi2_isf_grid(),
        "mmd": mmd_cases(),
        "bh": bh_cases(),
    }
    out = io.StringIO()
    json.dump(doc, out, indent=1)
    out.write("\n")
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        with open(sys.argv[2], encoding="utf-8") as f:
            committed = json.load(f)
        fresh = json.loads(out.getvalue())
        for key in ("scipy", "numpy"):  # versions may differ; the numbers must not
            committed.pop(key, None)
            fresh.pop(key, None)
        if committed != fresh:
            print(f"{sys.argv[2]} is stale: regenerate it with {sys.argv[0]}", file=sys.stderr)
            sys.exit(1)
        print(f"{sys.argv[2]} matches SciPy")
        return
    sys.stdout.write(out.getvalue())


if __name__ == "__main__":
    main()
