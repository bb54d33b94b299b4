"""Rasteriser: the fast path (C++ kernel) and the PyTorch fallback against the independent dense
reference (values and gradients), gradcheck, closed forms, fitting, batching, backends, fallbacks."""

import math
import sys
import types

import pytest
import torch

from cvdstorm.errors import CvdError
from cvdstorm.render import Gaussians, rasterize, render_reference, viewmats_from_cam_to_world
from cvdstorm.render import kernel

NAMES = ("means", "quats", "scales", "opacities", "colors")


def random_scene(n=400, cams=3, seed=0, dtype=torch.float32):
    """Overlapping anisotropic Gaussians around z = 4, some behind a camera or off-screen, seen by
    `cams` cameras turned and shifted against each other; principal point off-centre."""
    g = torch.Generator().manual_seed(seed)
    r = lambda *s: torch.rand(*s, generator=g, dtype=dtype)  # noqa: E731
    means = (r(n, 3) - 0.5) * torch.tensor([8.0, 6.0, 12.0], dtype=dtype) + torch.tensor([0, 0, 4.0], dtype=dtype)
    quats = torch.randn(n, 4, generator=g, dtype=dtype) * (0.5 + r(n, 1))  # not normalised
    scales = 0.02 + 0.4 * r(n, 3) * torch.tensor([1.0, 0.3, 1.0], dtype=dtype)
    opac = 0.05 + 0.94 * r(n)
    colors = r(n, 3)
    viewmats = torch.eye(4, dtype=dtype).repeat(cams, 1, 1)
    for c in range(cams):
        a = 0.3 * c - 0.3
        viewmats[c, :3, :3] = torch.tensor([[math.cos(a), 0, math.sin(a)], [0, 1, 0], [-math.sin(a), 0, math.cos(a)]],
                                           dtype=dtype)
        viewmats[c, :3, 3] = torch.tensor([0.4 * c, -0.2, 0.5], dtype=dtype)
    Ks = torch.tensor([[30.0, 0, 22], [0, 32.0, 17], [0, 0, 1]], dtype=dtype).repeat(cams, 1, 1)
    return [means, quats, scales, opac, colors], viewmats, Ks


def _run(fn, params, viewmats, Ks, W=48, H=32, bg=None, **kw):
    """Render, back-propagate a fixed random weighting of all outputs -> (outputs, input grads)."""
    ps = [p.clone().requires_grad_() for p in params]
    out = fn(*ps, viewmats, Ks, W, H, background=bg, **kw)
    g = torch.Generator().manual_seed(1)
    w = [torch.randn(x.shape, generator=g, dtype=x.dtype) for x in out]
    sum((x * wi).sum() for x, wi in zip(out, w)).backward()
    return out, [p.grad for p in ps]


def _rel(a, b):
    return (torch.linalg.norm(a - b) / torch.linalg.norm(b)).item()


@pytest.mark.parametrize("backend", ["cpu", "torch"])
@pytest.mark.parametrize("seed", [0, 1])
def test_fast_paths_equal_reference_float32(backend, seed):
    params, viewmats, Ks = random_scene(seed=seed)
    z = (params[0] @ viewmats[:, :3, :3].transpose(1, 2) + viewmats[:, None, :3, 3])[..., 2]  # [C, N]
    u = Ks[:, None, 0, 0] * (params[0] @ viewmats[:, :3, :3].transpose(1, 2))[..., 0] / z
    assert (z < 0).any() and ((z > 0) & (u.abs() > 60)).any()  # behind some camera / far off-screen
    bg = torch.tensor([0.2, 0.5, 0.1])
    fast, gf = _run(rasterize, params, viewmats, Ks, bg=bg, backend=backend)
    ref, gr = _run(render_reference, params, viewmats, Ks, bg=bg)
    assert fast.alpha.max() > 0.9 and fast.alpha.min() < 0.1 and (fast.alpha > 0.5).float().mean() > 0.3
    for name, a, b in zip(("rgb", "depth", "alpha"), fast, ref):
        torch.testing.assert_close(a, b, atol=1e-4, rtol=0, msg=name)
    for name, a, b in zip(NAMES, gf, gr):
        assert _rel(a, b) < 1e-3, (name, _rel(a, b))


