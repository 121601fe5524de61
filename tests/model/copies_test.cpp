// Copies for an audience (docs/copies.md): the handling table, what each copy holds, what rests
// only on withheld items, and the names in free text; the format's handling field.
#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "model/copies.hpp"
#include "support/copies_document.hpp"
#include "test_support.hpp"

namespace peermap::model {
namespace {

using testing::copies_document;

constexpr std::array<Audience, 4> kAudiences{Audience::Internal, Audience::Partner,
                                             Audience::Family, Audience::RecordOfAnotherChild};

std::set<std::string> ids_of(const std::vector<InformationItem>& items) {
  std::set<std::string> ids;
  for (const auto& item : items) ids.insert(item.id);
  return ids;
}

std::set<std::string> people_of(const Document& d) {
  std::set<std::string> ids;
  for (const auto& p : d.people) ids.insert(p.id);
  return ids;
}

//! Every free text of the copy, one after another, to search.
std::string all_text(const Document& d) {
  std::string out = d.map.title + "\n" + d.map.purpose + "\n";
  for (const auto& p : d.people) out += p.full_name + "\n" + p.notes + "\n";
  for (const auto& p : d.people) {
    for (const auto& k : p.known_as) out += k + "\n";
  }
  for (const auto& l : d.locations) out += l.name + "\n";
  for (const auto& i : d.information) {
    out += i.summary + "\n" + i.source_person + "\n" + i.handling.conditions + "\n";
  }
  for (const auto& r : d.risks) out += r.description + "\n";
  for (const auto& g : d.gaps) out += g.question + "\n";
  for (const auto& a : d.actions) out += a.description + "\n";
  for (const auto& m : d.meetings) out += m.objectives + "\n";
  return out;
}

InformationItem graded(Grading grading, std::optional<std::vector<Audience>> audiences = {}) {
  InformationItem item;
  item.id = "i";
  item.grading = std::move(grading);
  item.handling.audiences = std::move(audiences);
  return item;
}

// ---- The table --------------------------------------------------------------------------------

TEST(HandlingTable, TheInternalCopyReceivesEveryItem) {
  for (const char* code : {"1", "2", "3", "4", "5"}) {
    EXPECT_TRUE(may_receive(graded(testing::legacy_grading(code)), Audience::Internal)) << code;
  }
  EXPECT_TRUE(may_receive(graded(testing::uk_grading("C")), Audience::Internal));
}

TEST(HandlingTable, UkCodesPAndCWithoutRecordedConditions) {
  const auto p = graded(testing::uk_grading("P"));
  const auto c = graded(testing::uk_grading("C"));
  EXPECT_TRUE(may_receive(p, Audience::Partner));
  EXPECT_TRUE(may_receive(p, Audience::RecordOfAnotherChild));
  EXPECT_FALSE(may_receive(p, Audience::Family));  // a family disclosure is decided item by item
  for (const auto audience :
       {Audience::Partner, Audience::Family, Audience::RecordOfAnotherChild}) {
    EXPECT_FALSE(may_receive(c, audience)) << audience_name(audience);
  }
}

TEST(HandlingTable, CsRecordedConditionsDecideItsAudiences) {
  const auto c = graded(testing::uk_grading("C"), std::vector{Audience::Family});
  EXPECT_TRUE(may_receive(c, Audience::Family));
  EXPECT_FALSE(may_receive(c, Audience::Partner));
  // Recorded conditions may narrow P too.
  const auto p = graded(testing::uk_grading("P"), std::vector<Audience>{});
  EXPECT_FALSE(may_receive(p, Audience::Partner));
}

TEST(HandlingTable, LegacyCodesOneToFive) {
  // 2 (UK non-prosecuting parties) goes to partners and another child's record; 1 (law
  // enforcement), 3 (non-UK law enforcement) and 5 (refer to the originator) only where recorded
  // conditions say; 4 (the originating agency only) never, whatever is recorded.
  const std::vector<std::pair<const char*, std::array<bool, 3>>> table{
      {"1", {false, false, false}},
      {"2", {true, false, true}},
      {"3", {false, false, false}},
      {"4", {false, false, false}},
      {"5", {false, false, false}}};
  for (const auto& [code, expected] : table) {
    const auto item = graded(testing::legacy_grading(code));
    EXPECT_EQ(may_receive(item, Audience::Partner), expected[0]) << code;
    EXPECT_EQ(may_receive(item, Audience::Family), expected[1]) << code;
    EXPECT_EQ(may_receive(item, Audience::RecordOfAnotherChild), expected[2]) << code;
  }
  const std::vector all{Audience::Partner, Audience::Family, Audience::RecordOfAnotherChild};
  EXPECT_TRUE(may_receive(graded(testing::legacy_grading("5"), all), Audience::Family));
  EXPECT_FALSE(may_receive(graded(testing::legacy_grading("4"), all), Audience::Partner));
}

TEST(HandlingTable, TheSimpleSchemeAndUngradedItemsGoToPartnersNotTheFamily) {
  for (const auto& grading : {testing::simple_grading(), Grading{}}) {
    const auto item = graded(grading);
    EXPECT_TRUE(may_receive(item, Audience::Partner));
    EXPECT_TRUE(may_receive(item, Audience::RecordOfAnotherChild));
    EXPECT_FALSE(may_receive(item, Audience::Family));
  }
}

TEST(HandlingTable, AnotherChildsRecordNeedsAReason) {
  EXPECT_TRUE(copy_fault(Audience::RecordOfAnotherChild, ""));
  EXPECT_TRUE(copy_fault(Audience::RecordOfAnotherChild, "  \n"));
  EXPECT_FALSE(copy_fault(Audience::RecordOfAnotherChild, "to support a referral to CSC"));
  EXPECT_FALSE(copy_fault(Audience::Family, ""));
}

TEST(HandlingTable, AudienceNamesRoundTrip) {
  for (const auto audience : kAudiences) {
    EXPECT_EQ(audience_named(audience_name(audience)), audience);
  }
  EXPECT_FALSE(audience_named("public"));
}

// ---- The copy ---------------------------------------------------------------------------------

TEST(Copy, EachCopyHoldsExactlyTheItemsItsAudienceMayReceive) {
  const Document d = copies_document();
  for (const auto& [audience, expected] : testing::copies_expected_items()) {
    SCOPED_TRACE(std::string(audience_name(audience)));
    const Copy copy = copy_for(d, audience);
    EXPECT_EQ(ids_of(copy.document.information), expected);
    EXPECT_EQ(copy.withheld, d.information.size() - expected.size());
  }
}

TEST(Copy, ThePeopleOnlyWithheldItemsNameAreWithheldEntirely) {
  const Document d = copies_document();
  for (const auto& [audience, withheld] : testing::copies_withheld_people()) {
    SCOPED_TRACE(std::string(audience_name(audience)));
    const Document copy = copy_for(d, audience).document;
    std::set<std::string> expected = people_of(d);
    for (const auto& id : withheld) expected.erase(id);
    EXPECT_EQ(people_of(copy), expected);
    for (const auto& t : copy.ties) {  // no leftover line to someone withheld
      EXPECT_FALSE(withheld.contains(t.from) || withheld.contains(t.to)) << t.id;
    }
  }
}

TEST(Copy, ATieWithOnePermittedItemStaysShowingOnlyThatSupport) {
  // t1 (Jayden - Amira) rests on i1 (simple) and i2 (C, partners only): another child's record
  // keeps the tie with i1 alone.
  const Document copy = copy_for(copies_document(), Audience::RecordOfAnotherChild).document;
  ASSERT_TRUE(
      std::any_of(copy.ties.begin(), copy.ties.end(), [](const Tie& t) { return t.id == "t1"; }));
  std::vector<std::string> support;
  for (const auto& item : copy.information) {
    if (std::find(item.about.begin(), item.about.end(), "t1") != item.about.end()) {
      support.push_back(item.id);
    }
  }
  EXPECT_EQ(support, std::vector<std::string>{"i1"});
}

TEST(Copy, WhatRestsOnlyOnWithheldItemsGoes) {
  const Document copy = copy_for(copies_document(), Audience::Partner).document;
  std::set<std::string> ties;
  for (const auto& t : copy.ties) ties.insert(t.id);
  EXPECT_EQ(ties, (std::set<std::string>{"t1", "t2", "t5"}));  // t3, t4, t6 rest on withheld
  EXPECT_TRUE(copy.locations.empty());                         // the park: only i9
  ASSERT_EQ(copy.risks.size(), 1u);                            // r1 was about Kyle
  EXPECT_EQ(copy.risks[0].id, "r2");
  ASSERT_EQ(copy.gaps.size(), 1u);  // g2 was about Dean alone; g1 keeps Amira
  EXPECT_EQ(copy.gaps[0].about, std::vector<std::string>{"amira"});
  EXPECT_TRUE(copy.pins.empty());
}

TEST(Copy, WithheldNamesBecomeAPlaceholderInFreeText) {
  const Document d = copies_document();
  const Document copy = copy_for(d, Audience::Partner).document;
  const std::string text = all_text(copy);
  for (const char* name :
       {"Kyle", "Brennan", "Stitch", "Dean", "Walsh", "Deano", "Northgate Park"}) {
    EXPECT_EQ(text.find(name), std::string::npos) << name << " in:\n" << text;
  }
  EXPECT_EQ(copy.actions[0].description,
            "Disrupt [name withheld]'s contact with Amira at [name withheld]; ask Jayden Clarke "
            "and Leon about it");
  EXPECT_EQ(copy.gaps[0].question,
            "Where does [name withheld] live, and is [name withheld] his only name?");
  EXPECT_EQ(copy.meetings[0].objectives,
            "Understand [name withheld]'s hold over Amira, Jayden and Sofia Marsh");
}

TEST(Copy, TheFamilyCopyNamesOtherChildrenByInitials) {
  const Document copy = copy_for(copies_document(), Audience::Family).document;
  ASSERT_EQ(people_of(copy), (std::set<std::string>{"amira", "leon"}));
  EXPECT_EQ(copy.find_person("amira")->full_name, "Amira Haddad");  // the subject in full
  EXPECT_EQ(copy.find_person("leon")->full_name, "L. F.");
  EXPECT_EQ(copy.actions[0].description,
            "Disrupt [name withheld]'s contact with Amira at [name withheld]; ask [name withheld] "
            "and L. about it");
  EXPECT_EQ(copy.meetings[0].objectives,
            "Understand [name withheld]'s hold over Amira, [name withheld] and [name withheld]");
  EXPECT_EQ(copy.information[0].summary, "Amira says L. helps her with homework WILLOW");
}

TEST(Copy, APlaceNamedAfterAWithheldPersonIsNotNamedForThem) {
  Document d = copies_document();
  d.locations.push_back({"flat", "Kyle Brennan's flat", "home", "Stitch lives here", {}});
  d.information.push_back(testing::information("i10", {"flat"}, {.summary = "A flat"}));
  const Document copy = copy_for(d, Audience::Partner).document;
  ASSERT_NE(copy.find_location("flat"), nullptr);
  EXPECT_EQ(copy.find_location("flat")->name, "[name withheld]'s flat");
  EXPECT_EQ(copy.find_location("flat")->notes, "[name withheld] lives here");
}

TEST(Copy, NamesMatchWholeWordsInAnyCase) {
  Document d = copies_document();
  d.actions[0].description = "stitch, STITCH and Stitches; Kyle's friend Kyleigh";
  const Document copy = copy_for(d, Audience::Partner).document;
  EXPECT_EQ(copy.actions[0].description,
            "[name withheld], [name withheld] and Stitches; [name withheld]'s friend Kyleigh");
}

TEST(Copy, TheInternalCopyIsTheDocument) {
  const Document d = copies_document();
  const Copy copy = copy_for(d, Audience::Internal);
  EXPECT_EQ(copy.document, d);
  EXPECT_EQ(copy.withheld, 0u);
}

// ---- The format -------------------------------------------------------------------------------

TEST(HandlingFormat, ConditionsAndAudiencesRoundTrip) {
  const Document d = copies_document();
  const std::string text = write_document(d);
  ParseOptions options;
  options.today = Date{2027, 1, 1};
  const ParseOutcome back = parse_document(text, options);
  ASSERT_FALSE(back.has_errors()) << listing(back);
  EXPECT_EQ(back.document.information, d.information);
  const auto tree = nlohmann::json::parse(text);
  EXPECT_EQ(tree["information"][1]["handling"],
            nlohmann::json::parse(R"({"conditions": "not to be shared with the family",
                                      "audiences": ["partner"]})"));
  EXPECT_FALSE(tree["information"][0].contains("handling"));  // nothing recorded, nothing written
}

TEST(HandlingFormat, AnEmptyAudienceListMeansInternalOnly) {
  nlohmann::json tree = nlohmann::json::parse(read_data("valid-minimal.json"));
  tree["information"][0]["handling"] = {{"audiences", nlohmann::json::array()}};
  const ParseOutcome outcome = parse_document(tree.dump(), test_options());
  ASSERT_FALSE(outcome.has_errors()) << listing(outcome);
  ASSERT_TRUE(outcome.document.information[0].handling.audiences);
  EXPECT_TRUE(outcome.document.information[0].handling.audiences->empty());
}

TEST(HandlingFormat, ABadAudienceIsNamedByItsPointer) {
  nlohmann::json tree = nlohmann::json::parse(read_data("valid-minimal.json"));
  tree["information"][0]["handling"] = {{"audiences", {"partner", "public"}}};
  ParseOutcome outcome = parse_document(tree.dump(), test_options());
  ASSERT_TRUE(outcome.has_errors());
  EXPECT_EQ(outcome.problems[0].where, "/information/0/handling/audiences/1");

  tree["information"][0]["handling"] = {{"audiences", {"family", "family"}}};
  outcome = parse_document(tree.dump(), test_options());
  ASSERT_TRUE(outcome.has_errors());
  EXPECT_EQ(outcome.problems[0].where, "/information/0/handling/audiences/1");

  tree["information"][0]["handling"] = {{"condition", "typo"}};
  outcome = parse_document(tree.dump(), test_options());
  ASSERT_TRUE(outcome.has_errors());
  EXPECT_EQ(outcome.problems[0].where, "/information/0/handling/condition");

  tree["information"][0]["handling"] = {{"conditions", 7}};
  outcome = parse_document(tree.dump(), test_options());
  ASSERT_TRUE(outcome.has_errors());
  EXPECT_EQ(outcome.problems[0].where, "/information/0/handling/conditions");
}

}  // namespace
}  // namespace peermap::model
