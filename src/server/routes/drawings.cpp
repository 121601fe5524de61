// /api/maps/{id}/map.svg, .png and .pdf: the map drawn by the core renderer, with the view's
// options (ecomap centre, as-of date, redaction, revision). Drawings are cached by revision and
// options: the renderer is deterministic.
#include "model/view.hpp"
#include "render/page.hpp"
#include "server/request_parsing.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace peermap::server::routes {
namespace {

//! What selects a drawing, as given in the query.
struct DrawingOptions {
  std::int64_t revision = 0;
  model::View view;
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
    out.view.as_of = model::Date::parse(*value);
    if (!out.view.as_of) {
      error = parameter_error("as_of", "a date, YYYY-MM-DD");
      return std::nullopt;
    }
  }
  if (const auto* value = request.param("redact")) {
    if (*value == "true" || *value == "1") {
      out.view.redact = true;
    } else if (*value != "false" && *value != "0") {
      error = parameter_error("redact", "true or false");
      return std::nullopt;
    }
  }
  if (const auto* value = request.param("ecomap")) out.view.ecomap_centre = *value;
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
  const auto options = drawing_options(request, map->head, error);
  if (!options) return refused(ctx.audit, request, caller.user, action, id, 0, std::move(error));
  const model::View& view = options->view;
  // Same revision, same view, same bytes (the renderer is deterministic): draw once. The seed
  // is always the View's default here, so it is not part of the key.
  const std::string key = id + "#" + std::to_string(options->revision) + "#" +
                          std::to_string(static_cast<int>(format)) + "#" +
                          (view.as_of ? view.as_of->to_string() : std::string()) + "#" +
                          (view.redact ? "r" : "") + "#" + view.ecomap_centre;
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
  r.set_header("Content-Disposition", "inline; filename=\"map-" + id + "-r" +
                                          std::to_string(options->revision) + "." +
                                          extension_of(format) + "\"");
  return r;
}

}  // namespace peermap::server::routes
