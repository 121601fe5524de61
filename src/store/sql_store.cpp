// The Store's logic, once for both backends, over the queries of sql_queries.hpp.
#include "store/sql_store.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <variant>

#include "store/backup.hpp"
#include "store/sql_queries.hpp"
#include "store/sql_rows.hpp"

namespace peermap::store::sql {

namespace {

using namespace queries;  // NOLINT(google-build-using-namespace): this file's vocabulary

Error not_found(std::string message) { return Error{ErrorKind::NotFound, std::move(message)}; }

//! Runs `produce` (Connection& -> Result<T>) through `run` (a read or a write) and hands back
//! its value, or the first error (the work's own, or the transaction's).
template <typename T, typename Run, typename Produce>
Result<T> run_for(Run&& run, Produce&& produce) {
  std::optional<Result<T>> out;
  Status status = run([&](Connection& connection) -> Status {
    out.emplace(produce(connection));
    if (!out->ok()) return out->error();
    return ok_status();
  });
  if (!status) return status.error();
  return std::move(*out);
}

Status require_user(Connection& connection, std::int64_t user_id) {
  auto rows = connection.query(kUserExists, {user_id});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("no user " + std::to_string(user_id));
  return ok_status();
}

Status require_map(Connection& connection, std::string_view map_id) {
  auto rows = connection.query(kMapExists, {map_id});
  if (!rows) return rows.error();
  if (rows->empty()) return not_found("no map " + std::string(map_id));
  return ok_status();
}

//! Inserts revision `number` of `map_id` from `revision`; Invalid when its author is unknown.
Result<RevisionInfo> insert_revision(Connection& connection, std::string_view map_id,
                                     std::int64_t number, const Revision& revision) {
  const RevisionInfo& in = revision.info;
  auto rows = connection.query(
      kInsertRevision, {map_id, number, in.author_id, in.created_at, in.summary, revision.title,
                        revision.document, body_text(revision.body)});
  if (!rows) return rows.error();
  if (rows->empty()) {
    return Error{ErrorKind::Invalid,
                 "no user " + std::to_string(in.author_id) + " to be the author"};
  }
  RevisionInfo info;
  info.map_id = std::string(map_id);
  info.number = number;
  info.author_id = in.author_id;
  info.author = text(std::move(rows->front()[0]));
  info.created_at = in.created_at;
  info.summary = in.summary;
  return info;
}

//! Moves the head of `map_id` from `expected_head` and inserts `next` as the new head: Conflict
//! (or NotFound) when the head is not `expected_head`, and nothing is changed.
Result<RevisionInfo> append_in(Connection& c, std::string_view map_id, std::int64_t expected_head,
                               const Revision& next) {
  auto moved = c.execute(kAdvanceHead, {map_id, expected_head});
  if (!moved) return moved.error();
  if (moved.value() == 0) {
    auto head = c.query(kHead, {map_id});
    if (!head) return head.error();
    if (head->empty()) return not_found("no map " + std::string(map_id));
    return Error{ErrorKind::Conflict, "map " + std::string(map_id) + " is at revision " +
                                          std::to_string(integer(head->front()[0])) + ", not " +
                                          std::to_string(expected_head)};
  }
  return insert_revision(c, map_id, expected_head + 1, next);
}

class SqlStore final : public Store {
 public:
  explicit SqlStore(std::unique_ptr<Database> database) : db_(std::move(database)) {}

  [[nodiscard]] std::string_view backend() const override { return db_->backend(); }

  // ---- users

  Result<User> add_user(const NewUser& user) override {
    if (user.username.empty()) return Error{ErrorKind::Invalid, "a username cannot be empty"};
    return write<User>([&](Connection& c) -> Result<User> {
      auto rows = c.query(kInsertUser, {user.username, user.team, role_text(user.role),
                                        user.password_hash, user.created_at, user.display_name});
      if (!rows) return rows.error();
      if (rows->empty()) {
        return Error{ErrorKind::Conflict, "the username " + user.username + " is taken"};
      }
      User out;
      out.id = integer(rows->front()[0]);
      out.username = user.username;
      out.team = user.team;
      out.role = user.role;
      out.password_hash = user.password_hash;
      out.created_at = user.created_at;
      out.display_name = user.display_name;
      return out;
    });
  }

  Result<User> user_by_name(std::string_view username) override {
    return one_user(kUserByName, username, "no user named " + std::string(username));
  }

  Result<User> user_by_id(std::int64_t id) override {
    return one_user(kUserById, id, "no user " + std::to_string(id));
  }

