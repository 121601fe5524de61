// One map with information under every handling code (docs/copies.md), for the copies' tests:
// the model's, the record's, the CLI's and the server's.
//
//   Northgate Park --t6 (i9: 3x5x2 C)-- Kyle Brennan "Stitch" (adult of concern)
//                                            |  t3, exploitation (i4: 3x5x2 C, no audiences)
//   Dean Walsh "Deano" --t4 (i5: 5x5x5 4)--.  v
//                          Jayden Clarke "JC" --t1 (i1: simple; i2: C, partner)-- Amira Haddad
//   Leon Fraser --t2 (i3: 3x5x2 P; i7: simple, partner and family)---------------- (subject)
//     (i8: 5x5x5 1, about Leon)           Sofia Marsh --t5 (i6: 5x5x5 2)---------- |
//
// Each item's summary carries one code word (LANTERN, ...), so a test can search a copy's text
// for what it must not hold and for what it must.
#pragma once

#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/copies.hpp"
#include "model/document.hpp"
#include "support/document_builder.hpp"

namespace peermap::testing {

inline model::Grading simple_grading() { return {"simple", true, "", "", ""}; }
inline model::Grading uk_grading(const char* handling) { return {"3x5x2", {}, "2", "B", handling}; }
inline model::Grading legacy_grading(const char* handling) {
  return {"5x5x5", {}, "B", "2", handling};
}

inline model::Document copies_document() {
  using model::Audience;
  using model::Role;
  model::Document d =
      DocumentBuilder({2026, 11, 1})
          .title("Northgate peer group: Amira Haddad")
          .subject("amira")
          .person("amira", "Amira Haddad", Role::SubjectChild, {.born = model::Date{2011, 3, 4}})
          .person("jayden", "Jayden Clarke", Role::Peer, {.born = model::Date{2010, 6, 1}})
          .person("leon", "Leon Fraser", Role::Peer, {.born = model::Date{2011, 1, 9}})
          .person("sofia", "Sofia Marsh", Role::Peer, {.born = model::Date{2010, 9, 9}})
          .person("kyle", "Kyle Brennan", Role::AdultOfConcern)
          .person("dean", "Dean Walsh", Role::AdultOfConcern)
          .location("park", "Northgate Park", "park")
          .relationship("t1", "jayden", "amira", {.nature = "friend"})
          .relationship("t2", "leon", "amira", {.nature = "friend"})
          .relationship("t3", "kyle", "amira", {.strength = 3, .exploitation_by = "kyle"})
          .relationship("t4", "dean", "jayden")
          .relationship("t5", "sofia", "amira", {.nature = "friend"})
          .frequents("t6", "kyle", "park")
          .build();
  d.people[1].known_as = {"JC"};
  d.people[4].known_as = {"Stitch"};
  d.people[5].known_as = {"Deano"};
  const auto item = [&](const char* id, std::vector<std::string> about, const char* summary,
                        model::Grading grading, const char* agency = "School") {
    d.information.push_back(information(id, std::move(about),
                                        {.summary = summary,
                                         .source_agency = agency,
                                         .observed = model::Date{2026, 10, 1},
                                         .grading = grading}));
    return &d.information.back();
  };
  item("i1", {"t1"}, "Seen walking to school together LANTERN", simple_grading());
  item("i2", {"t1"}, "Police saw them together late at night HARBOUR", uk_grading("C"), "Police")
      ->handling = {"not to be shared with the family", std::vector{Audience::Partner}};
  item("i3", {"t2"}, "Friends since primary school MEADOW", uk_grading("P"), "Police");
  item("i4", {"t3", "kyle"}, "Kyle Brennan gives Amira lifts and money QUARRY", uk_grading("C"),
       "Police")
      ->handling.conditions = "not to be shared outside the strategy meeting";
  item("i5", {"t4"}, "Deano supplies Jayden with phones CINDER", legacy_grading("4"), "Police");
  item("i6", {"t5"}, "Sofia and Amira attend the youth club ORCHARD", legacy_grading("2"),
       "Police");
  item("i7", {"t2", "amira"}, "Amira says Leon helps her with homework WILLOW", simple_grading(),
       "Social care")
      ->handling = {"agreed with Amira's mother", std::vector{Audience::Partner, Audience::Family}};
  item("i8", {"leon"}, "Leon was stopped with older boys FALCON", legacy_grading("1"), "Police");
  item("i9", {"t6", "park"}, "Stitch deals from the park toilets EMBER", uk_grading("C"), "Police");

  d.risks.push_back({"r1", false, "kyle", "Kyle Brennan grooms younger children"});
  d.risks.push_back({"r2", true, "amira", "Amira trusts her form tutor"});
  d.gaps.push_back({"g1",
                    "Where does Kyle Brennan live, and is Stitch his only name?",
                    {"kyle", "amira"},
                    "PC Ruth Obi",
                    model::Date{2026, 12, 1}});
  d.gaps.push_back({"g2", "Who else does Deano supply?", {"dean"}, "PC Ruth Obi", std::nullopt});
  model::Action disrupt;
  disrupt.id = "a1";
  disrupt.type = "disruption-planning";
  disrupt.description =
      "Disrupt Stitch's contact with Amira at Northgate Park; ask Jayden Clarke and Leon about it";
  disrupt.about = {"amira"};
  disrupt.owner = "PC Ruth Obi";
  d.actions.push_back(disrupt);
  model::Meeting meeting;
  meeting.id = "m1";
  meeting.date = {2026, 10, 20};
  meeting.objectives = "Understand Kyle Brennan's hold over Amira, Jayden and Sofia Marsh";
  meeting.attendees = {{"Ruth Obi", "Police", "PC", ""}, {"Hana Patel", "School", "DSL", ""}};
  d.meetings.push_back(meeting);
  return d;
}

//! The items each copy of copies_document() holds (docs/copies.md's table).
inline std::map<model::Audience, std::set<std::string>> copies_expected_items() {
  using model::Audience;
  return {{Audience::Internal, {"i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8", "i9"}},
          {Audience::Partner, {"i1", "i2", "i3", "i6", "i7"}},
          {Audience::Family, {"i7"}},
          {Audience::RecordOfAnotherChild, {"i1", "i3", "i6"}}};
}

//! The code word of each item's summary.
inline std::map<std::string, std::string> copies_code_words() {
  return {{"i1", "LANTERN"}, {"i2", "HARBOUR"}, {"i3", "MEADOW"},
          {"i4", "QUARRY"},  {"i5", "CINDER"},  {"i6", "ORCHARD"},
          {"i7", "WILLOW"},  {"i8", "FALCON"},  {"i9", "EMBER"}};
}

//! The people each copy withholds entirely: they appear only in items it withholds.
inline std::map<model::Audience, std::set<std::string>> copies_withheld_people() {
  using model::Audience;
  return {{Audience::Internal, {}},
          {Audience::Partner, {"kyle", "dean"}},
          {Audience::Family, {"kyle", "dean", "jayden", "sofia"}},
          {Audience::RecordOfAnotherChild, {"kyle", "dean"}}};
}

//! Whether `word` occurs in `text` as a whole word (as written).
inline bool has_word(const std::string& text, const std::string& word) {
  const auto is_word = [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
  };
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    if ((at == 0 || !is_word(text[at - 1])) && (end == text.size() || !is_word(text[end]))) {
      return true;
    }
  }
  return false;
}

