#include "server/diff.hpp"

#include <array>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "base/text_safety.hpp"
#include "model/date.hpp"

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

// --- field-level changes ------------------------------------------------------------------------

//! RFC 6901's escaping of one reference token.
std::string token(std::string_view name) {
  std::string out;
  for (const char c : name) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

//! Where each item of a section sits (its index), by key.
std::map<std::string, std::size_t> index_of(const json& document, std::string_view section) {
  std::map<std::string, std::size_t> out;
  const auto all = items(document, section);
  for (std::size_t i = 0; i < all.size(); ++i) out.emplace(all[i].first, i);
  return out;
}

//! The fields of two versions of one object that differ, following objects down. `a` or `b`
//! may be null (the object was not there). Recursive, as deep as the document nests (at most
//! 32 levels, docs/format.md).
void field_changes(  // NOLINT(misc-no-recursion): bounded by the document's nesting
    const json* a, const json* b, const std::string& path, const std::string& pointer,
    std::vector<FieldChange>& out) {
  const bool a_object = a == nullptr || a->is_object();
  const bool b_object = b == nullptr || b->is_object();
  if (a_object && b_object && (a != nullptr || b != nullptr)) {
    std::vector<std::string> names;  // b's (by name), then what only a has
    std::set<std::string> seen;
    for (const json* side : {b, a}) {
      if (side == nullptr) continue;
      for (const auto& [name, value] : side->items()) {
        if (seen.insert(name).second) names.push_back(name);
      }
    }
    for (const auto& name : names) {
      const json* x = a != nullptr && a->contains(name) ? &(*a)[name] : nullptr;
      const json* y = b != nullptr && b->contains(name) ? &(*b)[name] : nullptr;
      if (x != nullptr && y != nullptr && *x == *y) continue;
      std::string inner = path;
      if (!inner.empty()) inner += '/';
      inner += name;
      field_changes(x, y, inner, pointer + "/" + token(name), out);
    }
    return;
  }
  FieldChange change;
  change.field = path;
  change.pointer = pointer;
  if (a != nullptr) change.before = *a;
  if (b != nullptr) change.after = *b;
  out.push_back(std::move(change));
}

// --- words
// ----------------------------------------------------------------------------------------

//! "person", "place", ... for one item of a section; "map" for the map.
std::string_view kind_of(std::string_view section) {
  return section == "map" ? std::string_view("map") : noun(section).one;
}

//! What a field is called in words, by its path inside the item.
std::string field_label(std::string_view section, const std::string& field) {
  static const std::map<std::string, std::string, std::less<>> labels{
      {"full_name", "full name"},
      {"name_status", "name status"},
      {"known_as", "known-as names"},
      {"date_of_birth", "date of birth"},
      {"age_band", "age band"},
      {"roth", "at risk outside the home (ROTH)"},
      {"from", "first person"},
      {"to", "second person or place"},
      {"exploitation/by", "exploitation or control by"},
      {"influence/leader", "leader"},
      {"valence", "protective or risky"},
      {"summary", "what was said"},
      {"source/agency", "source's agency"},
      {"source/person", "source's person"},
      {"observed", "date observed"},
      {"recorded", "date recorded"},
      {"evidence", "evidenced or anecdotal"},
      {"grading/scheme", "grading scheme"},
      {"grading/reliable", "grading (reliable source)"},
      {"grading/source", "grading (source)"},
      {"grading/intelligence", "grading (intelligence)"},
      {"grading/handling", "handling code"},
      {"about", "what it is about"},
      {"seen_by", "seen by"},
      {"owner", "owner"},
      {"due", "due date"},
      {"concern_types", "concern types"},
      {"subject_children", "subject children"},
      {"map_date", "map date"},
      {"review_date", "review date"},
      {"owning_team", "owning team"},
      {"protective_marking", "protective marking"},
      {"recent_window_days", "recent window (days)"},
      {"purpose", "purpose and objectives"}};
  if (section == "sightings" && field == "people") return "people seen";
  if (section == "sightings" && field == "location") return "place";
  if (section == "gaps" && field == "owner") return "who will find out";
  if (const auto it = labels.find(field); it != labels.end()) return it->second;
  std::string out = field;
  for (char& c : out) {
    if (c == '_' || c == '/') c = ' ';
  }
  return out;
}

bool is_reference(const std::string& field) {
  const auto last = field.substr(field.rfind('/') + 1);
  static const std::set<std::string, std::less<>> refs{
      "from",   "to",  "by",     "leader",   "about",
      "people", "ref", "centre", "location", "subject_children"};
  return refs.contains(last);
}

bool is_free_text(const std::string& field) {
  static const std::set<std::string, std::less<>> free{"notes",    "summary",    "description",
                                                       "question", "objectives", "purpose"};
  return free.contains(field.substr(field.rfind('/') + 1));
}

//! Free text inside a sentence: in curly quotes, control characters as spaces, cut after
//! `max_characters` code points ("…"). The page shows it as text; this only keeps it short.
std::string quoted(std::string_view value, std::size_t max_characters) {
  const std::string text = text::controls_to_spaces(value);
  std::size_t characters = 0;
  std::size_t end = 0;
  for (; end < text.size(); ++end) {
    if ((static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) continue;
    if (characters++ == max_characters) break;
  }
  return "\u201c" + text.substr(0, end) + (end < text.size() ? "\u2026" : "") + "\u201d";
}

//! A value as the room reads it: dates written out, ids as names, free text quoted and cut.
//! Recursive through lists and objects, as deep as the document nests.
std::string value_words(  // NOLINT(misc-no-recursion): bounded by the document's nesting
    const json& document, std::string_view section, const std::string& field, const json& value) {
  if (value.is_null()) return "not known";
  if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
  if (value.is_number_integer() && field == "strength" && section == "ties") {
    const auto n = value.get<std::int64_t>();
    if (n >= 1 && n <= 3) return std::array<const char*, 3>{"weak", "moderate", "strong"}[n - 1];
  }
  if (value.is_number()) return value.dump();
  if (value.is_string()) {
    auto text = value.get<std::string>();
    if (is_reference(field)) return person_name(document, text);
    if (is_free_text(field)) return quoted(text, 80);
    if (const auto date = model::Date::parse(text)) {
      static constexpr std::array<const char*, 12> months{
          "January", "February", "March",     "April",   "May",      "June",
          "July",    "August",   "September", "October", "November", "December"};
      std::string words = std::to_string(date->day);
      words += ' ';
      words += months.at(date->month - 1);
      words += ' ';
      words += std::to_string(date->year);
      return words;
    }
    return text;
  }
  std::string out;
  const bool array = value.is_array();
  for (const auto& [name, element] : value.items()) {
    if (!out.empty()) out += ", ";
    // An element of a list of objects (attendees, placements) is read by its own fields; a
    // number or yes/no keeps its field's name ("ring 1").
    std::string inner = field;
    if (!array) inner.append("/").append(name);
    const std::string words = value_words(document, section, inner, element);
    if (!array && (element.is_number() || element.is_boolean())) out.append(name).append(" ");
    if (element.is_object()) {
      out.append("(").append(words).append(")");
    } else {
      out += words;
    }
  }
  return out.empty() ? "none" : out;
}

//! How an item is named in a sentence: a person, place or group by name; others by kind and
//! what they say.
std::string item_name(const json& document, std::string_view section, const std::string& key) {
  if (section == "map") {
    const auto it = document.find("map");
    return text_field(it == document.end() ? nullptr : &*it, "title");
  }
  const json* item = find_item(document, section, key);
  if (section == "information") return quoted(text_field(item, "summary"), 60);
  if (section == "risks" || section == "actions") {
    return quoted(text_field(item, "description"), 60);
  }
  if (section == "gaps") return quoted(text_field(item, "question"), 60);
  if (section == "sightings" || section == "meetings") {
    return "on " + value_words(document, section, "date", json(text_field(item, "date")));
  }
  if (section == "ties") {
    return person_name(document, text_field(item, "from")) + " and " +
           person_name(document, text_field(item, "to"));
  }
  return label(document, section, key);
}

//! The owner of a field in a sentence: "Jordan Reed's", "The map's", "The tie between A and
//! B: its".
std::string owner_words(std::string_view section, const std::string& name) {
  if (section == "map") return "The map's";
  if (section == "people" || section == "locations" || section == "groups") return name + "'s";
  if (section == "ecomaps") return name + "'s ecomap's";
  if (section == "pins") return name + "'s pin's";
  if (section == "ties") return "The tie between " + name + ":";
  std::string kind(kind_of(section));
  kind[0] = static_cast<char>(kind[0] - 'a' + 'A');
  return kind + " " + name + ":";
}

json field_json(const FieldChange& f, std::string_view section, const std::string& owner,
                const json& before, const json& after) {
  json out = {{"field", f.field},
              {"label", field_label(section, f.field)},
              {"pointer", f.pointer},
              {"change", !f.before  ? "added"
                         : !f.after ? "removed"
                                    : "changed"}};
  const std::string what = owner + " " + field_label(section, f.field);
  if (f.before) {
    out["before"] = *f.before;
    out["before_text"] = value_words(before, section, f.field, *f.before);
  }
  if (f.after) {
    out["after"] = *f.after;
    out["after_text"] = value_words(after, section, f.field, *f.after);
  }
  if (f.before && f.after) {
    out["text"] = what + " changed from " + out["before_text"].get<std::string>() + " to " +
                  out["after_text"].get<std::string>();
  } else if (f.after) {
    out["text"] = what + " set to " + out["after_text"].get<std::string>();
  } else {
    out["text"] = what + " removed (was " + out["before_text"].get<std::string>() + ")";
  }
  return out;
}

json change_json(const ItemChange& c, const json& before, const json& after) {
  const json& document = c.change == "removed" ? before : after;
  const std::string name = item_name(document, c.section, c.id);
  json out = {{"section", c.section}, {"kind", kind_of(c.section)}, {"id", c.id},
              {"name", name},         {"change", c.change},         {"pointer", c.pointer}};
  std::string kind(kind_of(c.section));
  kind[0] = static_cast<char>(kind[0] - 'a' + 'A');
  if (c.change == "added") out["text"] = kind + " added: " + name;
  if (c.change == "removed") out["text"] = kind + " removed: " + name;
  if (c.change == "changed") {
    const std::string owner = owner_words(c.section, name);
    out["text"] = (c.section == "map" ? std::string("The map") : kind + " " + name) + " changed";
    json fields = json::array();
    for (const auto& f : c.fields) fields.push_back(field_json(f, c.section, owner, before, after));
    out["fields"] = std::move(fields);
  }
  return out;
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

std::vector<ItemChange> item_changes(const json& before, const json& after) {
  std::vector<ItemChange> out;
  const auto map_of = [](const json& d) -> const json* {
    const auto it = d.find("map");
    return it == d.end() ? nullptr : &*it;
  };
  const json* old_map = map_of(before);
  const json* new_map = map_of(after);
  if ((old_map == nullptr) != (new_map == nullptr) ||
      (old_map != nullptr && *old_map != *new_map)) {
    ItemChange c{"map", "", "changed", "/map", {}};
    field_changes(old_map, new_map, "", "/map", c.fields);
    out.push_back(std::move(c));
  }
  const DocumentDiff diff = diff_documents(before, after);
  for (const auto& s : diff.sections) {
    const auto old_index = index_of(before, s.section);
    const auto new_index = index_of(after, s.section);
    const auto pointer = [&](const std::map<std::string, std::size_t>& index,
                             const std::string& key) {
      return "/" + s.section + "/" + std::to_string(index.at(key));
    };
    for (const auto& k : s.added) out.push_back({s.section, k, "added", pointer(new_index, k), {}});
    for (const auto& k : s.changed) {
      ItemChange c{s.section, k, "changed", pointer(new_index, k), {}};
      field_changes(find_item(before, s.section, k), find_item(after, s.section, k), "", c.pointer,
                    c.fields);
      out.push_back(std::move(c));
    }
    for (const auto& k : s.removed) {
      out.push_back({s.section, k, "removed", pointer(old_index, k), {}});
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
  json changes = json::array();
  for (const auto& c : item_changes(before, after))
    changes.push_back(change_json(c, before, after));
  out["changes"] = std::move(changes);
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
