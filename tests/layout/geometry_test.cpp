#include <gtest/gtest.h>

#include "layout/geometry.hpp"

namespace peermap::layout {
namespace {

// A 10x10 square with a notch cut from the top edge:
//   +--+  +--+
//   |  |__|  |
//   |        |
//   +--------+
const Polygon kNotched{{0, 0}, {4, 0}, {4, 4}, {6, 4}, {6, 0}, {10, 0}, {10, 10}, {0, 10}};

TEST(Geometry, PointInPolygonSeesTheNotch) {
  EXPECT_TRUE(contains(kNotched, Point{2, 2}));
  EXPECT_FALSE(contains(kNotched, Point{5, 2}));
  EXPECT_TRUE(contains(kNotched, Point{5, 6}));
  EXPECT_FALSE(contains(kNotched, Point{11, 5}));
}

TEST(Geometry, RectInsideOnlyWhenNoEdgeCrossesIt) {
  EXPECT_TRUE(contains(kNotched, Rect{1, 5, 8, 4}));
  EXPECT_FALSE(contains(kNotched, Rect{1, 1, 8, 4}));  // the notch bites into it
  EXPECT_FALSE(contains(kNotched, Rect{8, 8, 4, 4}));  // sticks out of the right side
}

TEST(Geometry, IntersectsCatchesBoxesAcrossAnEdgeOrSwallowingThePolygon) {
  EXPECT_TRUE(intersects(kNotched, Rect{9, 9, 5, 5}));
  EXPECT_TRUE(intersects(kNotched, Rect{-5, -5, 20, 20}));
  EXPECT_FALSE(intersects(kNotched, Rect{4.5, 1, 1, 1}));  // inside the notch
  EXPECT_FALSE(intersects(kNotched, Rect{11, 0, 3, 3}));
}

TEST(Geometry, RectsThatOnlyTouchDoNotOverlap) {
  EXPECT_FALSE((Rect{0, 0, 10, 10}.overlaps(Rect{10, 0, 5, 5})));
  EXPECT_TRUE((Rect{0, 0, 10, 10}.overlaps(Rect{9.9, 9.9, 5, 5})));
  EXPECT_EQ((Rect{0, 0, 2, 2}.united(Rect{5, 5, 1, 1}).right()), 6);
}

}  // namespace
}  // namespace peermap::layout
