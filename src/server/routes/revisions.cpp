// /api/maps/{id}/revisions and /api/maps/{id}/revisions/{n}: the history of a map.
#include "server/request_parsing.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace peermap::server::routes {

using json = nlohmann::json;

Response list_revisions(RouteContext& ctx, const Request& request, const Params& params,
                        const Caller& caller) {
  const std::string& id = params.at("id");
  Response refusal;
  auto map = visible_map(ctx.store, ctx.audit, request, caller.user, id, "map.revisions", refusal);
  if (!map) return refusal;
  auto list = ctx.store.revisions(id);
  if (!list) return internal_error();
  json out = json::array();
  for (const auto& info : list.value()) {
    out.push_back({{"revision", info.number},
                   {"author", info.author},
                   {"author_name", info.author_name.empty() ? info.author : info.author_name},
                   {"created_at", iso_time(info.created_at)},
                   {"summary", info.summary}});
  }
  if (!ctx.audit.record(request.remote, &caller.user, "map.revisions", id, 0, "ok", 200)) {
    return audit_unavailable();
  }
  return json_response(200, {{"id", id}, {"revisions", out}});
}

Response read_revision(RouteContext& ctx, const Request& request, const Params& params,
                       const Caller& caller) {
  const std::string& id = params.at("id");
  const std::string action = "map.revision.read";
  Response refusal;
  auto map = visible_map(ctx.store, ctx.audit, request, caller.user, id, action, refusal);
  if (!map) return refusal;
  const auto number = parse_number(params.at("n"));
  if (!number || *number < 1 || *number > map->head) {
    ctx.audit.record_refusal(request.remote, &caller.user, action, id, 0, "not-found", 404);
    return not_found();
  }
  auto revision = ctx.history.revision(id, *number);
  if (!revision) return internal_error();
  if (!ctx.audit.record(request.remote, &caller.user, action, id, *number, "ok", 200)) {
    return audit_unavailable();
  }
  Response r;
  r.shared_body = std::shared_ptr<const std::string>(revision.value(), &revision.value()->document);
  r.set_header("X-Peermap-Revision", std::to_string(*number));
  return r;
}

}  // namespace peermap::server::routes
