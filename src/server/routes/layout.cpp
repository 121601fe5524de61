// /api/maps/{id}/layout: the head's geometry and where map.svg's page puts it, so the workspace
// lays hit areas over the drawing. The same page map.svg draws (laid_out_page: the same stable
// layout, from the previous revision's positions) and the placement draw_map uses
// (render::place_on_page): the hit areas match the drawing.
#include "layout/layout.hpp"
#include "model/view.hpp"
#include "render/page.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace peermap::server::routes {

using json = nlohmann::json;

namespace {

//! The geometry `peermap layout --json` gives (docs/layout-json.md) plus "page" {name, width,
//! height} and "placement" {scale, x, y}: page point = (geometry point - (x0, y0)) * scale +
//! (x, y), in points.
json layout_body(const render::Page& page, std::int64_t basis) {
  json body = json::parse(layout::geometry_to_json(page.geometry));
  const render::MapPlacement placement = render::place_on_page(page);
  body["page"] = {
      {"name", page.paper.name}, {"width", page.paper.width}, {"height", page.paper.height}};
  body["placement"] = {{"scale", placement.scale}, {"x", placement.x}, {"y", placement.y}};
  body["laid_out_from"] = basis > 0 ? json(basis) : json(nullptr);
  body["warnings"] = page.geometry.warnings;  // e.g. pins the layout could not honour
  return body;
}

}  // namespace

Response map_layout(RouteContext& ctx, const Request& request, const Params& params,
                    const Caller& caller) {
  const std::string& id = params.at("id");
  const std::string action = "map.layout";
  Response refusal;
  auto map = visible_map(ctx.store, ctx.audit, request, caller.user, id, action, refusal);
  if (!map) return refusal;
  // The view map.svg draws by default: the current, whole network map.
  auto head = ctx.history.revision(id, map->head);
  if (!head) return internal_error();
  auto laid = laid_out_page(ctx, id, head.value(), model::View{});
  if (!laid) return error_response(500, "the map cannot be laid out");
  const std::string key = "layout#" + laid->key;
  auto text = ctx.drawings.find(key);
  if (!text) {
    text = std::make_shared<const std::string>(layout_body(*laid->page, laid->basis).dump());
    ctx.drawings.put(key, text, text->size() + key.size());
  }
  if (!ctx.audit.record(request.remote, &caller.user, action, id, map->head, "ok", 200)) {
    return audit_unavailable();
  }
  Response r;
  set_compressible_body(ctx, request, r, key, std::move(text));
  r.set_header("ETag", etag_of(map->head));
  return r;
}

}  // namespace peermap::server::routes