@pytest.mark.parametrize("near", [0.01, 1.5])
def test_paths_agree_float64(near):
    """In float64 the three implementations agree to rounding (no threshold flips hide differences),
    also with a near plane that cuts through the scene."""
    params, viewmats, Ks = random_scene(seed=2, dtype=torch.float64)
    z = (params[0] @ viewmats[:, :3, :3].transpose(1, 2) + viewmats[:, None, :3, 3])[..., 2]
    assert ((z > 0.1) & (z < near)).any() or near < 0.1
    size = dict(W=50, H=37)  # partial tiles at the right and bottom borders
    ref, gr = _run(render_reference, params, viewmats, Ks, near=near, **size)
    for backend in ("cpu", "torch"):
        out, g = _run(rasterize, params, viewmats, Ks, near=near, backend=backend, **size)
        for a, b in zip(out, ref):
            torch.testing.assert_close(a, b, atol=1e-9, rtol=0)
        for name, a, b in zip(NAMES, g, gr):
            assert _rel(a, b) < 1e-9, (backend, name, _rel(a, b))


def test_viewmat_gradients_and_packed_projections_agree():
    """Camera-pose gradients match the reference; the fused C++ projection gives the same rows as the
    PyTorch one (projection.py) wherever both keep a (camera, Gaussian) pair."""
    from cvdstorm.render.projection import project_packed

    params, viewmats, Ks = random_scene(seed=6, dtype=torch.float64)
    grads = []
    for fn, kw in ((rasterize, {"backend": "cpu"}), (rasterize, {"backend": "torch"}), (render_reference, {})):
        v = viewmats.clone().requires_grad_()
        out = fn(*params, v, Ks, 48, 32, **kw)
        (0.3 * out.rgb.sum() + 0.1 * out.depth.sum() + out.alpha.sum()).backward()
        grads.append(v.grad)
    for g in grads[:2]:
        assert _rel(g, grads[2]) < 1e-9
    m, q, s = (p[None] for p in params[:3])
    k = kernel.load().project(m, q, s, viewmats, Ks, 48, 32, 0.01, 1e10)
    pk = project_packed(m, q, s, viewmats[None], Ks[None], 48, 32)
    keep = pk.radii > 0
    assert torch.equal(pk.gauss_ids[keep], k[4]) and torch.equal(pk.cam_ids[keep], k[5]) and torch.equal(pk.radii[keep], k[3])
    for a, b in zip((pk.means2d, pk.conics, pk.depths), k[:3]):
        torch.testing.assert_close(a[keep].detach(), b, atol=1e-12, rtol=1e-12)


@pytest.mark.parametrize("backend", ["cpu", "torch"])
def test_gradcheck_float64(backend):
    params, viewmats, Ks = random_scene(n=12, cams=2, seed=3, dtype=torch.float64)
    params[2] = params[2] * 3  # bigger footprints on the small image
    params[3] = params[3].clamp(max=0.9)
    Ks = Ks * torch.tensor([0.3, 0.3, 1.0], dtype=torch.float64)[:, None]

    def f(means, quats, scales, opac, colors):
        out = rasterize(means, quats, scales, opac, colors, viewmats, Ks, 14, 10, backend=backend)
        return out.rgb, out.depth, out.alpha

    inputs = tuple(p.clone().requires_grad_() for p in params)
    assert (f(*inputs)[2] > 0.05).float().mean() > 0.3
    # the PyTorch path is plain autograd (many small ops): the fast randomised check is enough there
    assert torch.autograd.gradcheck(f, inputs, eps=1e-6, atol=1e-5, rtol=1e-4, fast_mode=backend == "torch")


@pytest.mark.parametrize("o", [0.8, 0.2])  # footprint bounded by the 3-sigma cut / by the alpha cut
def test_isotropic_gaussian_closed_form(o):
    """An isotropic Gaussian on the optical axis renders o exp(-r^2 / 2 s^2), s^2 = (f sigma / z)^2 + 0.3
    (on the axis the EWA Jacobian is diag(f / z)), cut at 3 sigma and at alpha 1/255."""
    f, z, sigma = 40.0, 5.0, 0.2
    means = torch.tensor([[0.0, 0.0, z]])
    quats = torch.tensor([[0.3, -0.5, 0.2, 0.7]])  # any rotation of an isotropic Gaussian
    scales = torch.full((1, 3), sigma)
    Ks = torch.tensor([[[f, 0, 32.3], [0, f, 24.0], [0, 0, 1]]])  # centre off the pixel grid
    s2 = (f * sigma / z) ** 2 + 0.3
    v, u = torch.meshgrid(torch.arange(48) + 0.5, torch.arange(64) + 0.5, indexing="ij")
    r2 = (u - 32.3) ** 2 + (v - 24.0) ** 2
    expect = o * torch.exp(-0.5 * r2 / s2)
    expect = torch.where((expect >= 1 / 255) & (r2 / s2 <= 9), expect, torch.zeros_like(expect))
    assert (expect > 0).sum() > 50 and (expect == 0).sum() > 100
    for backend in ("cpu", "torch", "reference"):
        out = rasterize(means, quats, scales, torch.tensor([o]), torch.tensor([[0.2, 0.4, 1.0]]), torch.eye(4)[None],
                        Ks, 64, 48, backend=backend)
        torch.testing.assert_close(out.alpha[0], expect, atol=1e-6, rtol=1e-5)
        torch.testing.assert_close(out.rgb[0], expect[..., None] * torch.tensor([0.2, 0.4, 1.0]), atol=1e-6, rtol=1e-5)
        torch.testing.assert_close(out.depth[0], torch.where(expect > 0, z, 0.0), atol=1e-6, rtol=1e-5)


