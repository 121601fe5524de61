// The API's routes, one file per resource; api.cpp holds the table that names them. Each
// handler gets what the routes share and, behind the session check, the logged-in caller.
#pragma once

#include <string>

#include "render/render.hpp"
#include "server/access.hpp"
#include "server/api.hpp"
#include "server/cache.hpp"
#include "server/live.hpp"
#include "server/map_history.hpp"
#include "server/map_layouts.hpp"
#include "server/render_gate.hpp"
#include "server/router.hpp"
#include "server/sessions.hpp"

namespace peermap::server::routes {

//! What the routes share: the store and the units over it.
struct RouteContext {
  store::Store& store;
  const ApiOptions& options;
  AuditTrail& audit;
  Sessions& sessions;
  MapHistory& history;
  ByteBoundedCache<std::string>& drawings;  //!< rendered drawings of immutable revisions
  LiveUpdates& live;                        //!< the maps' event streams
  MapLayouts& layouts;                      //!< the pages drawn from, laid out stably
  RenderGate& renders;                      //!< the bound on drawing: slots and budgets
};

// session.cpp: /api/session
Response login(RouteContext& ctx, const Request& request);
Response read_session(RouteContext& ctx, const Request& request, const Params& params,
                      const Caller& caller);
Response logout(RouteContext& ctx, const Request& request, const Params& params,
                const Caller& caller);

// maps.cpp: /api/maps and /api/maps/{id}
Response list_maps(RouteContext& ctx, const Request& request, const Params& params,
                   const Caller& caller);
Response create_map(RouteContext& ctx, const Request& request, const Params& params,
                    const Caller& caller);
Response read_map(RouteContext& ctx, const Request& request, const Params& params,
                  const Caller& caller);
Response put_map(RouteContext& ctx, const Request& request, const Params& params,
                 const Caller& caller);
// map_patch.cpp: PATCH /api/maps/{id}
Response patch_map(RouteContext& ctx, const Request& request, const Params& params,
                   const Caller& caller);

// revisions.cpp: /api/maps/{id}/revisions[/{n}]
Response list_revisions(RouteContext& ctx, const Request& request, const Params& params,
                        const Caller& caller);
Response read_revision(RouteContext& ctx, const Request& request, const Params& params,
                       const Caller& caller);

// diff.cpp: /api/maps/{id}/diff
Response diff_revisions(RouteContext& ctx, const Request& request, const Params& params,
                        const Caller& caller);

// drawings.cpp: /api/maps/{id}/map.svg, .png, .pdf
Response render_map(RouteContext& ctx, const Request& request, const Params& params,
                    const Caller& caller, render::Format format);

// exports.cpp: /api/maps/{id}/record.pdf and /map.pptx (the case record and the editable
// PowerPoint, or a copy of either for an audience)
Response export_record(RouteContext& ctx, const Request& request, const Params& params,
                       const Caller& caller);
Response export_pptx(RouteContext& ctx, const Request& request, const Params& params,
                     const Caller& caller);

// layout.cpp: /api/maps/{id}/layout
Response map_layout(RouteContext& ctx, const Request& request, const Params& params,
                    const Caller& caller);

// relayout.cpp: POST /api/maps/{id}/relayout (a tidy revision: the whole map laid out afresh)
Response relayout_map(RouteContext& ctx, const Request& request, const Params& params,
                      const Caller& caller);

// analysis.cpp: /api/maps/{id}/analysis (what `peermap analyze --json` reports)
Response map_analysis(RouteContext& ctx, const Request& request, const Params& params,
                      const Caller& caller);

// members.cpp: /api/maps/{id}/members
Response list_members(RouteContext& ctx, const Request& request, const Params& params,
                      const Caller& caller);
Response add_member(RouteContext& ctx, const Request& request, const Params& params,
                    const Caller& caller);
Response remove_member(RouteContext& ctx, const Request& request, const Params& params,
                       const Caller& caller);
//! A small JSON object body (members, team): the 415, 413, 400 or 422 in `refusal`, audited as
//! `action` on map `id`, when it is not one.
std::optional<nlohmann::json> small_json_body(RouteContext& ctx, const Request& request,
                                              const Caller& caller, const std::string& action,
                                              const std::string& id, Response& refusal);

// team.cpp: PUT /api/maps/{id}/team (a manager moves the map to another team)
Response move_map(RouteContext& ctx, const Request& request, const Params& params,
                  const Caller& caller);

// events.cpp: /api/maps/{id}/events (server-sent events)
Response map_events(RouteContext& ctx, const Request& request, const Params& params,
                    const Caller& caller);

// audit.cpp: /api/maps/{id}/audit
Response read_audit(RouteContext& ctx, const Request& request, const Params& params,
                    const Caller& caller);

// openapi.cpp: /api/openapi.json
Response openapi(const Request& request, const Params& params);

// workspace.cpp: the browser workspace's page ("/", "/sign-in", "/maps", "/maps/new",
// "/maps/{id}") with the council's name written in, and its embedded /assets/.
Response workspace_page(RouteContext& ctx, const Request& request, const Params& params);
//! The page under the prefix "/maps/": for a map id (and below it) only, else the 404.
Response workspace_map_page(RouteContext& ctx, const Request& request, const Params& params);
Response workspace_asset(const Request& request, const Params& params);

// Shared by the drawing, layout and analysis routes (drawings.cpp).

//! A revision of map `id` (from MapHistory::revision) through `view`, laid out as
//! map_layouts.hpp says (from the positions of the revision before, unless it is a tidy
//! revision). A layout not made yet takes `budget`'s slot first and runs within its time.
//! NotFound when the view's ecomap centre is not on the map; Invalid when the map is larger
//! than RenderLimits::max_items; Unavailable when no slot is free or the time ran out;
//! Internal when the revision does not validate or cannot be laid out.
Result<LaidOut> laid_out_page(RouteContext& ctx, const std::string& id,
                              const std::shared_ptr<const store::Revision>& revision,
                              const model::View& view, RenderBudget& budget);
//! The answer to laid_out_page's or a drawing's failure, audited as `action` on revision
//! `revision` of map `id`: the ecomap parameter's 422, the too-large 422, the 503 with
//! Retry-After (outcome "busy" or "over-budget"), else a 500.
Response drawing_failed(RouteContext& ctx, const Request& request, const Caller& caller,
                        const std::string& action, const std::string& id, std::int64_t revision,
                        const RenderBudget& budget, const Error& error);
//! Sets `text` (cached under `key`) as the body, gzip-compressed when the request accepts it
//! (the compressed text cached under key + "#gzip"), with Vary: Accept-Encoding.
void set_compressible_body(RouteContext& ctx, const Request& request, Response& response,
                           const std::string& key, std::shared_ptr<const std::string> text);

// Shared by the map routes (maps.cpp).

//! If-Match against the map's head: nullopt when it names the head, else the 428 or the 412
//! (audited; a 412 discloses the current revision, so it needs its row like any read).
std::optional<Response> check_if_match(RouteContext& ctx, const Request& request,
                                       const Caller& caller, const store::MapRecord& map,
                                       const std::string& action);
//! The answer to an edit that changes nothing: 200 naming the head, which stays the head (no
//! revision is made), audited as `action` with outcome "unchanged".
Response unchanged(RouteContext& ctx, const Request& request, const Caller& caller,
                   const store::MapRecord& map, const std::string& action, nlohmann::json warnings);
//! The 412 of a map whose head moved, with the current revision (or the 500).
Response precondition_failed(RouteContext& ctx, const std::string& id);
//! Stores `next` after map.head: 200 with the new number in `saved`, or the 412 (audited) when
//! someone else saved first, or the error. A stored revision is published to the map's event
//! streams with `change` (change_phrase()) as what was done.
Response save(RouteContext& ctx, const Request& request, const Caller& caller,
              const store::MapRecord& map, const store::Revision& next, const std::string& action,
              nlohmann::json warnings, const std::string& change, std::int64_t* saved = nullptr);

}  // namespace peermap::server::routes
