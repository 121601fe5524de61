// The SQLite backend: one file in WAL mode with synchronous=FULL, so a commit is on disk before
// it is acknowledged and readers never wait for the writer.
//
// - Reads run on a pool of read-only connections (query_only), opened as needed, so concurrent
//   readers do not queue behind each other or behind a write.
// - Writes run on the one writing connection, with group commit: callers queue their work; the
//   first in line becomes the leader and runs everything queued in one BEGIN IMMEDIATE
//   transaction, each piece inside its own SAVEPOINT (so one piece's failure undoes only its
//   own changes), and one COMMIT (one fsync) acknowledges them all. With an audit row written
//   on every read of a map, this keeps the fsyncs per second, not per request, the limit.
// - Other processes (the admin CLI while the server runs) wait through busy_timeout; a write
//   that still finds the database locked is retried a few times before giving up with Io.
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "base/handle.hpp"
#include "store/backup.hpp"
#include "store/pool.hpp"
#include "store/sql_store.hpp"

namespace peermap::store::sql {
namespace {

constexpr int kBusyTimeoutMs = 10'000;
constexpr int kBusyRetries = 3;

using DatabaseHandle = Handle<sqlite3, sqlite3_close_v2>;
using StatementHandle = Handle<sqlite3_stmt, sqlite3_finalize>;

//! Why `code` happened, as an Error: constraint codes become Conflict (unique) or Invalid,
//! file and locking trouble becomes Io.
Error sqlite_error(sqlite3* db, int code, std::string_view what) {
  ErrorKind kind = ErrorKind::Internal;
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      kind = ErrorKind::Conflict;
      break;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_DATATYPE:
      kind = ErrorKind::Invalid;
      break;
    default:
      switch (code & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_IOERR:
        case SQLITE_FULL:
        case SQLITE_CANTOPEN:
        case SQLITE_READONLY:
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
        case SQLITE_PERM:
        case SQLITE_PROTOCOL:
          kind = ErrorKind::Io;
          break;
        default:
          break;
      }
  }
  const char* reason = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  return Error{kind, "sqlite: " + std::string(what) + ": " + reason};
}

//! $1, $2, ... (the shared SQL's placeholders) as SQLite's ?1, ?2, ...
std::string sqlite_placeholders(std::string_view sql) {
  std::string out(sql);
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] == '$' && out[i + 1] >= '0' && out[i + 1] <= '9') out[i] = '?';
  }
  return out;
}

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

class SqliteConnection final : public Connection {
 public:
  enum class Mode { write, read };

  static Result<std::unique_ptr<SqliteConnection>> open(const std::string& path, Mode mode) {
    sqlite3* raw = nullptr;
    const int flags =
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    const int code = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    DatabaseHandle db(raw);  // owned even when opening failed
    if (code != SQLITE_OK) return sqlite_error(db.get(), code, "opening " + path);
    sqlite3_extended_result_codes(db.get(), 1);
    sqlite3_busy_timeout(db.get(), kBusyTimeoutMs);
    auto connection = std::unique_ptr<SqliteConnection>(new SqliteConnection(std::move(db)));
    // Per-connection settings; journal_mode=WAL is stored in the file (set by the writer).
    std::string pragmas = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
    if (mode == Mode::read) pragmas += " PRAGMA query_only = ON;";
    if (auto status = connection->run(pragmas); !status) return status.error();
    return connection;
  }

  Result<Rows> query(std::string_view sql, std::initializer_list<Param> params) override {
    Rows rows;
    auto status = step_all(sql, params, &rows);
    if (!status) return status.error();
    return rows;
  }

  Result<std::int64_t> execute(std::string_view sql, std::initializer_list<Param> params) override {
    auto status = step_all(sql, params, nullptr);
    if (!status) return status.error();
    return static_cast<std::int64_t>(sqlite3_changes64(db_.get()));
  }

