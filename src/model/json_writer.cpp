// Writing: the format's field order, defaults left out where the reader puts them back.
#include "model/json_writer.hpp"

#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/vocabulary.hpp"

namespace peermap::model {
namespace {

using ordered_json = nlohmann::ordered_json;

void put_text(ordered_json& out, const char* key, const std::string& value) {
  if (!value.empty()) {
    out[key] = value;
  }
}

void put_list(ordered_json& out, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) {
    out[key] = values;
  }
}

void put_date(ordered_json& out, const char* key, const std::optional<Date>& value) {
  if (value) {
    out[key] = value->to_string();
  }
}

//! Grading numbers are held as text; write them as JSON numbers when they are numbers.
ordered_json grade_value(const std::string& value) {
  long long number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error == std::errc{} && end == value.data() + value.size() && !value.empty()) {
    return number;
  }
  return value;
}

//! A date as precisely as it is known (DatePeriod): a day when `precision` is Day or `to` is
//! not given.
std::string period_text(const Date& from, DatePrecision precision, const std::optional<Date>& to) {
  if (precision == DatePrecision::Day || !to) return from.to_string();
  return DatePeriod{from, *to, precision}.to_string();
}

ordered_json write_map(const MapInfo& map) {
  ordered_json out;
  out["title"] = map.title;
  put_text(out, "purpose", map.purpose);
  put_list(out, "concern_types", map.concern_types);
  out["subject_children"] = map.subject_children;
  out["status"] = name_of(kStatusNames, map.status);
  out["map_date"] = map.map_date.to_string();
  put_date(out, "review_date", map.review_date);
  put_text(out, "owning_team", map.owning_team);
  out["protective_marking"] = map.protective_marking;
  if (map.recent_window_days != MapInfo{}.recent_window_days) {
    out["recent_window_days"] = map.recent_window_days;
  }
  return out;
}

ordered_json write_person(const Person& person) {
  ordered_json out;
  out["id"] = person.id;
  out["full_name"] = person.full_name;
  if (person.name_status != NameStatus::Full) {
    out["name_status"] = name_of(kNameStatusNames, person.name_status);
  }
  put_list(out, "known_as", person.known_as);
  put_date(out, "date_of_birth", person.date_of_birth);
  put_text(out, "age_band", person.age_band);
  if (person.adult) {
    out["adult"] = *person.adult;
  }
  if (person.gender != Gender::Unknown) {
    out["gender"] = name_of(kGenderNames, person.gender);
  }
  out["role"] = name_of(kRoleNames, person.role);
  put_text(out, "school", person.school);
  put_list(out, "services", person.services);
  if (person.roth) {
    out["roth"] = true;
  }
  put_text(out, "notes", person.notes);
  put_text(out, "agency", person.agency);
  put_text(out, "job_title", person.job_title);
  return out;
}

//! A location or a group: both are an id, a name, a kind, a valence and notes.
template <typename Named>
ordered_json write_named(const Named& named) {
  ordered_json out;
  out["id"] = named.id;
  out["name"] = named.name;
  out["kind"] = named.kind;
  if (named.valence != Valence::Unknown) out["valence"] = name_of(kValenceNames, named.valence);
  put_text(out, "notes", named.notes);
  return out;
}

ordered_json write_tie(const Tie& tie) {
  ordered_json out;
  out["id"] = tie.id;
  out["kind"] = name_of(kTieKindNames, tie.kind);
  out["from"] = tie.from;
  out["to"] = tie.to;
  if (tie.kind == TieKind::Relationship) {
    out["nature"] = tie.nature;
  }
  out["strength"] = tie.strength;
  if (tie.kind == TieKind::Relationship) {
    if (tie.tension) {
      out["tension"] = true;
    }
    if (tie.exploitation_by) {
      out["exploitation"] = {{"by", *tie.exploitation_by}};
    }
    if (tie.influence_leader) {
      out["influence"] = {{"leader", *tie.influence_leader}};
    }
  }
  if (tie.valence != Valence::Unknown) {
    out["valence"] = name_of(kValenceNames, tie.valence);
  }
  put_text(out, "notes", tie.notes);
  return out;
}

ordered_json write_grading(const Grading& grading) {
  ordered_json out;
  out["scheme"] = grading.scheme;
  if (grading.scheme == "simple") {
    out["reliable"] = grading.reliable ? ordered_json(*grading.reliable) : ordered_json(nullptr);
    return out;
  }
  out["source"] = grade_value(grading.source);
  out["intelligence"] = grade_value(grading.intelligence);
  out["handling"] = grade_value(grading.handling);
  return out;
}

