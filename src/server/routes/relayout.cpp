// POST /api/maps/{id}/relayout: the whole map laid out afresh, when someone asks ("Tidy the
// whole map"). It is a revision like any other save (If-Match, audited, announced), with the
// document unchanged and kTidySummary as its summary, which tells the layouts to start from no
// earlier positions (map_layouts.hpp). So a tidy is on the record, with who and when, and every
// process draws the tidied revision the same way.
#include "server/request_parsing.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace peermap::server::routes {

Response relayout_map(RouteContext& ctx, const Request& request, const Params& params,
                      const Caller& caller) {
  const std::string& id = params.at("id");
  const std::string action = "map.relayout";
  Response refusal;
  auto map = visible_map(ctx.store, ctx.audit, request, caller.user, id, action, refusal);
  if (!map) return refusal;
  if (auto failed = check_if_match(ctx, request, caller, *map, action)) return *failed;
  auto head = ctx.history.revision(id, map->head);
  if (!head) return internal_error();
  const store::Revision next = ctx.history.make_revision(
      caller.user, head.value()->title, head.value()->document, std::string(kTidySummary));
  return save(ctx, request, caller, *map, next, action, nlohmann::json::array(),
              "tidied the whole map");
}

}  // namespace peermap::server::routes
