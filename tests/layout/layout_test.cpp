#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "layout/layout.hpp"
#include "support/document_builder.hpp"
#include "support/layout_checks.hpp"
#include "support/random_document.hpp"

namespace peermap::layout {
namespace {

model::Document small_map(int pins = 0) {
  testing::RandomMapShape shape;
  shape.people = 24;
  shape.groups = 3;
  shape.locations = 2;
  shape.pins = pins;
  return testing::random_document(7, shape);
}

const NodeGeometry& node(const Geometry& g, const std::string& id) {
  for (const auto& n : g.nodes) {
    if (n.id == id) return n;
  }
  throw std::runtime_error("no node " + id);
}

TEST(Layout, SmallMapKeepsEveryGuarantee) {
  const auto g = compute_layout(small_map(), {});
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ(g->nodes.size(), 24u);
  EXPECT_FALSE(g->regions.empty());
  const auto violations = testing::layout_violations(g.value());
  EXPECT_TRUE(violations.empty()) << violations.front();
}

//! A time budget is asked between the layout's stages: one that is never spent changes nothing
//! and is asked several times; one spent at any of those checks abandons the layout there, with
//! an Unavailable error (the server's 503), and one spent before the layout starts stops it at
//! once.
TEST(Layout, ALayoutStopsAtTheFirstCheckAfterItsBudgetIsSpent) {
  int checks = 0;
  LayoutOptions options;
  options.out_of_time = [&] {
    ++checks;
    return false;
  };
  const auto budgeted = compute_layout(small_map(), options);
  const auto unbudgeted = compute_layout(small_map(), {});
  ASSERT_TRUE(budgeted.ok() && unbudgeted.ok());
  EXPECT_EQ(geometry_to_json(budgeted.value()), geometry_to_json(unbudgeted.value()));
  EXPECT_GE(checks, 5);  // start, before and after Graphviz, after overlaps, before the names
  for (int spent_at = 1; spent_at <= checks; ++spent_at) {
    int asked = 0;
    options.out_of_time = [&] { return ++asked >= spent_at; };
    const auto stopped = compute_layout(small_map(), options);
    ASSERT_FALSE(stopped.ok()) << spent_at;
    EXPECT_EQ(stopped.error().kind, ErrorKind::Unavailable);
    EXPECT_EQ(asked, spent_at);  // nothing more was asked (nor done) after the spent check
  }
}

TEST(Layout, SameDocumentAndSeedGiveTheSameGeometry) {
  LayoutOptions options;
  options.seed = 3;
  const auto a = compute_layout(small_map(), options);
  const auto b = compute_layout(small_map(), options);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(geometry_to_json(a.value()) == geometry_to_json(b.value()));
}

TEST(Layout, PinnedPeopleStayExactlyWhereTheyWerePut) {
  const model::Document d = small_map(3);
  const auto g = compute_layout(d, {});
  ASSERT_TRUE(g.ok()) << g.error().message;
  for (const auto& pin : d.pins) {
    const NodeGeometry& n = node(g.value(), pin.ref);
    EXPECT_TRUE(n.pinned);
    EXPECT_DOUBLE_EQ(n.x, pin.x) << pin.ref;
    EXPECT_DOUBLE_EQ(n.y, pin.y) << pin.ref;
  }
  EXPECT_TRUE(g->warnings.empty());
  // The frame holds everything even when pins fix the coordinates.
  for (const auto& n : g->nodes) {
    EXPECT_GE(n.footprint().x, g->x0);
    EXPECT_LE(n.footprint().right(), g->x0 + g->width);
  }
  EXPECT_TRUE(testing::layout_violations(g.value()).empty());
}

TEST(Layout, TwoPinsOnTheSameSpotAreNudgedApartWithAWarning) {
  model::Document d = small_map();
  d.pins = {{"p1", 50, 50}, {"p2", 50, 50}};
  const auto g = compute_layout(d, {});
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(g->warnings.size(), 1u);
  EXPECT_NE(g->warnings[0].find("p2"), std::string::npos);
  EXPECT_TRUE(testing::layout_violations(g.value()).empty());
}

TEST(Layout, RedactedLabelsShowOtherChildrenByInitialsOnly) {
  model::Document d = small_map();
  d.people[0].full_name = "Mia Kowalczyk";  // the subject
  d.people[1].full_name = "Jayden Carter";  // a child
  d.people[1].role = model::Role::Peer;
  d.people[2].full_name = "Marcus Reid";  // an adult
  d.people[2].role = model::Role::AdultOfConcern;
  LayoutOptions options;
  options.redact = true;
  const auto g = compute_layout(d, options);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(node(g.value(), "p0").label_lines[0], "Mia Kowalczyk");
  EXPECT_EQ(node(g.value(), "p1").label_lines[0], "J. C.");
  EXPECT_EQ(node(g.value(), "p2").label_lines[0], "Marcus Reid");
}

// Ecomap: the child in the middle, ring 1 nearest.
//        (ring 2: p3)
//    (ring 1: p1)  child  (ring 1: p2)
TEST(Layout, EcomapPutsEachPlacementInItsRingBand) {
  model::Document d = small_map();
  d.ecomaps.push_back({"p0", {{"p1", 1}, {"p2", 1}, {"p3", 2}, {"l0", 4}}, ""});
  LayoutOptions options;
  options.ecomap_centre = "p0";
  const auto g = compute_layout(d, options);
  ASSERT_TRUE(g.ok()) << g.error().message;
  ASSERT_TRUE(g->ecomap_centre.has_value());
  ASSERT_EQ(g->ring_radii.size(), 4u);
  EXPECT_EQ(g->nodes.size(), 5u);
  const auto distance = [&](const std::string& id) {
    const NodeGeometry& n = node(g.value(), id);
    return std::hypot(n.x - g->ecomap_centre->x, n.y - g->ecomap_centre->y);
  };
  EXPECT_LT(distance("p1"), g->ring_radii[0]);
  EXPECT_GT(distance("p3"), g->ring_radii[0]);
  EXPECT_LT(distance("p3"), g->ring_radii[1]);
  EXPECT_GT(distance("l0"), g->ring_radii[2]);
  EXPECT_EQ(node(g.value(), "l0").kind, NodeKind::Location);
  EXPECT_TRUE(testing::layout_violations(g.value()).empty());
}

TEST(Layout, EcomapOfAnUnknownPersonIsNotFound) {
  LayoutOptions options;
  options.ecomap_centre = "nobody";
  const auto g = compute_layout(small_map(), options);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.error().kind, ErrorKind::NotFound);
}

TEST(Layout, JsonHasTheDocumentedShape) {
  const auto g = compute_layout(small_map(), {});
  ASSERT_TRUE(g.ok());
  const auto json = nlohmann::json::parse(geometry_to_json(g.value()));
  EXPECT_GT(json["width"].get<double>(), 0);
  EXPECT_GT(json["height"].get<double>(), 0);
  const auto& n = json["nodes"][0];
  for (const char* key : {"id", "x", "y", "w", "h"}) EXPECT_TRUE(n.contains(key)) << key;
  for (const char* key : {"x", "y", "w", "h"}) EXPECT_TRUE(n["label"].contains(key)) << key;
  const auto& e = json["edges"][0];
  EXPECT_TRUE(e.contains("source") && e.contains("target"));
  EXPECT_GE(e["points"].size(), 2u);
  for (const auto& r : json["regions"]) {
    EXPECT_FALSE(r["members"].empty());
    // An outline has its polygon and an empty line; a line the other way round.
    const bool outline = r["shape"] == "outline";
    EXPECT_TRUE(outline || r["shape"] == "line") << r["shape"];
    EXPECT_GE(r[outline ? "polygon" : "line"].size(), outline ? 4u : 2u);
    EXPECT_TRUE(r[outline ? "line" : "polygon"].empty());
  }
}

}  // namespace
}  // namespace peermap::layout

