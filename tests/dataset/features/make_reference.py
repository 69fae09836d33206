#!/usr/bin/python3
"""Reference values for the DSP feature blocks (core/dataset/features), computed with NumPy/SciPy.

Usage:
  make_reference.py OUT.json          write the reference file
  make_reference.py --check OUT.json  exit 0 if OUT.json equals what this script computes now,
                                      1 if it is stale, 77 if NumPy/SciPy are missing (skip)

The inputs are defined identically in features_test.cpp (makeInput): keep both in sync.
Every definition here is the one documented in docs/features.md.
"""
import json
import math
import sys

try:
    import numpy as np
    import scipy.fft
    import scipy.signal
except ImportError as e:  # the ctest treats 77 as "skipped"
    print(f"SKIP: NumPy/SciPy not importable ({e}); install python3-numpy python3-scipy",
          file=sys.stderr)
    sys.exit(77)


# ---- deterministic inputs (same formulas in features_test.cpp) ----

def lcg(seed, count):
    """Numerical Recipes LCG; values in [-1, 1)."""
    out, state = [], seed
    for _ in range(count):
        state = (1664525 * state + 1013904223) % (1 << 32)
        out.append(state / 4294967296.0 * 2.0 - 1.0)
    return out


def make_input(name):
    """Returns (samples x channels float32 array, sample rate)."""
    if name == "sines":
        fs, n = 100.0, 256
        t = np.arange(n) / fs
        ch0 = np.sin(2 * np.pi * 5 * t) + 0.5 * np.sin(2 * np.pi * 12 * t)
        ch1 = 0.3 * np.cos(2 * np.pi * 20 * t) + 0.1
        return np.stack([ch0, ch1], axis=1).astype(np.float32), fs
    if name == "impulse":
        x = np.zeros((64, 1))
        x[10, 0] = 1.0
        return x.astype(np.float32), 50.0
    if name == "constant":
        return np.full((64, 1), 0.7).astype(np.float32), 50.0
    if name == "lcg":
        return np.array(lcg(12345, 256)).reshape(128, 2).astype(np.float32), 200.0
    if name == "audio":
        fs, n = 8000.0, 1000
        t = np.arange(n) / fs
        x = (np.sin(2 * np.pi * 440 * t) + 0.5 * np.sin(2 * np.pi * 1500 * t) +
             0.05 * np.array(lcg(7, n)))
        return x.reshape(n, 1).astype(np.float32), fs
    if name == "audio_short":  # shorter than frame_length / n_fft: zero-padded
        x, fs = make_input("audio")
        return x[:150].copy(), fs
    if name == "image_bgr":  # 6 rows x 8 columns, BGR interleaved, values 0..255
        v = np.floor((np.array(lcg(99, 6 * 8 * 3)) + 1.0) * 128.0)
        return v.reshape(6 * 8, 3).astype(np.float32), 0.0
    if name == "image_gray":  # 9 rows x 6 columns, one channel
        v = np.floor((np.array(lcg(4242, 9 * 6)) + 1.0) * 128.0)
        return v.reshape(9 * 6, 1).astype(np.float32), 0.0
    raise ValueError(name)


# ---- block definitions ----

def block_raw(x, fs, p):
    return x.astype(np.float64).reshape(-1), list(x.shape)


def block_stats(x, fs, p):
    x = x.astype(np.float64)
    out = []
    for c in range(x.shape[1]):
        v = x[:, c]
        d = v - v.mean()
        zc = int(np.sum(d[:-1] * d[1:] < 0))
        out += [v.mean(), v.std(ddof=0), v.min(), v.max(), math.sqrt(np.mean(v * v)), zc]
    return np.array(out), [x.shape[1], 6]


