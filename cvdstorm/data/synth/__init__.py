"""The procedural driving world written as a nuScenes dataroot, and its exact ground truth.

Modules, in import order (none imports a later one):
- `layout.py`: the world (road grid, buildings, trees, agents and their paths, ego path) from a seed.
- `raycast.py`: exact ray casting against it; `shading.py`: materials, sun and shadows.
- `hdmap.py`: its HD map in the nuScenes map-expansion format and the drivable-area raster.
- `sensors.py`: the camera rig, exact camera renders, LiDAR sweeps.
- `writer.py`: `cvdstorm synth` (SynthConfig, write_dataset): the dataroot, through io.OutputFolder.
- `truth.py`: exact views of any camera or ego path, exact sweep boxes and the interpolation score.
"""
