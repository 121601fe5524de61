// The PostgreSQL backend, through libpq. Several server processes may share one database:
// - migrations run in one transaction that first takes a transaction-scoped advisory lock, so
//   only one process migrates and the others find the work done;
// - a write is one transaction on one pooled connection; append_revision moves the head with
//   UPDATE ... WHERE head = expected, so of two processes saving from the same head exactly one
//   wins (the other's UPDATE waits for the first to commit, then matches no row).
// Every value is a parameter of PQexecParams (binary: 8-byte integers and text), never spliced
// into SQL. A password is never taken from the URL: libpq reads PGPASSWORD or PGPASSFILE.
#include <libpq-fe.h>
#include <poll.h>

#include <array>
#include <bit>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <thread>

#include "base/handle.hpp"
#include "store/libpq_loader.hpp"
#include "store/pool.hpp"
#include "store/sql_store.hpp"

namespace peermap::store::sql {
namespace {

// Type OIDs from PostgreSQL's catalog (pg_type.dat); stable across versions.
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kTextOid = 25;

constexpr unsigned kMaxConnections = 16;
// pg_advisory_xact_lock key held while migrating: "peermap" in ASCII.
constexpr std::int64_t kMigrationLock = 0x7065'6572'6d61'70;

using ConnectionHandle = Handle<PGconn, PQfinish>;
using ResultHandle = Handle<PGresult, PQclear>;
using NotifyHandle = Handle<PGnotify, PQfreemem>;

//! libpq's message, first line only and without the trailing newline.
std::string first_line(const char* message) {
  std::string_view text = message != nullptr ? message : "";
  return std::string(text.substr(0, text.find('\n')));
}

//! A failed statement as an Error, by SQLSTATE: unique violation -> Conflict, other integrity
//! and data errors -> Invalid, connection and resource trouble -> Io. Only the primary message
//! is kept: the detail may quote values (case content).
Error postgres_error(PGconn* connection, const PGresult* result, std::string_view what) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary =
      result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const std::string reason = primary != nullptr ? primary : first_line(PQerrorMessage(connection));
  const std::string_view code = state != nullptr ? state : "";
  ErrorKind kind = ErrorKind::Internal;
  if (code.empty() || code.starts_with("08") || code.starts_with("53") || code.starts_with("57P") ||
      code.starts_with("58")) {
    kind = ErrorKind::Io;  // no SQLSTATE: the connection itself failed
  } else if (code == "23505") {
    kind = ErrorKind::Conflict;
  } else if (code.starts_with("23") || code.starts_with("22")) {
    kind = ErrorKind::Invalid;
  }
  return Error{kind, "postgresql: " + std::string(what) + ": " + reason};
}

//! The SQL's first words, to say which statement failed without quoting any value.
std::string first_words(std::string_view sql) {
  return std::string(sql.substr(0, std::min<std::size_t>(sql.size(), 40)));
}

class PostgresConnection final : public Connection {
 public:
  static Result<std::unique_ptr<PostgresConnection>> open(const std::string& url) {
    ConnectionHandle connection(PQconnectdb(url.c_str()));
    if (!connection) return Error{ErrorKind::Internal, "postgresql: out of memory"};
    if (PQstatus(connection.get()) != CONNECTION_OK) {
      // libpq names the host and port, never the password.
      return Error{ErrorKind::Io,
                   "postgresql: cannot connect: " + first_line(PQerrorMessage(connection.get()))};
    }
    // Notices ("relation already exists, skipping") would go to stderr.
    PQsetNoticeProcessor(
        connection.get(), [](void*, const char*) {}, nullptr);
    if (PQsetClientEncoding(connection.get(), "UTF8") != 0) {
      return Error{ErrorKind::Io, "postgresql: cannot use UTF8 as the client encoding"};
    }
    return std::unique_ptr<PostgresConnection>(new PostgresConnection(std::move(connection)));
  }

