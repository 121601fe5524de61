// The Store: everything the server keeps, behind one interface with two backends
// (SQLite, the embedded default, and PostgreSQL). Behaviour is the same on both; every
// storage test runs on both (tests/store).
//
// The store knows nothing about HTTP, passwords or access rules: callers pass in hashes,
// times and ids, and the server decides who may do what. Revisions and audit rows are
// append-only: the schema refuses UPDATE and DELETE on them (triggers), so they cannot be
// changed or removed through the application.
//
// Every method is safe to call from many threads at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace peermap::store {

enum class AccountRole { practitioner, manager, admin };
std::string_view role_text(AccountRole role);
std::optional<AccountRole> parse_role(std::string_view text);

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string team;
  AccountRole role = AccountRole::practitioner;
  bool disabled = false;
  std::string password_hash;    // libsodium crypto_pwhash_str output (argon2id)
  std::int64_t created_at = 0;  // unix seconds
  std::string display_name{};   // the person's full name; "" when not given (schema 6)
};

//! What the workspace calls a user: their display name, or their username when none is set.
std::string_view display_name_or_username(const User& user);

struct NewUser {
  std::string username;
  std::string team;
  AccountRole role = AccountRole::practitioner;
  std::string password_hash;
  std::int64_t created_at = 0;
  std::string display_name{};  // "" for none (an initializer: callers may leave it out)
};

struct Session {
  std::string token_hash;  // hash of the cookie value; the token itself is never stored
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;  // unix seconds
  std::int64_t expires_at = 0;  // unix seconds
};

//! A map's access record: who owns it and who else was let in.
struct MapRecord {
  std::string id;
  std::string team;
  std::int64_t created_by = 0;
  std::int64_t created_at = 0;
  std::int64_t head = 0;              // newest revision number (1-based)
  std::vector<std::int64_t> members;  // user ids added by POST /members, ascending
};

//! One member of a map: who was let in, by whom and when.
struct MapMember {
  std::int64_t user_id = 0;
  std::string username;
  std::string team;
  AccountRole role = AccountRole::practitioner;
  bool disabled = false;
  std::int64_t added_by = 0;  // user id; 0 when not recorded (added before schema 3)
  std::string added_by_name;  // that user's username; "" when not recorded
  std::int64_t added_at = 0;  // unix seconds; 0 when not recorded
};

//! One line of GET /api/maps.
struct MapSummary {
  std::string id;
  std::string team;
  std::string title;
  std::int64_t head = 0;
  std::int64_t updated_at = 0;
  std::string updated_by;       // username
  std::string updated_by_name;  // that user's display name now; "" when none is set
};

struct RevisionInfo {
  std::string map_id;
  std::int64_t number = 0;
  std::int64_t author_id = 0;
  std::string author;           // username at the time of writing
  std::int64_t created_at = 0;  // unix milliseconds
  std::string summary;          // one line, e.g. "2 people added, 1 tie changed"
  std::string author_name{};    // the author's display name now; "" when none (revisions())
};

//! A revision's layout as kept (server/map_layouts.hpp): the geometry the drawing was made
//! with, as layout::encode_geometry wrote it. The store does not read it.
struct KeptLayout {
  std::int64_t number = 0;  //!< the revision
  std::int64_t basis = 0;   //!< the revision it was laid out from; 0: in full
  std::string geometry;     //!< or "=K": the same geometry as revision K's
};

//! How a revision's text is stored: the whole peermap/1 document, or an RFC 6902 JSON Patch
//! that turns revision number-1 into this one.
enum class RevisionBody { document, patch };

struct Revision {
  RevisionInfo info;
  std::string title;  // the document's title, kept for listing
  //! When body == document: the peermap/1 JSON text, exactly as validated. When body == patch:
  //! the JSON Patch text from revision number-1. The store keeps it as given, never applies it.
  std::string document;
  RevisionBody body = RevisionBody::document;
};

