"""Reference distillation loss (Hinton et al.) with python3-torch, for test_compress_prune.

Input file: line 1 "N C T alpha", then N rows of student logits, N rows of teacher logits,
one row of N labels. Prints the loss (float32 computation, printed with 9 digits)."""
import sys

import torch
import torch.nn.functional as F

with open(sys.argv[1]) as f:
    head = f.readline().split()
    n, c, t, alpha = int(head[0]), int(head[1]), float(head[2]), float(head[3])
    rows = [list(map(float, f.readline().split())) for _ in range(2 * n)]
    labels = list(map(int, f.readline().split()))
s = torch.tensor(rows[:n], dtype=torch.float32)
te = torch.tensor(rows[n:], dtype=torch.float32)
y = torch.tensor(labels, dtype=torch.int64)
soft = F.kl_div(F.log_softmax(s / t, dim=1), F.softmax(te / t, dim=1), reduction="batchmean") * t * t
hard = F.cross_entropy(s, y)
print("%.9g" % float(alpha * soft + (1 - alpha) * hard))
