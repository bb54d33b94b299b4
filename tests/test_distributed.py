"""torchrun DDP / FSDP2 runs of the shared Trainer on 2 CPU processes (gloo), grad accumulation,
activation checkpointing. The worker is tests/dist_worker.py (a small model with repeated blocks)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from cvdstorm.errors import CvdError
from cvdstorm.train.distributed import apply_activation_checkpointing, model_blocks, select_blocks

WORKER = Path(__file__).with_name("dist_worker.py")
ROOT = WORKER.parents[1]


def run(out, *args, ranks=2):
    if ranks == 1:  # in this process: one launch fewer on a busy machine
        sys.path.insert(0, str(ROOT / "tests"))
        from dist_worker import main

        main([str(out), *args])
        return [json.loads(l) for l in (Path(out) / "log.jsonl").read_text().splitlines()]
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    env.pop("WORLD_SIZE", None)
    launch = ([sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc_per_node={ranks}"]
              if ranks > 1 else [sys.executable])
    p = subprocess.run([*launch, str(WORKER), str(out), *args], cwd=ROOT, env=env, capture_output=True, text=True,
                       timeout=300)
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-3000:]
    return [json.loads(l) for l in (Path(out) / "log.jsonl").read_text().splitlines()]


def tensors(run_dir, step=4, name="model"):
    return load_file(str(Path(run_dir) / f"step_{step:08d}" / f"{name}.safetensors"))


def assert_close(a, b, atol):
    assert a.keys() == b.keys()
    for k in a:
        torch.testing.assert_close(a[k].float(), b[k].float(), atol=atol, rtol=0, msg=k)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    d = tmp_path_factory.mktemp("dist")
    logs = {
        # one process, batch 4 = 2 ranks x batch 1 x 2 accumulated micro-batches
        "single": run(d / "single", "--batch", "4", "--steps", "4", ranks=1),
        "ddp": run(d / "ddp", "--parallel", "ddp", "--batch", "1", "--accum", "2", "--steps", "4"),
    }
    # an FSDP run (checkpointed blocks) stopped after 2 of 4 steps, then resumed from its gathered
    # full-tensor checkpoint: steps 1-2 and 3-4 come from different launches
    run(d / "fsdp", "--parallel", "fsdp", "--batch", "1", "--accum", "2", "--steps", "2", "--total", "4", "--ac", "all")
    logs["fsdp"] = run(d / "fsdp", "--parallel", "fsdp", "--batch", "1", "--accum", "2", "--steps", "4",
                       "--ac", "all", "--resume")
    return d, logs


def test_ddp_equals_single_process_with_the_doubled_batch(runs):
    d, logs = runs
    for name in ("model", "ema", "optimizer"):
        assert_close(tensors(d / "ddp", name=name), tensors(d / "single", name=name), atol=1e-5)
    single, ddp = logs["single"], logs["ddp"]
    assert [r["step"] for r in ddp] == [1, 2, 3, 4]
    for a, b in zip(single, ddp):  # logged numbers are the mean over ranks = the whole batch's
        assert a["loss"] == pytest.approx(b["loss"], rel=1e-5)
        assert a["grad_norm"] == pytest.approx(b["grad_norm"], rel=1e-5)
    state = json.loads((d / "ddp" / "step_00000004" / "state.json").read_text())
    assert state["world_size"] == 2 and state["data_position"] == 16
    # the parameters moved: the comparison is not between two untouched initialisations
    assert not torch.allclose(tensors(d / "ddp")["inp.weight"], tensors(d / "ddp", step=2)["inp.weight"])


def test_fsdp_gives_the_ddp_loss_and_resumes(runs):
    d, logs = runs
    assert [r["step"] for r in logs["fsdp"]] == [1, 2, 3, 4]
    assert [r["loss"] for r in logs["fsdp"]] == pytest.approx([r["loss"] for r in logs["ddp"]], rel=1e-5)
    for name in ("model", "ema", "optimizer"):  # full tensors in the FSDP checkpoint, same layout as DDP's
        assert_close(tensors(d / "fsdp", name=name), tensors(d / "ddp", name=name), atol=1e-5)
    assert json.loads((d / "fsdp" / "step_00000004" / "state.json").read_text())["parallel"] == "fsdp"


def _toy():
    sys.path.insert(0, str(ROOT / "tests"))
    from dist_worker import Net

    torch.manual_seed(0)
    return Net()


def test_grad_accum_equals_the_bigger_batch(tmp_path):
    sys.path.insert(0, str(ROOT / "tests"))
    from dist_worker import Data

    from cvdstorm.config import TrainConfig
    from cvdstorm.train.loop import Trainer

    def train(out, batch, accum):
        model = _toy()
        cfg = TrainConfig(steps=3, batch_size=batch, grad_accum=accum, lr=1e-2, warmup_steps=1, checkpoint_every=3,
                          log_every=1, mixed_precision="no")  # exact equality: float32 (auto may pick bf16)

        def step_fn(b, gen):
            x, y = b
            return ((model(x) - y) ** 2).mean(), {}

        Trainer(model=model, step_fn=step_fn, dataset=Data(), train_cfg=cfg, run_config=cfg, run_dir=out).fit()
        return model

    a, b = train(tmp_path / "a", 4, 1), train(tmp_path / "b", 2, 2)
    c = train(tmp_path / "c", 2, 1)
    for (k, pa), pb, pc in zip(a.state_dict().items(), b.state_dict().values(), c.state_dict().values()):
        torch.testing.assert_close(pa, pb, atol=1e-5, rtol=0, msg=k)
    assert any(not torch.allclose(pa, pc) for pa, pc in zip(a.parameters(), c.parameters()))


def test_activation_checkpointing_per_block_keeps_gradients_and_names():
    x = torch.randn(5, 6)
    ref = _toy()
    ref(x).square().sum().backward()
    for spec in ("all", "every:2", "1,3"):
        m = _toy()
        n = apply_activation_checkpointing(m, spec)
        assert n == {"all": 5, "every:2": 3, "1,3": 2}[spec]
        assert [k for k, _ in m.named_parameters()] == [k for k, _ in ref.named_parameters()]
        saved = []
        with torch.autograd.graph.saved_tensors_hooks(lambda t: saved.append(t) or t, lambda t: t):
            m(x).square().sum().backward()
        for p, q in zip(m.parameters(), ref.parameters()):
            torch.testing.assert_close(p.grad, q.grad)
    with pytest.raises(CvdError, match="has 5 blocks"):
        select_blocks(model_blocks(_toy()), "0,7")
    with pytest.raises(CvdError, match="every:N"):
        select_blocks(model_blocks(_toy()), "some")


def test_checkpointing_saves_fewer_activations():
    def saved_bytes(spec):
        m = _toy()
        apply_activation_checkpointing(m, spec)
        total = [0]

        def pack(t):
            if not isinstance(t, torch.nn.Parameter):
                total[0] += t.numel()
            return t

        with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            m(torch.randn(64, 6)).sum()
        return total[0]

    assert saved_bytes("all") < saved_bytes("every:2") < saved_bytes("")


def test_dit_blocks_are_its_layers():
    from cvdstorm.models.dit import build_dit

    m = build_dit("tiny")
    blocks = model_blocks(m)
    L = m.cfg.num_layers
    assert all(any(b is x for b in blocks) for x in m.transformer_blocks)
    assert len(blocks) >= 3 * L  # spatial, temporal and cross-view block of every layer (+ control adapters)
