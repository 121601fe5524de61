// Validation of a document that is already a parsed tree, whole or after a small edit.
//
// parse_document() reads text. The server keeps the newest revision of a busy map as a parsed
// tree and applies JSON Patches to it in place; these functions validate that tree without
// serialising and parsing it again, and, for an edit inside a few items, without reading the
// items the edit did not touch.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/json_io.hpp"

namespace peermap::model {

//! Validates a parsed document: the same problems parse_document() gives for its text.
[[nodiscard]] ParseOutcome validate_tree(const nlohmann::json& root, const ParseOptions& options);

//! One item of a document: the map ("map", index 0), or element `index` of a section.
struct EditedItem {
  std::string section;
  std::size_t index = 0;
  bool operator==(const EditedItem&) const = default;
};

//! The item a JSON pointer lies in ("/people/3/notes" and "/people/3" are in people 3,
//! "/map/purpose" in the map); nullopt for a pointer outside every item ("", "/people",
//! "/people/-", "/format").
[[nodiscard]] std::optional<EditedItem> edited_item(std::string_view pointer);

//! An item as it was before an edit.
struct ItemBefore {
  EditedItem item;
  const nlohmann::json& before;
};

//! The problems of `after_root`, a document in which only the `edited` items changed (each
//! listed once, none added, removed or moved), worked out from `before_problems`, the problems
//! of the document before the edit under the same `options`. It reads only the edited items.
//!
//! nullopt when that cannot give exactly what validate_tree(after_root) would, and the caller
//! must validate the whole tree: an edited item's ids, references, tie ends, map date or anything
//! else other items depend on changed; an edited item now has an error; or the document had
//! errors before.
[[nodiscard]] std::optional<std::vector<Problem>> revalidate(
    const std::vector<Problem>& before_problems, const nlohmann::json& after_root,
    const std::vector<ItemBefore>& edited, const ParseOptions& options);

}  // namespace peermap::model
