// Rows of the store's queries turned into its records, and the audit row written (sql_rows.hpp).
#include "store/sql_rows.hpp"

#include <utility>

#include "store/sql_queries.hpp"

namespace peermap::store::sql {

std::int64_t integer(const Cell& cell) {
  if (const auto* value = std::get_if<std::int64_t>(&cell)) return *value;
  return 0;
}

std::string text(Cell&& cell) {
  if (auto* value = std::get_if<std::string>(&cell)) return std::move(*value);
  return {};
}

namespace {

// A revision's body as stored in revisions.body (checked by the schema).
constexpr std::string_view kDocumentBody = "document";
constexpr std::string_view kPatchBody = "patch";

}  // namespace

std::string_view body_text(RevisionBody body) {
  return body == RevisionBody::patch ? kPatchBody : kDocumentBody;
}

Result<User> user_from(Row&& row) {
  User user;
  user.id = integer(row[0]);
  user.username = text(std::move(row[1]));
  user.team = text(std::move(row[2]));
  const std::string role = text(std::move(row[3]));
  const auto parsed = parse_role(role);
  if (!parsed)
    return Error{ErrorKind::Internal, "user " + user.username + " has unknown role " + role};
  user.role = *parsed;
  user.disabled = integer(row[4]) != 0;
  user.password_hash = text(std::move(row[5]));
  user.created_at = integer(row[6]);
  user.display_name = text(std::move(row[7]));
  return user;
}

//! A row of kMembers.
Result<MapMember> member_from(Row&& row) {
  MapMember member;
  member.user_id = integer(row[0]);
  member.username = text(std::move(row[1]));
  member.team = text(std::move(row[2]));
  const std::string role = text(std::move(row[3]));
  const auto parsed = parse_role(role);
  if (!parsed) {
    return Error{ErrorKind::Internal, "user " + member.username + " has unknown role " + role};
  }
  member.role = *parsed;
  member.disabled = integer(row[4]) != 0;
  member.added_by = integer(row[5]);
  member.added_by_name = text(std::move(row[6]));
  member.added_at = integer(row[7]);
  return member;
}

RevisionInfo revision_info_from(Row& row) {
  RevisionInfo info;
  info.map_id = text(std::move(row[0]));
  info.number = integer(row[1]);
  info.author_id = integer(row[2]);
  info.author = text(std::move(row[3]));
  info.created_at = integer(row[4]);
  info.summary = text(std::move(row[5]));
  return info;
}

//! A row of kRevision, kHeadRevision or kRevisionChain.
Result<Revision> revision_from(Row&& row) {
  Revision out;
  out.info = revision_info_from(row);
  out.title = text(std::move(row[6]));
  out.document = text(std::move(row[7]));
  const std::string body = text(std::move(row[8]));
  if (body == kPatchBody) {
    out.body = RevisionBody::patch;
  } else if (body != kDocumentBody) {
    return Error{ErrorKind::Internal, "revision " + std::to_string(out.info.number) + " of map " +
                                          out.info.map_id + " has unknown body " + body};
  }
  return out;
}

AuditEntry audit_from(Row&& row) {
  AuditEntry entry;
  entry.id = integer(row[0]);
  entry.at = integer(row[1]);
  entry.user_id = integer(row[2]);
  entry.username = text(std::move(row[3]));
  entry.action = text(std::move(row[4]));
  entry.map_id = text(std::move(row[5]));
  entry.revision = integer(row[6]);
  entry.outcome = text(std::move(row[7]));
  entry.status = static_cast<int>(integer(row[8]));
  entry.source = text(std::move(row[9]));
  entry.detail = text(std::move(row[10]));
  return entry;
}

Status insert_audit(Connection& connection, const AuditEntry& e) {
  auto inserted = connection.execute(queries::kInsertAudit,
                                     {e.at, e.user_id, e.username, e.action, e.map_id, e.revision,
                                      e.outcome, std::int64_t{e.status}, e.source, e.detail});
  if (!inserted) return inserted.error();
  return ok_status();
}

}  // namespace peermap::store::sql
