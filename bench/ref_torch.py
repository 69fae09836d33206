#!/usr/bin/python3
"""Reference trainer for the LibTorch families of core/training/torch (mlp, cnn1d, cnn2d).

Same architectures and the same training-loop semantics as torch_classifier.cpp (optimizer,
schedule, weight decay, batch size, epochs, early stopping with restore of the best weights,
standardization, class weights, augment_shift), but its own initialisation and shuffling
(init-agnostic): compare accuracy and training time, not bit-identical weights.

Usage: /usr/bin/python3 bench/ref_torch.py DIR
DIR holds meta.json {"family", "input_shape", "num_classes", "params" (strings), "seed",
"threads"} and train_X.npy/train_y.npy/val_X.npy/val_y.npy/test_X.npy/test_y.npy (X float32
2-D rows, y int64). Prints one JSON object:
{"family","accuracy","macro_f1","train_seconds","epochs_run","params"}.
train_seconds covers the epoch loop only (training plus the per-epoch validation pass), the
same scope as TrainProgress.seconds of the last epoch on the C++ side.

Measured 2026-11-22 12:44 UTC (2-core VM, load ~1.6), digits 70/15/15 (stratifiedSplit seed
42, dumped by test_training_torch with EDGEWISE_TORCH_DUMP_DIR), mlp 256,128, epochs 30,
augment_shift 1, standardize global, dropout 0.2, patience 10, threads 2, denormals flushed:
C++ (TorchModels.DISABLED_TimeDigitsMlp) test accuracy 0.9747, training loop 15.3 s;
this script 0.9760, 16.3 s. Without flushing denormals this script needs ~7x longer.
"""
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

DEFAULTS = {
    "epochs": "30", "batch_size": "64", "lr": "0.001", "optimizer": "adam", "momentum": "0.9",
    "weight_decay": "0", "schedule": "none", "patience": "0", "class_weights": "0",
    "hidden": "256,128", "dropout": "0.1", "channels": "", "kernel": "", "augment_shift": "0",
    "standardize": "", "threads": "0",
}


def effective_params(family, params):
    p = dict(DEFAULTS)
    if family != "mlp":
        p["dropout"] = "0"
    p.update({k: str(v) for k, v in params.items()})
    if not p["channels"]:
        p["channels"] = "16,32,64" if family == "cnn1d" else "16,32"
    if not p["kernel"]:
        p["kernel"] = "5" if family == "cnn1d" else "3"
    if not p["standardize"]:
        p["standardize"] = "feature" if family == "mlp" else "global"
    return p


def int_list(text):
    return [int(t) for t in text.split(",") if t.strip()]


