#include "layout/tie_routes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <queue>
#include <string>
#include <utility>

#include "layout/layout_parts.hpp"
#include "layout/style.hpp"

namespace peermap::layout {

namespace {

struct Segment {
  Point a;
  Point b;
};

//! A route may run along an obstacle's grown edge (within this much) without counting as
//! passing through it: corners sit just outside, so rounding cannot make a route fail.
constexpr double kAlongEdge = 0.25;
//! How far around the straight line obstacles are looked for: at first, then doubling this
//! many times more.
constexpr double kFirstMargin = 40.0;
constexpr int kWiderLooks = 3;
//! A detour may be this much longer (points) to cross one line fewer.
constexpr double kCrossingCost = 40.0;
//! Past this many obstacles near one line, or this many box and line tests for one search (a
//! long tie across a dense map of a thousand people), a search costs more than it is worth:
//! the crossings are no longer weighed, and then the line stays straight.
constexpr std::size_t kMostObstacles = 160;
constexpr std::size_t kMostWork = 2'000'000;
//! An earlier line is kept only when its two people are within this of where they were.
constexpr double kStayedPut = 0.01;

double distance(Point a, Point b) { return std::hypot(b.x - a.x, b.y - a.y); }

bool strictly_inside(const Rect& r, Point p) {
  return p.x > r.x && p.x < r.right() && p.y > r.y && p.y < r.bottom();
}

Rect span_of(Point a, Point b) {
  return {std::min(a.x, b.x), std::min(a.y, b.y), std::abs(b.x - a.x), std::abs(b.y - a.y)};
}

//! True when the segment ab passes through the interior of `box` (less kAlongEdge).
bool passes_through(Point a, Point b, const Rect& span, const Rect& box) {
  const Rect inner = box.inflated(-kAlongEdge);
  const bool apart = inner.x > span.right() || span.x > inner.right() || inner.y > span.bottom() ||
                     span.y > inner.bottom();
  return !apart && segment_meets(a, b, inner);
}

//! Boxes bucketed in a uniform grid over their bounds, so that the boxes near an area or along
//! a segment are found without looking at all of them. Each query answers the indices, in
//! ascending order, of the boxes in the cells it meets: a superset of those it touches.
class BoxGrid {
 public:
  explicit BoxGrid(const std::vector<Rect>& boxes) : seen_(boxes.size(), 0) {
    if (boxes.empty()) return;
    Rect all = boxes.front();
    double sizes = 0;
    for (const Rect& b : boxes) {
      all = all.united(b);
      sizes += std::max(b.w, b.h);
    }
    // Cells about as large as a box, and at most 256 a side.
    cell_ = std::max({sizes / static_cast<double>(boxes.size()), all.w / 256, all.h / 256, 1.0});
    x0_ = all.x;
    y0_ = all.y;
    columns_ = static_cast<std::int64_t>(all.w / cell_) + 1;
    rows_ = static_cast<std::int64_t>(all.h / cell_) + 1;
    cells_.resize(static_cast<std::size_t>(columns_ * rows_));
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      const Rect& b = boxes[i];
      for (std::int64_t r = row(b.y); r <= row(b.bottom()); ++r) {
        for (std::int64_t c = column(b.x); c <= column(b.right()); ++c) cell(c, r).push_back(i);
      }
    }
  }

  //! The boxes whose cells meet `area`.
  void near(const Rect& area, std::vector<std::size_t>& out) const {
    out.clear();
    if (cells_.empty()) return;
    next_stamp();
    for (std::int64_t r = row(area.y); r <= row(area.bottom()); ++r) {
      for (std::int64_t c = column(area.x); c <= column(area.right()); ++c) take(c, r, out);
    }
    std::sort(out.begin(), out.end());
  }

