// validate_tree() and revalidate(): validating a parsed document whole, and after an edit inside
// a few items. The rule under test: whenever revalidate() answers, its answer is exactly what
// validating the whole edited document gives; it answers for the everyday edits (a note, a name,
// the purpose); and it declines whenever the edit reaches other items.
#include <algorithm>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "model/json_io.hpp"
#include "model/json_pointer.hpp"
#include "model/revalidate.hpp"
#include "test_support.hpp"

namespace peermap::model {
namespace {

using json = nlohmann::json;

ParseOptions example_options() {
  ParseOptions options;
  options.today = Date{2027, 1, 1};
  return options;
}

json example(const std::string& name) {
  std::ifstream in(std::string(PEERMAP_SOURCE_DIR) + "/examples/" + name);
  return json::parse(in);
}

std::string listing(const std::vector<Problem>& problems) {
  std::ostringstream out;
  for (const auto& problem : problems) out << "  " << problem << "\n";
  return out.str();
}

bool same(const std::vector<Problem>& a, const std::vector<Problem>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.where == y.where && x.severity == y.severity && x.message == y.message;
  });
}

struct Checked {
  bool answered = false;  //!< revalidate() gave the problems
  bool valid = false;     //!< the edited document has no errors
};

//! Edits `document` inside `item` with `edit`, and checks revalidate() against a whole
//! validation.
Checked check(const json& document, const EditedItem& item, const std::function<void(json&)>& edit,
              const ParseOptions& options) {
  const auto before = validate_tree(document, options);
  EXPECT_FALSE(before.has_errors()) << listing(before.problems);
  json after = document;
  const json old_item =
      item.section == "map" ? document.at("map") : document.at(item.section).at(item.index);
  edit(after);
  const auto whole = validate_tree(after, options);
  const auto quick = revalidate(before.problems, after, {{item, old_item}}, options);
  if (quick) {
    EXPECT_TRUE(same(*quick, whole.problems))
        << "after the edit, revalidate() says\n"
        << listing(*quick) << "and the whole validation\n"
        << listing(whole.problems) << "edited item " << item.section << " " << item.index;
  }
  return {quick.has_value(), !whole.has_errors()};
}

bool check_edit(const json& document, const EditedItem& item,
                const std::function<void(json&)>& edit, const ParseOptions& options) {
  return check(document, item, edit, options).answered;
}

// ----- validate_tree

TEST(ValidateTree, GivesWhatParsingTheTextGives) {
  for (const auto* name : {"valid-full.json", "valid-minimal.json", "warn-person-without-ties.json",
                           "warn-sighting-untied.json", "warn-tie-without-information.json",
                           "bad-dangling-references.json", "bad-duplicate-id.json"}) {
    const std::string text = read_data(name);
    const auto from_text = parse_document(text, test_options());
    const auto from_tree = validate_tree(json::parse(text), test_options());
    EXPECT_TRUE(same(from_text.problems, from_tree.problems))
        << name << ": text\n"
        << listing(from_text.problems) << "tree\n"
        << listing(from_tree.problems);
    EXPECT_EQ(from_text.document, from_tree.document) << name;
  }
}

TEST(ValidateTree, RefusesATreeNestedDeeperThanTheLimit) {
  json document = json::parse(read_data("valid-minimal.json"));
  json deep = json::array();
  json* at = &deep;
  for (int i = 0; i < 40; ++i) {
    at->push_back(json::array());
    at = &at->back();
  }
  document["map"]["concern_types"] = deep;
  const auto outcome = validate_tree(document, test_options());
  ASSERT_EQ(outcome.problems.size(), 1u) << listing(outcome.problems);
  EXPECT_EQ(outcome.problems[0].where, "/");
  EXPECT_NE(outcome.problems[0].message.find("deeper than 32"), std::string::npos);
}

// ----- edited_item

