// /api/maps and /api/maps/{id}: list, create, read, and replace a whole map; the If-Match and
// save steps every edit shares.
#include "server/change_words.hpp"
#include "server/request_parsing.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace peermap::server::routes {

using json = nlohmann::json;

namespace {

//! What the maps list shows of a map's document: subject children's full names, status, map
//! and review dates, protective marking. An empty object when the text is not a document.
json map_list_fields(std::string_view document) {
  const json doc = json::parse(document, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object() || !doc.contains("map") || !doc["map"].is_object()) return json::object();
  const json& map = doc["map"];
  json out = json::object();
  for (const char* field : {"status", "map_date", "review_date", "protective_marking"}) {
    if (map.contains(field) && map[field].is_string()) out[field] = map[field];
  }
  json subjects = json::array();
  if (map.contains("subject_children") && map["subject_children"].is_array() &&
      doc.contains("people") && doc["people"].is_array()) {
    for (const auto& id : map["subject_children"]) {
      for (const auto& person : doc["people"]) {
        if (person.is_object() && person.value("id", json()) == id) {
          subjects.push_back({{"id", id}, {"full_name", person.value("full_name", "")}});
          break;
        }
      }
    }
  }
  out["subject_children"] = subjects;
  return out;
}

}  // namespace

Response precondition_failed(RouteContext& ctx, const std::string& id) {
  auto record = ctx.store.map_record(id);
  if (!record) return internal_error();
  auto head = ctx.history.revision(id, record->head);
  if (!head) return internal_error();
  const store::Revision& current = *head.value();
  json body = {{"status", 412},
               {"error",
                "the map has changed since you loaded it; merge your edit into the "
                "current revision and send it again"},
               {"current",
                {{"revision", current.info.number},
                 {"author", current.info.author},
                 {"created_at", iso_time(current.info.created_at)},
                 {"summary", current.info.summary},
                 {"document", json::parse(current.document)}}}};
  Response r = json_response(412, body);
  r.set_header("ETag", etag_of(current.info.number));
  return r;
}

std::optional<Response> check_if_match(RouteContext& ctx, const Request& request,
                                       const Caller& caller, const store::MapRecord& map,
                                       const std::string& action) {
  if (!request.has_header("if-match")) {
    ctx.audit.record_refusal(request.remote, &caller.user, action, map.id, map.head, "no-if-match",
                             428);
    return error_response(428, "send If-Match with the ETag of the revision you edited");
  }
  if (if_match_names(request.header("if-match"), etag_of(map.head))) return std::nullopt;
  Response stale = precondition_failed(ctx, map.id);
  if (!ctx.audit.record(request.remote, &caller.user, action, map.id, map.head, "stale",
                        stale.status)) {
    return audit_unavailable();
  }
  return stale;
}

Response save(RouteContext& ctx, const Request& request, const Caller& caller,
              const store::MapRecord& map, const store::Revision& next, const std::string& action,
              json warnings, const std::string& change, std::int64_t* saved_number) {
  auto saved = ctx.history.store_revision(request.remote, caller.user, map, next, action);
  if (!saved) {
    if (saved.error().kind != ErrorKind::Conflict) return internal_error();
    Response current = precondition_failed(ctx, map.id);
    if (!ctx.audit.record(request.remote, &caller.user, action, map.id, map.head, "conflict",
                          412)) {
      return audit_unavailable();
    }
    return current;
  }
  if (saved_number != nullptr) *saved_number = saved->number;
  ctx.live.publish({map.id, saved->number, caller.user.username,
                    std::string(store::display_name_or_username(caller.user)), change});
  Response r = json_response(200, {{"id", map.id},
                                   {"revision", saved->number},
                                   {"summary", saved->summary},
                                   {"warnings", std::move(warnings)}});
  r.set_header("ETag", etag_of(saved->number));
  return r;
}

Response list_maps(RouteContext& ctx, const Request& request, const Params&, const Caller& caller) {
  json maps = json::array();
  // An admin sees no map (access_to), so lists none: not even one they were once added to.
  auto found = caller.user.role == store::AccountRole::admin
                   ? Result<std::vector<store::MapSummary>>(std::vector<store::MapSummary>{})
                   : ctx.store.maps_visible_to(caller.user.team, caller.user.id);
  if (!found) return internal_error();
  for (const auto& m : found.value()) {
    maps.push_back(
        {{"id", m.id},
         {"title", m.title},
         {"team", m.team},
         {"revision", m.head},
         {"updated_at", iso_time(m.updated_at)},
         {"updated_by", m.updated_by},
         {"updated_by_name", m.updated_by_name.empty() ? m.updated_by : m.updated_by_name}});
    // The workspace's list shows subjects, status and dates: read from the head (cached).
    if (auto head = ctx.history.revision(m.id, m.head)) {
      maps.back().update(map_list_fields(head.value()->document));
    }
  }
  if (!ctx.audit.record(request.remote, &caller.user, "map.list", "", 0, "ok", 200)) {
    return audit_unavailable();
  }
  return json_response(200, {{"maps", maps}});
}

