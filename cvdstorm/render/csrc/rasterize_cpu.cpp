// 3D Gaussian Splatting on the CPU (OpenMP), following the original 3DGS rasteriser: fused EWA
// projection (forward + analytic backward, at the end of this file), tile binning, and tile-based
// front-to-back compositing (forward + analytic backward).
//
// Per (pixel, Gaussian): dx = mean2d - pixel centre, power = -0.5 (a dx^2 + c dy^2) - b dx dy with
// (a, b, c) the conic (inverse 2D covariance). The Gaussian counts when power <= 0, power >= -4.5
// (its 3-sigma ellipse) and alpha = min(0.99, opacity * exp(power)) >= 1/255. Compositing is front
// to back in depth order (ties by row index) and stops before the Gaussian that would bring the
// transmittance below 1e-4.
//
// Input is "packed": one row per visible (camera, Gaussian) pair, rows grouped by camera
// (cam_off [NC + 1]). Each tile keeps its rows sorted by depth and is composited Gaussian-major:
// a Gaussian visits only the pixels of its footprint's bounding box inside the tile, and per-pixel
// transmittance lives in tile-local arrays. That evaluates ~10x fewer (pixel, Gaussian) candidates
// than a pixel-major loop over the whole tile list for the ~pixel-sized Gaussians of a GS decoder.
// The backward replays each tile in reverse and writes one gradient row per tile entry (no atomics);
// the caller sums the rows per Gaussian (index_add), which keeps the backward deterministic.
//
// Plain C ABI (loaded with ctypes; buffers are allocated by PyTorch), so the build needs only a C++
// compiler with OpenMP, no Python headers, and takes seconds. Compiled with -ffp-contract=off so that
// forward and backward take bit-identical skip decisions.
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace {

constexpr int TILE = 16;
constexpr double ALPHA_MIN = 1.0 / 255.0;
constexpr double ALPHA_MAX = 0.99;
constexpr double T_MIN = 1e-4;
constexpr double POWER_MIN = -4.5;      // 3-sigma ellipse: Mahalanobis^2 <= 9
constexpr double EXTENT_MARGIN = 1e-3;  // pixels; guards the bounding box against rounding

struct Grid {
  int W, H, tw, th, tiles;
  Grid(int W_, int H_) : W(W_), H(H_), tw((W_ + TILE - 1) / TILE), th((H_ + TILE - 1) / TILE), tiles(tw * th) {}
};

// Half-extents (pixels) of the region where a Gaussian can pass the tests: inside the 3-sigma
// ellipse and where opacity * exp(power) >= 1/255. False if it can pass nowhere.
template <typename T>
inline bool extent(const T* con, T opac, T& ex, T& ey) {
  if (!(opac > T(0))) return false;
  const double m2 = std::min(9.0, 2.0 * std::log(255.0 * (double)opac));  // bound on d^T Q d
  const double det = (double)con[0] * con[2] - (double)con[1] * con[1];
  if (!(m2 >= 0.0) || !(det > 0.0)) return false;
  ex = (T)(std::sqrt(m2 * con[2] / det) + EXTENT_MARGIN);
  ey = (T)(std::sqrt(m2 * con[0] / det) + EXTENT_MARGIN);
  return std::isfinite((double)ex) && std::isfinite((double)ey);
}

// Pixel indices [lo, hi] whose centres (i + 0.5) lie within m +- e, clipped to [lo_clip, hi_clip].
template <typename T>
inline void pixel_range(T m, T e, int lo_clip, int hi_clip, int& lo, int& hi) {
  const double a = std::ceil((double)m - (double)e - 0.5), b = std::floor((double)m + (double)e - 0.5);
  lo = (int)std::max<double>(lo_clip, a);
  hi = (int)std::min<double>(hi_clip, b);
}

template <typename T>
inline bool eval_alpha(const T* m, const T* con, T opac, T px, T py, T& alpha, T& power, T& dx, T& dy) {
  dx = m[0] - px;
  dy = m[1] - py;
  power = T(-0.5) * (con[0] * dx * dx + con[2] * dy * dy) - con[1] * dx * dy;
  if (power > T(0) || power < T(POWER_MIN)) return false;
  alpha = std::min(T(ALPHA_MAX), opac * std::exp(power));
  return alpha >= T(ALPHA_MIN);
}

// Tile rectangle [x0, x1) x [y0, y1) touched by row i; false if none.
template <typename T>
inline bool tile_rect(const T* M, const T* CON, const T* O, const int32_t* radii, int64_t i, const Grid& g, int& x0,
                      int& y0, int& x1, int& y1) {
  if (radii[i] <= 0) return false;
  T ex = 0, ey = 0;
  if (!extent(CON + i * 3, O[i], ex, ey)) return false;
  int px0, px1, py0, py1;
  pixel_range(M[i * 2], ex, 0, g.W - 1, px0, px1);
  pixel_range(M[i * 2 + 1], ey, 0, g.H - 1, py0, py1);
  if (px0 > px1 || py0 > py1) return false;
  x0 = px0 / TILE, x1 = px1 / TILE + 1, y0 = py0 / TILE, y1 = py1 / TILE + 1;
  return true;
}

template <typename T>
void bin_count(const T* M, const T* CON, const T* O, const int32_t* radii, const int64_t* cam_off, int64_t NC, int W,
               int H, int64_t* counts, int nt) {
  const Grid g(W, H);
#pragma omp parallel for schedule(dynamic, 1) num_threads(nt)
  for (int64_t c = 0; c < NC; ++c) {
    int64_t* cnt = counts + c * g.tiles;
    for (int64_t i = cam_off[c]; i < cam_off[c + 1]; ++i) {
      int x0, y0, x1, y1;
      if (!tile_rect(M, CON, O, radii, i, g, x0, y0, x1, y1)) continue;
      for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) cnt[y * g.tw + x]++;
    }
  }
}

