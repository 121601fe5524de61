// SQLite's schema: the numbered migrations (sql_store.hpp), oldest first. Numbered, applied in
// order, never edited once released: a schema change is a new migration here and in the other
// backend's file.
#include "store/sql_store.hpp"

namespace peermap::store::sql {
namespace {

// Numbered, applied in order, never edited once released: a change is a new migration.
// STRICT tables check every value's type.
constexpr Migration kMigrations[] = {
    {1, R"sql(
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT NOT NULL UNIQUE,
  team TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('practitioner', 'manager', 'admin')),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE login_failures (
  key TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX login_failures_by_key ON login_failures (key, at);

CREATE TABLE maps (
  id TEXT PRIMARY KEY,
  team TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  head INTEGER NOT NULL CHECK (head >= 1)
) STRICT;
CREATE INDEX maps_by_team ON maps (team);

CREATE TABLE map_members (
  map_id TEXT NOT NULL REFERENCES maps (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  PRIMARY KEY (map_id, user_id)
) STRICT;
CREATE INDEX map_members_by_user ON map_members (user_id);

CREATE TABLE revisions (
  map_id TEXT NOT NULL REFERENCES maps (id),
  number INTEGER NOT NULL CHECK (number >= 1),
  author_id INTEGER NOT NULL REFERENCES users (id),
  author TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  summary TEXT NOT NULL,
  title TEXT NOT NULL,
  document TEXT NOT NULL,
  PRIMARY KEY (map_id, number)
) STRICT;

CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  map_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  status INTEGER NOT NULL,
  source TEXT NOT NULL
) STRICT;
CREATE INDEX audit_by_map ON audit (map_id, id);

CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
)sql"},
    // 2: a revision is stored whole (a document) or as the JSON Patch from the one before; the
    // first of a map is always a document. Existing rows are documents. The partial index finds
    // the newest document at or before a revision (revision_chain) without reading any row.
    {2, R"sql(
ALTER TABLE revisions ADD COLUMN body TEXT NOT NULL DEFAULT 'document'
  CONSTRAINT revisions_body CHECK (body = 'document' OR (body = 'patch' AND number > 1));
CREATE INDEX revisions_documents ON revisions (map_id, number) WHERE body = 'document';
)sql"},
    // 3: who added each member, and when (unix seconds); 0 for members added before this.
    {3, R"sql(
ALTER TABLE map_members ADD COLUMN added_by INTEGER NOT NULL DEFAULT 0;
ALTER TABLE map_members ADD COLUMN added_at INTEGER NOT NULL DEFAULT 0;
)sql"},
    // 4: the layout each revision was drawn with, by view (server/map_layouts.hpp), kept so
    // that every process, and the same one after a restart, draws a revision the same.
    // Derived data: written once by whoever lays the revision out first, never changed.
    {4, R"sql(
CREATE TABLE layouts (
  map_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  view TEXT NOT NULL,
  basis INTEGER NOT NULL CHECK (basis >= 0 AND basis < number),
  geometry TEXT NOT NULL,
  PRIMARY KEY (map_id, number, view),
  FOREIGN KEY (map_id, number) REFERENCES revisions (map_id, number)
) STRICT;
)sql"},
    // 5: the server's own secrets by name, made once by the first process that needs one and
    // shared by every process on the database: the key that signs device cookies
    // (server/device_cookies.hpp). Never written by a request.
    {5, R"sql(
CREATE TABLE server_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
)sql"},
    // 6: each account's display name, the person's full name, shown where the workspace names
    // who did something; "" when not given (the username is shown instead).
    {6, R"sql(
ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
)sql"},
    // 7: what an access disclosed beyond its action, e.g. a copy's audience and stated reason
    // (GET /api/maps/{id}/record.pdf, docs/copies.md); empty for every earlier row.
    {7, R"sql(
ALTER TABLE audit ADD COLUMN detail TEXT NOT NULL DEFAULT '';
)sql"},
};
}  // namespace

std::span<const Migration> sqlite_migrations() { return kMigrations; }

}  // namespace peermap::store::sql