  //! Runs fixed SQL with no parameters (PRAGMAs, DDL, BEGIN/COMMIT), possibly several statements.
  Status run(const std::string& sql) {
    char* message = nullptr;
    const int code = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);  // sqlite3_errmsg still holds it
    if (code != SQLITE_OK) return sqlite_error(db_.get(), code, "running " + first_words(sql));
    return ok_status();
  }

  //! Runs one statement with no parameters and no rows (BEGIN, SAVEPOINT, COMMIT), prepared once.
  Status control(std::string_view sql) {
    auto changed = execute(sql, {});
    if (!changed) return changed.error();
    return ok_status();
  }

  [[nodiscard]] bool in_transaction() const { return sqlite3_get_autocommit(db_.get()) == 0; }
  //! A connection goes back to the pool only outside a transaction.
  [[nodiscard]] bool reusable() const { return !in_transaction(); }

  //! Calls `hook(context, frames)` after each commit with the frames now in the WAL. It takes
  //! the place of SQLite's automatic checkpoints on this connection.
  void on_commit(int (*hook)(void*, sqlite3*, const char*, int), void* context) {
    sqlite3_wal_hook(db_.get(), hook, context);
  }

  //! Copies what it can of the WAL into the database without blocking writers or readers
  //! (SQLITE_CHECKPOINT_PASSIVE).
  Status checkpoint() {
    const int code =
        sqlite3_wal_checkpoint_v2(db_.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (code != SQLITE_OK && code != SQLITE_BUSY) {
      return sqlite_error(db_.get(), code, "checkpointing the WAL");
    }
    return ok_status();
  }

  //! Whether the last statement failed because another connection held the lock.
  [[nodiscard]] bool busy() const {
    const int code = sqlite3_extended_errcode(db_.get()) & 0xff;
    return code == SQLITE_BUSY || code == SQLITE_LOCKED;
  }

 private:
  explicit SqliteConnection(DatabaseHandle db) : db_(std::move(db)) {}

  static std::string first_words(std::string_view sql) {
    return std::string(sql.substr(0, std::min<std::size_t>(sql.size(), 40)));
  }

  Result<sqlite3_stmt*> prepare(std::string_view sql) {
    if (auto found = statements_.find(sql); found != statements_.end()) return found->second.get();
    const std::string text = sqlite_placeholders(sql);
    sqlite3_stmt* raw = nullptr;
    const int code = sqlite3_prepare_v3(db_.get(), text.c_str(), static_cast<int>(text.size() + 1),
                                        SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    StatementHandle statement(raw);
    if (code != SQLITE_OK) return sqlite_error(db_.get(), code, "preparing " + first_words(sql));
    return statements_.emplace(std::string(sql), std::move(statement)).first->second.get();
  }

  //! Binds `params`, steps to the end (collecting rows into `rows` when given), and leaves the
  //! statement reset for its next use.
  Status step_all(std::string_view sql, std::initializer_list<Param> params, Rows* rows) {
    auto prepared = prepare(sql);
    if (!prepared) return prepared.error();
    sqlite3_stmt* statement = prepared.value();
    struct Reset {
      explicit Reset(sqlite3_stmt* reset) : statement(reset) {}
      Reset(const Reset&) = delete;
      Reset& operator=(const Reset&) = delete;
      sqlite3_stmt* statement;
      ~Reset() {
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
      }
    } reset{statement};

    int index = 1;
    for (const Param& param : params) {
      int code = SQLITE_OK;
      if (const auto* number = std::get_if<std::int64_t>(&param)) {
        code = sqlite3_bind_int64(statement, index, *number);
      } else {
        const auto text = std::get<std::string_view>(param);
        // A null pointer would bind NULL: an empty text is still text.
        code = sqlite3_bind_text64(statement, index, text.empty() ? "" : text.data(), text.size(),
                                   SQLITE_STATIC, SQLITE_UTF8);
      }
      if (code != SQLITE_OK) return sqlite_error(db_.get(), code, "binding " + first_words(sql));
      ++index;
    }
    for (;;) {
      const int code = sqlite3_step(statement);
      if (code == SQLITE_DONE) return ok_status();
      if (code != SQLITE_ROW) return sqlite_error(db_.get(), code, first_words(sql));
      if (rows == nullptr) continue;
      const int columns = sqlite3_column_count(statement);
      Row& row = rows->emplace_back();
      row.reserve(static_cast<std::size_t>(columns));
      for (int column = 0; column < columns; ++column) row.push_back(cell(statement, column));
    }
  }

  static Cell cell(sqlite3_stmt* statement, int column) {
    switch (sqlite3_column_type(statement, column)) {
      case SQLITE_NULL:
        return std::monostate{};
      case SQLITE_INTEGER:
        return static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
      default: {
        const auto* data = sqlite3_column_text(statement, column);  // before _bytes
        const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
        return data == nullptr ? std::string()
                               : std::string(reinterpret_cast<const char*>(data), size);
      }
    }
  }

  DatabaseHandle db_;
  std::unordered_map<std::string, StatementHandle, TextHash, std::equal_to<>> statements_;
};

//! Puts the file in WAL mode, a property of the file kept by every later connection. Leaving
//! the rollback journal needs the file to itself, and SQLite does not wait for that through
//! busy_timeout (the connection already holds a read lock): while another process that opened
//! the new file first is migrating it, this tries again until busy_timeout has passed.
Status enter_wal(SqliteConnection& connection, const std::string& path) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    auto mode = connection.query("PRAGMA journal_mode = WAL", {});
    if (mode) {
      if (mode->empty() || text(std::move(mode->front()[0])) != "wal") {
        return Error{ErrorKind::Io, "sqlite: cannot put " + path + " in WAL mode"};
      }
      return ok_status();
    }
    if (!connection.busy() || std::chrono::steady_clock::now() >= deadline) return mode.error();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

//! Brings the schema up to date in one IMMEDIATE transaction, so two processes opening the same
//! file at once apply each migration once.
Status migrate(SqliteConnection& connection) {
  return in_transaction(connection, "BEGIN IMMEDIATE", [&]() -> Status {
    return apply_migrations(
        connection, sqlite_migrations(),
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY) STRICT",
        [&](const char* script) { return connection.run(script); });
  });
}

