// Findings in plain language, checked on a small map drawn here and on the peer-group example.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "analysis/ages.hpp"
#include "analysis/findings.hpp"
#include "model/json_io.hpp"
#include "support/document_builder.hpp"

namespace peermap::analysis {
namespace {

using model::Role;
using testing::DocumentBuilder;

//! The children's date of birth in these maps: 15 on the map date.
constexpr model::Date kChildBorn{2011, 5, 1};

// Marcus (adult) exploits Jayden; Jayden leads Amira; Amira knows Leah; Leah knows Noah.
//
//   Marcus Reid ==exploits==> Jayden Carter ==leads==> Amira Okafor --- Leah Patel --- Noah Begum
//     (adult)                   (subject)
//
// Jayden is 1 step and Amira 2 steps from Marcus: both exposed. Leah (3) and Noah (4) are not.
model::Document exploitation_chain() {
  return DocumentBuilder({2026, 11, 1})
      .title("Chain")
      .subject("jayden")
      .person("marcus", "Marcus Reid", Role::AdultOfConcern, {.born = model::Date{1999, 1, 1}})
      .person("jayden", "Jayden Carter", Role::SubjectChild, {.born = kChildBorn})
      .person("amira", "Amira Okafor", Role::Peer, {.born = kChildBorn})
      .person("leah", "Leah Patel", Role::Peer, {.born = kChildBorn})
      .person("noah", "Noah Begum", Role::Peer)  // a child with no date of birth: a gap
      .relationship("t1", "marcus", "jayden", {.exploitation_by = "marcus"})
      .relationship("t2", "jayden", "amira", {.influence_leader = "jayden"})
      .relationship("t3", "amira", "leah")
      .relationship("t4", "leah", "noah")
      .information("i1", {"t1", "marcus", "jayden"},
                   {.summary = "Seen together at the park",
                    .source_agency = "Police",
                    .observed = model::Date{2026, 10, 1},
                    .evidence = model::Evidence::Anecdotal})
      .build();
}

bool has(const std::vector<Finding>& findings, const std::string& kind, const std::string& words) {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
    return f.kind == kind && f.text.find(words) != std::string::npos;
  });
}

TEST(Findings, ChildrenWithinTwoStepsOfAnExploitingAdultAreExposedWithThePath) {
  const model::Document d = exploitation_chain();
  const auto network = network_from_document(d);
  ASSERT_TRUE(network.ok());
  std::vector<Finding> exposure;
  for (const auto& f : document_findings(d, network.value())) {
    if (f.kind == "exposure") exposure.push_back(f);
  }
  // Leah (3 steps) and Noah (4) are not exposed.
  ASSERT_EQ(exposure.size(), 2u);
  EXPECT_EQ(exposure[0].text,
            "Jayden Carter is within two steps of an adult who exploits or controls someone: "
            "Marcus Reid (1 step: the tie between Jayden Carter and Marcus Reid, t1; this route "
            "rests on anecdotal "
            "information).");
  EXPECT_EQ(exposure[0].ids, (std::vector<std::string>{"jayden", "marcus"}));
  EXPECT_EQ(exposure[1].text,
            "Amira Okafor is within two steps of an adult who exploits or controls someone: "
            "Marcus Reid (2 steps: via Jayden Carter; this route rests on a tie with no "
            "information and anecdotal information).");
  EXPECT_EQ(exposure[1].ids, (std::vector<std::string>{"amira", "marcus", "jayden"}));
}