  //! The boxes whose cells the segment ab passes through (column by column).
  void along(Point a, Point b, std::vector<std::size_t>& out) const {
    out.clear();
    if (cells_.empty()) return;
    next_stamp();
    if (a.x > b.x) std::swap(a, b);
    const double slope = b.x - a.x > 1e-12 ? (b.y - a.y) / (b.x - a.x) : 0;
    const std::int64_t first = column(a.x);
    const std::int64_t last = column(b.x);
    for (std::int64_t c = first; c <= last; ++c) {
      // The segment's extent in y within this column's x-range.
      double ya = a.y;
      double yb = b.y;
      if (b.x - a.x > 1e-12) {
        const double xa = std::max(a.x, x0_ + static_cast<double>(c) * cell_);
        const double xb = std::min(b.x, x0_ + static_cast<double>(c + 1) * cell_);
        ya = a.y + slope * (xa - a.x);
        yb = a.y + slope * (xb - a.x);
      }
      for (std::int64_t r = row(std::min(ya, yb) - 1e-6); r <= row(std::max(ya, yb) + 1e-6); ++r)
        take(c, r, out);
    }
    std::sort(out.begin(), out.end());
  }

 private:
  [[nodiscard]] std::int64_t column(double x) const {
    return std::clamp(static_cast<std::int64_t>(std::floor((x - x0_) / cell_)), std::int64_t{0},
                      columns_ - 1);
  }
  [[nodiscard]] std::int64_t row(double y) const {
    return std::clamp(static_cast<std::int64_t>(std::floor((y - y0_) / cell_)), std::int64_t{0},
                      rows_ - 1);
  }
  std::vector<std::size_t>& cell(std::int64_t c, std::int64_t r) {
    return cells_[static_cast<std::size_t>(r * columns_ + c)];
  }
  void next_stamp() const {
    if (++stamp_ == 0) {  // wrapped: forget every mark
      std::fill(seen_.begin(), seen_.end(), 0);
      stamp_ = 1;
    }
  }
  void take(std::int64_t c, std::int64_t r, std::vector<std::size_t>& out) const {
    for (std::size_t i : cells_[static_cast<std::size_t>(r * columns_ + c)]) {
      if (seen_[i] != stamp_) {
        seen_[i] = stamp_;
        out.push_back(i);
      }
    }
  }

  double cell_ = 1;
  double x0_ = 0;
  double y0_ = 0;
  std::int64_t columns_ = 0;
  std::int64_t rows_ = 0;
  std::vector<std::vector<std::size_t>> cells_;
  mutable std::vector<std::uint32_t> seen_;
  mutable std::uint32_t stamp_ = 0;
};

}  // namespace

//! The footprints a route must keep clear of (grown by the clearance), with a grid over them.
//! `skip_a` and `skip_b` (the tie's own two people) are left out of every answer.
class Obstacles {
 public:
  explicit Obstacles(std::vector<Rect> grown) : grown_(std::move(grown)), grid_(grown_) {}

  [[nodiscard]] const std::vector<Rect>& all() const { return grown_; }

  //! The obstacles, in order, whose interior the segment ab passes through: none when clear.
  [[nodiscard]] bool blocks(Point a, Point b, std::size_t skip_a, std::size_t skip_b) const {
    grid_.along(a, b, found_);
    const Rect span = span_of(a, b);
    return std::any_of(found_.begin(), found_.end(), [&](std::size_t i) {
      return i != skip_a && i != skip_b && passes_through(a, b, span, grown_[i]);
    });
  }

  //! The obstacles, in order, that overlap `area`.
  [[nodiscard]] std::vector<Rect> overlapping(const Rect& area, std::size_t skip_a,
                                              std::size_t skip_b) const {
    grid_.near(area, found_);
    std::vector<Rect> out;
    for (std::size_t i : found_) {
      if (i != skip_a && i != skip_b && grown_[i].overlaps(area)) out.push_back(grown_[i]);
    }
    return out;
  }

  //! True when `p` lies inside some obstacle (less kAlongEdge).
  [[nodiscard]] bool inside(Point p, std::size_t skip_a, std::size_t skip_b) const {
    grid_.near({p.x, p.y, 0, 0}, found_);
    return std::any_of(found_.begin(), found_.end(), [&](std::size_t i) {
      return i != skip_a && i != skip_b && strictly_inside(grown_[i].inflated(-kAlongEdge), p);
    });
  }

