"""Control fidelity: a small semantic segmenter trained on the synthetic world, and per-class IoU.

In:  a nuScenes-format synthetic dataroot with `semantic/CAM_*/<file>.png` masks (docs/DATA.md
     classes: 0 sky, 1 road, 2 lane marking, 3 vehicle, 4 pedestrian, 5 building, 6 vegetation,
     7 sidewalk/ground); at evaluation, generated frames `[..., 3, H, W]` in [-1, 1] and the
     ground-truth masks `[..., H, W]` of the controls they were generated from.
Out: `train_segmenter` writes `OUT/model.safetensors` + `OUT/segmenter.json` (architecture, input
     size, class names, training log); `segment` gives labels `[..., H, W]`; `miou` / `ConfusionMatrix`
     give per-class IoU (NaN for classes absent from both prediction and ground truth) and their mean.

The network is a 4-level UNet (about 130k parameters at width 16) that trains on 2 CPU cores in a
few minutes (about 0.15 s per step of 8 frames at 64x112 on 2 idle cores). Training is
deterministic on a given machine and thread count: a fixed seed drives the initialisation, the
batch order and the flips, and the data are read in sorted order. Inputs are resized to the training size and the
labels resized back (nearest), so one model serves every generation resolution.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from .. import CAMERAS
from ..errors import CvdError

CLASS_NAMES = ("sky", "road", "lane_marking", "vehicle", "pedestrian", "building", "vegetation", "ground")
NUM_CLASSES = len(CLASS_NAMES)
WEIGHTS_FILE, META_FILE = "model.safetensors", "segmenter.json"
# Shipped weights (trained on a synthetic world by `cvdstorm train-seg`; the command and its mIoU are
# in cvdstorm/weights/segmenter/README.md), used when no path is given.
DEFAULT_WEIGHTS = Path(__file__).resolve().parents[1] / "weights" / "segmenter"


# ----------------------------------------------------------------------------------- metric
class ConfusionMatrix:
    """Streaming confusion matrix [C, C] (rows: ground truth, columns: prediction)."""

    def __init__(self, num_classes: int = NUM_CLASSES, ignore_index: int | None = None):
        self.num_classes, self.ignore_index = num_classes, ignore_index
        self.matrix = np.zeros((num_classes, num_classes), np.int64)

    def update(self, pred, gt) -> "ConfusionMatrix":
        p = _np_int(pred).ravel()
        g = _np_int(gt).ravel()
        if p.shape != g.shape:
            raise CvdError(f"mIoU: prediction and ground truth differ in size ({p.size} vs {g.size} pixels)")
        keep = (g >= 0) & (g < self.num_classes)
        if self.ignore_index is not None:
            keep &= g != self.ignore_index
        p, g = p[keep], g[keep]
        if p.size and (p.min() < 0 or p.max() >= self.num_classes):
            raise CvdError(f"mIoU: predicted labels must be in [0, {self.num_classes}), got {p.min()}..{p.max()}")
        self.matrix += np.bincount(g * self.num_classes + p, minlength=self.num_classes ** 2).reshape(
            self.num_classes, self.num_classes)
        return self

    def iou(self) -> np.ndarray:
        """[C] IoU per class; NaN where the class is in neither prediction nor ground truth."""
        tp = np.diag(self.matrix).astype(np.float64)
        union = self.matrix.sum(0) + self.matrix.sum(1) - tp
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(union > 0, tp / union, np.nan)

    def result(self, class_names=CLASS_NAMES) -> dict:
        iou = self.iou()
        names = list(class_names) if len(class_names) == self.num_classes else [str(i) for i in range(self.num_classes)]
        total = self.matrix.sum()
        return {"miou": float(np.nanmean(iou)) if np.isfinite(iou).any() else float("nan"),
                "pixel_accuracy": float(np.trace(self.matrix) / total) if total else float("nan"),
                "iou": {n: (None if np.isnan(v) else float(v)) for n, v in zip(names, iou)},
                "pixels": int(total)}


def _np_int(a) -> np.ndarray:
    a = a.detach().cpu().numpy() if hasattr(a, "detach") else np.asarray(a)
    return a.astype(np.int64)


def miou(pred, gt, num_classes: int = NUM_CLASSES, ignore_index: int | None = None) -> dict:
    """Per-class IoU over all given pixels (label arrays of equal size) and their mean over present classes."""
    return ConfusionMatrix(num_classes, ignore_index).update(pred, gt).result()


# ---------------------------------------------------------------------------------- network
def _block(cin: int, cout: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.GroupNorm(4, cout), nn.SiLU(),
                         nn.Conv2d(cout, cout, 3, padding=1), nn.GroupNorm(4, cout), nn.SiLU())


class SegNet(nn.Module):
    """[B, 3, H, W] in [-1, 1] -> logits [B, C, H, W]; a 4-level UNet (any H, W: padded to /8).

    Channels double per level from `width` / 2 at full resolution: the full-resolution convolutions
    dominate CPU time, so they are the narrowest; the 1/8 level gives the context (sky vs building).
    """

    def __init__(self, num_classes: int = NUM_CLASSES, width: int = 16):
        super().__init__()
        c = [width // 2, width, 2 * width, 4 * width]
        self.enc = nn.ModuleList([_block(3, c[0]), _block(c[0], c[1]), _block(c[1], c[2]), _block(c[2], c[3])])
        self.dec = nn.ModuleList([_block(c[1] + c[0], c[0]), _block(c[2] + c[1], c[1]), _block(c[3] + c[2], c[2])])
        self.head = nn.Conv2d(c[0], num_classes, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        H, W = x.shape[-2:]
        x = F.pad(x, (0, (-W) % 8, 0, (-H) % 8), mode="replicate")
        skips = []
        for i, enc in enumerate(self.enc):                                 # [B, c_i, H/2^i, W/2^i]
            x = enc(x if i == 0 else F.max_pool2d(x, 2))
            skips.append(x)
        for i in (2, 1, 0):
            up = F.interpolate(x, scale_factor=2.0, mode="bilinear", align_corners=False)
            x = self.dec[i](torch.cat([up, skips[i]], 1))
        return self.head(x)[..., :H, :W]


# ------------------------------------------------------------------------------------- data
def semantic_path(root: Path, image_file: Path, camera: str) -> Path:
    """samples/CAM_X/<name>.jpg -> semantic/CAM_X/<name>.png (docs/DATA.md)."""
    return Path(root) / "semantic" / camera / (Path(image_file).stem + ".png")


def load_frames(dataroot, version: str = "v1.0-synth", split: str = "train", height: int = 64,
                width: int = 112) -> tuple[np.ndarray, np.ndarray]:
    """Every keyframe camera image of the split with its mask: uint8 [N, H, W, 3], uint8 [N, H, W]."""
    from PIL import Image

    from ..data.nuscenes import NuScenesReader
    from ..io import read_image

    r = NuScenesReader(dataroot, version)
    names = r.scene_names(split) if (split != "all" and r.splits is not None) else r.scene_names("all")
    imgs, masks = [], []
    for name in sorted(names):
        for s in r.scene_samples(r.scene(name)):
            for cam in CAMERAS:
                c = r.camera(s, cam)
                sp = semantic_path(r.root, c.filename, cam)
                if not sp.is_file():
                    raise CvdError(f"missing semantic mask {sp}: segmentation training needs the synthetic "
                                   "world's semantic/ folder (real nuScenes has none)")
                im = Image.fromarray(read_image(c.filename, f"{cam} image")).convert("RGB")
                imgs.append(np.asarray(im.resize((width, height), Image.BILINEAR)))
                m = read_image(sp, "semantic mask")
                masks.append(resize_labels(m, height, width))
    if not imgs:
        raise CvdError(f"no frames found in {dataroot} ({version}, split {split!r})")
    return np.stack(imgs), np.stack(masks)


def resize_labels(m: np.ndarray, H: int, W: int) -> np.ndarray:
    """Nearest resize of a label map: the source pixel under each target pixel centre."""
    h0, w0 = m.shape[-2:]
    rows = np.minimum(((np.arange(H) + 0.5) * h0 / H).astype(np.int64), h0 - 1)
    cols = np.minimum(((np.arange(W) + 0.5) * w0 / W).astype(np.int64), w0 - 1)
    return m[..., rows[:, None], cols[None, :]]


# --------------------------------------------------------------------------------- training
def train_segmenter(dataroot, out, steps: int = 1500, version: str = "v1.0-synth", split: str = "train",
                    height: int = 64, width: int = 112, batch_size: int = 8, lr: float = 3e-3,
                    net_width: int = 16, seed: int = 0, progress: bool = True, frames=None,
                    overwrite: bool = False) -> dict:
    """Train SegNet on the dataroot's frames and masks; write OUT/model.safetensors + OUT/segmenter.json.

    `frames` may pass pre-loaded (images uint8 [N, H, W, 3], masks [N, H, W]) instead of reading.
    Returns the metadata written (including the final training loss and mIoU on the training frames).
    An existing OUT is replaced only with `overwrite` and only when it holds a segmenter.
    """
    from ..io import OutputFolder

    with OutputFolder(out) as writer:  # one writer; the folder is published whole after training
        writer.check(overwrite, lambda d: (d / META_FILE).is_file(), "a segmenter folder (no segmenter.json)")
        return _train_segmenter(dataroot, writer, steps, version, split, height, width, batch_size, lr, net_width,
                                seed, progress, frames)


def _train_segmenter(dataroot, writer, steps: int, version: str, split: str, height: int, width: int,
                     batch_size: int, lr: float, net_width: int, seed: int, progress: bool, frames) -> dict:
    from safetensors.torch import save_model
    from tqdm.auto import tqdm

    from ..io import usual_mode, write_json

    if steps < 1 or batch_size < 1:
        raise CvdError(f"train-seg: --steps and --batch-size must be positive (got {steps}, {batch_size})")
    imgs, masks = frames if frames is not None else load_frames(dataroot, version, split, height, width)
    height, width = imgs.shape[1:3]
    x_all = torch.from_numpy(imgs).permute(0, 3, 1, 2).contiguous()                # uint8 [N, 3, H, W]
    y_all = torch.from_numpy(masks.astype(np.int64))                               # [N, H, W]
    # rare classes (pedestrians are < 1 % of pixels) get more weight: 1 / sqrt(frequency), mean 1
    freq = torch.bincount(y_all.flatten(), minlength=NUM_CLASSES).double() / y_all.numel()
    weight = torch.where(freq > 0, freq.clamp(min=1e-4).rsqrt(), torch.zeros_like(freq))
    weight = (weight / weight[freq > 0].mean()).float()                            # [C]
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    net = SegNet(NUM_CLASSES, net_width)
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=1e-4)
    warm = max(1, steps // 20)
    log, t0 = [], time.time()
    net.train()
    for step in tqdm(range(steps), desc="train-seg", disable=not progress):
        for group in opt.param_groups:  # linear warm-up, cosine decay to 1 % of lr
            group["lr"] = lr * (step + 1) / warm if step < warm else \
                lr * (0.01 + 0.99 * 0.5 * (1 + math.cos(math.pi * (step - warm) / max(1, steps - warm))))
        idx = torch.randint(len(x_all), (batch_size,), generator=g)
        x = x_all[idx].float() / 127.5 - 1                                         # [b, 3, H, W]
        y = y_all[idx]                                                             # [b, H, W]
        flip = torch.rand(batch_size, generator=g) < 0.5  # left-right flips keep the semantics
        x[flip], y[flip] = x[flip].flip(-1), y[flip].flip(-1)
        loss = F.cross_entropy(net(x), y, weight=weight)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        if step % 50 == 0 or step == steps - 1:
            log.append({"step": step, "loss": float(loss.detach())})
    net.eval()
    cm = ConfusionMatrix()
    with torch.inference_mode():
        for i in range(0, len(x_all), 32):
            cm.update(net(x_all[i:i + 32].float() / 127.5 - 1).argmax(1), y_all[i:i + 32])
    res = cm.result()
    meta = {"num_classes": NUM_CLASSES, "class_names": list(CLASS_NAMES), "width": net_width,
            "input_size": [height, width], "steps": steps, "batch_size": batch_size, "lr": lr, "seed": seed,
            "class_weights": [round(float(w), 4) for w in weight],
            "dataroot": str(dataroot), "version": version, "split": split, "train_frames": len(x_all),
            "train_miou": res["miou"], "train_iou": res["iou"], "train_pixel_accuracy": res["pixel_accuracy"],
            "seconds": round(time.time() - t0, 1), "log": log}
    tmp = writer.temp()
    save_model(net, str(tmp / WEIGHTS_FILE))
    usual_mode(tmp / WEIGHTS_FILE)  # safetensors writes 0600
    write_json(tmp / META_FILE, meta)
    writer.publish()
    return meta


# ------------------------------------------------------------------------------- inference
class Segmenter:
    """A trained SegNet with its input size: `Segmenter.load(path)(images)` -> labels."""

    def __init__(self, net: SegNet, input_size: tuple[int, int], meta: dict | None = None):
        self.net, self.input_size, self.meta = net.eval(), tuple(input_size), meta or {}

    @classmethod
    def load(cls, path: str | Path | None = None, device: str | torch.device = "cpu") -> "Segmenter":
        from safetensors.torch import load_model

        from ..io import read_json

        path = Path(path) if path else DEFAULT_WEIGHTS
        if path.is_file():
            path = path.parent
        if not (path / WEIGHTS_FILE).is_file():
            raise CvdError(f"no segmenter weights at {path / WEIGHTS_FILE}; train them with "
                           f"`cvdstorm train-seg --dataroot DATA --out {path}`")
        meta = read_json(path / META_FILE, "segmenter metadata")
        net = SegNet(int(meta["num_classes"]), int(meta["width"]))
        try:
            load_model(net, str(path / WEIGHTS_FILE), device=str(device))
        except Exception as e:  # safetensors raises several types for bad files
            raise CvdError(f"corrupt segmenter weights {path / WEIGHTS_FILE} ({e}); retrain with train-seg") from None
        return cls(net.to(device), meta["input_size"], meta)

    @torch.inference_mode()
    def __call__(self, images, batch_size: int = 32) -> torch.Tensor:
        """float images [..., 3, H, W] in [-1, 1] -> int64 labels [..., H, W]."""
        x = torch.as_tensor(images)
        if x.ndim < 3 or x.shape[-3] != 3:
            raise CvdError(f"segment: images must be [..., 3, H, W] in [-1, 1], got {tuple(x.shape)}")
        lead, (H, W) = x.shape[:-3], x.shape[-2:]
        x = x.reshape(-1, 3, H, W).float()
        dev = next(self.net.parameters()).device
        out = []
        for i in range(0, len(x), batch_size):
            b = x[i:i + batch_size].to(dev)
            if (H, W) != self.input_size:
                b = F.interpolate(b, size=self.input_size, mode="bilinear", align_corners=False, antialias=True)
            lab = self.net(b).argmax(1)                                           # [b, h, w]
            if (H, W) != self.input_size:
                lab = torch.from_numpy(resize_labels(lab.cpu().numpy(), H, W))
            out.append(lab.cpu())
        return torch.cat(out).reshape(*lead, H, W)


def control_fidelity(segmenter: Segmenter, images, gt_masks, class_names=CLASS_NAMES) -> dict:
    """mIoU of the segmenter's labels on (generated) images [..., 3, H, W] vs masks [..., H, W]."""
    return ConfusionMatrix(len(class_names)).update(segmenter(images), gt_masks).result(class_names)