namespace peermap::layout {
namespace {

TEST(Layout, ADirectionOverrideInANameIsDrawnAsAMarkNotObeyed) {
  model::Document d = small_map();
  d.people[3].full_name = "Noor \u202Egnp.exe\u202C Haddad";
  const auto g = compute_layout(d, {});
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ(node(g.value(), d.people[3].id).label_lines.front(),
            "Noor [U+202E]gnp.exe[U+202C] Haddad");
}

}  // namespace
}  // namespace peermap::layout

namespace peermap::layout {
namespace {

// Three friends tied to each other, all in one group, sit together: one outline. Two people at
// the far ends of a chain frequent one place: a line linking them, through no one else.
//   A - B        D - E - F - G - H        group {A, B, C}; place {D, H}
//    \ /
//     C
TEST(Layout, AGroupThatSitsTogetherIsAnOutlineAndAScatteredPlaceALine) {
  const model::Document d =
      testing::DocumentBuilder(model::Date{2026, 11, 1})
          .people({{"a", "Amira Carter"}, {"b", "Bilal Okafor"}, {"c", "Chloe Nowak"}})
          .people({{"d", "Dylan Reid"},
                   {"e", "Evie Sandhu"},
                   {"f", "Farah Evans"},
                   {"g", "Gus Mensah"},
                   {"h", "Hana Patel"}})
          .relationships({{"a", "b"}, {"b", "c"}, {"c", "a"}})
          .relationships({{"d", "e"}, {"e", "f"}, {"f", "g"}, {"g", "h"}})
          .group("g1", "The triangle")
          .members("g1", {"a", "b", "c"})
          .location("l1", "Station", "transport-hub")
          .frequents("t-l1-d", "d", "l1")
          .frequents("t-l1-h", "h", "l1")
          .build();
  const auto g = compute_layout(d, {});
  ASSERT_TRUE(g.ok()) << g.error().message;
  ASSERT_EQ(g->regions.size(), 2u);
  const RegionGeometry& group = g->regions[0];
  const RegionGeometry& place = g->regions[1];
  EXPECT_EQ(group.shape, RegionShape::Outline);
  EXPECT_TRUE(group.line.empty());
  EXPECT_EQ(place.shape, RegionShape::Line);
  EXPECT_TRUE(place.polygon.empty());
  // The line starts and ends at its members' symbol centres.
  ASSERT_GE(place.line.size(), 2u);
  const auto at = [](const NodeGeometry& n, Point p) {
    return std::hypot(n.x - p.x, n.y - p.y) < 0.01;
  };
  const bool d_to_h =
      at(node(g.value(), "d"), place.line.front()) && at(node(g.value(), "h"), place.line.back());
  const bool h_to_d =
      at(node(g.value(), "h"), place.line.front()) && at(node(g.value(), "d"), place.line.back());
  EXPECT_TRUE(d_to_h || h_to_d);
  const auto violations = testing::layout_violations(g.value());
  EXPECT_TRUE(violations.empty()) << violations.front();
  // The JSON says which is which.
  const auto json = nlohmann::json::parse(geometry_to_json(g.value()));
  EXPECT_EQ(json["regions"][0]["shape"], "outline");
  EXPECT_EQ(json["regions"][1]["shape"], "line");
}

}  // namespace
}  // namespace peermap::layout