  Result<Rows> query(std::string_view sql, std::initializer_list<Param> params) override {
    auto result = exec(sql, params);
    if (!result) return result.error();
    PGresult* r = result->get();
    const int count = PQntuples(r);
    const int columns = PQnfields(r);
    Rows rows(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
      Row& row = rows[static_cast<std::size_t>(i)];
      row.reserve(static_cast<std::size_t>(columns));
      for (int column = 0; column < columns; ++column) row.push_back(cell(r, i, column));
    }
    return rows;
  }

  Result<std::int64_t> execute(std::string_view sql, std::initializer_list<Param> params) override {
    auto result = exec(sql, params);
    if (!result) return result.error();
    const std::string_view changed = PQcmdTuples(result->get());
    std::int64_t count = 0;
    std::from_chars(changed.data(), changed.data() + changed.size(), count);
    return count;
  }

  //! Runs fixed SQL with no parameters (BEGIN, COMMIT, DDL), possibly several statements.
  Status run(const char* sql) {
    ResultHandle result(PQexec(connection_.get(), sql));
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      return postgres_error(connection_.get(), result.get(), first_words(sql));
    }
    return ok_status();
  }

  [[nodiscard]] bool connected() const { return PQstatus(connection_.get()) == CONNECTION_OK; }
  //! A connection goes back to the pool only while connected and outside a transaction.
  [[nodiscard]] bool reusable() const {
    return connected() && PQtransactionStatus(connection_.get()) == PQTRANS_IDLE;
  }

 private:
  explicit PostgresConnection(ConnectionHandle connection) : connection_(std::move(connection)) {}

  Result<ResultHandle> exec(std::string_view sql, std::initializer_list<Param> params) {
    constexpr std::size_t kMaxParams = 16;
    if (params.size() > kMaxParams) return Error{ErrorKind::Internal, "too many parameters"};
    std::array<Oid, kMaxParams> types{};
    std::array<const char*, kMaxParams> values{};
    std::array<int, kMaxParams> lengths{};
    std::array<int, kMaxParams> formats{};
    std::array<std::uint64_t, kMaxParams> integers{};  // big-endian, as the binary format wants
    std::size_t i = 0;
    for (const Param& param : params) {
      formats[i] = 1;  // binary: no text conversion, no copy of the document
      if (const auto* number = std::get_if<std::int64_t>(&param)) {
        auto bits = static_cast<std::uint64_t>(*number);
        if constexpr (std::endian::native == std::endian::little) bits = __builtin_bswap64(bits);
        integers[i] = bits;
        types[i] = kInt8Oid;
        values[i] = reinterpret_cast<const char*>(&integers[i]);
        lengths[i] = sizeof(std::uint64_t);
      } else {
        const auto text = std::get<std::string_view>(param);
        types[i] = kTextOid;
        values[i] = text.empty() ? "" : text.data();  // a null pointer would mean SQL NULL
        lengths[i] = static_cast<int>(text.size());
      }
      ++i;
    }
    const std::string statement(sql);  // libpq wants it NUL-terminated
    ResultHandle result(PQexecParams(connection_.get(), statement.c_str(),
                                     static_cast<int>(params.size()), types.data(), values.data(),
                                     lengths.data(), formats.data(), 0));
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      return postgres_error(connection_.get(), result.get(), first_words(sql));
    }
    return result;
  }

  static Cell cell(PGresult* result, int row, int column) {
    if (PQgetisnull(result, row, column) != 0) return std::monostate{};
    const char* value = PQgetvalue(result, row, column);
    const auto length = static_cast<std::size_t>(PQgetlength(result, row, column));
    switch (PQftype(result, column)) {
      case kBoolOid:
        return std::int64_t{value[0] == 't' ? 1 : 0};
      case kInt2Oid:
      case kInt4Oid:
      case kInt8Oid: {
        std::int64_t number = 0;
        std::from_chars(value, value + length, number);
        return number;
      }
      default:
        return std::string(value, length);
    }
  }

  ConnectionHandle connection_;
};