TEST(EditedItem, NamesTheItemAPointerLiesIn) {
  EXPECT_EQ(edited_item("/map/purpose"), (EditedItem{"map", 0}));
  EXPECT_EQ(edited_item("/map"), (EditedItem{"map", 0}));
  EXPECT_EQ(edited_item("/people/3/notes"), (EditedItem{"people", 3}));
  EXPECT_EQ(edited_item("/people/12"), (EditedItem{"people", 12}));
  EXPECT_EQ(edited_item("/information/0/grading/source"), (EditedItem{"information", 0}));
  for (const auto* outside : {"", "/", "/people", "/people/-", "/people/-/notes", "/people/01",
                              "/people/x", "/format", "/nonsense/1", "/people/1234567890"}) {
    EXPECT_EQ(edited_item(outside), std::nullopt) << outside;
  }
}

// ----- revalidate: chosen edits

class Revalidate : public ::testing::Test {
 protected:
  json document = example("peer-group.json");
  ParseOptions options = example_options();
};

TEST_F(Revalidate, AnswersForANewPurpose) {
  EXPECT_TRUE(check_edit(
      document, {"map", 0},
      [](json& d) { d["map"]["purpose"] = "A new purpose for the review meeting."; }, options));
}

TEST_F(Revalidate, AnswersForANoteOnAPersonAndKeepsTheirOtherWarnings) {
  // p-index of a person with no ties gets the pass-2 warning; a new note must keep it.
  json d = document;
  d["people"].push_back({{"id", "p-lonely"},
                         {"full_name", "Lonely Person"},
                         {"role", "peer"},
                         {"date_of_birth", "2011-02-03"}});
  const std::size_t last = d["people"].size() - 1;
  const auto before = validate_tree(d, options);
  ASSERT_FALSE(before.has_errors()) << listing(before.problems);
  ASSERT_TRUE(std::any_of(before.problems.begin(), before.problems.end(), [&](const Problem& p) {
    return p.where == "/people/" + std::to_string(last) && p.message.ends_with(") has no ties");
  }));
  EXPECT_TRUE(check_edit(
      d, {"people", last},
      [&](json& e) { e["people"][last]["notes"] = "Seen at the bus station on Fridays."; },
      options));
}

TEST_F(Revalidate, DeclinesWhenAnEditReachesOtherItems) {
  // A tie that now joins someone else: its ends are another item's business.
  EXPECT_FALSE(check_edit(
      document, {"ties", 0}, [](json& d) { d["ties"][0]["to"] = d["people"][5]["id"]; }, options));
  // A new id: references to the old one would dangle.
  EXPECT_FALSE(check_edit(
      document, {"people", 1}, [](json& d) { d["people"][1]["id"] = "p-renamed"; }, options));
  // A new map date: every age is measured against it.
  EXPECT_FALSE(check_edit(
      document, {"map", 0}, [](json& d) { d["map"]["map_date"] = "2026-11-11"; }, options));
  // An error in the edited item: the whole validation reports it in full.
  EXPECT_FALSE(check_edit(
      document, {"people", 0}, [](json& d) { d["people"][0]["unknown_field"] = true; }, options));
}

TEST_F(Revalidate, DeclinesWhenTheDocumentHadErrors) {
  const auto bad = json::parse(read_data("bad-duplicate-id.json"));
  const auto before = validate_tree(bad, test_options());
  ASSERT_TRUE(before.has_errors());
  json after = bad;
  after["map"]["purpose"] = "Another purpose.";
  EXPECT_EQ(
      revalidate(before.problems, after, {{EditedItem{"map", 0}, bad.at("map")}}, test_options()),
      std::nullopt);
}

// ----- revalidate: random edits on every example

//! Every leaf of `value` (strings, numbers, booleans) as a JSON pointer below `at`.
void leaves(const json& value, const json::json_pointer& at, std::vector<json::json_pointer>& out) {
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) leaves(member, at / key, out);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) leaves(value[i], at / i, out);
  } else {
    out.push_back(at);
  }
}

