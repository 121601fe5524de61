// /api/maps/{id}/layout: a revision's geometry in a view (the same query as map.svg: revision,
// as_of, redact, ecomap) and where map.svg's page puts it, so the workspace lays hit areas over
// the drawing. The same page map.svg draws (laid_out_page: the same stable layout, from the
// previous revision's positions) and the placement draw_map uses
// (render::place_on_page): the hit areas match the drawing. A layout not made yet is made in a
// slot of the render gate, within its budgets, as a drawing is (drawings.cpp).
#include "layout/geometry_json.hpp"
#include "model/view.hpp"
#include "render/page.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"
#include "server/routes/view_query.hpp"

namespace peermap::server::routes {

using json = nlohmann::ordered_json;

namespace {

//! The geometry `peermap layout --json` gives (docs/layout-json.md) plus "page" {name, width,
//! height} and "placement" {scale, x, y}: page point = (geometry point - (x0, y0)) * scale +
//! (x, y), in points. Each node also carries "text", its label's lines as drawn (a disclosure
//! copy's initials), for the workspace's text alternative of the view; in an as-of view, a node
//! or edge nothing dated supports has "date_not_known": true (drawn with a "?").
json layout_body(const render::Page& page, std::int64_t basis) {
  json body = layout::geometry_json(page.geometry);
  auto& nodes = body["nodes"];
  for (std::size_t i = 0; i < nodes.size() && i < page.geometry.nodes.size(); ++i) {
    nodes[i]["text"] = page.geometry.nodes[i].label_lines;
    if (page.date_not_known.contains(page.geometry.nodes[i].id)) nodes[i]["date_not_known"] = true;
  }
  if (!page.date_not_known.empty() && body.contains("edges")) {
    for (auto& edge : body["edges"]) {
      if (page.date_not_known.contains(edge.value("id", ""))) edge["date_not_known"] = true;
    }
  }
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
  Response error;
  const auto query = view_query(request, map->head, error);
  if (!query) return refused(ctx.audit, request, caller.user, action, id, 0, std::move(error));
  auto revision = ctx.history.revision(id, query->revision);
  if (!revision) return internal_error();
  RenderBudget budget(ctx.renders);
  auto laid = laid_out_page(ctx, id, revision.value(), query->view, budget);
  if (!laid) {
    return drawing_failed(ctx, request, caller, action, id, query->revision, budget, laid.error());
  }
  const std::string key = "layout#" + laid->key;
  auto text = ctx.drawings.find(key);
  if (!text) {
    text = std::make_shared<const std::string>(layout_body(*laid->page, laid->basis).dump());
    ctx.drawings.put(key, text, text->size() + key.size());
  }
  if (!ctx.audit.record(request.remote, &caller.user, action, id, query->revision, "ok", 200)) {
    return audit_unavailable();
  }
  Response r;
  set_compressible_body(ctx, request, r, key, std::move(text));
  r.set_header("ETag", etag_of(query->revision));
  return r;
}

}  // namespace peermap::server::routes
