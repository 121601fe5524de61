// "Compare with the last review": what changed between two revisions of a map, section by
// section (people, ties, information, ...), by id: added, removed, changed; and for a changed
// item, down to the field, in words ("Jordan Reed's date of birth changed from 3 March 2009 to
// 3 April 2009").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace peermap::server {

struct SectionDiff {
  std::string section;                               // "people", "ties", ...
  std::vector<std::string> added, removed, changed;  // ids, in document order
};

struct DocumentDiff {
  bool map_changed = false;           // the "map" object (title, status, dates, ...)
  std::vector<SectionDiff> sections;  // only sections with a change
};

//! One field of an item that changed. Objects (a grading, a source, exploitation) are followed
//! down to their fields; arrays (known-as names, `about`, attendees) are one field each.
struct FieldChange {
  std::string field;    //!< the path inside the item: "date_of_birth", "grading/source"
  std::string pointer;  //!< JSON pointer in the later revision (in the earlier when removed)
  std::optional<nlohmann::json> before, after;  //!< nullopt: the field was not there
};

//! An item added, removed or changed, with its changed fields. The map's own object is the
//! item of section "map" (id empty).
struct ItemChange {
  std::string section;  //!< "map", "people", "ties", ...
  std::string id;       //!< the item's key (a pin's or an ecomap's person)
  std::string change;   //!< "added", "removed" or "changed"
  std::string pointer;  //!< "/people/3" in the later revision (in the earlier when removed)
  std::vector<FieldChange> fields;  //!< for "changed" only, by field name
};

//! Every item added, removed or changed between two valid peermap/1 documents, the map first,
//! then section by section in document order (added, changed, then removed). O(n log n) in the
//! items, plus the size of the changed ones.
std::vector<ItemChange> item_changes(const nlohmann::json& before, const nlohmann::json& after);

//! Diff of two valid peermap/1 documents (parsed JSON).
DocumentDiff diff_documents(const nlohmann::json& before, const nlohmann::json& after);

//! The diff as JSON: {"map_changed":b,"people":{"added":[{"id","label"}],...},...}; labels are
//! the item's name (people, places, groups) or id; ties carry their two ends' names. "changes"
//! holds item_changes in words (docs/api.md, "Comparing revisions").
nlohmann::json diff_to_json(const DocumentDiff& diff, const nlohmann::json& before,
                            const nlohmann::json& after);

//! One line for a revision: "2 people added, 1 tie changed" ("no change" when nothing did).
std::string diff_summary(const DocumentDiff& diff);

}  // namespace peermap::server
