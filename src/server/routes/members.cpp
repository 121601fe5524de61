// /api/maps/{id}/members and /api/maps/{id}/team: who besides the team may open a map, letting
// someone in or out, and giving the map to another team. Each change and its audit row are
// written in one transaction.
#include "server/request_parsing.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace peermap::server::routes {

using json = nlohmann::json;

namespace {

//! A member as the list shows them: the account, and who added them when (null when the
//! database does not know: members added before it recorded that).
json member_json(const store::MapMember& member) {
  json out = {{"username", member.username},
              {"team", member.team},
              {"role", std::string(store::role_text(member.role))},
              {"added_by", nullptr},
              {"added_at", nullptr}};
  if (!member.added_by_name.empty()) out["added_by"] = member.added_by_name;
  if (member.added_at != 0) out["added_at"] = iso_time(member.added_at * 1000);
  return out;
}

}  // namespace

std::optional<json> small_json_body(RouteContext& ctx, const Request& request, const Caller& caller,
                                    const std::string& action, const std::string& id,
                                    Response& refusal) {
  const auto refuse = [&](Response response) {
    refusal = refused(ctx.audit, request, caller.user, action, id, 0, std::move(response));
    return std::nullopt;
  };
  if (!content_type_is(request, "application/json")) {
    return refuse(error_response(415, "the body must be application/json"));
  }
  if (request.body.size() > kMaxSmallBody) {
    return refuse(error_response(413, "at most " + std::to_string(kMaxSmallBody) + " bytes"));
  }
  Response error;
  auto body = parse_json_body(request, error);
  if (!body) return refuse(std::move(error));
  if (!body->is_object()) return refuse(field_error("", "expected an object"));
  return body;
}

Response list_members(RouteContext& ctx, const Request& request, const Params& params,
                      const Caller& caller) {
  const std::string& id = params.at("id");
  Response refusal;
  auto map =
      visible_map(ctx.store, ctx.audit, request, caller.user, id, "map.members.read", refusal);
  if (!map) return refusal;
  auto members = ctx.store.members(id);
  if (!members) return internal_error();
  json list = json::array();
  for (const auto& member : members.value()) list.push_back(member_json(member));
  std::string owner;
  if (auto user = ctx.store.user_by_id(map->created_by)) owner = user->username;
  if (!ctx.audit.record(request.remote, &caller.user, "map.members.read", id, 0, "ok", 200)) {
    return audit_unavailable();
  }
  return json_response(200, {{"id", id}, {"team", map->team}, {"owner", owner}, {"members", list}});
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
  auto body = small_json_body(ctx, request, caller, action, id, refusal);
  if (!body) return refusal;
  const auto refuse = [&](Response response) {
    return refused(ctx.audit, request, caller.user, action, id, 0, std::move(response));
  };
  const auto username = body->find("username");
  if (username == body->end() || !username->is_string()) {
    return refuse(field_error("/username", "a string is required"));
  }
  auto user = ctx.store.user_by_name(username->get<std::string>());
  if (!user || user->disabled) return refuse(field_error("/username", "no such active user"));
  // Admins manage accounts and see no map (guidance §5): never a member either.
  if (user->role == store::AccountRole::admin) {
    return refuse(field_error("/username", "an admin cannot be a member of a map"));
  }
  // The member and the row are one write: a member is never let in without the trail saying so.
  const auto entry = ctx.audit.entry(request.remote, &caller.user, action, id, 0, "ok", 200);
  if (!ctx.store.add_member(id, user->id, caller.user.id, entry.at / 1000, entry)) {
    return audit_unavailable();
  }
  return json_response(200, {{"id", id}, {"added", user_json(user.value())}});
}

Response remove_member(RouteContext& ctx, const Request& request, const Params& params,
                       const Caller& caller) {
  const std::string& id = params.at("id");
  const std::string action = "map.members.remove";
  Response refusal;
  auto map = visible_map(ctx.store, ctx.audit, request, caller.user, id, action, refusal);
  if (!map) return refusal;
  if (!may_add_members(caller.user, *map)) {
    ctx.audit.record_refusal(request.remote, &caller.user, action, id, 0, "refused", 403);
    return error_response(403, "only the map's owner or a manager of its team removes members");
  }
  const auto user = ctx.store.user_by_name(params.at("username"));
  const bool member =
      user && std::find(map->members.begin(), map->members.end(), user->id) != map->members.end();
  if (!member) {
    ctx.audit.record_refusal(request.remote, &caller.user, action, id, 0, "not-found", 404);
    return error_response(404, "no such member of this map");
  }
  const auto entry = ctx.audit.entry(request.remote, &caller.user, action, id, 0, "ok", 200);
  if (auto removed = ctx.store.remove_member(id, user->id, entry); !removed) {
    if (removed.error().kind != ErrorKind::NotFound) return audit_unavailable();
    // Removed by someone else in between: the answer is the same as for no such member.
    ctx.audit.record_refusal(request.remote, &caller.user, action, id, 0, "not-found", 404);
    return error_response(404, "no such member of this map");
  }
  return json_response(200, {{"id", id}, {"removed", user_json(user.value())}});
}

}  // namespace peermap::server::routes
