// Overlap removal after the base layout. Graphviz's prism usually leaves none; this pass makes
// the guarantee unconditional and keeps pinned people where the practitioner put them.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "layout/buckets.hpp"
#include "layout/layout_parts.hpp"

namespace peermap::layout {

namespace {

//! Pairs whose footprints, grown by `half`, overlap. Sweep over x: O(n log n + pairs).
std::vector<std::pair<std::size_t, std::size_t>> overlapping_pairs(const std::vector<Rect>& boxes,
                                                                   double half) {
  std::vector<std::size_t> order(boxes.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return boxes[a].x != boxes[b].x ? boxes[a].x < boxes[b].x : a < b;
  });
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<std::size_t> active;
  for (std::size_t i : order) {
    const Rect a = boxes[i].inflated(half);
    std::erase_if(active, [&](std::size_t j) { return boxes[j].inflated(half).right() <= a.x; });
    for (std::size_t j : active) {
      if (a.overlaps(boxes[j].inflated(half))) pairs.emplace_back(std::min(i, j), std::max(i, j));
    }
    active.push_back(i);
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

//! Pushes two overlapping boxes apart along the line between their centres, just far enough
//! to clear: the drawing opens up evenly instead of stretching along one axis.
void push_apart(Rect& a, Rect& b, bool a_pinned, bool b_pinned, double half) {
  const Rect ga = a.inflated(half);
  const Rect gb = b.inflated(half);
  const double ox = std::min(ga.right(), gb.right()) - std::max(ga.x, gb.x);
  const double oy = std::min(ga.bottom(), gb.bottom()) - std::max(ga.y, gb.y);
  double dx = b.centre().x - a.centre().x;
  double dy = b.centre().y - a.centre().y;
  double length = std::hypot(dx, dy);
  if (length < 1e-9) {  // same centre: separate sideways, deterministically
    dx = 1;
    dy = 0;
    length = 1;
  }
  const double ux = dx / length;
  const double uy = dy / length;
  constexpr double kSlack = 1e-3;
  // Moving distance t along u clears the overlap once t*|ux| >= ox or t*|uy| >= oy.
  const double tx = std::abs(ux) > 1e-9 ? ox / std::abs(ux) : INFINITY;
  const double ty = std::abs(uy) > 1e-9 ? oy / std::abs(uy) : INFINITY;
  const double t = std::min(tx, ty) + kSlack;
  const double share_a = a_pinned ? 0.0 : (b_pinned ? 1.0 : 0.5);
  const double share_b = 1.0 - share_a;
  a.x -= ux * t * share_a;
  a.y -= uy * t * share_a;
  b.x += ux * t * share_b;
  b.y += uy * t * share_b;
}

//! The boxes placed so far, bucketed in a uniform grid so that a clash test looks only at the
//! boxes near the candidate: O(boxes nearby) instead of O(boxes placed).
class PlacedBoxes {
 public:
  PlacedBoxes(const std::vector<Rect>& boxes, double half) : boxes_(boxes), half_(half) {
    double widest = 1;
    for (const Rect& b : boxes) widest = std::max({widest, b.w, b.h});
    // Cells about the size of a typical box: a box covers few cells, a cell holds few boxes.
    std::vector<double> sizes;
    sizes.reserve(boxes.size());
    for (const Rect& b : boxes) sizes.push_back(std::max(b.w, b.h));
    std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2),
                     sizes.end());
    cell_ = std::max(8.0, (sizes.empty() ? widest : sizes[sizes.size() / 2]) + 2 * half);
  }

  [[nodiscard]] bool clashes(const Rect& box) const {
    const Rect grown = box.inflated(half_);
    bool found = false;
    for_cells(grown, [&](std::int64_t key) {
      const auto bucket = found ? cells_.end() : cells_.find(key);
      if (bucket == cells_.end()) return;
      for (std::size_t j : bucket->second) {
        if (grown.overlaps(boxes_[j].inflated(half_))) found = true;
      }
    });
    return found;
  }

  void add(std::size_t i) {
    for_cells(boxes_[i].inflated(half_), [&](std::int64_t key) { cells_[key].push_back(i); });
  }

 private:
  template <typename F>
  void for_cells(const Rect& r, F f) const {
    for_each_bucket(r, cell_, f);
  }

