// Plane geometry shared by layout and render: points, rectangles, polygons. Units are points.
#pragma once

#include <vector>

namespace peermap::layout {

struct Point {
  double x = 0;
  double y = 0;
};

//! Axis-aligned rectangle; (x, y) is the top-left corner.
struct Rect {
  double x = 0;
  double y = 0;
  double w = 0;
  double h = 0;

  [[nodiscard]] double right() const { return x + w; }
  [[nodiscard]] double bottom() const { return y + h; }
  [[nodiscard]] Point centre() const { return {x + w / 2, y + h / 2}; }
  //! True when the interiors intersect (touching edges do not count).
  [[nodiscard]] bool overlaps(const Rect& other) const {
    return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
  }
  [[nodiscard]] Rect inflated(double by) const { return {x - by, y - by, w + 2 * by, h + 2 * by}; }
  [[nodiscard]] Rect united(const Rect& other) const;
};

using Polygon = std::vector<Point>;

//! How a group or place is drawn: a closed outline around members who sit together, or a line
//! linking scattered members.
enum class RegionShape { Outline, Line };

//! True when the segment ab passes through the rectangle's interior (Liang-Barsky clipping).
[[nodiscard]] bool segment_meets(Point a, Point b, const Rect& r);
//! Even-odd point-in-polygon test.
[[nodiscard]] bool contains(const Polygon& polygon, Point p);
//! True when every corner of `rect` is inside and no polygon edge crosses it.
[[nodiscard]] bool contains(const Polygon& polygon, const Rect& rect);
//! True when the polygon's boundary or interior touches the rectangle's interior.
[[nodiscard]] bool intersects(const Polygon& polygon, const Rect& rect);
//! Bounding box of a polygon (empty rect at origin when empty).
[[nodiscard]] Rect bounds(const Polygon& polygon);
//! Distance from p to the rectangle (0 inside it).
[[nodiscard]] double distance(Point p, const Rect& r);
//! Distance between the segment ab and the rectangle (0 when they meet).
[[nodiscard]] double distance(Point a, Point b, const Rect& r);
//! Distance between the rectangle and the path through `points` (closed: back to the first).
//! Infinite for an empty path.
[[nodiscard]] double distance(const std::vector<Point>& points, bool closed, const Rect& r);

}  // namespace peermap::layout
