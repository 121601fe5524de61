// /api/maps/{id}/diff?from=A&to=B: what changed between two revisions.
#include "server/diff.hpp"

#include "server/request_parsing.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace peermap::server::routes {

using json = nlohmann::json;

Response diff_revisions(RouteContext& ctx, const Request& request, const Params& params,
                        const Caller& caller) {
  const std::string& id = params.at("id");
  const std::string action = "map.diff";
  Response refusal;
  auto map = visible_map(ctx.store, ctx.audit, request, caller.user, id, action, refusal);
  if (!map) return refusal;
  std::int64_t to = map->head;
  std::int64_t from = std::max<std::int64_t>(1, map->head - 1);
  for (const auto& [name, target] :
       {std::pair<const char*, std::int64_t*>{"from", &from}, {"to", &to}}) {
    if (const auto* value = request.param(name)) {
      const auto number = parse_number(*value);
      if (!number || *number < 1 || *number > map->head) {
        return refused(
            ctx.audit, request, caller.user, action, id, 0,
            parameter_error(name, "a revision number from 1 to " + std::to_string(map->head)));
      }
      *target = *number;
    }
  }
  auto a = ctx.history.revision(id, from);
  auto b = ctx.history.revision(id, to);
  if (!a || !b) return internal_error();
  json before;
  json after;
  try {
    before = json::parse(a.value()->document);
    after = json::parse(b.value()->document);
  } catch (const json::exception&) {
    return internal_error();
  }
  const auto d = diff_documents(before, after);
  json out = diff_to_json(d, before, after);
  out["id"] = id;
  out["from"] = from;
  out["to"] = to;
  out["summary"] = diff_summary(d);
  if (!ctx.audit.record(request.remote, &caller.user, action, id, to, "ok", 200)) {
    return audit_unavailable();
  }
  return json_response(200, out);
}

}  // namespace peermap::server::routes