def test_occlusion_order_and_stop_rule():
    """Gaussians centred on a 1-pixel image (alpha = min(0.99, opacity)): depth order decides, not
    input order; alpha is clamped at 0.99; a Gaussian that would bring T below 1e-4 is left out."""
    K = torch.tensor([[[10.0, 0, 0.5], [0, 10.0, 0.5], [0, 0, 1]]])
    q = torch.tensor([[1.0, 0, 0, 0]]).repeat(3, 1)
    s = torch.full((3, 3), 0.5)
    cols = torch.eye(3)
    means = torch.tensor([[0, 0, 3.0], [0, 0, 2.0], [0, 0, 4.0]])
    opac = torch.tensor([0.9, 1.0, 1.0])  # the front one clamps to 0.99
    for backend in ("cpu", "torch", "reference"):
        out = rasterize(means[:2], q[:2], s[:2], opac[:2], cols[:2], torch.eye(4)[None], K, 1, 1, backend=backend)
        w = torch.tensor([0.01 * 0.9, 0.99])  # weights of the back (red) and front (green) one
        torch.testing.assert_close(out.rgb[0, 0, 0], torch.tensor([w[0], w[1], 0]))
        torch.testing.assert_close(out.alpha[0, 0, 0], w.sum())
        torch.testing.assert_close(out.depth[0, 0, 0], (w[0] * 3 + w[1] * 2) / w.sum())
        # a third, behind: T would go from 1e-3 to 1e-5 < 1e-4, so it is left out
        out3 = rasterize(means, q, s, opac, cols, torch.eye(4)[None], K, 1, 1, backend=backend)
        for a, b in zip(out3, out):
            torch.testing.assert_close(a, b)


def test_nothing_visible():
    params, viewmats, Ks = random_scene(n=50, cams=2)
    params[0] = params[0] * torch.tensor([1.0, 1.0, 0.0]) - torch.tensor([0, 0, 5.0])  # all behind
    for backend in ("cpu", "torch"):
        out, grads = _run(rasterize, params, viewmats, Ks, backend=backend, bg=torch.tensor([0.1, 0.2, 0.3]))
        assert out.alpha.abs().max() == 0 and out.depth.abs().max() == 0
        torch.testing.assert_close(out.rgb, torch.tensor([0.1, 0.2, 0.3]).expand_as(out.rgb))
        assert all(g.abs().max() == 0 for g in grads)


def test_backward_is_deterministic():
    params, viewmats, Ks = random_scene(n=300, cams=2, seed=4)
    _, g1 = _run(rasterize, params, viewmats, Ks, backend="cpu")
    _, g2 = _run(rasterize, params, viewmats, Ks, backend="cpu")
    assert all(torch.equal(a, b) for a, b in zip(g1, g2))


def test_batch_dimension_background_and_features():
    params, viewmats, Ks = random_scene(n=120, cams=2)
    params2, viewmats2, _ = random_scene(n=120, cams=2, seed=5)
    bg = torch.tensor([[0.1, 0.2, 0.3], [0.9, 0.8, 0.7]])  # per camera
    batched = rasterize(*(torch.stack([p, q]) for p, q in zip(params, params2)), torch.stack([viewmats, viewmats2]),
                        torch.stack([Ks, Ks]), 48, 32, background=bg)
    for b, (p, v) in enumerate(((params, viewmats), (params2, viewmats2))):
        single = rasterize(*p, v, Ks, 48, 32, background=bg)
        for a, s in zip(batched, single):
            assert a.shape[0] == 2
            torch.testing.assert_close(a[b], s)
    # F-channel features render like colours
    feats = torch.rand(120, 5)
    out5 = rasterize(*params[:4], feats, viewmats, Ks, 48, 32)
    out3 = rasterize(*params[:4], feats[:, 1:4], viewmats, Ks, 48, 32)
    assert out5.rgb.shape == (2, 32, 48, 5)
    torch.testing.assert_close(out5.rgb[..., 1:4], out3.rgb)


