import * as THREE from 'three';
import * as GaussianSplats3D from '@mkkellogg/gaussian-splats-3d';
window.THREE = THREE;
window.GaussianSplats3D = GaussianSplats3D;