 private:
  std::vector<Rect> grown_;
  BoxGrid grid_;
  mutable std::vector<std::size_t> found_;
};

namespace {

constexpr std::size_t kNobody = std::numeric_limits<std::size_t>::max();

//! -1, 0 or 1: the side of the line ab that c lies on.
int side(Point a, Point b, Point c) {
  const double v = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  return (v > 1e-9) - (v < -1e-9);
}

//! Why a search found no route.
enum class NoRoute { None, TooMuchWork };

//! The cheapest polyline from s to t that passes through none of `walls`, bending only at the
//! corners of `boxes` (a visibility graph searched by A*, edges tested as the search reaches
//! them): its length plus `crossing_cost` for each of `lines` it crosses. Nullopt when there is
//! none (`why` says so), or after kMostWork tests. Cost: O(k^2 (w + l))
//! in the worst case for k boxes, w walls and l lines, usually far less.
std::optional<std::vector<Point>> shortest_route(Point s, Point t, const std::vector<Rect>& boxes,
                                                 const std::vector<Rect>& walls,
                                                 const std::vector<Segment>& lines,
                                                 double crossing_cost, NoRoute& why) {
  why = NoRoute::None;
  std::vector<Point> vertices{s, t};
  for (const Rect& box : boxes) {
    const Rect out = box.inflated(2 * kAlongEdge);
    for (const Point c : {Point{out.x, out.y}, Point{out.right(), out.y},
                          Point{out.right(), out.bottom()}, Point{out.x, out.bottom()}}) {
      const bool free = std::none_of(walls.begin(), walls.end(),
                                     [&](const Rect& b) { return strictly_inside(b, c); });
      if (free) vertices.push_back(c);
    }
  }
  const std::size_t n = vertices.size();
  std::vector<double> cost(n, std::numeric_limits<double>::infinity());
  std::vector<std::size_t> previous(n, n);
  std::vector<bool> settled(n, false);
  using Entry = std::pair<double, std::size_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> open;
  cost[0] = 0;
  open.emplace(distance(s, t), 0);
  std::size_t work = 0;
  // What every test reads, computed once for the search's many tests: the walls less
  // kAlongEdge, and each line's bounds.
  std::vector<Rect> inner;
  inner.reserve(walls.size());
  for (const Rect& w : walls) inner.push_back(w.inflated(-kAlongEdge));
  struct Extent {
    double x0, x1, y0, y1;  // min and max, exactly as crossings() compares them
  };
  const auto extent = [](Point a, Point b) {
    return Extent{std::min(a.x, b.x), std::max(a.x, b.x), std::min(a.y, b.y), std::max(a.y, b.y)};
  };
  std::vector<Extent> line_spans;
  line_spans.reserve(lines.size());
  for (const Segment& l : lines) line_spans.push_back(extent(l.a, l.b));
  const auto blocked_here = [&](Point a, Point b) {
    const Rect span = span_of(a, b);
    return std::any_of(inner.begin(), inner.end(), [&](const Rect& box) {
      const bool apart = box.x > span.right() || span.x > box.right() || box.y > span.bottom() ||
                         span.y > box.bottom();
      return !apart && segment_meets(a, b, box);
    });
  };
  const auto crossings_here = [&](Point a, Point b) {
    const Extent e = extent(a, b);
    std::size_t count = 0;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const Extent& le = line_spans[k];
      if (e.x1 < le.x0 || le.x1 < e.x0 || e.y1 < le.y0 || le.y1 < e.y0) continue;
      const Segment& l = lines[k];
      if (side(a, b, l.a) * side(a, b, l.b) < 0 && side(l.a, l.b, a) * side(l.a, l.b, b) < 0)
        ++count;
    }
    return count;
  };
  while (!open.empty()) {
    const std::size_t u = open.top().second;
    open.pop();
    if (settled[u]) continue;
    settled[u] = true;
    if (u == 1) break;
    for (std::size_t v = 1; v < n; ++v) {
      if (settled[v] || cost[v] <= cost[u]) continue;
      // A bound first (hypot is never below either leg): most vertices end here unmeasured.
      const double leg = std::max(std::abs(vertices[v].x - vertices[u].x),
                                  std::abs(vertices[v].y - vertices[u].y));
      if (cost[u] + leg >= cost[v]) continue;
      double through = cost[u] + distance(vertices[u], vertices[v]);
      if (through >= cost[v]) continue;
      work += walls.size() + lines.size();
      if (work > kMostWork) {
        why = NoRoute::TooMuchWork;
        return std::nullopt;
      }
      if (blocked_here(vertices[u], vertices[v])) continue;
      through += crossing_cost * static_cast<double>(crossings_here(vertices[u], vertices[v]));
      if (through >= cost[v]) continue;
      cost[v] = through;
      previous[v] = u;
      open.emplace(through + distance(vertices[v], t), v);
    }
  }
  if (!settled[1]) return std::nullopt;
  std::vector<Point> route;
  for (std::size_t v = 1; v != 0; v = previous[v]) route.push_back(vertices[v]);
  std::reverse(route.begin(), route.end());
  return route;
}

