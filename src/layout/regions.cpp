#include "layout/regions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>

namespace peermap::layout {

namespace {

enum : std::uint8_t {
  kForbidden = 1,  // within clearance of a non-member
  kSeed = 2,       // covers a member's footprint plus padding: must stay in the region
  kRegion = 4,
  kExterior = 8,
  kMark = 16,  // scratch
};

//! A raster over one compact membership's box. Cell (i, j) covers [x0+i*s, x0+(i+1)*s) x [...].
class Grid {
 public:
  Grid(const Rect& extent, double cell)
      : s_(cell),
        x0_(extent.x),
        y0_(extent.y),
        nx_(static_cast<int>(std::ceil(extent.w / cell)) + 1),
        ny_(static_cast<int>(std::ceil(extent.h / cell)) + 1),
        flags_(static_cast<std::size_t>(nx_) * static_cast<std::size_t>(ny_), 0) {}

  [[nodiscard]] int nx() const { return nx_; }
  [[nodiscard]] int ny() const { return ny_; }
  [[nodiscard]] double cell() const { return s_; }
  [[nodiscard]] std::size_t size() const { return flags_.size(); }
  [[nodiscard]] std::size_t index(int i, int j) const {
    return static_cast<std::size_t>(j) * static_cast<std::size_t>(nx_) +
           static_cast<std::size_t>(i);
  }
  std::uint8_t& at(std::size_t k) { return flags_[k]; }
  [[nodiscard]] bool has(std::size_t k, std::uint8_t flag) const { return (flags_[k] & flag) != 0; }
  [[nodiscard]] Point corner(int i, int j) const { return {x0_ + i * s_, y0_ + j * s_}; }
  [[nodiscard]] Point centre(std::size_t k) const {
    const std::size_t row = k / static_cast<std::size_t>(nx_);
    const auto i = static_cast<double>(k - row * static_cast<std::size_t>(nx_));
    const auto j = static_cast<double>(row);
    return {x0_ + (i + 0.5) * s_, y0_ + (j + 0.5) * s_};
  }

  //! Calls f(k) for every cell whose interior meets the rectangle's interior.
  template <typename F>
  void for_cells(const Rect& r, F f) const {
    const int i0 = std::max(0, static_cast<int>(std::floor((r.x - x0_) / s_)));
    const int i1 = std::min(nx_ - 1, static_cast<int>(std::ceil((r.right() - x0_) / s_)) - 1);
    const int j0 = std::max(0, static_cast<int>(std::floor((r.y - y0_) / s_)));
    const int j1 = std::min(ny_ - 1, static_cast<int>(std::ceil((r.bottom() - y0_) / s_)) - 1);
    for (int j = j0; j <= j1; ++j) {
      for (int i = i0; i <= i1; ++i) f(index(i, j));
    }
  }

  //! The 4-neighbours of cell k (fewer at the edge).
  template <typename F>
  void for_neighbours(std::size_t k, F f) const {
    const int i = static_cast<int>(k % static_cast<std::size_t>(nx_));
    const int j = static_cast<int>(k / static_cast<std::size_t>(nx_));
    if (i > 0) f(k - 1);
    if (i + 1 < nx_) f(k + 1);
    if (j > 0) f(k - static_cast<std::size_t>(nx_));
    if (j + 1 < ny_) f(k + static_cast<std::size_t>(nx_));
  }

  void clear(std::uint8_t flag) {
    for (auto& f : flags_) f = static_cast<std::uint8_t>(f & ~flag);
  }

