// /api/maps/{id}/record.pdf and /map.pptx: the case record (record/record.hpp) and the editable
// PowerPoint (record/pptx.hpp), or a copy of either for an audience (docs/copies.md), of one
// revision. Need-to-know like every map route; made in a slot of the render gate within its
// time and size budgets, like map.pdf; cached by revision and copy (both are deterministic);
// every export audited with its audience and reason.
#include <chrono>

#include "model/copies.hpp"
#include "record/pptx.hpp"
#include "record/record.hpp"
#include "server/request_parsing.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace peermap::server::routes {
namespace {

//! What selects an export: the revision and the copy.
struct ExportQuery {
  std::int64_t revision = 0;
  model::Audience audience = model::Audience::Internal;
  std::string reason;
};

//! The query of a map whose newest revision is `head`; nullopt with the 422 naming the
//! parameter (revision, copy, reason) in `error`.
std::optional<ExportQuery> export_query(const Request& request, std::int64_t head,
                                        Response& error) {
  ExportQuery out;
  out.revision = head;
  if (const auto* value = request.param("revision")) {
    const auto n = parse_number(*value);
    if (!n || *n < 1 || *n > head) {
      error = parameter_error("revision", "a revision number from 1 to " + std::to_string(head));
      return std::nullopt;
    }
    out.revision = *n;
  }
  if (const auto* value = request.param("copy")) {
    const auto audience = model::audience_named(*value);
    if (!audience) {
      error = parameter_error("copy", "internal, partner, family or record-of-another-child");
      return std::nullopt;
    }
    out.audience = *audience;
  }
  if (const auto* value = request.param("reason")) out.reason = *value;
  if (auto fault = model::copy_fault(out.audience, out.reason)) {
    error = parameter_error("reason", *fault);
    return std::nullopt;
  }
  return out;
}

//! The audit row's detail: "copy=family", and the stated reason.
std::string export_detail(const ExportQuery& query) {
  std::string detail = "copy=" + std::string(model::audience_name(query.audience));
  if (!query.reason.empty()) detail += "; reason=" + query.reason;
  return detail;
}

model::Date date_of(std::int64_t unix_ms) {
  const auto day = std::chrono::floor<std::chrono::days>(
      std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(unix_ms)));
  const std::chrono::year_month_day ymd{day};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

//! "record-ID-r4-family": the file says which revision and copy it is.
std::string file_name(const char* what, const std::string& id, const ExportQuery& query) {
  std::string name = std::string(what) + "-" + id + "-r" + std::to_string(query.revision);
  if (query.audience != model::Audience::Internal) {
    name += "-" + std::string(model::audience_name(query.audience));
  }
  return name;
}

enum class Export { RecordPdf, Pptx };

Response export_file(RouteContext& ctx, const Request& request, const Params& params,
                     const Caller& caller, Export what) {
  const bool pptx = what == Export::Pptx;
  const std::string& id = params.at("id");
  const std::string action = pptx ? "map.pptx" : "map.record";
  Response refusal;
  auto map = visible_map(ctx.store, ctx.audit, request, caller.user, id, action, refusal);
  if (!map) return refusal;
  Response error;
  const auto query = export_query(request, map->head, error);
  if (!query) return refused(ctx.audit, request, caller.user, action, id, 0, std::move(error));
  auto revision = ctx.history.revision(id, query->revision);
  if (!revision) return internal_error();
  // The key holds the reason whole: it is printed on the copy, so two reasons are two files.
  const std::string key = std::string(pptx ? "pptx#" : "record#") + id + "#" +
                          std::to_string(query->revision) + "#" +
                          std::string(model::audience_name(query->audience)) + "#" + query->reason;
  RenderBudget budget(ctx.renders);
  auto pdf = ctx.drawings.find(key);
  if (!pdf) {
    auto outcome = ctx.history.validate(revision.value()->document);
    if (outcome.has_errors()) return internal_error();
    const model::Document& d = outcome.document;
    const std::size_t items =
        d.people.size() + d.locations.size() + d.groups.size() + d.ties.size();
    if (items > ctx.renders.limits().max_items) {
      return drawing_failed(ctx, request, caller, action, id, query->revision, budget,
                            Error{ErrorKind::Invalid, "the map is too large to draw: it has " +
                                                          std::to_string(items) +
                                                          " people, places, groups and ties"});
    }
    record::RecordOptions options;
    options.revision = query->revision;
    options.revision_date = date_of(revision.value()->info.created_at);
    options.audience = query->audience;
    options.reason = query->reason;
    options.out_of_time = budget.out_of_time();
    const Status started = budget.start();
    auto bytes = !started ? Result<std::string>(started.error())
                 : pptx   ? record::write_record_pptx(d, options)
                          : record::write_record_pdf(d, options);
    if (!bytes) {
      return drawing_failed(ctx, request, caller, action, id, query->revision, budget,
                            bytes.error());
    }
    pdf = std::make_shared<const std::string>(std::move(bytes.value()));
    ctx.drawings.put(key, pdf, pdf->size() + key.size());
  }
  if (!ctx.audit.record(request.remote, &caller.user, action, id, query->revision, "ok", 200,
                        export_detail(*query))) {
    return audit_unavailable();
  }
  Response r;
  r.shared_body = std::move(pdf);
  r.content_type = pptx
                       ? "application/vnd.openxmlformats-officedocument.presentationml.presentation"
                       : "application/pdf";
  r.set_header("Content-Disposition", "attachment; filename=\"" +
                                          file_name(pptx ? "map" : "record", id, *query) +
                                          (pptx ? ".pptx\"" : ".pdf\""));
  return r;
}

}  // namespace

Response export_record(RouteContext& ctx, const Request& request, const Params& params,
                       const Caller& caller) {
  return export_file(ctx, request, params, caller, Export::RecordPdf);
}

Response export_pptx(RouteContext& ctx, const Request& request, const Params& params,
                     const Caller& caller) {
  return export_file(ctx, request, params, caller, Export::Pptx);
}

}  // namespace peermap::server::routes
