#include <gtest/gtest.h>

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

// Members A and B either side of non-member X; the region must go round X:
//   A   X   B
TEST(Regions, CorridorGoesRoundANonMember) {
  const std::vector<Rect> boxes{box_at(0, 0), box_at(60, 0), box_at(120, 0)};
  const auto regions = build_regions(boxes, {{0, 2}});
  ASSERT_TRUE(regions.ok()) << regions.error().message;
  expect_exact_region(regions.value()[0], boxes, {0, 2});
}

// Eight members ring a non-member X; the region may not swallow X:
//   M M M
//   M X M
//   M M M
TEST(Regions, RingOfMembersLeavesTheMiddleOut) {
  std::vector<Rect> boxes;
  std::vector<int> members;
  for (int j = 0; j < 3; ++j) {
    for (int i = 0; i < 3; ++i) {
      if (i != 1 || j != 1) members.push_back(static_cast<int>(boxes.size()));
      boxes.push_back(box_at(i * 50.0, j * 50.0));
    }
  }
  const auto regions = build_regions(boxes, {members});
  ASSERT_TRUE(regions.ok()) << regions.error().message;
  expect_exact_region(regions.value()[0], boxes, members);
}

// Two overlapping groups share B:  A  B  C   with {A, B} and {B, C}.
TEST(Regions, PersonInTwoGroupsIsInBothRegions) {
  const std::vector<Rect> boxes{box_at(0, 0), box_at(60, 0), box_at(120, 0)};
  const auto regions = build_regions(boxes, {{0, 1}, {1, 2}});
  ASSERT_TRUE(regions.ok());
  expect_exact_region(regions.value()[0], boxes, {0, 1});
  expect_exact_region(regions.value()[1], boxes, {1, 2});
}

TEST(Regions, MemberTouchingANonMemberIsAConflict) {
  const std::vector<Rect> boxes{box_at(0, 0), box_at(22, 0)};
  const auto regions = build_regions(boxes, {{0}});
  ASSERT_FALSE(regions.ok());
  EXPECT_EQ(regions.error().kind, ErrorKind::Conflict);
}

TEST(Regions, OutlineIsSmoothNotStairCased) {
  const std::vector<Rect> boxes{box_at(0, 0)};
  const auto regions = build_regions(boxes, {{0}});
  ASSERT_TRUE(regions.ok());
  // A rounded rectangle: more than four corners, every corner cut.
  EXPECT_GT(regions.value()[0].size(), 8u);
}

}  // namespace
}  // namespace peermap::layout
