#!/usr/bin/python3
"""python3-torch reference of the FGSM and PGD attacks of core/training/torch/attacks.cpp,
run by test_robustness and by `edgewise-cli bench robustness` on the same TorchScript model
and rows.

  run DIR: loads DIR/model.pt (TorchScript: forward([N, dims] float32) -> logits), the rows
    DIR/inputs.f32 ([rows, dims] float32), the labels DIR/labels.i64 and DIR/meta.json
    ({"rows", "dims", "eps": [...], "steps", "step_relative", "norm": "linf"|"l2",
    "clip": [lo, hi] or null}) and prints {"clean_accuracy", "fgsm": [...], "pgd": [...]}:
    robust accuracy per eps = rows right on the clean row AND on the attacked row. PGD starts
    at the clean row (no random start) so both sides are deterministic.
  mask DIR: wraps DIR/model.pt in a module that rounds its input to 1/2 steps before the
    model (zero input gradient everywhere: gradient masking) and saves DIR/masked.pt.
Exit 77 when torch is missing (the C++ side then skips).
"""
import json
import os
import sys

try:
    import numpy as np
    import torch
    import torch.nn.functional as F
except ImportError:
    sys.exit(77)


def loss_grad(model, x, y):
    x = x.clone().requires_grad_(True)
    loss = F.cross_entropy(model(x), y, reduction="sum")
    (g,) = torch.autograd.grad(loss, x)
    return g


def direction(g, norm):
    if norm == "linf":
        return g.sign()
    return g / (g.pow(2).sum(1, keepdim=True).sqrt() + 1e-12)


def clip(x, bounds):
    return x if bounds is None else x.clamp(bounds[0], bounds[1])


def fgsm(model, x, y, eps, norm, bounds):
    return clip(x + eps * direction(loss_grad(model, x, y), norm), bounds)


def pgd(model, x, y, eps, norm, bounds, steps, step_relative):
    alpha = eps * (step_relative if step_relative > 0 else 2.5 / steps)
    xa = x.clone()
    for _ in range(steps):
        xa = xa + alpha * direction(loss_grad(model, xa, y), norm)
        if norm == "linf":
            xa = torch.min(torch.max(xa, x - eps), x + eps)
        else:
            d = xa - x
            n = d.pow(2).sum(1, keepdim=True).sqrt()
            xa = x + d * torch.clamp(eps / (n + 1e-12), max=1.0)
        xa = clip(xa, bounds)
    return xa


def run(d):
    meta = json.load(open(os.path.join(d, "meta.json")))
    n, dims = meta["rows"], meta["dims"]
    x = torch.from_numpy(np.fromfile(os.path.join(d, "inputs.f32"), np.float32).reshape(n, dims))
    y = torch.from_numpy(np.fromfile(os.path.join(d, "labels.i64"), np.int64))
    model = torch.jit.load(os.path.join(d, "model.pt"))
    model.eval()
    bounds = meta.get("clip")
    with torch.no_grad():
        correct = model(x).argmax(1) == y
    out = {"clean_accuracy": correct.double().mean().item(), "fgsm": [], "pgd": []}
    for eps in meta["eps"]:
        for name in ("fgsm", "pgd"):
            if name == "fgsm":
                xa = fgsm(model, x, y, eps, meta["norm"], bounds)
            else:
                xa = pgd(model, x, y, eps, meta["norm"], bounds, meta["steps"],
                         meta["step_relative"])
            with torch.no_grad():
                robust = correct & (model(xa).argmax(1) == y)
            out[name].append(robust.double().mean().item())
    print(json.dumps(out))
    return 0


class Masked(torch.nn.Module):
    def __init__(self, inner):
        super().__init__()
        self.inner = inner

    def forward(self, x):
        return self.inner(torch.round(x * 2.0) / 2.0)


def mask(d):
    inner = torch.jit.load(os.path.join(d, "model.pt"))
    torch.jit.script(Masked(inner).eval()).save(os.path.join(d, "masked.pt"))
    return 0


if __name__ == "__main__":
    sys.exit({"run": run, "mask": mask}[sys.argv[1]](sys.argv[2]))