  Result<std::vector<User>> list_users() override {
    return read<std::vector<User>>([&](Connection& c) -> Result<std::vector<User>> {
      auto rows = c.query(kListUsers, {});
      if (!rows) return rows.error();
      std::vector<User> users;
      users.reserve(rows->size());
      for (Row& row : rows.value()) {
        auto user = user_from(std::move(row));
        if (!user) return user.error();
        users.push_back(std::move(user).value());
      }
      return users;
    });
  }

  Status set_disabled(std::string_view username, bool disabled) override {
    return change_user(disabled ? kDisableUser : kEnableUser, username, {});
  }

  Status set_password_hash(std::string_view username, std::string_view hash) override {
    return change_user(kSetPasswordHash, username, hash);
  }

  Status set_display_name(std::string_view username, std::string_view name) override {
    return change_user(kSetDisplayName, username, name);
  }

  // ---- sessions

  Status create_session(const Session& session) override {
    return db_->write([&](Connection& c) -> Status {
      if (auto user = require_user(c, session.user_id); !user) return user;
      auto changed =
          c.execute(kInsertSession, {session.token_hash, session.user_id, session.csrf_token,
                                     session.created_at, session.expires_at});
      if (!changed) return changed.error();
      if (changed.value() == 0) return Error{ErrorKind::Conflict, "the session exists"};
      return ok_status();
    });
  }

  Result<Session> session(std::string_view token_hash) override {
    return read<Session>([&](Connection& c) -> Result<Session> {
      auto rows = c.query(kSession, {token_hash});
      if (!rows) return rows.error();
      if (rows->empty()) return not_found("no such session");
      Row& row = rows->front();
      Session out;
      out.token_hash = text(std::move(row[0]));
      out.user_id = integer(row[1]);
      out.csrf_token = text(std::move(row[2]));
      out.created_at = integer(row[3]);
      out.expires_at = integer(row[4]);
      return out;
    });
  }

  Status delete_session(std::string_view token_hash) override {
    return execute(kDeleteSession, {token_hash});
  }

  Status delete_sessions_of(std::int64_t user_id) override {
    return execute(kDeleteSessionsOf, {user_id});
  }

  Status delete_expired_sessions(std::int64_t now) override {
    return execute(kDeleteExpiredSessions, {now});
  }

  // ---- failed logins

  Status record_login_failure(std::string_view key, std::int64_t at) override {
    return execute(kRecordLoginFailure, {key, at});
  }

  Result<std::int64_t> login_failures_since(std::string_view key, std::int64_t since) override {
    return read<std::int64_t>([&](Connection& c) -> Result<std::int64_t> {
      auto rows = c.query(kLoginFailuresSince, {key, since});
      if (!rows) return rows.error();
      return rows->empty() ? 0 : integer(rows->front()[0]);
    });
  }

  Status clear_login_failures(std::string_view key) override {
    return execute(kClearLoginFailures, {key});
  }

  // ---- the server's secrets

  Result<std::string> server_secret(std::string_view name, std::string_view candidate) override {
    if (auto offered = execute(kOfferSecret, {name, candidate}); !offered) return offered.error();
    return read<std::string>([&](Connection& c) -> Result<std::string> {
      auto rows = c.query(kSecret, {name});
      if (!rows) return rows.error();
      if (rows->empty()) return Error{ErrorKind::Internal, "the secret was not kept"};
      return text(std::move(rows->front()[0]));
    });
  }

  // ---- maps and revisions

  Result<RevisionInfo> create_map(const MapRecord& record, const Revision& first) override {
    if (record.id.empty()) return Error{ErrorKind::Invalid, "a map id cannot be empty"};
    if (first.body != RevisionBody::document) {
      return Error{ErrorKind::Invalid, "the first revision of a map must be a whole document"};
    }
    return write<RevisionInfo>([&](Connection& c) -> Result<RevisionInfo> {
      auto inserted =
          c.execute(kInsertMap, {record.id, record.team, record.created_by, record.created_at});
      if (!inserted) return inserted.error();
      if (inserted.value() == 0) return Error{ErrorKind::Conflict, "map " + record.id + " exists"};
      for (std::int64_t member : record.members) {
        auto status = add_member_in(c, record.id, member, record.created_by, record.created_at);
        if (!status) return status.error();
      }
      return insert_revision(c, record.id, 1, first);
    });
  }

  Result<RevisionInfo> append_revision(std::string_view map_id, std::int64_t expected_head,
                                       const Revision& next) override {
    return write<RevisionInfo>([&](Connection& c) -> Result<RevisionInfo> {
      return append_in(c, map_id, expected_head, next);
    });
  }

