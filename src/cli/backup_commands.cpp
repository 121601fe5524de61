// The backup commands: backup, restore, verify (docs/store.md, "Backups"). SQLite is copied by
// the store's online backup; PostgreSQL is dumped and restored with pg_dump and pg_restore, and
// checked by the same `verify`.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "backup/manifest.hpp"
#include "backup/verify.hpp"
#include "base/text_safety.hpp"
#include "cli/commands.hpp"
#include "model/date.hpp"
#include "store/backup.hpp"
#include "store/store.hpp"

namespace peermap::cli {
namespace {

constexpr std::string_view kSqlite = "sqlite:";

std::string shown(std::string_view text) { return text::escape_controls_for_terminal(text); }

int exit_for(const Error& error) {
  return error.kind == ErrorKind::Io || error.kind == ErrorKind::NotFound ? kExitUsage
                                                                          : kExitInvalid;
}

//! Writes `text` to a new file `path` (mode 0600, never over an existing file) and fsyncs it.
Status write_new_file(const std::string& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Error{errno == EEXIST ? ErrorKind::Conflict : ErrorKind::Io,
                 path + ": " + std::generic_category().message(errno)};
  }
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const bool ok = written == text.size() && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return Error{ErrorKind::Io, path + ": cannot be written"};
  return ok_status();
}

}  // namespace

std::string manifest_path_of(const std::string& backup_file) {
  return backup_file + ".manifest.json";
}

int backup(const std::string& db, const std::string& output, std::ostream& out, std::ostream& err) {
  if (!db.starts_with(kSqlite)) {
    err << "--db: error: `peermap backup` copies a SQLite database; back up PostgreSQL with "
           "pg_dump (docs/store.md, \"Backups\"), then check it with `peermap verify`\n";
    return kExitUsage;
  }
  const std::string manifest_file = manifest_path_of(output);
  std::error_code error;
  if (std::filesystem::exists(manifest_file, error)) {
    err << shown(manifest_file) << ": error: exists; a backup never overwrites a file\n";
    return kExitUsage;
  }
  if (auto copied = store::backup_sqlite(db.substr(kSqlite.size()), output); !copied) {
    err << "error: " << shown(copied.error().message) << "\n";
    return exit_for(copied.error());
  }
  // The manifest is the copy's own: what the backup holds, not what the live file holds now.
  const auto fail = [&](const std::string& why) {
    err << "error: " << shown(why) << "\n";
    std::filesystem::remove(output, error);
    for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(output + suffix, error);
    return kExitUsage;
  };
  Result<backup::Manifest> manifest = Error{ErrorKind::Internal, {}};
  {
    auto copy = store::open_existing_store(std::string(kSqlite) + output);
    if (!copy) return fail(copy.error().message);
    manifest = backup::compute_manifest(*copy.value());
  }
  if (!manifest) return fail(manifest.error().message);
  if (auto written = write_new_file(manifest_file, backup::manifest_text(manifest.value()));
      !written) {
    return fail(written.error().message);
  }
  const auto& tables = manifest->tables;
  out << "backed up to " << shown(output) << " (mode 0600): " << tables.at("maps").rows << " maps, "
      << tables.at("revisions").rows << " revisions, " << tables.at("audit").rows
      << " audit rows; manifest " << shown(manifest_file) << "\n";
  return kExitOk;
}

int restore(const std::string& backup_file, const std::string& db, bool force, std::ostream& out,
            std::ostream& err) {
  if (!db.starts_with(kSqlite)) {
    err << "--db: error: `peermap restore` puts back a SQLite backup; restore PostgreSQL with "
           "pg_restore (docs/store.md, \"Backups\")\n";
    return kExitUsage;
  }
  const std::string target = db.substr(kSqlite.size());
  if (auto restored = store::restore_sqlite(backup_file, target, force); !restored) {
    err << "error: " << shown(restored.error().message) << "\n";
    return exit_for(restored.error());
  }
  out << "restored " << shown(backup_file) << " to " << shown(target)
      << "; check it with: peermap verify --db " << shown(db) << " --manifest "
      << shown(manifest_path_of(backup_file)) << "\n";
  return kExitOk;
}

int verify(const std::string& db, const std::string& manifest_file, std::ostream& out,
           std::ostream& err) {
  // The manifest is read first: a bad one changes nothing and opens nothing.
  std::optional<backup::Manifest> expected;
  if (!manifest_file.empty()) {
    auto text = read_file(manifest_file);
    if (!text) {
      err << shown(manifest_file) << ": error: " << shown(text.error().message) << "\n";
      return kExitUsage;
    }
    auto parsed = backup::parse_manifest(text.value(), manifest_file);
    if (!parsed) {
      err << "error: " << shown(parsed.error().message) << "\n";
      return kExitInvalid;
    }
    expected = std::move(parsed).value();
  }
  std::vector<std::string> failures;
  if (db.starts_with(kSqlite)) {
    auto problems = store::sqlite_integrity_problems(db.substr(kSqlite.size()));
    if (!problems) {
      err << "--db: error: " << shown(problems.error().message) << "\n";
      return exit_for(problems.error());
    }
    failures = std::move(problems).value();
  }
  auto opened = store::open_existing_store(db);
  if (!opened) {
    err << "--db: error: " << shown(opened.error().message) << "\n";
    return exit_for(opened.error());
  }
  model::ParseOptions options;
  options.today = model::today_utc();
  auto checked = backup::verify_store(*opened.value(), options);
  if (!checked) {
    err << "--db: error: " << shown(checked.error().message) << "\n";
    return kExitUsage;
  }
  failures.insert(failures.end(), checked->failures.begin(), checked->failures.end());
  if (expected) {
    for (auto& line : backup::manifest_differences(*expected, checked->manifest)) {
      std::string failure = "manifest " + manifest_file;
      failure += ": ";
      failure += line;
      failures.push_back(std::move(failure));
    }
  }
  for (const auto& line : failures) err << "verify: FAILED: " << shown(line) << "\n";
  if (!failures.empty()) return kExitInvalid;
  out << "verified: " << checked->maps << " maps, " << checked->revisions
      << " revisions replay to valid documents"
      << (db.starts_with(kSqlite) ? "; integrity_check ok" : "")
      << (expected ? "; the manifest matches" : "") << "\n";
  return kExitOk;
}

}  // namespace peermap::cli
