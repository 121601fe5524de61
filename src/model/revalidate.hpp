// Validation of a parsed document after a small edit, without reading the items the edit did
// not touch. The server applies JSON Patches to a busy map's tree in place and checks them
// with this; validate_tree() (json_io.hpp) is the whole validation it must agree with.
#pragma once

#include <optional>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/json_io.hpp"
#include "model/json_pointer.hpp"
#include "model/problems.hpp"

namespace peermap::model {

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
