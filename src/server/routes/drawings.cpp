// /api/maps/{id}/map.svg, .png and .pdf: the map drawn by the core renderer, with the view's
// options (ecomap centre, as-of date, redaction, revision), laid out from the previous
// revision's positions (map_layouts.hpp). Drawings are cached by layout, format and labels: the
// renderer is deterministic. An SVG goes gzip-compressed to a client that accepts it. A layout
// or drawing not cached yet is made in a slot of the render gate, within its time and size
// budgets (render_gate.hpp); a cached one is sent without a slot. map.png?area=&width= draws a
// screenful of the page quickly: the workspace's first paint of a new revision.
#include <cctype>
#include <charconv>
#include <cmath>

#include "model/view.hpp"
#include "render/page.hpp"
#include "server/compression.hpp"
#include "server/request_parsing.hpp"
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

//! What the size budget counts: the people, places, groups and ties of the whole revision (a
//! view only leaves things out, so a map within the limit is within it in every view).
std::size_t drawn_items(const model::Document& document) {
  return document.people.size() + document.locations.size() + document.groups.size() +
         document.ties.size();
}

//! The workspace's largest screenful, each way.
constexpr int kMaxAreaPixels = 4096;

//! What is wrong with a request's parameter: its name and the message.
struct WrongParameter {
  const char* name;
  std::string message;
};

bool read_number(std::string_view text, double& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size() && std::isfinite(out);
}

//! map.png?area=X,Y,W,H&width=PIXELS: a part of the page, in points, drawn PIXELS wide; within
//! the page, and at most kMaxAreaPixels each way.
std::optional<WrongParameter> read_area(const Request& request, const render::Paper& paper,
                                        render::PageArea& area) {
  const auto* text = request.param("area");
  const auto* pixels = request.param("width");
  if (text == nullptr) return WrongParameter{"area", "x,y,width,height in points, with width="};
  double numbers[4] = {0, 0, 0, 0};
  std::string_view rest = *text;
  for (int i = 0; i < 4; ++i) {
    const std::size_t comma = i < 3 ? rest.find(',') : rest.size();
    if (comma == std::string_view::npos || !read_number(rest.substr(0, comma), numbers[i])) {
      return WrongParameter{"area", "four numbers: x,y,width,height in points"};
    }
    rest = i < 3 ? rest.substr(comma + 1) : std::string_view{};
  }
  area = {numbers[0], numbers[1], numbers[2], numbers[3], 0};
  constexpr double kSlack = 0.5;  // points: a screen's rounding
  if (area.width <= 0 || area.height <= 0 || area.x < -kSlack || area.y < -kSlack ||
      area.x + area.width > paper.width + kSlack || area.y + area.height > paper.height + kSlack) {
    return WrongParameter{"area", "the area must lie within the page (" +
                                      std::to_string(static_cast<int>(paper.width)) + " by " +
                                      std::to_string(static_cast<int>(paper.height)) + " points)"};
  }
  std::string_view wide;
  if (pixels != nullptr) wide = *pixels;
  const auto [end, ec] = std::from_chars(wide.data(), wide.data() + wide.size(), area.pixels_wide);
  if (pixels == nullptr || ec != std::errc{} || end != wide.data() + wide.size() ||
      area.pixels_wide < 1 || area.pixels_wide > kMaxAreaPixels ||
      render::area_pixels(area).second > kMaxAreaPixels) {
    return WrongParameter{"width", "whole pixels, the area at most " +
                                       std::to_string(kMaxAreaPixels) + " pixels each way"};
  }
  return std::nullopt;
}

}  // namespace

Result<LaidOut> laid_out_page(RouteContext& ctx, const std::string& id,
                              const std::shared_ptr<const store::Revision>& revision,
                              const model::View& view, RenderBudget& budget) {
  const std::int64_t number = revision->info.number;
  const bool tidy = revision->info.summary == kTidySummary;
  return ctx.layouts.page(
      id, number, tidy, view,
      [&]() -> Result<model::Document> {
        auto outcome = ctx.history.validate(revision->document);
        if (outcome.has_errors())
          return Error{ErrorKind::Internal, "the revision does not validate"};
        const std::size_t items = drawn_items(outcome.document);
        const std::size_t limit = ctx.renders.limits().max_items;
        if (items > limit) {
          return Error{ErrorKind::Invalid, "the map is too large to draw: it has " +
                                               std::to_string(items) +
                                               " people, places, groups and ties; this server "
                                               "draws at most " +
                                               std::to_string(limit)};
        }
        if (auto started = budget.start(); !started) return started.error();
        return std::move(outcome.document);
      },
      &ctx.store, budget.out_of_time());
}

