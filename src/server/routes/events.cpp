// GET /api/maps/{id}/events: the map's live updates as server-sent events (server/live.hpp).
// Need-to-know as for reading the map (the same 404), and audited like a view (map.events).
#include "server/live.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace peermap::server::routes {

Response map_events(RouteContext& ctx, const Request& request, const Params& params,
                    const Caller& caller) {
  const std::string& id = params.at("id");
  const std::string action = "map.events";
  Response refusal;
  auto map = visible_map(ctx.store, ctx.audit, request, caller.user, id, action, refusal);
  if (!map) return refusal;
  if (!ctx.audit.record(request.remote, &caller.user, action, id, map->head, "ok", 200)) {
    return audit_unavailable();
  }
  // A stream outlives its request: it asks again, now and then, whether the session still
  // stands and the map is still the caller's to see (a sign-out, a disabled account).
  Request credentials;
  credentials.remote = request.remote;
  credentials.headers.emplace("cookie", request.header("cookie"));
  const std::int64_t user_id = caller.user.id;
  auto still_allowed = [&ctx, credentials = std::move(credentials), id, user_id] {
    Response ignored;
    auto again = ctx.sessions.authenticate(credentials, ignored);
    if (!again || again->user.id != user_id) return false;
    auto record = ctx.store.map_record(id);
    return record && access_to(again->user, record.value()) != MapAccess::None;
  };
  Response r;
  r.content_type = "text/event-stream";
  r.stream = ctx.live.open_stream(id, map->head, caller.user.username,
                                  std::string(store::display_name_or_username(caller.user)),
                                  std::move(still_allowed));
  // Proxies (nginx) must pass each event on at once rather than buffer the stream.
  r.set_header("X-Accel-Buffering", "no");
  return r;
}

}  // namespace peermap::server::routes
