#include "server/change_words.hpp"

#include <algorithm>

#include <string_view>
#include <vector>

namespace peermap::server {
namespace {

//! A section's item with its article, and its plural: "a person", "people".
struct ItemWords {
  std::string_view one, kind, many;
};

ItemWords words_for(std::string_view section) {
  if (section == "people") return {"a person", "person", "people"};
  if (section == "locations") return {"a place", "place", "places"};
  if (section == "groups") return {"a group", "group", "groups"};
  if (section == "ties") return {"a tie", "tie", "ties"};
  if (section == "information")
    return {"an information item", "information item", "information items"};
  if (section == "sightings") return {"a sighting", "sighting", "sightings"};
  if (section == "risks") return {"a risk or strength", "risk or strength", "risks and strengths"};
  if (section == "gaps") return {"an information gap", "information gap", "information gaps"};
  if (section == "actions") return {"an action", "action", "actions"};
  if (section == "meetings") return {"a meeting", "meeting", "meetings"};
  if (section == "ecomaps") return {"an ecomap", "ecomap of", "ecomaps"};
  if (section == "pins") return {"a pin", "pin of", "pins"};
  return {"an item", "item", "items"};
}

//! An id goes into the phrase only when it is an id as the format writes them (letters, digits,
//! '-', '_', short): a hand-written document could hold anything in that place.
bool plain_id(std::string_view id) {
  if (id.empty() || id.size() > 40) return false;
  return std::ranges::all_of(id, [](const char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

//! "added a sighting" (a new item is named by its kind: the room knows it by what it says),
//! "changed person p3", "removed 2 ties".
std::string part(std::string_view verb, std::string_view section,
                 const std::vector<std::string>& ids) {
  const ItemWords w = words_for(section);
  std::string out(verb);
  out += ' ';
  if (ids.size() > 1) return out + std::to_string(ids.size()) + " " + std::string(w.many);
  if (verb == "added" || !plain_id(ids.front())) return out + std::string(w.one);
  return out + std::string(w.kind) + " " + ids.front();
}

}  // namespace

std::string change_phrase(const DocumentDiff& diff) {
  constexpr std::size_t kMaxParts = 4;
  std::vector<std::string> parts;
  for (const auto& s : diff.sections) {
    if (!s.added.empty()) parts.push_back(part("added", s.section, s.added));
    if (!s.changed.empty()) parts.push_back(part("changed", s.section, s.changed));
    if (!s.removed.empty()) parts.push_back(part("removed", s.section, s.removed));
  }
  if (diff.map_changed) parts.emplace_back("changed the map's details");
  if (parts.empty()) return "saved without a change";
  const bool more = parts.size() > kMaxParts;
  if (more) parts.resize(kMaxParts);
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += (i + 1 == parts.size() && !more) ? " and " : ", ";
    out += parts[i];
  }
  return more ? out + " and more" : out;
}

}  // namespace peermap::server
