// /api/maps/{id}/audit: every access to a map, oldest first, for those who may open it.
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace peermap::server::routes {

using json = nlohmann::json;

Response read_audit(RouteContext& ctx, const Request& request, const Params& params,
                    const Caller& caller) {
  const std::string& id = params.at("id");
  Response refusal;
  auto map = visible_map(ctx.store, ctx.audit, request, caller.user, id, "map.audit.read", refusal);
  if (!map) return refusal;
  if (!ctx.audit.record(request.remote, &caller.user, "map.audit.read", id, 0, "ok", 200)) {
    return audit_unavailable();
  }
  auto rows = ctx.store.audit_of_map(id);
  if (!rows) return internal_error();
  json out = json::array();
  for (const auto& row : rows.value()) {
    out.push_back({{"at", iso_time(row.at)},
                   {"username", row.username},
                   {"action", row.action},
                   {"revision", row.revision},
                   {"outcome", row.outcome},
                   {"status", row.status},
                   {"source", row.source},
                   {"detail", row.detail}});
  }
  return json_response(200, {{"id", id}, {"entries", out}});
}

}  // namespace peermap::server::routes
