// Access: need-to-know (guidance §5) and the audit trail. A map belongs to its creator's team;
// practitioners and managers of that team, and users added as members, may read and write it.
// To everyone else a map is as absent as one that does not exist, and the refusal is audited.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "server/http.hpp"
#include "store/store.hpp"

namespace peermap::server {

//! What one request has written to the audit trail, kept by the thread that answers it.
//! Api::handle opens one for each request; every row written meanwhile is counted here, so a
//! refusal that no handler audited is audited there, with the status sent (docs/api.md,
//! "The audit trail"). What the route knows of the request (its action, the map, the caller)
//! goes into that row.
class RequestAudit {
 public:
  RequestAudit();
  ~RequestAudit();
  RequestAudit(const RequestAudit&) = delete;
  RequestAudit& operator=(const RequestAudit&) = delete;

  //! The request being answered on this thread, or nullptr outside one.
  static RequestAudit* current();
  //! A row with `status` was written.
  void wrote(int status) { statuses_.push_back(status); }
  //! Whether a row with `status` was written.
  [[nodiscard]] bool wrote_status(int status) const;

  std::string action = "request";  //!< the route's action, when it has one
  std::string map_id;              //!< the map asked for, when its id is plausible
  std::optional<store::User> caller;

 private:
  std::vector<int> statuses_;
  RequestAudit* previous_;
};

//! The outcome written for a refusal nobody named: "malformed" (400), "unauthenticated" (401),
//! "refused" (403), "not-found" (404), "wrong-method" (405), "too-large" (413),
//! "uri-too-long" (414), "wrong-type" (415), "invalid" (422), "throttled" (429), "error" (5xx).
std::string outcome_for_status(int status);

//! Writes audit rows: when, who, what, which map and revision, the outcome and the status.
class AuditTrail {
 public:
  AuditTrail(store::Store& store, std::function<std::int64_t()> now_ms)
      : store_(store), now_ms_(std::move(now_ms)) {}

  //! The row for an access by `who` (nullptr: not logged in) from `source`.
  [[nodiscard]] store::AuditEntry entry(const std::string& source, const store::User* who,
                                        std::string action, std::string map_id,
                                        std::int64_t revision, std::string outcome,
                                        int status) const;

  //! Appends the row of an access that discloses or changes something; false when it could not
  //! be written, and the caller then answers audit_unavailable(): an access that cannot be
  //! audited does not happen.
  [[nodiscard]] bool record(const std::string& source, const store::User* who, std::string action,
                            std::string map_id, std::int64_t revision, std::string outcome,
                            int status);
  //! The same, with what else the access disclosed (store::AuditEntry::detail).
  [[nodiscard]] bool record(const std::string& source, const store::User* who, std::string action,
                            std::string map_id, std::int64_t revision, std::string outcome,
                            int status, std::string detail);

  //! Appends the row of a refused or failed attempt. Its answer discloses nothing and changes
  //! nothing, so it is given even when the row cannot be written (a refusal that waited for the
  //! trail would only turn into a 503 that says as little).
  void record_refusal(const std::string& source, const store::User* who, std::string action,
                      std::string map_id, std::int64_t revision, std::string outcome, int status);

  //! The row of a refusal with `status` that the current request has not yet audited with
  //! that status (Api::handle and the HTTP library's refusals call it last).
  void record_unaudited(const Request& request, int status);

 private:
  store::Store& store_;
  std::function<std::int64_t()> now_ms_;
};

enum class MapAccess { None, ReadWrite };

//! What `user` may do with `map`: members and the map's team read and write; admins nothing.
MapAccess access_to(const store::User& user, const store::MapRecord& map);

//! Whether `user` may add members to `map`: its creator, or a manager of its team.
bool may_add_members(const store::User& user, const store::MapRecord& map);

//! The map if `user` may see it; otherwise nullopt with the 404 in `refusal`, audited as refused
//! (ids that could never exist are not written down: junk would only fill the trail).
std::optional<store::MapRecord> visible_map(store::Store& store, AuditTrail& audit,
                                            const Request& request, const store::User& user,
                                            const std::string& id, const std::string& action,
                                            Response& refusal);

//! `response`, after auditing it as a refused attempt on map `id` (outcome "wrong-type" for a
//! 415, else "invalid").
Response refused(AuditTrail& audit, const Request& request, const store::User& user,
                 const std::string& action, const std::string& id, std::int64_t revision,
                 Response response);

}  // namespace peermap::server
