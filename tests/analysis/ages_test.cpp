// Age transitions, age gaps and unknown age or identity (issue 11, items 3 and 5): each finding
// on a small map drawn here, with its exact sentence.
#include <gtest/gtest.h>

#include <algorithm>

#include "analysis/ages.hpp"
#include "analysis/findings.hpp"
#include "support/document_builder.hpp"

namespace peermap::analysis {
namespace {

using model::Role;
using testing::DocumentBuilder;

constexpr model::Date kMapDate{2026, 11, 1};

std::vector<std::string> texts(const std::vector<Finding>& findings, const std::string& kind) {
  std::vector<std::string> out;
  for (const auto& f : findings) {
    if (f.kind == kind) out.push_back(f.text);
  }
  return out;
}

TEST(Ages, TheEighteenthBirthdayOfA29FebruaryChildIsThe1stOfMarch) {
  EXPECT_EQ(eighteenth_birthday({2008, 2, 29}), (model::Date{2026, 3, 1}));
  EXPECT_EQ(eighteenth_birthday({2008, 6, 15}), (model::Date{2026, 6, 15}));
}

// Kyle turned 18 on 2026-06-15; the information starts on 2026-03-01 (i1, when he was 17).
// Chloe (16) is his partner. Ella turns 18 on 2027-01-10, before the review on 2027-02-01, and is
// friends with Tom (13):
//
//   Chloe Varga (16) ==partner (t1)== Kyle Moss (18, 17 on 2026-03-01)
//   Ella Ng (17) --friend (t2)-- Tom Hill (13)
//   Ella Ng (17) --family (t3)-- Amy Ng (9)        (family: an age gap between siblings is no
//   finding)
model::Document ages() {
  model::Document d =
      DocumentBuilder(kMapDate)
          .subject("chloe")
          .person("chloe", "Chloe Varga", Role::SubjectChild, {.born = model::Date{2010, 2, 1}})
          .person("kyle", "Kyle Moss", Role::AdultOfConcern, {.born = model::Date{2008, 6, 15}})
          .person("ella", "Ella Ng", Role::Peer, {.born = model::Date{2009, 1, 10}})
          .person("tom", "Tom Hill", Role::Peer, {.born = model::Date{2013, 5, 1}})
          .person("amy", "Amy Ng", Role::Family, {.born = model::Date{2017, 5, 1}})
          .relationship("t1", "chloe", "kyle", {.nature = "partner"})
          .relationship("t2", "ella", "tom", {.nature = "friend"})
          .relationship("t3", "ella", "amy", {.nature = "family"})
          .information("i1", {"t1"},
                       {.summary = "Seen holding hands",
                        .source_agency = "School",
                        .observed = model::Date{2026, 3, 1},
                        .evidence = model::Evidence::Evidenced})
          .build();
  d.map.review_date = model::Date{2027, 2, 1};
  return d;
}

TEST(Ages, SomeoneWhoTurned18WithinThePeriodIsNamed) {
  const auto found = texts(age_findings(ages()), "age");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0],
            "Kyle Moss turned 18 on 2026-06-15, within the period the map's information covers "
            "(from 2026-03-01): what is recorded from before then is about a child, and the move "
            "to adult services matters to the plan.");
  EXPECT_EQ(found[1],
            "Ella Ng turns 18 on 2027-01-10, before the review date (2027-02-01): plan for the "
            "change of legal status and the move to adult services.");
}

TEST(Ages, APartnerTieBetweenAChildAndAnAdultSaysTheAgesThen) {
  const auto findings = age_findings(ages());
  const auto partner = std::find_if(findings.begin(), findings.end(), [](const Finding& f) {
    return f.text.starts_with("The partner tie");
  });
  ASSERT_NE(partner, findings.end());
  EXPECT_EQ(partner->kind, "age");
  EXPECT_EQ(partner->text,
            "The partner tie between Chloe Varga (16) and Kyle Moss (adult, 18) (t1) is "
            "between a child and an adult; at the information's date (2026-03-01, i1) Kyle Moss "
            "was a child (17).");
  EXPECT_EQ(partner->ids, (std::vector<std::string>{"t1", "chloe", "kyle", "i1"}));
}