  // One write: on SQLite one job of the group commit (one savepoint, so a failed audit insert
  // undoes the revision too), on PostgreSQL one transaction.
  Result<RevisionInfo> append_revision_audited(std::string_view map_id, std::int64_t expected_head,
                                               const Revision& next,
                                               const AuditEntry& audit) override {
    return write<RevisionInfo>([&](Connection& c) -> Result<RevisionInfo> {
      auto info = append_in(c, map_id, expected_head, next);
      if (!info) return info;
      AuditEntry entry = audit;
      entry.revision = info->number;
      if (auto status = insert_audit(c, entry); !status) return status.error();
      return info;
    });
  }

  Result<MapRecord> map_record(std::string_view map_id) override {
    return read<MapRecord>([&](Connection& c) -> Result<MapRecord> {
      auto rows = c.query(kMapRecord, {map_id});
      if (!rows) return rows.error();
      if (rows->empty()) return not_found("no map " + std::string(map_id));
      Row& first = rows->front();
      MapRecord record;
      record.id = text(std::move(first[0]));
      record.team = text(std::move(first[1]));
      record.created_by = integer(first[2]);
      record.created_at = integer(first[3]);
      record.head = integer(first[4]);
      for (const Row& row : rows.value()) {
        if (!std::holds_alternative<std::monostate>(row[5]))
          record.members.push_back(integer(row[5]));
      }
      return record;
    });
  }

  Result<std::vector<MapSummary>> maps_visible_to(std::string_view team,
                                                  std::int64_t user_id) override {
    return read<std::vector<MapSummary>>([&](Connection& c) -> Result<std::vector<MapSummary>> {
      auto rows = c.query(kMapsVisibleTo, {team, user_id});
      if (!rows) return rows.error();
      std::vector<MapSummary> maps;
      maps.reserve(rows->size());
      for (Row& row : rows.value()) {
        MapSummary map;
        map.id = text(std::move(row[0]));
        map.team = text(std::move(row[1]));
        map.title = text(std::move(row[2]));
        map.head = integer(row[3]);
        map.updated_at = integer(row[4]);
        map.updated_by = text(std::move(row[5]));
        map.updated_by_name = text(std::move(row[6]));
        maps.push_back(std::move(map));
      }
      return maps;
    });
  }

  Result<Revision> revision(std::string_view map_id, std::int64_t number) override {
    return read<Revision>([&](Connection& c) -> Result<Revision> {
      auto rows =
          number == 0 ? c.query(kHeadRevision, {map_id}) : c.query(kRevision, {map_id, number});
      if (!rows) return rows.error();
      if (rows->empty()) {
        return not_found("no revision " + std::to_string(number) + " of map " +
                         std::string(map_id));
      }
      return revision_from(std::move(rows->front()));
    });
  }

  Result<std::vector<Revision>> revision_chain(std::string_view map_id,
                                               std::int64_t number) override {
    return read<std::vector<Revision>>([&](Connection& c) -> Result<std::vector<Revision>> {
      auto rows = c.query(kRevisionChain, {map_id, number});
      if (!rows) return rows.error();
      if (rows->empty()) {
        return not_found("no revision " + std::to_string(number) + " of map " +
                         std::string(map_id));
      }
      std::vector<Revision> chain;
      chain.reserve(rows->size());
      for (Row& row : rows.value()) {
        auto revision = revision_from(std::move(row));
        if (!revision) return revision.error();
        chain.push_back(std::move(revision).value());
      }
      // The schema keeps revision 1 a document and numbers without gaps; say so if not.
      const bool whole = chain.front().body == RevisionBody::document &&
                         (number == 0 || chain.back().info.number == number) &&
                         chain.back().info.number - chain.front().info.number + 1 ==
                             static_cast<std::int64_t>(chain.size());
      if (!whole) {
        return Error{ErrorKind::Internal, "the revisions of map " + std::string(map_id) +
                                              " up to " + std::to_string(number) +
                                              " do not form a chain from a document"};
      }
      return chain;
    });
  }

  Result<std::vector<RevisionInfo>> revisions(std::string_view map_id) override {
    return read<std::vector<RevisionInfo>>([&](Connection& c) -> Result<std::vector<RevisionInfo>> {
      auto rows = c.query(kRevisions, {map_id});
      if (!rows) return rows.error();
      if (rows->empty()) return not_found("no map " + std::string(map_id));  // never empty
      std::vector<RevisionInfo> out;
      out.reserve(rows->size());
      for (Row& row : rows.value()) {
        out.push_back(revision_info_from(row));
        out.back().author_name = text(std::move(row[6]));
      }
      return out;
    });
  }

