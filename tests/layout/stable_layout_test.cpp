// A stable map (issue 9, item 6): laying out an edited map from its previous positions keeps
// the room's picture. Adding one person with one tie to a 200-person map moves the others by a
// median of at most 1% of the map's diagonal and none by more than 5%, and every guarantee of
// the layout still holds.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "layout/layout.hpp"
#include "support/layout_checks.hpp"
#include "support/random_document.hpp"

namespace peermap::layout {
namespace {

std::map<std::string, Point> centres(const Geometry& g) {
  std::map<std::string, Point> out;
  for (const auto& n : g.nodes) out[n.id] = {n.x, n.y};
  return out;
}

struct Movement {
  double median = 0;
  double max = 0;
};

//! How far the people of `before` moved in `after`, as fractions of before's diagonal.
Movement movement(const Geometry& before, const Geometry& after) {
  const auto was = centres(before);
  std::vector<double> moved;
  for (const auto& n : after.nodes) {
    const auto it = was.find(n.id);
    if (it != was.end()) moved.push_back(std::hypot(n.x - it->second.x, n.y - it->second.y));
  }
  EXPECT_EQ(moved.size(), before.nodes.size());
  std::sort(moved.begin(), moved.end());
  const double diagonal = std::hypot(before.width, before.height);
  return {moved[moved.size() / 2] / diagonal, moved.back() / diagonal};
}

model::Document two_hundred_people(unsigned seed) {
  testing::RandomMapShape shape;
  shape.people = 200;
  shape.groups = 4;
  shape.locations = 3;
  return testing::random_document(seed, shape);
}

//! The document with one more peer, tied to `friend_id`.
model::Document with_new_person(model::Document d, const std::string& friend_id) {
  model::Person newcomer;
  newcomer.id = "newcomer";
  newcomer.full_name = "Ellie-Mae Fairbrother";
  newcomer.role = model::Role::Peer;
  d.people.push_back(newcomer);
  model::Tie tie;
  tie.id = "t-newcomer";
  tie.kind = model::TieKind::Relationship;
  tie.from = "newcomer";
  tie.to = friend_id;
  tie.strength = 2;
  d.ties.push_back(tie);
  return d;
}

TEST(StableLayout, AddingOnePersonWithOneTieBarelyMovesTheOthers) {
  for (const unsigned seed : {11u, 12u, 13u}) {
    const model::Document before_doc = two_hundred_people(seed);
    const auto before = compute_layout(before_doc, {});
    ASSERT_TRUE(before.ok()) << before.error().message;

    LayoutOptions options;
    options.previous = centres(before.value());
    const auto after = compute_layout(with_new_person(before_doc, "p17"), options);
    ASSERT_TRUE(after.ok()) << after.error().message;
    ASSERT_EQ(after->nodes.size(), 201u);

    const Movement m = movement(before.value(), after.value());
    std::cout << "seed " << seed << ": median move " << 100 * m.median << "% of the diagonal, most "
              << 100 * m.max << "%\n";
    EXPECT_LE(m.median, 0.01) << "seed " << seed;
    EXPECT_LE(m.max, 0.05) << "seed " << seed;
    const auto violations = testing::layout_violations(after.value());
    EXPECT_TRUE(violations.empty()) << violations.front();
  }
}

TEST(StableLayout, ANewMemberOfAGroupJoinsItsRegionAndTheOthersStay) {
  for (const unsigned seed : {21u, 22u}) {
    const model::Document before_doc = two_hundred_people(seed);
    const auto before = compute_layout(before_doc, {});
    ASSERT_TRUE(before.ok()) << before.error().message;
    model::Document edited = with_new_person(before_doc, "p40");
    model::Tie member;
    member.id = "t-newcomer-g1";
    member.kind = model::TieKind::MemberOf;
    member.from = "newcomer";
    member.to = "g1";
    edited.ties.push_back(member);

    LayoutOptions options;
    options.previous = centres(before.value());
    const auto after = compute_layout(edited, options);
    ASSERT_TRUE(after.ok()) << after.error().message;
    const Movement m = movement(before.value(), after.value());
    std::cout << "seed " << seed << " (new member of a group): median move " << 100 * m.median
              << "% of the diagonal, most " << 100 * m.max << "%\n";
    EXPECT_LE(m.median, 0.01) << "seed " << seed;
    EXPECT_LE(m.max, 0.05) << "seed " << seed;
    const auto violations = testing::layout_violations(after.value());
    EXPECT_TRUE(violations.empty()) << violations.front();  // the newcomer is inside g1's region
  }
}

TEST(StableLayout, NewPeopleTiedOnlyToEachOtherOrToNobodyStillLeaveTheOthersInPlace) {
  const model::Document before_doc = two_hundred_people(14);
  const auto before = compute_layout(before_doc, {});
  ASSERT_TRUE(before.ok());
  // A chain newcomer - second - p9 (the second reached through the first round), and a third
  // tied to nobody, whom only the stress layout can place.
  model::Document edited = with_new_person(before_doc, "p9");
  for (const char* id : {"second", "loner"}) {
    model::Person p;
    p.id = id;
    p.full_name = std::string(id) == "second" ? "Harvey Quinlan-Marsh" : "Aoife Ní Bhriain";
    edited.people.push_back(p);
  }
  edited.ties.back().to = "second";  // newcomer - second ...
  model::Tie tie;
  tie.id = "t-second";
  tie.kind = model::TieKind::Relationship;
  tie.from = "second";
  tie.to = "p9";  // ... - p9
  edited.ties.push_back(tie);
  LayoutOptions options;
  options.previous = centres(before.value());
  const auto after = compute_layout(edited, options);
  ASSERT_TRUE(after.ok()) << after.error().message;
  const Movement m = movement(before.value(), after.value());
  EXPECT_LE(m.median, 0.01);
  EXPECT_LE(m.max, 0.05);
  const auto violations = testing::layout_violations(after.value());
  EXPECT_TRUE(violations.empty()) << violations.front();
}

TEST(StableLayout, WithoutThePreviousPositionsTheSameEditReshufflesTheMap) {
  // The negative control: a full layout of the edited map moves people much further, which is
  // what the previous positions are for.
  const model::Document before_doc = two_hundred_people(11);
  const auto before = compute_layout(before_doc, {});
  const auto after = compute_layout(with_new_person(before_doc, "p17"), {});
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_GT(movement(before.value(), after.value()).median, 0.01);
}

TEST(StableLayout, TheNewPersonIsPlacedNearTheirTie) {
  const model::Document before_doc = two_hundred_people(12);
  const auto before = compute_layout(before_doc, {});
  ASSERT_TRUE(before.ok());
  LayoutOptions options;
  options.previous = centres(before.value());
  const auto after = compute_layout(with_new_person(before_doc, "p17"), options);
  ASSERT_TRUE(after.ok());
  const auto now = centres(after.value());
  const double diagonal = std::hypot(after->width, after->height);
  const Point a = now.at("newcomer");
  const Point b = now.at("p17");
  EXPECT_LT(std::hypot(a.x - b.x, a.y - b.y), 0.25 * diagonal);
}

TEST(StableLayout, ALabelThatGrewStillOverlapsNothingAndPinsStayPinned) {
  testing::RandomMapShape shape;
  shape.people = 40;
  shape.pins = 2;
  model::Document d = testing::random_document(5, shape);
  const auto before = compute_layout(d, {});
  ASSERT_TRUE(before.ok());
  // A much longer name: the person's label no longer fits where it was.
  d.people[10].full_name = "Bożena-Żaneta Grażyna Wright-Brzęczyszczykiewicz Okonkwo-Lindqvist";
  LayoutOptions options;
  options.previous = centres(before.value());
  const auto after = compute_layout(d, options);
  ASSERT_TRUE(after.ok()) << after.error().message;
  const auto violations = testing::layout_violations(after.value());
  EXPECT_TRUE(violations.empty()) << violations.front();
  for (const auto& pin : d.pins) {
    const auto it = std::find_if(after->nodes.begin(), after->nodes.end(),
                                 [&](const NodeGeometry& n) { return n.id == pin.ref; });
    ASSERT_NE(it, after->nodes.end());
    EXPECT_DOUBLE_EQ(it->x, pin.x);
    EXPECT_DOUBLE_EQ(it->y, pin.y);
  }
  EXPECT_TRUE(after->warnings.empty());  // anchored people may move without a pin warning
}

TEST(StableLayout, SamePreviousPositionsAndDocumentGiveTheSameGeometry) {
  const model::Document before_doc = two_hundred_people(13);
  const auto before = compute_layout(before_doc, {});
  ASSERT_TRUE(before.ok());
  LayoutOptions options;
  options.previous = centres(before.value());
  const model::Document edited = with_new_person(before_doc, "p3");
  const auto a = compute_layout(edited, options);
  const auto b = compute_layout(edited, options);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(geometry_to_json(a.value()), geometry_to_json(b.value()));
}

}  // namespace
}  // namespace peermap::layout
