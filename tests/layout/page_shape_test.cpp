// A fresh layout fills the page beside the key (issue 10, item 6): a map narrower than the
// page's map area is stretched sideways, one wider upwards, along one axis only, which brings
// no two people closer and keeps every crossing. Before that a fresh map is drawn together,
// keeping every gap (compact_footprints), and in an edit a newcomer goes into the nearest gap,
// pushing nobody (settle_in_free_space).
//
//   before (tall: 1 wide, 3 high)       after (stretched sideways to 1.10 wide per high)
//      [a]                                 [a]
//          [b]                                      [b]
//      [c]     [d]                         [c]               [d]
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
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

TEST(CompactFootprints, ASpreadMapIsDrawnTogetherKeepingTheGapAndTheOrderOfFacingBoxes) {
  // A loose 5 x 4 grid, 300 pt apart: drawn together to half, with every gap at least 24.
  std::vector<Rect> boxes;
  for (int row = 0; row < 4; ++row) {
    for (int col = 0; col < 5; ++col) boxes.push_back(box_at(col * 300.0, row * 300.0 + col * 7.0));
  }
  const std::vector<Rect> before = boxes;
  compact_footprints(boxes, true, 0.5, 24);
  compact_footprints(boxes, false, 0.5, 24);
  EXPECT_LT(extent(boxes).w, extent(before).w * 0.55);
  EXPECT_LT(extent(boxes).h, extent(before).h * 0.55);
  EXPECT_GE(nearest_gap(boxes), 24 - 1e-9);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    EXPECT_DOUBLE_EQ(boxes[i].w, before[i].w) << "boxes keep their size";
    for (std::size_t j = 0; j < boxes.size(); ++j) {
      if (before[i].x < before[j].x) {
        EXPECT_LT(boxes[i].x, boxes[j].x) << i << " left of " << j;
      }
      if (before[i].y < before[j].y) {
        EXPECT_LT(boxes[i].y, boxes[j].y) << i << " above " << j;
      }
    }
  }
}

TEST(CompactFootprints, ABoxIsHeldBackByTheOneItFacesButNotByOneAboveIt) {
  // a and b face each other along x, 200 pt apart; c is far above b and does not face it.
  std::vector<Rect> boxes{box_at(0, 0), box_at(200, 10), box_at(100, -400)};
  compact_footprints(boxes, true, 0.1, 24);
  EXPECT_DOUBLE_EQ(boxes[0].x, -40) << "the first box stays where it is";
  EXPECT_DOUBLE_EQ(boxes[1].x, boxes[0].right() + 24) << "held back by a";
  EXPECT_DOUBLE_EQ(boxes[2].x, -40 + 100 * 0.1) << "c faces nobody: a tenth of its distance";
}

TEST(CompactFootprints, ManyRandomBoxesNeverComeCloserThanTheGap) {
  std::vector<Rect> boxes;
  std::uint32_t state = 12345;
  const auto next = [&] { return (state = state * 1664525U + 1013904223U) >> 8; };
  while (boxes.size() < 150) {
    const Rect candidate{double(next() % 3000), double(next() % 3000), 40.0 + next() % 80,
                         30.0 + next() % 30};
    bool clear = true;
    for (const Rect& b : boxes) {
      if (nearest_gap({b, candidate}) < 24) clear = false;
    }
    if (clear) boxes.push_back(candidate);
  }
  const std::vector<Rect> before = boxes;
  compact_footprints(boxes, true, 0.3, 24);
  compact_footprints(boxes, false, 0.3, 24);
  EXPECT_GE(nearest_gap(boxes), 24 - 1e-9);
  EXPECT_LT(extent(boxes).w * extent(boxes).h, extent(before).w * extent(before).h * 0.5);
  std::vector<Rect> again = before;
  compact_footprints(again, true, 0.3, 24);
  compact_footprints(again, false, 0.3, 24);
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    EXPECT_EQ(again[i].x, boxes[i].x) << "deterministic";
    EXPECT_EQ(again[i].y, boxes[i].y);
  }
}

TEST(SettleInFreeSpace, ANewcomerOnTopOfSomeoneGoesIntoTheNearestGapAndNobodyElseMoves) {
  // Two anchored people side by side, 104 pt apart (a 24 pt gap), and a newcomer put on the
  // first: it goes to the nearest clear place, the others stay exactly where they were.
  std::vector<Rect> boxes{box_at(0, 0), box_at(104, 0), box_at(0, 0)};
  const std::vector<bool> fixed{true, true, false};
  settle_in_free_space(boxes, fixed, 24, 100);
  EXPECT_DOUBLE_EQ(boxes[0].x, -40);
  EXPECT_DOUBLE_EQ(boxes[1].x, 64);
  EXPECT_GE(nearest_gap(boxes), 24);
  const double moved = std::hypot(boxes[2].centre().x, boxes[2].centre().y);
  EXPECT_NEAR(moved, 64.01, 0.01) << "just above or below the first: 40 + 24 pt";
  // A newcomer already clear of everyone stays put.
  std::vector<Rect> clear{box_at(0, 0), box_at(300, 0)};
  settle_in_free_space(clear, {true, false}, 24, 100);
  EXPECT_DOUBLE_EQ(clear[1].x, 260);
}

}  // namespace
}  // namespace peermap::layout
