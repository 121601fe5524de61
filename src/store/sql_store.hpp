// Private to store/: the Store written once over a small SQL interface (Database), which each
// backend (sqlite_store.cpp, postgres_store.cpp) implements with its own connections, pooling,
// transactions and error codes. So both backends run the same queries in the same way, and
// behave the same; only the schema's DDL and the plumbing differ.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/result.hpp"
#include "store/store.hpp"

namespace peermap::store::sql {

//! A query parameter. Text is only borrowed for the length of the call.
using Param = std::variant<std::int64_t, std::string_view>;
//! A result cell: NULL, an integer (SQL integer or boolean) or text.
using Cell = std::variant<std::monostate, std::int64_t, std::string>;
using Row = std::vector<Cell>;
using Rows = std::vector<Row>;

[[nodiscard]] std::int64_t integer(const Cell& cell);  // 0 for NULL
[[nodiscard]] std::string text(Cell&& cell);           // "" for NULL

//! One connection for the length of a read or a write. SQL uses $1, $2, ... placeholders;
//! values are always bound, never spliced into the text.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Result<Rows> query(std::string_view sql, std::initializer_list<Param> params) = 0;
  //! Runs a statement that returns no rows; the number of rows it changed.
  virtual Result<std::int64_t> execute(std::string_view sql,
                                       std::initializer_list<Param> params) = 0;
};

using Work = std::function<Status(Connection&)>;

class Database {
 public:
  virtual ~Database() = default;
  [[nodiscard]] virtual std::string_view backend() const = 0;
  //! Runs `work` on a pooled connection, each statement on its own (no transaction).
  virtual Status read(const Work& work) = 0;
  //! Runs `work` in one transaction: committed when it returns ok, rolled back otherwise.
  virtual Status write(const Work& work) = 0;
  //! Store::announce and Store::listen (the backend checks nothing: SqlStore has).
  virtual Status announce(std::string_view /*channel*/, std::string_view /*payload*/) {
    return ok_status();
  }
  virtual Result<std::unique_ptr<Listener>> listen(std::string_view /*channel*/) {
    return std::unique_ptr<Listener>();
  }
};

//! One numbered schema change. Numbered, applied in order, never edited once released.
struct Migration {
  int version;
  const char* sql;
};

//! Applies the migrations newer than the database's schema version, inside the transaction the
//! caller holds: creates `schema_version` with `create_version_table`, refuses a database
//! newer than `migrations`, runs each newer script with `run_script` and records it.
//! With `must_exist`, a database without `schema_version` is Invalid and nothing is created.
Status apply_migrations(Connection& connection, std::span<const Migration> migrations,
                        std::string_view create_version_table,
                        const std::function<Status(const char*)>& run_script,
                        bool must_exist = false);

//! Runs `work` inside a transaction opened with `begin` ("BEGIN", "BEGIN IMMEDIATE"): COMMIT when
//! it succeeds, ROLLBACK when it fails. `connection` has run(sql) for fixed SQL.
template <typename RawConnection>
Status in_transaction(RawConnection& connection, const char* begin,
                      const std::function<Status()>& work) {
  if (auto status = connection.run(begin); !status) return status;
  if (auto status = work(); !status) {
    (void)connection.run("ROLLBACK");
    return status;
  }
  return connection.run("COMMIT");
}

//! Each backend's migrations, oldest first (tests build databases at an older version with them).
[[nodiscard]] std::span<const Migration> sqlite_migrations();
[[nodiscard]] std::span<const Migration> postgres_migrations();

//! The Store over any Database.
[[nodiscard]] std::unique_ptr<Store> make_store(std::unique_ptr<Database> database);

//! "sqlite:PATH" without the scheme. Invalid for an empty path or ":memory:", Io when the file
//! cannot be opened or migrated.
//! With `must_exist`: NotFound for a missing file, Invalid for one that is not peermap's.
Result<std::unique_ptr<Store>> open_sqlite(std::string_view path, bool must_exist = false);
//! A postgresql:// or postgres:// URL. Invalid when it carries a password; with `must_exist`,
//! Invalid for a database without peermap's schema.
Result<std::unique_ptr<Store>> open_postgres(std::string_view url, bool must_exist = false);

}  // namespace peermap::store::sql
