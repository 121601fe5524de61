#include "layout/regions.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <thread>

namespace peermap::layout {

namespace {

enum : std::uint8_t {
  kForbidden = 1,  // within clearance of a non-member, or the grid's border
  kSeed = 2,       // covers a member's footprint plus padding: must stay in the region
  kRegion = 4,
  kCorridor = 8,  // added to join members
  kExterior = 16,
  kMark = 32,  // scratch
};

//! A raster over one region's neighbourhood. Cell (i, j) covers [x0+i*s, x0+(i+1)*s) x [...].
class Grid {
 public:
  Grid(const Rect& extent, double cell)
      : s_(cell),
        x0_(extent.x),
        y0_(extent.y),
        nx_(static_cast<int>(std::ceil(extent.w / cell)) + 1),
        ny_(static_cast<int>(std::ceil(extent.h / cell)) + 1),
        flags_(static_cast<std::size_t>(nx_) * static_cast<std::size_t>(ny_), 0) {
    for (int i = 0; i < nx_; ++i) {
      flags_[index(i, 0)] |= kForbidden;
      flags_[index(i, ny_ - 1)] |= kForbidden;
    }
    for (int j = 0; j < ny_; ++j) {
      flags_[index(0, j)] |= kForbidden;
      flags_[index(nx_ - 1, j)] |= kForbidden;
    }
  }

  [[nodiscard]] int nx() const { return nx_; }
  [[nodiscard]] int ny() const { return ny_; }
  [[nodiscard]] std::size_t size() const { return flags_.size(); }
  [[nodiscard]] std::size_t index(int i, int j) const {
    return static_cast<std::size_t>(j) * static_cast<std::size_t>(nx_) +
           static_cast<std::size_t>(i);
  }
  std::uint8_t& at(std::size_t k) { return flags_[k]; }
  [[nodiscard]] bool has(std::size_t k, std::uint8_t flag) const { return (flags_[k] & flag) != 0; }
  [[nodiscard]] Point corner(int i, int j) const { return {x0_ + i * s_, y0_ + j * s_}; }

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
    const std::size_t k = queue[head];
    grid.for_neighbours(k, [&](std::size_t n) {
      if (!grid.has(n, kMark) && open(n)) {
        grid.at(n) |= kMark;
        queue.push_back(n);
      }
    });
  }
}

std::size_t first_with(const Grid& grid, std::uint8_t flag) {
  for (std::size_t k = 0; k < grid.size(); ++k) {
    if (grid.has(k, flag)) return k;
  }
  return kNone;
}

//! Breadth-first search from `starts` through cells passing `open` until one passes `goal`;
//! returns the path (goal first, excluding the start cell) or empty. `parent` is scratch
//! space as large as the grid, all kNone on entry and on return. O(cells visited).
template <typename Open, typename Goal>
std::vector<std::size_t> shortest_path(const Grid& grid, const std::vector<std::size_t>& starts,
                                       std::vector<std::size_t>& parent, Open open, Goal goal) {
  std::vector<std::size_t> queue;
  for (std::size_t k : starts) {
    parent[k] = k;
    queue.push_back(k);
  }
  std::vector<std::size_t> path;
  for (std::size_t head = 0; head < queue.size() && path.empty(); ++head) {
    const std::size_t k = queue[head];
    grid.for_neighbours(k, [&](std::size_t n) {
      if (!path.empty() || parent[n] != kNone) return;
      if (goal(n)) {
        for (std::size_t c = k; parent[c] != c; c = parent[c]) path.push_back(c);
        path.insert(path.begin(), n);
      } else if (open(n)) {
        parent[n] = k;
        queue.push_back(n);
      }
    });
  }
  for (std::size_t k : queue) parent[k] = kNone;
  return path;
}

//! Joins every part of the region into one 4-connected piece with corridors that keep out
//! of forbidden cells: one breadth-first sweep from the first part; each time it reaches
//! another part, the path back becomes a corridor and the part joins the sources. O(cells).
//! False when some member cannot be reached.
bool connect(Grid& grid) {
  const std::size_t start = first_with(grid, kRegion);
  if (start == kNone) return true;
  const auto in_region = [&](std::size_t k) { return grid.has(k, kRegion); };
  grid.clear(kMark);
  std::vector<std::size_t> parent(grid.size(), kNone);
  std::vector<std::size_t> queue;
  queue.reserve(grid.size());
  const auto join = [&](std::size_t k) {
    parent[k] = k;
    queue.push_back(k);
  };
  flood(grid, {start}, in_region);
  for (std::size_t k = 0; k < grid.size(); ++k) {
    if (grid.has(k, kMark)) join(k);
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::size_t k = queue[head];
    grid.for_neighbours(k, [&](std::size_t n) {
      if (parent[n] != kNone) return;
      if (grid.has(n, kRegion) && !grid.has(n, kMark)) {
        for (std::size_t c = k; parent[c] != c;) {
          const std::size_t towards_sources = parent[c];
          grid.at(c) |= kRegion | kCorridor | kMark;
          join(c);
          c = towards_sources;
        }
        std::vector<std::size_t> part{n};
        grid.at(n) |= kMark;
        for (std::size_t i = 0; i < part.size(); ++i) {
          join(part[i]);
          grid.for_neighbours(part[i], [&](std::size_t m) {
            if (grid.has(m, kRegion) && !grid.has(m, kMark)) {
              grid.at(m) |= kMark;
              part.push_back(m);
            }
          });
        }
        return;
      }
      if (!grid.has(n, kForbidden)) {
        parent[n] = k;
        queue.push_back(n);
      }
    });
  }
  for (std::size_t k = 0; k < grid.size(); ++k) {
    if (grid.has(k, kRegion) && !grid.has(k, kMark)) return false;
  }
  return true;
}

//! Widens one-cell corridors to three cells where the space allows.
void widen_corridors(Grid& grid) {
  std::vector<std::size_t> corridor;
  for (std::size_t k = 0; k < grid.size(); ++k) {
    if (grid.has(k, kCorridor)) corridor.push_back(k);
  }
  for (std::size_t k : corridor) {
    grid.for_neighbours(k, [&](std::size_t n) {
      if (!grid.has(n, kForbidden)) grid.at(n) |= kRegion;
    });
  }
}

//! Marks kExterior every non-region cell reachable from the border.
void mark_exterior(Grid& grid) {
  grid.clear(kExterior | kMark);
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
    if (grid.has(k, kMark)) grid.at(k) |= kExterior;
  }
  grid.clear(kMark);
}