template <typename T>
void bin_fill(const T* M, const T* CON, const T* O, const T* D, const int32_t* radii, const int64_t* cam_off,
              int64_t NC, int W, int H, const int64_t* tile_off, int32_t* ids, int nt) {
  const Grid g(W, H);
#pragma omp parallel for schedule(dynamic, 1) num_threads(nt)
  for (int64_t c = 0; c < NC; ++c) {
    std::vector<int64_t> fill(tile_off + c * g.tiles, tile_off + (c + 1) * g.tiles);
    for (int64_t i = cam_off[c]; i < cam_off[c + 1]; ++i) {
      int x0, y0, x1, y1;
      if (!tile_rect(M, CON, O, radii, i, g, x0, y0, x1, y1)) continue;
      for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) ids[fill[y * g.tw + x]++] = (int32_t)i;
    }
  }
#pragma omp parallel for schedule(dynamic, 4) num_threads(nt)
  for (int64_t k = 0; k < NC * g.tiles; ++k)
    std::sort(ids + tile_off[k], ids + tile_off[k + 1],
              [D](int32_t p, int32_t q) { return D[p] < D[q] || (D[p] == D[q] && p < q); });
}

// -> out_c [NC, H, W, F], out_d [NC, H, W] (sum of w_i z_i), out_a [NC, H, W],
//    out_last [NC, H, W] (tile-list position after the pixel's last contributor)
template <typename T>
void forward(const T* M, const T* CON, const T* O, const T* COL, const T* D, int64_t F, int64_t NC, int W, int H,
             const int64_t* tile_off, const int32_t* ids, T* oc, T* od, T* oa, int32_t* olast, int nt) {
  const Grid g(W, H);
#pragma omp parallel num_threads(nt)
  {
    std::vector<T> Tr(TILE * TILE), acc(TILE * TILE * F), dacc(TILE * TILE);
    std::vector<int32_t> last(TILE * TILE);
    std::vector<char> done(TILE * TILE);
#pragma omp for schedule(dynamic, 1)
    for (int64_t k = 0; k < NC * g.tiles; ++k) {
      const int64_t c = k / g.tiles, t = k % g.tiles;
      const int x0 = (int)(t % g.tw) * TILE, y0 = (int)(t / g.tw) * TILE;
      const int x1 = std::min(x0 + TILE, W) - 1, y1 = std::min(y0 + TILE, H) - 1;
      const int npix = (x1 - x0 + 1) * (y1 - y0 + 1);
      std::fill(Tr.begin(), Tr.end(), T(1));
      std::fill(acc.begin(), acc.end(), T(0));
      std::fill(dacc.begin(), dacc.end(), T(0));
      std::fill(last.begin(), last.end(), 0);
      std::fill(done.begin(), done.end(), 0);
      int ndone = 0;
      const int64_t beg = tile_off[k], end = tile_off[k + 1];
      for (int64_t j = beg; j < end && ndone < npix; ++j) {
        const int64_t i = ids[j];
        const T *m = M + i * 2, *con = CON + i * 3, *col = COL + i * F;
        const T o = O[i];
        T ex = 0, ey = 0;
        extent(con, o, ex, ey);  // it was binned, so it passes
        int xa, xb, ya, yb;
        pixel_range(m[0], ex, x0, x1, xa, xb);
        pixel_range(m[1], ey, y0, y1, ya, yb);
        for (int y = ya; y <= yb; ++y) {
          for (int x = xa; x <= xb; ++x) {
            const int p = (y - y0) * TILE + (x - x0);
            if (done[p]) continue;
            T alpha, power, dx, dy;
            if (!eval_alpha(m, con, o, x + T(0.5), y + T(0.5), alpha, power, dx, dy)) continue;
            const T test_T = Tr[p] * (T(1) - alpha);
            if (test_T < T(T_MIN)) {  // this one and all behind it are left out
              done[p] = 1;
              ++ndone;
              continue;
            }
            const T w = alpha * Tr[p];
            for (int64_t f = 0; f < F; ++f) acc[p * F + f] += col[f] * w;
            dacc[p] += D[i] * w;
            Tr[p] = test_T;
            last[p] = (int32_t)(j - beg + 1);
          }
        }
      }
      for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) {
          const int p = (y - y0) * TILE + (x - x0);
          const int64_t q = (c * H + y) * W + x;
          for (int64_t f = 0; f < F; ++f) oc[q * F + f] = acc[p * F + f];
          od[q] = dacc[p];
          oa[q] = T(1) - Tr[p];
          olast[q] = last[p];
        }
    }
  }
}

