// /api/maps/{id}/members: who besides the team may open a map, and adding one.
#include "server/request_parsing.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace peermap::server::routes {

using json = nlohmann::json;

Response list_members(RouteContext& ctx, const Request& request, const Params& params,
                      const Caller& caller) {
  const std::string& id = params.at("id");
  Response refusal;
  auto map =
      visible_map(ctx.store, ctx.audit, request, caller.user, id, "map.members.read", refusal);
  if (!map) return refusal;
  json members = json::array();
  // A member whose account cannot be read is left out: the list is for display, and access is
  // decided from the map's record, not from it.
  for (const auto user_id : map->members) {
    if (auto user = ctx.store.user_by_id(user_id)) members.push_back(user_json(user.value()));
  }
  std::string owner;
  if (auto user = ctx.store.user_by_id(map->created_by)) owner = user->username;
  if (!ctx.audit.record(request.remote, &caller.user, "map.members.read", id, 0, "ok", 200)) {
    return audit_unavailable();
  }
  return json_response(200,
                       {{"id", id}, {"team", map->team}, {"owner", owner}, {"members", members}});
}

Response add_member(RouteContext& ctx, const Request& request, const Params& params,
                    const Caller& caller) {
  const std::string& id = params.at("id");
  const std::string action = "map.members.add";
  Response refusal;
  auto map = visible_map(ctx.store, ctx.audit, request, caller.user, id, action, refusal);
  if (!map) return refusal;
  if (!may_add_members(caller.user, *map)) {
    ctx.audit.record_refusal(request.remote, &caller.user, action, id, 0, "refused", 403);
    return error_response(403, "only the map's owner or a manager of its team adds members");
  }
  const auto refuse = [&](Response response) {
    return refused(ctx.audit, request, caller.user, action, id, 0, std::move(response));
  };
  if (request.body.size() > kMaxSmallBody) {
    return refuse(error_response(413, "at most " + std::to_string(kMaxSmallBody) + " bytes"));
  }
  Response error;
  auto body = parse_json_body(request, error);
  if (!body) return refuse(std::move(error));
  if (!body->is_object()) return refuse(field_error("", "expected an object with a username"));
  const auto username = body->find("username");
  if (username == body->end() || !username->is_string()) {
    return field_error("/username", "a string is required");
  }
  auto user = ctx.store.user_by_name(username->get<std::string>());
  if (!user || user->disabled) return refuse(field_error("/username", "no such active user"));
  if (!ctx.store.add_member(id, user->id)) return internal_error();
  // The member is added (the store has no add-with-audit transaction); without its row the
  // answer says nothing more, as for any access that cannot be audited.
  if (!ctx.audit.record(request.remote, &caller.user, action, id, 0, "ok", 200)) {
    return audit_unavailable();
  }
  return json_response(200, {{"id", id}, {"added", user_json(user.value())}});
}

}  // namespace peermap::server::routes
