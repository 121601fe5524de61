// Full names, always (issue 10, item 4): the longest names the validator accepts wrap onto at
// most 3 lines and are never cut; the label's box is sized from the wrapped name, so the layout
// guarantees still hold around it.
#include <gtest/gtest.h>

#include "base/text_safety.hpp"
#include "layout/layout.hpp"
#include "layout/text_metrics.hpp"
#include "model/full_name.hpp"
#include "model/json_io.hpp"
#include "support/layout_checks.hpp"
#include "support/long_names.hpp"
#include "support/random_document.hpp"

namespace peermap::layout {
namespace {

using label_style::kName;
using label_style::wrapped_at;

TEST(FullNames, TheTestNamesAreTheLongestTheValidatorAccepts) {
  for (const std::string& name : testing::longest_names()) {
    EXPECT_EQ(text::code_points(name), model::kMaxNameLength) << name;
    EXPECT_FALSE(model::full_name_fault(name).has_value()) << *model::full_name_fault(name);
  }
  // One code point more is refused, so no valid name is longer.
  const std::string too_long = testing::longest_names().front() + "a";
  const std::string json = R"({"format": "peermap/1", "map": {"title": "t", "subject_children":
      ["p1"], "status": "meeting", "map_date": "2026-11-01"}, "people": [{"id": "p1",
      "full_name": ")" + too_long +
                           R"(", "role": "subject-child"}]})";
  const auto outcome = model::parse_document(json, {});
  ASSERT_TRUE(outcome.has_errors());
  EXPECT_EQ(outcome.problems.front().where, "/people/0/full_name");
}

TEST(FullNames, AShortNameKeepsTheUsualWidth) {
  const TextMeasurer measurer;
  EXPECT_EQ(measurer.fitting_width("Mia Kowalczyk", kName), style::kLabelMaxWidth);
  // Two lines at the usual width are fine too: no widening.
  EXPECT_EQ(measurer.fitting_width("Bo\u017cena-\u017baneta Gra\u017cyna Wright", kName),
            style::kLabelMaxWidth);
}

TEST(FullNames, TheLongestNamesWrapOntoThreeLinesAndAreNeverCut) {
  const TextMeasurer measurer;
  for (const std::string& name : testing::longest_names()) {
    const double width = measurer.fitting_width(name, kName);
    const TextStyle style = wrapped_at(kName, width);
    EXPECT_FALSE(measurer.is_cut(name, style)) << name;
    EXPECT_LE(measurer.line_count(name, style), 3) << name;
    EXPECT_GE(width, style::kLabelMaxWidth);
    // The narrowest width that fits: a quarter point less takes a fourth line.
    if (width > style::kLabelMaxWidth) {
      EXPECT_GT(measurer.line_count(name, wrapped_at(kName, width - 0.5)), 3) << name;
    }
  }
}

TEST(FullNames, TheOldTwoLineLabelWouldHaveCutThem) {
  // The negative control: the style the labels had before cut every one of these names.
  const TextMeasurer measurer;
  TextStyle old = kName;
  old.max_lines = 2;
  old.cut = true;
  for (const std::string& name : testing::longest_names()) {
    EXPECT_TRUE(measurer.is_cut(name, old)) << name;
  }
}

//   p0 (subject) -- p1 -- p2 -- ... -- p9, every person with one of the longest names, all in
//   group g0, half in place l0.
model::Document map_of_long_names() {
  testing::RandomMapShape shape;
  shape.people = 10;
  shape.groups = 1;
  shape.locations = 1;
  model::Document d = testing::random_document(4, shape);
  const auto names = testing::longest_names();
  for (std::size_t i = 0; i < d.people.size(); ++i) d.people[i].full_name = names[i % names.size()];
  return d;
}

TEST(FullNames, EveryFullNameIsDrawnWholeAndTheGuaranteesHold) {
  const model::Document d = map_of_long_names();
  const auto g = compute_layout(d, {});
  ASSERT_TRUE(g.ok()) << g.error().message;
  const auto violations = testing::layout_violations(g.value());
  EXPECT_TRUE(violations.empty()) << violations.front();
  const auto whole = testing::document_violations(g.value(), d);
  EXPECT_TRUE(whole.empty()) << whole.front();
  for (const auto& n : g->nodes) EXPECT_GT(n.name_width, style::kLabelMaxWidth) << n.id;
}

TEST(FullNames, TheEcomapDrawsThemWholeToo) {
  model::Document d = map_of_long_names();
  LayoutOptions options;
  options.ecomap_centre = "p0";
  model::Ecomap ecomap{"p0", {}, ""};
  for (std::size_t i = 1; i < d.people.size(); ++i) {
    ecomap.placements.push_back({d.people[i].id, static_cast<int>(1 + i % 4)});
  }
  d.ecomaps.push_back(ecomap);
  const auto g = compute_layout(d, options);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ(g->nodes.size(), d.people.size());
  const auto violations = testing::layout_violations(g.value());
  EXPECT_TRUE(violations.empty()) << violations.front();
  const auto whole = testing::document_violations(g.value(), d);
  EXPECT_TRUE(whole.empty()) << whole.front();
}

TEST(FullNames, ANameNoValidDocumentHoldsIsCutAtTheValidatorsLimit) {
  // In-process callers may skip validation: a 10,000-character name still makes a label.
  model::Document d = map_of_long_names();
  d.people[1].full_name = std::string(10'000, 'x') + " Smith";
  const auto g = compute_layout(d, {});
  ASSERT_TRUE(g.ok()) << g.error().message;
  const std::string& drawn = g->nodes[1].label_lines.front();
  EXPECT_EQ(text::code_points(drawn), model::kMaxNameLength + 1);
  EXPECT_EQ(drawn.substr(drawn.size() - 3), "\u2026");
}

}  // namespace
}  // namespace peermap::layout