// Two adults: Vic exploits Al, Dean controls Bo. Fay knows Dean; Cy and Eli hang off Bo:
//
//   Vic Vane ==exploits==> Al Ames --- Bo Bell <==controls== Dean Dale --- Fay Ford
//    (adult)                             |                    (adult)
//                                     Cy Cole --- Eli Earl
//
// Al: Vic 1 step, Dean 2 (via Bo). Bo: Dean 1, Vic 2 (via Al). Fay: Dean 1 (Vic is 4 away).
// Cy: Dean 2 (via Bo; Vic is 3 away). Eli: 3 from Dean, 4 from Vic: not exposed. One finding a
// child, nearest adult first, then most adults (Al and Bo before Fay), then document order,
// although the document lists Fay and Cy first.
TEST(Findings, OneExposureFindingPerChildNearestAndMostExposedFirst) {
  const model::Document d =
      DocumentBuilder({2026, 11, 1})
          .people({{"fay", "Fay Ford"},
                   {"cy", "Cy Cole"},
                   {"al", "Al Ames"},
                   {"bo", "Bo Bell"},
                   {"eli", "Eli Earl"}},
                  Role::Peer, {.born = kChildBorn})
          .person("vic", "Vic Vane", Role::AdultOfConcern, {.born = model::Date{1990, 1, 1}})
          .person("dean", "Dean Dale", Role::AdultOfConcern, {.born = model::Date{1988, 1, 1}})
          .relationship("t1", "vic", "al", {.exploitation_by = "vic"})
          .relationship("t2", "dean", "bo", {.exploitation_by = "dean"})
          .relationships({{"al", "bo"}, {"dean", "fay"}, {"bo", "cy"}, {"cy", "eli"}})
          // Every tie evidenced and recent: no route says what weaker information it rests on.
          .information("i1", {"t1", "t2", "t3", "t4", "t5", "t6"},
                       {.summary = "Seen together by police",
                        .source_agency = "Police",
                        .observed = model::Date{2026, 10, 1},
                        .evidence = model::Evidence::Evidenced})
          .build();
  const auto network = network_from_document(d);
  ASSERT_TRUE(network.ok());
  std::vector<Finding> exposure;
  for (const auto& f : document_findings(d, network.value())) {
    if (f.kind == "exposure") exposure.push_back(f);
  }
  ASSERT_EQ(exposure.size(), 4u);
  EXPECT_EQ(
      exposure[0].text,
      "Al Ames is within two steps of 2 adults who exploit or control someone: Vic Vane "
      "(1 step: the tie between Al Ames and Vic Vane, t1) and Dean Dale (2 steps: via Bo Bell).");
  EXPECT_EQ(exposure[0].ids, (std::vector<std::string>{"al", "vic", "dean", "bo"}));
  EXPECT_EQ(
      exposure[1].text,
      "Bo Bell is within two steps of 2 adults who exploit or control someone: Dean Dale "
      "(1 step: the tie between Bo Bell and Dean Dale, t2) and Vic Vane (2 steps: via Al Ames).");
  EXPECT_EQ(exposure[1].ids, (std::vector<std::string>{"bo", "dean", "vic", "al"}));
  EXPECT_EQ(exposure[2].text,
            "Fay Ford is within two steps of an adult who exploits or controls someone: Dean Dale "
            "(1 step: the tie between Fay Ford and Dean Dale, t4).");
  EXPECT_EQ(exposure[2].ids, (std::vector<std::string>{"fay", "dean"}));
  EXPECT_EQ(exposure[3].text,
            "Cy Cole is within two steps of an adult who exploits or controls someone: Dean Dale "
            "(2 steps: via Bo Bell).");
  EXPECT_EQ(exposure[3].ids, (std::vector<std::string>{"cy", "dean", "bo"}));
}

TEST(Findings, LeadersAndFollowersComeFromInfluenceTiesOnly) {
  const model::Document d = exploitation_chain();
  const auto findings = document_findings(d, network_from_document(d).value());
  EXPECT_TRUE(has(findings, "leaders", "Jayden Carter leads Amira Okafor (t2)."));
  EXPECT_FALSE(has(findings, "leaders", "Marcus Reid"));  // exploitation is not leadership
}

