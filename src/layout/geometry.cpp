#include "layout/geometry.hpp"

#include <algorithm>

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

}  // namespace peermap::layout
