// A fresh layout fills the page beside the key (issue 10, item 6): a map narrower than the
// page's map area is stretched sideways, one wider upwards, along one axis only, which brings
// no two people closer and keeps every crossing.
//
//   before (tall: 1 wide, 3 high)       after (stretched sideways to 1.10 wide per high)
//      [a]                                 [a]
//          [b]                                      [b]
//      [c]     [d]                         [c]               [d]
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "layout/layout_parts.hpp"

namespace peermap::layout {
namespace {

Rect box_at(double x, double y) { return {x - 40, y - 20, 80, 40}; }

Rect extent(const std::vector<Rect>& boxes) {
  Rect all = boxes.front();
  for (const Rect& b : boxes) all = all.united(b);
  return all;
}

//! Whether segments p1-p2 and q1-q2 cross properly.
bool cross(Point p1, Point p2, Point q1, Point q2) {
  const auto side = [](Point a, Point b, Point c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  };
  return side(p1, p2, q1) * side(p1, p2, q2) < 0 && side(q1, q2, p1) * side(q1, q2, p2) < 0;
}

double nearest_gap(const std::vector<Rect>& boxes) {
  double gap = 1e9;
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      const Rect& a = boxes[i];
      const Rect& b = boxes[j];
      const double dx = std::max({a.x - b.right(), b.x - a.right(), 0.0});
      const double dy = std::max({a.y - (b.y + b.h), b.y - (a.y + a.h), 0.0});
      gap = std::min(gap, std::max(dx, dy));
    }
  }
  return gap;
}

TEST(StretchToPage, ATallMapIsStretchedSidewaysToTheLeastAspectKeepingGapsAndCrossings) {
  std::vector<Rect> boxes{box_at(0, 0),     box_at(100, 150), box_at(0, 300),
                          box_at(140, 300), box_at(20, 450),  box_at(130, 600)};
  const std::vector<Rect> before = boxes;
  stretch_to_page(boxes, 1.10, 1.40, 10.0);
  const Rect after = extent(boxes);
  EXPECT_NEAR(after.w / after.h, 1.10, 1e-9);
  EXPECT_DOUBLE_EQ(after.h, extent(before).h) << "only sideways";
  EXPECT_GE(nearest_gap(boxes), nearest_gap(before));
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    EXPECT_DOUBLE_EQ(boxes[i].w, before[i].w) << "boxes keep their size";
    EXPECT_DOUBLE_EQ(boxes[i].y, before[i].y);
  }
  // Every pair of lines between centres crosses after exactly when it crossed before.
  for (std::size_t a = 0; a < boxes.size(); ++a) {
    for (std::size_t b = a + 1; b < boxes.size(); ++b) {
      for (std::size_t c = 0; c < boxes.size(); ++c) {
        for (std::size_t d = c + 1; d < boxes.size(); ++d) {
          EXPECT_EQ(
              cross(boxes[a].centre(), boxes[b].centre(), boxes[c].centre(), boxes[d].centre()),
              cross(before[a].centre(), before[b].centre(), before[c].centre(), before[d].centre()))
              << a << b << " and " << c << d;
        }
      }
    }
  }
}

TEST(StretchToPage, AWideMapIsStretchedUpwardsToTheMostAspect) {
  std::vector<Rect> boxes{box_at(0, 0), box_at(300, 60), box_at(600, 0), box_at(900, 80)};
  stretch_to_page(boxes, 1.10, 1.40, 10.0);
  const Rect after = extent(boxes);
  EXPECT_NEAR(after.w / after.h, 1.40, 1e-9);
  EXPECT_DOUBLE_EQ(after.w, 980) << "only upwards";
}

TEST(StretchToPage, AMapAlreadyWithinTheRangeIsLeftAndAStretchStopsAtItsLimit) {
  std::vector<Rect> square{box_at(0, 0), box_at(400, 0), box_at(0, 320), box_at(400, 330)};
  const std::vector<Rect> before = square;
  stretch_to_page(square, 1.10, 1.40, 1.6);
  for (std::size_t i = 0; i < square.size(); ++i) {
    EXPECT_DOUBLE_EQ(square[i].x, before[i].x);
    EXPECT_DOUBLE_EQ(square[i].y, before[i].y);
  }
  // A column: at most 1.6 times as wide between centres.
  std::vector<Rect> column{box_at(0, 0), box_at(10, 500), box_at(0, 1000)};
  stretch_to_page(column, 1.10, 1.40, 1.6);
  EXPECT_DOUBLE_EQ(column[1].centre().x - column[0].centre().x, 16);
  // A row with nothing to stretch along (all centres at one height) stays a row.
  std::vector<Rect> row{box_at(0, 0), box_at(300, 0), box_at(600, 0)};
  stretch_to_page(row, 1.10, 1.40, 1.6);
  EXPECT_DOUBLE_EQ(extent(row).h, 40);
}

}  // namespace
}  // namespace peermap::layout