Response drawing_failed(RouteContext& ctx, const Request& request, const Caller& caller,
                        const std::string& action, const std::string& id, std::int64_t revision,
                        const RenderBudget& budget, const Error& error) {
  switch (error.kind) {
    case ErrorKind::NotFound:  // the ecomap centre is not on the map
      return refused(ctx.audit, request, caller.user, action, id, 0,
                     parameter_error("ecomap", "no person with this id on the map"));
    case ErrorKind::Invalid:  // larger than the size budget
      return refused(ctx.audit, request, caller.user, action, id, 0,
                     error_response(422, error.message));
    case ErrorKind::Unavailable: {
      const bool busy = !budget.in_slot();
      const std::int64_t wait = ctx.renders.retry_after_seconds();
      Response r =
          error_response(503, busy ? "the server is drawing as many maps as it can; try again in " +
                                         std::to_string(wait) + " s"
                                   : "drawing this map took longer than the server allows (" +
                                         std::to_string(ctx.renders.limits().budget_ms) +
                                         " ms); try again later, or draw a smaller view");
      r.set_header("Retry-After", std::to_string(wait));
      ctx.audit.record_refusal(request.remote, &caller.user, action, id, revision,
                               busy ? "busy" : "over-budget", 503);
      return r;
    }
    default:
      return error_response(500, "the map cannot be drawn");
  }
}

void set_compressible_body(RouteContext& ctx, const Request& request, Response& response,
                           const std::string& key, std::shared_ptr<const std::string> text) {
  response.set_header("Vary", "Accept-Encoding");
  if (accepts_gzip(request) && text->size() > 1024) {
    const std::string gzip_key = key + "#gzip";
    auto compressed = ctx.drawings.find(gzip_key);
    if (!compressed) {
      // Level 1: a few milliseconds for a map's SVG, and still most of the saving.
      if (auto bytes = gzip(*text, 1)) {
        compressed = std::make_shared<const std::string>(std::move(*bytes));
        ctx.drawings.put(gzip_key, compressed, compressed->size() + gzip_key.size());
      }
    }
    if (compressed) {
      response.set_header("Content-Encoding", "gzip");
      response.shared_body = std::move(compressed);
      return;
    }
  }
  response.shared_body = std::move(text);
}

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
  // labels=text: the workspace's SVG, its words as <text> (quick for a browser to load);
  // labels=outlines, the default: glyph outlines, the same in every viewer (downloads, files).
  bool words_as_text = false;
  if (const auto* labels = request.param("labels")) {
    words_as_text = *labels == "text";
    if ((!words_as_text && *labels != "outlines") ||
        (words_as_text && format != render::Format::Svg)) {
      return refused(
          ctx.audit, request, caller.user, action, id, 0,
          parameter_error("labels", format == render::Format::Svg ? "text or outlines"
                                                                  : "only map.svg takes labels"));
    }
  }
  const bool asks_area = request.param("area") != nullptr || request.param("width") != nullptr;
  if (asks_area && format != render::Format::Png) {
    return refused(ctx.audit, request, caller.user, action, id, 0,
                   parameter_error(request.param("area") != nullptr ? "area" : "width",
                                   "only map.png takes an area"));
  }
  // Same layout, same bytes (the renderer is deterministic): draw once.
  auto revision = ctx.history.revision(id, options->revision);
  if (!revision) return internal_error();
  RenderBudget budget(ctx.renders);
  auto laid = laid_out_page(ctx, id, revision.value(), view, budget);
  if (!laid) {
    return drawing_failed(ctx, request, caller, action, id, options->revision, budget,
                          laid.error());
  }
  // map.png?area=...&width=...: a screenful, drawn each time (not kept: every screen differs).
  std::optional<render::PageArea> area;
  if (asks_area) {
    area.emplace();
    if (auto wrong = read_area(request, laid->page->paper, *area)) {
      return refused(ctx.audit, request, caller.user, action, id, 0,
                     parameter_error(wrong->name, std::move(wrong->message)));
    }
  }
  const std::string key =
      laid->key + "#" + std::to_string(static_cast<int>(format)) + (words_as_text ? "#text" : "");
  auto drawing = area ? nullptr : ctx.drawings.find(key);
  if (!drawing) {
    render::FileOptions file{format};
    file.svg_text = words_as_text;
    file.png_area = area;
    file.out_of_time = budget.out_of_time();
    // In the layout's slot, or in one of its own when the layout was made before.
    const Status started = budget.start();
    auto bytes =
        started ? render::write_page(*laid->page, file) : Result<std::string>(started.error());
    if (!bytes) {
      return drawing_failed(ctx, request, caller, action, id, options->revision, budget,
                            bytes.error());
    }
    drawing = std::make_shared<const std::string>(std::move(bytes.value()));
    if (!area) ctx.drawings.put(key, drawing, drawing->size() + key.size());
  }
  if (!ctx.audit.record(request.remote, &caller.user, action, id, options->revision, "ok", 200)) {
    return audit_unavailable();
  }
  Response r;
  if (format == render::Format::Svg) {
    set_compressible_body(ctx, request, r, key, std::move(drawing));
  } else {
    r.shared_body = std::move(drawing);  // PNG and PDF are compressed already
  }
  r.content_type = content_type_of(format);
  r.set_header("Content-Disposition",
               "inline; filename=\"" + file_name(id, *options) + "." + extension_of(format) + "\"");
  return r;
}

}  // namespace peermap::server::routes
