import itertools
import json
import math

import pytest
import torch

from cvdstorm.config import TrainConfig
from cvdstorm.errors import CvdError
from cvdstorm.models.loading import load_weights, resolve_checkpoint
from cvdstorm.train.checkpoint import optimizer_from_safetensors, optimizer_to_safetensors
from cvdstorm.train.loop import ResumableSampler, Trainer, lr_at


class Toy(torch.utils.data.Dataset):
    def __init__(self, n=13):
        g = torch.Generator().manual_seed(0)
        self.x = torch.randn(n, 4, generator=g)
        self.y = self.x @ torch.tensor([1.0, -2.0, 0.5, 3.0]) + 0.1

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


def make(run_dir, steps=12, fail_at=None, nan_at=(), **kw):
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Dropout(0.2), torch.nn.Linear(8, 1))
    cfg = TrainConfig(steps=steps, batch_size=3, lr=1e-2, warmup_steps=2, checkpoint_every=4, log_every=1,
                      ema_decay=0.9, **kw)
    state = {"calls": 0}

    def step_fn(batch, gen):
        x, y = batch
        state["calls"] += 1
        if fail_at is not None and state["calls"] == fail_at:
            raise KeyboardInterrupt  # stands for the process being killed
        noise = torch.randn(x.shape, generator=gen) * 0.01  # per-step RNG must be resumable too
        loss = ((model(x + noise)[:, 0] - y) ** 2).mean()
        if state["calls"] in nan_at:
            loss = loss * float("nan")
        return loss, {"mse": loss.detach()}

    return Trainer(model=model, step_fn=step_fn, dataset=Toy(), train_cfg=cfg, run_config=cfg, run_dir=run_dir)


def test_lr_schedule_endpoints():
    cfg = TrainConfig(steps=100, warmup_steps=10, lr=1.0, min_lr=0.0)
    assert lr_at(0, cfg) == pytest.approx(0.1)
    assert lr_at(9, cfg) == pytest.approx(1.0)
    assert lr_at(10, cfg) == pytest.approx(1.0)
    assert lr_at(55, cfg) == pytest.approx(0.5)
    assert lr_at(100, cfg) == pytest.approx(0.0)
    vals = [lr_at(s, cfg) for s in range(10, 101)]
    assert all(a >= b for a, b in zip(vals, vals[1:]))


def test_sampler_resumes_and_shards():
    full = list(itertools.islice(iter(ResumableSampler(7, seed=3)), 30))
    assert sorted(full[:7]) == list(range(7)) and sorted(full[7:14]) == list(range(7))
    assert full[:7] != full[7:14]  # a new permutation every epoch
    tail = list(itertools.islice(iter(ResumableSampler(7, seed=3, start=11)), 19))
    assert tail == full[11:]
    r0 = list(itertools.islice(iter(ResumableSampler(7, seed=3, rank=0, world_size=2)), 5))
    r1 = list(itertools.islice(iter(ResumableSampler(7, seed=3, rank=1, world_size=2)), 5))
    assert r0 == full[0:10:2] and r1 == full[1:10:2]


def test_resume_is_bit_exact(tmp_path):
    ref = make(tmp_path / "a")
    ref.fit()
    crashed = make(tmp_path / "b", fail_at=7)  # dies after the step-4 checkpoint, 2 steps later
    with pytest.raises(KeyboardInterrupt):
        crashed.fit()
    assert resolve_checkpoint(tmp_path / "b").name == "step_00000004"
    resumed = make(tmp_path / "b")
    resumed.fit(resume=True)
    assert resumed.step == ref.step == 12
    for a, b in zip(ref.model.state_dict().values(), resumed.model.state_dict().values()):
        assert torch.equal(a, b)
    for a, b in zip(ref.ema.model.state_dict().values(), resumed.ema.model.state_dict().values()):
        assert torch.equal(a, b)
    rows_a = [json.loads(l) for l in (tmp_path / "a" / "log.jsonl").read_text().splitlines()]
    rows_b = [json.loads(l) for l in (tmp_path / "b" / "log.jsonl").read_text().splitlines()]
    assert [r["step"] for r in rows_b] == list(range(1, 13))  # no duplicated rows after resume
    assert [r["loss"] for r in rows_a] == [r["loss"] for r in rows_b]
    assert (tmp_path / "b" / "log.csv").read_text().count("\n") == 13


def test_refuses_to_clobber_a_run(tmp_path):
    make(tmp_path / "r", steps=4).fit()
    with pytest.raises(CvdError, match="--resume"):
        make(tmp_path / "r", steps=4).fit()


def test_nonfinite_steps_skipped_then_stop(tmp_path):
    t = make(tmp_path / "n", steps=8, nan_at={3})
    last = t.fit()
    assert last["skipped_nonfinite"] == 1 and math.isfinite(last["loss"])
    t = make(tmp_path / "m", steps=20, nan_at={3, 4, 5, 6, 7}, max_nonfinite_steps=3)
    with pytest.raises(CvdError, match="NaN/Inf for 3 steps"):
        t.fit()
    # the checkpoint before the failure is intact and resumable
    assert resolve_checkpoint(tmp_path / "m").name == "step_00000004"


def test_optimizer_state_roundtrip(tmp_path):
    from safetensors.torch import save_file

    t = make(tmp_path / "o", steps=4)
    t.fit()
    tensors, meta = optimizer_to_safetensors(t.optimizer)
    save_file(tensors, str(tmp_path / "opt.safetensors"), metadata=meta)
    t2 = make(tmp_path / "o2", steps=4)
    optimizer_from_safetensors(t2.optimizer, tmp_path / "opt.safetensors")
    a, b = t.optimizer.state_dict(), t2.optimizer.state_dict()
    assert a["param_groups"] == b["param_groups"]
    for k in a["state"]:
        for name, v in a["state"][k].items():
            assert torch.equal(torch.as_tensor(v), torch.as_tensor(b["state"][k][name]))


def test_corrupt_and_interrupted_checkpoints(tmp_path):
    t = make(tmp_path / "c", steps=8)
    t.fit()
    ckpt = resolve_checkpoint(tmp_path / "c")
    # a half-written newer step folder (killed before the rename) is ignored
    (tmp_path / "c" / ".tmp-step_00000012-1").mkdir()
    assert resolve_checkpoint(tmp_path / "c") == ckpt
    data = (ckpt / "model.safetensors").read_bytes()
    (tmp_path / "trunc.safetensors").write_bytes(data[: len(data) // 2])
    with pytest.raises(CvdError, match="corrupt or truncated"):
        load_weights(t.model, tmp_path / "trunc.safetensors")
    wrong = torch.nn.Sequential(torch.nn.Linear(4, 9), torch.nn.Dropout(0.2), torch.nn.Linear(9, 1))
    with pytest.raises(CvdError, match="do not fit"):
        load_weights(wrong, ckpt / "model.safetensors")
    with pytest.raises(CvdError, match="not a checkpoint"):
        resolve_checkpoint(tmp_path)
