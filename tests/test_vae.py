"""The SD3.5-layout VAE: normalisation against diffusers' own API, presets, loading SD3.5 weights."""

import pytest
import torch
from diffusers import AutoencoderKL
from safetensors.torch import save_file

from cvdstorm.config import VAEConfig
from cvdstorm.errors import CvdError
from cvdstorm.models.vae import build_vae, load_pretrained_vae

# stabilityai/stable-diffusion-3.5-*/vae/config.json
SD35_VAE = dict(in_channels=3, out_channels=3, latent_channels=16, block_out_channels=[128, 256, 512, 512],
                down_block_types=["DownEncoderBlock2D"] * 4, up_block_types=["UpDecoderBlock2D"] * 4,
                layers_per_block=2, norm_num_groups=32, act_fn="silu", sample_size=1024, scaling_factor=1.5305,
                shift_factor=0.0609, force_upcast=True, use_quant_conv=False, use_post_quant_conv=False,
                mid_block_add_attention=True, latents_mean=None, latents_std=None)


def test_tiny_round_trip_matches_diffusers_api():
    torch.manual_seed(0)
    vae = build_vae(VAEConfig.from_preset("tiny")).eval()
    x = torch.rand(2, 3, 32, 56) * 2 - 1
    mean, logvar = vae.encode(x)
    assert mean.shape == logvar.shape == (2, 16, 4, 7)
    post = vae.ae.encode(x).latent_dist  # diffusers' own posterior: raw (un-normalised) latents
    s, sh = vae.cfg.scaling_factor, vae.cfg.shift_factor
    torch.testing.assert_close(mean, (post.mean - sh) * s)
    torch.testing.assert_close(vae.decode(mean), vae.ae.decode(post.mean).sample)
    torch.testing.assert_close(vae.kl(mean, logvar), post.kl().mean(), rtol=1e-4, atol=1e-3)
    # sampling in normalised space has the normalised variance (std scaled by `scale`)
    g = torch.Generator().manual_seed(0)
    z = vae.sample(mean, logvar, g)
    torch.testing.assert_close(z, (post.mean + post.std * torch.randn(mean.shape, generator=torch.Generator().manual_seed(0)) - sh) * s)
    with pytest.raises(CvdError):
        vae.encode(torch.zeros(1, 3, 30, 56))


def test_paper_preset_is_exactly_sd35():
    with torch.device("meta"):
        ours = build_vae(VAEConfig.from_preset("paper")).ae
        ref = AutoencoderKL(**SD35_VAE)
    a = {k: tuple(v.shape) for k, v in ours.state_dict().items()}
    b = {k: tuple(v.shape) for k, v in ref.state_dict().items()}
    assert a == b
    assert sum(p.numel() for p in ours.parameters()) == 83_819_683  # 83.82M as the design note says
    assert ours.config.scaling_factor == 1.5305 and ours.config.shift_factor == 0.0609


@pytest.fixture(scope="module")
def sd35_state_dict():
    """A random state dict with SD3.5's exact keys and shapes (built on the meta device, filled here)."""
    with torch.device("meta"):
        ref = AutoencoderKL(**SD35_VAE)
    return {k: torch.full(v.shape, (i % 97) * 1e-3, dtype=torch.float16) for i, (k, v) in enumerate(ref.state_dict().items())}


def test_load_sd35_vae_folder_and_file(tmp_path, sd35_state_dict):
    folder = tmp_path / "sd35" / "vae"
    folder.mkdir(parents=True)
    save_file(sd35_state_dict, str(folder / "diffusion_pytorch_model.safetensors"))
    with torch.device("meta"):  # no random init: the loaded tensors become the parameters
        vae = build_vae(VAEConfig.from_preset("paper", pretrained=str(folder)))
    sd = vae.ae.state_dict()
    assert not any(v.is_meta for v in sd.values())
    for k in ("encoder.conv_in.weight", "decoder.mid_block.attentions.0.to_q.weight", "decoder.conv_out.bias"):
        torch.testing.assert_close(sd[k], sd35_state_dict[k].float())
    # a single safetensors file with a "vae." prefix (as some exports write it) loads too
    prefixed = {f"vae.{k}": v for k, v in sd35_state_dict.items()}
    save_file(prefixed, str(tmp_path / "vae_prefixed.safetensors"))
    load_pretrained_vae(vae, tmp_path / "vae_prefixed.safetensors")
    # a wrong-size VAE refuses with a clear message instead of loading partially
    with pytest.raises(CvdError, match="do not fit|shape mismatch"):
        load_pretrained_vae(build_vae(VAEConfig.from_preset("tiny")), folder)
    bad = dict(sd35_state_dict)
    bad.pop("encoder.conv_in.bias")
    save_file(bad, str(tmp_path / "missing.safetensors"))
    with pytest.raises(CvdError, match="1 missing"):
        load_pretrained_vae(vae, tmp_path / "missing.safetensors")
    with pytest.raises(CvdError, match="does not exist"):
        load_pretrained_vae(vae, tmp_path / "nowhere.safetensors")
