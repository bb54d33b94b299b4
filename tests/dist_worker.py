"""A small Trainer run launched by tests/test_distributed.py, single-process or under torchrun.

    python tests/dist_worker.py OUT --parallel ddp|fsdp --batch B --accum K --steps N [--resume] [--ac SPEC]
"""

import argparse
import sys
from pathlib import Path

import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from cvdstorm.config import TrainConfig  # noqa: E402
from cvdstorm.train.loop import Trainer  # noqa: E402


class Data(torch.utils.data.Dataset):
    def __init__(self, n=24):
        g = torch.Generator().manual_seed(1)
        self.x = torch.randn(n, 6, generator=g)
        self.y = torch.sin(self.x.sum(1, keepdim=True)) + 0.1 * self.x[:, :1]

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


class Net(nn.Module):
    """Two kinds of repeated blocks (FSDP / checkpointing units), parameters outside them, a tied pair."""

    def __init__(self):
        super().__init__()
        self.inp = nn.Linear(6, 16)
        self.blocks = nn.ModuleList([nn.Sequential(nn.LayerNorm(16), nn.Linear(16, 16), nn.GELU()) for _ in range(3)])
        self.gates = nn.ModuleList([nn.Linear(16, 16) for _ in range(2)])
        self.out = nn.Linear(16, 1)
        self.register_buffer("offset", torch.full((1,), 0.05))

    def forward(self, x):
        h = self.inp(x)
        for i, b in enumerate(self.blocks):
            h = h + b(h)
            if i < len(self.gates):
                h = h * torch.sigmoid(self.gates[i](h))
        return self.out(h) + self.offset


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--parallel", default="ddp")
    ap.add_argument("--batch", type=int, default=2)
    ap.add_argument("--accum", type=int, default=1)
    ap.add_argument("--steps", type=int, default=4)
    ap.add_argument("--total", type=int, default=None, help="schedule length (default: --steps)")
    ap.add_argument("--ac", default="")
    ap.add_argument("--resume", action="store_true")
    a = ap.parse_args(argv)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # the same arithmetic in a subprocess and in a test's process
    try:
        run(a)
    finally:
        torch.set_num_threads(threads)


def run(a):
    torch.manual_seed(0)
    model = Net()
    cfg = TrainConfig(steps=a.total or a.steps, batch_size=a.batch, grad_accum=a.accum, lr=3e-2, warmup_steps=1,
                      checkpoint_every=2, log_every=1, ema_decay=0.5, parallel=a.parallel,
                      activation_checkpointing=a.ac,
                      mixed_precision="no")  # bit-equality across process layouts: bf16 sums are not associative

    def step_fn(batch, gen):  # deterministic: equal data gives equal gradients whatever the rank
        x, y = batch
        loss = ((model(x) - y) ** 2).mean()
        return loss, {"abs_err": (model(x) - y).abs().mean().detach()}

    t = Trainer(model=model, step_fn=step_fn, dataset=Data(), train_cfg=cfg, run_config=cfg, run_dir=Path(a.out))
    if a.total and not a.resume:  # stop early: a run cut short at --steps, resumed later
        t.train_cfg = TrainConfig.from_dict({**cfg.to_dict(), "steps": a.steps})
    t.fit(resume=a.resume)


if __name__ == "__main__":
    main()
