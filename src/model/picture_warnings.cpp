// Pass 2: warnings about a picture that looks incomplete, never about validity.
#include <algorithm>
#include <set>

#include "model/document_reader.hpp"

namespace peermap::model::detail {

namespace {

//! "\"Amira Haddad\" (p1)": a person as a warning names them (quoted, as every user value in
//! a message), so the item can be found by name and by id; the id alone when it names no person.
std::string named(const Document& document, const std::string& id) {
  const Person* person = document.find_person(id);
  return person == nullptr || person->full_name.empty()
             ? quote(id)
             : quote(person->full_name) + " (" + id + ")";
}

}  // namespace

void DocumentReader::warn_about_gaps_in_the_picture() {
  std::set<std::string, std::less<>> informed;
  for (const auto& item : document_.information) {
    informed.insert(item.about.begin(), item.about.end());
  }
  std::set<std::string, std::less<>> tied;
  std::set<std::pair<std::string, std::string>> related;
  for (std::size_t i = 0; i < document_.ties.size(); ++i) {
    const Tie& tie = document_.ties[i];
    tied.insert(tie.from);
    tied.insert(tie.to);
    if (tie.kind != TieKind::Relationship) {
      continue;
    }
    related.insert(std::minmax(tie.from, tie.to));
    if (!tie.id.empty() && !informed.contains(tie.id)) {
      context_.log.warning(child("/ties", i), "the relationship tie between " +
                                                  named(document_, tie.from) + " and " +
                                                  named(document_, tie.to) + " (" + tie.id +
                                                  ") has no information item");
    }
  }
  std::set<std::string, std::less<>> people;
  for (std::size_t i = 0; i < document_.people.size(); ++i) {
    const Person& person = document_.people[i];
    if (person.id.empty()) {
      continue;  // its id is already an error
    }
    people.insert(person.id);
    if (!tied.contains(person.id)) {
      context_.log.warning(child("/people", i), named(document_, person.id) + " has no ties");
    }
  }
  for (std::size_t i = 0; i < document_.sightings.size(); ++i) {
    warn_untied_sighting(child("/sightings", i), document_.sightings[i], people, related);
  }
}

void DocumentReader::warn_untied_sighting(
    const std::string& where, const Sighting& sighting,
    const std::set<std::string, std::less<>>& people,
    const std::set<std::pair<std::string, std::string>>& related) {
  constexpr std::size_t kPairsShown = 5;
  // A crowd is not evidence that everyone in it knows everyone else (and is n^2 pairs).
  constexpr std::size_t kMaxPeopleCompared = 20;
  if (sighting.people.size() > kMaxPeopleCompared) {
    return;
  }
  std::vector<std::string> pairs;
  for (std::size_t a = 0; a < sighting.people.size(); ++a) {
    for (std::size_t b = a + 1; b < sighting.people.size(); ++b) {
      const auto& [one, other] = std::minmax(sighting.people[a], sighting.people[b]);
      // Unknown ids and repeats are errors already; no warning on top of them.
      const bool both_known = people.contains(one) && people.contains(other);
      if (both_known && one != other && !related.contains({one, other})) {
        pairs.push_back(named(document_, sighting.people[a]) + " and " +
                        named(document_, sighting.people[b]));
      }
    }
  }
  if (pairs.empty()) {
    return;
  }
  std::string listed;
  for (std::size_t i = 0; i < std::min(pairs.size(), kPairsShown); ++i) {
    listed += (i == 0 ? "" : "; ") + pairs[i];
  }
  if (pairs.size() > kPairsShown) {
    listed += "; and " + std::to_string(pairs.size() - kPairsShown) + " more";
  }
  context_.log.warning(child(where, "people"),
                       "seen together but no relationship tie between " + listed);
}

}  // namespace peermap::model::detail