def test_input_errors_and_dtypes():
    params, viewmats, Ks = random_scene(n=60, cams=2)
    with pytest.raises(CvdError, match="quats has shape"):
        rasterize(params[0], params[1][:5], *params[2:], viewmats, Ks, 48, 32)
    with pytest.raises(CvdError, match="viewmats"):
        rasterize(*params, viewmats[:, :3], Ks, 48, 32)
    with pytest.raises(CvdError, match="unknown rasteriser backend"):
        rasterize(*params, viewmats, Ks, 48, 32, backend="opengl")
    half = rasterize(*(p.to(torch.bfloat16) for p in params), viewmats, Ks, 48, 32)
    full = rasterize(*params, viewmats, Ks, 48, 32)
    assert half.rgb.dtype == torch.bfloat16
    torch.testing.assert_close(half.alpha.float(), full.alpha, atol=0.05, rtol=0)


def test_gaussians_container_and_viewmats():
    from cvdstorm.geometry import invert_pose, make_pose, quat_to_rotmat

    params, viewmats, Ks = random_scene(n=80, cams=2)
    g = Gaussians(*params, velocities=torch.ones(80, 3))
    assert len(g) == 80 and len(g.select(torch.arange(80) < 10)) == 10
    torch.testing.assert_close(g.moved(0.5).means, params[0] + 0.5)
    c2w = make_pose(quat_to_rotmat(torch.tensor([0.9, 0.1, -0.3, 0.2])), torch.tensor([1.0, -2.0, 0.5]))
    torch.testing.assert_close(viewmats_from_cam_to_world(c2w), invert_pose(c2w))


