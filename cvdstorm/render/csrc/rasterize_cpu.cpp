// Tile-based front-to-back compositing of projected 2D Gaussians on the CPU (OpenMP), forward and
// analytic backward, following the original 3D Gaussian Splatting rasteriser:
//   power = -0.5 (a dx^2 + c dy^2) - b dx dy  with (a, b, c) the conic (inverse 2D covariance),
//   dx = mean - pixel centre; a Gaussian counts at a pixel inside its 3-sigma ellipse
//   (power >= -4.5) when alpha = min(0.99, opacity * exp(power)) >= 1/255; compositing stops
//   before the Gaussian that would bring transmittance below 1e-4.
// Why C++: per-pixel sorted compositing is a sequential loop over a short list; in PyTorch it needs
// millions of (pixel, Gaussian) pairs, sorts and segmented scans, several times slower on 2 cores.
// Projection (EWA) stays in PyTorch, where autograd differentiates it.
#include <torch/extension.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

constexpr int TILE = 16;
constexpr double ALPHA_MIN = 1.0 / 255.0;
constexpr double ALPHA_MAX = 0.99;
constexpr double T_MIN = 1e-4;
constexpr double POWER_MIN = -4.5;  // 3-sigma ellipse: Mahalanobis^2 <= 9

struct Bins {
  std::vector<int64_t> offsets;  // [C * tiles + 1]
  std::vector<int32_t> ids;      // Gaussian index within its camera, sorted by depth per tile
};

// Assign each visible Gaussian to every tile its 3-sigma square touches; sort tiles by depth.
template <typename scalar_t>
Bins bin_gaussians(const scalar_t* means, const scalar_t* depths, const int32_t* radii, int64_t C, int64_t N,
                   int W, int H) {
  const int tw = (W + TILE - 1) / TILE, th = (H + TILE - 1) / TILE, tiles = tw * th;
  Bins b;
  b.offsets.assign(C * tiles + 1, 0);
  std::vector<int64_t> counts(C * tiles, 0);
  auto rect = [&](int64_t c, int64_t i, int& x0, int& y0, int& x1, int& y1) {
    const scalar_t* m = means + (c * N + i) * 2;
    const scalar_t r = (scalar_t)radii[c * N + i];
    x0 = std::max(0, std::min(tw, (int)std::floor((m[0] - r) / TILE)));
    x1 = std::max(0, std::min(tw, (int)std::floor((m[0] + r) / TILE) + 1));
    y0 = std::max(0, std::min(th, (int)std::floor((m[1] - r) / TILE)));
    y1 = std::max(0, std::min(th, (int)std::floor((m[1] + r) / TILE) + 1));
  };
#pragma omp parallel for schedule(static)
  for (int64_t c = 0; c < C; ++c) {
    for (int64_t i = 0; i < N; ++i) {
      if (radii[c * N + i] <= 0) continue;
      int x0, y0, x1, y1;
      rect(c, i, x0, y0, x1, y1);
      for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) counts[c * tiles + y * tw + x]++;
    }
  }
  for (int64_t k = 0; k < C * tiles; ++k) b.offsets[k + 1] = b.offsets[k] + counts[k];
  b.ids.resize(b.offsets.back());
#pragma omp parallel for schedule(static)
  for (int64_t c = 0; c < C; ++c) {
    std::vector<int64_t> fill(b.offsets.begin() + c * tiles, b.offsets.begin() + (c + 1) * tiles);
    for (int64_t i = 0; i < N; ++i) {
      if (radii[c * N + i] <= 0) continue;
      int x0, y0, x1, y1;
      rect(c, i, x0, y0, x1, y1);
      for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) b.ids[fill[y * tw + x]++] = (int32_t)i;
    }
  }
#pragma omp parallel for schedule(dynamic, 4)
  for (int64_t k = 0; k < C * tiles; ++k) {
    const int64_t c = k / tiles;
    const scalar_t* d = depths + c * N;
    // ties broken by index so the order (and the output) is deterministic
    std::sort(b.ids.begin() + b.offsets[k], b.ids.begin() + b.offsets[k + 1],
              [d](int32_t p, int32_t q) { return d[p] < d[q] || (d[p] == d[q] && p < q); });
  }
  return b;
}

