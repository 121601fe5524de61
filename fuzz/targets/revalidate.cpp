// model::revalidate after a JSON Patch inside items, as PATCH /api/maps/{id} does it on a
// working copy of examples/peer-group.json: whenever revalidate answers, its answer must be
// exactly the whole validation's (validate_tree), and restoring the touched items must give
// the working copy back unchanged. The input is the patch's JSON text.
#include <cstddef>
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "model/json_io.hpp"
#include "model/revalidate.hpp"
#include "server/json_patch.hpp"
#include "server/request_parsing.hpp"

namespace {

using json = nlohmann::json;

struct WorkingCopy {
  json tree;
  json original;
  std::vector<peermap::model::Problem> problems;
};

WorkingCopy& working_copy() {
  static WorkingCopy copy = [] {
    WorkingCopy made;
    made.tree = peermap::fuzz::example_tree("peer-group.json");
    made.original = made.tree;
    made.problems =
        peermap::model::validate_tree(made.tree, peermap::fuzz::fixed_options()).problems;
    return made;
  }();
  return copy;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace peermap;
  const auto text = fuzz::text_of(data, size);
  // What patch_of() in server/routes/map_patch.cpp lets through.
  if (server::nesting_depth(text) > server::kMaxJsonDepth) return 0;
  const json patch = json::parse(text, nullptr, false);
  if (patch.is_discarded() || !patch.is_array() || patch.size() > server::kMaxPatchOperations) {
    return 0;
  }
  WorkingCopy& work = working_copy();
  auto touched = server::items_touched(patch, work.tree);
  if (!touched) return 0;
  const auto options = fuzz::fixed_options();
  if (!server::apply_patch(patch, work.tree) && !server::items_unchanged(work.tree, *touched)) {
    std::vector<model::ItemBefore> edited;
    for (const auto& [item, value] : *touched) edited.push_back({item, value});
    const auto quick = model::revalidate(work.problems, work.tree, edited, options);
    if (quick) {
      const auto whole = model::validate_tree(work.tree, options);
      if (fuzz::listing(*quick) != fuzz::listing(whole.problems)) {
        fuzz::broken("revalidate gives exactly the whole validation's problems",
                     "revalidate:\n" + fuzz::listing(*quick) + "validate_tree:\n" +
                         fuzz::listing(whole.problems));
      }
    }
  }
  server::restore_items(work.tree, *touched);
  if (work.tree != work.original) {
    fuzz::broken("restoring the touched items undoes a patch inside items");
  }
  return 0;
}