TEST(RevalidateRandomEdits, AgreesWithTheWholeValidationEveryTimeItAnswers) {
  std::mt19937 random(20261129);
  const auto options = example_options();
  std::size_t answered = 0;
  std::size_t valid = 0;
  std::size_t edits = 0;
  for (const auto* name : {"peer-group.json", "thematic.json", "ecomap-child.json"}) {
    const json document = example(name);
    std::vector<EditedItem> items{{"map", 0}};
    for (const auto& [section, list] : document.items()) {
      if (!list.is_array()) continue;
      for (std::size_t i = 0; i < list.size(); ++i) items.push_back({section, i});
    }
    // Values seen anywhere in the document: edits reuse them, so ids, dates and names of
    // other items turn up where they can clash.
    std::vector<json::json_pointer> all;
    leaves(document, json::json_pointer(), all);
    for (int trial = 0; trial < 400; ++trial) {
      const EditedItem item = items[random() % items.size()];
      const json::json_pointer base = item.section == "map"
                                          ? json::json_pointer("/map")
                                          : json::json_pointer("/" + item.section) / item.index;
      std::vector<json::json_pointer> inside;
      leaves(document.at(base), base, inside);
      if (inside.empty()) continue;
      const auto target = inside[random() % inside.size()];
      const json other = document.at(all[random() % all.size()]);
      const int kind = static_cast<int>(random() % 6);
      const Checked checked = check(
          document, item,
          [&](json& d) {
            json& leaf = d.at(target);
            switch (kind) {
              case 0:  // a longer text, or a nudged number, or a flipped flag
                if (leaf.is_string())
                  leaf = leaf.get<std::string>() + " (edited)";
                else if (leaf.is_boolean())
                  leaf = !leaf.get<bool>();
                else if (leaf.is_number())
                  leaf = leaf.get<double>() + 1;
                break;
              case 1:  // a value from elsewhere in the document
                leaf = other;
                break;
              case 2:  // removed
                d.at(target.parent_pointer()).is_object()
                    ? static_cast<void>(d.at(target.parent_pointer()).erase(target.back()))
                    : static_cast<void>(leaf = nullptr);
                break;
              case 3:  // an unknown field next to it
                if (d.at(target.parent_pointer()).is_object())
                  d.at(target.parent_pointer())["zz"] = 1;
                break;
              case 4:  // a date far in the past or in the future
                leaf = random() % 2 ? "1990-01-01" : "2031-05-05";
                break;
              default:  // a plain text
                leaf = "Jordan Smith";
                break;
            }
          },
          options);
      ++edits;
      answered += checked.answered ? 1 : 0;
      valid += checked.valid ? 1 : 0;
      if (::testing::Test::HasFailure()) return;
    }
  }
  // Many random edits make errors (the whole validation reports those). Of the rest, most leave
  // other items alone and must be answered without the whole validation (else revalidate()
  // would be correct but useless).
  EXPECT_GT(answered, valid / 2) << answered << " answered; " << valid << " of " << edits
                                 << " edits left the document valid";
}

TEST(RevalidateRandomEdits, TwoItemsAtOnce) {
  const auto options = example_options();
  const json document = example("thematic.json");
  const auto before = validate_tree(document, options);
  ASSERT_FALSE(before.has_errors());
  json after = document;
  after["people"][2]["notes"] = "Moved school in September.";
  after["ties"][4]["notes"] = "Seen together most evenings.";
  const auto quick = revalidate(before.problems, after,
                                {{EditedItem{"people", 2}, document["people"][2]},
                                 {EditedItem{"ties", 4}, document["ties"][4]}},
                                options);
  ASSERT_TRUE(quick.has_value());
  EXPECT_TRUE(same(*quick, validate_tree(after, options).problems));
}

}  // namespace
}  // namespace peermap::model
