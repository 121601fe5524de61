#include "layout/tie_routes.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
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

double distance(Point a, Point b) { return std::hypot(b.x - a.x, b.y - a.y); }

bool strictly_inside(const Rect& r, Point p) {
  return p.x > r.x && p.x < r.right() && p.y > r.y && p.y < r.bottom();
}

//! True when the segment ab passes through the interior of one of `boxes`.
bool blocked(Point a, Point b, const std::vector<Rect>& boxes) {
  const Rect span{std::min(a.x, b.x), std::min(a.y, b.y), std::abs(b.x - a.x), std::abs(b.y - a.y)};
  return std::any_of(boxes.begin(), boxes.end(), [&](const Rect& box) {
    const Rect inner = box.inflated(-kAlongEdge);
    const bool apart = inner.x > span.right() || span.x > inner.right() ||
                       inner.y > span.bottom() || span.y > inner.bottom();
    return !apart && segment_meets(a, b, inner);
  });
}

//! -1, 0 or 1: the side of the line ab that c lies on.
int side(Point a, Point b, Point c) {
  const double v = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  return (v > 1e-9) - (v < -1e-9);
}

//! How many of `lines` the segment ab crosses (touching does not count).
std::size_t crossings(Point a, Point b, const std::vector<Segment>& lines) {
  std::size_t count = 0;
  for (const Segment& l : lines) {
    if (std::max(a.x, b.x) < std::min(l.a.x, l.b.x) ||
        std::max(l.a.x, l.b.x) < std::min(a.x, b.x) ||
        std::max(a.y, b.y) < std::min(l.a.y, l.b.y) || std::max(l.a.y, l.b.y) < std::min(a.y, b.y))
      continue;
    if (side(a, b, l.a) * side(a, b, l.b) < 0 && side(l.a, l.b, a) * side(l.a, l.b, b) < 0) ++count;
  }
  return count;
}

//! The cheapest polyline from s to t that passes through none of `walls`, bending only at the
//! corners of `boxes` (a visibility graph searched by A*, edges tested as the search reaches
//! them): its length plus `crossing_cost` for each of `lines` it crosses. Nullopt when there is
//! none, or after kMostWork tests. Cost: O(k^2 (w + l))
//! in the worst case for k boxes, w walls and l lines, usually far less.
std::optional<std::vector<Point>> shortest_route(Point s, Point t, const std::vector<Rect>& boxes,
                                                 const std::vector<Rect>& walls,
                                                 const std::vector<Segment>& lines,
                                                 double crossing_cost) {
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
  while (!open.empty()) {
    const std::size_t u = open.top().second;
    open.pop();
    if (settled[u]) continue;
    settled[u] = true;
    if (u == 1) break;
    for (std::size_t v = 1; v < n; ++v) {
      if (settled[v]) continue;
      double through = cost[u] + distance(vertices[u], vertices[v]);
      if (through >= cost[v]) continue;
      work += walls.size() + lines.size();
      if (work > kMostWork) return std::nullopt;
      if (blocked(vertices[u], vertices[v], walls)) continue;
      through += crossing_cost * static_cast<double>(crossings(vertices[u], vertices[v], lines));
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

}  // namespace

EdgeGeometry routed_edge(const std::string& id, const NodeGeometry& from, const NodeGeometry& to,
                         const std::vector<Rect>& obstacles, const std::vector<Point>& lines) {
  const Point s{from.x, from.y};
  const Point t{to.x, to.y};
  std::vector<Rect> grown;
  grown.reserve(obstacles.size());
  for (const Rect& o : obstacles) grown.push_back(o.inflated(style::kRouteClearance));
  if (!blocked(s, t, grown)) return straight_edge(id, from, to);
  // Both ends inside someone else's clearance (pins set too close): nothing to route around.
  const auto inside = [&](Point p) {
    return std::any_of(grown.begin(), grown.end(),
                       [&](const Rect& r) { return strictly_inside(r.inflated(-kAlongEdge), p); });
  };
  if (inside(s) || inside(t)) return straight_edge(id, from, to);
  for (int look = 0; look <= kWiderLooks; ++look) {
    const double margin = kFirstMargin * static_cast<double>(1 << look);
    const Rect window =
        Rect{std::min(s.x, t.x), std::min(s.y, t.y), std::abs(t.x - s.x), std::abs(t.y - s.y)}
            .inflated(margin);
    std::vector<Rect> near;
    for (const Rect& r : grown) {
      if (r.overlaps(window)) near.push_back(r);
    }
    if (near.size() > kMostObstacles) break;
    // A route bends only at the corners of `near`, so it stays inside their bounds and the
    // window's: every box there is a wall it must not pass through.
    Rect reach = window;
    for (const Rect& r : near) reach = reach.united(r);
    std::vector<Rect> walls;
    for (const Rect& r : grown) {
      if (r.overlaps(reach)) walls.push_back(r);
    }
    // Other ties' lines across the window are what a detour should cross as few of as it can.
    std::vector<Segment> crossed;
    for (std::size_t k = 0; k + 1 < lines.size(); k += 2) {
      const Rect span{std::min(lines[k].x, lines[k + 1].x), std::min(lines[k].y, lines[k + 1].y),
                      std::abs(lines[k + 1].x - lines[k].x), std::abs(lines[k + 1].y - lines[k].y)};
      if (span.inflated(1).overlaps(window)) crossed.push_back({lines[k], lines[k + 1]});
    }
    auto route = shortest_route(s, t, near, walls, crossed, kCrossingCost);
    // Too many lines to weigh (a long tie across a dense map): the shortest way round.
    if (!route) route = shortest_route(s, t, near, walls, {}, 0);
    if (!route) continue;  // a wider look may find a way round
    // A last check against every obstacle, so that no route through anyone is ever returned.
    bool clear = true;
    Point last = s;
    for (const Point& p : *route) {
      clear = clear && !blocked(last, p, grown);
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

void route_ties(Geometry& g) {
  std::vector<Rect> footprints;
  footprints.reserve(g.nodes.size());
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    footprints.push_back(g.nodes[i].footprint());
    index[g.nodes[i].id] = i;
  }
  std::vector<Rect> others;
  std::vector<Point> lines;
  for (EdgeGeometry& edge : g.edges) {
    const auto a = index.find(edge.source);
    const auto b = index.find(edge.target);
    if (a == index.end() || b == index.end()) continue;
    others.clear();
    for (std::size_t i = 0; i < footprints.size(); ++i) {
      if (i != a->second && i != b->second) others.push_back(footprints[i]);
    }
    // The other ties' lines as they stand (earlier ones already routed), but for those that
    // share a person with this one: lines that meet at a person are not a crossing.
    lines.clear();
    for (const EdgeGeometry& other : g.edges) {
      if (other.source == edge.source || other.source == edge.target ||
          other.target == edge.source || other.target == edge.target)
        continue;
      for (std::size_t k = 1; k < other.points.size(); ++k) {
        lines.push_back(other.points[k - 1]);
        lines.push_back(other.points[k]);
      }
    }
    edge = routed_edge(edge.id, g.nodes[a->second], g.nodes[b->second], others, lines);
  }
}

}  // namespace peermap::layout