//! The point `radius` from `centre` towards `towards`, or half-way when that is nearer.
Point outline_point(Point centre, Point towards, double radius) {
  const double length = std::max(distance(centre, towards), 1e-9);
  const double r = std::min(radius, length / 2);
  return {centre.x + (towards.x - centre.x) / length * r,
          centre.y + (towards.y - centre.y) / length * r};
}

//! routed_edge's work, over obstacles already grown, `from` and `to` being obstacles `skip_a`
//! and `skip_b` (or kNobody); `lines_across(window)` gives the other ties' segments that cross
//! the window, asked for only when the line is not clear.
EdgeGeometry route(const std::string& id, const NodeGeometry& from, const NodeGeometry& to,
                   const Obstacles& obstacles, std::size_t skip_a, std::size_t skip_b,
                   const std::function<std::vector<Segment>(const Rect&)>& lines_across) {
  const Point s{from.x, from.y};
  const Point t{to.x, to.y};
  if (!obstacles.blocks(s, t, skip_a, skip_b)) return straight_edge(id, from, to);
  // Both ends inside someone else's clearance (pins set too close): nothing to route around.
  if (obstacles.inside(s, skip_a, skip_b) || obstacles.inside(t, skip_a, skip_b))
    return straight_edge(id, from, to);
  for (int look = 0; look <= kWiderLooks; ++look) {
    const double margin = kFirstMargin * static_cast<double>(1 << look);
    const Rect window = span_of(s, t).inflated(margin);
    // Only the footprints within the margin of the line itself, not of its whole bounding box:
    // a long diagonal tie across a dense map has most of the map in its box.
    std::vector<Rect> near = obstacles.overlapping(window, skip_a, skip_b);
    std::erase_if(near, [&](const Rect& r) { return !segment_meets(s, t, r.inflated(margin)); });
    if (near.size() > kMostObstacles) break;
    // A route bends only at the corners of `near`, so it stays inside their bounds and the
    // window's: every box there is a wall it must not pass through.
    Rect reach = window;
    for (const Rect& r : near) reach = reach.united(r);
    const std::vector<Rect> walls = obstacles.overlapping(reach, skip_a, skip_b);
    // Other ties' lines across the window are what a detour should cross as few of as it can.
    const std::vector<Segment> crossed = lines_across(window);
    NoRoute why = NoRoute::None;
    auto route = shortest_route(s, t, near, walls, crossed, kCrossingCost, why);
    // Too many lines to weigh (a long tie across a dense map): the shortest way round. (When
    // there is no way round at all, there is none without the lines either.)
    if (!route && why == NoRoute::TooMuchWork)
      route = shortest_route(s, t, near, walls, {}, 0, why);
    // A search that gave up here would give up in a wider window too: the line stays straight.
    if (!route && why == NoRoute::TooMuchWork) break;
    if (!route) continue;  // a wider look may find a way round
    // A last check against every obstacle, so that no route through anyone is ever returned.
    bool clear = true;
    Point last = s;
    for (const Point& p : *route) {
      clear = clear && !obstacles.blocks(last, p, skip_a, skip_b);
      last = p;
    }
    if (!clear) continue;
    EdgeGeometry edge{id, from.id, to.id, {}};
    edge.points.push_back(outline_point(s, route->front(), from.w / 2));
    edge.points.insert(edge.points.end(), route->begin(), route->end() - 1);
    edge.points.push_back(
        outline_point(t, route->size() > 1 ? (*route)[route->size() - 2] : s, to.w / 2));
    return edge;
  }
  return straight_edge(id, from, to);
}