class SqliteDatabase final : public Database {
 public:
  static Result<std::unique_ptr<SqliteDatabase>> open(std::string path) {
    auto writer = SqliteConnection::open(path, SqliteConnection::Mode::write);
    if (!writer) return writer.error();
    if (auto status = enter_wal(*writer.value(), path); !status) return status.error();
    if (auto status = migrate(*writer.value()); !status) return status.error();
    auto checkpointer = SqliteConnection::open(path, SqliteConnection::Mode::write);
    if (!checkpointer) return checkpointer.error();
    return std::unique_ptr<SqliteDatabase>(new SqliteDatabase(
        std::move(path), std::move(writer).value(), std::move(checkpointer).value()));
  }

  [[nodiscard]] std::string_view backend() const override { return "sqlite"; }

  Status read(const Work& work) override {
    auto reader = readers_.acquire();
    if (!reader) return reader.error();
    return work(*reader.value());
  }

  // Group commit. A caller queues its job and sleeps on its own condition variable until a
  // leader has run it, or until it is made the leader: then it takes the whole queue, runs it
  // as one transaction, wakes each caller of the batch, and hands the lead to the first caller
  // queued meanwhile. Nobody is woken for someone else's batch.
  Status write(const Work& work) override {
    WriteJob job(&work);
    std::unique_lock lock(queue_mutex_);
    queue_.push_back(&job);
    if (leader_active_) {
      job.wake.wait(lock, [&] { return job.done || job.leads; });
      if (job.done) return std::move(job.result);
    }
    leader_active_ = true;
    std::vector<WriteJob*> batch;
    batch.swap(queue_);
    lock.unlock();
    run_batch(batch);
    lock.lock();
    for (WriteJob* done : batch) {
      done->done = true;
      if (done != &job) done->wake.notify_one();
    }
    if (queue_.empty()) {
      leader_active_ = false;
    } else {
      queue_.front()->leads = true;
      queue_.front()->wake.notify_one();
    }
    return std::move(job.result);
  }

 private:
  struct WriteJob {
    explicit WriteJob(const Work* w) : work(w) {}
    const Work* work;
    Status result = ok_status();
    bool done = false;   // guarded by queue_mutex_
    bool leads = false;  // guarded by queue_mutex_
    std::condition_variable wake;
  };

  SqliteDatabase(std::string path, std::unique_ptr<SqliteConnection> writer,
                 std::unique_ptr<SqliteConnection> checkpointer)
      : writer_(std::move(writer)),
        checkpointer_(std::move(checkpointer)),
        readers_([path = std::move(
                      path)] { return SqliteConnection::open(path, SqliteConnection::Mode::read); },
                 std::clamp(2 * std::thread::hardware_concurrency(), 4U, 16U)) {
    writer_->on_commit(&SqliteDatabase::committed, this);
    checkpoints_ = std::thread([this] { checkpoint_loop(); });
  }

 public:
  ~SqliteDatabase() override {
    {
      const std::lock_guard lock(checkpoint_mutex_);
      stopping_ = true;
    }
    checkpoint_wake_.notify_one();
    checkpoints_.join();
  }
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

 private:
  // Checkpoints. SQLite's automatic checkpoint runs in the committing connection, while it holds
  // the write lock, so every writer waits for it (several milliseconds: it copies pages and syncs
  // the database file). Here a thread of its own does it, passively (it never blocks a writer
  // or a reader), once the WAL has kAutoCheckpointFrames new frames. Should it fall far behind
  // (readers keep old frames in use), the writer checkpoints itself, as SQLite would.
  static constexpr int kAutoCheckpointFrames = 1000;  // SQLite's default
  static constexpr int kWriterCheckpointFrames = 10 * kAutoCheckpointFrames;

