// Tile-based front-to-back compositing of projected 2D Gaussians on the CPU (OpenMP): binning, forward
// and analytic backward, following the original 3D Gaussian Splatting rasteriser.
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
  T ex, ey;
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
        T ex, ey;
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
        T ex, ey;
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

}  // namespace

#define CVD_EXPORT(T, SUF)                                                                                         \
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
