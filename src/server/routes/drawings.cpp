// /api/maps/{id}/map.svg, .png and .pdf: the map drawn by the core renderer, with the view's
// options (ecomap centre, as-of date, redaction, revision). Drawings are cached by revision and
// options: the renderer is deterministic.
#include <cctype>

#include "model/view.hpp"
#include "render/page.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"
#include "server/routes/view_query.hpp"

namespace peermap::server::routes {
namespace {

const char* extension_of(render::Format format) {
  return format == render::Format::Svg ? "svg" : format == render::Format::Png ? "png" : "pdf";
}

const char* content_type_of(render::Format format) {
  return format == render::Format::Svg   ? "image/svg+xml"
         : format == render::Format::Png ? "image/png"
                                         : "application/pdf";
}

//! "map-ID-r4-ecomap-p2-redacted-as-of-2026-03-01": the file says which revision and view it is.
std::string file_name(const std::string& id, const ViewQuery& query) {
  std::string name = "map-" + id + "-r" + std::to_string(query.revision);
  if (!query.view.ecomap_centre.empty()) {
    name += "-ecomap-";
    for (const char c : query.view.ecomap_centre) {  // an id; nothing else reaches the header
      const bool plain = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
      name += plain ? c : '_';
    }
  }
  if (query.view.redact) name += "-redacted";
  if (query.view.as_of) name += "-as-of-" + query.view.as_of->to_string();
  return name;
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
  const auto options = view_query(request, map->head, error);
  if (!options) return refused(ctx.audit, request, caller.user, action, id, 0, std::move(error));
  const model::View& view = options->view;
  // Same revision, same view, same bytes (the renderer is deterministic): draw once.
  const std::string key =
      id + "#" + std::to_string(static_cast<int>(format)) + "#" + view_key(*options);
  auto drawing = ctx.drawings.find(key);
  if (!drawing) {
    auto revision = ctx.history.revision(id, options->revision);
    if (!revision) return internal_error();
    auto outcome = ctx.history.validate(revision.value()->document);
    if (outcome.has_errors()) return internal_error();
    auto page = render::prepare_page(std::move(outcome.document), view);
    if (!page && page.error().kind == ErrorKind::NotFound) {  // the ecomap centre is not on it
      return refused(ctx.audit, request, caller.user, action, id, 0,
                     parameter_error("ecomap", "no person with this id on the map"));
    }
    if (!page) return error_response(500, "the map cannot be laid out");
    auto bytes = render::write_page(page.value(), {format});
    if (!bytes) return error_response(500, "the map cannot be drawn");
    drawing = std::make_shared<const std::string>(std::move(bytes.value()));
    ctx.drawings.put(key, drawing, drawing->size() + key.size());
  }
  if (!ctx.audit.record(request.remote, &caller.user, action, id, options->revision, "ok", 200)) {
    return audit_unavailable();
  }
  Response r;
  r.shared_body = drawing;
  r.content_type = content_type_of(format);
  r.set_header("Content-Disposition",
               "inline; filename=\"" + file_name(id, *options) + "." + extension_of(format) + "\"");
  return r;
}

}  // namespace peermap::server::routes
