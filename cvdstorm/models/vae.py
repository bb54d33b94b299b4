"""The image VAE of STORM-VAE: `diffusers.AutoencoderKL` in the SD3.5 layout.

In:  images [N, 3, H, W] in [-1, 1] (H, W multiples of 8).
Out: `encode` -> (mean, logvar) of the *normalised* latent `z = (mu - shift) * scale`,
     each [N, 16, H/8, W/8]; `decode(z)` -> images [N, 3, H, W] (unclamped, ~[-1, 1]).
Every frame of every camera is encoded on its own (no temporal compression), as in SD3.5.

`build_vae(cfg)` builds it from a `VAEConfig`; the `paper` preset is exactly SD3.5's VAE, and
`load_pretrained_vae(vae, path)` reads a local SD3.5 `vae/` folder, a diffusers safetensors file
or an original (LDM-format, `first_stage_model.`) single-file checkpoint with no missing or
unexpected keys.
"""

from __future__ import annotations

from pathlib import Path

import torch
from diffusers import AutoencoderKL
from torch import nn

from ..config import VAEConfig
from ..errors import CvdError


class VAE(nn.Module):
    """AutoencoderKL plus SD3.5's latent normalisation. Weights live in `self.ae` (diffusers keys)."""

    def __init__(self, cfg: VAEConfig):
        super().__init__()
        self.cfg = cfg
        n = len(cfg.block_out_channels)
        self.ae = AutoencoderKL(
            in_channels=3, out_channels=3, latent_channels=cfg.latent_channels,
            down_block_types=("DownEncoderBlock2D",) * n, up_block_types=("UpDecoderBlock2D",) * n,
            block_out_channels=tuple(cfg.block_out_channels), layers_per_block=cfg.layers_per_block,
            norm_num_groups=cfg.norm_num_groups, act_fn="silu", mid_block_add_attention=cfg.mid_block_add_attention,
            scaling_factor=cfg.scaling_factor, shift_factor=cfg.shift_factor, force_upcast=True,
            use_quant_conv=False, use_post_quant_conv=False, sample_size=1024,
        )
        self.downsample = 2 ** (n - 1)

    def encode(self, images: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """[N, 3, H, W] -> normalised (mean, logvar), each [N, C, H/8, W/8]."""
        H, W = images.shape[-2:]
        if H % self.downsample or W % self.downsample:
            raise CvdError(f"VAE input size {H}x{W} must be a multiple of {self.downsample}")
        moments = self.ae.encoder(images)  # [N, 2C, h, w]
        mean, logvar = moments.chunk(2, dim=1)
        logvar = logvar.clamp(-30.0, 20.0)  # as diffusers' DiagonalGaussianDistribution
        scale = self.cfg.scaling_factor
        # z = (mu - shift) * scale: the normalised latent's log-variance shifts by 2 log(scale)
        return (mean - self.cfg.shift_factor) * scale, logvar + 2 * torch.log(torch.tensor(scale))

    @staticmethod
    def sample(mean: torch.Tensor, logvar: torch.Tensor, generator: torch.Generator | None = None) -> torch.Tensor:
        eps = torch.randn(mean.shape, generator=generator, device=mean.device, dtype=mean.dtype)
        return mean + torch.exp(0.5 * logvar) * eps

    def decode(self, z: torch.Tensor) -> torch.Tensor:
        """Normalised latents [N, C, h, w] -> images [N, 3, 8h, 8w]."""
        return self.ae.decoder(z / self.cfg.scaling_factor + self.cfg.shift_factor)

    def kl(self, mean: torch.Tensor, logvar: torch.Tensor) -> torch.Tensor:
        """KL(q(z|x) || N(0, I)) of the *raw* posterior (as SD/LDM), summed per image, mean over images."""
        scale = self.cfg.scaling_factor
        mu = mean / scale + self.cfg.shift_factor
        lv = logvar - 2 * torch.log(torch.tensor(scale))
        return 0.5 * (mu.pow(2) + lv.exp() - 1.0 - lv).flatten(1).sum(1).mean()


def build_vae(cfg: VAEConfig) -> VAE:
    vae = VAE(cfg)
    if cfg.pretrained:
        load_pretrained_vae(vae, cfg.pretrained)
    return vae


def read_vae_state_dict(path: str | Path) -> dict[str, torch.Tensor]:
    """A diffusers VAE state dict from a `vae/` folder, a diffusers safetensors file, or an LDM file."""
    from safetensors.torch import load_file

    path = Path(path)
    if path.is_dir():
        for name in ("diffusion_pytorch_model.safetensors", "vae/diffusion_pytorch_model.safetensors"):
            if (path / name).is_file():
                path = path / name
                break
        else:
            raise CvdError(f"{path} holds no diffusion_pytorch_model.safetensors (expected an SD3.5 vae/ folder)")
    if not path.is_file():
        raise CvdError(f"missing VAE weights: {path} does not exist")
    try:
        sd = load_file(str(path))
    except Exception as e:  # safetensors raises several types for truncated/corrupt files
        raise CvdError(f"corrupt VAE weights {path}: {e}") from None
    if any(k.startswith("first_stage_model.") or k.startswith("encoder.down.") for k in sd):
        # original SD3 single-file layout: convert with diffusers' own key map
        from diffusers.loaders.single_file_utils import convert_ldm_vae_checkpoint

        n = sum(1 for k in sd if k.endswith(".downsample.conv.weight") and "encoder.down." in k) + 1
        sd = convert_ldm_vae_checkpoint(sd, {"down_block_types": ("DownEncoderBlock2D",) * n,
                                             "up_block_types": ("UpDecoderBlock2D",) * n,
                                             "layers_per_block": 2})
    elif all(k.startswith("vae.") for k in sd):
        sd = {k[4:]: v for k, v in sd.items()}
    return sd


def load_pretrained_vae(vae: VAE, path: str | Path) -> None:
    """Load SD3.5 VAE weights into `vae.ae`; any missing or unexpected key is an error."""
    sd = read_vae_state_dict(path)
    own = vae.ae.state_dict()
    missing, unexpected = sorted(set(own) - set(sd)), sorted(set(sd) - set(own))
    if missing or unexpected:
        raise CvdError(f"VAE weights {path} do not fit this VAE: {len(missing)} missing keys {missing[:4]}, "
                       f"{len(unexpected)} unexpected keys {unexpected[:4]}; use the `paper` VAE preset for SD3.5")
    bad = [k for k in own if own[k].shape != sd[k].shape]
    if bad:
        raise CvdError(f"VAE weights {path}: shape mismatch at {bad[:4]}; use the `paper` VAE preset for SD3.5")
    # a VAE built on the meta device (no init cost) takes the loaded tensors as its parameters
    meta = any(p.is_meta for p in vae.ae.parameters())
    vae.ae.load_state_dict({k: v.to(own[k].dtype) for k, v in sd.items()}, strict=True, assign=meta)