//! The words of a name ("Kyle Brennan" -> "Kyle", "Brennan").
inline std::vector<std::string> name_words(const std::string& name) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : name + " ") {
    if (c == ' ') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

//! What a copy of copies_document() for `audience` must never show: the names of the people it
//! withholds (every word of the full name, and the known-as names), and, in the family copy, the
//! names of the other children it keeps (shown by initials). `with_items`: the code words of the
//! items it withholds too (a text that shows items: the record).
inline std::vector<std::string> copies_forbidden_words(model::Audience audience, bool with_items) {
  const model::Document d = copies_document();
  std::vector<std::string> words;
  const auto withheld = copies_withheld_people().at(audience);
  for (const auto& p : d.people) {
    const bool other_child = audience == model::Audience::Family && !d.is_subject(p.id) &&
                             !model::is_adult(p, d.map.map_date);
    if (!withheld.contains(p.id) && !other_child) continue;
    for (const auto& w : name_words(p.full_name)) words.push_back(w);
    for (const auto& k : p.known_as) words.push_back(k);
  }
  if (with_items) {
    const auto kept = copies_expected_items().at(audience);
    for (const auto& [id, word] : copies_code_words()) {
      if (!kept.contains(id)) words.push_back(word);
    }
  }
  return words;
}

//! What the copy must show, so a test of what it leaves out can fail: the names of the people it
//! keeps, as it names them (a family copy's other children by initials), and with `with_items`
//! the code words of the items it keeps.
inline std::vector<std::string> copies_required_words(model::Audience audience, bool with_items) {
  const model::Document d = copies_document();
  std::vector<std::string> words;
  const auto withheld = copies_withheld_people().at(audience);
  for (const auto& p : d.people) {
    if (withheld.contains(p.id)) continue;
    const bool other_child = audience == model::Audience::Family && !d.is_subject(p.id) &&
                             !model::is_adult(p, d.map.map_date);
    words.push_back(other_child ? model::initials(p.full_name) : p.full_name);
  }
  if (with_items) {
    const auto expected = copies_expected_items();  // kept: the loop reads into it
    for (const auto& id : expected.at(audience)) {
      words.push_back(copies_code_words().at(id));
    }
  }
  return words;
}

}  // namespace peermap::testing