// -> grad [K, 7 + F]: per tile entry (means2d 2, conic 3, opacity 1, color F, depth 1); rows of
//    entries that contributed nowhere stay as they were (the caller zero-fills).
template <typename T>
void backward(const T* M, const T* CON, const T* O, const T* COL, const T* D, int64_t F, int64_t NC, int W, int H,
              const int64_t* tile_off, const int32_t* ids, const T* A, const int32_t* LAST, const T* GC, const T* GD,
              const T* GA, T* grad, int nt) {
  const Grid g(W, H);
  const int64_t R = 7 + F;
  constexpr int P = TILE * TILE;
#pragma omp parallel num_threads(nt)
  {
    std::vector<T> Tr(P), Tfin(P), acc(P * F), accd(P), gc(P * F), gd(P), ga(P), loc(R);
    std::vector<int32_t> last(P);
#pragma omp for schedule(dynamic, 1)
    for (int64_t k = 0; k < NC * g.tiles; ++k) {
      const int64_t c = k / g.tiles, t = k % g.tiles;
      const int x0 = (int)(t % g.tw) * TILE, y0 = (int)(t / g.tw) * TILE;
      const int x1 = std::min(x0 + TILE, W) - 1, y1 = std::min(y0 + TILE, H) - 1;
      int32_t jmax = 0;
      for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) {
          const int p = (y - y0) * TILE + (x - x0);
          const int64_t q = (c * H + y) * W + x;
          last[p] = LAST[q];
          jmax = std::max(jmax, last[p]);
          Tfin[p] = Tr[p] = T(1) - A[q];
          for (int64_t f = 0; f < F; ++f) {
            acc[p * F + f] = T(0);
            gc[p * F + f] = GC[q * F + f];
          }
          accd[p] = T(0);
          gd[p] = GD[q];
          ga[p] = GA[q];
        }
      const int64_t beg = tile_off[k];
      for (int64_t j = beg + jmax - 1; j >= beg; --j) {
        const int64_t i = ids[j];
        const T *m = M + i * 2, *con = CON + i * 3, *col = COL + i * F;
        const T o = O[i];
        T ex = 0, ey = 0;
        extent(con, o, ex, ey);
        int xa, xb, ya, yb;
        pixel_range(m[0], ex, x0, x1, xa, xb);
        pixel_range(m[1], ey, y0, y1, ya, yb);
        std::fill(loc.begin(), loc.end(), T(0));
        bool any = false;
        const int32_t rank = (int32_t)(j - beg);
        for (int y = ya; y <= yb; ++y) {
          for (int x = xa; x <= xb; ++x) {
            const int p = (y - y0) * TILE + (x - x0);
            if (rank >= last[p]) continue;
            T alpha, power, dx, dy;
            if (!eval_alpha(m, con, o, x + T(0.5), y + T(0.5), alpha, power, dx, dy)) continue;
            any = true;
            const T one_m = T(1) - alpha;
            Tr[p] /= one_m;  // transmittance in front of this Gaussian
            const T w = alpha * Tr[p];
            T dL_dalpha = T(0);
            for (int64_t f = 0; f < F; ++f) {
              loc[6 + f] += w * gc[p * F + f];
              dL_dalpha += (col[f] - acc[p * F + f]) * gc[p * F + f];
              acc[p * F + f] = alpha * col[f] + one_m * acc[p * F + f];  // colour behind the next one
            }
            loc[6 + F] += w * gd[p];
            dL_dalpha += (D[i] - accd[p]) * gd[p];
            accd[p] = alpha * D[i] + one_m * accd[p];
            dL_dalpha = dL_dalpha * Tr[p] + ga[p] * Tfin[p] / one_m;  // alpha_out = 1 - prod(1 - alpha_i)
            const T ge = std::exp(power);
            if (o * ge >= T(ALPHA_MAX)) continue;  // clamped: no gradient through alpha
            loc[5] += ge * dL_dalpha;
            const T dL_dpower = o * ge * dL_dalpha;
            loc[0] += dL_dpower * (-con[0] * dx - con[1] * dy);
            loc[1] += dL_dpower * (-con[1] * dx - con[2] * dy);
            loc[2] += dL_dpower * (T(-0.5) * dx * dx);
            loc[3] += dL_dpower * (-dx * dy);
            loc[4] += dL_dpower * (T(-0.5) * dy * dy);
          }
        }
        if (any) std::copy(loc.begin(), loc.end(), grad + j * R);
      }
    }
  }
}


