// "Compare with the last review" down to the field: two small revisions of one map, what the
// diff says changed, and the words it says it in.
//
//   revision A                                   revision B
//   Jordan Reed (b. 3 March 2009, "JR")          Jordan Reed (b. 3 April 2009, "JR", "Jay")
//     |  t1 friend, weak                           |  t1 friend, strong, exploitation by Sam
//   Sam Patel                                    Sam Patel
//   i1 graded 3x5x2 2BP about t1                 i1 graded 3x5x2 1BC about t1
//   Hillside Park                                (removed)          + Tariq Hussain (added)
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server/diff.hpp"

namespace peermap::server {
namespace {

using json = nlohmann::json;

json revision_a() {
  return json::parse(R"({
    "format": "peermap/1",
    "map": {"title": "Review of Jordan", "subject_children": ["p1"], "status": "meeting",
            "map_date": "2026-03-01", "review_date": "2026-06-01"},
    "people": [
      {"id": "p1", "full_name": "Jordan Reed", "known_as": ["JR"], "date_of_birth": "2009-03-03",
       "role": "subject-child"},
      {"id": "p2", "full_name": "Sam Patel", "role": "peer"}],
    "locations": [{"id": "l1", "name": "Hillside Park", "kind": "park"}],
    "ties": [{"id": "t1", "kind": "relationship", "from": "p1", "to": "p2", "nature": "friend",
              "strength": 1}],
    "information": [{"id": "i1", "summary": "Seen together after school.",
                     "source": {"agency": "School"}, "evidence": "evidenced",
                     "grading": {"scheme": "3x5x2", "source": 2, "intelligence": "B",
                                 "handling": "P"},
                     "about": ["t1"]}]})");
}

json revision_b() {
  json b = revision_a();
  b["map"]["review_date"] = "2026-07-01";
  b["people"][0]["date_of_birth"] = "2009-04-03";
  b["people"][0]["known_as"] = {"JR", "Jay"};
  b["people"].push_back({{"id", "p3"}, {"full_name", "Tariq Hussain"}, {"role", "peer"}});
  b["locations"] = json::array();
  b["ties"][0]["strength"] = 3;
  b["ties"][0]["exploitation"] = {{"by", "p2"}};
  b["information"][0]["grading"]["source"] = 1;
  b["information"][0]["grading"]["handling"] = "C";
  return b;
}

//! The change of item `id` in `section`, or a null json.
json change_of(const json& diff, const std::string& section, const std::string& id) {
  for (const auto& c : diff["changes"]) {
    if (c["section"] == section && c["id"] == id) return c;
  }
  return {};
}

json field_of(const json& change, const std::string& field) {
  for (const auto& f : change["fields"]) {
    if (f["field"] == field) return f;
  }
  return {};
}

json diff_of(const json& a, const json& b) { return diff_to_json(diff_documents(a, b), a, b); }

TEST(FieldDiff, ADateOfBirthChangeIsOneFieldWithBothDatesInWords) {
  const json diff = diff_of(revision_a(), revision_b());
  const json jordan = change_of(diff, "people", "p1");
  ASSERT_FALSE(jordan.is_null()) << diff.dump(2);
  EXPECT_EQ(jordan["kind"], "person");
  EXPECT_EQ(jordan["name"], "Jordan Reed");
  EXPECT_EQ(jordan["change"], "changed");
  EXPECT_EQ(jordan["pointer"], "/people/0");
  const json dob = field_of(jordan, "date_of_birth");
  EXPECT_EQ(dob["pointer"], "/people/0/date_of_birth");
  EXPECT_EQ(dob["label"], "date of birth");
  EXPECT_EQ(dob["before"], "2009-03-03");
  EXPECT_EQ(dob["after"], "2009-04-03");
  EXPECT_EQ(dob["text"], "Jordan Reed's date of birth changed from 3 March 2009 to 3 April 2009");
  // Only what changed is named: not the full name, the role or the id.
  EXPECT_EQ(jordan["fields"].size(), 2u) << jordan.dump(2);
}

TEST(FieldDiff, AKnownAsListIsOneFieldWithBothLists) {
  const json known =
      field_of(change_of(diff_of(revision_a(), revision_b()), "people", "p1"), "known_as");
  EXPECT_EQ(known["before"], json({"JR"}));
  EXPECT_EQ(known["after"], json({"JR", "Jay"}));
  EXPECT_EQ(known["text"], "Jordan Reed's known-as names changed from JR to JR, Jay");
}

TEST(FieldDiff, NestedGradingFieldsAreFollowedDownToTheField) {
  const json info = change_of(diff_of(revision_a(), revision_b()), "information", "i1");
  EXPECT_EQ(info["kind"], "information item");
  ASSERT_EQ(info["fields"].size(), 2u) << info.dump(2);
  const json source = field_of(info, "grading/source");
  EXPECT_EQ(source["pointer"], "/information/0/grading/source");
  EXPECT_EQ(source["before"], 2);
  EXPECT_EQ(source["after"], 1);
  const json handling = field_of(info, "grading/handling");
  EXPECT_EQ(handling["label"], "handling code");
  EXPECT_EQ(handling["before_text"], "P");
  EXPECT_EQ(handling["after_text"], "C");
  EXPECT_EQ(field_of(info, "grading/scheme"), json()) << "the scheme did not change";
}

TEST(FieldDiff, ANewObjectFieldIsSetFieldByFieldWithIdsAsNames) {
  const json tie = change_of(diff_of(revision_a(), revision_b()), "ties", "t1");
  EXPECT_EQ(tie["name"], "Jordan Reed and Sam Patel");
  const json strength = field_of(tie, "strength");
  EXPECT_EQ(strength["text"],
            "The tie between Jordan Reed and Sam Patel: strength changed from "
            "weak to strong");
  const json by = field_of(tie, "exploitation/by");
  EXPECT_EQ(by["change"], "added");
  EXPECT_FALSE(by.contains("before"));
  EXPECT_EQ(by["after"], "p2");
  EXPECT_EQ(by["after_text"], "Sam Patel");
}

TEST(FieldDiff, AddedAndRemovedItemsAreNamedFromTheirOwnRevision) {
  const json diff = diff_of(revision_a(), revision_b());
  const json tariq = change_of(diff, "people", "p3");
  EXPECT_EQ(tariq["change"], "added");
  EXPECT_EQ(tariq["pointer"], "/people/2");
  EXPECT_EQ(tariq["text"], "Person added: Tariq Hussain");
  const json park = change_of(diff, "locations", "l1");
  EXPECT_EQ(park["change"], "removed");
  EXPECT_EQ(park["name"], "Hillside Park");
  EXPECT_EQ(park["pointer"], "/locations/0") << "in the earlier revision";
  EXPECT_EQ(park["text"], "Place removed: Hillside Park");
  // The lists of the first diff stay as they were.
  EXPECT_EQ(diff["people"]["added"][0]["label"], "Tariq Hussain");
  EXPECT_EQ(diff["locations"]["removed"][0]["id"], "l1");
}

TEST(FieldDiff, TheMapsOwnFieldsComeFirst) {
  const json diff = diff_of(revision_a(), revision_b());
  EXPECT_TRUE(diff["map_changed"]);
  const json map = diff["changes"][0];
  EXPECT_EQ(map["section"], "map");
  const json review = field_of(map, "review_date");
  EXPECT_EQ(review["pointer"], "/map/review_date");
  EXPECT_EQ(review["text"], "The map's review date changed from 1 June 2026 to 1 July 2026");
}

TEST(FieldDiff, AFieldRemovedSaysWhatItWas) {
  json b = revision_a();
  b["people"][0].erase("date_of_birth");
  const json dob = field_of(change_of(diff_of(revision_a(), b), "people", "p1"), "date_of_birth");
  EXPECT_EQ(dob["change"], "removed");
  EXPECT_FALSE(dob.contains("after"));
  EXPECT_EQ(dob["text"], "Jordan Reed's date of birth removed (was 3 March 2009)");
}

TEST(FieldDiff, AnEcomapIsKeyedByItsChildAndItsPlacementsAreOneFieldInWords) {
  json a = revision_a();
  a["ecomaps"] = json::array({{{"centre", "p1"}, {"placements", {{{"ref", "p2"}, {"ring", 2}}}}}});
  json b = a;
  b["ecomaps"][0]["placements"][0]["ring"] = 1;
  const json ecomap = change_of(diff_of(a, b), "ecomaps", "p1");
  EXPECT_EQ(ecomap["name"], "Jordan Reed");
  const json placements = field_of(ecomap, "placements");
  EXPECT_EQ(placements["pointer"], "/ecomaps/0/placements");
  EXPECT_EQ(placements["text"],
            "Jordan Reed's ecomap's placements changed from (Sam Patel, ring 2) "
            "to (Sam Patel, ring 1)");
}

TEST(FieldDiff, FreeTextIsQuotedAndCutAndAnItemIsNamedByWhatItSays) {
  json b = revision_a();
  b["people"][1]["notes"] = std::string(100, 'x') + "\nend";
  b["information"][0]["evidence"] = "anecdotal";
  const json diff = diff_of(revision_a(), b);
  const json notes = field_of(change_of(diff, "people", "p2"), "notes");
  EXPECT_EQ(notes["change"], "added");
  EXPECT_EQ(notes["text"],
            "Sam Patel's notes set to \u201c" + std::string(80, 'x') + "\u2026\u201d");
  EXPECT_EQ(notes["after"], std::string(100, 'x') + "\nend") << "the value itself is whole";
  const json info = change_of(diff, "information", "i1");
  EXPECT_EQ(info["name"], "\u201cSeen together after school.\u201d");
  EXPECT_EQ(field_of(info, "evidence")["text"],
            "Information item \u201cSeen together after school.\u201d: evidenced or anecdotal "
            "changed from evidenced to anecdotal");
}

TEST(FieldDiff, NoChangeIsNoChange) {
  const json diff = diff_of(revision_a(), revision_a());
  EXPECT_TRUE(diff["changes"].empty());
  EXPECT_FALSE(diff["map_changed"]);
}

}  // namespace
}  // namespace peermap::server
