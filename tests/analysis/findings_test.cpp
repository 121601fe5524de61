// Findings in plain language, checked on a small map drawn here and on the peer-group example.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "analysis/findings.hpp"
#include "model/json_io.hpp"

namespace peermap::analysis {
namespace {

model::Person person(std::string id, std::string name, model::Role role) {
  model::Person p;
  p.id = std::move(id);
  p.full_name = std::move(name);
  p.role = role;
  p.date_of_birth = model::Date{2011, 5, 1};
  return p;
}

model::Tie relationship(std::string id, std::string from, std::string to) {
  model::Tie t;
  t.id = std::move(id);
  t.from = std::move(from);
  t.to = std::move(to);
  return t;
}

// Marcus (adult) exploits Jayden; Jayden leads Amira; Amira knows Leah; Leah knows Noah.
//
//   Marcus Reid ==exploits==> Jayden Carter ==leads==> Amira Okafor --- Leah Patel --- Noah Begum
//     (adult)                   (subject)
//
// Jayden is 1 step and Amira 2 steps from Marcus: both exposed. Leah (3) and Noah (4) are not.
model::Document exploitation_chain() {
  model::Document d;
  d.map.title = "Chain";
  d.map.map_date = {2026, 11, 1};
  d.map.subject_children = {"jayden"};
  d.people = {person("marcus", "Marcus Reid", model::Role::AdultOfConcern),
              person("jayden", "Jayden Carter", model::Role::SubjectChild),
              person("amira", "Amira Okafor", model::Role::Peer),
              person("leah", "Leah Patel", model::Role::Peer),
              person("noah", "Noah Begum", model::Role::Peer)};
  d.people[0].date_of_birth = model::Date{1999, 1, 1};
  d.people[4].date_of_birth.reset();  // a child with no date of birth: a gap
  d.ties = {relationship("t1", "marcus", "jayden"), relationship("t2", "jayden", "amira"),
            relationship("t3", "amira", "leah"), relationship("t4", "leah", "noah")};
  d.ties[0].exploitation_by = "marcus";
  d.ties[1].influence_leader = "jayden";
  model::InformationItem item;
  item.id = "i1";
  item.summary = "Seen together at the park";
  item.source_agency = "Police";
  item.evidence = model::Evidence::Anecdotal;
  item.observed = model::Date{2026, 10, 1};
  item.about = {"t1", "marcus", "jayden"};
  d.information.push_back(item);
  return d;
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
  const auto findings = document_findings(d, network.value());
  EXPECT_TRUE(has(findings, "exposure", "Jayden Carter is 1 step from Marcus Reid (adult)"));
  EXPECT_TRUE(has(findings, "exposure", "Amira Okafor is 2 steps from Marcus Reid (adult)"));
  EXPECT_TRUE(has(findings, "exposure", "Amira Okafor - Jayden Carter - Marcus Reid"));
  EXPECT_FALSE(has(findings, "exposure", "Leah Patel"));
  EXPECT_FALSE(has(findings, "exposure", "Noah Begum"));
}

TEST(Findings, LeadersAndFollowersComeFromInfluenceTiesOnly) {
  const model::Document d = exploitation_chain();
  const auto findings = document_findings(d, network_from_document(d).value());
  EXPECT_TRUE(has(findings, "leaders", "Jayden Carter leads Amira Okafor."));
  EXPECT_FALSE(has(findings, "leaders", "Marcus Reid"));  // exploitation is not leadership
}

TEST(Findings, EvidenceAndGapsAreNamed) {
  const model::Document d = exploitation_chain();
  const auto findings = document_findings(d, network_from_document(d).value());
  EXPECT_TRUE(has(findings, "evidence", "Marcus Reid (adult) and Jayden Carter rests only on anecdotal"));
  EXPECT_TRUE(has(findings, "evidence", "Jayden Carter and Amira Okafor has no information item"));
  EXPECT_TRUE(has(findings, "gap", "Noah Begum is shown as a child with no date of birth"));
  EXPECT_TRUE(has(findings, "gap", "Leah Patel has no information item"));
  EXPECT_FALSE(has(findings, "gap", "Jayden Carter has no information item"));
  EXPECT_TRUE(has(findings, "gap", "Jayden Carter (subject) has no protective tie"));
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
  for (const char* kind : {"exposure", "leaders", "evidence", "gap"}) EXPECT_TRUE(has(findings, kind, "")) << kind;
  // Smokey is recorded by street name only.
  EXPECT_TRUE(has(findings, "gap", "known only by a street name"));
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
  model::Document d;
  d.map.map_date = {2026, 11, 1};
  for (const char* id : {"ava", "bea", "cal", "dan", "eve", "fay"}) {
    model::Person p;
    p.id = id;
    p.full_name = std::string(id) + " Surname";
    d.people.push_back(p);
  }
  int n = 0;
  const auto tie = [&](const char* a, const char* b, model::TieKind kind = model::TieKind::Relationship) {
    model::Tie t;
    t.id = "t" + std::to_string(n++);
    t.kind = kind;
    t.from = a;
    t.to = b;
    d.ties.push_back(t);
  };
  tie("ava", "bea");
  tie("bea", "cal");
  tie("cal", "ava");
  tie("dan", "eve");
  tie("eve", "fay");
  tie("fay", "dan");
  tie("cal", "fay");
  d.groups.push_back({"oak", "Oak", "friendship", ""});
  for (const char* id : {"ava", "bea", "cal"}) tie(id, "oak", model::TieKind::MemberOf);
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
