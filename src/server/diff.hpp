// "Compare with the last review": what changed between two revisions of a map, section by
// section (people, ties, information, ...), by id: added, removed, changed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace peermap::server {

struct SectionDiff {
  std::string section;                               // "people", "ties", ...
  std::vector<std::string> added, removed, changed;  // ids, in document order
};

struct DocumentDiff {
  bool map_changed = false;           // the "map" object (title, status, dates, ...)
  std::vector<SectionDiff> sections;  // only sections with a change
};

//! Diff of two valid peermap/1 documents (parsed JSON).
DocumentDiff diff_documents(const nlohmann::json& before, const nlohmann::json& after);

//! The diff as JSON: {"map_changed":b,"people":{"added":[{"id","label"}],...},...}; labels are
//! the item's name (people, places, groups) or id; ties carry their two ends' names.
nlohmann::json diff_to_json(const DocumentDiff& diff, const nlohmann::json& before,
                            const nlohmann::json& after);

//! One line for a revision: "2 people added, 1 tie changed" ("no change" when nothing did).
std::string diff_summary(const DocumentDiff& diff);

}  // namespace peermap::server
