// Lines avoid people (issue 10, item 3): a tie's line never passes through the symbol or the
// label of a person it does not connect; it bends around them.
//
//   Amira ------------ Bilal ------------ Chloe      Amira -- Chloe is a tie; Bilal sits on
//   (pinned)          (pinned)            (pinned)   the straight line between them.
#include <gtest/gtest.h>

#include <cmath>

#include "layout/layout.hpp"
#include "layout/layout_parts.hpp"
#include "layout/tie_routes.hpp"
#include "support/document_builder.hpp"
#include "support/layout_checks.hpp"

namespace peermap::layout {
namespace {

NodeGeometry person_at(const std::string& id, Point centre) {
  NodeGeometry n;
  n.id = id;
  n.w = n.h = style::kSymbolSize;
  n.label = {0, 0, 80, 24};
  n.x = centre.x;
  n.y = centre.y;
  n.label.x = centre.x - n.label.w / 2;
  n.label.y = centre.y + n.h / 2 + style::kLabelGap;
  return n;
}

//! True when some piece of the line passes through the rectangle's interior.
bool passes_through(const EdgeGeometry& edge, const Rect& r) {
  for (std::size_t k = 1; k < edge.points.size(); ++k) {
    if (segment_meets(edge.points[k - 1], edge.points[k], r)) return true;
  }
  return false;
}

TEST(TieRoutes, NodeObstaclesRouteAsRoutedEdgeDoesWithTheOthersAsObstacles) {
  // A crowd between and around two people: each route made from one set of obstacles for the
  // whole geometry is the one routed_edge makes with everyone else's footprint.
  Geometry g;
  for (int row = 0; row < 5; ++row) {
    for (int column = 0; column < 6; ++column) {
      g.nodes.push_back(person_at("p" + std::to_string(g.nodes.size()),
                                  {column * 110.0 + (row % 2) * 40.0, row * 90.0}));
    }
  }
  const NodeObstacles obstacles(g);
  int bent = 0;
  for (const auto& [from, to] : std::vector<std::pair<std::size_t, std::size_t>>{
           {0, 29}, {5, 24}, {2, 27}, {12, 17}, {0, 1}, {7, 22}}) {
    std::vector<Rect> others;
    for (std::size_t n = 0; n < g.nodes.size(); ++n) {
      if (n != from && n != to) others.push_back(g.nodes[n].footprint());
    }
    const EdgeGeometry expected = routed_edge({}, g.nodes[from], g.nodes[to], others);
    const EdgeGeometry got = obstacles.route(from, to);
    ASSERT_EQ(got.points.size(), expected.points.size()) << from << " to " << to;
    for (std::size_t k = 0; k < got.points.size(); ++k) {
      EXPECT_DOUBLE_EQ(got.points[k].x, expected.points[k].x);
      EXPECT_DOUBLE_EQ(got.points[k].y, expected.points[k].y);
    }
    bent += got.points.size() > 2 ? 1 : 0;
  }
  EXPECT_GE(bent, 3) << "the crowd is in the way of most of these lines";
}

TEST(TieRoutes, AClearLineStaysStraight) {
  const NodeGeometry amira = person_at("amira", {0, 0});
  const NodeGeometry chloe = person_at("chloe", {300, 0});
  const NodeGeometry far = person_at("bilal", {150, 200});
  const EdgeGeometry edge = routed_edge("t1", amira, chloe, {far.footprint()});
  ASSERT_EQ(edge.points.size(), 2u);
  EXPECT_DOUBLE_EQ(edge.points[0].x, style::kSymbolSize / 2);
  EXPECT_DOUBLE_EQ(edge.points[1].x, 300 - style::kSymbolSize / 2);
}

TEST(TieRoutes, ALineBendsAroundAPersonInTheWayAndKeepsItsEnds) {
  const NodeGeometry amira = person_at("amira", {0, 0});
  const NodeGeometry bilal = person_at("bilal", {150, 0});
  const NodeGeometry chloe = person_at("chloe", {300, 0});
  // Negative control: the straight line goes through Bilal's symbol.
  EXPECT_TRUE(segment_meets({0, 0}, {300, 0}, bilal.symbol()));
  const EdgeGeometry edge = routed_edge("t1", amira, chloe, {bilal.footprint()});
  ASSERT_GT(edge.points.size(), 2u);
  EXPECT_FALSE(passes_through(edge, bilal.footprint().inflated(style::kRouteClearance - 0.5)));
  // It starts on Amira's outline and ends on Chloe's.
  EXPECT_NEAR(std::hypot(edge.points.front().x, edge.points.front().y), style::kSymbolSize / 2,
              1e-9);
  EXPECT_NEAR(std::hypot(edge.points.back().x - 300, edge.points.back().y), style::kSymbolSize / 2,
              1e-9);
  // It goes round the short way: above Bilal's symbol, not below his label.
  for (const Point& p : edge.points) EXPECT_LE(p.y, 0);
}

TEST(TieRoutes, ADetourGoesRoundTheSideThatCrossesFewerLines) {
  //          | | | |          four other ties run up from just above Bilal's symbol
  //   amira -- bilal -- chloe
  //           (label)
  const NodeGeometry amira = person_at("amira", {0, 0});
  const NodeGeometry bilal = person_at("bilal", {150, 0});
  const NodeGeometry chloe = person_at("chloe", {300, 0});
  std::vector<Point> lines;
  for (int k = 0; k < 4; ++k) {
    lines.push_back({120.0 + 20 * k, -12});
    lines.push_back({120.0 + 20 * k, -200});
  }
  // Negative control: with no lines to cross, the short way is over the top.
  const EdgeGeometry free = routed_edge("t1", amira, chloe, {bilal.footprint()});
  for (const Point& p : free.points) EXPECT_LE(p.y, 0);
  // With them, the longer way under Bilal's label crosses none.
  const EdgeGeometry edge = routed_edge("t1", amira, chloe, {bilal.footprint()}, lines);
  ASSERT_GT(edge.points.size(), 2u);
  EXPECT_FALSE(passes_through(edge, bilal.footprint()));
  double lowest = 0;
  for (const Point& p : edge.points) lowest = std::max(lowest, p.y);
  EXPECT_GT(lowest, bilal.label.bottom());
}

TEST(TieRoutes, ALineWindsThroughARowOfPeopleWithoutTouchingAny) {
  //   amira   p1 p2 p3 p4   chloe     (p1..p4 stacked in a wall across the line)
  const NodeGeometry amira = person_at("amira", {0, 0});
  const NodeGeometry chloe = person_at("chloe", {400, 30});
  std::vector<Rect> wall;
  wall.reserve(4);
  for (int k = 0; k < 4; ++k) wall.push_back(person_at("p", {200, -90.0 + 70 * k}).footprint());
  const EdgeGeometry edge = routed_edge("t1", amira, chloe, wall);
  ASSERT_GT(edge.points.size(), 2u);
  for (const Rect& r : wall) EXPECT_FALSE(passes_through(edge, r));
}

TEST(TieRoutes, AMapWithAPersonOnALineDrawsItAroundThem) {
  const model::Document d = testing::DocumentBuilder({2026, 11, 1})
                                .person("amira", "Amira Haddad", model::Role::SubjectChild)
                                .person("bilal", "Bilal Begum")
                                .person("chloe", "Chloe Evans")
                                .relationship("t1", "amira", "chloe")
                                .build();
  model::Document pinned = d;
  pinned.pins = {{"amira", 0, 0}, {"bilal", 200, 0}, {"chloe", 400, 0}};
  const auto g = compute_layout(pinned, {});
  ASSERT_TRUE(g.ok()) << g.error().message;
  ASSERT_EQ(g->edges.size(), 1u);
  EXPECT_GT(g->edges[0].points.size(), 2u);
  const auto violations = testing::layout_violations(g.value());
  EXPECT_TRUE(violations.empty()) << violations.front();
  EXPECT_TRUE(testing::document_violations(g.value(), pinned).empty());
}

//   amira ------ bilal ------ chloe      t1: amira -- chloe, round Bilal
//
//   dylan ------------------- erin       t2: dylan -- erin, clear
//
//   (fiona, far below)
Geometry two_ties() {
  Geometry g;
  g.nodes = {person_at("amira", {0, 0}),    person_at("bilal", {150, 0}),
             person_at("chloe", {300, 0}),  person_at("dylan", {0, 150}),
             person_at("erin", {300, 150}), person_at("fiona", {150, 600})};
  g.edges = {straight_edge("t1", g.nodes[0], g.nodes[2]),
             straight_edge("t2", g.nodes[3], g.nodes[4])};
  route_ties(g);
  return g;
}

TEST(TieRoutes, AnEditElsewhereKeepsTheEarlierLinesAsTheyWere) {
  const Geometry earlier = two_ties();
  ASSERT_GT(earlier.edges[0].points.size(), 2u);
  // The earlier line of t1 went round the far side, under Bilal's label (a line a fresh
  // routing would not draw: over the top is shorter).
  Geometry before = earlier;
  const Rect round = before.nodes[1].footprint().inflated(style::kRouteClearance + 1);
  before.edges[0].points = {{style::kSymbolSize / 2, 0},
                            {round.x, round.bottom()},
                            {round.right(), round.bottom()},
                            {300 - style::kSymbolSize / 2, 0}};
  // Fiona, far from both lines, moves.
  Geometry after = before;
  place_node(after.nodes[5], {200, 650});
  after.edges = {straight_edge("t1", after.nodes[0], after.nodes[2]),
                 straight_edge("t2", after.nodes[3], after.nodes[4])};
  Geometry fresh = after;
  route_ties(fresh);
  route_ties(after, &before);
  EXPECT_EQ(after.edges[0].points.size(), 4u);
  EXPECT_DOUBLE_EQ(after.edges[0].points[1].y, round.bottom());
  // Negative control: routed afresh, it goes over the top.
  for (const Point& p : fresh.edges[0].points) EXPECT_LE(p.y, 0);
  EXPECT_EQ(after.edges[1].points.size(), 2u);
  EXPECT_TRUE(testing::layout_violations(after).empty());
}

TEST(TieRoutes, ALineNearSomeoneWhoMovedIsRoutedAgain) {
  const Geometry before = two_ties();
  // Bilal steps off t1's line and onto t2's.
  Geometry after = before;
  place_node(after.nodes[1], {150, 150});
  after.edges = {straight_edge("t1", after.nodes[0], after.nodes[2]),
                 straight_edge("t2", after.nodes[3], after.nodes[4])};
  route_ties(after, &before);
  EXPECT_EQ(after.edges[0].points.size(), 2u);  // straight again: nobody in the way
  EXPECT_GT(after.edges[1].points.size(), 2u);  // round Bilal
  EXPECT_FALSE(passes_through(after.edges[1], after.nodes[1].footprint()));
  EXPECT_TRUE(testing::layout_violations(after).empty());
}

TEST(TieRoutes, AnEarlierLineThroughSomeoneNewIsNeverKept) {
  const Geometry before = two_ties();
  // A newcomer stands on t2's straight line; nobody else moved.
  Geometry after = before;
  after.nodes.push_back(person_at("gus", {150, 150}));
  after.edges = {straight_edge("t1", after.nodes[0], after.nodes[2]),
                 straight_edge("t2", after.nodes[3], after.nodes[4])};
  route_ties(after, &before);
  ASSERT_EQ(after.edges[0].points.size(), before.edges[0].points.size());
  for (std::size_t k = 0; k < before.edges[0].points.size(); ++k) {
    EXPECT_EQ(after.edges[0].points[k].x, before.edges[0].points[k].x);
    EXPECT_EQ(after.edges[0].points[k].y, before.edges[0].points[k].y);
  }
  EXPECT_GT(after.edges[1].points.size(), 2u);
  EXPECT_FALSE(passes_through(after.edges[1], after.nodes.back().footprint()));
}

}  // namespace
}  // namespace peermap::layout
