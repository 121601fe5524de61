// Backups of the SQLite file and the checks around them (sqlite_backup.cpp): a consistent copy
// taken while the server runs (SQLite's online backup API), put back whole through a file in
// the same directory and a rename, and SQLite's own integrity check. PostgreSQL is backed up
// with pg_dump and pg_restore (docs/store.md, "Backups").
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace peermap::store {

//! The tables a manifest covers, in the order Store::scan_tables visits them.
inline constexpr std::array<std::string_view, 10> kTables = {
    "schema_version", "users",     "sessions", "login_failures", "maps",
    "map_members",    "revisions", "layouts",  "audit",          "server_secrets"};

//! Ok when `path` is a SQLite file holding peermap's schema; read-only, nothing changed.
//! NotFound when there is no such file, Invalid (naming the file) when it is not peermap's.
Status check_sqlite_peermap_file(const std::string& path);

//! Copies the live database at `source` to a new file `out` (mode 0600, created, never an
//! existing file: Conflict) with sqlite3_backup_*, which restarts when a writer changes a page
//! it has copied, so the copy is one consistent snapshot. Readers and writers go on meanwhile
//! (the copy takes the read lock only between steps). Nothing is left at `out` on failure.
Status backup_sqlite(const std::string& source, const std::string& out);

//! True when another process has the SQLite database `path` open (a server): it holds the
//! WAL index's shared lock that every connection holds while open.
bool sqlite_held_open(const std::string& path);

//! Puts the backup file `backup` (a peermap database) at `target`: copied to a new file in
//! target's directory, fsynced, then renamed over it, with any old -wal and -shm removed first.
//! Refused (Conflict, naming the file) when a process holds `target` open, or when it exists
//! and `force` is false. Nothing is changed when refused.
Status restore_sqlite(const std::string& backup, const std::string& target, bool force);

//! PRAGMA integrity_check and foreign_key_check on `path`, read-only: one line a problem
//! found, empty when the file is sound.
Result<std::vector<std::string>> sqlite_integrity_problems(const std::string& path);

}  // namespace peermap::store
