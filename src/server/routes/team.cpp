// PUT /api/maps/{id}/team: a manager of the map's team gives the map to another team (a child
// moves area, a case goes to another service). The move and its audit row are one write.
#include <algorithm>

#include "server/request_parsing.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace peermap::server::routes {

using json = nlohmann::json;

namespace {

//! Whether `team` has an active practitioner or manager: a map given to a team nobody works in
//! (a mistyped name) would be open to no one.
Result<bool> team_has_workers(store::Store& store, const std::string& team) {
  auto users = store.list_users();
  if (!users) return users.error();
  return std::any_of(users->begin(), users->end(), [&](const store::User& user) {
    return user.team == team && !user.disabled && user.role != store::AccountRole::admin;
  });
}

}  // namespace

Response move_map(RouteContext& ctx, const Request& request, const Params& params,
                  const Caller& caller) {
  const std::string& id = params.at("id");
  const std::string action = "map.move";
  Response refusal;
  auto map = visible_map(ctx.store, ctx.audit, request, caller.user, id, action, refusal);
  if (!map) return refusal;
  if (caller.user.role != store::AccountRole::manager || caller.user.team != map->team) {
    ctx.audit.record_refusal(request.remote, &caller.user, action, id, 0, "refused", 403);
    return error_response(403, "only a manager of the map's team moves it to another team");
  }
  auto body = small_json_body(ctx, request, caller, action, id, refusal);
  if (!body) return refusal;
  const auto refuse = [&](Response response) {
    return refused(ctx.audit, request, caller.user, action, id, 0, std::move(response));
  };
  const auto team = body->find("team");
  if (team == body->end() || !team->is_string() || team->get<std::string>().empty()) {
    return refuse(field_error("/team", "a team's name is required"));
  }
  const std::string to = team->get<std::string>();
  auto workers = team_has_workers(ctx.store, to);
  if (!workers) return internal_error();
  if (!workers.value())
    return refuse(field_error("/team", "no active practitioner or manager is in that team"));
  const auto entry = ctx.audit.entry(request.remote, &caller.user, action, id, 0, "ok", 200);
  if (!ctx.store.move_map(id, to, entry)) return audit_unavailable();
  return json_response(200, {{"id", id}, {"team", to}, {"from", map->team}});
}

}  // namespace peermap::server::routes
