// JSON Patch application (server/json_patch.*) on a copy of examples/ecomap-child.json: any
// patch is applied or refused within the bounds (depth, copies, operations), never crashes,
// and what it reports of the result agrees with the result. The input is the patch's JSON text.
#include <cstddef>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "server/json_patch.hpp"
#include "server/request_parsing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace peermap;
  using json = nlohmann::json;
  static const json original = fuzz::example_tree("ecomap-child.json");
  static const std::size_t original_bytes = original.dump(2).size();
  const auto text = fuzz::text_of(data, size);
  if (server::nesting_depth(text) > server::kMaxJsonDepth) return 0;
  const json patch = json::parse(text, nullptr, false);
  if (patch.is_discarded() || !patch.is_array() || patch.size() > server::kMaxPatchOperations) {
    return 0;
  }
  json tree = original;
  auto touched = server::items_touched(patch, tree);
  const auto refusal = server::apply_patch(patch, tree);
  if (server::json_depth(tree, server::kMaxDocumentDepth + 2) > server::kMaxDocumentDepth + 1) {
    fuzz::broken("a patch never makes the document deeper than the bound");
  }
  if (refusal && !refusal->pointer.empty() && refusal->pointer.front() != '/') {
    fuzz::broken("a refusal names its operation by a JSON pointer", refusal->pointer);
  }
  if (!touched) return 0;
  if (!refusal && !server::items_unchanged(tree, *touched)) {
    // The size the server records for the new revision, item by item, is the written size.
    const auto edit = server::describe_items_edit(tree, *touched, original_bytes);
    if (edit.text_bytes != tree.dump(2).size()) {
      fuzz::broken("describe_items_edit gives the size of the written document");
    }
  }
  server::restore_items(tree, *touched);
  if (tree != original) fuzz::broken("restoring the touched items undoes a patch inside items");
  return 0;
}
