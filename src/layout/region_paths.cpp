#include "layout/region_paths.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <unordered_map>

#include "layout/buckets.hpp"
#include "layout/tie_routes.hpp"

namespace peermap::layout {

namespace {

//! Rectangles by the square buckets they cover, for "does anything here overlap?" questions.
class BucketIndex {
 public:
  explicit BucketIndex(double bucket) : bucket_(bucket) {}

  void add(const Rect& box, int owner) {
    boxes_.emplace_back(box, owner);
    each_bucket(box, [&](std::int64_t key) { buckets_[key].push_back(boxes_.size() - 1); });
  }

  //! True when f(box, owner) is true for some box whose buckets meet `query`'s.
  template <typename F>
  [[nodiscard]] bool any(const Rect& query, F f) const {
    bool found = false;
    each_bucket(query, [&](std::int64_t key) {
      if (found) return;
      const auto it = buckets_.find(key);
      if (it == buckets_.end()) return;
      for (std::size_t k : it->second) {
        if (f(boxes_[k].first, boxes_[k].second)) {
          found = true;
          return;
        }
      }
    });
    return found;
  }

 private:
  template <typename F>
  void each_bucket(const Rect& r, F f) const {
    for_each_bucket(r, bucket_, f);
  }

  double bucket_;
  std::vector<std::pair<Rect, int>> boxes_;
  std::unordered_map<std::int64_t, std::vector<std::size_t>> buckets_;
};

//! A region's outline (closed) or line (open) as the path its name must sit on.
const std::vector<Point>& path_of(const RegionGeometry& r) {
  return r.shape == RegionShape::Outline ? r.polygon : r.line;
}

struct Sample {
  Point at;
  double rank;  //!< lower is tried first
};

//! Points every `step` along the path, ranked: the outline's from the top down, the line's
//! from its nearer end inwards.
std::vector<Sample> samples(const RegionGeometry& r, double step) {
  const std::vector<Point>& path = path_of(r);
  const bool closed = r.shape == RegionShape::Outline;
  std::vector<Sample> out;
  if (path.size() == 1) return {{path.front(), 0}};
  double total = 0;
  const std::size_t segments = closed ? path.size() : path.size() - 1;
  for (std::size_t k = 0; k < segments; ++k) {
    const Point a = path[k];
    const Point b = path[(k + 1) % path.size()];
    total += std::hypot(b.x - a.x, b.y - a.y);
  }
  double along = 0;
  for (std::size_t k = 0; k < segments; ++k) {
    const Point a = path[k];
    const Point b = path[(k + 1) % path.size()];
    const double length = std::hypot(b.x - a.x, b.y - a.y);
    const int pieces = static_cast<int>(std::ceil(length / step));
    for (int i = 0; i < pieces; ++i) {
      const double t = step * i;
      const Point p{a.x + (b.x - a.x) * t / length, a.y + (b.y - a.y) * t / length};
      const double from_end = std::min(along + t, total - along - t);
      out.push_back({p, closed ? p.y : from_end});
    }
    along += length;
  }
  if (!closed) out.push_back({path.back(), 0});
  std::stable_sort(out.begin(), out.end(),
                   [](const Sample& x, const Sample& y) { return x.rank < y.rank; });
  return out;
}

//! A one-member line's length above the symbol: within the 24 pt kept round every footprint.
constexpr double kTab = 12;

}  // namespace

std::vector<Point> offset_line(const std::vector<Point>& line, double by) {
  if (line.size() < 2 || by == 0) return line;
  const auto normal = [&](std::size_t k) {  // of the segment from line[k] to line[k + 1]
    const double dx = line[k + 1].x - line[k].x;
    const double dy = line[k + 1].y - line[k].y;
    const double length = std::max(std::hypot(dx, dy), 1e-9);
    return Point{-dy / length, dx / length};
  };
  std::vector<Point> out;
  out.reserve(line.size());
  for (std::size_t k = 0; k < line.size(); ++k) {
    const Point before = normal(k == 0 ? 0 : k - 1);
    const Point after = normal(k + 1 == line.size() ? k - 1 : k);
    Point n{before.x + after.x, before.y + after.y};
    const double length = std::hypot(n.x, n.y);
    // The mitre, no longer than the offset itself: a sharp bend is cut, never spiked.
    n = length < 1e-9 ? before : Point{n.x / length, n.y / length};
    out.push_back({line[k].x + n.x * by, line[k].y + n.y * by});
  }
  return out;
}

std::vector<Point> region_line(const Geometry& g, const std::vector<int>& order,
                               const NodeObstacles& obstacles) {
  std::vector<Point> line;
  if (order.size() == 1) {
    // One member: a short tab up from the symbol into the gap kept round every footprint,
    // so that the name has a line to sit on.
    const NodeGeometry& only = g.nodes[static_cast<std::size_t>(order.front())];
    return {{only.x, only.y}, {only.x, only.y - only.h / 2 - kTab}};
  }
  for (std::size_t k = 0; k < order.size(); ++k) {
    const auto from = static_cast<std::size_t>(order[k]);
    const NodeGeometry& a = g.nodes[from];
    if (k == 0) line.push_back({a.x, a.y});
    if (k + 1 == order.size()) break;
    const auto to = static_cast<std::size_t>(order[k + 1]);
    const EdgeGeometry step = obstacles.route(from, to);
    // The route runs from outline to outline; the line goes on to the centres.
    line.insert(line.end(), step.points.begin(), step.points.end());
    line.push_back({g.nodes[to].x, g.nodes[to].y});
  }
  return line;
}

void place_region_labels(Geometry& g, const TextMeasurer& measurer) {
  constexpr double kBucket = 64;
  // Another region's outline or line keeps this far off a name, or failing that at least
  // farther than its own (which the name touches, 0.5 pt off at most).
  constexpr std::array<double, 3> kApart{3.0, 1.0, 0.0};
  constexpr std::size_t kMostSamples = 400;
  BucketIndex taken(kBucket);
  for (const auto& node : g.nodes) taken.add(node.footprint().inflated(1), -1);
  BucketIndex paths(kBucket);  // every region's segments, by their boxes
  struct Segment {
    std::size_t region;
    Point a;
    Point b;
  };
  std::vector<Segment> segments;
  for (std::size_t r = 0; r < g.regions.size(); ++r) {
    const std::vector<Point>& path = path_of(g.regions[r]);
    const bool closed = g.regions[r].shape == RegionShape::Outline;
    for (std::size_t k = 0; k + (closed ? 0 : 1) < path.size(); ++k) {
      const Point a = path[k];
      const Point b = path[(k + 1) % path.size()];
      paths.add({std::min(a.x, b.x), std::min(a.y, b.y), std::abs(b.x - a.x), std::abs(b.y - a.y)},
                static_cast<int>(segments.size()));
      segments.push_back({r, a, b});
    }
  }
  const auto free = [&](const Rect& c) {
    return !taken.any(c, [&](const Rect& t, int) { return t.overlaps(c); });
  };
  const auto apart = [&](const Rect& c, std::size_t own, double by) {
    if (by <= 0) return true;
    const Rect near = c.inflated(by);
    return !paths.any(near, [&](const Rect& box, int k) {
      const Segment& s = segments[static_cast<std::size_t>(k)];
      return s.region != own && box.inflated(0.01).overlaps(near) && distance(s.a, s.b, c) < by;
    });
  };
  for (std::size_t r = 0; r < g.regions.size(); ++r) {
    RegionGeometry& region = g.regions[r];
    region.name_width = measurer.fitting_width(region.name, label_style::kRegion);
    const Point size = measurer.measure(
        region.name, label_style::wrapped_at(label_style::kRegion, region.name_width));
    const std::vector<Sample> along = samples(region, 3.0);
    const bool outline = region.shape == RegionShape::Outline;
    // An outline's name rests on its top edge; a line's lies across the line. Either may also
    // touch it at one end of the name rather than at its middle. Only where none of those is
    // free, as far off other regions, does a name lie beside its line or outline (a steep line,
    // an outline's side), as that widens the drawing.
    const auto candidates = [&](Point p, bool beside) {
      const double centred = p.x - size.x / 2;
      const double left = p.x - std::min(6.0, size.x / 2);
      const double right = p.x - size.x + std::min(6.0, size.x / 2);
      const double above = p.y - size.y - 0.5;
      const double across = p.y - size.y / 2;
      const double below = p.y + 0.5;
      using Places = std::array<std::pair<double, double>, 9>;
      const Places at = beside    ? Places{{{p.x + 0.5, across},
                                            {p.x - size.x - 0.5, across},
                                            {p.x + 0.5, above},
                                            {p.x - size.x - 0.5, above},
                                            {p.x + 0.5, below},
                                            {p.x - size.x - 0.5, below},
                                            {centred, above},
                                            {centred, across},
                                            {centred, below}}}
                        : outline ? Places{{{centred, above},
                                            {left, above},
                                            {right, above},
                                            {centred, across},
                                            {centred, below},
                                            {left, across},
                                            {right, across},
                                            {left, below},
                                            {right, below}}}
                                  : Places{{{centred, across},
                                            {centred, above},
                                            {centred, below},
                                            {left, across},
                                            {right, across},
                                            {left, above},
                                            {right, above},
                                            {left, below},
                                            {right, below}}};
      std::array<Rect, std::tuple_size_v<Places>> out{};
      for (std::size_t k = 0; k < at.size(); ++k)
        out[k] = {at[k].first, at[k].second, size.x, size.y};
      return out;
    };
    std::optional<Rect> chosen;
    for (std::size_t tier = 0; tier < kApart.size() && !chosen; ++tier) {
      for (const bool beside : {false, true}) {
        if (chosen) break;
        // The pickier tiers look only near the ends of a long line (the first kMostSamples
        // places), so that a line across a crowded map costs little; the last looks everywhere.
        std::size_t tried = 0;
        for (const Sample& s : along) {
          if (tier + 1 < kApart.size() && ++tried > kMostSamples) break;
          for (const Rect& c : candidates(s.at, beside)) {
            if (free(c) && apart(c, r, kApart[tier])) {
              chosen = c;
              break;
            }
          }
          if (chosen) break;
        }
      }
    }
    // Boxed in everywhere along it: the nearest free place, in a spiral out from its top.
    const Point top = along.empty() ? Point{} : along.front().at;
    for (int ring = 1; !chosen; ++ring) {
      for (int s = 0; s < 8 * ring && !chosen; ++s) {
        const double angle = -M_PI / 2 + 2.0 * M_PI * s / (8 * ring);
        const Rect candidate{top.x - size.x / 2 + ring * 12.0 * std::cos(angle),
                             top.y - size.y + ring * 12.0 * std::sin(angle), size.x, size.y};
        if (free(candidate)) chosen = candidate;
      }
    }
    region.label = *chosen;
    taken.add(chosen->inflated(1), -1);
  }
}

}  // namespace peermap::layout
