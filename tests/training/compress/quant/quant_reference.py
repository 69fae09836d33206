#!/usr/bin/env python3
"""python3-torch references for test_compress_quant.

qparams DIR: DIR/meta.json {"w_shape": [out, in], "x_shape": [n, d], "norm": k} and raw
little-endian float32 arrays w.bin, b.bin, x.bin, mean.bin, std.bin. Prints JSON with the
weight scales of PerChannelMinMaxObserver(qint8, per_channel_symmetric), the int8 weights of
torch.quantize_per_channel with them, and the MinMaxObserver(quint8) qparams of the
standardized input and of relu(linear(input)).

script MODEL X.bin SHAPE...: torch.jit.load(MODEL), forward on the float32 rows of X.bin
reshaped to [-1, *SHAPE]; prints the predicted classes as JSON.
"""
import json
import os
import sys

import numpy as np
import torch
from torch.ao.quantization.observer import MinMaxObserver, PerChannelMinMaxObserver


def load(d, name, shape):
    return torch.from_numpy(np.fromfile(os.path.join(d, name), dtype="<f4").reshape(shape))


def qparams(d):
    meta = json.load(open(os.path.join(d, "meta.json")))
    w = load(d, "w.bin", meta["w_shape"])
    b = load(d, "b.bin", [meta["w_shape"][0]])
    x = load(d, "x.bin", meta["x_shape"])
    mean = load(d, "mean.bin", [meta["norm"]])
    std = load(d, "std.bin", [meta["norm"]])
    wobs = PerChannelMinMaxObserver(ch_axis=0, dtype=torch.qint8,
                                    qscheme=torch.per_channel_symmetric)
    wobs(w)
    ws, wz = wobs.calculate_qparams()
    wq = torch.quantize_per_channel(w, ws.double(), wz.long(), 0, torch.qint8).int_repr()
    xs = (x - mean) / std
    iobs = MinMaxObserver(dtype=torch.quint8, qscheme=torch.per_tensor_affine)
    iobs(xs)
    i_s, i_z = iobs.calculate_qparams()
    y = torch.relu(torch.nn.functional.linear(xs, w, b))
    oobs = MinMaxObserver(dtype=torch.quint8, qscheme=torch.per_tensor_affine)
    oobs(y)
    o_s, o_z = oobs.calculate_qparams()
    xq = torch.quantize_per_tensor(xs, float(i_s), int(i_z), torch.quint8).int_repr()
    print(json.dumps({
        "w_scales": [float(v) for v in ws],
        "w_int": [int(v) for v in wq.flatten()],
        "in_scale": float(i_s), "in_zp": int(i_z),
        "out_scale": float(o_s), "out_zp": int(o_z),
        "x_int_row0": [int(v) for v in xq[0]],
    }))


def script(model, xfile, shape):
    torch.backends.quantized.engine = torch.backends.quantized.supported_engines[-1]
    m = torch.jit.load(model)
    x = torch.from_numpy(np.fromfile(xfile, dtype="<f4")).reshape([-1] + shape)
    with torch.no_grad():
        out = m(x)
    print(json.dumps({"engine": torch.backends.quantized.engine,
                      "classes": [int(v) for v in out.argmax(1)]}))


if __name__ == "__main__":
    if sys.argv[1] == "qparams":
        qparams(sys.argv[2])
    else:
        script(sys.argv[2], sys.argv[3], [int(v) for v in sys.argv[4:]])