def test_fit_image_psnr_above_30db():
    """Optimising a few thousand Gaussians to a synthetic image reaches > 30 dB."""
    torch.manual_seed(0)
    H, W = 32, 48
    v, u = torch.meshgrid(torch.linspace(0, 1, H), torch.linspace(0, 1, W), indexing="ij")
    target = torch.stack([0.5 + 0.4 * torch.sin(6 * u), 0.5 + 0.4 * torch.cos(5 * v), (u * v) ** 0.5], -1)
    target[(u - 0.6) ** 2 + (v - 0.4) ** 2 < 0.05] = torch.tensor([0.9, 0.2, 0.1])
    n = 3072  # two Gaussians per pixel on a plane at z = 2
    f = 40.0
    vv, uu = torch.meshgrid(torch.arange(H) + 0.5, torch.arange(W) + 0.5, indexing="ij")
    xy = torch.stack([(uu - W / 2) / f * 2, (vv - H / 2) / f * 2], -1).reshape(-1, 2).repeat(2, 1)
    xy = xy + 0.02 * torch.randn_like(xy)
    means = torch.cat([xy, torch.full((n, 1), 2.0)], 1).requires_grad_()
    log_s = torch.full((n, 3), math.log(0.03)).requires_grad_()
    quats = torch.tensor([[1.0, 0, 0, 0]]).repeat(n, 1).requires_grad_()
    logit_o = torch.zeros(n).requires_grad_()
    logit_c = torch.zeros(n, 3).requires_grad_()
    Ks = torch.tensor([[[f, 0, W / 2], [0, f, H / 2], [0, 0, 1]]])
    opt = torch.optim.Adam([means, log_s, quats, logit_o, logit_c], lr=0.02)
    for _ in range(250):
        out = rasterize(means, quats, log_s.exp(), logit_o.sigmoid(), logit_c.sigmoid(), torch.eye(4)[None], Ks, W, H)
        loss = ((out.rgb[0] - target) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    psnr = -10 * math.log10(loss.item())
    assert psnr > 30, psnr


def _fake_gsplat(calls):
    """A stand-in `gsplat` module whose `rasterization` follows gsplat's documented signature and
    outputs, computed with our dense reference (checks our argument and output conversion)."""

    def rasterization(means, quats, scales, opacities, colors, viewmats, Ks, width, height, near_plane=0.01,
                      far_plane=1e10, radius_clip=0.0, eps2d=0.3, sh_degree=None, packed=True, tile_size=16,
                      backgrounds=None, render_mode="RGB", sparse_grad=False, absgrad=False,
                      rasterize_mode="classic", channel_chunk=32, distributed=False, camera_model="pinhole",
                      **kwargs):
        assert means.ndim == 2 and viewmats.ndim == 3 and colors.shape == (means.shape[0], 3) and not kwargs
        calls.append(dict(eps2d=eps2d, render_mode=render_mode, rasterize_mode=rasterize_mode,
                          camera_model=camera_model, near=near_plane, far=far_plane, sh_degree=sh_degree,
                          backgrounds=backgrounds))
        out = render_reference(means, quats, scales, opacities, colors, viewmats, Ks, width, height, near_plane,
                               far_plane)
        ed = torch.where(out.alpha > 0, out.depth, 0.0)  # gsplat's ED: accumulated depth / alpha
        return torch.cat([out.rgb, ed[..., None]], -1), out.alpha[..., None], {}

    return types.SimpleNamespace(rasterization=rasterization, __version__="fake")


def test_gsplat_dispatch_plumbing(monkeypatch):
    """backend='gsplat' converts arguments and outputs correctly, batched or not (the stand-in runs on
    the CPU; the real CUDA kernel is only checked on a GPU machine)."""
    calls = []
    monkeypatch.setitem(sys.modules, "gsplat", _fake_gsplat(calls))
    params, viewmats, Ks = random_scene(n=150, cams=2)
    bg = torch.tensor([0.3, 0.3, 0.3])
    a = rasterize(*params, viewmats, Ks, 48, 32, near=0.2, background=bg, backend="gsplat")
    b = render_reference(*params, viewmats, Ks, 48, 32, near=0.2, background=bg)
    assert calls == [dict(eps2d=0.3, render_mode="RGB+ED", rasterize_mode="classic", camera_model="pinhole",
                          near=0.2, far=1e10, sh_degree=None, backgrounds=None)]
    for x, y in zip(a, b):
        torch.testing.assert_close(x, y, atol=1e-5, rtol=1e-5)
    batched = rasterize(*(torch.stack([p, p]) for p in params), torch.stack([viewmats] * 2), torch.stack([Ks] * 2),
                        48, 32, near=0.2, background=bg, backend="gsplat")
    assert len(calls) == 3
    for x, y in zip(batched, b):
        torch.testing.assert_close(x[1], y, atol=1e-5, rtol=1e-5)


def test_auto_backend_choice(monkeypatch):
    from cvdstorm.render.backends import pick_backend

    cpu = torch.zeros(1)
    assert pick_backend("auto", cpu) == "cpu"
    monkeypatch.setitem(sys.modules, "gsplat", _fake_gsplat([]))
    assert pick_backend("auto", cpu) == "cpu"  # gsplat only for CUDA tensors
    meta = torch.zeros(1, device="meta")
    assert pick_backend("auto", meta) == "torch"
    with pytest.raises(CvdError, match="needs CPU tensors"):
        pick_backend("cpu", meta)
    monkeypatch.setitem(sys.modules, "gsplat", None)  # import fails
    with pytest.raises(CvdError, match="not importable"):
        pick_backend("gsplat", cpu)


def test_no_compiler_falls_back_to_pytorch(monkeypatch, tmp_path):
    """Without a compiler the kernel cannot be built: one warning, then the PyTorch compositor."""
    monkeypatch.setenv("CXX", str(tmp_path / "no-such-compiler"))
    monkeypatch.setenv("CVDSTORM_BUILD_DIR", str(tmp_path / "build"))
    monkeypatch.setattr(kernel, "_kernel", None)
    monkeypatch.setattr(kernel, "_failed", None)
    params, viewmats, Ks = random_scene(n=100, cams=1)
    with pytest.warns(UserWarning, match="C\\+\\+ rasteriser unavailable"):
        out = rasterize(*params, viewmats, Ks, 48, 32)
    assert "no C++ compiler" in kernel.status()
    ref = render_reference(*params, viewmats, Ks, 48, 32)
    for a, b in zip(out, ref):
        torch.testing.assert_close(a, b, atol=1e-4, rtol=0)


def test_kernel_is_built_and_loaded():
    """Where a compiler exists the kernel builds and loads (else CI would silently test only the fallback)."""
    if kernel.compiler() is None:
        pytest.skip("no C++ compiler on this machine: rasterize uses the PyTorch compositor")
    assert kernel.status() == "ready"
