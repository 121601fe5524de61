// GET /api/maps/{id}/analysis: what `peermap analyze --json` reports for a revision of the map
// (the head unless ?revision=N): the measures of every person, each tie's evidence and the
// findings in plain language, each finding with the ids of the people, ties, groups and
// sightings it names (docs/analysis.md). A read of the map like any other: need-to-know and
// audited. The analysis is deterministic (seeded, from the map date, not today), so it is kept
// by revision.
#include "analysis/network.hpp"
#include "analysis/report.hpp"
#include "server/request_parsing.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace peermap::server::routes {

Response map_analysis(RouteContext& ctx, const Request& request, const Params& params,
                      const Caller& caller) {
  const std::string& id = params.at("id");
  const std::string action = "map.analysis";
  Response refusal;
  auto map = visible_map(ctx.store, ctx.audit, request, caller.user, id, action, refusal);
  if (!map) return refusal;
  std::int64_t number = map->head;
  if (const auto* value = request.param("revision")) {
    const auto n = parse_number(*value);
    if (!n || *n < 1 || *n > map->head) {
      return refused(
          ctx.audit, request, caller.user, action, id, 0,
          parameter_error("revision", "a revision number from 1 to " + std::to_string(map->head)));
    }
    number = *n;
  }
  const std::string key = "analysis#" + id + "#" + std::to_string(number);
  auto text = ctx.drawings.find(key);
  if (!text) {
    auto revision = ctx.history.revision(id, number);
    if (!revision) return internal_error();
    auto outcome = ctx.history.validate(revision.value()->document);
    if (outcome.has_errors()) return internal_error();
    auto network = analysis::network_from_document(outcome.document);
    if (!network) return error_response(500, "the map cannot be analysed");
    auto report = analysis::analyze(std::move(network.value()), &outcome.document);
    if (!report) return error_response(500, "the map cannot be analysed");
    nlohmann::ordered_json body;
    body["id"] = id;
    body["revision"] = number;
    body.update(analysis::report_json(report.value()));
    text = std::make_shared<const std::string>(body.dump());
    ctx.drawings.put(key, text, text->size() + key.size());
  }
  if (!ctx.audit.record(request.remote, &caller.user, action, id, number, "ok", 200)) {
    return audit_unavailable();
  }
  Response r;
  set_compressible_body(ctx, request, r, key, std::move(text));
  r.set_header("ETag", etag_of(number));
  return r;
}

}  // namespace peermap::server::routes