template <typename scalar_t>
inline bool eval_alpha(const scalar_t* m, const scalar_t* con, scalar_t opac, scalar_t px, scalar_t py,
                       scalar_t& alpha, scalar_t& power, scalar_t& dx, scalar_t& dy) {
  dx = m[0] - px;
  dy = m[1] - py;
  power = scalar_t(-0.5) * (con[0] * dx * dx + con[2] * dy * dy) - con[1] * dx * dy;
  if (power > scalar_t(0) || power < scalar_t(POWER_MIN)) return false;
  alpha = std::min(scalar_t(ALPHA_MAX), opac * std::exp(power));
  return alpha >= scalar_t(ALPHA_MIN);
}

template <typename scalar_t>
inline void atomic_add(scalar_t* p, scalar_t v) {
#pragma omp atomic
  *p += v;
}

}  // namespace

// means [C, N, 2], conics [C, N, 3], opacities [C, N], colors [C, N, 3], depths [C, N], radii [C, N] int32
// -> (color [C, H, W, 3], depth_acc [C, H, W], alpha [C, H, W], n_contrib [C, H, W] int32,
//     tile_offsets [C*tiles+1] int64, tile_ids [K] int32)
template <typename scalar_t>
std::vector<torch::Tensor> forward_impl(torch::Tensor means, torch::Tensor conics, torch::Tensor opacities,
                                   torch::Tensor colors, torch::Tensor depths, torch::Tensor radii, int64_t W,
                                   int64_t H) {
  const int64_t C = means.size(0), N = means.size(1);
  const int tw = (W + TILE - 1) / TILE, th = (H + TILE - 1) / TILE, tiles = tw * th;
  const scalar_t *M = means.template data_ptr<scalar_t>(), *CON = conics.template data_ptr<scalar_t>(), *O = opacities.template data_ptr<scalar_t>(),
              *COL = colors.template data_ptr<scalar_t>(), *D = depths.template data_ptr<scalar_t>();
  Bins b = bin_gaussians(M, D, radii.data_ptr<int32_t>(), C, N, (int)W, (int)H);
  auto f32 = torch::TensorOptions().dtype(c10::CppTypeToScalarType<scalar_t>::value);
  auto out_c = torch::zeros({C, H, W, 3}, f32), out_d = torch::zeros({C, H, W}, f32),
       out_a = torch::zeros({C, H, W}, f32);
  auto n_contrib = torch::zeros({C, H, W}, torch::TensorOptions().dtype(torch::kInt32));
  scalar_t *oc = out_c.template data_ptr<scalar_t>(), *od = out_d.template data_ptr<scalar_t>(), *oa = out_a.template data_ptr<scalar_t>();
  int32_t* nc = n_contrib.data_ptr<int32_t>();
#pragma omp parallel for schedule(dynamic, 1)
  for (int64_t k = 0; k < C * tiles; ++k) {
    const int64_t c = k / tiles, t = k % tiles;
    const int x0 = (t % tw) * TILE, y0 = (t / tw) * TILE;
    const int64_t beg = b.offsets[k], end = b.offsets[k + 1];
    for (int y = y0; y < std::min<int>(y0 + TILE, H); ++y) {
      for (int x = x0; x < std::min<int>(x0 + TILE, W); ++x) {
        const scalar_t px = x + scalar_t(0.5), py = y + scalar_t(0.5);
        scalar_t T = scalar_t(1), acc[3] = {0, 0, 0}, dacc = scalar_t(0);
        int32_t last = 0;
        for (int64_t j = beg; j < end; ++j) {
          const int64_t g = c * N + b.ids[j];
          scalar_t alpha, power, dx, dy;
          if (!eval_alpha(M + g * 2, CON + g * 3, O[g], px, py, alpha, power, dx, dy)) continue;
          const scalar_t test_T = T * (scalar_t(1) - alpha);
          if (test_T < scalar_t(T_MIN)) break;
          const scalar_t w = alpha * T;
          for (int ch = 0; ch < 3; ++ch) acc[ch] += COL[g * 3 + ch] * w;
          dacc += D[g] * w;
          T = test_T;
          last = (int32_t)(j - beg + 1);
        }
        const int64_t p = (c * H + y) * W + x;
        for (int ch = 0; ch < 3; ++ch) oc[p * 3 + ch] = acc[ch];
        od[p] = dacc;
        oa[p] = scalar_t(1) - T;
        nc[p] = last;
      }
    }
  }
  auto offsets = torch::from_blob(b.offsets.data(), {(int64_t)b.offsets.size()}, torch::kInt64).clone();
  auto ids = torch::from_blob(b.ids.data(), {(int64_t)b.ids.size()}, torch::kInt32).clone();
  return {out_c, out_d, out_a, n_contrib, offsets, ids};
}

