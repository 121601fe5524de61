// JSON Patch (RFC 6902) on a document tree: what a patch would cost and touch, bounded before
// it is applied, and applied one operation at a time so a refusal names its operation.
// docs/api.md "How a PATCH is made fast" has why the touched items matter.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/json_io.hpp"
#include "model/json_pointer.hpp"
#include "model/revalidate.hpp"
#include "server/diff.hpp"

namespace peermap::server {

//! Operations in one JSON Patch.
constexpr std::size_t kMaxPatchOperations = 10'000;
//! As deep as a peermap/1 document may be (model::ParseOptions::max_depth).
constexpr std::size_t kMaxDocumentDepth = 32;
//! The most a JSON Patch may copy in all, by copy_cost() (a 200-person map costs about 22,000).
constexpr std::size_t kMaxCopiedNodes = 1'000'000;

//! What copying a JSON value costs, counting no further than `limit`: one for each value, and
//! one more for every 64 bytes of its text (strings and keys), so that copying one long string
//! many times costs what it takes. O(min(size, limit)).
std::size_t copy_cost(const nlohmann::json& root, std::size_t limit);

//! The length of `value` as it is written inside a document by dump(2), `depth` levels in: its
//! own dump(2) with every line after the first indented by 2 * depth more spaces.
std::size_t text_size_at(const nlohmann::json& value, std::size_t depth);

//! The depth of a JSON tree (a scalar is 0, [] is 1), counting no further than `limit`.
std::size_t json_depth(const nlohmann::json& root, std::size_t limit);

//! Items a patch changes, each with its value before the patch.
using TouchedItems = std::vector<std::pair<model::EditedItem, nlohmann::json>>;

//! The items a JSON Patch changes, each with its value before the patch, when every operation
//! stays inside existing items (a person's notes, the map's purpose, a whole item replaced);
//! nullopt when an operation adds, removes or moves an item, or reaches outside every item.
std::optional<TouchedItems> items_touched(const nlohmann::json& patch, const nlohmann::json& tree);

//! Why an operation was refused: the pointer into the patch ("/3", "/3/from") and the reason.
struct PatchRefusal {
  std::string pointer;
  std::string message;
};

//! Applies a JSON Patch to `tree` one operation at a time; the refusal of the first operation
//! that cannot be applied (`tree` may then be partly changed). Bounded before each operation is
//! applied: the document's depth (the library copies and writes recursively), and what "copy"
//! and "move" duplicate and "test" compares (copying a copy doubles it).
std::optional<PatchRefusal> apply_patch(const nlohmann::json& patch, nlohmann::json& tree);

//! Whether every touched item in `tree` still equals its value before the patch.
bool items_unchanged(const nlohmann::json& tree, const TouchedItems& touched);

//! Puts the touched items' values before the patch back into `tree` (moved out of `touched`).
void restore_items(nlohmann::json& tree, TouchedItems& touched);

//! What an in-item patch changed: the items, the revision's summary, and the new size of the
//! document's text from its size before (`text_bytes`), item by item.
struct ItemsEdit {
  DocumentDiff diff;
  std::string summary;
  std::size_t text_bytes = 0;
};
ItemsEdit describe_items_edit(const nlohmann::json& tree, const TouchedItems& touched,
                              std::size_t text_bytes);

}  // namespace peermap::server
