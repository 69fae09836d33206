#!/usr/bin/python3
"""TorchScript interop checks run by test_training_torch (with /usr/bin/python3 and torch).

  check DIR: loads DIR/model.pt (exported by Edgewise), runs it on DIR/inputs.f32
    ([N, D] float32, shape in DIR/meta.json) and compares with DIR/logits.f32 (what the C++
    model computed); exit 0 when max |diff| <= 1e-5, 1 otherwise.
  make DIR: scripts a tiny net with torch.jit.script, saves DIR/model.pt, random inputs to
    DIR/inputs.f32 and the argmax of its logits to DIR/preds.json for the C++ import test.
Exit 77 when torch is missing (the C++ test then skips).
"""
import json
import os
import sys

try:
    import numpy as np
    import torch
except ImportError:
    sys.exit(77)


def check(d):
    meta = json.load(open(os.path.join(d, "meta.json")))
    n, dims, k = meta["rows"], meta["dims"], meta["classes"]
    x = torch.from_numpy(np.fromfile(os.path.join(d, "inputs.f32"), np.float32).reshape(n, dims))
    want = np.fromfile(os.path.join(d, "logits.f32"), np.float32).reshape(n, k)
    m = torch.jit.load(os.path.join(d, "model.pt"))
    m.eval()
    with torch.no_grad():
        got = m(x).numpy()
    diff = float(np.max(np.abs(got - want)))
    print(json.dumps({"max_abs_diff": diff, "rows": n}))
    return 0 if got.shape == want.shape and diff <= 1e-5 else 1


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv1d(2, 4, 3, padding=1)
        self.fc = torch.nn.Linear(4, 3)

    def forward(self, x):
        x = torch.relu(self.conv(x))
        return self.fc(x.mean(dim=2))


def make(d):
    torch.manual_seed(3)
    m = torch.jit.script(Tiny().eval())
    m.save(os.path.join(d, "model.pt"))
    x = torch.randn(50, 2, 8)
    x.numpy().astype(np.float32).tofile(os.path.join(d, "inputs.f32"))
    with torch.no_grad():
        preds = m(x).argmax(1).tolist()
    json.dump({"rows": 50, "shape": [2, 8], "classes": 3, "preds": preds},
              open(os.path.join(d, "preds.json"), "w"))
    return 0


if __name__ == "__main__":
    sys.exit({"check": check, "make": make}[sys.argv[1]](sys.argv[2]))