def block_spectral(x, fs, p):
    bands, k = int(p["bands"]), int(p["peaks"])
    x = x.astype(np.float64)
    n = x.shape[0]
    w = scipy.signal.get_window("hann", n, fftbins=True)
    nb = n // 2 + 1
    out = []
    for c in range(x.shape[1]):
        v = x[:, c]
        mag = np.abs(np.fft.rfft((v - v.mean()) * w))
        band_of = (np.arange(nb) * bands) // nb
        out += [math.log(np.mean(mag[band_of == b] ** 2) + 1e-10) for b in range(bands)]
        # Magnitudes equal to within 1e-9 of the largest count as ties (lower bin first):
        # an impulse has a flat spectrum whose bins differ only by rounding.
        step = 1e-9 * max(mag.max(), 1e-300)
        order = np.argsort(-np.floor(mag[1:] / step + 0.5), kind="stable") + 1
        peaks = [i for i in order if mag[i] > 1e-6][:k]
        freqs = [i * fs / n for i in peaks] + [0.0] * (k - len(peaks))
        mags = [mag[i] for i in peaks] + [0.0] * (k - len(peaks))
        out += freqs + mags
    return np.array(out), [x.shape[1], bands + 2 * k]


def hz_to_mel(f):
    return 2595.0 * np.log10(1.0 + f / 700.0)


def mel_to_hz(m):
    return 700.0 * (10.0 ** (m / 2595.0) - 1.0)