Response unchanged(RouteContext& ctx, const Request& request, const Caller& caller,
                   const store::MapRecord& map, const std::string& action, json warnings) {
  if (!ctx.audit.record(request.remote, &caller.user, action, map.id, map.head, "unchanged", 200)) {
    return audit_unavailable();
  }
  Response r = json_response(200, {{"id", map.id},
                                   {"revision", map.head},
                                   {"summary", "no change"},
                                   {"warnings", std::move(warnings)}});
  r.set_header("ETag", etag_of(map.head));
  return r;
}

Response create_map(RouteContext& ctx, const Request& request, const Params&,
                    const Caller& caller) {
  const auto refuse = [&](Response response) {
    return refused(ctx.audit, request, caller.user, "map.create", "", 0, std::move(response));
  };
  if (!content_type_is(request, "application/json")) {
    return refuse(error_response(415, "send the map as application/json"));
  }
  if (auto unclean = unclean_text(request.body)) return refuse(std::move(*unclean));
  auto created = ctx.history.create_map(caller.user, request.body, request.remote);
  if (created.audit_failed) return audit_unavailable();
  if (!created.id) {
    if (created.id.error().kind == ErrorKind::Invalid) return invalid_document(created.problems);
    return error_response(created.id.error());
  }
  const std::string& id = created.id.value();
  Response r = json_response(
      201, {{"id", id}, {"revision", 1}, {"warnings", warnings_json(created.problems)}});
  r.set_header("Location", "/api/maps/" + id);
  r.set_header("ETag", etag_of(1));
  return r;
}

Response read_map(RouteContext& ctx, const Request& request, const Params& params,
                  const Caller& caller) {
  const std::string& id = params.at("id");
  Response refusal;
  auto map = visible_map(ctx.store, ctx.audit, request, caller.user, id, "map.read", refusal);
  if (!map) return refusal;
  auto head = ctx.history.revision(id, map->head);
  if (!head) return internal_error();
  if (!ctx.audit.record(request.remote, &caller.user, "map.read", id, map->head, "ok", 200)) {
    return audit_unavailable();
  }
  Response r;
  r.shared_body = std::shared_ptr<const std::string>(head.value(), &head.value()->document);
  r.set_header("ETag", etag_of(map->head));
  return r;
}

Response put_map(RouteContext& ctx, const Request& request, const Params& params,
                 const Caller& caller) {
  const std::string& id = params.at("id");
  const std::string action = "map.write";
  Response refusal;
  auto map = visible_map(ctx.store, ctx.audit, request, caller.user, id, action, refusal);
  if (!map) return refusal;
  if (auto failed = check_if_match(ctx, request, caller, *map, action)) return *failed;
  if (!content_type_is(request, "application/json")) {
    return refused(ctx.audit, request, caller.user, action, id, map->head,
                   error_response(415, "send the map as application/json"));
  }
  if (auto unclean = unclean_text(request.body)) {
    return refused(ctx.audit, request, caller.user, action, id, map->head, std::move(*unclean));
  }
  auto outcome = ctx.history.validate(request.body);
  if (outcome.has_errors()) {
    Response invalid = invalid_document(outcome.problems);
    ctx.audit.record_refusal(request.remote, &caller.user, action, id, map->head,
                             invalid.status == 400 ? "malformed" : "invalid", invalid.status);
    return invalid;
  }
  // The same document again (in any spacing or member order) makes no revision.
  auto head = ctx.history.revision(id, map->head);
  if (!head) return internal_error();
  if (json::parse(head.value()->document, nullptr, /*allow_exceptions=*/false) ==
      json::parse(request.body, nullptr, /*allow_exceptions=*/false)) {
    return unchanged(ctx, request, caller, *map, action, warnings_json(outcome.problems));
  }
  auto change = ctx.history.diff_after(id, map->head, request.body);
  if (!change) return internal_error();
  return save(ctx, request, caller, *map,
              ctx.history.make_revision(caller.user, outcome.document.map.title, request.body,
                                        diff_summary(change.value())),
              action, warnings_json(outcome.problems), change_phrase(change.value()));
}

}  // namespace peermap::server::routes