std::vector<Rect> grown_by_clearance(const std::vector<Rect>& boxes) {
  std::vector<Rect> grown;
  grown.reserve(boxes.size());
  for (const Rect& b : boxes) grown.push_back(b.inflated(style::kRouteClearance));
  return grown;
}

bool same_rect(const Rect& a, const Rect& b) {
  return std::abs(a.x - b.x) <= kStayedPut && std::abs(a.y - b.y) <= kStayedPut &&
         std::abs(a.w - b.w) <= kStayedPut && std::abs(a.h - b.h) <= kStayedPut;
}

bool same_point(Point a, Point b) {
  return std::abs(a.x - b.x) <= kStayedPut && std::abs(a.y - b.y) <= kStayedPut;
}

//! The ties of `g` that may keep their line from `earlier` as it was: both people where they
//! were, the same size, and no footprint changed, came or went near the line (its bounds, a
//! first search window wide). Every line kept is checked again against every footprint.
std::vector<std::optional<std::vector<Point>>> kept_lines(const Geometry& g,
                                                          const Geometry& earlier) {
  std::map<std::string, const NodeGeometry*> was;
  for (const auto& n : earlier.nodes) was[n.id] = &n;
  std::vector<Rect> changed;  // footprints, old and new, of whoever moved, grew, came or went
  std::map<std::string, bool> stayed;
  for (const auto& n : g.nodes) {
    const auto it = was.find(n.id);
    const bool same = it != was.end() && same_point({n.x, n.y}, {it->second->x, it->second->y}) &&
                      same_rect(n.footprint(), it->second->footprint()) && n.w == it->second->w;
    stayed[n.id] = same;
    if (!same) {
      changed.push_back(n.footprint());
      if (it != was.end()) changed.push_back(it->second->footprint());
    }
  }
  for (const auto& n : earlier.nodes) {
    if (!stayed.contains(n.id)) changed.push_back(n.footprint());
  }
  std::map<std::string, const EdgeGeometry*> lines;
  for (const auto& e : earlier.edges) lines[e.id] = &e;
  std::vector<std::optional<std::vector<Point>>> kept(g.edges.size());
  for (std::size_t k = 0; k < g.edges.size(); ++k) {
    const EdgeGeometry& edge = g.edges[k];
    const auto line = lines.find(edge.id);
    if (line == lines.end() || line->second->points.size() < 2 ||
        line->second->source != edge.source || line->second->target != edge.target)
      continue;
    const auto a = stayed.find(edge.source);
    const auto b = stayed.find(edge.target);
    if (a == stayed.end() || b == stayed.end() || !a->second || !b->second) continue;
    Rect reach = span_of(edge.points.front(), edge.points.back());
    for (const Point& p : line->second->points) reach = reach.united({p.x, p.y, 0, 0});
    reach = reach.inflated(kFirstMargin + style::kRouteClearance);
    const bool untouched = std::none_of(changed.begin(), changed.end(),
                                        [&](const Rect& r) { return r.overlaps(reach); });
    if (untouched) kept[k] = line->second->points;
  }
  return kept;
}

}  // namespace