// ---------------------------------------------------------------------------------------------
// EWA projection, fused (the same maths as projection.py, which autograd differentiates there):
//   p = R m + t; means2d = (fx x/z + cx, fy y/z + cy); J W rows r0 = fx/z (R0 - clamp(x/z) R2),
//   r1 = fy/z (R1 - clamp(y/z) R2); Sigma = F F^T with F = R(q) diag(s); cov2 = [r0; r1] Sigma [..]^T
//   + 0.3 I = [[u0.u0, u0.u1], [u0.u1, u1.u1]] + 0.3 I with u = F^T r; conic = inverse(cov2);
//   radius = ceil(3 sqrt(mid + sqrt(max(mid^2 - det, 0.1)))). Visible: near < z < far, det > 0, the
//   radius square overlaps the image.
constexpr double LOW_PASS = 0.3;
constexpr double FOV_MARGIN = 0.15;
constexpr double EIG_GAP_MIN = 0.1;
constexpr int64_t PROJ_CHUNK = 4096;  // Gaussians per work item (items = cameras x chunks)

template <typename T>
struct Cam {
  const T* R;  // row-major 3x3 inside the 4x4 viewmat (stride 4)
  T t[3], fx, fy, cx, cy, xlo, xhi, ylo, yhi;
  Cam(const T* view, const T* K, int W, int H) : R(view) {
    for (int i = 0; i < 3; ++i) t[i] = view[i * 4 + 3];
    fx = K[0], fy = K[4], cx = K[2], cy = K[5];
    xlo = -(cx + T(FOV_MARGIN) * W) / fx, xhi = (W - cx + T(FOV_MARGIN) * W) / fx;
    ylo = -(cy + T(FOV_MARGIN) * H) / fy, yhi = (H - cy + T(FOV_MARGIN) * H) / fy;
  }
  T r(int i, int j) const { return R[i * 4 + j]; }
};

// F = R(q / |q|) diag(s), row-major [9]
template <typename T>
inline void quat_scale_factor(const T* q, const T* s, T* F) {
  const T n = std::sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
  const T w = q[0] / n, x = q[1] / n, y = q[2] / n, z = q[3] / n;
  const T R[9] = {1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
                  2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
                  2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) F[i * 3 + j] = R[i * 3 + j] * s[j];
}

