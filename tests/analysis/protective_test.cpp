// Protective factors (issue 11, item 4): for each subject child, the protective people, places
// and groups and the recorded strengths.
#include <gtest/gtest.h>

#include "analysis/protective.hpp"
#include "support/document_builder.hpp"

namespace peermap::analysis {
namespace {

using model::Role;
using testing::DocumentBuilder;

// Mia's grandmother is marked protective (t1); Kai is a friend of no stated valence (t2). Mia
// goes to the youth club and plays for the football group, both with a recorded strength:
//
//   Nan Reed (adult) ==protective (t1)== Mia Reed (subject) --- Kai Brown (t2)
//                                          |            \_
//                              frequents (f1)            member of (m1)
//                                          |               \_
//                    Oakfield Youth Club (strength r1)   Juniors football group (strength r2)
//
// r3 is a strength recorded about Mia herself; r4 a risk about the club (not listed).
TEST(Protective, EachSubjectChildGetsTheirProtectivePeoplePlacesGroupsAndStrengths) {
  model::Document d =
      DocumentBuilder({2026, 11, 1})
          .subject("mia")
          .person("mia", "Mia Reed", Role::SubjectChild, {.born = model::Date{2011, 5, 1}})
          .person("nan", "Nan Reed", Role::Family, {.adult = true})
          .person("kai", "Kai Brown", Role::Peer, {.born = model::Date{2011, 3, 1}})
          .location("club", "Oakfield Youth Club", "youth-club")
          .group("juniors", "Juniors football group", "other")
          .relationship("t1", "nan", "mia", {.valence = model::Valence::Protective})
          .relationship("t2", "mia", "kai", {.nature = "friend"})
          .frequents("f1", "mia", "club")
          .member_of("m1", "mia", "juniors")
          .build();
  d.risks.push_back({"r1", true, "club", "Trusted youth worker"});
  d.risks.push_back({"r2", true, "juniors", "Coach checks in on her"});
  d.risks.push_back({"r3", true, "mia", "Talks to her youth worker"});
  d.risks.push_back({"r4", false, "club", "Older boys wait outside"});
  const auto network = network_from_document(d).value();
  const auto findings = protective_findings(d, network);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, "protective");
  EXPECT_EQ(findings[0].text,
            "Protective for Mia Reed (subject): people with a protective tie: Nan Reed (adult) "
            "(t1); places and groups with a recorded strength: Oakfield Youth Club (r1) and the "
            "Juniors football group (r2); recorded strengths: \"Talks to her youth worker\" (r3).");
  EXPECT_EQ(findings[0].ids,
            (std::vector<std::string>{"mia", "nan", "t1", "club", "r1", "juniors", "r2", "r3"}));

  d.ties.erase(d.ties.begin());  // no protective tie, and nothing recorded: no finding
  d.ties.resize(1);
  d.risks.clear();
  EXPECT_TRUE(protective_findings(d, network_from_document(d).value()).empty());
}

// The places and groups themselves can be marked protective (valence on the location or group),
// with no strength recorded about them. Only Mia's own are listed; the risky estate is not:
//
//   Mia Reed (subject) --frequents (f1)--> Oakfield Youth Club [protective]
//         |          \--frequents (f2)--> Moorside estate [risky]
//   member of (m1)
//         |
//   Juniors football team [protective] <--member of (m2)-- Kai Brown (not a subject)
//   Parkway gym [protective]: nobody frequents it
TEST(Protective, PlacesAndGroupsMarkedProtectiveAreListedForTheChildWhoGoesThere) {
  model::Document d =
      DocumentBuilder({2026, 11, 1})
          .subject("mia")
          .person("mia", "Mia Reed", Role::SubjectChild, {.born = model::Date{2011, 5, 1}})
          .person("kai", "Kai Brown", Role::Peer, {.born = model::Date{2011, 3, 1}})
          .location("club", "Oakfield Youth Club", "youth-club")
          .location("estate", "Moorside estate", "estate")
          .location("gym", "Parkway gym", "sports-club")
          .group("juniors", "Juniors football team", "sports-team")
          .frequents("f1", "mia", "club")
          .frequents("f2", "mia", "estate")
          .member_of("m1", "mia", "juniors")
          .member_of("m2", "kai", "juniors")
          .build();
  d.locations[0].valence = model::Valence::Protective;
  d.locations[1].valence = model::Valence::Risky;
  d.locations[2].valence = model::Valence::Protective;
  d.groups[0].valence = model::Valence::Protective;
  const auto findings = protective_findings(d, network_from_document(d).value());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].text,
            "Protective for Mia Reed (subject): protective places and groups: Oakfield Youth "
            "Club (club) and the Juniors football team (juniors).");
  EXPECT_EQ(findings[0].ids, (std::vector<std::string>{"mia", "club", "juniors"}));
}

}  // namespace
}  // namespace peermap::analysis