  Status add_member(std::string_view map_id, std::int64_t user_id, std::int64_t added_by,
                    std::int64_t added_at, const AuditEntry& audit) override {
    return db_->write([&](Connection& c) -> Status {
      if (auto map = require_map(c, map_id); !map) return map;
      if (auto status = add_member_in(c, map_id, user_id, added_by, added_at); !status) {
        return status;
      }
      return insert_audit(c, audit);
    });
  }

  Status remove_member(std::string_view map_id, std::int64_t user_id,
                       const AuditEntry& audit) override {
    return db_->write([&](Connection& c) -> Status {
      auto removed = c.execute(kDeleteMember, {map_id, user_id});
      if (!removed) return removed.error();
      if (removed.value() == 0) {
        return not_found("map " + std::string(map_id) + " has no member " +
                         std::to_string(user_id));
      }
      return insert_audit(c, audit);
    });
  }

  Result<std::vector<MapMember>> members(std::string_view map_id) override {
    return read<std::vector<MapMember>>([&](Connection& c) -> Result<std::vector<MapMember>> {
      if (auto map = require_map(c, map_id); !map) return map.error();
      auto rows = c.query(kMembers, {map_id});
      if (!rows) return rows.error();
      std::vector<MapMember> out;
      out.reserve(rows->size());
      for (Row& row : rows.value()) {
        auto member = member_from(std::move(row));
        if (!member) return member.error();
        out.push_back(std::move(member).value());
      }
      return out;
    });
  }

  Status move_map(std::string_view map_id, std::string_view team,
                  const AuditEntry& audit) override {
    if (team.empty()) return Error{ErrorKind::Invalid, "a team cannot be empty"};
    return db_->write([&](Connection& c) -> Status {
      auto moved = c.execute(kMoveMap, {map_id, team});
      if (!moved) return moved.error();
      if (moved.value() == 0) return not_found("no map " + std::string(map_id));
      return insert_audit(c, audit);
    });
  }

  // ---- layouts kept

  Result<KeptLayout> kept_layout(std::string_view map_id, std::int64_t number,
                                 std::string_view view, bool before) override {
    return read<KeptLayout>([&](Connection& c) -> Result<KeptLayout> {
      return kept_layout_in(c, before ? kKeptLayoutBefore : kKeptLayout, map_id, number, view);
    });
  }

  Result<KeptLayout> keep_layout(std::string_view map_id, std::string_view view,
                                 const KeptLayout& layout) override {
    Result<KeptLayout> kept = Error{ErrorKind::Internal, "not written"};
    auto status = db_->write([&](Connection& c) -> Status {
      auto exists = c.query(kRevisionExists, {map_id, layout.number});
      if (!exists) return exists.error();
      if (exists->empty()) {
        return not_found("no revision " + std::to_string(layout.number) + " of map " +
                         std::string(map_id));
      }
      auto inserted =
          c.execute(kKeepLayout, {map_id, layout.number, view, layout.basis, layout.geometry});
      if (!inserted) return inserted.error();
      kept = kept_layout_in(c, kKeptLayout, map_id, layout.number, view);
      return kept ? ok_status() : Status(kept.error());
    });
    if (!status) return status.error();
    return kept;
  }

  static Result<KeptLayout> kept_layout_in(Connection& c, std::string_view sql,
                                           std::string_view map_id, std::int64_t number,
                                           std::string_view view) {
    auto rows = c.query(sql, {map_id, number, view});
    if (!rows) return rows.error();
    if (rows->empty()) return not_found("no kept layout");
    Row& row = rows->front();
    return KeptLayout{integer(row[0]), integer(row[1]), text(std::move(row[2]))};
  }

  // ---- audit

  Status append_audit(const AuditEntry& entry) override {
    return db_->write([&](Connection& c) { return insert_audit(c, entry); });
  }

  Result<std::vector<AuditEntry>> audit_of_map(std::string_view map_id) override {
    return audit(kAuditOfMap, map_id);
  }

  Result<std::vector<AuditEntry>> audit_all(std::int64_t limit) override {
    if (limit < 0) return Error{ErrorKind::Invalid, "a negative limit"};
    return audit(kAuditAll, limit);
  }

  Status announce(std::string_view channel, std::string_view payload) override {
    if (auto refused = check_channel(channel); !refused) return refused;
    if (payload.size() > kMaxAnnouncementBytes) {
      return Error{ErrorKind::Invalid, "an announcement is longer than the limit"};
    }
    return db_->announce(channel, payload);
  }