template <typename T>
struct Proj {
  T p[3], xz, yz, cxz, cyz, r0[3], r1[3], u0[3], u1[3], a, b, c, det, uv[2], conic[3];
  int32_t radius;
};

// false: not visible (pr is then only partly filled)
template <typename T>
inline bool project_one(const Cam<T>& cam, const T* m, const T* F, int W, int H, T near, T far, Proj<T>& pr) {
  for (int i = 0; i < 3; ++i) pr.p[i] = cam.r(i, 0) * m[0] + cam.r(i, 1) * m[1] + cam.r(i, 2) * m[2] + cam.t[i];
  const T z = pr.p[2];
  if (!(z > near && z < far)) return false;
  pr.xz = pr.p[0] / z, pr.yz = pr.p[1] / z;
  pr.uv[0] = cam.fx * pr.xz + cam.cx, pr.uv[1] = cam.fy * pr.yz + cam.cy;
  pr.cxz = std::min(std::max(pr.xz, cam.xlo), cam.xhi);
  pr.cyz = std::min(std::max(pr.yz, cam.ylo), cam.yhi);
  const T kx = cam.fx / z, ky = cam.fy / z;
  for (int j = 0; j < 3; ++j) {
    pr.r0[j] = kx * (cam.r(0, j) - pr.cxz * cam.r(2, j));
    pr.r1[j] = ky * (cam.r(1, j) - pr.cyz * cam.r(2, j));
  }
  for (int j = 0; j < 3; ++j) {
    pr.u0[j] = pr.r0[0] * F[j] + pr.r0[1] * F[3 + j] + pr.r0[2] * F[6 + j];
    pr.u1[j] = pr.r1[0] * F[j] + pr.r1[1] * F[3 + j] + pr.r1[2] * F[6 + j];
  }
  pr.a = pr.u0[0] * pr.u0[0] + pr.u0[1] * pr.u0[1] + pr.u0[2] * pr.u0[2] + T(LOW_PASS);
  pr.b = pr.u0[0] * pr.u1[0] + pr.u0[1] * pr.u1[1] + pr.u0[2] * pr.u1[2];
  pr.c = pr.u1[0] * pr.u1[0] + pr.u1[1] * pr.u1[1] + pr.u1[2] * pr.u1[2] + T(LOW_PASS);
  pr.det = pr.a * pr.c - pr.b * pr.b;
  if (!(pr.det > T(0))) return false;
  pr.conic[0] = pr.c / pr.det, pr.conic[1] = -pr.b / pr.det, pr.conic[2] = pr.a / pr.det;
  const T mid = T(0.5) * (pr.a + pr.c);
  const T lam = mid + std::sqrt(std::max(mid * mid - pr.det, T(EIG_GAP_MIN)));
  const T r = std::ceil(T(3) * std::sqrt(lam));
  if (!(pr.uv[0] + r > 0 && pr.uv[0] - r < W && pr.uv[1] + r > 0 && pr.uv[1] - r < H)) return false;
  pr.radius = (int32_t)r;
  return true;
}

// Pass 1: factors [B*N, 9], visibility [B*C*N] (uint8), rows per work item [B*C*chunks].
template <typename T>
void project_count(const T* means, const T* quats, const T* scales, const T* views, const T* Ks, int64_t B, int64_t N,
                   int64_t C, int W, int H, T near, T far, T* factors, uint8_t* vis, int64_t* counts, int nt) {
#pragma omp parallel for schedule(static) num_threads(nt)
  for (int64_t g = 0; g < B * N; ++g) quat_scale_factor(quats + g * 4, scales + g * 3, factors + g * 9);
  const int64_t chunks = (N + PROJ_CHUNK - 1) / PROJ_CHUNK;
#pragma omp parallel for schedule(dynamic, 1) num_threads(nt)
  for (int64_t item = 0; item < B * C * chunks; ++item) {
    const int64_t bc = item / chunks, b = bc / C, n0 = (item % chunks) * PROJ_CHUNK;
    const int64_t n1 = std::min(N, n0 + PROJ_CHUNK);
    const Cam<T> cam(views + bc * 16, Ks + bc * 9, W, H);
    Proj<T> pr{};
    int64_t cnt = 0;
    for (int64_t n = n0; n < n1; ++n) {
      const int64_t g = b * N + n;
      const bool v = project_one(cam, means + g * 3, factors + g * 9, W, H, near, far, pr);
      vis[bc * N + n] = v;
      cnt += v;
    }
    counts[item] = cnt;
  }
}