// Gradients of (color, depth_acc, alpha) w.r.t. means, conics, opacities, colors and depths.
template <typename scalar_t>
std::vector<torch::Tensor> backward_impl(torch::Tensor means, torch::Tensor conics, torch::Tensor opacities,
                                    torch::Tensor colors, torch::Tensor depths, torch::Tensor out_a,
                                    torch::Tensor n_contrib, torch::Tensor offsets, torch::Tensor ids,
                                    torch::Tensor g_color, torch::Tensor g_depth, torch::Tensor g_alpha, int64_t W,
                                    int64_t H) {
  const int64_t C = means.size(0), N = means.size(1);
  const int tw = (W + TILE - 1) / TILE, th = (H + TILE - 1) / TILE, tiles = tw * th;
  const scalar_t *M = means.template data_ptr<scalar_t>(), *CON = conics.template data_ptr<scalar_t>(), *O = opacities.template data_ptr<scalar_t>(),
              *COL = colors.template data_ptr<scalar_t>(), *D = depths.template data_ptr<scalar_t>(), *A = out_a.template data_ptr<scalar_t>(),
              *GC = g_color.template data_ptr<scalar_t>(), *GD = g_depth.template data_ptr<scalar_t>(), *GA = g_alpha.template data_ptr<scalar_t>();
  const int32_t* nc = n_contrib.data_ptr<int32_t>();
  const int64_t* off = offsets.data_ptr<int64_t>();
  const int32_t* id = ids.data_ptr<int32_t>();
  auto f32 = torch::TensorOptions().dtype(c10::CppTypeToScalarType<scalar_t>::value);
  auto gm = torch::zeros({C, N, 2}, f32), gcon = torch::zeros({C, N, 3}, f32), go = torch::zeros({C, N}, f32),
       gcol = torch::zeros({C, N, 3}, f32), gd = torch::zeros({C, N}, f32);
  scalar_t *GM = gm.template data_ptr<scalar_t>(), *GCON = gcon.template data_ptr<scalar_t>(), *GO = go.template data_ptr<scalar_t>(),
        *GCOL = gcol.template data_ptr<scalar_t>(), *GDD = gd.template data_ptr<scalar_t>();
#pragma omp parallel for schedule(dynamic, 1)
  for (int64_t k = 0; k < C * tiles; ++k) {
    const int64_t c = k / tiles, t = k % tiles;
    const int x0 = (t % tw) * TILE, y0 = (t / tw) * TILE;
    const int64_t beg = off[k];
    for (int y = y0; y < std::min<int>(y0 + TILE, H); ++y) {
      for (int x = x0; x < std::min<int>(x0 + TILE, W); ++x) {
        const int64_t p = (c * H + y) * W + x;
        const int32_t last = nc[p];
        if (last == 0) continue;
        const scalar_t px = x + scalar_t(0.5), py = y + scalar_t(0.5);
        const scalar_t T_final = scalar_t(1) - A[p];
        scalar_t T = T_final;
        scalar_t accum_c[3] = {0, 0, 0}, accum_d = scalar_t(0);  // what lies behind the current Gaussian
        const scalar_t gc[3] = {GC[p * 3], GC[p * 3 + 1], GC[p * 3 + 2]}, gdp = GD[p], gap = GA[p];
        for (int64_t j = beg + last - 1; j >= beg; --j) {
          const int64_t g = c * N + id[j];
          scalar_t alpha, power, dx, dy;
          if (!eval_alpha(M + g * 2, CON + g * 3, O[g], px, py, alpha, power, dx, dy)) continue;
          T = T / (scalar_t(1) - alpha);  // transmittance in front of this Gaussian
          const scalar_t w = alpha * T;
          scalar_t dL_dalpha = scalar_t(0);
          for (int ch = 0; ch < 3; ++ch) {
            atomic_add(GCOL + g * 3 + ch, w * gc[ch]);
            dL_dalpha += (COL[g * 3 + ch] - accum_c[ch]) * gc[ch];
          }
          atomic_add(GDD + g, w * gdp);
          dL_dalpha += (D[g] - accum_d) * gdp;
          dL_dalpha *= T;
          dL_dalpha += gap * T_final / (scalar_t(1) - alpha);  // alpha_out = 1 - prod(1 - alpha_i)
          for (int ch = 0; ch < 3; ++ch) accum_c[ch] = alpha * COL[g * 3 + ch] + (scalar_t(1) - alpha) * accum_c[ch];
          accum_d = alpha * D[g] + (scalar_t(1) - alpha) * accum_d;
          const scalar_t G = std::exp(power);
          if (O[g] * G >= scalar_t(ALPHA_MAX)) continue;  // clamped: no gradient through alpha
          atomic_add(GO + g, G * dL_dalpha);
          const scalar_t dL_dpower = O[g] * G * dL_dalpha;
          const scalar_t* con = CON + g * 3;
          atomic_add(GM + g * 2, dL_dpower * (-con[0] * dx - con[1] * dy));
          atomic_add(GM + g * 2 + 1, dL_dpower * (-con[1] * dx - con[2] * dy));
          atomic_add(GCON + g * 3, dL_dpower * (scalar_t(-0.5) * dx * dx));
          atomic_add(GCON + g * 3 + 1, dL_dpower * (-dx * dy));
          atomic_add(GCON + g * 3 + 2, dL_dpower * (scalar_t(-0.5) * dy * dy));
        }
      }
    }
  }
  return {gm, gcon, go, gcol, gd};
}


