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