class Net(torch.nn.Module):
    def __init__(self, family, shape, num_classes, p):
        super().__init__()
        self.family = family
        self.shape = list(shape)
        self.dropout = float(p["dropout"])
        dims = int(np.prod(shape))
        self.layers = torch.nn.ModuleList()
        self.pool = []
        if family == "mlp":
            width = dims
            for h in int_list(p["hidden"]):
                self.layers.append(torch.nn.Linear(width, h))
                width = h
            self.head = torch.nn.Linear(width, num_classes)
        elif family == "cnn1d":
            c, length = shape
            k = int(p["kernel"])
            for out in int_list(p["channels"]):
                self.layers.append(torch.nn.Conv1d(c, out, k, padding=k // 2))
                pool = length >= 2
                self.pool.append(pool)
                if pool:
                    length //= 2
                c = out
            self.head = torch.nn.Linear(c, num_classes)
        else:
            c, h, w = shape
            k = int(p["kernel"])
            for out in int_list(p["channels"]):
                self.layers.append(torch.nn.Conv2d(c, out, k, padding=k // 2))
                pool = h >= 2 and w >= 2
                self.pool.append(pool)
                if pool:
                    h //= 2
                    w //= 2
                c = out
            self.head = torch.nn.Linear(c * h * w, num_classes)
        self.register_buffer("mean", torch.zeros(1))
        self.register_buffer("std", torch.ones(1))

    def forward(self, x):
        x = (x - self.mean) / self.std
        if self.family == "mlp":
            for layer in self.layers:
                x = F.dropout(F.relu(layer(x)), self.dropout, self.training)
        elif self.family == "cnn1d":
            x = x.reshape([-1] + self.shape)
            for layer, pool in zip(self.layers, self.pool):
                x = F.relu(layer(x))
                if pool:
                    x = F.max_pool1d(x, 2)
            x = F.dropout(x.mean(dim=2), self.dropout, self.training)
        else:
            x = x.reshape([-1] + self.shape)
            for layer, pool in zip(self.layers, self.pool):
                x = F.relu(layer(x))
                if pool:
                    x = F.max_pool2d(x, 2)
            x = F.dropout(x.flatten(1), self.dropout, self.training)
        return self.head(x)


def lr_factor(schedule, epoch, epochs):
    if schedule == "step":
        return 0.1 ** (epoch // max(1, epochs // 3))
    if schedule == "cosine":
        return 0.5 * (1.0 + math.cos(math.pi * epoch / epochs))
    return 1.0


def shift_batch(xb, shape, n, gen):
    # Random +-n pixel translation per sample, zero fill (images only).
    c, h, w = shape
    imgs = xb.reshape(-1, c, h, w)
    padded = F.pad(imgs, (n, n, n, n))
    dx = torch.randint(-n, n + 1, (imgs.shape[0],), generator=gen)
    dy = torch.randint(-n, n + 1, (imgs.shape[0],), generator=gen)
    out = torch.empty_like(imgs)
    for sy in range(-n, n + 1):
        for sx in range(-n, n + 1):
            idx = torch.nonzero((dx == sx) & (dy == sy)).flatten()
            if idx.numel():
                out[idx] = padded[idx, :, n + sy:n + sy + h, n + sx:n + sx + w]
    return out.reshape(xb.shape[0], -1)


def train(family, shape, num_classes, params, seed, tx, ty, vx, vy):
    p = effective_params(family, params)
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed + 1)
    net = Net(family, shape, num_classes, p)
    if p["standardize"] == "feature":
        mean, std = tx.mean(0), tx.std(0, unbiased=False)
    elif p["standardize"] == "global":
        mean, std = tx.mean().reshape(1), tx.std(unbiased=False).reshape(1)
    else:
        mean, std = torch.zeros(1), torch.ones(1)
    std = torch.where(std < 1e-6, torch.ones_like(std), std)
    net.mean = mean.clone()
    net.std = std.clone()

    weights = None
    if p["class_weights"] == "1":
        counts = torch.bincount(ty, minlength=num_classes).double().clamp(min=1)
        weights = (len(ty) / (num_classes * counts)).float()
    lr = float(p["lr"])
    wd = float(p["weight_decay"])
    if p["optimizer"] == "sgd":
        opt = torch.optim.SGD(net.parameters(), lr=lr, momentum=float(p["momentum"]),
                              weight_decay=wd)
    else:
        opt = torch.optim.Adam(net.parameters(), lr=lr, weight_decay=wd)
    epochs, batch = int(p["epochs"]), int(p["batch_size"])
    patience, shift = int(p["patience"]), int(p["augment_shift"])
    has_val = vx is not None and len(vx) > 0
    best, best_state, bad, epochs_run = math.inf, None, 0, 0
    start = time.perf_counter()
    for epoch in range(epochs):
        for g in opt.param_groups:
            g["lr"] = lr * lr_factor(p["schedule"], epoch, epochs)
        net.train()
        perm = torch.randperm(len(tx), generator=gen)
        for i in range(0, len(tx), batch):
            idx = perm[i:i + batch]
            xb, yb = tx[idx], ty[idx]
            if shift > 0 and len(shape) == 3:
                xb = shift_batch(xb, shape, shift, gen)
            loss = F.cross_entropy(net(xb), yb, weight=weights)
            opt.zero_grad()
            loss.backward()
            opt.step()
        epochs_run = epoch + 1
        if has_val:
            net.eval()
            with torch.no_grad():
                vloss = F.cross_entropy(net(vx), vy).item()
            if vloss < best:
                best, bad = vloss, 0
                best_state = {k: v.clone() for k, v in net.state_dict().items()}
            else:
                bad += 1
                if patience > 0 and bad >= patience:
                    break
    if patience > 0 and best_state is not None:
        net.load_state_dict(best_state)
    seconds = time.perf_counter() - start
    net.eval()
    return net, seconds, epochs_run, p


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
    load = lambda n: torch.from_numpy(np.load(os.path.join(d, n)))
    tx, ty = load("train_X.npy").float(), load("train_y.npy").long()
    vx, vy = load("val_X.npy").float(), load("val_y.npy").long()
    sx, sy = load("test_X.npy").float(), load("test_y.npy").long()
    threads = int(meta.get("threads", 0)) or os.cpu_count()
    torch.set_num_threads(threads)
    torch.set_flush_denormal(True)  # as the C++ trainer (FlushDenormalsGuard): ~7x faster
    net, seconds, epochs_run, p = train(meta["family"], meta["input_shape"], meta["num_classes"],
                                        meta.get("params", {}), int(meta.get("seed", 0)),
                                        tx, ty, vx, vy)
    with torch.no_grad():
        pred = net(sx).argmax(1).numpy()
    y = sy.numpy()
    print(json.dumps({"family": meta["family"], "accuracy": float(np.mean(pred == y)),
                      "macro_f1": macro_f1(y, pred, meta["num_classes"]),
                      "train_seconds": seconds, "epochs_run": epochs_run, "params": p}))


if __name__ == "__main__":
    main()