std::vector<torch::Tensor> forward(torch::Tensor means, torch::Tensor conics, torch::Tensor opacities,
                                   torch::Tensor colors, torch::Tensor depths, torch::Tensor radii, int64_t W,
                                   int64_t H) {
  std::vector<torch::Tensor> out;
  AT_DISPATCH_FLOATING_TYPES(means.scalar_type(), "rasterize_forward", [&] {
    out = forward_impl<scalar_t>(means, conics, opacities, colors, depths, radii, W, H);
  });
  return out;
}

std::vector<torch::Tensor> backward(torch::Tensor means, torch::Tensor conics, torch::Tensor opacities,
                                    torch::Tensor colors, torch::Tensor depths, torch::Tensor out_a,
                                    torch::Tensor n_contrib, torch::Tensor offsets, torch::Tensor ids,
                                    torch::Tensor g_color, torch::Tensor g_depth, torch::Tensor g_alpha, int64_t W,
                                    int64_t H) {
  std::vector<torch::Tensor> out;
  AT_DISPATCH_FLOATING_TYPES(means.scalar_type(), "rasterize_backward", [&] {
    out = backward_impl<scalar_t>(means, conics, opacities, colors, depths, out_a, n_contrib, offsets, ids,
                                  g_color, g_depth, g_alpha, W, H);
  });
  return out;
}

PYBIND11_MODULE(TORCH_EXTENSION_NAME, m) {
  m.def("forward", &forward, "tile compositing forward (CPU)");
  m.def("backward", &backward, "tile compositing backward (CPU)");
}
