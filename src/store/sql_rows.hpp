// Private to store/: the rows of sql_queries.hpp's SELECTs turned into the Store's records,
// column by column in the order the queries name them, and an audit record into its row.
#pragma once

#include <string_view>

#include "base/result.hpp"
#include "store/sql_store.hpp"
#include "store/store.hpp"

namespace peermap::store::sql {

//! A revision's body as stored in revisions.body (checked by the schema).
[[nodiscard]] std::string_view body_text(RevisionBody body);

//! A row of kUserByName, kUserById or kListUsers; Internal for an unknown role.
Result<User> user_from(Row&& row);
//! A row of kMembers; Internal for an unknown role.
Result<MapMember> member_from(Row&& row);
//! The first six columns of a revision row.
RevisionInfo revision_info_from(Row& row);
//! A row of kRevision, kHeadRevision or kRevisionChain; Internal for an unknown body.
Result<Revision> revision_from(Row&& row);
//! A row of kAuditOfMap or kAuditAll.
AuditEntry audit_from(Row&& row);
//! Writes `entry` as a row of audit (kInsertAudit), in the caller's transaction.
Status insert_audit(Connection& connection, const AuditEntry& entry);

}  // namespace peermap::store::sql