EdgeGeometry routed_edge(const std::string& id, const NodeGeometry& from, const NodeGeometry& to,
                         const std::vector<Rect>& obstacles, const std::vector<Point>& lines) {
  const Obstacles grown(grown_by_clearance(obstacles));
  return route(id, from, to, grown, kNobody, kNobody, [&](const Rect& window) {
    std::vector<Segment> crossed;
    for (std::size_t k = 0; k + 1 < lines.size(); k += 2) {
      if (span_of(lines[k], lines[k + 1]).inflated(1).overlaps(window))
        crossed.push_back({lines[k], lines[k + 1]});
    }
    return crossed;
  });
}

NodeObstacles::NodeObstacles(const Geometry& g) : g_(&g) {
  std::vector<Rect> footprints;
  footprints.reserve(g.nodes.size());
  for (const NodeGeometry& n : g.nodes) footprints.push_back(n.footprint());
  obstacles_ = std::make_unique<const Obstacles>(grown_by_clearance(footprints));
}

NodeObstacles::~NodeObstacles() = default;

EdgeGeometry NodeObstacles::route(std::size_t from, std::size_t to) const {
  return layout::route({}, g_->nodes[from], g_->nodes[to], *obstacles_, from, to,
                       [](const Rect&) { return std::vector<Segment>{}; });
}

void route_ties(Geometry& g, const Geometry* earlier) {
  std::vector<Rect> footprints;
  footprints.reserve(g.nodes.size());
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    footprints.push_back(g.nodes[i].footprint());
    index[g.nodes[i].id] = i;
  }
  const Obstacles obstacles(grown_by_clearance(footprints));
  // Each tie's two people, by index (kNobody for an end not drawn).
  std::vector<std::pair<std::size_t, std::size_t>> ends;
  ends.reserve(g.edges.size());
  for (const EdgeGeometry& edge : g.edges) {
    const auto a = index.find(edge.source);
    const auto b = index.find(edge.target);
    ends.emplace_back(a == index.end() ? kNobody : a->second,
                      b == index.end() ? kNobody : b->second);
  }
  std::vector<bool> done(g.edges.size(), false);
  if (earlier != nullptr) {
    auto kept = kept_lines(g, *earlier);
    for (std::size_t k = 0; k < g.edges.size(); ++k) {
      if (!kept[k] || ends[k].first == kNobody || ends[k].second == kNobody) continue;
      const std::vector<Point>& line = *kept[k];
      bool clear = true;
      for (std::size_t p = 1; p < line.size() && clear; ++p) {
        clear = !obstacles.blocks(line[p - 1], line[p], ends[k].first, ends[k].second);
      }
      if (!clear) continue;
      g.edges[k].points = line;
      done[k] = true;
    }
  }
  for (std::size_t k = 0; k < g.edges.size(); ++k) {
    if (done[k] || ends[k].first == kNobody || ends[k].second == kNobody) continue;
    const EdgeGeometry& edge = g.edges[k];
    // The other ties' lines across the window as they stand (earlier ones already routed), but
    // for those that share a person with this one: lines that meet at a person are not a
    // crossing.
    const auto lines_across = [&](const Rect& window) {
      std::vector<Segment> crossed;
      for (std::size_t o = 0; o < g.edges.size(); ++o) {
        if (ends[o].first == ends[k].first || ends[o].first == ends[k].second ||
            ends[o].second == ends[k].first || ends[o].second == ends[k].second)
          continue;
        const std::vector<Point>& points = g.edges[o].points;
        for (std::size_t p = 1; p < points.size(); ++p) {
          if (span_of(points[p - 1], points[p]).inflated(1).overlaps(window))
            crossed.push_back({points[p - 1], points[p]});
        }
      }
      return crossed;
    };
    g.edges[k] = route(edge.id, g.nodes[ends[k].first], g.nodes[ends[k].second], obstacles,
                       ends[k].first, ends[k].second, lines_across);
  }
}

}  // namespace peermap::layout
