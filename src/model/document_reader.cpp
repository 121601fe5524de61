#include "model/document_reader.hpp"

#include "model/vocabulary.hpp"

namespace peermap::model::detail {

Document DocumentReader::read(const json& root) && {
  ObjectReader top(root, "", context_,
                   {"format", "map", "people", "locations", "groups", "ties", "information",
                    "sightings", "risks", "gaps", "actions", "meetings", "ecomaps", "pins"});
  if (top.is_object()) {
    read_sections(top);
    context_.resolve_references();
    warn_about_gaps_in_the_picture();
  }
  return std::move(document_);
}

bool DocumentReader::read_alone(std::string_view section, const json& value,
                                const std::string& pointer, const std::optional<Date>& map_date) {
  map_date_ = map_date;
  ObjectReader r(value, pointer, context_);
  if (section == "map") {
    document_.map = read_map(r);
  } else if (section == "people") {
    document_.people.push_back(read_person(r));
  } else if (section == "locations") {
    document_.locations.push_back(read_location(r));
  } else if (section == "groups") {
    document_.groups.push_back(read_group(r));
  } else if (section == "ties") {
    document_.ties.push_back(read_tie(r));
  } else if (section == "information") {
    document_.information.push_back(read_information(r));
  } else if (section == "sightings") {
    document_.sightings.push_back(read_sighting(r));
  } else if (section == "risks") {
    document_.risks.push_back(read_risk(r));
  } else if (section == "gaps") {
    document_.gaps.push_back(read_gap(r));
  } else if (section == "actions") {
    document_.actions.push_back(read_action(r));
  } else if (section == "meetings") {
    document_.meetings.push_back(read_meeting(r));
  } else if (section == "ecomaps") {
    document_.ecomaps.push_back(read_ecomap(r));
  } else if (section == "pins") {
    document_.pins.push_back(read_pin(r));
  } else {
    return false;
  }
  return true;
}

std::string DocumentReader::footprint() const {
  std::string out;
  const auto put = [&out](std::string_view text) {
    out += text;
    out += '\x1f';
  };
  for (const auto& [id, entry] : context_.ids) {
    put(id);
    put(std::to_string(static_cast<unsigned>(entry.kind)));
  }
  put("refs");
  for (const auto& reference : context_.references) {
    put(reference.pointer);
    put(reference.id);
    put(std::to_string(reference.allowed));
  }
  for (const auto* keys : {&tie_ends_, &ecomap_centres_, &pinned_}) {
    put("keys");
    for (const auto& [key, ignored] : *keys) put(key);
  }
  put(map_date_ ? map_date_->to_string() : "no date");
  for (const auto& person : document_.people) {
    put(person.id);
    put(person.full_name);  // pass 2's warnings name people
  }
  for (const auto& tie : document_.ties) {
    put(tie.id);
    put(name_of(kTieKindNames, tie.kind));
    put(tie.from);
    put(tie.to);
  }
  for (const auto& item : document_.information) {
    put("about");
    for (const auto& about : item.about) put(about);
  }
  for (const auto& sighting : document_.sightings) {
    put("seen");
    for (const auto& person : sighting.people) put(person);
  }
  return out;
}

template <typename T, typename ReadOne>
void DocumentReader::section(ObjectReader& top, std::string_view field, std::vector<T>& items,
                             ReadOne read_one) {
  top.each(field, Need::Optional, 0, [&](const json& v, const std::string& where) {
    ObjectReader reader(v, where, context_);
    items.push_back((this->*read_one)(reader));
  });
}

void DocumentReader::read_sections(ObjectReader& top) {
  const auto format = top.text("format", Need::Required);
  if (format && *format != kFormat) {
    top.error(top.at("format"),
              "unsupported format " + quote(*format) + "; expected \"peermap/1\"");
  }
  // The map goes first: people's ages and the review date are checked against its date.
  if (const json* map = top.find("map", Need::Required)) {
    ObjectReader reader(*map, top.at("map"), context_);
    document_.map = read_map(reader);
  }
  section(top, "people", document_.people, &DocumentReader::read_person);
  section(top, "locations", document_.locations, &DocumentReader::read_location);
  section(top, "groups", document_.groups, &DocumentReader::read_group);
  section(top, "ties", document_.ties, &DocumentReader::read_tie);
  section(top, "information", document_.information, &DocumentReader::read_information);
  section(top, "sightings", document_.sightings, &DocumentReader::read_sighting);
  section(top, "risks", document_.risks, &DocumentReader::read_risk);
  section(top, "gaps", document_.gaps, &DocumentReader::read_gap);
  section(top, "actions", document_.actions, &DocumentReader::read_action);
  section(top, "meetings", document_.meetings, &DocumentReader::read_meeting);
  section(top, "ecomaps", document_.ecomaps, &DocumentReader::read_ecomap);
  section(top, "pins", document_.pins, &DocumentReader::read_pin);
}

}  // namespace peermap::model::detail
