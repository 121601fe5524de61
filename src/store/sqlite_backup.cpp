// Backups of the SQLite file (store/backup.hpp). The copy is one read transaction over the live
// file through sqlite3_backup_step(-1): in WAL mode a reader never blocks the server's writer,
// and one step never restarts, so the copy is the database as of the moment it began even while
// writes go on. Copies leave WAL mode (journal_mode=DELETE): a backup is one self-contained file.
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "base/handle.hpp"
#include "store/backup.hpp"

namespace peermap::store {
namespace {

using DatabaseHandle = Handle<sqlite3, sqlite3_close_v2>;
using BackupHandle = Handle<sqlite3_backup, sqlite3_backup_finish>;
using StatementHandle = Handle<sqlite3_stmt, sqlite3_finalize>;

constexpr int kBusyTimeoutMs = 10'000;
//! The byte of the -shm file on which every open connection holds a shared lock (SQLite's
//! os_unix.c: UNIX_SHM_DMS, the "dead man switch", (22 + 8) * 4 + 8).
constexpr off_t kShmDeadManSwitch = 128;

std::string errno_text() { return std::generic_category().message(errno); }

Error io_error(const std::string& what) { return Error{ErrorKind::Io, what + ": " + errno_text()}; }

Result<DatabaseHandle> open_database(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int code = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_EXRESCODE, nullptr);
  DatabaseHandle db(raw);
  if (code != SQLITE_OK) {
    return Error{ErrorKind::Io,
                 path + ": cannot open: " + (db ? sqlite3_errmsg(db.get()) : sqlite3_errstr(code))};
  }
  sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
  return db;
}

//! Every row's first column of `sql` as text.
Result<std::vector<std::string>> first_column(sqlite3* db, const char* sql,
                                              const std::string& path) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
    return Error{ErrorKind::Invalid, path + ": " + sqlite3_errmsg(db)};
  }
  StatementHandle statement(raw);
  std::vector<std::string> out;
  int code = SQLITE_ROW;
  while ((code = sqlite3_step(statement.get())) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(statement.get(), 0);
    out.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
  }
  if (code != SQLITE_DONE) return Error{ErrorKind::Io, path + ": " + sqlite3_errmsg(db)};
  return out;
}

Status run(sqlite3* db, const char* sql, const std::string& path) {
  char* message = nullptr;
  const int code = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  const Handle<char, sqlite3_free> owned(message);
  if (code != SQLITE_OK) {
    return Error{ErrorKind::Io, path + ": " + (owned ? owned.get() : sqlite3_errstr(code))};
  }
  return ok_status();
}

Status sync_directory_of(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::absolute(path).parent_path();
  const int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return io_error(parent.string());
  const int synced = ::fsync(fd);
  ::close(fd);
  if (synced != 0) return io_error(parent.string());
  return ok_status();
}

//! Copies the database `source` into the existing, empty file `out` in one backup step, then
//! takes the copy out of WAL mode. SQLite fsyncs the copy (synchronous=FULL).
Status copy_database(const std::string& source, const std::string& out) {
  auto from = open_database(source, SQLITE_OPEN_READONLY);
  if (!from) return from.error();
  auto to = open_database(out, SQLITE_OPEN_READWRITE);
  if (!to) return to.error();
  {
    BackupHandle backup(sqlite3_backup_init(to->get(), "main", from->get(), "main"));
    if (!backup) return Error{ErrorKind::Io, out + ": " + sqlite3_errmsg(to->get())};
    int code = SQLITE_OK;
    do {
      code = sqlite3_backup_step(backup.get(), -1);
      if (code == SQLITE_BUSY || code == SQLITE_LOCKED) sqlite3_sleep(10);
    } while (code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED);
    if (code != SQLITE_DONE) {
      return Error{ErrorKind::Io, source + ": the copy failed: " + sqlite3_errstr(code)};
    }
  }
  if (const int code = sqlite3_errcode(to->get()); code != SQLITE_OK) {
    return Error{ErrorKind::Io, out + ": " + sqlite3_errmsg(to->get())};
  }
  if (auto status = run(to->get(), "PRAGMA synchronous = FULL; PRAGMA journal_mode = DELETE;", out);
      !status) {
    return status;
  }
  return sync_directory_of(out);
}

}  // namespace

