// PATCH /api/maps/{id}: an RFC 6902 JSON Patch applied to the map's working copy (docs/api.md
// "How a PATCH is made fast"), validated, and stored as the patch or as the whole document.
#include "model/json_io.hpp"
#include "model/json_pointer.hpp"
#include "model/revalidate.hpp"
#include "server/change_words.hpp"
#include "server/diff.hpp"
#include "server/json_patch.hpp"
#include "server/request_parsing.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace peermap::server::routes {
namespace {

using json = nlohmann::json;

constexpr const char* kAction = "map.patch";

//! The patch in the request body, checked as a list of at most kMaxPatchOperations; nullopt
//! with the refusal (not yet audited) in `error`.
std::optional<json> patch_of(const Request& request, Response& error) {
  if (!content_type_is(request, "application/json-patch+json")) {
    error = error_response(415, "send a JSON Patch (RFC 6902) as application/json-patch+json");
    return std::nullopt;
  }
  auto patch = parse_json_body(request, error);
  if (!patch) return std::nullopt;
  if (!patch->is_array()) {
    error = field_error("", "a JSON Patch is an array of operations");
    return std::nullopt;
  }
  if (patch->size() > kMaxPatchOperations) {
    error = field_error(
        "", "a patch has at most " + std::to_string(kMaxPatchOperations) + " operations");
    return std::nullopt;
  }
  return patch;
}

}  // namespace

Response patch_map(RouteContext& ctx, const Request& request, const Params& params,
                   const Caller& caller) {
  const std::string& id = params.at("id");
  Response refusal;
  auto map = visible_map(ctx.store, ctx.audit, request, caller.user, id, kAction, refusal);
  if (!map) return refusal;
  if (auto failed = check_if_match(ctx, request, caller, *map, kAction)) return *failed;
  const auto refuse = [&](Response response) {
    return refused(ctx.audit, request, caller.user, kAction, id, map->head, std::move(response));
  };
  Response error;
  auto patch = patch_of(request, error);
  if (!patch) return refuse(std::move(error));
  const auto parse = ctx.history.parse_options();
  auto copy = ctx.history.take_working_copy(id, map->head, parse);
  if (!copy) return internal_error();
  WorkingCopy& work = *copy.value();
  json& tree = work.tree;
  // An edit that stays inside items (a person, a tie, the map...) is made in place on the
  // working copy, with each touched item saved first so a refused patch can be undone, and is
  // validated item by item. Any other edit (adding or removing an item, say) works on a copy.
  auto touched = items_touched(*patch, tree);
  const bool in_items = touched.has_value();
  std::optional<json> before_whole;
  if (!in_items) before_whole = tree;
  // Puts the working copy back as it was, for the next edit.
  const auto undo = [&] {
    if (before_whole) {
      tree = std::move(*before_whole);
    } else {
      restore_items(tree, *touched);
    }
    ctx.history.put_working_copy(id, map->head, std::move(copy.value()));
  };
  if (auto failure = apply_patch(*patch, tree)) {
    undo();
    return refuse(field_error(std::move(failure->pointer), std::move(failure->message)));
  }
  // A patch that changes nothing ([], a "test", a value replaced by itself) makes no revision.
  if (before_whole ? *before_whole == tree : items_unchanged(tree, *touched)) {
    undo();
    return unchanged(ctx, request, caller, *map, kAction, warnings_json(work.problems));
  }
  // Validation: only the touched items when nothing else can be affected, else all of it.
  std::optional<std::vector<model::Problem>> problems;
  if (in_items) {
    std::vector<model::ItemBefore> edited;
    edited.reserve(touched->size());
    for (const auto& [item, value] : *touched) edited.push_back({item, value});
    problems = model::revalidate(work.problems, tree, edited, parse);
  }
  if (!problems) {
    auto outcome = model::validate_tree(tree, parse);
    if (outcome.has_errors()) {
      undo();
      Response invalid = invalid_document(outcome.problems);
      ctx.audit.record_refusal(request.remote, &caller.user, kAction, id, map->head, "invalid",
                               invalid.status);
      return invalid;
    }
    problems = std::move(outcome.problems);
  }
  // What changed, and the size of the result (a document may not outgrow the body limit).
  ItemsEdit change;
  std::string whole_text;
  if (before_whole) {
    change.diff = diff_documents(*before_whole, tree);
    change.summary = diff_summary(change.diff);
    whole_text = tree.dump(2);
    change.text_bytes = whole_text.size();
  } else {
    change = describe_items_edit(tree, *touched, work.text_bytes);
  }
  if (change.text_bytes > ctx.options.max_body_bytes) {
    undo();
    return refuse(field_error("", "the map would be larger than " +
                                      std::to_string(ctx.options.max_body_bytes >> 20u) +
                                      " MiB, the limit"));
  }
  const std::string patch_text = patch->dump();
  const std::string phrase = change_phrase(change.diff);
  const store::Revision next =
      ctx.history.patch_revision(caller.user, work, tree, std::move(change.summary), patch_text,
                                 std::move(whole_text), change.text_bytes);
  std::int64_t saved = 0;
  Response response =
      save(ctx, request, caller, *map, next, kAction, warnings_json(*problems), phrase, &saved);
  if (saved == 0) return response;  // not stored: the working copy is stale or unsure
  ctx.history.remember_saved(id, saved, next, tree);  // the drawing is asked for next
  MapHistory::note_saved(work, next, change.text_bytes, patch_text.size(), std::move(*problems));
  ctx.history.put_working_copy(id, saved, std::move(copy.value()));
  return response;
}

}  // namespace peermap::server::routes