TEST(Findings, EvidenceAndGapsAreNamed) {
  const model::Document d = exploitation_chain();
  const auto findings = document_findings(d, network_from_document(d).value());
  // One tie of a kind: a sentence of its own.
  EXPECT_TRUE(has(findings, "evidence",
                  "The tie between Marcus Reid (adult) and Jayden Carter (t1) rests only on "
                  "anecdotal information; evidence strength "));
  // Several: one finding naming them all, with all their ids.
  const auto no_item = std::find_if(findings.begin(), findings.end(), [](const Finding& f) {
    return f.text.find("no information item behind") != std::string::npos;
  });
  ASSERT_NE(no_item, findings.end());
  EXPECT_EQ(no_item->kind, "evidence");
  EXPECT_EQ(no_item->text,
            "3 ties have no information item behind them: Jayden Carter and Amira Okafor (t2); "
            "Amira Okafor and Leah Patel (t3); Leah Patel and Noah Begum (t4).");
  EXPECT_EQ(no_item->ids, (std::vector<std::string>{"t2", "t3", "t4"}));
  // Noah has no date of birth or age band: his age is not known, not "a child" (ages.hpp).
  EXPECT_FALSE(has(findings, "gap", "Noah Begum is shown as a child"));
  EXPECT_TRUE(has(age_findings(d), "gap", "Age not known: Noah Begum has no date of birth"));
  // Jayden and Marcus are named by i1; the other three are not.
  const auto unsourced = std::find_if(findings.begin(), findings.end(), [](const Finding& f) {
    return f.text.find("no information item naming a source") != std::string::npos;
  });
  ASSERT_NE(unsourced, findings.end());
  EXPECT_EQ(unsourced->text,
            "3 people have no information item naming a source: Amira Okafor, Leah Patel and "
            "Noah Begum.");
  EXPECT_EQ(unsourced->ids, (std::vector<std::string>{"amira", "leah", "noah"}));
  EXPECT_TRUE(has(findings, "gap", "Jayden Carter (subject) has no protective tie"));
  // No sighting at all: the four ties in one finding, grouped by the person with most of them
  // (Jayden, Amira and Leah have two each; Jayden comes first in the document), then by the
  // person with most of the rest (Leah).
  const auto unseen = std::find_if(findings.begin(), findings.end(), [](const Finding& f) {
    return f.text.find("No sighting") != std::string::npos;
  });
  ASSERT_NE(unseen, findings.end());
  EXPECT_EQ(unseen->kind, "gap");
  EXPECT_EQ(unseen->text,
            "No sighting together is recorded for 4 ties: Jayden Carter with Marcus Reid (adult, "
            "t1) and Amira Okafor (t2); Leah Patel with Amira Okafor (t3) and Noah Begum (t4).");
  EXPECT_EQ(unseen->ids, (std::vector<std::string>{"t1", "t2", "t3", "t4"}));
  for (const auto& f : findings) EXPECT_FALSE(f.ids.empty()) << f.text;
}

TEST(Findings, TheBrokerHasTheHighestBetweenness) {
  const model::Document d = exploitation_chain();
  const auto network = network_from_document(d);
  const auto measures = compute_measures(network.value());
  ASSERT_TRUE(measures.ok());
  const auto findings = network_findings(network.value(), measures.value());
  ASSERT_FALSE(findings.empty());
  // On a path of five the middle person, Amira, lies on most shortest routes (betweenness 4).
  EXPECT_EQ(findings[0].ids, std::vector<std::string>{"amira"});
  EXPECT_NE(findings[0].text.find("Amira Okafor"), std::string::npos);
  EXPECT_NE(findings[0].text.find("betweenness 4.0"), std::string::npos);
}

TEST(Findings, ThePeerGroupExampleHasFindingsAPractitionerCanActOn) {
  std::ifstream in(std::string(PEERMAP_SOURCE_DIR) + "/examples/peer-group.json");
  std::stringstream text;
  text << in.rdbuf();
  model::ParseOptions options;
  options.today = {2026, 11, 29};
  const auto parsed = model::parse_document(text.str(), options);
  ASSERT_FALSE(parsed.has_errors());
  const auto network = network_from_document(parsed.document);
  ASSERT_TRUE(network.ok());
  const auto findings = document_findings(parsed.document, network.value());
  for (const char* kind : {"exposure", "leaders", "evidence", "gap"})
    EXPECT_TRUE(has(findings, kind, "")) << kind;
  // Smokey is recorded by street name only: identity not known.
  EXPECT_TRUE(has(age_findings(parsed.document), "gap",
                  "Identity not known: Smokey (only a street name is known); find out who they "
                  "are."));
}

}  // namespace
}  // namespace peermap::analysis