  const std::vector<Rect>& boxes_;
  double half_;
  double cell_ = 8;
  std::unordered_map<std::int64_t, std::vector<std::size_t>> cells_;
};

//! Places boxes one by one, pinned first, each at the nearest free spot on a spiral around
//! where it was. Always succeeds; slower, so only used when pushing did not settle. Cost:
//! O(n x spiral steps x boxes nearby), with a grid of the boxes placed.
void place_greedily(std::vector<Rect>& boxes, const std::vector<bool>& pinned, double half,
                    std::vector<std::string>& moved_pins) {
  std::vector<std::size_t> order(boxes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_partition(order.begin(), order.end(), [&](std::size_t i) { return pinned[i]; });
  PlacedBoxes placed(boxes, half);
  for (std::size_t i : order) {
    if (placed.clashes(boxes[i])) {
      const Rect start = boxes[i];
      const double step = std::max(4.0, half);
      bool found = false;
      for (int ring = 1; !found; ++ring) {
        const int samples = 8 * ring;
        for (int s = 0; s < samples && !found; ++s) {
          const double angle = 2.0 * M_PI * s / samples;
          Rect candidate = start;
          candidate.x += ring * step * std::cos(angle);
          candidate.y += ring * step * std::sin(angle);
          if (!placed.clashes(candidate)) {
            boxes[i] = candidate;
            found = true;
          }
        }
      }
      if (pinned[i]) moved_pins.push_back(std::to_string(i));
    }
    placed.add(i);
  }
}

}  // namespace

void spread_footprints(std::vector<Rect>& footprints, const std::vector<bool>& pinned,
                       double factor) {
  Point centroid;
  for (const Rect& f : footprints) {
    centroid.x += f.centre().x / static_cast<double>(footprints.size());
    centroid.y += f.centre().y / static_cast<double>(footprints.size());
  }
  for (std::size_t i = 0; i < footprints.size(); ++i) {
    if (pinned[i]) continue;
    const Point c = footprints[i].centre();
    footprints[i].x += (c.x - centroid.x) * (factor - 1);
    footprints[i].y += (c.y - centroid.y) * (factor - 1);
  }
}

void separate_footprints(std::vector<Rect>& footprints, const std::vector<bool>& pinned, double gap,
                         std::vector<std::string>& moved_pins) {
  const double half = gap / 2;
  // Push overlapping pairs apart; when that stalls, open the whole drawing up a little about
  // its centre (pinned people stay) and push again. The greedy placement is the last resort.
  for (int stage = 0; stage < 6; ++stage) {
    for (int round = 0; round < 40; ++round) {
      const auto pairs = overlapping_pairs(footprints, half);
      if (pairs.empty()) return;
      for (const auto& [i, j] : pairs) {
        if (pinned[i] && pinned[j]) continue;
        if (!footprints[i].inflated(half).overlaps(footprints[j].inflated(half))) continue;
        push_apart(footprints[i], footprints[j], pinned[i], pinned[j], half);
      }
    }
    spread_footprints(footprints, pinned, 1.08);
  }
  if (!overlapping_pairs(footprints, half).empty())
    place_greedily(footprints, pinned, half, moved_pins);
}

// (Documented in layout_parts.hpp.)
void compact_footprints(std::vector<Rect>& footprints, bool along_x, double factor, double gap) {
  if (footprints.size() < 2) return;
  const auto lo = [&](const Rect& r) { return along_x ? r.x : r.y; };
  const auto size = [&](const Rect& r) { return along_x ? r.w : r.h; };
  const auto across = [&](const Rect& r) {
    return along_x ? std::pair(r.y, r.y + r.h) : std::pair(r.x, r.x + r.w);
  };
  std::vector<std::size_t> order(footprints.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // By the start along the axis, ties by index: the same input gives the same drawing.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return lo(footprints[a]) < lo(footprints[b]);
  });
  const double origin = lo(footprints[order.front()]);
  std::vector<double> start(footprints.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Rect& f = footprints[order[k]];
    double at = origin + (lo(f) - origin) * factor;
    const auto [a0, a1] = across(f);
    // Every box placed before it that it would meet across the axis holds it back by the gap.
    for (std::size_t j = 0; j < k; ++j) {
      const Rect& e = footprints[order[j]];
      const auto [b0, b1] = across(e);
      if (b0 >= a1 + gap || a0 >= b1 + gap) continue;
      at = std::max(at, start[order[j]] + size(e) + gap);
    }
    start[order[k]] = at;
  }
  for (std::size_t i = 0; i < footprints.size(); ++i) {
    (along_x ? footprints[i].x : footprints[i].y) = start[i];
  }
}

namespace {

//! Whether two boxes are at least `gap` apart along x or along y.
bool clear_of(const Rect& a, const Rect& b, double gap) {
  return a.x >= b.right() + gap || b.x >= a.right() + gap || a.y >= b.bottom() + gap ||
         b.y >= a.bottom() + gap;
}

}  // namespace

// (Documented in layout_parts.hpp.)
void settle_in_free_space(std::vector<Rect>& footprints, const std::vector<bool>& fixed, double gap,
                          double reach) {
  // A hair more than the gap, so that a box put against a neighbour is clear of it.
  const double apart = gap + 0.01;
  std::vector<bool> settled = fixed;
  for (std::size_t i = 0; i < footprints.size(); ++i) {
    if (fixed[i]) continue;
    const Rect f = footprints[i];
    const auto blocked = [&](const Rect& r) {
      for (std::size_t j = 0; j < footprints.size(); ++j) {
        if (j != i && settled[j] && !clear_of(r, footprints[j], gap)) return true;
      }
      return false;
    };
    if (blocked(f)) {
      for (int look = 0; look <= 8; ++look) {
        const double within = reach * static_cast<double>(1 << look);
        const Rect area = f.inflated(within);
        std::vector<double> xs{f.x};
        std::vector<double> ys{f.y};
        for (std::size_t j = 0; j < footprints.size(); ++j) {
          const Rect& b = footprints[j];
          if (j == i || !settled[j] || !b.overlaps(area)) continue;
          xs.insert(xs.end(), {b.right() + apart, b.x - apart - f.w});
          ys.insert(ys.end(), {b.bottom() + apart, b.y - apart - f.h});
        }
        // Every place made of one of the x and one of the y, nearest first (ties by x then y).
        std::vector<std::pair<double, Point>> places;
        for (double x : xs) {
          for (double y : ys) places.emplace_back(std::hypot(x - f.x, y - f.y), Point{x, y});
        }
        std::sort(places.begin(), places.end(), [](const auto& a, const auto& b) {
          return std::tie(a.first, a.second.x, a.second.y) <
                 std::tie(b.first, b.second.x, b.second.y);
        });
        const auto free = std::find_if(places.begin(), places.end(), [&](const auto& place) {
          return !blocked({place.second.x, place.second.y, f.w, f.h});
        });
        if (free != places.end()) {
          footprints[i].x = free->second.x;
          footprints[i].y = free->second.y;
          break;
        }
      }
    }
    settled[i] = true;
  }
}

}  // namespace peermap::layout
