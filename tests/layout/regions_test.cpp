#include <gtest/gtest.h>

#include <cmath>

#include "layout/regions.hpp"

namespace peermap::layout {
namespace {

Rect box_at(double x, double y) { return {x, y, 20, 20}; }

void expect_exact_region(const Polygon& polygon, const std::vector<Rect>& boxes,
                         const std::vector<int>& members) {
  for (std::size_t k = 0; k < boxes.size(); ++k) {
    const bool member =
        std::find(members.begin(), members.end(), static_cast<int>(k)) != members.end();
    if (member) {
      EXPECT_TRUE(contains(polygon, boxes[k])) << "member " << k << " outside";
    } else {
      EXPECT_FALSE(intersects(polygon, boxes[k])) << "non-member " << k << " inside";
    }
  }
}

//! The largest turn at any corner of a closed outline, in degrees.
double sharpest_turn(const Polygon& p) {
  double most = 0;
  for (std::size_t k = 0; k < p.size(); ++k) {
    const Point a = p[(k + p.size() - 1) % p.size()];
    const Point b = p[k];
    const Point c = p[(k + 1) % p.size()];
    const double turn = std::abs(std::remainder(
        std::atan2(c.y - b.y, c.x - b.x) - std::atan2(b.y - a.y, b.x - a.x), 2 * M_PI));
    most = std::max(most, turn * 180 / M_PI);
  }
  return most;
}

// Four members close together, a non-member far off: one smooth outline.
//   A B
//   C D        X
TEST(Regions, MembersWhoSitTogetherGetOneSmoothOutline) {
  const std::vector<Rect> boxes{box_at(0, 0), box_at(50, 0), box_at(0, 50), box_at(50, 50),
                                box_at(300, 50)};
  const auto plans = build_regions(boxes, {{0, 1, 2, 3}});
  ASSERT_EQ(plans.size(), 1u);
  ASSERT_EQ(plans[0].shape, RegionShape::Outline);
  expect_exact_region(plans[0].outline, boxes, {0, 1, 2, 3});
  // Compact: no wider than the members' box and its padding (the closing fills the middle).
  const Rect b = bounds(plans[0].outline);
  EXPECT_LT(b.w, 70 + 2 * (6.0 + 4.0));
  EXPECT_LT(b.h, 70 + 2 * (6.0 + 4.0));
  EXPECT_TRUE(contains(plans[0].outline, Point{35, 35})) << "the gap between them is filled";
  // Smooth, not boxes: many points and no corner turning by as much as 60 degrees.
  EXPECT_GT(plans[0].outline.size(), 16u);
  EXPECT_LT(sharpest_turn(plans[0].outline), 60.0);
}

// Members A and B either side of non-member X: no corridor round X, a line instead.
//   A   X   B
TEST(Regions, MembersSplitByANonMemberGetALine) {
  const std::vector<Rect> boxes{box_at(0, 0), box_at(60, 0), box_at(120, 0)};
  const auto plans = build_regions(boxes, {{0, 2}});
  ASSERT_EQ(plans[0].shape, RegionShape::Line);
  EXPECT_TRUE(plans[0].outline.empty());
  EXPECT_EQ(plans[0].order, (std::vector<int>{0, 2}));
}

// Eight members ring a non-member X; an outline would hold X, so they get a line:
//   M M M
//   M X M
//   M M M
TEST(Regions, RingOfMembersRoundANonMemberGetsALine) {
  std::vector<Rect> boxes;
  std::vector<int> members;
  for (int j = 0; j < 3; ++j) {
    for (int i = 0; i < 3; ++i) {
      if (i != 1 || j != 1) members.push_back(static_cast<int>(boxes.size()));
      boxes.push_back(box_at(i * 50.0, j * 50.0));
    }
  }
  const auto plans = build_regions(boxes, {members});
  ASSERT_EQ(plans[0].shape, RegionShape::Line);
  EXPECT_EQ(plans[0].order.size(), members.size());
  // Without X the same members sit together.
  boxes[4] = box_at(900, 900);
  EXPECT_EQ(build_regions(boxes, {members})[0].shape, RegionShape::Outline);
}

// Two overlapping groups share B:  A  B  C   with {A, B} and {B, C}.
TEST(Regions, PersonInTwoGroupsIsInBothOutlines) {
  const std::vector<Rect> boxes{box_at(0, 0), box_at(50, 0), box_at(100, 0)};
  const auto plans = build_regions(boxes, {{0, 1}, {1, 2}});
  ASSERT_EQ(plans[0].shape, RegionShape::Outline);
  ASSERT_EQ(plans[1].shape, RegionShape::Outline);
  expect_exact_region(plans[0].outline, boxes, {0, 1});
  expect_exact_region(plans[1].outline, boxes, {1, 2});
}

// Four groups of the same two people: three nested outlines, each further out than the one
// inside it, and the fourth a line, so nobody is inside more than three outlines.
TEST(Regions, NoPersonIsInsideMoreThanThreeOutlines) {
  const std::vector<Rect> boxes{box_at(0, 0), box_at(50, 0)};
  const auto plans = build_regions(boxes, {{0, 1}, {0, 1}, {0, 1}, {0, 1}});
  ASSERT_EQ(plans.size(), 4u);
  for (int r = 0; r < 3; ++r) ASSERT_EQ(plans[r].shape, RegionShape::Outline) << r;
  EXPECT_EQ(plans[3].shape, RegionShape::Line);
  for (int r = 1; r < 3; ++r) {
    for (const Point& p : plans[r - 1].outline) {
      EXPECT_TRUE(contains(plans[r].outline, p)) << "outline " << r << " is not outside " << r - 1;
    }
    EXPECT_GT(bounds(plans[r].outline).w, bounds(plans[r - 1].outline).w + 6);
  }
}

// Members far apart (a place frequented across the map) get a line, in a short order.
//   A . . . . C . . . . B . . . . D        order A C B D
TEST(Regions, ScatteredMembersGetALineInAShortOrder) {
  const std::vector<Rect> boxes{box_at(0, 0), box_at(600, 0), box_at(300, 0), box_at(900, 0)};
  const auto plans = build_regions(boxes, {{0, 1, 2, 3}});
  ASSERT_EQ(plans[0].shape, RegionShape::Line);
  const std::vector<int> order = plans[0].order;
  const bool forwards = order == std::vector<int>{0, 2, 1, 3};
  const bool backwards = order == std::vector<int>{3, 1, 2, 0};
  EXPECT_TRUE(forwards || backwards) << order[0] << order[1] << order[2] << order[3];
}

// A member touching a non-member cannot have an outline; the layout never fails for it.
TEST(Regions, MemberTouchingANonMemberGetsALine) {
  const std::vector<Rect> boxes{box_at(0, 0), box_at(22, 0)};
  const auto plans = build_regions(boxes, {{0}});
  EXPECT_EQ(plans[0].shape, RegionShape::Line);
  EXPECT_EQ(plans[0].order, std::vector<int>{0});
}

// A short path through points on a zig-zag, whatever order they are given in.
TEST(Regions, LineOrderIsAShortPath) {
  std::vector<Rect> boxes;
  for (int k = 0; k < 12; ++k) boxes.push_back(box_at(k * 80.0, (k % 2) * 40.0));
  const std::vector<int> shuffled{5, 0, 11, 3, 8, 1, 10, 2, 7, 4, 9, 6};
  const std::vector<int> order = line_order(boxes, shuffled);
  ASSERT_EQ(order.size(), 12u);
  for (std::size_t k = 1; k < order.size(); ++k) {
    EXPECT_EQ(std::abs(order[k] - order[k - 1]), 1) << "step " << k;
  }
}

}  // namespace
}  // namespace peermap::layout