namespace peermap::analysis {
namespace {

// Two triangles joined by one tie; only the left triangle is recorded as a group:
//
//   Ava --- Bea          Dan --- Eve
//     \     /              \     /
//      Cal ------------------ Fay          group "Oak": Ava, Bea, Cal
//
// The right triangle is a grouping no one recorded.
TEST(Findings, ACommunityWithNoMatchingGroupIsAnUnrecordedGrouping) {
  const model::Document d = DocumentBuilder({2026, 11, 1})
                                .people({{"ava", "ava Surname"},
                                         {"bea", "bea Surname"},
                                         {"cal", "cal Surname"},
                                         {"dan", "dan Surname"},
                                         {"eve", "eve Surname"},
                                         {"fay", "fay Surname"}})
                                .relationships({{"ava", "bea"},
                                                {"bea", "cal"},
                                                {"cal", "ava"},
                                                {"dan", "eve"},
                                                {"eve", "fay"},
                                                {"fay", "dan"},
                                                {"cal", "fay"}})
                                .group("oak", "Oak", "friendship")
                                .members("oak", {"ava", "bea", "cal"})
                                .build();
  const auto network = network_from_document(d);
  ASSERT_TRUE(network.ok());
  const auto measures = compute_measures(network.value());
  ASSERT_TRUE(measures.ok());
  ASSERT_EQ(measures->communities, 2);
  const auto findings = grouping_findings(d, network.value(), measures.value());
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, "grouping");
  EXPECT_EQ(findings[0].ids, (std::vector<std::string>{"dan", "eve", "fay"}));
  EXPECT_NE(findings[0].text.find("dan Surname, eve Surname and fay Surname"), std::string::npos);
}

}  // namespace
}  // namespace peermap::analysis

// ---- brokers and bridges: the only link between parts of the network ------------------------