ordered_json write_information(const InformationItem& item) {
  ordered_json out;
  out["id"] = item.id;
  out["summary"] = item.summary;
  ordered_json source;
  source["agency"] = item.source_agency;
  put_text(source, "person", item.source_person);
  out["source"] = std::move(source);
  if (item.observed) {
    out["observed"] = period_text(*item.observed, item.observed_precision, item.observed_to);
  }
  put_date(out, "recorded", item.recorded);
  out["evidence"] = name_of(kEvidenceNames, item.evidence);
  if (!item.grading.scheme.empty()) {
    out["grading"] = write_grading(item.grading);
  }
  out["about"] = item.about;
  if (!item.handling.conditions.empty() || item.handling.audiences) {
    ordered_json handling = ordered_json::object();
    put_text(handling, "conditions", item.handling.conditions);
    if (item.handling.audiences) {
      handling["audiences"] = ordered_json::array();
      for (const auto audience : *item.handling.audiences) {
        handling["audiences"].push_back(name_of(kAudienceNames, audience));
      }
    }
    out["handling"] = std::move(handling);
  }
  return out;
}

ordered_json write_sighting(const Sighting& sighting) {
  ordered_json out;
  out["id"] = sighting.id;
  out["people"] = sighting.people;
  put_text(out, "location", sighting.location);
  out["date"] = period_text(sighting.date, sighting.date_precision, sighting.date_to);
  out["seen_by"] = sighting.seen_by;
  put_text(out, "notes", sighting.notes);
  return out;
}

ordered_json write_risk(const RiskOrStrength& risk) {
  ordered_json out;
  out["id"] = risk.id;
  out["kind"] = risk.is_strength ? "strength" : "risk";
  out["about"] = risk.about;
  out["description"] = risk.description;
  return out;
}

ordered_json write_gap(const InformationGap& gap) {
  ordered_json out;
  out["id"] = gap.id;
  out["question"] = gap.question;
  put_list(out, "about", gap.about);
  put_text(out, "owner", gap.owner);
  put_date(out, "due", gap.due);
  return out;
}

ordered_json write_action(const Action& action) {
  ordered_json out;
  out["id"] = action.id;
  out["type"] = action.type;
  out["description"] = action.description;
  put_list(out, "about", action.about);
  out["owner"] = action.owner;
  put_text(out, "owner_person", action.owner_person);
  put_date(out, "due", action.due);
  out["status"] = action.status;
  return out;
}

ordered_json write_meeting(const Meeting& meeting) {
  ordered_json out;
  out["id"] = meeting.id;
  out["date"] = meeting.date.to_string();
  put_text(out, "objectives", meeting.objectives);
  if (!meeting.attendees.empty()) {
    ordered_json attendees = ordered_json::array();
    for (const auto& attendee : meeting.attendees) {
      ordered_json entry;
      entry["name"] = attendee.name;
      entry["agency"] = attendee.agency;
      put_text(entry, "role", attendee.role);
      put_text(entry, "person", attendee.person);
      attendees.push_back(std::move(entry));
    }
    out["attendees"] = std::move(attendees);
  }
  return out;
}

ordered_json write_ecomap(const Ecomap& ecomap) {
  ordered_json out;
  out["centre"] = ecomap.centre;
  if (!ecomap.placements.empty()) {
    ordered_json placements = ordered_json::array();
    for (const auto& placement : ecomap.placements) {
      placements.push_back({{"ref", placement.ref}, {"ring", placement.ring}});
    }
    out["placements"] = std::move(placements);
  }
  put_text(out, "notes", ecomap.notes);
  return out;
}

ordered_json write_pin(const Pin& pin) {
  ordered_json out;
  out["ref"] = pin.ref;
  out["x"] = pin.x;
  out["y"] = pin.y;
  return out;
}

template <typename T, typename Write>
void put_section(ordered_json& out, const char* key, const std::vector<T>& items, Write write) {
  if (items.empty()) {
    return;
  }
  ordered_json list = ordered_json::array();
  for (const T& item : items) {
    list.push_back(write(item));
  }
  out[key] = std::move(list);
}

}  // namespace

std::string write_document(const Document& document) {
  ordered_json out;
  out["format"] = kFormat;
  out["map"] = write_map(document.map);
  put_section(out, "people", document.people, write_person);
  put_section(out, "locations", document.locations, write_named<Location>);
  put_section(out, "groups", document.groups, write_named<Group>);
  put_section(out, "ties", document.ties, write_tie);
  put_section(out, "information", document.information, write_information);
  put_section(out, "sightings", document.sightings, write_sighting);
  put_section(out, "risks", document.risks, write_risk);
  put_section(out, "gaps", document.gaps, write_gap);
  put_section(out, "actions", document.actions, write_action);
  put_section(out, "meetings", document.meetings, write_meeting);
  put_section(out, "ecomaps", document.ecomaps, write_ecomap);
  put_section(out, "pins", document.pins, write_pin);
  // replace: a Document built in code may hold bytes that are not UTF-8; never throw for them.
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace peermap::model