// Pass 2: rows (sorted by camera, then Gaussian) at item_off [items + 1].
template <typename T>
void project_fill(const T* means, const T* views, const T* Ks, int64_t B, int64_t N, int64_t C, int W, int H, T near,
                  T far, const T* factors, const uint8_t* vis, const int64_t* item_off, T* means2d, T* conics,
                  T* depths, int32_t* radii, int64_t* gauss_ids, int64_t* cam_ids, int nt) {
  const int64_t chunks = (N + PROJ_CHUNK - 1) / PROJ_CHUNK;
#pragma omp parallel for schedule(dynamic, 1) num_threads(nt)
  for (int64_t item = 0; item < B * C * chunks; ++item) {
    const int64_t bc = item / chunks, b = bc / C, n0 = (item % chunks) * PROJ_CHUNK;
    const int64_t n1 = std::min(N, n0 + PROJ_CHUNK);
    const Cam<T> cam(views + bc * 16, Ks + bc * 9, W, H);
    Proj<T> pr{};
    int64_t row = item_off[item];
    for (int64_t n = n0; n < n1; ++n) {
      if (!vis[bc * N + n]) continue;
      const int64_t g = b * N + n;
      project_one(cam, means + g * 3, factors + g * 9, W, H, near, far, pr);
      means2d[row * 2] = pr.uv[0], means2d[row * 2 + 1] = pr.uv[1];
      for (int k = 0; k < 3; ++k) conics[row * 3 + k] = pr.conic[k];
      depths[row] = pr.p[2];
      radii[row] = pr.radius;
      gauss_ids[row] = g;
      cam_ids[row] = bc;
      ++row;
    }
  }
}

