"""Helpers shared by the data tests: raw nuScenes tables and poses decoded independently of our reader."""

import json
import shutil

import numpy as np
from scipy.spatial.transform import Rotation, Slerp

from cvdstorm import CAMERAS


def raw_table(root, version, table):
    return json.loads((root / version / f"{table}.json").read_text())


def table_pose(rec):
    """4x4 from a table record with scipy's own quaternion code (x, y, z, w order)."""
    w, x, y, z = rec["rotation"]
    T = np.eye(4)
    T[:3, :3] = Rotation.from_quat([x, y, z, w]).as_matrix()
    T[:3, 3] = rec["translation"]
    return T


PER_INTERVAL = 5                                       # sweeps between two keyframes: 12 Hz from 2 Hz
STAGGER_US = {c: 7000 * i for i, c in enumerate(CAMERAS)}  # each camera fires at its own offset


def add_sweeps(src, dst, lidar=False, version="v1.0-synth"):
    """Copy the dataroot and insert camera sweeps (and LiDAR ones if asked) between its keyframes, the way
    nuScenes has them: PER_INTERVAL per keyframe interval, each camera staggered by STAGGER_US (keyframes too)."""
    shutil.copytree(src, dst)
    vdir = dst / version
    sd = raw_table(dst, version, "sample_data")
    ego = {r["token"]: r for r in raw_table(dst, version, "ego_pose")}
    calib = {r["token"]: r for r in raw_table(dst, version, "calibrated_sensor")}
    channel = {r["token"]: r["channel"] for r in raw_table(dst, version, "sensor")}
    ch_of = {r["token"]: channel[calib[r["calibrated_sensor_token"]]["sensor_token"]] for r in sd}
    by_token = {r["token"]: r for r in sd}
    new_sd, new_ego = [], []
    for r in sd:
        ch = ch_of[r["token"]]
        if ch in STAGGER_US:
            r["timestamp"] += STAGGER_US[ch]
    for r in list(sd):
        ch = ch_of[r["token"]]
        if not r["next"] or (ch not in STAGGER_US and not (lidar and ch == "LIDAR_TOP")):
            continue
        n = by_token[r["next"]]
        e0, e1 = ego[r["ego_pose_token"]], ego[n["ego_pose_token"]]
        rots = Rotation.from_quat([np.roll(e0["rotation"], -1), np.roll(e1["rotation"], -1)])
        prev = r["token"]
        for j in range(1, PER_INTERVAL + 1):
            w = j / (PER_INTERVAL + 1)
            tok = f"{r['token']}_sweep{j}"
            ts = int(round(r["timestamp"] + w * (n["timestamp"] - r["timestamp"])))
            q = np.roll(Slerp([0, 1], rots)([w]).as_quat()[0], 1)
            new_ego.append({"token": tok + "_ego", "timestamp": ts, "rotation": q.tolist(),
                            "translation": ((1 - w) * np.array(e0["translation"]) + w * np.array(e1["translation"])).tolist()})
            new_sd.append(dict(r, token=tok, timestamp=ts, is_key_frame=False, prev=prev, next="",
                               ego_pose_token=tok + "_ego", sample_token=n["sample_token"]))
            if len(new_sd) > 1 and new_sd[-2]["token"] == prev:
                new_sd[-2]["next"] = tok
            prev = tok
        new_sd[-1]["next"] = n["token"]
        r["next"] = f"{r['token']}_sweep1"
        n["prev"] = prev
    (vdir / "sample_data.json").write_text(json.dumps(sd + new_sd))
    (vdir / "ego_pose.json").write_text(json.dumps(list(ego.values()) + new_ego))
    return dst