struct AuditEntry {
  std::int64_t id = 0;        // assigned by the store
  std::int64_t at = 0;        // unix milliseconds
  std::int64_t user_id = 0;   // 0 when nobody is logged in
  std::string username;       // "" when nobody is logged in
  std::string action;         // e.g. "map.read", "map.render", "session.login"
  std::string map_id;         // "" when not about a map
  std::int64_t revision = 0;  // 0 when not about one revision
  std::string outcome;        // "ok", "refused", "invalid", "conflict", ...
  int status = 0;             // HTTP status sent
  std::string source;         // remote address
  std::string detail{};       // what else the access disclosed (a copy's audience and reason)
};

//! Announcements from the other server processes on the same database (PostgreSQL
//! LISTEN/NOTIFY), on a connection of its own. Used from one thread at a time.
class Listener {
 public:
  virtual ~Listener() = default;
  //! Waits at most `wait` for announcements and appends each one's payload to `payloads`; Io
  //! when the connection is lost (open another).
  virtual Status wait(std::chrono::milliseconds wait, std::vector<std::string>& payloads) = 0;
};

//! One row of a table as the backup manifest reads it (store/backup.hpp): each column as text
//! (an integer or boolean in decimal), NULL as nullopt.
using TableRow = std::vector<std::optional<std::string>>;
//! Called once a table, in kTables order, with its rows in primary-key order.
using TableVisitor = std::function<Status(std::string_view table, const std::vector<TableRow>&)>;

class Store {
 public:
  virtual ~Store() = default;
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  //! "sqlite" or "postgresql".
  [[nodiscard]] virtual std::string_view backend() const = 0;

  // Users. add_user: Conflict when the username is taken.
  virtual Result<User> add_user(const NewUser& user) = 0;
  virtual Result<User> user_by_name(std::string_view username) = 0;  // NotFound
  virtual Result<User> user_by_id(std::int64_t id) = 0;              // NotFound
  virtual Result<std::vector<User>> list_users() = 0;                // by username
  virtual Status set_disabled(std::string_view username, bool disabled) = 0;
  virtual Status set_password_hash(std::string_view username, std::string_view hash) = 0;
  //! The account's display name ("" for none); NotFound for an unknown username.
  virtual Status set_display_name(std::string_view username, std::string_view name) = 0;

  // Sessions.
  virtual Status create_session(const Session& session) = 0;
  virtual Result<Session> session(std::string_view token_hash) = 0;  // NotFound
  virtual Status delete_session(std::string_view token_hash) = 0;
  virtual Status delete_sessions_of(std::int64_t user_id) = 0;
  virtual Status delete_expired_sessions(std::int64_t now) = 0;

  // Failed logins, for throttling. key is e.g. "user:<name>" or "ip:<address>".
  virtual Status record_login_failure(std::string_view key, std::int64_t at) = 0;
  virtual Result<std::int64_t> login_failures_since(std::string_view key, std::int64_t since) = 0;
  virtual Status clear_login_failures(std::string_view key) = 0;

  // The server's own secrets (the device cookies' signing key), shared by every process.
  //! The secret called `name`: the one kept, or `candidate`, kept now, when there is none yet
  //! (the first process to ask wins; every other gets the same value).
  virtual Result<std::string> server_secret(std::string_view name, std::string_view candidate) = 0;

  // Maps and revisions.
  //! Creates map `record.id` with revision 1 (first.info.number is ignored). Conflict if the
  //! id exists; Invalid if `first` is a patch (revision 1 is always a document).
  virtual Result<RevisionInfo> create_map(const MapRecord& record, const Revision& first) = 0;
  //! Appends revision expected_head + 1. Conflict when the head is no longer expected_head
  //! (someone else saved first); nothing is written then.
  virtual Result<RevisionInfo> append_revision(std::string_view map_id, std::int64_t expected_head,
                                               const Revision& next) = 0;
  //! As append_revision, and also appends `audit` (its revision field set to the new number) in
  //! the same transaction. On Conflict neither is written.
  virtual Result<RevisionInfo> append_revision_audited(std::string_view map_id,
                                                       std::int64_t expected_head,
                                                       const Revision& next,
                                                       const AuditEntry& audit) = 0;
  virtual Result<MapRecord> map_record(std::string_view map_id) = 0;  // NotFound
  //! Maps whose team is `team` or that list `user_id` as a member, newest first.
  virtual Result<std::vector<MapSummary>> maps_visible_to(std::string_view team,
                                                          std::int64_t user_id) = 0;
  //! number 0 means the head. NotFound when the map or revision does not exist. The row as
  //! stored: a patch revision comes back as its patch.
  virtual Result<Revision> revision(std::string_view map_id, std::int64_t number) = 0;
  //! The rows needed to rebuild revision `number` (0: the head): from the newest revision <= number
  //! whose body is a document, up to and including `number`, ascending. NotFound as revision().
  virtual Result<std::vector<Revision>> revision_chain(std::string_view map_id,
                                                       std::int64_t number) = 0;
  virtual Result<std::vector<RevisionInfo>> revisions(std::string_view map_id) = 0;  // ascending

