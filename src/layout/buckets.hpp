// Square buckets of the plane, for the layout's spatial indexes (overlap.cpp, region_paths.cpp):
// a box is filed under every bucket it meets, and a query looks only in the buckets its area
// meets. Internal to the layout module.
#pragma once

#include <cmath>
#include <cstdint>

#include "layout/geometry.hpp"

namespace peermap::layout {

//! Calls f(key) for each square bucket of side `size` that `r` meets (edges included), row by
//! row; the key names the bucket uniquely for any drawing smaller than 2^31 buckets a side.
template <typename F>
void for_each_bucket(const Rect& r, double size, F f) {
  const auto i0 = static_cast<std::int64_t>(std::floor(r.x / size));
  const auto i1 = static_cast<std::int64_t>(std::floor(r.right() / size));
  const auto j0 = static_cast<std::int64_t>(std::floor(r.y / size));
  const auto j1 = static_cast<std::int64_t>(std::floor(r.bottom() / size));
  for (std::int64_t j = j0; j <= j1; ++j) {
    for (std::int64_t i = i0; i <= i1; ++i) f(j * (std::int64_t{1} << 32) + i);
  }
}

}  // namespace peermap::layout
