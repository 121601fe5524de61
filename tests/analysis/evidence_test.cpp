// Evidence strength per tie (grading x recency) and the sighting gap, worked out by hand, and on
// the peer-group example. docs/analysis.md has the tables used here.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "analysis/evidence.hpp"
#include "model/json_io.hpp"
#include "support/document_builder.hpp"

namespace peermap::analysis {
namespace {

constexpr double kExact = 1e-12;

model::InformationItem graded(std::string scheme, std::string source, std::string intelligence,
                              model::Evidence evidence = model::Evidence::Evidenced) {
  model::InformationItem item;
  item.evidence = evidence;
  item.grading.scheme = std::move(scheme);
  item.grading.source = std::move(source);
  item.grading.intelligence = std::move(intelligence);
  return item;
}

model::InformationItem simple(std::optional<bool> reliable, model::Evidence evidence) {
  model::InformationItem item;
  item.evidence = evidence;
  item.grading.scheme = "simple";
  item.grading.reliable = reliable;
  return item;
}

TEST(Evidence, GradeIsSourceTimesHowWellTheInformationIsKnown) {
  using model::Evidence;
  // 3x5x2: source 1 / 2 / 3 = 1, 0.5, 0.2; intelligence A..E = 1, 0.8, 0.6, 0.4, 0.
  EXPECT_NEAR(item_grade(graded("3x5x2", "1", "A")), 1.0, kExact);
  EXPECT_NEAR(item_grade(graded("3x5x2", "2", "B")), 0.5 * 0.8, kExact);
  EXPECT_NEAR(item_grade(graded("3x5x2", "3", "D")), 0.2 * 0.4, kExact);
  EXPECT_NEAR(item_grade(graded("3x5x2", "1", "E")), 0.0, kExact);  // suspected false
  // 5x5x5: source A..E = 1, 0.8, 0.5, 0.2, 0.5 (untested); intelligence 1..5 as A..E.
  EXPECT_NEAR(item_grade(graded("5x5x5", "B", "2")), 0.8 * 0.8, kExact);
  EXPECT_NEAR(item_grade(graded("5x5x5", "E", "4")), 0.5 * 0.4, kExact);
  EXPECT_NEAR(item_grade(graded("5x5x5", "C", "3")), 0.5 * 0.6, kExact);
  EXPECT_NEAR(item_grade(graded("5x5x5", "A", "5")), 0.0, kExact);
  // The grading wins over the evidenced/anecdotal flag when it grades the information...
  EXPECT_NEAR(item_grade(graded("3x5x2", "1", "C", Evidence::Anecdotal)), 0.6, kExact);
  // ...which counts as 0.8 (evidenced) or 0.6 (anecdotal) where it does not: simple (reliable
  // 0.8, not known 0.5, unreliable 0.2) and ungraded (an untested source, 0.5).
  EXPECT_NEAR(item_grade(simple(true, Evidence::Evidenced)), 0.8 * 0.8, kExact);
  EXPECT_NEAR(item_grade(simple(std::nullopt, Evidence::Anecdotal)), 0.5 * 0.6, kExact);
  EXPECT_NEAR(item_grade(simple(false, Evidence::Anecdotal)), 0.2 * 0.6, kExact);
  model::InformationItem ungraded;
  ungraded.evidence = Evidence::Evidenced;
  EXPECT_NEAR(item_grade(ungraded), 0.5 * 0.8, kExact);
}

TEST(Evidence, RecencyHalvesEveryRecentWindow) {
  model::MapInfo map;
  map.map_date = {2026, 11, 10};  // recent_window_days: 180 by default
  model::InformationItem item;
  const auto at = [&](model::Date observed) {
    item.observed = observed;
    return item_recency(item, map);
  };
  EXPECT_NEAR(at({2026, 11, 10}), 1.0, kExact);
  EXPECT_NEAR(at({2026, 5, 14}), 0.5, kExact);    // 180 days before
  EXPECT_NEAR(at({2025, 11, 15}), 0.25, kExact);  // 360 days before
  EXPECT_NEAR(at({2026, 8, 12}), std::exp2(-90.0 / 180), kExact);
  EXPECT_NEAR(at({2026, 12, 1}), 1.0, kExact);  // after the map date (an as-of view): not aged
  item.observed.reset();
  item.recorded = model::Date{2026, 5, 14};  // no observed date: the recorded one counts
  EXPECT_NEAR(item_recency(item, map), 0.5, kExact);
  item.recorded.reset();
  EXPECT_NEAR(item_recency(item, map), 0.5, kExact);  // undated: as if one window old
  map.recent_window_days = 90;
  EXPECT_NEAR(at({2026, 8, 12}), 0.5, kExact);
}

// Five people, four ties, map date 2026-11-10:
//
//   ana --t1-- ben --t2-- cat --t3-- dev --t4-- pro (professional)
//
// t1: a 3x5x2 2/B evidenced item 180 days old (0.5 x 0.8 x 0.5 = 0.2) and a simple, reliable,
//     anecdotal item of the map date (0.8 x 0.6 x 1 = 0.48): 1 - 0.8 x 0.52 = 0.584.
//     Seen together 30 days before (s1) and 100 days before (s2): last seen s1, recent.
// t2: one anecdotal item, 200 days old (5x5x5 A/1: 1 x 1 x 2^(-200/180)): anecdotal and
//     historic. Seen together exactly 90 days before in a sighting of three (s3, with ana):
//     still recent.
// t3: no item (evidence 0). Seen together 91 days before (s4): no recent sighting.
// t4: to a professional, never seen together: not a sighting gap.
model::Document four_ties() {
  model::InformationItem old = graded("3x5x2", "2", "B");
  old.id = "i1";
  old.observed = model::Date{2026, 5, 14};
  old.about = {"t1", "ana"};
  model::InformationItem fresh = simple(true, model::Evidence::Anecdotal);
  fresh.id = "i2";
  fresh.observed = model::Date{2026, 11, 10};
  fresh.about = {"t1", "t1"};  // named twice: counts once
  model::InformationItem historic = graded("5x5x5", "A", "1", model::Evidence::Anecdotal);
  historic.id = "i3";
  historic.observed = model::Date{2026, 4, 24};  // 200 days before
  historic.about = {"t2"};
  return testing::DocumentBuilder({2026, 11, 10})
      .people({{"ana", "ana Surname"},
               {"ben", "ben Surname"},
               {"cat", "cat Surname"},
               {"dev", "dev Surname"}})
      .person("pro", "pro Surname", model::Role::Professional)
      .relationships({{"ana", "ben"}, {"ben", "cat"}, {"cat", "dev"}, {"dev", "pro"}})
      .information(old)
      .information(fresh)
      .information(historic)
      .sighting("s2", {"ben", "ana"}, {2026, 8, 2})
      .sighting("s1", {"ana", "ben"}, {2026, 10, 11})
      .sighting("s3", {"ben", "ana", "cat"}, {2026, 8, 12})
      .sighting("s4", {"cat", "dev"}, {2026, 8, 11})
      .build();
}

TEST(Evidence, EachTieGetsItsScoreFlagsAndLastSighting) {
  const auto ties = tie_support(four_ties());
  ASSERT_EQ(ties.size(), 4u);

  EXPECT_EQ(ties[0].tie, "t1");
  EXPECT_EQ(ties[0].from, "ana");
  EXPECT_EQ(ties[0].to, "ben");
  EXPECT_EQ(ties[0].items, 2);
  EXPECT_NEAR(ties[0].evidence, 0.584, kExact);
  EXPECT_FALSE(ties[0].anecdotal_only);
  EXPECT_FALSE(ties[0].historic_only);
  EXPECT_EQ(ties[0].newest, (model::Date{2026, 11, 10}));
  EXPECT_EQ(ties[0].last_seen, (model::Date{2026, 10, 11}));
  EXPECT_EQ(ties[0].last_sighting, "s1");
  EXPECT_FALSE(ties[0].no_recent_sighting);

  EXPECT_EQ(ties[1].items, 1);
  EXPECT_NEAR(ties[1].evidence, std::exp2(-200.0 / 180), kExact);
  EXPECT_TRUE(ties[1].anecdotal_only);
  EXPECT_TRUE(ties[1].historic_only);
  EXPECT_EQ(ties[1].last_sighting, "s3");
  EXPECT_FALSE(ties[1].no_recent_sighting);  // exactly 90 days: still within the window

  EXPECT_EQ(ties[2].items, 0);
  EXPECT_EQ(ties[2].evidence, 0);
  EXPECT_FALSE(ties[2].anecdotal_only);  // no items: "no information", not "anecdotal"
  EXPECT_FALSE(ties[2].newest.has_value());
  EXPECT_EQ(ties[2].last_sighting, "s4");
  EXPECT_TRUE(ties[2].no_recent_sighting);  // 91 days

  EXPECT_FALSE(ties[3].last_seen.has_value());
  EXPECT_TRUE(ties[3].last_sighting.empty());
  EXPECT_FALSE(ties[3].no_recent_sighting);  // a professional's tie
}

TEST(Evidence, HistoricInformationDecaysButNeverToNothing) {
  model::MapInfo map;
  map.map_date = {2026, 11, 10};
  model::InformationItem arrest = graded("3x5x2", "1", "A");  // worth 1 when new
  arrest.observed = model::Date{2023, 3, 1};                  // an arrest together, 3.7 years ago
  EXPECT_NEAR(item_recency(arrest, map), kRecencyFloor, kExact);
  arrest.observed = model::Date{2024, 11, 10};  // 730 days: 2^(-730/180) = 0.06, below the floor
  EXPECT_NEAR(item_recency(arrest, map), kRecencyFloor, kExact);
  arrest.observed = model::Date{2025, 5, 14};  // 545 days: 2^(-545/180) = 0.12, above it
  EXPECT_NEAR(item_recency(arrest, map), std::exp2(-545.0 / 180), kExact);
  model::Document d = four_ties();
  arrest.id = "i9";
  arrest.observed = model::Date{2023, 3, 1};
  arrest.about = {"t3"};
  d.information.push_back(arrest);
  const auto ties = tie_support(d);
  EXPECT_NEAR(ties[2].evidence, 0.1, kExact);
  EXPECT_EQ(evidence_text(ties[2]), "0.10");
}

// The table of docs/analysis.md, "Evidence strength of a tie": one tie in each state.
TEST(Evidence, EachTieIsInOneStateAndNoInformationIsNotZero) {
  const auto ties = tie_support(four_ties());
  EXPECT_EQ(evidence_state(ties[0]), "evidenced and recent");
  EXPECT_TRUE(ties[0].evidenced_recent);
  EXPECT_EQ(evidence_state(ties[1]), "anecdotal and historic only");
  EXPECT_FALSE(ties[1].evidenced_recent);
  EXPECT_EQ(evidence_state(ties[2]), "no information");
  EXPECT_EQ(evidence_text(ties[2]), "no information");
  EXPECT_FALSE(ties[2].evidenced_recent);

  model::Document d = four_ties();
  d.information[2].observed = model::Date{2026, 11, 1};  // t2: anecdotal, now recent
  EXPECT_EQ(evidence_state(tie_support(d)[1]), "anecdotal only");
  d.information[2].evidence = model::Evidence::Evidenced;
  d.information[2].observed = model::Date{2026, 1, 1};  // t2: evidenced, old
  EXPECT_EQ(evidence_state(tie_support(d)[1]), "historic only");
  d.information[0].about = {"t2"};  // t2 also: an evidenced item exactly 180 days old (recent)
  EXPECT_EQ(evidence_state(tie_support(d)[1]), "evidenced and recent");
  d.information[0].evidence = model::Evidence::Anecdotal;
  d.information[0].observed = model::Date{2026, 11, 1};  // now a recent anecdotal item
  EXPECT_EQ(evidence_state(tie_support(d)[1]), "evidenced only historically");
}

TEST(Evidence, ATieNeverSeenHasNoRecentSighting) {
  model::Document d = four_ties();
  d.sightings.clear();
  const auto ties = tie_support(d);
  EXPECT_TRUE(ties[0].no_recent_sighting);
  EXPECT_FALSE(ties[0].last_seen.has_value());
  EXPECT_FALSE(ties[3].no_recent_sighting);
}

TEST(Evidence, OnThePeerGroupExample) {
  std::ifstream in(std::string(PEERMAP_SOURCE_DIR) + "/examples/peer-group.json");
  std::stringstream text;
  text << in.rdbuf();
  model::ParseOptions options;
  options.today = {2026, 11, 29};
  const auto parsed = model::parse_document(text.str(), options);
  ASSERT_FALSE(parsed.has_errors());
  const auto ties = tie_support(parsed.document);
  const auto find = [&](const std::string& id) {
    const auto found =
        std::find_if(ties.begin(), ties.end(), [&](const TieSupport& t) { return t.tie == id; });
    EXPECT_NE(found, ties.end()) << id;
    return found == ties.end() ? TieSupport{} : *found;
  };
  // t74 (Reece Haldane exploits Mia): i2 (simple reliable, anecdotal, 13 days: 0.48 x 2^(-13/180))
  // and i3 (3x5x2 1/A, 10 days: 2^(-10/180)); seen together at the hotel on 2026-10-31 (s1).
  const TieSupport hotel = find("t74");
  EXPECT_EQ(hotel.items, 2);
  EXPECT_NEAR(hotel.evidence,
              1 - (1 - 0.48 * std::exp2(-13.0 / 180)) * (1 - std::exp2(-10.0 / 180)), kExact);
  EXPECT_EQ(hotel.last_sighting, "s1");
  EXPECT_FALSE(hotel.no_recent_sighting);
  // t73 (Reece Haldane exploits Chloe): one 5x5x5 B/2 item from April, last seen in April (s6).
  const TieSupport april = find("t73");
  EXPECT_NEAR(april.evidence, 0.8 * 0.8 * std::exp2(-206.0 / 180), kExact);
  EXPECT_TRUE(april.historic_only);
  EXPECT_EQ(april.last_sighting, "s6");
  EXPECT_TRUE(april.no_recent_sighting);
  // t52 (Sienna and Amira, "close in Year 9"): anecdotal and historic, never seen together.
  const TieSupport year9 = find("t52");
  EXPECT_TRUE(year9.anecdotal_only);
  EXPECT_TRUE(year9.historic_only);
  EXPECT_TRUE(year9.no_recent_sighting);
  // t81 (Bethany Akinola, youth worker, and Mia): a professional's tie is no sighting gap.
  EXPECT_FALSE(find("t81").no_recent_sighting);
}

}  // namespace
}  // namespace peermap::analysis
