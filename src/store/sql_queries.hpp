// Private to store/sql_store.cpp: every query the Store runs, in SQL both SQLite and PostgreSQL
// accept (ON CONFLICT, RETURNING, TRUE/FALSE). Placeholders are $1, $2, ...
#pragma once

#include <array>
#include <string_view>

namespace peermap::store::sql::queries {

// ---- users
constexpr std::string_view kInsertUser =
    "INSERT INTO users (username, team, role, disabled, password_hash, created_at, "
    "display_name) VALUES ($1, $2, $3, FALSE, $4, $5, $6) ON CONFLICT (username) DO NOTHING "
    "RETURNING id";
constexpr std::string_view kUserByName =
    "SELECT id, username, team, role, disabled, password_hash, created_at, display_name "
    "FROM users "
    "WHERE username = $1";
constexpr std::string_view kUserById =
    "SELECT id, username, team, role, disabled, password_hash, created_at, display_name "
    "FROM users "
    "WHERE id = $1";
constexpr std::string_view kListUsers =
    "SELECT id, username, team, role, disabled, password_hash, created_at, display_name "
    "FROM users "
    "ORDER BY username";
constexpr std::string_view kDisableUser = "UPDATE users SET disabled = TRUE WHERE username = $1";
constexpr std::string_view kEnableUser = "UPDATE users SET disabled = FALSE WHERE username = $1";
constexpr std::string_view kSetPasswordHash =
    "UPDATE users SET password_hash = $2 WHERE username = $1";
constexpr std::string_view kSetDisplayName =
    "UPDATE users SET display_name = $2 WHERE username = $1";
constexpr std::string_view kUserExists = "SELECT 1 FROM users WHERE id = $1";

// ---- sessions and failed logins
constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (token_hash) DO NOTHING";
constexpr std::string_view kSession =
    "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions "
    "WHERE token_hash = $1";
constexpr std::string_view kDeleteSession = "DELETE FROM sessions WHERE token_hash = $1";
constexpr std::string_view kDeleteSessionsOf = "DELETE FROM sessions WHERE user_id = $1";
constexpr std::string_view kDeleteExpiredSessions = "DELETE FROM sessions WHERE expires_at <= $1";
constexpr std::string_view kRecordLoginFailure =
    "INSERT INTO login_failures (key, at) VALUES ($1, $2)";
constexpr std::string_view kLoginFailuresSince =
    "SELECT COUNT(*) FROM login_failures WHERE key = $1 AND at >= $2";
constexpr std::string_view kClearLoginFailures = "DELETE FROM login_failures WHERE key = $1";

// ---- the server's secrets
constexpr std::string_view kOfferSecret =
    "INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING";
constexpr std::string_view kSecret = "SELECT value FROM server_secrets WHERE name = $1";

// ---- maps and revisions
constexpr std::string_view kInsertMap =
    "INSERT INTO maps (id, team, created_by, created_at, head) VALUES ($1, $2, $3, $4, 1) "
    "ON CONFLICT (id) DO NOTHING";
constexpr std::string_view kKeptLayout =
    "SELECT number, basis, geometry FROM layouts WHERE map_id = $1 AND number = $2 AND view = $3";
constexpr std::string_view kKeptLayoutBefore =
    "SELECT number, basis, geometry FROM layouts WHERE map_id = $1 AND number < $2 AND view = $3 "
    "ORDER BY number DESC LIMIT 1";
constexpr std::string_view kKeepLayout =
    "INSERT INTO layouts (map_id, number, view, basis, geometry) VALUES ($1, $2, $3, $4, $5) "
    "ON CONFLICT (map_id, number, view) DO NOTHING";
constexpr std::string_view kRevisionExists =
    "SELECT 1 FROM revisions WHERE map_id = $1 AND number = $2";
// A member already there keeps who added them and when.
constexpr std::string_view kInsertMember =
    "INSERT INTO map_members (map_id, user_id, added_by, added_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (map_id, user_id) DO NOTHING";
constexpr std::string_view kDeleteMember =
    "DELETE FROM map_members WHERE map_id = $1 AND user_id = $2";
constexpr std::string_view kMembers =
    "SELECT u.id, u.username, u.team, u.role, u.disabled, mm.added_by, "
    "COALESCE(a.username, ''), mm.added_at FROM map_members mm "
    "JOIN users u ON u.id = mm.user_id LEFT JOIN users a ON a.id = mm.added_by "
    "WHERE mm.map_id = $1 ORDER BY u.username";
constexpr std::string_view kMoveMap = "UPDATE maps SET team = $2 WHERE id = $1";
// The author's name is copied from users at the time of writing; no row when the author is
// unknown.
constexpr std::string_view kInsertRevision =
    "INSERT INTO revisions (map_id, number, author_id, author, created_at, summary, title, "
    "document, body) SELECT $1, $2, id, username, $4, $5, $6, $7, $8 FROM users WHERE id = $3 "
    "RETURNING author";
// Optimistic concurrency: the head moves only from the head the writer saw.
constexpr std::string_view kAdvanceHead =
    "UPDATE maps SET head = head + 1 WHERE id = $1 AND head = $2";
constexpr std::string_view kHead = "SELECT head FROM maps WHERE id = $1";
constexpr std::string_view kMapRecord =
    "SELECT m.id, m.team, m.created_by, m.created_at, m.head, mm.user_id FROM maps m "
    "LEFT JOIN map_members mm ON mm.map_id = m.id WHERE m.id = $1 ORDER BY mm.user_id";
constexpr std::string_view kMapsVisibleTo =
    "SELECT m.id, m.team, r.title, m.head, r.created_at, r.author, "
    "COALESCE(u.display_name, '') FROM maps m "
    "JOIN revisions r ON r.map_id = m.id AND r.number = m.head "
    "LEFT JOIN users u ON u.id = r.author_id "
    "WHERE m.id IN (SELECT id FROM maps WHERE team = $1 "
    "UNION SELECT map_id FROM map_members WHERE user_id = $2) "
    "ORDER BY r.created_at DESC, m.id";
// Revisions with their text: body is read only with the document (it is stored after it).
constexpr std::string_view kHeadRevision =
    "SELECT r.map_id, r.number, r.author_id, r.author, r.created_at, r.summary, r.title, "
    "r.document, r.body FROM maps m JOIN revisions r ON r.map_id = m.id AND r.number = m.head "
    "WHERE m.id = $1";
constexpr std::string_view kRevision =
    "SELECT map_id, number, author_id, author, created_at, summary, title, document, body "
    "FROM revisions WHERE map_id = $1 AND number = $2";
// The rows that rebuild revision $2 (0: the head) of map $1: from the newest document at or
// before it, through it. `target` is empty when the map or the revision does not exist (numbers
// run 1..head without gaps); the base is one backward step in the partial index
// revisions_documents. One statement, in (map_id, number) order without a sort.
constexpr std::string_view kRevisionChain =
    "WITH target AS (SELECT CASE WHEN $2 = 0 THEN head ELSE $2 END AS number FROM maps "
    "WHERE id = $1 AND $2 BETWEEN 0 AND head) "
    "SELECT r.map_id, r.number, r.author_id, r.author, r.created_at, r.summary, r.title, "
    "r.document, r.body FROM revisions r "
    "WHERE r.map_id = $1 AND r.number <= (SELECT number FROM target) "
    "AND r.number >= (SELECT d.number FROM revisions d WHERE d.map_id = $1 "
    "AND d.body = 'document' AND d.number <= (SELECT number FROM target) "
    "ORDER BY d.number DESC LIMIT 1) "
    "ORDER BY r.number";
// The sixth column: the author's display name now ("" when none is set).
constexpr std::string_view kRevisions =
    "SELECT r.map_id, r.number, r.author_id, r.author, r.created_at, r.summary, "
    "COALESCE(u.display_name, '') FROM revisions r LEFT JOIN users u ON u.id = r.author_id "
    "WHERE r.map_id = $1 ORDER BY r.number";
constexpr std::string_view kMapExists = "SELECT 1 FROM maps WHERE id = $1";

// ---- audit
constexpr std::string_view kInsertAudit =
    "INSERT INTO audit (at, user_id, username, action, map_id, revision, outcome, status, "
    "source, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
constexpr std::string_view kAuditOfMap =
    "SELECT id, at, user_id, username, action, map_id, revision, outcome, status, source, detail "
    "FROM audit WHERE map_id = $1 ORDER BY id";
constexpr std::string_view kAuditAll =
    "SELECT id, at, user_id, username, action, map_id, revision, outcome, status, source, detail "
    "FROM audit ORDER BY id LIMIT $1";

// ---- backups: every table, every column, in primary-key order (store/backup.hpp's kTables)
constexpr std::array<std::string_view, 10> kScanTables = {
    "SELECT version FROM schema_version ORDER BY version",
    "SELECT id, username, team, role, disabled, password_hash, created_at, display_name "
    "FROM users ORDER BY id",
    "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions "
    "ORDER BY token_hash",
    "SELECT key, at FROM login_failures ORDER BY key, at",
    "SELECT id, team, created_by, created_at, head FROM maps ORDER BY id",
    "SELECT map_id, user_id, added_by, added_at FROM map_members ORDER BY map_id, user_id",
    "SELECT map_id, number, author_id, author, created_at, summary, title, document, body "
    "FROM revisions ORDER BY map_id, number",
    "SELECT map_id, number, view, basis, geometry FROM layouts ORDER BY map_id, number, view",
    "SELECT id, at, user_id, username, action, map_id, revision, outcome, status, source, detail "
    "FROM audit ORDER BY id",
    "SELECT name, value FROM server_secrets ORDER BY name"};

}  // namespace peermap::store::sql::queries
