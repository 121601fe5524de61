#include "model/views.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace peermap::model {

std::optional<Date> known_since(const InformationItem& item) {
  // Observed in a month, a year or a range: known for sure only from its last day.
  return item.recorded ? item.recorded : item.observed_to ? item.observed_to : item.observed;
}

Document as_known_on(const Document& document, const Date& date) {
  Document view = document;
  const auto later = [&](const InformationItem& item) {
    const auto since = known_since(item);
    return since && *since > date;
  };
  // Which ids have information at all, and which have some known by the date.
  std::set<std::string> informed;
  std::set<std::string> known;
  for (const auto& item : document.information) {
    for (const auto& id : item.about) {
      informed.insert(id);
      if (!later(item)) known.insert(id);
    }
  }
  // A sighting supports each person seen and each tie between two of them.
  std::map<std::string, std::vector<const Tie*>> ties_of;
  for (const auto& tie : document.ties) {
    if (tie.kind == TieKind::Relationship) ties_of[tie.from].push_back(&tie);
  }
  for (const auto& sighting : document.sightings) {
    const bool seen_by_then = sighting.date_to.value_or(sighting.date) <= date;
    for (const auto& id : sighting.people) {
      informed.insert(id);
      if (seen_by_then) known.insert(id);
      for (const Tie* tie : ties_of[id]) {
        if (std::find(sighting.people.begin(), sighting.people.end(), tie->to) ==
            sighting.people.end()) {
          continue;
        }
        informed.insert(tie->id);
        if (seen_by_then) known.insert(tie->id);
      }
    }
  }
  const auto unknown_yet = [&](const std::string& id) {
    return informed.contains(id) && !known.contains(id);
  };

  std::erase_if(view.information, later);
  std::erase_if(view.sightings,
                [&](const Sighting& s) { return s.date_to.value_or(s.date) > date; });
  std::erase_if(view.ties, [&](const Tie& t) { return unknown_yet(t.id); });

  // A person stays when something about them, or one of their remaining ties, was known.
  std::set<std::string> kept_people;
  for (const auto& person : document.people) {
    bool keep = document.is_subject(person.id) || known.contains(person.id);
    bool has_any = informed.contains(person.id);
    for (const auto& tie : view.ties) {
      if (tie.from != person.id && tie.to != person.id) continue;
      has_any = has_any || informed.contains(tie.id);
      keep = keep || !informed.contains(tie.id) || known.contains(tie.id);
    }
    if (keep || !has_any) kept_people.insert(person.id);
  }
  std::erase_if(view.people, [&](const Person& p) { return !kept_people.contains(p.id); });
  const auto gone = [&](const std::string& id) {
    return document.find_person(id) != nullptr && !kept_people.contains(id);
  };
  std::erase_if(view.ties, [&](const Tie& t) { return gone(t.from) || gone(t.to); });
  std::erase_if(view.pins, [&](const Pin& p) { return gone(p.ref); });
  for (auto& sighting : view.sightings) std::erase_if(sighting.people, gone);
  for (auto& ecomap : view.ecomaps) {
    std::erase_if(ecomap.placements, [&](const EcomapPlacement& p) { return gone(p.ref); });
  }
  if (date < view.map.map_date) view.map.map_date = date;
  return view;
}

std::set<std::string> date_not_known(const Document& viewed) {
  std::set<std::string> dated;
  for (const auto& item : viewed.information) {
    if (!known_since(item)) continue;
    for (const auto& id : item.about) dated.insert(id);
  }
  for (const auto& sighting : viewed.sightings) {
    for (const auto& id : sighting.people) dated.insert(id);
  }
  std::set<std::string> out;
  for (const auto& tie : viewed.ties) {
    if (tie.kind != TieKind::Relationship || dated.contains(tie.id)) continue;
    bool seen_together = false;
    for (const auto& sighting : viewed.sightings) {
      const auto seen = [&](const std::string& id) {
        return std::find(sighting.people.begin(), sighting.people.end(), id) !=
               sighting.people.end();
      };
      seen_together = seen_together || (seen(tie.from) && seen(tie.to));
    }
    if (!seen_together) out.insert(tie.id);
  }
  for (const auto& person : viewed.people) {
    if (viewed.is_subject(person.id) || dated.contains(person.id)) continue;
    bool by_a_tie = false;
    for (const auto& tie : viewed.ties) {
      const bool theirs = tie.from == person.id || tie.to == person.id;
      by_a_tie = by_a_tie || (theirs && tie.kind == TieKind::Relationship && !out.contains(tie.id));
    }
    if (!by_a_tie) out.insert(person.id);
  }
  return out;
}

TieEvidence tie_evidence(const Document& document, const std::string& id) {
  TieEvidence evidence;
  for (const auto& item : document.information) {
    bool about_tie = false;
    for (const auto& about : item.about) about_tie = about_tie || about == id;
    if (!about_tie) continue;
    ++evidence.items;
    evidence.any_evidenced = evidence.any_evidenced || item.evidence == Evidence::Evidenced;
    // Undated information is not known to be historic, so it does not fade the tie.
    const auto when = item.observed ? item.observed : known_since(item);
    const bool recent =
        !when || days_between(*when, document.map.map_date) <= document.map.recent_window_days;
    evidence.any_recent = evidence.any_recent || recent;
  }
  return evidence;
}

}  // namespace peermap::model