  // Members and teams. Each change is written with its audit row `audit` in one transaction:
  // neither without the other. A change refused (NotFound, Invalid) writes neither.
  //! Lets `user_id` in, added by `added_by` at `added_at` (unix s). Idempotent: a member
  //! already there keeps who added them and when (the audit row is written all the same).
  //! NotFound for an unknown map or user.
  virtual Status add_member(std::string_view map_id, std::int64_t user_id, std::int64_t added_by,
                            std::int64_t added_at, const AuditEntry& audit) = 0;
  //! Takes `user_id` off the map's members; NotFound when the map has no such member.
  virtual Status remove_member(std::string_view map_id, std::int64_t user_id,
                               const AuditEntry& audit) = 0;
  //! The map's members with who added them, by username; NotFound for an unknown map.
  virtual Result<std::vector<MapMember>> members(std::string_view map_id) = 0;
  //! Gives the map to `team`; NotFound for an unknown map, Invalid for an empty team.
  virtual Status move_map(std::string_view map_id, std::string_view team,
                          const AuditEntry& audit) = 0;

  // Layouts kept: derived data, one per revision and view, written once and never changed.
  //! The kept layout of revision `number` in `view`, or of the newest revision before it with
  //! `before`; NotFound when there is none.
  virtual Result<KeptLayout> kept_layout(std::string_view map_id, std::int64_t number,
                                         std::string_view view, bool before) = 0;
  //! Keeps `layout` for its revision and `view` unless one is kept already (the first wins:
  //! it is what everyone has drawn). The layout kept, ours or the earlier one. NotFound when
  //! the revision does not exist.
  virtual Result<KeptLayout> keep_layout(std::string_view map_id, std::string_view view,
                                         const KeptLayout& layout) = 0;

  // Audit (append-only).
  virtual Status append_audit(const AuditEntry& entry) = 0;
  //! Rows about one map, oldest first.
  virtual Result<std::vector<AuditEntry>> audit_of_map(std::string_view map_id) = 0;
  //! Every row, oldest first, at most `limit`.
  virtual Result<std::vector<AuditEntry>> audit_all(std::int64_t limit) = 0;

  // Announcements between the server processes that share the database. `channel` is lower-case
  // letters and underscores; a payload is short text (at most 7,900 bytes) that carries no case
  // content. On SQLite processes cannot hear each other: announce does nothing and listen
  // gives nullptr.
  //! Sends `payload` to every process listening on `channel` (this one included).
  virtual Status announce(std::string_view channel, std::string_view payload) = 0;
  //! A listener on `channel`, or nullptr where the backend has none.
  virtual Result<std::unique_ptr<Listener>> listen(std::string_view channel) = 0;

  // Backups (store/backup.hpp).
  //! Every table (store/backup.hpp's kTables) in one snapshot, each whole in memory in turn:
  //! O(size of the largest table). A visitor's error stops the scan and is returned.
  virtual Status scan_tables(const TableVisitor& visit) = 0;
};

//! Opens (and migrates) the store named by url: "sqlite:PATH" or "postgresql://..." (also
//! "postgres://"). A password is never taken from the URL; libpq reads PGPASSWORD or
//! PGPASSFILE. Invalid for an unknown scheme, Io when the database cannot be opened.
Result<std::unique_ptr<Store>> open_store(std::string_view url);

//! As open_store, but only a database that is already peermap's: NotFound for a missing SQLite
//! file, Invalid (naming the file, never a URL) for one that is not a peermap database. Nothing
//! is created or changed then. (Migrations still run on an older peermap schema.)
Result<std::unique_ptr<Store>> open_existing_store(std::string_view url);

}  // namespace peermap::store