//! Makes the region simply connected: a hole with nothing in it is filled; a hole around a
//! non-member is opened to the outside by a one-cell cut that avoids members. Every hole is
//! handled in each round; a round costs a few sweeps of the grid plus each cut's search.
bool remove_holes(Grid& grid) {
  std::vector<std::size_t> parent(grid.size(), kNone);
  for (int round = 0; round < 16; ++round) {
    mark_exterior(grid);
    bool any_hole = false;
    bool cut_any = false;
    for (std::size_t hole = 0; hole < grid.size(); ++hole) {
      if (grid.has(hole, kRegion) || grid.has(hole, kExterior) || grid.has(hole, kMark)) continue;
      any_hole = true;
      std::vector<std::size_t> cells{hole};
      grid.at(hole) |= kMark;
      bool holds_forbidden = false;
      for (std::size_t i = 0; i < cells.size(); ++i) {
        holds_forbidden = holds_forbidden || grid.has(cells[i], kForbidden);
        grid.for_neighbours(cells[i], [&](std::size_t n) {
          if (!grid.has(n, kRegion) && !grid.has(n, kMark)) {
            grid.at(n) |= kMark;
            cells.push_back(n);
          }
        });
      }
      if (!holds_forbidden) {
        for (std::size_t k : cells) grid.at(k) |= kRegion;
        continue;
      }
      const auto cut = shortest_path(
          grid, cells, parent,
          [&](std::size_t k) { return grid.has(k, kRegion) && !grid.has(k, kSeed); },
          [&](std::size_t k) { return grid.has(k, kExterior); });
      if (cut.empty()) return false;
      for (std::size_t k : cut) {
        if (grid.has(k, kRegion))
          grid.at(k) = static_cast<std::uint8_t>(grid.at(k) & ~(kRegion | kCorridor));
      }
      for (std::size_t k : cut) grid.at(k) |= kExterior | kMark;
      for (std::size_t k : cells) grid.at(k) |= kExterior;
      cut_any = true;
    }
    grid.clear(kMark);
    if (!any_hole) return true;
    if (cut_any && !connect(grid)) return false;
  }
  return false;
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

//! Cuts every corner at most `cut` along each side: the outline moves by less than `cut`.
Polygon round_corners(const Polygon& polygon, double cut) {
  Polygon out;
  const std::size_t n = polygon.size();
  out.reserve(2 * n);
  const auto towards = [](Point from, Point to, double distance) {
    const double dx = to.x - from.x;
    const double dy = to.y - from.y;
    const double length = std::hypot(dx, dy);
    const double t = length > 0 ? std::min(distance, length / 2) / length : 0;
    return Point{from.x + dx * t, from.y + dy * t};
  };
  for (std::size_t k = 0; k < n; ++k) {
    const Point& prev = polygon[(k + n - 1) % n];
    const Point& corner = polygon[k];
    const Point& next = polygon[(k + 1) % n];
    const Point a = towards(corner, prev, cut);
    const Point b = towards(corner, next, cut);
    if (out.empty() || std::hypot(out.back().x - a.x, out.back().y - a.y) > 1e-6) out.push_back(a);
    out.push_back(b);
  }
  if (out.size() > 1 &&
      std::hypot(out.front().x - out.back().x, out.front().y - out.back().y) < 1e-6) {
    out.pop_back();
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

Result<Polygon> build_region(const std::vector<Rect>& footprints, const std::vector<int>& members,
                             const Rect& extent, const RegionParameters& p) {
  Grid grid(extent, p.cell);
  std::vector<bool> is_member(footprints.size(), false);
  for (int m : members) is_member[static_cast<std::size_t>(m)] = true;
  for (std::size_t k = 0; k < footprints.size(); ++k) {
    const Rect& f = footprints[k];
    if (is_member[k]) continue;
    if (!f.inflated(p.clearance).overlaps(extent)) continue;
    grid.for_cells(f.inflated(p.clearance), [&](std::size_t c) { grid.at(c) |= kForbidden; });
  }
  bool conflict = false;
  for (int m : members) {
    grid.for_cells(footprints[static_cast<std::size_t>(m)].inflated(p.padding), [&](std::size_t c) {
      if (grid.has(c, kForbidden)) conflict = true;
      grid.at(c) |= kSeed | kRegion;
    });
  }
  if (conflict) return Error{ErrorKind::Conflict, "a member and a non-member are too close"};
  if (!connect(grid)) return Error{ErrorKind::Conflict, "a member cannot be reached"};
  widen_corridors(grid);
  if (!remove_holes(grid)) return Error{ErrorKind::Conflict, "a region encloses a non-member"};
  Polygon outline = drop_collinear(trace_outline(grid));
  if (outline.size() < 4) return Error{ErrorKind::Conflict, "a region touches itself"};
  // The two cuts move the outline by under 0.72 x margin and simplifying by 0.25 x margin more,
  // so it stays clear of every footprint.
  const double margin = std::min(p.padding, p.clearance);
  outline = round_corners(outline, margin * 0.8);
  return simplify(round_corners(outline, margin * 0.4), margin * 0.25);
}

}  // namespace

Result<std::vector<Polygon>> build_regions(const std::vector<Rect>& footprints,
                                           const std::vector<std::vector<int>>& memberships,
                                           const RegionParameters& parameters) {
  Rect all{};
  for (std::size_t k = 0; k < footprints.size(); ++k) {
    all = k == 0 ? footprints[k] : all.united(footprints[k]);
  }
  const double border = parameters.padding + 3 * parameters.cell;
  const auto one = [&](const std::vector<int>& members) -> Result<Polygon> {
    if (members.empty()) return Polygon{};
    Rect box = footprints[static_cast<std::size_t>(members.front())];
    for (int m : members) box = box.united(footprints[static_cast<std::size_t>(m)]);
    // First look near the members; if a corridor has to go round, look over everything.
    auto region =
        build_region(footprints, members, box.inflated(parameters.reach + border), parameters);
    if (!region)
      region =
          build_region(footprints, members, all.inflated(border + 4 * parameters.cell), parameters);
    return region;
  };
  // Regions are independent: share them between the cores, each result in its own slot.
  std::vector<std::optional<Result<Polygon>>> results(memberships.size());
  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    for (std::size_t r = next++; r < memberships.size(); r = next++)
      results[r] = one(memberships[r]);
  };
  const unsigned threads = std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()),
                                              static_cast<unsigned>(memberships.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();
  std::vector<Polygon> polygons;
  polygons.reserve(memberships.size());
  for (auto& result : results) {
    if (!result->ok()) return result->error();
    polygons.push_back(std::move(*result).value());
  }
  return polygons;
}

}  // namespace peermap::layout
