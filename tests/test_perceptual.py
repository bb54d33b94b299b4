"""Our ST-LPIPS network vs the original stlpips-pytorch code, plus metric properties.

The original package imports torchvision / IPython / torchsummary at module level but its
shift-tolerant networks use none of them, so the reference test stubs those modules just long
enough to import it, then removes the stubs.
"""

import sys
import types

import pytest
import torch

from cvdstorm.models.perceptual import STLPIPS, get_perceptual


@pytest.fixture
def original_stlpips(monkeypatch):
    for name in ("torchvision", "torchvision.models", "IPython", "torchsummary"):
        if name not in sys.modules:
            m = types.ModuleType(name)
            m.models, m.embed, m.summary = types.SimpleNamespace(), (lambda *a, **k: None), None
            monkeypatch.setitem(sys.modules, name, m)
    for k in [k for k in sys.modules if k.startswith("stlpips_pytorch")]:
        monkeypatch.delitem(sys.modules, k)
    import stlpips_pytorch.stlpips as ref

    yield ref
    for k in [k for k in sys.modules if k.startswith("stlpips_pytorch")]:
        monkeypatch.delitem(sys.modules, k)


@pytest.mark.parametrize("net", ["alex", "vgg"])
def test_matches_original_package(original_stlpips, net):
    torch.manual_seed(0)
    ref = original_stlpips.LPIPS(net=net, variant="shift_tolerant", verbose=False).eval()
    ours = STLPIPS(net)
    x = torch.rand(2, 3, 32, 48) * 2 - 1
    y = (x + 0.3 * torch.randn_like(x)).clamp(-1, 1)
    with torch.no_grad():
        want = ref(x, y).flatten()
    torch.testing.assert_close(ours(x, y), want, rtol=1e-4, atol=1e-7)


def test_metric_properties():
    P = get_perceptual("alex")
    torch.manual_seed(1)
    x = torch.rand(2, 3, 32, 56) * 2 - 1
    y = torch.rand(2, 3, 32, 56) * 2 - 1
    assert torch.all(P(x, x) == 0)
    torch.testing.assert_close(P(x, y), P(y, x))
    noise = torch.randn_like(x)
    d = [P(x, (x + s * noise).clamp(-1, 1)).mean().item() for s in (0.02, 0.1, 0.4)]
    assert 0 < d[0] < d[1] < d[2]


def test_gradients_reach_the_input_only():
    P = get_perceptual("alex")
    x = (torch.rand(1, 3, 32, 32) * 2 - 1).requires_grad_()
    P(x, torch.zeros_like(x)).sum().backward()
    assert x.grad is not None and x.grad.abs().sum() > 0
    assert all(p.grad is None and not p.requires_grad for p in P.parameters())
    P.train()
    assert not P.training  # stays in eval mode inside a model's .train()