 private:
  double s_;
  double x0_;
  double y0_;
  int nx_;
  int ny_;
  std::vector<std::uint8_t> flags_;
};

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

//! Marks with kMark every cell reachable from `start` through cells passing `open`.
template <typename Open>
void flood(Grid& grid, const std::vector<std::size_t>& start, Open open) {
  std::vector<std::size_t> queue;  // breadth-first: a vector read from the front is enough
  for (std::size_t k : start) {
    if (!grid.has(k, kMark) && open(k)) {
      grid.at(k) |= kMark;
      queue.push_back(k);
    }
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    grid.for_neighbours(queue[head], [&](std::size_t n) {
      if (!grid.has(n, kMark) && open(n)) {
        grid.at(n) |= kMark;
        queue.push_back(n);
      }
    });
  }
}

//! Squared Euclidean distance transform along one line (Felzenszwalb and Huttenlocher 2012):
//! d[q] = min over p of (q - p)^2 + f[p]. O(n).
void distance_transform_1d(const std::vector<double>& f, std::vector<double>& d, std::size_t n,
                           std::vector<std::size_t>& v, std::vector<double>& z) {
  const double inf = std::numeric_limits<double>::infinity();
  std::size_t k = 0;
  v[0] = 0;
  z[0] = -inf;
  z[1] = inf;
  const auto meet = [&](std::size_t q, std::size_t p) {
    const auto qd = static_cast<double>(q);
    const auto pd = static_cast<double>(p);
    return ((f[q] + qd * qd) - (f[p] + pd * pd)) / (2 * qd - 2 * pd);
  };
  for (std::size_t q = 1; q < n; ++q) {
    double s = meet(q, v[k]);
    while (k > 0 && s <= z[k]) {
      --k;
      s = meet(q, v[k]);
    }
    ++k;
    v[k] = q;
    z[k] = s;
    z[k + 1] = inf;
  }
  k = 0;
  for (std::size_t q = 0; q < n; ++q) {
    while (z[k + 1] < static_cast<double>(q)) ++k;
    const double dq = static_cast<double>(q) - static_cast<double>(v[k]);
    d[q] = dq * dq + f[v[k]];
  }
}

//! For every cell, the squared distance in cells to the nearest cell where `feature` is true.
//! Cells with no feature in the grid get a huge value. O(cells).
template <typename Feature>
std::vector<double> squared_distances(const Grid& grid, Feature feature) {
  constexpr double kFar = 1e12;  // finite, so that the envelope's arithmetic stays finite
  const auto nx = static_cast<std::size_t>(grid.nx());
  const auto ny = static_cast<std::size_t>(grid.ny());
  std::vector<double> out(grid.size());
  for (std::size_t k = 0; k < grid.size(); ++k) out[k] = feature(k) ? 0.0 : kFar;
  const std::size_t most = std::max(nx, ny);
  std::vector<double> f(most);
  std::vector<double> d(most);
  std::vector<std::size_t> v(most);
  std::vector<double> z(most + 1);
  for (std::size_t i = 0; i < nx; ++i) {
    for (std::size_t j = 0; j < ny; ++j) f[j] = out[j * nx + i];
    distance_transform_1d(f, d, ny, v, z);
    for (std::size_t j = 0; j < ny; ++j) out[j * nx + i] = d[j];
  }
  for (std::size_t j = 0; j < ny; ++j) {
    for (std::size_t i = 0; i < nx; ++i) f[i] = out[j * nx + i];
    distance_transform_1d(f, d, nx, v, z);
    for (std::size_t i = 0; i < nx; ++i) out[j * nx + i] = d[i];
  }
  return out;
}

//! The outline of a simply connected, 4-connected region, clockwise on screen. Empty when
//! the region touches itself at a corner (cannot happen once holes are removed).
Polygon trace_outline(const Grid& grid) {
  const int vx = grid.nx() + 1;
  const auto vertex = [vx](int i, int j) {
    return static_cast<std::size_t>(j) * static_cast<std::size_t>(vx) + static_cast<std::size_t>(i);
  };
  std::vector<std::size_t> next(
      static_cast<std::size_t>(vx) * static_cast<std::size_t>(grid.ny() + 1), kNone);
  std::size_t edges = 0;
  bool pinched = false;
  const auto add = [&](std::size_t from, std::size_t to) {
    if (next[from] != kNone) pinched = true;
    next[from] = to;
    ++edges;
  };
  const auto inside = [&](int i, int j) {
    return i >= 0 && j >= 0 && i < grid.nx() && j < grid.ny() &&
           grid.has(grid.index(i, j), kRegion);
  };
  std::size_t start = kNone;
  for (int j = 0; j < grid.ny(); ++j) {
    for (int i = 0; i < grid.nx(); ++i) {
      if (!inside(i, j)) continue;
      if (!inside(i, j - 1)) add(vertex(i, j), vertex(i + 1, j));
      if (!inside(i + 1, j)) add(vertex(i + 1, j), vertex(i + 1, j + 1));
      if (!inside(i, j + 1)) add(vertex(i + 1, j + 1), vertex(i, j + 1));
      if (!inside(i - 1, j)) add(vertex(i, j + 1), vertex(i, j));
      if (start == kNone) start = vertex(i, j);
    }
  }
  if (pinched || start == kNone) return {};
  Polygon outline;
  std::size_t walked = 0;
  std::size_t v = start;
  do {
    const int i = static_cast<int>(v % static_cast<std::size_t>(vx));
    const int j = static_cast<int>(v / static_cast<std::size_t>(vx));
    outline.push_back(grid.corner(i, j));
    v = next[v];
    ++walked;
  } while (v != start && v != kNone && walked <= edges);
  if (walked != edges) return {};  // more than one loop
  return outline;
}

Polygon drop_collinear(const Polygon& polygon) {
  Polygon out;
  const std::size_t n = polygon.size();
  for (std::size_t k = 0; k < n; ++k) {
    const Point& a = polygon[(k + n - 1) % n];
    const Point& b = polygon[k];
    const Point& c = polygon[(k + 1) % n];
    const double cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    if (std::abs(cross) > 1e-9) out.push_back(b);
  }
  return out;
}

//! Douglas-Peucker on a closed outline: drops points that lie within `tolerance` of the line
//! through their neighbours that are kept. The outline moves by at most `tolerance`.
Polygon simplify(const Polygon& polygon, double tolerance) {
  const std::size_t n = polygon.size();
  if (n < 8) return polygon;
  std::vector<bool> keep(n, false);
  const auto distance = [](Point p, Point a, Point b) {
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double length = std::hypot(dx, dy);
    if (length < 1e-12) return std::hypot(p.x - a.x, p.y - a.y);
    return std::abs(dy * p.x - dx * p.y + b.x * a.y - b.y * a.x) / length;
  };
  std::vector<std::pair<std::size_t, std::size_t>> spans{{0, n / 2}, {n / 2, n}};
  keep[0] = keep[n / 2] = true;
  while (!spans.empty()) {
    const auto [from, to] = spans.back();
    spans.pop_back();
    const Point a = polygon[from];
    const Point b = polygon[to % n];
    double worst = 0;
    std::size_t at = from;
    for (std::size_t k = from + 1; k < to; ++k) {
      const double d = distance(polygon[k], a, b);
      if (d > worst) {
        worst = d;
        at = k;
      }
    }
    if (worst > tolerance) {
      keep[at] = true;
      spans.emplace_back(from, at);
      spans.emplace_back(at, to);
    }
  }
  Polygon out;
  for (std::size_t k = 0; k < n; ++k) {
    if (keep[k]) out.push_back(polygon[k]);
  }
  return out;
}

//! The closed outline with every side longer than `most` cut into equal pieces.
Polygon subdivide(const Polygon& polygon, double most) {
  Polygon out;
  for (std::size_t k = 0; k < polygon.size(); ++k) {
    const Point a = polygon[k];
    const Point b = polygon[(k + 1) % polygon.size()];
    const int pieces =
        std::max(1, static_cast<int>(std::ceil(std::hypot(b.x - a.x, b.y - a.y) / most)));
    for (int i = 0; i < pieces; ++i) {
      const double t = static_cast<double>(i) / pieces;
      out.push_back({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
    }
  }
  return out;
}

//! Chaikin's corner cutting on a closed outline, `rounds` times: a quadratic B-spline's
//! control polygon, each corner cut at a quarter of its sides (so short sides move it little).
Polygon chaikin(Polygon polygon, int rounds) {
  for (int r = 0; r < rounds && polygon.size() >= 3; ++r) {
    Polygon out;
    out.reserve(2 * polygon.size());
    for (std::size_t k = 0; k < polygon.size(); ++k) {
      const Point a = polygon[k];
      const Point b = polygon[(k + 1) % polygon.size()];
      out.push_back({0.75 * a.x + 0.25 * b.x, 0.75 * a.y + 0.25 * b.y});
      out.push_back({0.25 * a.x + 0.75 * b.x, 0.25 * a.y + 0.75 * b.y});
    }
    polygon = std::move(out);
  }
  return polygon;
}

//! The smallest gap between two footprints' rectangles (0 when they touch).
double gap(const Rect& a, const Rect& b) {
  const double dx = std::max({0.0, a.x - b.right(), b.x - a.right()});
  const double dy = std::max({0.0, a.y - b.bottom(), b.y - a.bottom()});
  return std::hypot(dx, dy);
}

//! True when the members' footprints form one piece with gaps of at most `reach`: the longest
//! edge of their minimum spanning tree (Prim). O(m^2).
bool close_together(const std::vector<Rect>& footprints, const std::vector<int>& members,
                    double reach) {
  const std::size_t m = members.size();
  const auto at = [&](std::size_t k) { return footprints[static_cast<std::size_t>(members[k])]; };
  std::vector<double> best(m, std::numeric_limits<double>::infinity());
  std::vector<bool> in(m, false);
  best[0] = 0;
  for (std::size_t step = 0; step < m; ++step) {
    std::size_t u = m;
    for (std::size_t k = 0; k < m; ++k) {
      if (!in[k] && (u == m || best[k] < best[u])) u = k;
    }
    if (best[u] > reach) return false;
    in[u] = true;
    for (std::size_t k = 0; k < m; ++k) {
      if (!in[k]) best[k] = std::min(best[k], gap(at(u), at(k)));
    }
  }
  return true;
}

//! Adds a cell wherever two region cells meet only at a corner, so the outline is one simple
//! loop; false when both cells that would do are forbidden.
bool remove_pinches(Grid& grid) {
  for (int j = 0; j + 1 < grid.ny(); ++j) {
    for (int i = 0; i + 1 < grid.nx(); ++i) {
      const std::size_t a = grid.index(i, j);
      const std::size_t b = grid.index(i + 1, j);
      const std::size_t c = grid.index(i, j + 1);
      const std::size_t d = grid.index(i + 1, j + 1);
      const auto in = [&](std::size_t k) { return grid.has(k, kRegion); };
      const bool falling = in(a) && in(d) && !in(b) && !in(c);
      const bool rising = in(b) && in(c) && !in(a) && !in(d);
      if (!falling && !rising) continue;
      const std::size_t fill_one = falling ? b : a;
      const std::size_t fill_other = falling ? c : d;
      if (!grid.has(fill_one, kForbidden)) {
        grid.at(fill_one) |= kRegion;
      } else if (!grid.has(fill_other, kForbidden)) {
        grid.at(fill_other) |= kRegion;
      } else {
        return false;
      }
    }
  }
  return true;
}

//! The closing of the members' padded footprints by a disc of `p.closing`, less every
//! non-member's clearance, as one smooth outline; nullopt when the members are scattered
//! (gaps over twice the closing radius, or a box too large for their number), when a
//! non-member would be cut off inside, or when the members fall apart.
std::optional<Polygon> compact_outline(const std::vector<Rect>& footprints,
                                       const std::vector<int>& members,
                                       const std::vector<bool>& is_member, double padding,
                                       const RegionParameters& p) {
  if (!close_together(footprints, members, 2 * p.closing)) return std::nullopt;
  const double s = p.cell;
  Rect box = footprints[static_cast<std::size_t>(members.front())];
  double reserved = 0;  // what the members' closing discs could cover at most, summed
  for (int m : members) {
    const Rect& f = footprints[static_cast<std::size_t>(m)];
    box = box.united(f);
    reserved += (f.w + 2 * p.closing) * (f.h + 2 * p.closing);
  }
  const Rect extent = box.inflated(p.closing + padding + 2 * s);
  // A chain of members across the map is scattered too: its box would be mostly empty.
  if (extent.w * extent.h > 8 * reserved) return std::nullopt;
  Grid grid(extent, s);
  // Dilate by the closing radius (exact distances to the rectangles), then erode by the
  // closing radius less the padding: the padded footprints closed by a disc.
  std::vector<double> near(grid.size(), std::numeric_limits<double>::infinity());
  for (int m : members) {
    const Rect& f = footprints[static_cast<std::size_t>(m)];
    grid.for_cells(f.inflated(p.closing + s), [&](std::size_t k) {
      near[k] = std::min(near[k], distance(grid.centre(k), f));
    });
  }
  const std::vector<double> outside =
      squared_distances(grid, [&](std::size_t k) { return near[k] > p.closing; });
  const double keep = (p.closing - padding) / s;
  for (std::size_t k = 0; k < grid.size(); ++k) {
    if (outside[k] > keep * keep) grid.at(k) |= kRegion;
  }
  // Every cell holding a point within `by` of the rectangle (rounded at its corners, as the
  // closing rounds them): its centre is within `by` plus half a cell's diagonal.
  const auto for_cells_near = [&](const Rect& r, double by, auto f) {
    grid.for_cells(r.inflated(by + s), [&](std::size_t k) {
      if (distance(grid.centre(k), r) <= by + 0.71 * s) f(k);
    });
  };
  for (int m : members) {
    for_cells_near(footprints[static_cast<std::size_t>(m)], padding,
                   [&](std::size_t k) { grid.at(k) |= kSeed | kRegion; });
  }
  for (std::size_t n = 0; n < footprints.size(); ++n) {
    if (is_member[n]) continue;
    if (!footprints[n].inflated(p.clearance + s).overlaps(extent)) continue;
    bool clash = false;
    for_cells_near(footprints[n], p.clearance, [&](std::size_t k) {
      clash = clash || grid.has(k, kSeed);
      grid.at(k) = static_cast<std::uint8_t>((grid.at(k) | kForbidden) & ~kRegion);
    });
    if (clash) return std::nullopt;
  }
  // One piece holding every member; stray bits of the closing are dropped.
  std::vector<std::size_t> seed;
  grid.for_cells(footprints[static_cast<std::size_t>(members.front())],
                 [&](std::size_t k) { seed.push_back(k); });
  flood(grid, seed, [&](std::size_t k) { return grid.has(k, kRegion); });
  for (std::size_t k = 0; k < grid.size(); ++k) {
    if (grid.has(k, kSeed) && !grid.has(k, kMark)) return std::nullopt;
    if (!grid.has(k, kMark)) grid.at(k) = static_cast<std::uint8_t>(grid.at(k) & ~kRegion);
  }
  grid.clear(kMark);
  if (!remove_pinches(grid)) return std::nullopt;
  // Holes: filled when empty; a non-member enclosed makes the membership a line instead.
  std::vector<std::size_t> border;
  for (int i = 0; i < grid.nx(); ++i) {
    border.push_back(grid.index(i, 0));
    border.push_back(grid.index(i, grid.ny() - 1));
  }
  for (int j = 0; j < grid.ny(); ++j) {
    border.push_back(grid.index(0, j));
    border.push_back(grid.index(grid.nx() - 1, j));
  }
  flood(grid, border, [&](std::size_t k) { return !grid.has(k, kRegion); });
  for (std::size_t k = 0; k < grid.size(); ++k) {
    if (grid.has(k, kRegion) || grid.has(k, kMark)) continue;
    if (grid.has(k, kForbidden)) return std::nullopt;
    grid.at(k) |= kRegion;
  }
  Polygon outline = drop_collinear(trace_outline(grid));
  if (outline.size() < 4) return std::nullopt;
  // Straighten the stairs (by under a cell), then round every corner.
  outline = simplify(chaikin(subdivide(simplify(outline, 0.6 * s), 2 * s), 3), 0.05);
  // The exact test: every member inside with room to spare, every non-member clear.
  for (std::size_t n = 0; n < footprints.size(); ++n) {
    const Rect& f = footprints[n];
    if (is_member[n] ? !contains(outline, f.inflated(1.0)) : intersects(outline, f.inflated(1.0)))
      return std::nullopt;
  }
  return outline;
}

double centre_distance(const Rect& a, const Rect& b) {
  const Point p = a.centre();
  const Point q = b.centre();
  return std::hypot(p.x - q.x, p.y - q.y);
}

}  // namespace

std::vector<int> line_order(const std::vector<Rect>& footprints, const std::vector<int>& members) {
  const std::size_t m = members.size();
  if (m <= 2) return members;
  const auto at = [&](int k) -> const Rect& { return footprints[static_cast<std::size_t>(k)]; };
  Point centre{};
  for (int k : members) {
    centre.x += at(k).centre().x / static_cast<double>(m);
    centre.y += at(k).centre().y / static_cast<double>(m);
  }
  // Start at the member farthest out, then always go to the nearest one not yet visited.
  std::size_t first = 0;
  double farthest = -1;
  for (std::size_t k = 0; k < m; ++k) {
    const Point c = at(members[k]).centre();
    const double d = std::hypot(c.x - centre.x, c.y - centre.y);
    if (d > farthest + 1e-9) {
      farthest = d;
      first = k;
    }
  }
  std::vector<int> order{members[first]};
  std::vector<bool> used(m, false);
  used[first] = true;
  for (std::size_t step = 1; step < m; ++step) {
    std::size_t next = m;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < m; ++k) {
      if (used[k]) continue;
      const double d = centre_distance(at(order.back()), at(members[k]));
      if (d < best - 1e-9) {
        best = d;
        next = k;
      }
    }
    used[next] = true;
    order.push_back(members[next]);
  }
  // 2-opt on the open path: reverse order[i..j] when that shortens it.
  const auto d = [&](std::size_t a, std::size_t b) {
    return centre_distance(at(order[a]), at(order[b]));
  };
  for (int pass = 0; pass < 6; ++pass) {
    bool better = false;
    for (std::size_t i = 1; i + 1 < m; ++i) {
      for (std::size_t j = i + 1; j < m; ++j) {
        const double before = d(i - 1, i) + (j + 1 < m ? d(j, j + 1) : 0.0);
        const double after = d(i - 1, j) + (j + 1 < m ? d(i, j + 1) : 0.0);
        if (after < before - 1e-6) {
          std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i),
                       order.begin() + static_cast<std::ptrdiff_t>(j) + 1);
          better = true;
        }
      }
    }
    if (!better) break;
  }
  return order;
}

