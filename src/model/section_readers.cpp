// The sections of a document. Each read_* takes one JSON object and returns the model type,
// filled with what could be read (every array element yields one item, so indices match).
#include <algorithm>
#include <array>

#include "model/document_reader.hpp"
#include "model/full_name.hpp"
#include "model/vocabulary.hpp"

namespace peermap::model::detail {

MapInfo DocumentReader::read_map(ObjectReader& r) {
  r.allow({"title", "purpose", "concern_types", "subject_children", "status", "map_date",
           "review_date", "owning_team", "protective_marking", "recent_window_days"});
  MapInfo map;
  map.title = r.text("title", Need::Required).value_or("");
  map.purpose = r.text("purpose", Need::Optional).value_or("");
  map.concern_types = r.texts("concern_types", kMaxText);
  map.subject_children = r.references("subject_children", Need::Required, 1, kPerson);
  map.status = r.choice("status", Need::Required, kStatusNames, Status::PreMapping);
  map_date_ = r.date("map_date", Need::Required);
  map.map_date = map_date_.value_or(Date{});
  map.review_date = r.date("review_date", Need::Optional);
  if (map_date_ && map.review_date) {
    not_before(r.at("review_date"), "review_date", *map.review_date, "map_date", *map_date_);
  }
  map.owning_team = r.text("owning_team", Need::Optional).value_or("");
  // A blank marking would print the map unmarked: it keeps the default instead.
  if (auto marking = r.text("protective_marking", Need::Optional);
      marking && !words(*marking).empty()) {
    map.protective_marking = std::move(*marking);
  }
  map.recent_window_days = static_cast<int>(
      r.integer("recent_window_days", Need::Optional, 1, 3650).value_or(map.recent_window_days));
  return map;
}

Person DocumentReader::read_person(ObjectReader& r) {
  r.allow({"id", "full_name", "name_status", "known_as", "date_of_birth", "age_band", "adult",
           "gender", "role", "school", "services", "roth", "notes", "agency", "job_title"});
  Person person;
  person.id = r.own_id(IdKind::Person);
  const auto full_name = r.text("full_name", Need::Required, kMaxName);
  person.full_name = full_name.value_or("");
  person.name_status = r.choice("name_status", Need::Optional, kNameStatusNames, NameStatus::Full);
  if (full_name && person.name_status == NameStatus::Full) {
    check_full_name(r.at("full_name"), *full_name,
                    "use the full name, or set name_status to \"unknown\" or "
                    "\"street-name-only\"");
  }
  person.known_as = r.texts("known_as", kMaxName);
  person.date_of_birth = r.date("date_of_birth", Need::Optional);
  person.age_band = r.choice_text("age_band", Need::Optional, kAgeBands, "");
  person.adult = r.flag("adult", Need::Optional);
  if (person.date_of_birth && map_date_) {
    check_age(r, person);
  }
  person.gender = r.choice("gender", Need::Optional, kGenderNames, Gender::Unknown);
  person.role = r.choice("role", Need::Required, kRoleNames, Role::Peer);
  person.school = r.text("school", Need::Optional).value_or("");
  person.services = r.texts("services", kMaxText);
  person.roth = r.flag("roth", Need::Optional).value_or(false);
  person.notes = r.text("notes", Need::Optional).value_or("");
  person.agency = r.text("agency", Need::Optional, kMaxName).value_or("");
  person.job_title = r.text("job_title", Need::Optional, kMaxName).value_or("");
  if (person.role != Role::Professional) {
    for (const auto* const field : {"agency", "job_title"}) {
      if (r.has(field)) {
        r.error(r.at(field), std::string(field) + " is for a professional; this person's role is " +
                                 quote(kRoleNames[static_cast<std::size_t>(person.role)]));
      }
    }
  }
  return person;
}

void DocumentReader::check_age(ObjectReader& r, const Person& person) {
  const Date& born = *person.date_of_birth;
  if (born > *map_date_) {
    r.error(r.at("date_of_birth"),
            "date_of_birth " + born.to_string() + " is after map_date " + map_date_->to_string());
    return;
  }
  const int age = age_on(born, *map_date_);
  if (person.adult && *person.adult != (age >= 18)) {
    r.error(r.at("adult"), std::string("adult is ") + (*person.adult ? "true" : "false") +
                               " but date_of_birth " + born.to_string() + " gives age " +
                               std::to_string(age) + " on map_date " + map_date_->to_string() +
                               "; correct one of them or remove adult");
  }
}

Location DocumentReader::read_location(ObjectReader& r) {
  r.allow({"id", "name", "kind", "valence", "notes"});
  Location location;
  location.id = r.own_id(IdKind::Location);
  location.name = r.text("name", Need::Required, kMaxName).value_or("");
  location.kind = r.choice_text("kind", Need::Required, kLocationKinds, "other");
  location.valence = r.choice("valence", Need::Optional, kValenceNames, Valence::Unknown);
  location.notes = r.text("notes", Need::Optional).value_or("");
  return location;
}

Group DocumentReader::read_group(ObjectReader& r) {
  r.allow({"id", "name", "kind", "valence", "notes"});
  Group group;
  group.id = r.own_id(IdKind::Group);
  group.name = r.text("name", Need::Required, kMaxName).value_or("");
  group.kind = r.choice_text("kind", Need::Required, kGroupKinds, "other");
  group.valence = r.choice("valence", Need::Optional, kValenceNames, Valence::Unknown);
  group.notes = r.text("notes", Need::Optional).value_or("");
  return group;
}

Tie DocumentReader::read_tie(ObjectReader& r) {
  r.allow({"id", "kind", "from", "to", "nature", "strength", "tension", "exploitation", "influence",
           "valence", "notes"});
  Tie tie;
  tie.id = r.own_id(IdKind::Tie);
  const auto kind = r.choice("kind", Need::Required, kTieKindNames);
  tie.kind = kind ? static_cast<TieKind>(*kind) : TieKind::Relationship;
  // What `to` names, by tie kind: relationship, frequents, member-of.
  static constexpr std::array<Kinds, 3> kTargets{kPerson, kLocation, kGroup};
  const auto from = r.reference("from", Need::Required, kPerson);
  const auto to =
      r.reference("to", Need::Required, kind ? kTargets[*kind] : kPersonLocationOrGroup);
  tie.from = from.value_or("");
  tie.to = to.value_or("");
  if (from && to) {
    check_tie_ends(r, tie);
  }
  if (kind && tie.kind != TieKind::Relationship) {
    for (const auto* const field : {"nature", "tension", "exploitation", "influence"}) {
      if (r.has(field)) {
        r.error(r.at(field), std::string(field) +
                                 " is only allowed on relationship ties; this tie is " +
                                 quote(kTieKindNames[*kind]));
      }
    }
  } else {
    read_relationship(r, tie);
  }
  tie.strength = static_cast<int>(r.integer("strength", Need::Optional, 1, 3).value_or(1));
  tie.valence = r.choice("valence", Need::Optional, kValenceNames, Valence::Unknown);
  tie.notes = r.text("notes", Need::Optional).value_or("");
  return tie;
}

void DocumentReader::check_tie_ends(ObjectReader& r, const Tie& tie) {
  if (tie.from == tie.to) {
    r.error(r.at("to"), "a tie cannot join " + quote(tie.from) + " to itself");
    return;
  }
  // A relationship has no direction, so A-B and B-A are the same relationship.
  const bool swap = tie.kind == TieKind::Relationship && tie.to < tie.from;
  const std::string& low = swap ? tie.to : tie.from;
  const std::string& high = swap ? tie.from : tie.to;
  const std::string kind(name_of(kTieKindNames, tie.kind));
  context_.first_time(tie_ends_, kind + '\n' + low + '\n' + high, r.pointer(), [&] {
    return "duplicate " + kind + " tie between " + quote(tie.from) + " and " + quote(tie.to);
  });
}

void DocumentReader::read_relationship(ObjectReader& r, Tie& tie) {
  tie.nature = r.choice_text("nature", Need::Optional, kNatures, tie.nature);
  tie.tension = r.flag("tension", Need::Optional).value_or(false);
  tie.exploitation_by = read_direction(r, tie, "exploitation", "by", "the controlling person");
  tie.influence_leader = read_direction(r, tie, "influence", "leader", "the person who leads");
}

std::optional<std::string> DocumentReader::read_direction(ObjectReader& tie_reader, const Tie& tie,
                                                          std::string_view field,
                                                          std::string_view key,
                                                          std::string_view who) {
  const json* v = tie_reader.find(field, Need::Optional);
  if (v == nullptr) {
    return std::nullopt;
  }
  const std::string where = tie_reader.at(field);
  if (!v->is_object() || !v->contains(key)) {
    tie_reader.error(where, std::string(field) + " needs a direction: {\"" + std::string(key) +
                                "\": <id>} naming " + std::string(who) +
                                " (the tie's \"from\" or \"to\")");
    return std::nullopt;
  }
  ObjectReader r(*v, where, context_, {key});
  auto id = r.id(key, Need::Required);
  if (id && !tie.from.empty() && !tie.to.empty() && *id != tie.from && *id != tie.to) {
    r.error(r.at(key), quote(*id) + " is neither this tie's \"from\" (" + quote(tie.from) +
                           ") nor its \"to\" (" + quote(tie.to) + ")");
    return std::nullopt;
  }
  return id;
}

InformationItem DocumentReader::read_information(ObjectReader& r) {
  r.allow({"id", "summary", "source", "observed", "recorded", "evidence", "grading", "about",
           "handling"});
  InformationItem item;
  item.id = r.own_id(IdKind::Information);
  item.summary = r.text("summary", Need::Required).value_or("");
  if (const json* source = r.find("source", Need::Required)) {
    ObjectReader s(*source, r.at("source"), context_, {"agency", "person"});
    item.source_agency = s.text("agency", Need::Required, kMaxName).value_or("");
    item.source_person = s.text("person", Need::Optional, kMaxName).value_or("");
  }
  if (const auto observed = r.period("observed", Need::Optional)) {
    item.observed = observed->from;
    item.observed_precision = observed->precision;
    if (observed->precision != DatePrecision::Day) item.observed_to = observed->to;
  }
  item.recorded = r.date("recorded", Need::Optional);
  not_in_future(r.at("observed"), "observed", item.observed);
  not_in_future(r.at("recorded"), "recorded", item.recorded);
  if (item.observed && item.recorded) {
    not_before(r.at("recorded"), "recorded", *item.recorded, "observed", *item.observed);
  }
  item.evidence = r.choice("evidence", Need::Required, kEvidenceNames, Evidence::Anecdotal);
  if (const json* grading = r.find("grading", Need::Optional)) {
    ObjectReader g(*grading, r.at("grading"), context_);
    item.grading = read_grading(g);
  }
  item.about = r.references("about", Need::Required, 1,
                            kPersonLocationOrGroup | kinds({IdKind::Tie, IdKind::Sighting}));
  if (const json* handling = r.find("handling", Need::Optional)) {
    ObjectReader h(*handling, r.at("handling"), context_, {"conditions", "audiences"});
    item.handling = read_handling(h);
  }
  return item;
}

Handling DocumentReader::read_handling(ObjectReader& r) {
  Handling handling;
  handling.conditions = r.text("conditions", Need::Optional).value_or("");
  if (!r.has("audiences")) return handling;
  std::vector<Audience> audiences;
  r.each("audiences", Need::Optional, 0, [&](const json& v, const std::string& where) {
    const auto audience =
        v.is_string() ? named<Audience>(kAudienceNames, v.get<std::string>()) : std::nullopt;
    if (!audience) {
      r.error(where, "is not an audience: internal, partner, family or record-of-another-child");
    } else if (std::find(audiences.begin(), audiences.end(), *audience) != audiences.end()) {
      r.error(where, "lists \"" + std::string(name_of(kAudienceNames, *audience)) + "\" twice");
    } else {
      audiences.push_back(*audience);
    }
  });
  handling.audiences = std::move(audiences);
  return handling;
}

Grading DocumentReader::read_grading(ObjectReader& r) {
  Grading grading;
  const auto scheme = r.choice("scheme", Need::Required, kSchemeNames);
  if (!scheme) {
    return grading;
  }
  grading.scheme = kSchemeNames[*scheme];
  const auto number = [&](std::string_view field, long long max) {
    const auto value = r.integer(field, Need::Required, 1, max);
    return value ? std::to_string(*value) : std::string();
  };
  switch (static_cast<GradingScheme>(*scheme)) {
    case GradingScheme::Simple:
      r.allow({"scheme", "reliable"});
      if (const json* reliable = r.find("reliable", Need::Optional);
          reliable && !reliable->is_null()) {
        grading.reliable = r.flag("reliable", Need::Optional);
      }
      break;
    case GradingScheme::ThreeByFiveByTwo:
      r.allow({"scheme", "source", "intelligence", "handling"});
      grading.source = number("source", 3);
      grading.intelligence = r.choice_text("intelligence", Need::Required, kLettersAE, "");
      grading.handling = r.choice_text("handling", Need::Required, kHandling3x5x2, "");
      break;
    case GradingScheme::FiveByFiveByFive:
      r.allow({"scheme", "source", "intelligence", "handling"});
      grading.source = r.choice_text("source", Need::Required, kLettersAE, "");
      grading.intelligence = number("intelligence", 5);
      grading.handling = number("handling", 5);
      break;
  }
  return grading;
}

Sighting DocumentReader::read_sighting(ObjectReader& r) {
  r.allow({"id", "people", "location", "date", "seen_by", "notes"});
  Sighting sighting;
  sighting.id = r.own_id(IdKind::Sighting);
  sighting.people = r.references("people", Need::Required, 2, kPerson);
  sighting.location = r.reference("location", Need::Optional, kLocation).value_or("");
  const auto period = r.period("date", Need::Required);
  const auto date = period ? std::optional<Date>(period->from) : std::nullopt;
  not_in_future(r.at("date"), "date", date);
  sighting.date = date.value_or(Date{});
  if (period && period->precision != DatePrecision::Day) {
    sighting.date_precision = period->precision;
    sighting.date_to = period->to;
  }
  sighting.seen_by = r.text("seen_by", Need::Required).value_or("");
  sighting.notes = r.text("notes", Need::Optional).value_or("");
  return sighting;
}

RiskOrStrength DocumentReader::read_risk(ObjectReader& r) {
  r.allow({"id", "kind", "about", "description"});
  RiskOrStrength risk;
  risk.id = r.own_id(IdKind::Risk);
  risk.is_strength = r.choice_text("kind", Need::Required, kRiskKinds, "risk") == "strength";
  risk.about = r.reference("about", Need::Required, kPersonLocationOrGroup).value_or("");
  risk.description = r.text("description", Need::Required).value_or("");
  return risk;
}

InformationGap DocumentReader::read_gap(ObjectReader& r) {
  r.allow({"id", "question", "about", "owner", "due"});
  InformationGap gap;
  gap.id = r.own_id(IdKind::Gap);
  gap.question = r.text("question", Need::Required).value_or("");
  gap.about = r.references("about", Need::Optional, 0, kAnyKind);
  gap.owner = r.text("owner", Need::Optional).value_or("");
  gap.due = r.date("due", Need::Optional);
  return gap;
}

Action DocumentReader::read_action(ObjectReader& r) {
  r.allow({"id", "type", "description", "about", "owner", "owner_person", "due", "status"});
  Action action;
  action.id = r.own_id(IdKind::Action);
  action.type = r.choice_text("type", Need::Required, kActionTypes, "other");
  action.description = r.text("description", Need::Required).value_or("");
  action.about = r.references("about", Need::Optional, 0, kAnyKind);
  action.owner = r.text("owner", Need::Required).value_or("");
  action.owner_person = r.reference("owner_person", Need::Optional, kPerson).value_or("");
  action.due = r.date("due", Need::Optional);
  action.status = r.choice_text("status", Need::Optional, kActionStatuses, action.status);
  return action;
}

Meeting DocumentReader::read_meeting(ObjectReader& r) {
  r.allow({"id", "date", "objectives", "attendees"});
  Meeting meeting;
  meeting.id = r.own_id(IdKind::Meeting);
  meeting.date = r.date("date", Need::Required).value_or(Date{});
  meeting.objectives = r.text("objectives", Need::Optional).value_or("");
  r.each("attendees", Need::Optional, 0, [&](const json& v, const std::string& where) {
    ObjectReader a(v, where, context_, {"name", "agency", "role", "person"});
    Attendee attendee;
    const auto name = a.text("name", Need::Required, kMaxName);
    if (name) {
      check_full_name(a.at("name"), *name, "use the attendee's full name");
    }
    attendee.name = name.value_or("");
    attendee.agency = a.text("agency", Need::Required, kMaxName).value_or("");
    attendee.role = a.text("role", Need::Optional, kMaxName).value_or("");
    attendee.person = a.reference("person", Need::Optional, kPerson).value_or("");
    meeting.attendees.push_back(std::move(attendee));
  });
  return meeting;
}

Ecomap DocumentReader::read_ecomap(ObjectReader& r) {
  r.allow({"centre", "placements", "notes"});
  Ecomap ecomap;
  const auto centre = r.reference("centre", Need::Required, kPerson);
  if (centre) {
    context_.first_time(ecomap_centres_, *centre, r.at("centre"), [&] {
      return "a second ecomap for " + quote(*centre) + "; one ecomap per centre";
    });
  }
  ecomap.centre = centre.value_or("");
  r.each("placements", Need::Optional, 0, [&](const json& v, const std::string& where) {
    ObjectReader p(v, where, context_, {"ref", "ring"});
    EcomapPlacement placement;
    placement.ref = p.reference("ref", Need::Required, kPerson | kLocation).value_or("");
    placement.ring = static_cast<int>(p.integer("ring", Need::Required, 1, 4).value_or(1));
    ecomap.placements.push_back(std::move(placement));
  });
  ecomap.notes = r.text("notes", Need::Optional).value_or("");
  return ecomap;
}

Pin DocumentReader::read_pin(ObjectReader& r) {
  r.allow({"ref", "x", "y"});
  Pin pin;
  const auto ref = r.reference("ref", Need::Required, kPersonLocationOrGroup);
  if (ref) {
    context_.first_time(pinned_, *ref, r.at("ref"),
                        [&] { return quote(*ref) + " is pinned twice"; });
  }
  pin.ref = ref.value_or("");
  pin.x = r.number("x", Need::Required).value_or(0);
  pin.y = r.number("y", Need::Required).value_or(0);
  return pin;
}

// ----- checks the sections share

void DocumentReader::check_full_name(const std::string& where, const std::string& name,
                                     std::string_view fix) {
  if (const auto fault = full_name_fault(name)) {
    context_.log.error(where, *fault + "; " + std::string(fix));
  }
}

void DocumentReader::not_in_future(const std::string& where, std::string_view field,
                                   const std::optional<Date>& date) {
  if (date && *date > options_.today) {
    context_.log.error(where, std::string(field) + " " + date->to_string() +
                                  " is in the future (today is " + options_.today.to_string() +
                                  ")");
  }
}

void DocumentReader::not_before(const std::string& where, std::string_view field, const Date& date,
                                std::string_view other_field, const Date& other) {
  if (date < other) {
    context_.log.error(where, std::string(field) + " " + date.to_string() + " is before " +
                                  std::string(other_field) + " " + other.to_string());
  }
}

}  // namespace peermap::model::detail
