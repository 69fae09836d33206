#!/usr/bin/env python3
"""Reference for the Labeling pane's spectrogram (computeSpectrogram in
app/workbench/panes/labeling/spectrogram.h), without numpy: a direct DFT of Hann-windowed,
zero-padded frames, the definition scipy.signal.stft(x, fs=8000, window="hann", nperseg=512,
noverlap=256) uses (boundary="zeros", padded=True, |Z| = |DFT| / sum(window)), in dB.

Signal: 8 kHz, 4096 samples, 1000 Hz (amplitude 1.0) + 2500 Hz (amplitude 0.25) tones.
Writes frames 0, 3, 8 and 16 (centred at samples 0, 768, 2048, 4096) as
"frame,bin,db" lines to data/spectrogram_reference.csv (next to this script).
"""
import math
import os

FS, N, W, HOP = 8000.0, 4096, 512, 256
x = [math.sin(2 * math.pi * 1000 * i / FS) + 0.25 * math.sin(2 * math.pi * 2500 * i / FS + 0.3)
     for i in range(N)]
# float32 like the C++ side
import struct
x = [struct.unpack("f", struct.pack("f", v))[0] for v in x]
w = [0.5 - 0.5 * math.cos(2 * math.pi * n / W) for n in range(W)]
wsum = sum(w)
cos_t = [math.cos(2 * math.pi * m / W) for m in range(W)]
sin_t = [math.sin(2 * math.pi * m / W) for m in range(W)]
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "spectrogram_reference.csv")
with open(out, "w") as f:
    f.write("frame,bin,db\n")
    for frame in (0, 3, 8, 16):
        start = frame * HOP - W // 2
        seg = [(x[start + n] if 0 <= start + n < N else 0.0) * w[n] for n in range(W)]
        for k in range(W // 2 + 1):
            re = im = 0.0
            for n in range(W):
                m = (k * n) % W
                re += seg[n] * cos_t[m]
                im -= seg[n] * sin_t[m]
            mag = math.hypot(re, im) / wsum
            db = max(20 * math.log10(mag), -200.0) if mag > 0 else -200.0
            f.write(f"{frame},{k},{db:.6f}\n")
