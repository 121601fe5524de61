// Overlap removal after the base layout. Graphviz's prism usually leaves none; this pass makes
// the guarantee unconditional and keeps pinned people where the practitioner put them.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

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

//! Pushes two overlapping boxes apart along the axis where they overlap least.
void push_apart(Rect& a, Rect& b, bool a_pinned, bool b_pinned, double half) {
  const Rect ga = a.inflated(half);
  const Rect gb = b.inflated(half);
  const double ox = std::min(ga.right(), gb.right()) - std::max(ga.x, gb.x);
  const double oy = std::min(ga.bottom(), gb.bottom()) - std::max(ga.y, gb.y);
  const double share_a = a_pinned ? 0.0 : (b_pinned ? 1.0 : 0.5);
  const double share_b = 1.0 - share_a;
  constexpr double kSlack = 1e-3;
  if (ox <= oy) {
    const double dir = a.centre().x <= b.centre().x ? -1.0 : 1.0;
    a.x += dir * (ox + kSlack) * share_a;
    b.x -= dir * (ox + kSlack) * share_b;
  } else {
    const double dir = a.centre().y <= b.centre().y ? -1.0 : 1.0;
    a.y += dir * (oy + kSlack) * share_a;
    b.y -= dir * (oy + kSlack) * share_b;
  }
}

bool clashes(const Rect& box, const std::vector<Rect>& boxes, const std::vector<std::size_t>& placed,
             double half) {
  const Rect grown = box.inflated(half);
  return std::any_of(placed.begin(), placed.end(),
                     [&](std::size_t j) { return grown.overlaps(boxes[j].inflated(half)); });
}

//! Places boxes one by one, pinned first, each at the nearest free spot on a spiral around
//! where it was. Always succeeds; slower, so only used when pushing did not settle.
void place_greedily(std::vector<Rect>& boxes, const std::vector<bool>& pinned, double half,
                    std::vector<std::string>& moved_pins) {
  std::vector<std::size_t> order(boxes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_partition(order.begin(), order.end(), [&](std::size_t i) { return pinned[i]; });
  std::vector<std::size_t> placed;
  for (std::size_t i : order) {
    if (clashes(boxes[i], boxes, placed, half)) {
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
          if (!clashes(candidate, boxes, placed, half)) {
            boxes[i] = candidate;
            found = true;
          }
        }
      }
      if (pinned[i]) moved_pins.push_back(std::to_string(i));
    }
    placed.push_back(i);
  }
}

}  // namespace

void separate_footprints(std::vector<Rect>& footprints, const std::vector<bool>& pinned, double gap,
                         std::vector<std::string>& moved_pins) {
  const double half = gap / 2;
  for (int round = 0; round < 100; ++round) {
    const auto pairs = overlapping_pairs(footprints, half);
    if (pairs.empty()) return;
    for (const auto& [i, j] : pairs) {
      if (pinned[i] && pinned[j]) continue;
      if (!footprints[i].inflated(half).overlaps(footprints[j].inflated(half))) continue;
      push_apart(footprints[i], footprints[j], pinned[i], pinned[j], half);
    }
  }
  if (!overlapping_pairs(footprints, half).empty()) place_greedily(footprints, pinned, half, moved_pins);
}

}  // namespace peermap::layout