// ---- announcements between processes

//! LISTEN on a connection of its own (a pooled one would miss what arrives between uses). It
//! waits on the connection's socket, so an announcement is seen as soon as it arrives.
class PostgresListener final : public Listener {
 public:
  //! `channel` was checked by the store: letters and underscores only, so it is spliced.
  static Result<std::unique_ptr<Listener>> open(const std::string& url, std::string_view channel) {
    ConnectionHandle connection(PQconnectdb(url.c_str()));
    if (!connection) return Error{ErrorKind::Internal, "postgresql: out of memory"};
    if (PQstatus(connection.get()) != CONNECTION_OK) {
      return Error{ErrorKind::Io,
                   "postgresql: cannot connect: " + first_line(PQerrorMessage(connection.get()))};
    }
    PQsetNoticeProcessor(
        connection.get(), [](void*, const char*) {}, nullptr);
    const std::string sql = "LISTEN " + std::string(channel);
    ResultHandle result(PQexec(connection.get(), sql.c_str()));
    if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
      return postgres_error(connection.get(), result.get(), "LISTEN");
    }
    return std::unique_ptr<Listener>(new PostgresListener(std::move(connection)));
  }

  Status wait(std::chrono::milliseconds wait, std::vector<std::string>& payloads) override {
    if (auto status = take(payloads); !status || !payloads.empty()) return status;
    const int socket = PQsocket(connection_.get());
    if (socket < 0) return lost();
    pollfd ready{socket, POLLIN, 0};
    const int polled = ::poll(&ready, 1, static_cast<int>(wait.count()));
    if (polled < 0) return errno == EINTR ? ok_status() : lost();
    if (polled == 0) return ok_status();
    if (PQconsumeInput(connection_.get()) == 0) return lost();
    return take(payloads);
  }

 private:
  explicit PostgresListener(ConnectionHandle connection) : connection_(std::move(connection)) {}

  //! The announcements libpq has read already.
  Status take(std::vector<std::string>& payloads) {
    if (PQstatus(connection_.get()) != CONNECTION_OK) return lost();
    while (NotifyHandle notify{PQnotifies(connection_.get())}) {
      payloads.emplace_back(notify->extra != nullptr ? notify->extra : "");
    }
    return ok_status();
  }

  Status lost() {
    return Error{ErrorKind::Io, "postgresql: the listening connection was lost: " +
                                    first_line(PQerrorMessage(connection_.get()))};
  }

  ConnectionHandle connection_;
};

//! Brings the schema up to date in one transaction under an advisory lock: of several
//! processes starting at once, one migrates and the rest wait, then find nothing to do.
Status migrate(PostgresConnection& connection, bool must_exist) {
  return in_transaction(connection, "BEGIN", [&]() -> Status {
    if (auto lock = connection.query("SELECT pg_advisory_xact_lock($1)", {kMigrationLock}); !lock) {
      return lock.error();
    }
    return apply_migrations(
        connection, postgres_migrations(),
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)",
        [&](const char* script) { return connection.run(script); }, must_exist);
  });
}

class PostgresDatabase final : public Database {
 public:
  explicit PostgresDatabase(std::string url)
      : url_(url),
        pool_([url = std::move(url)] { return PostgresConnection::open(url); }, kMaxConnections) {}

  //! Opens the first connection and migrates through it; it then joins the pool.
  Status start(const std::string& url, bool must_exist) {
    auto first = PostgresConnection::open(url);
    if (!first) return first.error();
    if (auto status = migrate(*first.value(), must_exist); !status) return status;
    pool_.adopt(std::move(first).value());
    return ok_status();
  }

  [[nodiscard]] std::string_view backend() const override { return "postgresql"; }

  // A pooled connection may have died since its last use (a server restart): work that failed
  // on a broken connection is tried again, on the next connection (each broken one is closed as
  // it comes back, so the pool ends up opening a fresh one). Safe for writes too, as long as
  // the COMMIT was not sent: the failed transaction never committed.
  Status read(const Work& work) override {
    return with_retry([&](PostgresConnection& c, bool& /*commit_sent*/) { return work(c); });
  }