def mel_filterbank(fs, n_fft, n_mels, fmin, fmax):
    fmax = fs / 2 if fmax <= 0 else fmax
    hz = mel_to_hz(np.linspace(hz_to_mel(fmin), hz_to_mel(fmax), n_mels + 2))
    f = np.arange(n_fft // 2 + 1) * fs / n_fft
    fb = np.zeros((n_mels, f.size))
    for m in range(n_mels):
        lower = (f - hz[m]) / (hz[m + 1] - hz[m])
        upper = (hz[m + 2] - f) / (hz[m + 2] - hz[m + 1])
        fb[m] = np.maximum(0.0, np.minimum(lower, upper))
    return fb


def logmel_channel(v, fs, p):
    flen, hop, n_fft = int(p["frame_length"]), int(p["hop"]), int(p["n_fft"])
    if v.size < flen:
        v = np.concatenate([v, np.zeros(flen - v.size)])
    frames = 1 + (v.size - flen) // hop
    w = scipy.signal.get_window("hann", flen, fftbins=True)
    fb = mel_filterbank(fs, n_fft, int(p["n_mels"]), p["fmin"], p["fmax"])
    rows = []
    for t in range(frames):
        power = np.abs(np.fft.rfft(v[t * hop:t * hop + flen] * w, n=n_fft)) ** 2
        rows.append(np.log(fb @ power + 1e-10))
    return np.array(rows)


def block_logmel(x, fs, p):
    x = x.astype(np.float64)
    mats = [logmel_channel(x[:, c], fs, p) for c in range(x.shape[1])]
    return np.concatenate([m.reshape(-1) for m in mats]), [x.shape[1]] + list(mats[0].shape)


def block_mfcc(x, fs, p):
    x = x.astype(np.float64)
    n = int(p["n_mfcc"])
    mats = [scipy.fft.dct(logmel_channel(x[:, c], fs, p), type=2, norm="ortho", axis=1)[:, :n]
            for c in range(x.shape[1])]
    return np.concatenate([m.reshape(-1) for m in mats]), [x.shape[1]] + list(mats[0].shape)


def block_image(x, fs, p):
    h, w = int(p["in_height"]), int(p["in_width"])
    oh, ow = int(p["height"]), int(p["width"])
    img = x.reshape(h, w, x.shape[1]).astype(np.float32)
    if x.shape[1] == 3 and p["grayscale"] != 0:
        b, g, r = img[:, :, 0], img[:, :, 1], img[:, :, 2]
        img = (np.float32(0.114) * b + np.float32(0.587) * g + np.float32(0.299) * r)[:, :, None]
    img = img.astype(np.float64)
    # INTER_AREA with integer factors is a plain box average (the only case referenced here).
    assert h % oh == 0 and w % ow == 0
    fy, fx = h // oh, w // ow
    img = img.reshape(oh, fy, ow, fx, img.shape[2]).mean(axis=(1, 3))
    if p["normalize"] == 0:
        img = img / 255.0
    else:
        img = (img - img.mean()) / img.std(ddof=0)
    return img.reshape(-1), [oh, ow, img.shape[2]]


BLOCKS = {"raw": block_raw, "stats": block_stats, "spectral": block_spectral,
          "logmel": block_logmel, "mfcc": block_mfcc, "image": block_image}

LOGMEL = {"frame_length": 256, "hop": 128, "n_fft": 256, "n_mels": 20, "fmin": 0.0, "fmax": 0.0}

CASES = [
    ("raw", "sines", {}),
    ("raw", "lcg", {}),
    ("stats", "sines", {}),
    ("stats", "impulse", {}),
    ("stats", "constant", {}),
    ("stats", "lcg", {}),
    ("spectral", "sines", {"bands": 8, "peaks": 3}),
    ("spectral", "impulse", {"bands": 4, "peaks": 2}),
    ("spectral", "constant", {"bands": 4, "peaks": 2}),
    ("spectral", "lcg", {"bands": 5, "peaks": 3}),
    ("logmel", "audio", dict(LOGMEL)),
    ("logmel", "audio", dict(LOGMEL, frame_length=200, hop=80, n_fft=512, n_mels=32,
                             fmin=100.0, fmax=3500.0)),
    ("logmel", "audio_short", dict(LOGMEL)),
    ("logmel", "sines", dict(LOGMEL, frame_length=64, hop=32, n_fft=64, n_mels=8)),
    ("mfcc", "audio", dict(LOGMEL, n_mfcc=13)),
    ("mfcc", "audio_short", dict(LOGMEL, n_mfcc=13)),
    ("mfcc", "lcg", dict(LOGMEL, frame_length=32, hop=16, n_fft=64, n_mels=10, n_mfcc=6)),
    ("image", "image_bgr", {"in_width": 8, "in_height": 6, "width": 4, "height": 3,
                            "grayscale": 1, "normalize": 0}),
    ("image", "image_bgr", {"in_width": 8, "in_height": 6, "width": 4, "height": 2,
                            "grayscale": 0, "normalize": 1}),
    ("image", "image_gray", {"in_width": 6, "in_height": 9, "width": 3, "height": 3,
                             "grayscale": 1, "normalize": 1}),
]


def compute_all():
    cases = []
    for block, inp, params in CASES:
        x, fs = make_input(inp)
        out, dims = BLOCKS[block](x, fs, params)
        cases.append({"block": block, "input": inp, "rate": fs, "params": params,
                      "dims": [int(d) for d in dims], "output": [float(v) for v in out]})
    return {"generator": "tests/dataset/features/make_reference.py",
            "numpy": np.__version__, "scipy": scipy.__version__, "cases": cases}


def render(data):
    # Versions are left out of the comparison text so a NumPy upgrade alone is not "stale".
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


def same_values(a, b):
    if a["cases"] != b["cases"]:
        if len(a["cases"]) != len(b["cases"]):
            return False
        for ca, cb in zip(a["cases"], b["cases"]):
            if {k: v for k, v in ca.items() if k != "output"} != \
               {k: v for k, v in cb.items() if k != "output"}:
                return False
            if len(ca["output"]) != len(cb["output"]) or \
               not np.allclose(ca["output"], cb["output"], rtol=1e-12, atol=1e-12):
                return False
    return True


def main(argv):
    if len(argv) == 3 and argv[1] == "--check":
        with open(argv[2]) as f:
            committed = json.load(f)
        if not same_values(committed, compute_all()):
            print(f"STALE: {argv[2]} differs from what make_reference.py computes; "
                  f"run: /usr/bin/python3 {argv[0]} {argv[2]}", file=sys.stderr)
            return 1
        print("reference_values.json is up to date")
        return 0
    if len(argv) == 2:
        with open(argv[1], "w") as f:
            f.write(render(compute_all()))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