  Result<std::unique_ptr<Listener>> listen(std::string_view channel) override {
    if (auto refused = check_channel(channel); !refused) return refused.error();
    return db_->listen(channel);
  }

 private:
  // PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more.
  static constexpr std::size_t kMaxAnnouncementBytes = 7'900;

  //! A channel is a fixed name of ours: lower-case letters and underscores, 1 to 63 of them.
  static Status check_channel(std::string_view channel) {
    const bool fits = !channel.empty() && channel.size() < 64 &&
                      std::all_of(channel.begin(), channel.end(),
                                  [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
    if (!fits) return Error{ErrorKind::Invalid, "a channel name is lower-case letters and _"};
    return ok_status();
  }

  template <typename T, typename Produce>
  Result<T> read(Produce&& produce) {
    return run_for<T>([this](const Work& work) { return db_->read(work); },
                      std::forward<Produce>(produce));
  }

  template <typename T, typename Produce>
  Result<T> write(Produce&& produce) {
    return run_for<T>([this](const Work& work) { return db_->write(work); },
                      std::forward<Produce>(produce));
  }

  Status execute(std::string_view sql, std::initializer_list<Param> params) {
    return db_->write([&](Connection& c) -> Status {
      auto changed = c.execute(sql, params);
      if (!changed) return changed.error();
      return ok_status();
    });
  }

  Result<User> one_user(std::string_view sql, Param key, std::string missing) {
    return read<User>([&](Connection& c) -> Result<User> {
      auto rows = c.query(sql, {key});
      if (!rows) return rows.error();
      if (rows->empty()) return not_found(std::move(missing));
      return user_from(std::move(rows->front()));
    });
  }

  //! An UPDATE of the user named `username` ($1), with `value` as $2 when given.
  Status change_user(std::string_view sql, std::string_view username,
                     std::optional<std::string_view> value) {
    return db_->write([&](Connection& c) -> Status {
      auto changed = value ? c.execute(sql, {username, *value}) : c.execute(sql, {username});
      if (!changed) return changed.error();
      if (changed.value() == 0) return not_found("no user named " + std::string(username));
      return ok_status();
    });
  }

  static Status add_member_in(Connection& c, std::string_view map_id, std::int64_t user_id,
                              std::int64_t added_by, std::int64_t added_at) {
    if (auto user = require_user(c, user_id); !user) return user;
    auto changed = c.execute(kInsertMember, {map_id, user_id, added_by, added_at});
    if (!changed) return changed.error();
    return ok_status();
  }

  Result<std::vector<AuditEntry>> audit(std::string_view sql, Param key) {
    return read<std::vector<AuditEntry>>([&](Connection& c) -> Result<std::vector<AuditEntry>> {
      auto rows = c.query(sql, {key});
      if (!rows) return rows.error();
      std::vector<AuditEntry> out;
      out.reserve(rows->size());
      for (Row& row : rows.value()) out.push_back(audit_from(std::move(row)));
      return out;
    });
  }

  // ---- backups

  Status scan_tables(const TableVisitor& visit) override {
    // One snapshot: a read transaction (WAL) on SQLite, REPEATABLE READ on PostgreSQL.
    const bool postgres = db_->backend() == "postgresql";
    return db_->read([&](Connection& c) -> Status {
      auto begun =
          c.execute(postgres ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN", {});
      if (!begun) return begun.error();
      Status status = scan_each(c, visit);
      auto ended = c.execute(status ? "COMMIT" : "ROLLBACK", {});
      if (status && !ended) return ended.error();
      return status;
    });
  }

  static Status scan_each(Connection& c, const TableVisitor& visit) {
    for (std::size_t t = 0; t < kTables.size(); ++t) {
      auto rows = c.query(kScanTables.at(t), {});
      if (!rows) return rows.error();
      std::vector<TableRow> out;
      out.reserve(rows->size());
      for (Row& row : rows.value()) {
        TableRow& cells = out.emplace_back();
        cells.reserve(row.size());
        for (Cell& cell : row) {
          if (const auto* number = std::get_if<std::int64_t>(&cell)) {
            cells.emplace_back(std::to_string(*number));
          } else if (auto* value = std::get_if<std::string>(&cell)) {
            cells.emplace_back(std::move(*value));
          } else {
            cells.emplace_back(std::nullopt);
          }
        }
      }
      if (auto status = visit(kTables.at(t), out); !status) return status;
    }
    return ok_status();
  }

  std::unique_ptr<Database> db_;
};

}  // namespace

std::unique_ptr<Store> make_store(std::unique_ptr<Database> database) {
  return std::make_unique<SqlStore>(std::move(database));
}

}  // namespace peermap::store::sql