  Status write(const Work& work) override {
    return with_retry([&](PostgresConnection& c, bool& commit_sent) -> Status {
      // READ COMMITTED whatever the server's default: a concurrent UPDATE of the same map then
      // waits and re-checks `head = expected` instead of failing with a serialization error.
      if (auto status = c.run("BEGIN ISOLATION LEVEL READ COMMITTED"); !status) return status;
      if (auto status = work(c); !status) {
        if (c.connected()) (void)c.run("ROLLBACK");
        return status;
      }
      commit_sent = true;
      if (auto status = c.run("COMMIT"); !status) {
        if (c.connected()) (void)c.run("ROLLBACK");
        return status;
      }
      return ok_status();
    });
  }

  // NOTIFY through pg_notify(), so the channel and payload are parameters like any value.
  Status announce(std::string_view channel, std::string_view payload) override {
    return read([&](Connection& c) -> Status {
      auto done = c.query("SELECT pg_notify($1, $2)", {channel, payload});
      if (!done) return done.error();
      return ok_status();
    });
  }

  Result<std::unique_ptr<Listener>> listen(std::string_view channel) override {
    return PostgresListener::open(url_, channel);
  }

 private:
  template <typename Attempt>
  Status with_retry(Attempt&& attempt) {
    for (unsigned tries = 0;; ++tries) {
      auto lease = pool_.acquire();
      if (!lease) return lease.error();
      PostgresConnection& connection = *lease.value();
      bool commit_sent = false;
      Status status = attempt(connection, commit_sent);
      if (status || connection.connected() || tries == kMaxConnections) return status;
      if (commit_sent) {  // the answer was lost, not the request: do not do the work twice
        return Error{ErrorKind::Io,
                     "postgresql: the connection broke during COMMIT; the write may or may not "
                     "have been saved"};
      }
    }
  }

  std::string url_;
  Pool<PostgresConnection> pool_;
};

//! Invalid when `url` carries a password, in its user part (user:secret@) or as a parameter
//! (?password=). The message never repeats the URL.
Status refuse_password(std::string_view url) {
  const Error refused{ErrorKind::Invalid,
                      "postgresql: the database URL must not contain a password (it would show "
                      "on command lines and in process lists); give it in a password file "
                      "(PGPASSFILE, default ~/.pgpass) or in the PGPASSWORD environment variable"};
  const std::size_t scheme_end = url.find("://");
  std::string_view authority =
      url.substr(scheme_end == std::string_view::npos ? 0 : scheme_end + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    if (authority.substr(0, at).find(':') != std::string_view::npos) return refused;
  }
  char* message = nullptr;
  PQconninfoOption* options = PQconninfoParse(std::string(url).c_str(), &message);
  if (options == nullptr) {
    // libpq's reason may quote part of the URL; say it only when no password can be in it.
    std::string reason = message != nullptr ? first_line(message) : "out of memory";
    PQfreemem(message);
    if (url.find("password") != std::string_view::npos) reason = "it cannot be parsed";
    return Error{ErrorKind::Invalid, "postgresql: invalid database URL: " + reason};
  }
  bool has_password = false;
  for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (std::strcmp(option->keyword, "password") == 0 && option->val != nullptr) {
      has_password = true;
    }
  }
  PQconninfoFree(options);
  if (has_password) return refused;
  return ok_status();
}

}  // namespace

Result<std::unique_ptr<Store>> open_postgres(std::string_view url, bool must_exist) {
  if (auto status = load_libpq(); !status) return status.error();
  if (auto status = refuse_password(url); !status) return status.error();
  const std::string text(url);
  auto database = std::make_unique<PostgresDatabase>(text);
  if (auto status = database->start(text, must_exist); !status) return status.error();
  return make_store(std::move(database));
}

}  // namespace peermap::store::sql
