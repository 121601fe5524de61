#include "server/access.hpp"

#include <algorithm>

#include "server/request_parsing.hpp"
#include "server/responses.hpp"

namespace peermap::server {
namespace {

thread_local RequestAudit* current_request = nullptr;

}  // namespace

RequestAudit::RequestAudit() : previous_(current_request) { current_request = this; }
RequestAudit::~RequestAudit() { current_request = previous_; }
RequestAudit* RequestAudit::current() { return current_request; }

bool RequestAudit::wrote_status(int status) const {
  return std::find(statuses_.begin(), statuses_.end(), status) != statuses_.end();
}

std::string outcome_for_status(int status) {
  switch (status) {
    case 400:
      return "malformed";
    case 401:
      return "unauthenticated";
    case 404:
      return "not-found";
    case 405:
      return "wrong-method";
    case 413:
      return "too-large";
    case 414:
      return "uri-too-long";
    case 415:
      return "wrong-type";
    case 422:
      return "invalid";
    case 429:
      return "throttled";
    default:
      break;
  }
  return status >= 500 ? "error" : "refused";
}

store::AuditEntry AuditTrail::entry(const std::string& source, const store::User* who,
                                    std::string action, std::string map_id, std::int64_t revision,
                                    std::string outcome, int status) const {
  store::AuditEntry entry;
  entry.at = now_ms_();
  if (who != nullptr) {
    entry.user_id = who->id;
    entry.username = who->username;
  }
  entry.action = std::move(action);
  entry.map_id = std::move(map_id);
  entry.revision = revision;
  entry.outcome = std::move(outcome);
  entry.status = status;
  entry.source = source;
  return entry;
}

bool AuditTrail::record(const std::string& source, const store::User* who, std::string action,
                        std::string map_id, std::int64_t revision, std::string outcome,
                        int status) {
  return record(source, who, std::move(action), std::move(map_id), revision, std::move(outcome),
                status, std::string());
}

bool AuditTrail::record(const std::string& source, const store::User* who, std::string action,
                        std::string map_id, std::int64_t revision, std::string outcome, int status,
                        std::string detail) {
  store::AuditEntry row = entry(source, who, std::move(action), std::move(map_id), revision,
                                std::move(outcome), status);
  row.detail = std::move(detail);
  const bool written = store_.append_audit(row).ok();
  if (written && RequestAudit::current() != nullptr) RequestAudit::current()->wrote(status);
  return written;
}

void AuditTrail::record_unaudited(const Request& request, int status) {
  const RequestAudit* scope = RequestAudit::current();
  if (scope != nullptr && scope->wrote_status(status)) return;
  if (scope == nullptr) {
    record_refusal(request.remote, nullptr, "request", "", 0, outcome_for_status(status), status);
    return;
  }
  record_refusal(request.remote, scope->caller ? &*scope->caller : nullptr, scope->action,
                 scope->map_id, 0, outcome_for_status(status), status);
}

void AuditTrail::record_refusal(const std::string& source, const store::User* who,
                                std::string action, std::string map_id, std::int64_t revision,
                                std::string outcome, int status) {
  // Unchecked on purpose: see the declaration.
  (void)record(source, who, std::move(action), std::move(map_id), revision, std::move(outcome),
               status);
}

MapAccess access_to(const store::User& user, const store::MapRecord& map) {
  // An admin sees no map, even one they were made a member of before members were checked.
  if (user.role == store::AccountRole::admin) return MapAccess::None;
  if (std::find(map.members.begin(), map.members.end(), user.id) != map.members.end()) {
    return MapAccess::ReadWrite;
  }
  if (user.role != store::AccountRole::admin && user.team == map.team) return MapAccess::ReadWrite;
  return MapAccess::None;
}

bool may_add_members(const store::User& user, const store::MapRecord& map) {
  return user.id == map.created_by ||
         (user.role == store::AccountRole::manager && user.team == map.team);
}

std::optional<store::MapRecord> visible_map(store::Store& store, AuditTrail& audit,
                                            const Request& request, const store::User& user,
                                            const std::string& id, const std::string& action,
                                            Response& refusal) {
  auto map = store.map_record(id);
  if (!map || access_to(user, map.value()) == MapAccess::None) {
    refusal = not_found();
    if (map || plausible_id(id)) {
      audit.record_refusal(request.remote, &user, action, id, 0, map ? "refused" : "not-found",
                           404);
    }
    return std::nullopt;
  }
  return std::move(map.value());
}

Response refused(AuditTrail& audit, const Request& request, const store::User& user,
                 const std::string& action, const std::string& id, std::int64_t revision,
                 Response response) {
  audit.record_refusal(request.remote, &user, action, id, revision,
                       response.status == 415 ? "wrong-type" : "invalid", response.status);
  return response;
}

}  // namespace peermap::server
