// The one migration runner for both backends (sql_store.hpp): numbered scripts applied in order,
// each recorded in schema_version, inside the caller's transaction.
#include <string>

#include "store/sql_store.hpp"

namespace peermap::store::sql {

Status apply_migrations(Connection& connection, std::span<const Migration> migrations,
                        std::string_view create_version_table,
                        const std::function<Status(const char*)>& run_script, bool must_exist) {
  if (must_exist) {
    if (auto found = connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_version", {});
        !found || integer(found->front()[0]) == 0) {
      return Error{ErrorKind::Invalid, "not a peermap database (no schema version)"};
    }
  }
  if (auto created = connection.execute(create_version_table, {}); !created) {
    return created.error();
  }
  auto rows = connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_version", {});
  if (!rows) return rows.error();
  const std::int64_t current = integer(rows->front()[0]);
  const int latest = migrations.back().version;
  if (current > latest) {
    return Error{ErrorKind::Invalid, "the database's schema (version " + std::to_string(current) +
                                         ") is newer than this peermap's (" +
                                         std::to_string(latest) + ")"};
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= current) continue;
    if (auto status = run_script(migration.sql); !status) return status;
    auto recorded = connection.execute("INSERT INTO schema_version (version) VALUES ($1)",
                                       {std::int64_t{migration.version}});
    if (!recorded) return recorded.error();
  }
  return ok_status();
}

}  // namespace peermap::store::sql
