#include "layout/geometry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace peermap::layout {

Rect Rect::united(const Rect& other) const {
  const double left = std::min(x, other.x);
  const double top = std::min(y, other.y);
  return {left, top, std::max(right(), other.right()) - left,
          std::max(bottom(), other.bottom()) - top};
}

bool contains(const Polygon& polygon, Point p) {
  bool inside = false;
  const std::size_t n = polygon.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const Point& a = polygon[i];
    const Point& b = polygon[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) {
      inside = !inside;
    }
  }
  return inside;
}

bool segment_meets(Point a, Point b, const Rect& r) {
  double t0 = 0;
  double t1 = 1;
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {a.x - r.x, r.right() - a.x, a.y - r.y, r.bottom() - a.y};
  for (int k = 0; k < 4; ++k) {
    if (p[k] == 0) {
      if (q[k] <= 0) return false;
    } else {
      const double t = q[k] / p[k];
      if (p[k] < 0) {
        t0 = std::max(t0, t);
      } else {
        t1 = std::min(t1, t);
      }
    }
  }
  return t0 < t1;
}

namespace {

bool boundary_meets(const Polygon& polygon, const Rect& rect) {
  const std::size_t n = polygon.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    if (segment_meets(polygon[j], polygon[i], rect)) return true;
  }
  return false;
}

}  // namespace

bool contains(const Polygon& polygon, const Rect& rect) {
  if (polygon.size() < 3) return false;
  return contains(polygon, rect.centre()) && !boundary_meets(polygon, rect);
}

bool intersects(const Polygon& polygon, const Rect& rect) {
  if (polygon.size() < 3) return false;
  return contains(polygon, rect.centre()) || boundary_meets(polygon, rect);
}

Rect bounds(const Polygon& polygon) {
  if (polygon.empty()) return {};
  Rect r{polygon[0].x, polygon[0].y, 0, 0};
  for (const Point& p : polygon) r = r.united({p.x, p.y, 0, 0});
  return r;
}

double distance(Point p, const Rect& r) {
  const double dx = std::max({r.x - p.x, 0.0, p.x - r.right()});
  const double dy = std::max({r.y - p.y, 0.0, p.y - r.bottom()});
  return std::hypot(dx, dy);
}

namespace {

double point_segment(Point p, Point a, Point b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double length2 = dx * dx + dy * dy;
  const double t =
      length2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
  return std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
}

}  // namespace

double distance(Point a, Point b, const Rect& r) {
  const auto inside = [&](Point p) {
    return p.x >= r.x && p.x <= r.right() && p.y >= r.y && p.y <= r.bottom();
  };
  if (inside(a) || inside(b) || segment_meets(a, b, r)) return 0;
  // Apart: the nearest points are an end of the segment or a corner of the rectangle.
  double best = std::min(distance(a, r), distance(b, r));
  for (const Point c : {Point{r.x, r.y}, Point{r.right(), r.y}, Point{r.right(), r.bottom()},
                        Point{r.x, r.bottom()}}) {
    best = std::min(best, point_segment(c, a, b));
  }
  return best;
}

double distance(const std::vector<Point>& points, bool closed, const Rect& r) {
  double best = std::numeric_limits<double>::infinity();
  if (points.size() == 1) return distance(points.front(), r);
  for (std::size_t k = 1; k < points.size(); ++k) {
    best = std::min(best, distance(points[k - 1], points[k], r));
  }
  if (closed && points.size() > 2)
    best = std::min(best, distance(points.back(), points.front(), r));
  return best;
}

}  // namespace peermap::layout
