import numpy as np

from cvdstorm import CAMERAS
from cvdstorm.images import caption_bar, colorize_depth, tile_rig, to_uint8


def test_tile_rig_layout():
    views = np.zeros((6, 4, 5, 3), np.uint8)
    for i in range(6):
        views[i] = i
    m = tile_rig(views)
    assert m.shape == (8, 15, 3)
    grid = m[::4, ::5, 0]
    names = [[CAMERAS[v] for v in row] for row in grid]
    assert names == [["CAM_FRONT_LEFT", "CAM_FRONT", "CAM_FRONT_RIGHT"],
                     ["CAM_BACK_LEFT", "CAM_BACK", "CAM_BACK_RIGHT"]]


def test_colorize_depth_monotone_and_unknown_black():
    d = np.array([[0.0, 1.0, 5.0, 80.0, 200.0]])
    c = colorize_depth(d, near=1, far=80)
    assert c.shape == (1, 5, 3) and c.dtype == np.uint8
    assert (c[0, 0] == 0).all()
    assert (c[0, 3] == c[0, 4]).all()  # clipped beyond far
    assert not (c[0, 1] == c[0, 2]).all()


def test_to_uint8_and_caption():
    x = np.stack([np.full((2, 3), -1.0), np.zeros((2, 3)), np.ones((2, 3))])  # [3, H, W]
    u = to_uint8(x)
    assert u.shape == (2, 3, 3) and list(u[0, 0]) == [0, 128, 255]
    bar = caption_bar(120, "A clear day.")
    assert bar.shape == (18, 120, 3) and bar.max() > 200  # text drawn


def test_depth_png_codec_round_trip_and_edge_cases():
    from cvdstorm.images import DEPTH_PNG_MAX, decode_depth_png, encode_depth_png

    rng = np.random.default_rng(0)
    d = rng.uniform(0.01, DEPTH_PNG_MAX - 0.01, (2, 8, 9))
    back = decode_depth_png(encode_depth_png(d))
    assert back.dtype == np.float32 and np.abs(back - d).max() <= 0.5 / 256 + 1e-6   # rounding to 1/256 m
    # what the format cannot hold is "unknown" (0), never a clamped wrong depth, never an overflow
    edge = np.array([np.nan, np.inf, -np.inf, -3.0, 0.0, 1e-4, DEPTH_PNG_MAX - 1e-4, DEPTH_PNG_MAX, 300.0, 1e9])
    enc = encode_depth_png(edge)
    assert enc.dtype == np.uint16
    assert enc.tolist() == [0, 0, 0, 0, 0, 0, 65535, 0, 0, 0]
    assert decode_depth_png(enc)[6] == np.float32(DEPTH_PNG_MAX)
    # exact values survive unchanged
    exact = np.arange(1, 65536, 97, dtype=np.uint16)
    assert (encode_depth_png(decode_depth_png(exact)) == exact).all()
