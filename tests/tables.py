"""Helpers shared by the data tests: raw nuScenes tables and poses decoded independently of our reader."""

import json

import numpy as np
from scipy.spatial.transform import Rotation


def raw_table(root, version, table):
    return json.loads((root / version / f"{table}.json").read_text())


def table_pose(rec):
    """4x4 from a table record with scipy's own quaternion code (x, y, z, w order)."""
    w, x, y, z = rec["rotation"]
    T = np.eye(4)
    T[:3, :3] = Rotation.from_quat([x, y, z, w]).as_matrix()
    T[:3, 3] = rec["translation"]
    return T