std::vector<RegionPlan> build_regions(const std::vector<Rect>& footprints,
                                      const std::vector<std::vector<int>>& memberships,
                                      const RegionParameters& parameters) {
  std::vector<std::size_t> by_size(memberships.size());
  std::iota(by_size.begin(), by_size.end(), std::size_t{0});
  std::stable_sort(by_size.begin(), by_size.end(), [&](std::size_t a, std::size_t b) {
    return memberships[a].size() < memberships[b].size();
  });
  std::vector<int> outlines_around(footprints.size(), 0);
  std::vector<bool> is_member(footprints.size(), false);
  std::vector<RegionPlan> plans(memberships.size());
  for (const std::size_t r : by_size) {
    const std::vector<int>& members = memberships[r];
    if (members.empty()) continue;
    int level = 0;
    for (int m : members) level = std::max(level, outlines_around[static_cast<std::size_t>(m)]);
    if (level < parameters.most_outlines) {
      for (int m : members) is_member[static_cast<std::size_t>(m)] = true;
      // Each outline around a person lies further out than the ones already there.
      auto outline = compact_outline(footprints, members, is_member,
                                     parameters.padding + parameters.nesting * level, parameters);
      for (int m : members) is_member[static_cast<std::size_t>(m)] = false;
      if (outline) {
        plans[r] = {RegionShape::Outline, std::move(*outline), {}};
        for (int m : members) ++outlines_around[static_cast<std::size_t>(m)];
        continue;
      }
    }
    plans[r] = {RegionShape::Line, {}, line_order(footprints, members)};
  }
  return plans;
}

}  // namespace peermap::layout
