// Small peer maps written by hand for tests, as scenarios: the people, places, groups and ties a
// test names, everything else left at the format's defaults.
//
//   const model::Document d = DocumentBuilder({2026, 11, 1})
//       .person("jayden", "Jayden Carter", Role::SubjectChild, {.born = Date{2011, 5, 1}})
//       .person("marcus", "Marcus Reid", Role::AdultOfConcern)
//       .group("oak", "Oakfield group")
//       .relationship("t1", "marcus", "jayden", {.strength = 3, .exploitation_by = "marcus"})
//       .members("oak", {"jayden"})
//       .build();
//
// Items are appended in the order they are added, so a test may index into them (people[0]).
// The plain functions (person, tie, relationship, ...) make one value for tests that assemble
// a document themselves.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/document.hpp"

namespace peermap::testing {

// Every member has an initializer, so a designated initializer may leave any of them out
// (g++ 12's -Wmissing-field-initializers).

//! What a test may say about a person besides the id, the name and the role.
struct PersonDetails {
  model::Gender gender = model::Gender::Unknown;
  std::optional<model::Date> born{};  //!< date of birth
  std::optional<bool> adult{};        //!< as if written in the file
  bool roth = false;
};

//! What a test may say about a tie besides its ends (fields in model::Tie's order).
struct TieDetails {
  std::string nature = "associate";
  int strength = 1;
  bool tension = false;
  std::optional<std::string> exploitation_by{};
  std::optional<std::string> influence_leader{};
  model::Valence valence = model::Valence::Unknown;
};

//! What a test may say about an information item besides its id and what it is about.
struct ItemDetails {
  std::string summary{};
  std::string source_agency{};
  std::optional<model::Date> observed{};
  std::optional<model::Date> recorded{};
  model::Evidence evidence = model::Evidence::Anecdotal;
  model::Grading grading{};
};

inline model::Person person(std::string id, std::string full_name,
                            model::Role role = model::Role::Peer,
                            const PersonDetails& details = {}) {
  model::Person p;
  p.id = std::move(id);
  p.full_name = std::move(full_name);
  p.role = role;
  p.gender = details.gender;
  p.date_of_birth = details.born;
  p.adult = details.adult;
  p.roth = details.roth;
  return p;
}

inline model::Tie tie(std::string id, model::TieKind kind, std::string from, std::string to,
                      const TieDetails& details = {}) {
  model::Tie t;
  t.id = std::move(id);
  t.kind = kind;
  t.from = std::move(from);
  t.to = std::move(to);
  t.nature = details.nature;
  t.strength = details.strength;
  t.tension = details.tension;
  t.exploitation_by = details.exploitation_by;
  t.influence_leader = details.influence_leader;
  t.valence = details.valence;
  return t;
}

inline model::Tie relationship(std::string id, std::string from, std::string to,
                               const TieDetails& details = {}) {
  return tie(std::move(id), model::TieKind::Relationship, std::move(from), std::move(to), details);
}

inline model::InformationItem information(std::string id, std::vector<std::string> about,
                                          const ItemDetails& details = {}) {
  model::InformationItem item;
  item.id = std::move(id);
  item.summary = details.summary;
  item.source_agency = details.source_agency;
  item.observed = details.observed;
  item.recorded = details.recorded;
  item.evidence = details.evidence;
  item.grading = details.grading;
  item.about = std::move(about);
  return item;
}

inline model::Sighting sighting(std::string id, std::vector<std::string> people, model::Date date,
                                std::string location = "") {
  model::Sighting s;
  s.id = std::move(id);
  s.people = std::move(people);
  s.date = date;
  s.location = std::move(location);
  return s;
}

//! A document assembled item by item; build() hands out a copy.
class DocumentBuilder {
 public:
  explicit DocumentBuilder(model::Date map_date) { document_.map.map_date = map_date; }

  DocumentBuilder& title(std::string title) {
    document_.map.title = std::move(title);
    return *this;
  }
  //! Adds a subject child (by person id).
  DocumentBuilder& subject(std::string person_id) {
    document_.map.subject_children.push_back(std::move(person_id));
    return *this;
  }

  DocumentBuilder& person(std::string id, std::string full_name,
                          model::Role role = model::Role::Peer, const PersonDetails& details = {}) {
    document_.people.push_back(testing::person(std::move(id), std::move(full_name), role, details));
    return *this;
  }
  //! Several people of one role and details, each given as {id, full name}.
  DocumentBuilder& people(std::initializer_list<std::pair<std::string, std::string>> ids_and_names,
                          model::Role role = model::Role::Peer, const PersonDetails& details = {}) {
    for (const auto& [id, full_name] : ids_and_names) person(id, full_name, role, details);
    return *this;
  }
  DocumentBuilder& location(std::string id, std::string name, std::string kind = "") {
    document_.locations.push_back({std::move(id), std::move(name), std::move(kind), ""});
    return *this;
  }
  DocumentBuilder& group(std::string id, std::string name, std::string kind = "friendship") {
    document_.groups.push_back({std::move(id), std::move(name), std::move(kind), ""});
    return *this;
  }

  DocumentBuilder& relationship(std::string id, std::string from, std::string to,
                                const TieDetails& details = {}) {
    document_.ties.push_back(
        testing::relationship(std::move(id), std::move(from), std::move(to), details));
    return *this;
  }
  //! Relationship ties between each pair, numbered on from the ties so far ("t1", "t2", ...).
  DocumentBuilder& relationships(std::initializer_list<std::pair<std::string, std::string>> pairs) {
    for (const auto& [from, to] : pairs) relationship(next_tie_id(), from, to);
    return *this;
  }
  DocumentBuilder& frequents(std::string id, std::string person, std::string location) {
    document_.ties.push_back(
        tie(std::move(id), model::TieKind::Frequents, std::move(person), std::move(location)));
    return *this;
  }
  DocumentBuilder& member_of(std::string id, std::string person, std::string group) {
    document_.ties.push_back(
        tie(std::move(id), model::TieKind::MemberOf, std::move(person), std::move(group)));
    return *this;
  }
  //! A "member of" tie from each person to the group, numbered on as relationships() does.
  DocumentBuilder& members(const std::string& group, std::initializer_list<std::string> people) {
    for (const std::string& p : people) member_of(next_tie_id(), p, group);
    return *this;
  }

  DocumentBuilder& information(std::string id, std::vector<std::string> about,
                               const ItemDetails& details = {}) {
    document_.information.push_back(testing::information(std::move(id), std::move(about), details));
    return *this;
  }
  DocumentBuilder& information(model::InformationItem item) {
    document_.information.push_back(std::move(item));
    return *this;
  }
  DocumentBuilder& sighting(std::string id, std::vector<std::string> people, model::Date date,
                            std::string location = "") {
    document_.sightings.push_back(
        testing::sighting(std::move(id), std::move(people), date, std::move(location)));
    return *this;
  }

  [[nodiscard]] model::Document build() const { return document_; }

 private:
  [[nodiscard]] std::string next_tie_id() const {
    return "t" + std::to_string(document_.ties.size() + 1);
  }

  model::Document document_;
};

}  // namespace peermap::testing
