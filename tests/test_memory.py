"""benchmarks/memory.py: paper presets on the meta device match SD3.5's sizes; the memory table's
FSDP / activation-checkpointing columns."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import memory  # noqa: E402


@pytest.fixture(scope="module")
def counts():
    return memory.param_counts()


def test_paper_parameter_counts_match_sd35(counts):
    print({k: f"{v / 1e6:.2f}M" for k, v in counts.items()})
    assert counts["vae"] == pytest.approx(83.82e6, rel=2e-3)        # SD3.5 VAE
    assert counts["dit_sd3"] == pytest.approx(2.47e9, rel=1e-2)     # SD3.5-Medium transformer
    assert counts["dit_pos_table"] == 384 * 384 * 1536
    assert 0 < counts["dit_new"] < 0.2 * counts["dit_sd3"]          # new blocks on top
    assert counts["dit"] == counts["dit_sd3"] + counts["dit_new"]


def test_memory_table(counts):
    act = (400 * 2**30, 12 * 2**30)  # (fp32 saved bytes, kept with checkpointing): the shape of the table only
    rows = memory.memory_table((1, 8, 32), counts, act)
    get = {(r["parallel"], r["gpus"], r["act_ckpt"]): r for r in rows}
    ddp = get[("ddp", "any", False)]
    assert ddp["states_gib"] == pytest.approx(16 * counts["dit"] / 2**30)
    assert ddp["act_gib"] == pytest.approx(200)                       # bf16: half the fp32 trace
    assert get[("ddp", "any", True)]["total_gib"] < ddp["total_gib"]
    s = [get[("fsdp", n, True)]["states_gib"] for n in (1, 8, 32)]
    assert s[0] > s[1] > s[2]
    assert s[1] == pytest.approx((16 * counts["dit"] / 8 + 4 * counts["dit_largest_block"]) / 2**30)
    assert get[("fsdp", 8, True)]["act_gib"] == get[("ddp", "any", True)]["act_gib"]  # per-GPU clip either way


def test_vae_estimate_traces_on_meta_and_checkpointing_keeps_less():
    from cvdstorm.config import StormVAEConfig

    saved, kept = memory.vae_activation_bytes(StormVAEConfig.from_preset("tiny"))
    assert 0 < kept < saved / 2                                       # kept is in bf16, saved in fp32
    e = memory.step_estimate(1000, (saved, kept), act_ckpt=True, bf16=False)
    assert e["states_gib"] == pytest.approx(16000 / 2**30) and e["act_gib"] == pytest.approx(2 * kept / 2**30)
