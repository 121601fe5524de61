// /api/maps/{id}/map.svg, .png and .pdf: the map drawn by the core renderer, with the view's
// options (ecomap centre, as-of date, redaction, revision). Drawings are cached by revision and
// options: the renderer is deterministic.
#include "layout/layout.hpp"
#include "model/views.hpp"
#include "server/request_parsing.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace peermap::server::routes {
namespace {

//! What selects a drawing, as given in the query.
struct DrawingOptions {
  std::int64_t revision = 0;
  std::optional<model::Date> as_of;
  bool redact = false;
  std::string ecomap;
};

//! The options in the query; nullopt with the 422 naming the parameter in `error`.
std::optional<DrawingOptions> drawing_options(const Request& request, std::int64_t head,
                                              Response& error) {
  DrawingOptions out;
  out.revision = head;
  if (const auto* value = request.param("revision")) {
    const auto n = parse_number(*value);
    if (!n || *n < 1 || *n > head) {
      error = parameter_error("revision", "a revision number from 1 to " + std::to_string(head));
      return std::nullopt;
    }
    out.revision = *n;
  }
  if (const auto* value = request.param("as_of")) {
    out.as_of = model::Date::parse(*value);
    if (!out.as_of) {
      error = parameter_error("as_of", "a date, YYYY-MM-DD");
      return std::nullopt;
    }
  }
  if (const auto* value = request.param("redact")) {
    if (*value == "true" || *value == "1") {
      out.redact = true;
    } else if (*value != "false" && *value != "0") {
      error = parameter_error("redact", "true or false");
      return std::nullopt;
    }
  }
  if (const auto* value = request.param("ecomap")) out.ecomap = *value;
  return out;
}

const char* extension_of(render::Format format) {
  return format == render::Format::Svg ? "svg" : format == render::Format::Png ? "png" : "pdf";
}

const char* content_type_of(render::Format format) {
  return format == render::Format::Svg   ? "image/svg+xml"
         : format == render::Format::Png ? "image/png"
                                         : "application/pdf";
}

}  // namespace

Response render_map(RouteContext& ctx, const Request& request, const Params& params,
                    const Caller& caller, render::Format format) {
  const std::string& id = params.at("id");
  const std::string action = "map.render";
  Response refusal;
  auto map = visible_map(ctx.store, ctx.audit, request, caller.user, id, action, refusal);
  if (!map) return refusal;
  Response error;
  const auto view = drawing_options(request, map->head, error);
  if (!view) return refused(ctx.audit, request, caller.user, action, id, 0, std::move(error));
  // Same revision, same options, same bytes (the renderer is deterministic): draw once.
  const std::string key = id + "#" + std::to_string(view->revision) + "#" +
                          std::to_string(static_cast<int>(format)) + "#" +
                          (view->as_of ? view->as_of->to_string() : std::string()) + "#" +
                          (view->redact ? "r" : "") + "#" + view->ecomap;
  auto drawing = ctx.drawings.find(key);
  if (!drawing) {
    auto revision = ctx.history.revision(id, view->revision);
    if (!revision) return internal_error();
    auto outcome = ctx.history.validate(revision.value()->document);
    if (outcome.has_errors()) return internal_error();
    model::Document document = view->as_of ? model::as_known_on(outcome.document, *view->as_of)
                                           : std::move(outcome.document);
    if (!view->ecomap.empty() && document.find_person(view->ecomap) == nullptr) {
      return refused(ctx.audit, request, caller.user, action, id, 0,
                     parameter_error("ecomap", "no person with this id on the map"));
    }
    layout::LayoutOptions layout_options;
    layout_options.ecomap_centre = view->ecomap;
    layout_options.redact = view->redact;
    auto geometry = layout::compute_layout(document, layout_options);
    if (!geometry) return error_response(500, "the map cannot be laid out");
    render::RenderOptions render_options;
    render_options.format = format;
    render_options.as_of = view->as_of;
    render_options.redact = view->redact;
    render_options.ecomap_centre = view->ecomap;
    auto bytes = render::render_map(document, geometry.value(), render_options);
    if (!bytes) return error_response(500, "the map cannot be drawn");
    drawing = std::make_shared<const std::string>(std::move(bytes.value()));
    ctx.drawings.put(key, drawing, drawing->size() + key.size());
  }
  if (!ctx.audit.record(request.remote, &caller.user, action, id, view->revision, "ok", 200)) {
    return audit_unavailable();
  }
  Response r;
  r.shared_body = drawing;
  r.content_type = content_type_of(format);
  r.set_header("Content-Disposition", "inline; filename=\"map-" + id + "-r" +
                                          std::to_string(view->revision) + "." +
                                          extension_of(format) + "\"");
  return r;
}

}  // namespace peermap::server::routes
