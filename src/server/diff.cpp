#include "server/diff.hpp"

#include <array>
#include <map>

#include <nlohmann/json.hpp>

namespace peermap::server {
namespace {

using json = nlohmann::json;

// The document's sections of items with ids, in the format's order (docs/format.md).
constexpr std::array<std::string_view, 12> kSections{"people",      "locations", "groups",  "ties",
                                                     "information", "sightings", "risks",   "gaps",
                                                     "actions",     "meetings",  "ecomaps", "pins"};

// Singular and plural names for the summary line.
struct Noun {
  std::string_view one, many;
};
Noun noun(std::string_view section) {
  if (section == "people") return {"person", "people"};
  if (section == "locations") return {"place", "places"};
  if (section == "groups") return {"group", "groups"};
  if (section == "ties") return {"tie", "ties"};
  if (section == "information") return {"information item", "information items"};
  if (section == "sightings") return {"sighting", "sightings"};
  if (section == "risks") return {"risk or strength", "risks and strengths"};
  if (section == "gaps") return {"information gap", "information gaps"};
  if (section == "actions") return {"action", "actions"};
  if (section == "meetings") return {"meeting", "meetings"};
  if (section == "ecomaps") return {"ecomap", "ecomaps"};
  return {"pin", "pins"};
}

//! An item's key in its section: its id; for pins and ecomaps (which have none) the person.
std::string key_of(std::string_view section, const json& item) {
  const char* field = section == "pins" ? "ref" : section == "ecomaps" ? "centre" : "id";
  if (item.is_object()) {
    const auto it = item.find(field);
    if (it != item.end() && it->is_string()) return it->get<std::string>();
  }
  return {};
}

std::vector<std::pair<std::string, const json*>> items(const json& document,
                                                       std::string_view section) {
  std::vector<std::pair<std::string, const json*>> out;
  const auto it = document.find(std::string(section));
  if (it == document.end() || !it->is_array()) return out;
  for (const auto& item : *it) out.emplace_back(key_of(section, item), &item);
  return out;
}

std::string text_field(const json* item, const char* field) {
  if (item == nullptr || !item->is_object()) return {};
  const auto it = item->find(field);
  return it != item->end() && it->is_string() ? it->get<std::string>() : std::string();
}

const json* find_item(const json& document, std::string_view section, const std::string& key) {
  for (const auto& [k, item] : items(document, section)) {
    if (k == key) return item;
  }
  return nullptr;
}

std::string person_name(const json& document, const std::string& id) {
  for (const auto* section : {"people", "locations", "groups"}) {
    const json* item = find_item(document, section, id);
    if (item == nullptr) continue;
    std::string name =
        text_field(item, section == std::string_view("people") ? "full_name" : "name");
    return name.empty() ? id : name;
  }
  return id;
}

std::string label(const json& document, std::string_view section, const std::string& key) {
  const json* item = find_item(document, section, key);
  if (section == "people" || section == "locations" || section == "groups") {
    return person_name(document, key);
  }
  if (section == "ties") {
    return person_name(document, text_field(item, "from")) + " \u2013 " +
           person_name(document, text_field(item, "to"));
  }
  if (section == "pins" || section == "ecomaps") return person_name(document, key);
  return key;
}

}  // namespace

DocumentDiff diff_documents(const json& before, const json& after) {
  DocumentDiff out;
  const auto map_of = [](const json& d) {
    const auto it = d.find("map");
    return it == d.end() ? json() : *it;
  };
  out.map_changed = map_of(before) != map_of(after);
  for (const auto section : kSections) {
    SectionDiff diff;
    diff.section = std::string(section);
    const auto old_items = items(before, section);
    const auto new_items = items(after, section);
    std::map<std::string, const json*> old_by_key;
    std::map<std::string, const json*> new_by_key;
    for (const auto& [k, item] : old_items) old_by_key.emplace(k, item);
    for (const auto& [k, item] : new_items) new_by_key.emplace(k, item);
    for (const auto& [k, item] : new_items) {
      const auto it = old_by_key.find(k);
      if (it == old_by_key.end()) {
        diff.added.push_back(k);
      } else if (*it->second != *item) {
        diff.changed.push_back(k);
      }
    }
    for (const auto& [k, item] : old_items) {
      if (new_by_key.find(k) == new_by_key.end()) diff.removed.push_back(k);
    }
    if (!diff.added.empty() || !diff.removed.empty() || !diff.changed.empty()) {
      out.sections.push_back(std::move(diff));
    }
  }
  return out;
}

json diff_to_json(const DocumentDiff& diff, const json& before, const json& after) {
  json out = json::object();
  out["map_changed"] = diff.map_changed;
  for (const auto section : kSections) {
    json entry = {{"added", json::array()}, {"removed", json::array()}, {"changed", json::array()}};
    for (const auto& s : diff.sections) {
      if (s.section != section) continue;
      for (const auto& k : s.added)
        entry["added"].push_back({{"id", k}, {"label", label(after, section, k)}});
      for (const auto& k : s.removed)
        entry["removed"].push_back({{"id", k}, {"label", label(before, section, k)}});
      for (const auto& k : s.changed)
        entry["changed"].push_back({{"id", k}, {"label", label(after, section, k)}});
    }
    out[std::string(section)] = std::move(entry);
  }
  return out;
}

std::string diff_summary(const DocumentDiff& diff) {
  std::string out;
  const auto part = [&](std::size_t count, std::string_view section, std::string_view what) {
    if (count == 0) return;
    const Noun n = noun(section);
    if (!out.empty()) out += ", ";
    out += std::to_string(count) + " " + std::string(count == 1 ? n.one : n.many) + " " +
           std::string(what);
  };
  if (diff.map_changed) out = "map details changed";
  for (const auto& s : diff.sections) {
    part(s.added.size(), s.section, "added");
    part(s.removed.size(), s.section, "removed");
    part(s.changed.size(), s.section, "changed");
  }
  return out.empty() ? "no change" : out;
}

}  // namespace peermap::server