// Per-row gradients: g_means [M, 3], g_quats [M, 4], g_scales [M, 3], g_views [M, 12] (rows of
// [R | t], may be null) from g_means2d [M, 2], g_conics [M, 3], g_depths [M].
template <typename T>
void project_backward(const T* means, const T* quats, const T* scales, const T* views, const T* Ks, int64_t M, int W,
                      int H, const int64_t* gauss_ids, const int64_t* cam_ids, const T* g2d, const T* gcon,
                      const T* gdep, T* g_means, T* g_quats, T* g_scales, T* g_views, int nt) {
#pragma omp parallel for schedule(static) num_threads(nt)
  for (int64_t i = 0; i < M; ++i) {
    const int64_t g = gauss_ids[i], bc = cam_ids[i];
    const Cam<T> cam(views + bc * 16, Ks + bc * 9, W, H);
    const T* q = quats + g * 4;
    const T* s = scales + g * 3;
    T F[9];
    quat_scale_factor(q, s, F);
    Proj<T> pr{};
    project_one(cam, means + g * 3, F, W, H, T(-1e30), T(1e30), pr);  // recompute (visible by construction)
    const T z = pr.p[2], det = pr.det, a = pr.a, b = pr.b, c = pr.c;
    // conic (c, -b, a) / det -> (a, b, c)
    const T gA = gcon[i * 3], gB = gcon[i * 3 + 1], gC = gcon[i * 3 + 2], d2 = det * det;
    const T ga = -gA * c * c / d2 + gB * b * c / d2 + gC * (T(1) / det - a * c / d2);
    const T gb = gA * 2 * b * c / d2 + gB * (-T(1) / det - 2 * b * b / d2) + gC * 2 * a * b / d2;
    const T gc = gA * (T(1) / det - a * c / d2) + gB * a * b / d2 - gC * a * a / d2;
    // (a, b, c) -> u0, u1 -> r0, r1 and F
    T gu0[3], gu1[3], gr0[3], gr1[3], gF[9];
    for (int j = 0; j < 3; ++j) {
      gu0[j] = 2 * ga * pr.u0[j] + gb * pr.u1[j];
      gu1[j] = 2 * gc * pr.u1[j] + gb * pr.u0[j];
    }
    for (int k = 0; k < 3; ++k) {
      gr0[k] = F[k * 3] * gu0[0] + F[k * 3 + 1] * gu0[1] + F[k * 3 + 2] * gu0[2];
      gr1[k] = F[k * 3] * gu1[0] + F[k * 3 + 1] * gu1[1] + F[k * 3 + 2] * gu1[2];
      for (int j = 0; j < 3; ++j) gF[k * 3 + j] = pr.r0[k] * gu0[j] + pr.r1[k] * gu1[j];
    }
    // F = R(q^) diag(s)
    const T n = std::sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
    const T w = q[0] / n, x = q[1] / n, y = q[2] / n, zq = q[3] / n;
    const T Rq[9] = {1 - 2 * (y * y + zq * zq), 2 * (x * y - w * zq), 2 * (x * zq + w * y),
                     2 * (x * y + w * zq), 1 - 2 * (x * x + zq * zq), 2 * (y * zq - w * x),
                     2 * (x * zq - w * y), 2 * (y * zq + w * x), 1 - 2 * (x * x + y * y)};
    T G[9];
    for (int j = 0; j < 3; ++j) {
      g_scales[i * 3 + j] = gF[j] * Rq[j] + gF[3 + j] * Rq[3 + j] + gF[6 + j] * Rq[6 + j];
      for (int k = 0; k < 3; ++k) G[k * 3 + j] = gF[k * 3 + j] * s[j];
    }
    const T gw = 2 * (-zq * G[1] + y * G[2] + zq * G[3] - x * G[5] - y * G[6] + x * G[7]);
    const T gx = 2 * (y * G[1] + zq * G[2] + y * G[3] - 2 * x * G[4] - w * G[5] + zq * G[6] + w * G[7] - 2 * x * G[8]);
    const T gy = 2 * (-2 * y * G[0] + x * G[1] + w * G[2] + x * G[3] + zq * G[5] - w * G[6] + zq * G[7] - 2 * y * G[8]);
    const T gz = 2 * (-2 * zq * G[0] - w * G[1] + x * G[2] + w * G[3] - 2 * zq * G[4] + y * G[5] + x * G[6] + y * G[7]);
    const T dot = w * gw + x * gx + y * gy + zq * gz;  // through q^ = q / |q|
    g_quats[i * 4] = (gw - w * dot) / n, g_quats[i * 4 + 1] = (gx - x * dot) / n;
    g_quats[i * 4 + 2] = (gy - y * dot) / n, g_quats[i * 4 + 3] = (gz - zq * dot) / n;
    // r0 = fx/z (R0 - cxz R2), r1 = fy/z (R1 - cyz R2)
    const T kx = cam.fx / z, ky = cam.fy / z;
    T g_kx = 0, g_ky = 0, g_cxz = 0, g_cyz = 0;
    T gR[9] = {0, 0, 0, 0, 0, 0, 0, 0, 0};
    for (int j = 0; j < 3; ++j) {
      g_kx += gr0[j] * (cam.r(0, j) - pr.cxz * cam.r(2, j));
      g_ky += gr1[j] * (cam.r(1, j) - pr.cyz * cam.r(2, j));
      g_cxz -= kx * gr0[j] * cam.r(2, j);
      g_cyz -= ky * gr1[j] * cam.r(2, j);
      gR[j] += kx * gr0[j];
      gR[3 + j] += ky * gr1[j];
      gR[6 + j] -= kx * pr.cxz * gr0[j] + ky * pr.cyz * gr1[j];
    }
    // means2d and the clamped x/z, y/z (no gradient where clamped)
    T g_xz = g2d[i * 2] * cam.fx + ((pr.xz > cam.xlo && pr.xz < cam.xhi) ? g_cxz : T(0));
    T g_yz = g2d[i * 2 + 1] * cam.fy + ((pr.yz > cam.ylo && pr.yz < cam.yhi) ? g_cyz : T(0));
    T gp[3];
    gp[0] = g_xz / z;
    gp[1] = g_yz / z;
    gp[2] = gdep[i] - g_xz * pr.xz / z - g_yz * pr.yz / z - g_kx * cam.fx / (z * z) - g_ky * cam.fy / (z * z);
    const T* m = means + g * 3;
    for (int j = 0; j < 3; ++j)
      g_means[i * 3 + j] = cam.r(0, j) * gp[0] + cam.r(1, j) * gp[1] + cam.r(2, j) * gp[2];
    if (g_views) {
      for (int r = 0; r < 3; ++r) {
        for (int j = 0; j < 3; ++j) g_views[i * 12 + r * 4 + j] = gR[r * 3 + j] + gp[r] * m[j];
        g_views[i * 12 + r * 4 + 3] = gp[r];
      }
    }
  }
}

}  // namespace

