#include "analysis/ages.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "analysis/wording.hpp"

namespace peermap::analysis {

namespace {

constexpr int kAdultAge = 18;

//! "Reece Haldane (adult, 19)", "Chloe Varga (16)", "Smokey (age not known)".
std::string aged(const model::Person& person, const model::Date& on) {
  std::vector<std::string> words;
  const auto age = model::age_class(person, on);
  if (age == model::AgeClass::Adult) words.emplace_back("adult");
  if (age == model::AgeClass::NotKnown) words.emplace_back("age not known");
  if (person.date_of_birth)
    words.push_back(std::to_string(model::age_on(*person.date_of_birth, on)));
  return person.full_name + (words.empty() ? "" : " (" + wording::listed(words, ", ") + ")");
}

std::optional<model::Date> item_date(const model::InformationItem& item) {
  return item.observed ? item.observed : item.recorded;
}

//! "; at the information's date (2025-03-01, i4) Reece Haldane was a child": the dates of the
//! tie's items at which either person's status as child or adult differed from the map date's.
std::string then_words(const model::Document& document, const model::Tie& tie,
                       const std::vector<const model::Person*>& people,
                       std::vector<std::string>& ids) {
  std::vector<std::string> words;
  for (const auto& item : document.information) {
    if (std::find(item.about.begin(), item.about.end(), tie.id) == item.about.end()) continue;
    const auto when = item_date(item);
    if (!when) continue;
    for (const model::Person* person : people) {
      const auto now = model::age_class(*person, document.map.map_date);
      const auto then = model::age_class(*person, *when);
      if (now == then || then == model::AgeClass::NotKnown) continue;
      std::string was =
          person->full_name + " was " + (then == model::AgeClass::Adult ? "an adult" : "a child");
      if (person->date_of_birth)
        was += " (" + std::to_string(model::age_on(*person->date_of_birth, *when)) + ")";
      words.push_back("at the information's date (" + when->to_string() + ", " + item.id + ") " +
                      was);
      ids.push_back(item.id);
    }
  }
  return words.empty() ? "" : "; " + wording::listed(words, "; ");
}

void turning_eighteen(const model::Document& document, std::vector<Finding>& findings) {
  const model::Date& map_date = document.map.map_date;
  const auto start = information_start(document);
  for (const auto& person : document.people) {
    if (!person.date_of_birth) continue;
    const model::Date birthday = eighteenth_birthday(*person.date_of_birth);
    if (start && *start < birthday && !(map_date < birthday)) {
      findings.push_back({"age",
                          person.full_name + " turned 18 on " + birthday.to_string() +
                              ", within the period the map's information covers (from " +
                              start->to_string() +
                              "): what is recorded from before then is about a child, and the "
                              "move to adult services matters to the plan.",
                          {person.id}});
    } else if (document.map.review_date && map_date < birthday &&
               !(*document.map.review_date < birthday)) {
      findings.push_back({"age",
                          person.full_name + " turns 18 on " + birthday.to_string() +
                              ", before the review date (" + document.map.review_date->to_string() +
                              "): plan for the change of legal status and the move to adult "
                              "services.",
                          {person.id}});
    }
  }
}

void tie_ages(const model::Document& document, std::vector<Finding>& findings) {
  const model::Date& map_date = document.map.map_date;
  for (const auto& tie : document.ties) {
    if (tie.kind != model::TieKind::Relationship) continue;
    const model::Person* a = document.find_person(tie.from);
    const model::Person* b = document.find_person(tie.to);
    if (a == nullptr || b == nullptr) continue;
    const auto age_a = model::age_class(*a, map_date);
    const auto age_b = model::age_class(*b, map_date);
    const bool a_child = age_a == model::AgeClass::Child;
    const bool b_child = age_b == model::AgeClass::Child;
    std::vector<std::string> ids{tie.id, a->id, b->id};
    if (tie.nature == "partner" && (a_child || b_child) && age_a != age_b) {
      const bool unknown = age_a == model::AgeClass::NotKnown || age_b == model::AgeClass::NotKnown;
      std::string text = "The partner tie between " + aged(*a, map_date) + " and " +
                         aged(*b, map_date) + " (" + tie.id + ") is between a child and " +
                         (unknown ? "someone whose age is not known" : "an adult");
      text += then_words(document, tie, {a, b}, ids) + ".";
      findings.push_back({"age", text, ids});
    } else if (a_child && b_child && tie.nature != "family" && a->date_of_birth &&
               b->date_of_birth) {
      const auto [older, younger] = std::minmax(*a->date_of_birth, *b->date_of_birth);
      const int gap = model::age_on(older, younger);
      if (gap < kLargeAgeGapYears) continue;
      findings.push_back({"age",
                          "The " + tie.nature + " tie between " + aged(*a, map_date) + " and " +
                              aged(*b, map_date) + " (" + tie.id + ") joins children " +
                              std::to_string(gap) + " years apart in age: a large age gap.",
                          ids});
    }
  }
}

void unknowns(const model::Document& document, std::vector<Finding>& findings) {
  for (const auto& person : document.people) {
    if (person.role == model::Role::Professional) continue;
    const auto age = model::age_class(person, document.map.map_date);
    const std::string age_words =
        age == model::AgeClass::NotKnown ? ", and their age is not known" : "";
    if (model::identity_not_known(person)) {
      const std::string how = person.name_status == model::NameStatus::StreetNameOnly
                                  ? "only a street name is known"
                                  : "their name is not known";
      std::string text = "Identity not known: " + person.full_name;
      text.append(" (").append(how).append(age_words).append("); find out who they are.");
      findings.push_back({"gap", text, {person.id}});
    } else if (age == model::AgeClass::NotKnown) {
      findings.push_back({"gap",
                          "Age not known: " + person.full_name +
                              " has no date of birth, age band or adult flag, so is counted "
                              "neither as a child nor as an adult.",
                          {person.id}});
    } else if (age == model::AgeClass::Child && !person.date_of_birth) {
      findings.push_back(
          {"gap", person.full_name + " is shown as a child with no date of birth.", {person.id}});
    }
  }
}

}  // namespace

model::Date eighteenth_birthday(const model::Date& born) {
  model::Date day{born.year + kAdultAge, born.month, born.day};
  if (born.month == 2 && born.day == 29) day = {born.year + kAdultAge, 3, 1};
  return day;
}

std::optional<model::Date> information_start(const model::Document& document) {
  std::optional<model::Date> start;
  const auto take = [&](const std::optional<model::Date>& when) {
    if (when && (!start || *when < *start)) start = when;
  };
  for (const auto& item : document.information) take(item_date(item));
  for (const auto& sighting : document.sightings) take(sighting.date);
  return start;
}

std::vector<Finding> age_findings(const model::Document& document) {
  std::vector<Finding> findings;
  turning_eighteen(document, findings);
  tie_ages(document, findings);
  unknowns(document, findings);
  return findings;
}

}  // namespace peermap::analysis
