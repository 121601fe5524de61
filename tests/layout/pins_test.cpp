// Pins are kept exactly (issue 10, item 5). Validation says when two pins are too close for
// both people's symbols and labels to stay apart, naming both; the layout moves a pinned
// person only then, and says so, naming the person.
//
//   Amira Haddad [pin A]   <- gap ->   Jayden Carter [pin B]        (everyone else unpinned)
#include <gtest/gtest.h>

#include <cmath>

#include "layout/layout.hpp"
#include "support/layout_checks.hpp"
#include "support/random_document.hpp"

namespace peermap::layout {
namespace {

model::Document map_with_two_pins() {
  testing::RandomMapShape shape;
  shape.people = 24;
  shape.groups = 3;
  shape.locations = 2;
  model::Document d = testing::random_document(7, shape);
  d.people[1].full_name = "Amira Haddad";
  d.people[2].full_name = "Jayden Carter";
  return d;
}

const NodeGeometry& node(const Geometry& g, const std::string& id) {
  for (const auto& n : g.nodes) {
    if (n.id == id) return n;
  }
  throw std::runtime_error("no node " + id);
}

//! The footprint widths of p1 and p2, and where p2's symbol goes so that the footprints are
//! `gap` apart side by side with p1's symbol at (100, 100).
double x_for_gap(const model::Document& d, double gap) {
  const auto g = compute_layout(d, {});
  const double a = node(g.value(), "p1").footprint().w;
  const double b = node(g.value(), "p2").footprint().w;
  return 100 + a / 2 + b / 2 + gap;
}

TEST(Pins, PinsFarApartAreKeptExactlyWithNothingToSay) {
  model::Document d = map_with_two_pins();
  d.pins = {{"p1", 100, 100}, {"p2", x_for_gap(d, 60), 100}};
  EXPECT_TRUE(pin_problems(d).empty());
  const auto g = compute_layout(d, {});
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_TRUE(g->warnings.empty());
  EXPECT_EQ(node(g.value(), "p1").x, 100);
  EXPECT_EQ(node(g.value(), "p2").x, d.pins[1].x);
  EXPECT_TRUE(testing::layout_violations(g.value()).empty());
  EXPECT_TRUE(testing::document_violations(g.value(), d).empty());
}

TEST(Pins, PinsExactlyTheSeparationApartAreStillKept) {
  model::Document d = map_with_two_pins();
  d.pins = {{"p1", 100, 100}, {"p2", x_for_gap(d, style::kNodeSeparation), 100}};
  EXPECT_TRUE(pin_problems(d).empty());
  const auto g = compute_layout(d, {});
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_TRUE(g->warnings.empty()) << g->warnings.front();
  EXPECT_EQ(node(g.value(), "p1").x, d.pins[0].x);
  EXPECT_EQ(node(g.value(), "p1").y, d.pins[0].y);
  EXPECT_EQ(node(g.value(), "p2").x, d.pins[1].x);
  EXPECT_EQ(node(g.value(), "p2").y, d.pins[1].y);
  EXPECT_TRUE(testing::layout_violations(g.value()).empty());
}

TEST(Pins, ValidationNamesBothPeopleWhenPinsAreTooClose) {
  model::Document d = map_with_two_pins();
  d.pins = {{"p1", 100, 100}, {"p2", x_for_gap(d, style::kNodeSeparation - 1), 100}};
  const auto problems = pin_problems(d);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "/pins/1");
  EXPECT_EQ(problems[0].severity, model::Severity::Warning);
  EXPECT_NE(problems[0].message.find("\"Amira Haddad\" (/people/1)"), std::string::npos)
      << problems[0].message;
  EXPECT_NE(problems[0].message.find("\"Jayden Carter\" (/people/2)"), std::string::npos)
      << problems[0].message;
}

TEST(Pins, ALabelUnderAPinCountsNotOnlyTheSymbol) {
  // Symbols 40 pt apart vertically clear each other, but p1's label hangs into p2's symbol.
  model::Document d = map_with_two_pins();
  d.pins = {{"p1", 100, 100}, {"p2", 100, 140}};
  EXPECT_EQ(pin_problems(d).size(), 1u);
}

TEST(Pins, TheLayoutMovesOnlyOneAndNamesItWhenTheyCannotBothStay) {
  model::Document d = map_with_two_pins();
  d.pins = {{"p1", 100, 100}, {"p2", 110, 100}};
  const auto g = compute_layout(d, {});
  ASSERT_TRUE(g.ok()) << g.error().message;
  ASSERT_EQ(g->warnings.size(), 1u);
  EXPECT_NE(g->warnings[0].find("\"Jayden Carter\" (p2)"), std::string::npos) << g->warnings[0];
  EXPECT_NE(g->warnings[0].find("\"Amira Haddad\" (p1)"), std::string::npos) << g->warnings[0];
  EXPECT_EQ(node(g.value(), "p1").x, 100);
  EXPECT_EQ(node(g.value(), "p1").y, 100);
  const NodeGeometry& moved = node(g.value(), "p2");
  EXPECT_TRUE(moved.x != 110 || moved.y != 100);
  EXPECT_TRUE(testing::layout_violations(g.value()).empty());
  EXPECT_TRUE(testing::document_violations(g.value(), d).empty());
  // And the layout's JSON carries the warning.
  EXPECT_NE(geometry_to_json(g.value()).find("\"warnings\":[\"pinned person"), std::string::npos);
}

TEST(Pins, ManyPinsAmongUnpinnedPeopleAllStayPut) {
  //   a row of 8 pinned people, 200 pt apart, with 40 unpinned people laid out around them
  testing::RandomMapShape shape;
  shape.people = 48;
  shape.groups = 4;
  shape.locations = 2;
  model::Document d = testing::random_document(11, shape);
  for (int k = 0; k < 8; ++k) d.pins.push_back({"p" + std::to_string(k * 6), 200.0 * k, 0});
  EXPECT_TRUE(pin_problems(d).empty());
  const auto g = compute_layout(d, {});
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_TRUE(g->warnings.empty());
  for (const auto& pin : d.pins) {
    EXPECT_EQ(node(g.value(), pin.ref).x, pin.x) << pin.ref;
    EXPECT_EQ(node(g.value(), pin.ref).y, pin.y) << pin.ref;
  }
  EXPECT_TRUE(testing::layout_violations(g.value()).empty());
}

}  // namespace
}  // namespace peermap::layout