#define CVD_EXPORT(T, SUF)                                                                                         \
  extern "C" void cvd_project_count_##SUF(const T* means, const T* quats, const T* scales, const T* views,       \
                                         const T* Ks, int64_t B, int64_t N, int64_t C, int W, int H, T near, T far,  \
                                         T* factors, uint8_t* vis, int64_t* counts, int nt) {                        \
    project_count<T>(means, quats, scales, views, Ks, B, N, C, W, H, near, far, factors, vis, counts, nt);         \
  }                                                                                                                \
  extern "C" void cvd_project_fill_##SUF(const T* means, const T* views, const T* Ks, int64_t B, int64_t N,        \
                                        int64_t C, int W, int H, T near, T far, const T* factors,                   \
                                        const uint8_t* vis, const int64_t* item_off, T* means2d, T* conics,         \
                                        T* depths, int32_t* radii, int64_t* gauss_ids, int64_t* cam_ids, int nt) {  \
    project_fill<T>(means, views, Ks, B, N, C, W, H, near, far, factors, vis, item_off, means2d, conics, depths,    \
                    radii, gauss_ids, cam_ids, nt);                                                                \
  }                                                                                                                \
  extern "C" void cvd_project_backward_##SUF(const T* means, const T* quats, const T* scales, const T* views,      \
                                            const T* Ks, int64_t M, int W, int H, const int64_t* gauss_ids,        \
                                            const int64_t* cam_ids, const T* g2d, const T* gcon, const T* gdep,    \
                                            T* g_means, T* g_quats, T* g_scales, T* g_views, int nt) {             \
    project_backward<T>(means, quats, scales, views, Ks, M, W, H, gauss_ids, cam_ids, g2d, gcon, gdep, g_means,     \
                        g_quats, g_scales, g_views, nt);                                                           \
  }                                                                                                                \
  extern "C" void cvd_bin_count_##SUF(const T* M, const T* CON, const T* O, const int32_t* radii,                  \
                                      const int64_t* cam_off, int64_t NC, int W, int H, int64_t* counts, int nt) { \
    bin_count<T>(M, CON, O, radii, cam_off, NC, W, H, counts, nt);                                                 \
  }                                                                                                                \
  extern "C" void cvd_bin_fill_##SUF(const T* M, const T* CON, const T* O, const T* D, const int32_t* radii,       \
                                     const int64_t* cam_off, int64_t NC, int W, int H, const int64_t* tile_off,    \
                                     int32_t* ids, int nt) {                                                       \
    bin_fill<T>(M, CON, O, D, radii, cam_off, NC, W, H, tile_off, ids, nt);                                        \
  }                                                                                                                \
  extern "C" void cvd_forward_##SUF(const T* M, const T* CON, const T* O, const T* COL, const T* D, int64_t F,     \
                                    int64_t NC, int W, int H, const int64_t* tile_off, const int32_t* ids, T* oc,  \
                                    T* od, T* oa, int32_t* olast, int nt) {                                        \
    forward<T>(M, CON, O, COL, D, F, NC, W, H, tile_off, ids, oc, od, oa, olast, nt);                              \
  }                                                                                                                \
  extern "C" void cvd_backward_##SUF(const T* M, const T* CON, const T* O, const T* COL, const T* D, int64_t F,    \
                                     int64_t NC, int W, int H, const int64_t* tile_off, const int32_t* ids,        \
                                     const T* A, const int32_t* LAST, const T* GC, const T* GD, const T* GA,       \
                                     T* grad, int nt) {                                                            \
    backward<T>(M, CON, O, COL, D, F, NC, W, H, tile_off, ids, A, LAST, GC, GD, GA, grad, nt);                     \
  }

CVD_EXPORT(float, f32)
CVD_EXPORT(double, f64)

extern "C" int cvd_tile_size() { return TILE; }
extern "C" int64_t cvd_proj_chunk() { return PROJ_CHUNK; }