  static int committed(void* self, sqlite3* /*db*/, const char* /*name*/, int frames) {
    auto* database = static_cast<SqliteDatabase*>(self);
    if (frames >= kWriterCheckpointFrames) {
      (void)database->writer_->checkpoint();
    } else if (frames >= kAutoCheckpointFrames) {
      {
        const std::lock_guard lock(database->checkpoint_mutex_);
        database->checkpoint_due_ = true;
      }
      database->checkpoint_wake_.notify_one();
    }
    return SQLITE_OK;
  }

  void checkpoint_loop() {
    std::unique_lock lock(checkpoint_mutex_);
    for (;;) {
      checkpoint_wake_.wait(lock, [&] { return checkpoint_due_ || stopping_; });
      if (stopping_) return;
      checkpoint_due_ = false;
      lock.unlock();
      (void)checkpointer_->checkpoint();  // a failure leaves the WAL longer, nothing worse
      lock.lock();
    }
  }

  //! Runs every job of `batch` in one transaction, retrying the whole batch when another
  //! process held the database past busy_timeout. Called by one leader at a time.
  void run_batch(const std::vector<WriteJob*>& batch) {
    Status status = ok_status();
    for (int attempt = 0; attempt < kBusyRetries; ++attempt) {
      batch_busy_ = false;
      status = run_batch_once(batch);
      if (status || !batch_busy_) break;
    }
    if (!status) {
      for (WriteJob* job : batch) job->result = status;
    }
  }

  //! The batch's own failure (BEGIN or COMMIT), or ok with each job's result in job->result.
  Status run_batch_once(const std::vector<WriteJob*>& batch) {
    SqliteConnection& c = *writer_;
    if (auto status = c.control("BEGIN IMMEDIATE"); !status) return rollback(status);
    for (WriteJob* job : batch) {
      if (auto status = c.control("SAVEPOINT job"); !status) return rollback(status);
      job->result = run_job(*job);
      if (!job->result) {
        if (auto status = c.control("ROLLBACK TO job"); !status) return rollback(status);
      }
      if (auto status = c.control("RELEASE job"); !status) return rollback(status);
    }
    if (auto status = c.control("COMMIT"); !status) return rollback(status);
    return ok_status();
  }

  Status run_job(const WriteJob& job) {
    try {
      return (*job.work)(*writer_);
    } catch (const std::exception& e) {  // never leave the other callers waiting
      return Error{ErrorKind::Internal, std::string("store: ") + e.what()};
    } catch (...) {
      return Error{ErrorKind::Internal, "store: an unknown exception"};
    }
  }

  //! Ends a failed batch; notes first whether it failed on another process's lock.
  Status rollback(Status failure) {
    batch_busy_ = writer_->busy();
    if (writer_->in_transaction()) (void)writer_->run("ROLLBACK");
    return failure;
  }

  std::unique_ptr<SqliteConnection> writer_;        // used only by the leader
  std::unique_ptr<SqliteConnection> checkpointer_;  // used only by checkpoints_
  std::mutex checkpoint_mutex_;
  std::condition_variable checkpoint_wake_;
  bool checkpoint_due_ = false;  // guarded by checkpoint_mutex_
  bool stopping_ = false;        // guarded by checkpoint_mutex_
  std::thread checkpoints_;
  std::mutex queue_mutex_;
  std::vector<WriteJob*> queue_;
  bool leader_active_ = false;
  bool batch_busy_ = false;  // used only by the leader

  Pool<SqliteConnection> readers_;
};

//! Creates the parent directory (owner only) and the file (mode 0600) when missing: the
//! database holds case records. SQLite gives its -wal and -shm files the same mode.
Status prepare_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::exists(parent, error)) {
    fs::create_directories(parent, error);
    if (error) {
      return Error{ErrorKind::Io, "cannot create " + parent.string() + ": " + error.message()};
    }
    fs::permissions(parent, fs::perms::owner_all, error);
  }
  const int fd = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0) {
    // generic_category's message is strerror's text, without strerror's shared buffer.
    return Error{ErrorKind::Io,
                 "cannot open " + path + ": " + std::generic_category().message(errno)};
  }
  ::close(fd);
  return ok_status();
}

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite(std::string_view path, bool must_exist) {
  if (path.empty() || path == ":memory:" || path.starts_with("file:")) {
    return Error{ErrorKind::Invalid, "sqlite: give the database file as sqlite:PATH"};
  }
  std::string file(path);
  // Read-only first: a file that is not peermap's is neither switched to WAL nor migrated.
  if (must_exist) {
    if (auto status = check_sqlite_peermap_file(file); !status) return status.error();
  }
  if (auto status = prepare_file(file); !status) return status.error();
  auto database = SqliteDatabase::open(std::move(file));
  if (!database) return database.error();
  return make_store(std::move(database).value());
}

}  // namespace peermap::store::sql