TEST(Ages, ALargeAgeGapBetweenChildrenIsAFindingButNotBetweenSiblings) {
  const auto found = texts(age_findings(ages()), "age");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[3],
            "The friend tie between Ella Ng (17) and Tom Hill (13) (t2) joins children 4 years "
            "apart in age: a large age gap.");
}

// Unknown age and unknown identity. Marcus (adult) exploits Jayden; Smokey, known only by a
// street name, and Noah, with no date of birth or age band, are tied to Marcus; "Older
// boyfriend", whose name is not known, is Jayden's partner:
//
//   Smokey (street name only) --- Marcus Reid (adult) ==exploits==> Jayden Carter (subject, 15)
//                                    |                                  ||
//                                 Noah Begum (age not known)     Older boyfriend (name not known)
//
// Neither Smokey nor Noah is counted as an exposed child; Jayden is.
model::Document unknowns() {
  model::Document d =
      DocumentBuilder(kMapDate)
          .subject("jayden")
          .person("jayden", "Jayden Carter", Role::SubjectChild, {.born = model::Date{2011, 5, 1}})
          .person("marcus", "Marcus Reid", Role::AdultOfConcern)
          .person("smokey", "Smokey", Role::Peer)
          .person("noah", "Noah Begum", Role::Peer)
          .person("bf", "Older boyfriend", Role::Other)
          .relationship("t1", "marcus", "jayden", {.exploitation_by = "marcus"})
          .relationship("t2", "smokey", "marcus")
          .relationship("t3", "noah", "marcus")
          .relationship("t4", "jayden", "bf", {.nature = "partner"})
          .build();
  d.people[2].name_status = model::NameStatus::StreetNameOnly;
  d.people[4].name_status = model::NameStatus::Unknown;
  return d;
}

TEST(Ages, UnknownAgeAndUnknownIdentityAreNeverSilentlyAChild) {
  const model::Document d = unknowns();
  EXPECT_EQ(model::age_class(d.people[2], kMapDate), model::AgeClass::NotKnown);
  const auto findings = age_findings(d);
  const auto gaps = texts(findings, "gap");
  ASSERT_EQ(gaps.size(), 3u);
  EXPECT_EQ(gaps[0],
            "Identity not known: Smokey (only a street name is known, and their age is not known); "
            "find out who they are.");
  EXPECT_EQ(gaps[1],
            "Age not known: Noah Begum has no date of birth, age band or adult flag, so is counted "
            "neither as a child nor as an adult.");
  EXPECT_EQ(gaps[2],
            "Identity not known: Older boyfriend (their name is not known, and their age is not "
            "known); find out who they are.");
  for (const auto& text : gaps)
    EXPECT_EQ(text.find("child with no date of birth"), std::string::npos);
  EXPECT_EQ(texts(findings, "age"),
            std::vector<std::string>{
                "The partner tie between Jayden Carter (15) and Older boyfriend (age not known) "
                "(t4) is between a child and someone whose age is not known."});

  // docs/analysis.md, "Exposure": people whose age is not known are left out.
  const Network network = network_from_document(d).value();
  EXPECT_EQ(network.nodes[2].adult, std::nullopt);
  const auto exposed = texts(document_findings(d, network), "exposure");
  EXPECT_EQ(exposed, std::vector<std::string>{
                         "Jayden Carter is within two steps of an adult who exploits or controls "
                         "someone: Marcus Reid (1 step: the tie between Jayden Carter and Marcus "
                         "Reid, t1; this route rests on a tie with no information)."});
}

}  // namespace
}  // namespace peermap::analysis