Status check_sqlite_peermap_file(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return Error{ErrorKind::NotFound, path + ": no such file"};
  }
  std::ifstream file(path, std::ios::binary);
  std::array<char, 16> header{};
  file.read(header.data(), header.size());
  if (!file ||
      std::string_view(header.data(), header.size()) != std::string_view("SQLite format 3\0", 16)) {
    return Error{ErrorKind::Invalid, path + ": not a SQLite database"};
  }
  auto db = open_database(path, SQLITE_OPEN_READONLY);
  if (!db) return db.error();
  auto version = first_column(db->get(), "SELECT MAX(version) FROM schema_version", path);
  if (!version || version->empty() || version->front().empty()) {
    return Error{ErrorKind::Invalid, path + ": not a peermap database (no schema_version)"};
  }
  return ok_status();
}

Status backup_sqlite(const std::string& source, const std::string& out) {
  if (auto status = check_sqlite_peermap_file(source); !status) return status;
  // Created here with mode 0600 (never chmod'ed later), and never over an existing file.
  const int fd = ::open(out.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) {
      return Error{ErrorKind::Conflict, out + ": exists; a backup never overwrites a file"};
    }
    return io_error(out);
  }
  ::close(fd);
  auto copied = copy_database(source, out);
  if (!copied) {
    std::error_code ignored;
    std::filesystem::remove(out, ignored);
    std::filesystem::remove(out + "-journal", ignored);
  }
  return copied;
}

bool sqlite_held_open(const std::string& path) {
  const std::string shm = path + "-shm";
  const int fd = ::open(shm.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;  // no WAL index: nobody has the database open in WAL mode
  struct flock probe {};
  probe.l_type = F_WRLCK;
  probe.l_whence = SEEK_SET;
  probe.l_start = kShmDeadManSwitch;
  probe.l_len = 1;
  const bool asked = ::fcntl(fd, F_GETLK, &probe) == 0;
  ::close(fd);
  return asked && probe.l_type != F_UNLCK;
}

Status restore_sqlite(const std::string& backup, const std::string& target, bool force) {
  if (auto status = check_sqlite_peermap_file(backup); !status) return status;
  if (sqlite_held_open(target)) {
    return Error{ErrorKind::Conflict,
                 target + ": open in another process (a running server?); stop it first"};
  }
  std::error_code error;
  if (std::filesystem::exists(target, error) && !force) {
    return Error{ErrorKind::Conflict, target + ": exists; give --force to replace it"};
  }
  const std::filesystem::path place = std::filesystem::absolute(target);
  std::string temporary = (place.parent_path() / ("." + place.filename().string() + ".XXXXXX"));
  const int fd = ::mkstemp(temporary.data());  // mode 0600
  if (fd < 0) return io_error(place.parent_path().string());
  ::close(fd);
  auto copied = copy_database(backup, temporary);
  if (copied) {
    // An old WAL would be replayed into the new file: it goes first.
    std::filesystem::remove(target + "-wal", error);
    std::filesystem::remove(target + "-shm", error);
    if (::rename(temporary.c_str(), target.c_str()) != 0) copied = io_error(target);
  }
  if (!copied) {
    std::filesystem::remove(temporary, error);
    std::filesystem::remove(temporary + "-journal", error);
    return copied;
  }
  return sync_directory_of(target);
}

Result<std::vector<std::string>> sqlite_integrity_problems(const std::string& path) {
  if (auto status = check_sqlite_peermap_file(path); !status) return status.error();
  auto db = open_database(path, SQLITE_OPEN_READONLY);
  if (!db) return db.error();
  auto integrity = first_column(db->get(), "PRAGMA integrity_check", path);
  if (!integrity) return integrity.error();
  std::vector<std::string> problems;
  for (auto& line : integrity.value()) {
    if (line != "ok") problems.push_back("integrity_check: " + line);
  }
  auto keys = first_column(db->get(),
                           "SELECT \"table\" || ' row ' || rowid || ' -> ' || parent "
                           "FROM pragma_foreign_key_check",
                           path);
  if (!keys) return keys.error();
  for (auto& line : keys.value()) problems.push_back("foreign_key_check: " + line);
  return problems;
}

}  // namespace peermap::store