namespace peermap::analysis {
namespace {

std::vector<Finding> of_kind(const std::vector<Finding>& findings, const std::string& kind) {
  std::vector<Finding> out;
  for (const auto& f : findings) {
    if (f.kind == kind) out.push_back(f);
  }
  return out;
}

std::vector<Finding> of_text(const std::vector<Finding>& findings, const std::string& words) {
  std::vector<Finding> out;
  for (const auto& f : findings) {
    if (f.text.find(words) != std::string::npos) out.push_back(f);
  }
  return out;
}

// The issue's own example. The Oakfield group is Jayden, Amira, Leah and Noah; Marcus (an adult
// of concern) knows only Jayden:
//
//   Amira Okafor --- Leah Patel
//          \          /   \      (a triangle and another on Jayden-Leah)
//          Jayden Carter --- Noah Begum
//               |
//          Marcus Reid (adult)
//
// Only Jayden is a cut point: without him, Marcus is cut off from the rest of the group.
TEST(Findings, TheOnlyLinkBetweenAGroupAndAnAdultIsNamed) {
  const model::Document d =
      DocumentBuilder({2026, 11, 1})
          .people({{"jayden", "Jayden Carter"},
                   {"amira", "Amira Okafor"},
                   {"leah", "Leah Patel"},
                   {"noah", "Noah Begum"}},
                  Role::Peer, {.born = kChildBorn})
          .person("marcus", "Marcus Reid", Role::AdultOfConcern, {.born = model::Date{1999, 1, 1}})
          .group("oak", "Oakfield group", "friendship")
          .relationships({{"amira", "leah"},
                          {"amira", "jayden"},
                          {"leah", "jayden"},
                          {"leah", "noah"},
                          {"jayden", "noah"},
                          {"jayden", "marcus"}})
          .members("oak", {"jayden", "amira", "leah", "noah"})
          .build();
  const auto network = network_from_document(d);
  ASSERT_TRUE(network.ok());
  const auto bridges = of_kind(document_findings(d, network.value()), "bridge");
  ASSERT_EQ(bridges.size(), 1u);
  EXPECT_EQ(
      bridges[0].text,
      "Jayden Carter is the only link between Marcus Reid (adult) and the rest of the network "
      "(the Oakfield group).");
  EXPECT_EQ(bridges[0].ids, (std::vector<std::string>{"jayden", "oak", "marcus"}));
}

// Xander holds three parts together; Kai is the only link between the square and the rest;
// Lily holds Jon, and Marcus (an adult of concern) holds Noah:
//
//   Priya --- Omar
//     |     /   |
//   Lily --- Kai --- Xander --- Zoe
//     |                |
//    Jon           Marcus (adult) --- Noah
//
// Without Xander: {Priya, Omar, Lily, Kai, Jon} (the largest part, "the rest of the network"),
// {Marcus, Noah} and {Zoe}: he holds "3 people in 2 parts". Without Kai: {Priya, Omar, Lily,
// Jon} and {Xander, Zoe, Marcus, Noah} (4 each; the first is the rest): Kai holds 4 people,
// Xander 3, Lily and Marcus 1 each (named): that order. Only groups and a count are named
// besides, so each sentence can be read aloud.
TEST(Findings, EveryCutPointIsNamedWithThePartsItHoldsMostFirst) {
  const model::Document d =
      DocumentBuilder({2026, 11, 1})
          .people({{"priya", "Priya Shah"},
                   {"omar", "Omar Ali"},
                   {"lily", "Lily Evans"},
                   {"kai", "Kai Brown"},
                   {"jon", "Jon Reyes"},
                   {"xander", "Xander Hill"},
                   {"zoe", "Zoe Quinn"}},
                  Role::Peer, {.born = kChildBorn})
          .person("marcus", "Marcus Reid", Role::AdultOfConcern, {.born = model::Date{1999, 1, 1}})
          .person("noah", "Noah Begum", Role::Peer, {.born = kChildBorn})
          .relationships({{"priya", "omar"},
                          {"priya", "lily"},
                          {"omar", "lily"},
                          {"omar", "kai"},
                          {"lily", "kai"},
                          {"lily", "jon"},
                          {"kai", "xander"},
                          {"xander", "zoe"},
                          {"xander", "marcus"},
                          {"marcus", "noah"}})
          .build();
  const auto network = network_from_document(d);
  ASSERT_TRUE(network.ok());
  const auto bridges = of_kind(document_findings(d, network.value()), "bridge");
  ASSERT_EQ(bridges.size(), 4u);
  EXPECT_EQ(bridges[0].text,
            "Kai Brown is the only link between 4 people and the rest of the network.");
  EXPECT_EQ(bridges[0].ids, (std::vector<std::string>{"kai", "xander", "zoe", "marcus", "noah"}));
  EXPECT_EQ(bridges[1].text,
            "Xander Hill is the only link between 3 people in 2 parts and the rest of the "
            "network.");
  EXPECT_EQ(bridges[1].ids, (std::vector<std::string>{"xander", "marcus", "noah", "zoe"}));
  EXPECT_EQ(bridges[2].text,
            "Lily Evans is the only link between Jon Reyes and the rest of the network.");
  EXPECT_EQ(bridges[3].text,
            "Marcus Reid (adult) is the only link between Noah Begum and the rest of the network.");
}

// A group split by the cut point is named as "members of" it, a whole one as "the" group; a part
// of one person names them. Ava, Bea, Cal, Dan and Eve are the Elm group:
//
//   Ava --- Bea          Dan --- Eve --- Fin
//      \   /               \    /
//       Cal ---------------- Gus
//
// Gus holds {Ava, Bea, Cal} to {Dan, Eve, Fin} (3 people), Cal holds {Ava, Bea} to
// {Dan, Eve, Fin, Gus} (2), Eve holds Fin (1). Without Cal, each side has two Elm members (not
// all of them): "members of the Elm group" on both.
TEST(Findings, ASplitGroupIsNamedAsMembersOfItInALargePart) {
  const model::Document d = DocumentBuilder({2026, 11, 1})
                                .people({{"ava", "Ava Cole"},
                                         {"bea", "Bea Dunn"},
                                         {"cal", "Cal Ford"},
                                         {"dan", "Dan Gray"},
                                         {"eve", "Eve Hart"},
                                         {"fin", "Fin Ives"},
                                         {"gus", "Gus Jones"}},
                                        Role::Peer, {.born = kChildBorn})
                                .group("elm", "Elm", "friendship")
                                .relationships({{"ava", "bea"},
                                                {"ava", "cal"},
                                                {"bea", "cal"},
                                                {"cal", "gus"},
                                                {"dan", "gus"},
                                                {"eve", "gus"},
                                                {"dan", "eve"},
                                                {"eve", "fin"}})
                                .members("elm", {"ava", "bea", "cal", "dan", "eve"})
                                .build();
  const auto network = network_from_document(d);
  ASSERT_TRUE(network.ok());
  const auto bridges = of_kind(document_findings(d, network.value()), "bridge");
  ASSERT_EQ(bridges.size(), 3u);
  EXPECT_EQ(bridges[0].text,
            "Gus Jones is the only link between 3 people (members of the Elm group) and the rest "
            "of the network (members of the Elm group).");
  EXPECT_EQ(bridges[1].text,
            "Cal Ford is the only link between 2 people (members of the Elm group) and the rest of "
            "the network (members of the Elm group).");
  EXPECT_EQ(bridges[1].ids, (std::vector<std::string>{"cal", "elm", "ava", "bea"}));
  // Without Eve, every other Elm member is on one side: "the Elm group".
  EXPECT_EQ(bridges[2].text,
            "Eve Hart is the only link between Fin Ives and the rest of the network (the Elm "
            "group).");
}

TEST(Findings, ThePeerGroupExampleNamesItsOnlyLinks) {
  std::ifstream in(std::string(PEERMAP_SOURCE_DIR) + "/examples/peer-group.json");
  std::stringstream text;
  text << in.rdbuf();
  model::ParseOptions options;
  options.today = {2026, 11, 29};
  const auto parsed = model::parse_document(text.str(), options);
  ASSERT_FALSE(parsed.has_errors());
  const auto network = network_from_document(parsed.document);
  ASSERT_TRUE(network.ok());
  const auto findings = document_findings(parsed.document, network.value());
  const auto bridges = of_kind(findings, "bridge");
  // Mia holds four parts together (her grandmother, Ruby and Leah, Sienna and Amira, and the
  // rest); Ethan holds his mother; Amira holds Sienna.
  ASSERT_EQ(bridges.size(), 3u);
  EXPECT_EQ(bridges[0].text,
            "Mia Kowalczyk is the only link between 5 people in 3 parts (members of the Hollybrook "
            "Year 11 friendship group) and the rest of the network (members of the Hollybrook "
            "Year 11 friendship group and the Moorside street group ('MSide')).");
  EXPECT_EQ(bridges[0].ids,
            (std::vector<std::string>{"p1", "g1", "g2", "p3", "p8", "p10", "p12", "p23"}));
  EXPECT_EQ(bridges[1].text,
            "Ethan Oduya is the only link between Patience Oduya (adult) and the rest of the "
            "network (the Hollybrook Year 11 friendship group and the Moorside street group "
            "('MSide')).");
  EXPECT_EQ(bridges[2].text,
            "Amira Yusuf is the only link between Sienna Marsh and the rest of the network "
            "(members of the Hollybrook Year 11 friendship group and the Moorside street group "
            "('MSide')).");

  // Reece Haldane and Chloe Varga were last seen together in April (s6): a finding of its own.
  EXPECT_TRUE(has(findings, "gap",
                  "The tie between Reece Haldane (adult) and Chloe Varga (t73): last seen "
                  "together on 2026-04-18 (sighting s6), 206 days before the map date; no "
                  "sighting within 90 days."));
  // The 21 ties never seen together, Reece and Smokey among them: one finding.
  const auto unseen = of_text(findings, "No sighting");
  ASSERT_EQ(unseen.size(), 1u);
  EXPECT_EQ(unseen[0].ids.size(), 21u);
  EXPECT_NE(
      unseen[0].text.find("No sighting together is recorded for 21 ties: Ethan Oduya with "
                          "Kacper Nowicki (t53), Riley Okafor (t54), Callum Rafferty (t67), "
                          "Reece Haldane (adult, t71), Patience Oduya (adult, t85) and Desmond "
                          "Achebe-Lyons (adult, t86); "),
      std::string::npos)
      << unseen[0].text;
  EXPECT_NE(unseen[0].text.find("; Reece Haldane (adult) with Marcus Delacroix (adult, t75) and "
                                "Smokey (adult, t76); "),
            std::string::npos)
      << unseen[0].text;
  EXPECT_NE(std::find(unseen[0].ids.begin(), unseen[0].ids.end(), "t76"), unseen[0].ids.end());
  // Seen 10 days before the map date (s1), and a professional's ties: not gaps.
  EXPECT_EQ(unseen[0].text.find("Mia Kowalczyk with Reece"), std::string::npos);
  EXPECT_FALSE(has(findings, "gap", "Reece Haldane (adult) and Mia Kowalczyk were last seen"));
  EXPECT_EQ(unseen[0].text.find("Bethany Akinola"), std::string::npos);

  // The "close in Year 9" tie (t52) is anecdotal and historic: in both lists, with its evidence
  // strength, and the weakest but one of the 16 anecdotal-only ties.
  const auto anecdotal = of_text(findings, "rest only on anecdotal");
  ASSERT_EQ(anecdotal.size(), 1u);
  EXPECT_EQ(anecdotal[0].kind, "evidence");
  EXPECT_EQ(anecdotal[0].text.rfind(
                "16 ties rest only on anecdotal information; evidence strength (0 none .. 1 "
                "strong), weakest first: Dylan Pryce-Evans and Riley Okafor (t69, 0.11); Sienna "
                "Marsh and Amira Yusuf (t52, 0.16); ",
                0),
            0u)
      << anecdotal[0].text;
  EXPECT_EQ(anecdotal[0].ids,
            (std::vector<std::string>{"t69", "t52", "t79", "t80", "t57", "t75", "t77", "t78", "t58",
                                      "t63", "t65", "t76", "t53", "t54", "t55", "t64"}));
  const auto historic = of_text(findings, "rest only on historic");
  ASSERT_EQ(historic.size(), 1u);
  EXPECT_EQ(historic[0].text,
            "3 ties rest only on historic information (older than 180 days); evidence strength (0 "
            "none .. 1 strong), weakest first: Sienna Marsh and Amira Yusuf (t52, 0.16); Reece "
            "Haldane (adult) and Chloe Varga (t73, 0.29); Ethan Oduya and Callum Rafferty (t67, "
            "0.40).");
  EXPECT_EQ(historic[0].ids, (std::vector<std::string>{"t52", "t73", "t67"}));

  // Fifteen people no information item names, in one finding.
  const auto unsourced = of_text(findings, "no information item naming a source");
  ASSERT_EQ(unsourced.size(), 1u);
  EXPECT_EQ(unsourced[0].ids.size(), 15u);
  EXPECT_EQ(unsourced[0].text.rfind("15 people have no information item naming a source: Ruby "
                                    "Tennant, Zain Chaudhry, ",
                                    0),
            0u)
      << unsourced[0].text;
  EXPECT_NE(unsourced[0].text.find(", Patience Oduya (adult) and Desmond Achebe-Lyons (adult)."),
            std::string::npos);

  // Exposure: one finding for each of the 16 children within two steps of Reece, Marcus or
  // Smokey, 34 child-adult pairs in all; Mia and Ethan are one step from Reece and two from the
  // others.
  const auto exposure = of_kind(findings, "exposure");
  ASSERT_EQ(exposure.size(), 16u);
  std::set<std::string> children;
  std::size_t pairs = 0;
  for (const auto& f : exposure) {
    EXPECT_TRUE(children.insert(f.ids.front()).second) << f.text;
    for (std::size_t at = f.text.find(" step"); at != std::string::npos;
         at = f.text.find(" step", at + 1))
      ++pairs;
    --pairs;  // "within two steps of"
  }
  EXPECT_EQ(pairs, 34u);
  EXPECT_EQ(
      exposure[1].text,
      "Ethan Oduya is within two steps of 3 adults who exploit or control someone: Reece "
      "Haldane (1 step: the tie between Ethan Oduya and Reece Haldane, t71), Marcus Delacroix "
      "(2 steps: via Reece "
      "Haldane; this route rests on anecdotal information) and Smokey (2 steps: via Reece "
      "Haldane; this route rests on anecdotal information).");
  EXPECT_EQ(exposure[1].ids, (std::vector<std::string>{"p2", "p19", "p20", "p21"}));
  // The last: two steps from one adult.
  EXPECT_EQ(exposure.back().text,
            "Jamie Lindqvist is within two steps of an adult who exploits or controls someone: "
            "Marcus Delacroix (2 steps: via Nathan Cole-Adjei; this route rests on anecdotal "
            "information).");
  EXPECT_EQ(exposure.back().ids, (std::vector<std::string>{"p15", "p20", "p16"}));
}

}  // namespace
}  // namespace peermap::analysis
