// The Store on both backends: every case runs on SQLite (a file in a temporary directory) and
// on PostgreSQL (a fresh database on the test server that scripts/test-postgres.sh starts as
// the ctest fixture `postgres`). Without PEERMAP_TEST_PG_URL the PostgreSQL cases fail.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <latch>
#include <set>
#include <thread>

#include "model/json_io.hpp"
#include "store/sql_store.hpp"
#include "store/store.hpp"
#include "support/random_document.hpp"
#include "support/test_store.hpp"

namespace peermap::store {
namespace {

constexpr std::int64_t kNow = 1'790'000'000;  // unix seconds, the tests' fixed "now"
constexpr std::int64_t kNowMs = kNow * 1000;  // the same in milliseconds
constexpr int kThreads = 8;
constexpr int kSchemaVersion = 7;  // the newest migration

NewUser person(const std::string& name, const std::string& team,
               AccountRole role = AccountRole::practitioner) {
  NewUser user;
  user.username = name;
  user.team = team;
  user.role = role;
  user.password_hash = "$argon2id$v=19$m=19456,t=2,p=1$salt-of-" + name;
  user.created_at = kNow;
  return user;
}

Revision version(std::int64_t author, std::int64_t at_ms, const std::string& title,
                 const std::string& summary = "saved") {
  Revision revision;
  revision.info.author_id = author;
  revision.info.created_at = at_ms;
  revision.info.summary = summary;
  revision.title = title;
  revision.document = R"({"format":"peermap/1","map":{"title":")" + title + R"("}})";
  return revision;
}

//! Revision `title` stored as the JSON Patch `patch` from the revision before it.
Revision patch(std::int64_t author, std::int64_t at_ms, const std::string& title,
               const std::string& patch) {
  Revision revision = version(author, at_ms, title);
  revision.body = RevisionBody::patch;
  revision.document = patch;
  return revision;
}

//! A JSON Patch that sets the map's title, as the server would store it.
std::string retitle(const std::string& title) {
  return R"([{"op":"replace","path":"/map/title","value":")" + title + R"("}])";
}

MapRecord map_of(const std::string& id, const std::string& team, std::int64_t created_by) {
  MapRecord record;
  record.id = id;
  record.team = team;
  record.created_by = created_by;
  record.created_at = kNow;
  return record;
}

AuditEntry audit_row(std::int64_t at_ms, const User& user, const std::string& action,
                     const std::string& map_id, std::int64_t revision = 0) {
  AuditEntry entry;
  entry.at = at_ms;
  entry.user_id = user.id;
  entry.username = user.username;
  entry.action = action;
  entry.map_id = map_id;
  entry.revision = revision;
  entry.outcome = "ok";
  entry.status = 200;
  entry.source = "127.0.0.1";
  return entry;
}

// ---- raw access to the database, around the store, to prove what the schema itself refuses

struct CloseSqlite {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct FinishPg {
  void operator()(PGconn* connection) const { PQfinish(connection); }
};
struct ClearPg {
  void operator()(PGresult* result) const { PQclear(result); }
};

//! Runs `sql` straight on the database at `url`: "" when it succeeded, else the error, and the
//! first column of the first row in *first when asked. A SQLite file is created when missing
//! (a test may build a database before the store first opens it).
std::string raw_sql(const std::string& url, const std::string& sql, std::string* first = nullptr) {
  if (url.starts_with("sqlite:")) {
    sqlite3* raw = nullptr;
    sqlite3_open_v2(url.substr(7).c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                    nullptr);
    std::unique_ptr<sqlite3, CloseSqlite> db(raw);
    sqlite3_busy_timeout(db.get(), 10'000);
    auto keep_first = [](void* out, int, char** values, char**) {
      auto* text = static_cast<std::string*>(out);
      if (text != nullptr && values[0] != nullptr) *text = values[0];
      return 0;
    };
    char* message = nullptr;
    const int code = sqlite3_exec(db.get(), sql.c_str(), keep_first, first, &message);
    std::string error = code == SQLITE_OK ? "" : (message != nullptr ? message : "failed");
    sqlite3_free(message);
    return error;
  }
  std::unique_ptr<PGconn, FinishPg> connection(PQconnectdb(url.c_str()));
  if (PQstatus(connection.get()) != CONNECTION_OK) return PQerrorMessage(connection.get());
  std::unique_ptr<PGresult, ClearPg> result(PQexec(connection.get(), sql.c_str()));
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return PQresultErrorMessage(result.get());
  }
  if (first != nullptr && PQntuples(result.get()) > 0) *first = PQgetvalue(result.get(), 0, 0);
  return "";
}

std::string raw_value(const std::string& url, const std::string& sql) {
  std::string value;
  const std::string error = raw_sql(url, sql, &value);
  EXPECT_EQ(error, "") << sql;
  return value;
}

//! Every way to change or remove a revision or an audit row is refused by the schema's
//! triggers (TRUNCATE too on PostgreSQL; SQLite has none). The database holds revisions 1 and
//! 2 of map m1 (2 a patch) and at least one audit row.
void expect_append_only(const std::string& url, const std::string& backend) {
  std::vector<std::string> refused = {
      "UPDATE revisions SET summary = 'rewritten'",
      "UPDATE revisions SET document = '{}' WHERE map_id = 'm1' AND number = 1",
      "UPDATE revisions SET body = 'document' WHERE map_id = 'm1' AND number = 2",
      "DELETE FROM revisions",
      "DELETE FROM revisions WHERE map_id = 'm1'",
      "UPDATE audit SET outcome = 'ok', status = 200",
      "DELETE FROM audit",
  };
  if (backend == "postgresql") {
    refused.emplace_back("TRUNCATE revisions CASCADE");
    refused.emplace_back("TRUNCATE audit");
  }
  for (const std::string& sql : refused) {
    const std::string error = raw_sql(url, sql);
    EXPECT_NE(error.find("append-only"), std::string::npos) << sql << ": " << error;
  }
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<test::TestDatabase>(GetParam());
    if (!database_->error().empty()) FAIL() << database_->error();
    open();
  }

  void open() {
    auto opened = open_store(url());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(opened).value();
    ASSERT_EQ(store_->backend(), GetParam());
  }

  //! write -> close -> reopen: what comes back must be what was written.
  void reopen() {
    store_.reset();
    open();
  }

  [[nodiscard]] const std::string& url() const { return database_->url(); }
  Store& store() { return *store_; }

  User add(const std::string& name, const std::string& team,
           AccountRole role = AccountRole::practitioner) {
    auto user = store().add_user(person(name, team, role));
    EXPECT_TRUE(user) << user.error().message;
    return user.ok() ? user.value() : User{};
  }

  //! A map of `owner`'s team with one revision, saved at kNowMs + at_offset.
  void create(const std::string& id, const User& owner, std::int64_t at_offset = 0) {
    auto created = store().create_map(map_of(id, owner.team, owner.id),
                                      version(owner.id, kNowMs + at_offset, id + " v1"));
    ASSERT_TRUE(created) << created.error().message;
  }

  //! `by` lets `user` into map `id` at kNow + at_offset, with its audit row.
  Status let_in(const std::string& id, const User& user, const User& by,
                std::int64_t at_offset = 0) {
    return store().add_member(id, user.id, by.id, kNow + at_offset,
                              audit_row(kNowMs + at_offset * 1000, by, "map.members.add", id));
  }

  std::int64_t head(const std::string& id) {
    auto record = store().map_record(id);
    EXPECT_TRUE(record) << record.error().message;
    return record ? record->head : -1;
  }

  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

// ---- users

TEST_P(StoreTest, AddsUsersAndFindsThemByNameAndId) {
  const User carol = add("carol", "north", AccountRole::manager);
  const User alice = add("alice", "north");
  const User bob = add("bob", "south", AccountRole::admin);
  EXPECT_NE(alice.id, bob.id);
  EXPECT_NE(alice.id, carol.id);

  auto found = store().user_by_name("carol");
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->id, carol.id);
  EXPECT_EQ(found->team, "north");
  EXPECT_EQ(found->role, AccountRole::manager);
  EXPECT_FALSE(found->disabled);
  EXPECT_EQ(found->password_hash, person("carol", "north").password_hash);
  EXPECT_EQ(found->created_at, kNow);

  auto by_id = store().user_by_id(bob.id);
  ASSERT_TRUE(by_id);
  EXPECT_EQ(by_id->username, "bob");
  EXPECT_EQ(by_id->role, AccountRole::admin);

  auto all = store().list_users();
  ASSERT_TRUE(all);
  std::vector<std::string> names;
  for (const User& user : all.value()) names.push_back(user.username);
  EXPECT_EQ(names, (std::vector<std::string>{"alice", "bob", "carol"}));  // by username
}

TEST_P(StoreTest, ListsUsersInCodePointOrderOnBothBackends) {
  for (const char* name : {"b", "B", "a", "_z", "Zoë", "zoe", "A"}) add(name, "t");
  auto all = store().list_users();
  ASSERT_TRUE(all);
  std::vector<std::string> names;
  for (const User& user : all.value()) names.push_back(user.username);
  EXPECT_EQ(names, (std::vector<std::string>{"A", "B", "Zoë", "_z", "a", "b", "zoe"}));
}

TEST_P(StoreTest, RefusesATakenUsername) {
  add("alice", "north");
  auto again = store().add_user(person("alice", "south"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::Conflict);
  EXPECT_EQ(store().user_by_name("alice")->team, "north");  // the first one stands
  EXPECT_EQ(store().list_users()->size(), 1U);
  EXPECT_EQ(store().add_user(person("", "north")).error().kind, ErrorKind::Invalid);
}

TEST_P(StoreTest, DisablesAndResetsPasswords) {
  add("alice", "north");
  ASSERT_TRUE(store().set_disabled("alice", true));
  EXPECT_TRUE(store().user_by_name("alice")->disabled);
  ASSERT_TRUE(store().set_disabled("alice", true));  // again: still disabled, still ok
  EXPECT_TRUE(store().user_by_name("alice")->disabled);
  ASSERT_TRUE(store().set_disabled("alice", false));
  EXPECT_FALSE(store().user_by_name("alice")->disabled);

  ASSERT_TRUE(store().set_password_hash("alice", "$argon2id$new"));
  EXPECT_EQ(store().user_by_name("alice")->password_hash, "$argon2id$new");
}

TEST_P(StoreTest, SaysNotFoundForUnknownUsers) {
  add("alice", "north");
  EXPECT_EQ(store().user_by_name("nobody").error().kind, ErrorKind::NotFound);
  EXPECT_EQ(store().user_by_name("Alice").error().kind, ErrorKind::NotFound);  // exact names
  EXPECT_EQ(store().user_by_id(999'999).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(store().set_disabled("nobody", true).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(store().set_password_hash("nobody", "x").error().kind, ErrorKind::NotFound);
}

// An account's display name, the person's full name: given when added, changed later, kept
// across a reopen; "" (none) until given, when the workspace shows the username.
TEST_P(StoreTest, KeepsDisplayNamesAcrossAReopen) {
  NewUser alice = person("alice", "north");
  alice.display_name = "Alice Okonkwo-Brennan";
  auto added = store().add_user(alice);
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->display_name, "Alice Okonkwo-Brennan");
  const User bob = add("bob", "north");
  EXPECT_EQ(bob.display_name, "");
  EXPECT_EQ(display_name_or_username(bob), "bob");
  ASSERT_TRUE(store().set_display_name("bob", "Bob Żółkiewski"));
  EXPECT_EQ(store().set_display_name("nobody", "No One").error().kind, ErrorKind::NotFound);
  reopen();
  EXPECT_EQ(store().user_by_name("alice")->display_name, "Alice Okonkwo-Brennan");
  EXPECT_EQ(store().user_by_id(bob.id)->display_name, "Bob Żółkiewski");
  EXPECT_EQ(display_name_or_username(store().user_by_id(bob.id).value()), "Bob Żółkiewski");
  const auto users = store().list_users().value();
  ASSERT_EQ(users.size(), 2U);
  EXPECT_EQ(users[0].display_name, "Alice Okonkwo-Brennan");
  EXPECT_EQ(users[1].display_name, "Bob Żółkiewski");
}

// "Changed by" names the author as they are called now: the revision keeps the username it
// was written under, the list also gives the author's current display name.
//   m1: v1 by alice, v2 by bob (no display name yet) --bob named--> the list says his name
TEST_P(StoreTest, ListsMapsWithTheLastAuthorsDisplayName) {
  NewUser named = person("alice", "north");
  named.display_name = "Alice Okonkwo-Brennan";
  const User alice = store().add_user(named).value();
  const User bob = add("bob", "north");
  ASSERT_TRUE(store().create_map(map_of("m1", "north", alice.id), version(alice.id, kNowMs, "v1")));
  auto listed = store().maps_visible_to("north", alice.id);
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 1U);
  EXPECT_EQ(listed->front().updated_by, "alice");
  EXPECT_EQ(listed->front().updated_by_name, "Alice Okonkwo-Brennan");
  ASSERT_TRUE(store().append_revision("m1", 1, version(bob.id, kNowMs + 10, "v2")));
  EXPECT_EQ(store().maps_visible_to("north", alice.id)->front().updated_by_name, "");
  ASSERT_TRUE(store().set_display_name("bob", "Bob Żółkiewski"));
  reopen();
  const MapSummary now = store().maps_visible_to("north", alice.id)->front();
  EXPECT_EQ(now.updated_by, "bob");
  EXPECT_EQ(now.updated_by_name, "Bob Żółkiewski");
  // The history too: each revision keeps its username, and gives its author's name now.
  const auto history = store().revisions("m1").value();
  ASSERT_EQ(history.size(), 2U);
  EXPECT_EQ(history[0].author, "alice");
  EXPECT_EQ(history[0].author_name, "Alice Okonkwo-Brennan");
  EXPECT_EQ(history[1].author, "bob");
  EXPECT_EQ(history[1].author_name, "Bob Żółkiewski");
}

// ---- sessions

TEST_P(StoreTest, KeepsSessionsUntilDeletedOrExpired) {
  const User alice = add("alice", "north");
  const User bob = add("bob", "south");
  auto session_of = [](const std::string& token, const User& user, std::int64_t expires) {
    return Session{"hash-" + token, user.id, "csrf-" + token, kNow, expires};
  };
  ASSERT_TRUE(store().create_session(session_of("a1", alice, kNow + 3600)));
  ASSERT_TRUE(store().create_session(session_of("a2", alice, kNow + 60)));
  ASSERT_TRUE(store().create_session(session_of("b1", bob, kNow + 3600)));
  ASSERT_TRUE(store().create_session(session_of("b2", bob, kNow)));  // expires right now

  auto found = store().session("hash-a1");
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(found->user_id, alice.id);
  EXPECT_EQ(found->csrf_token, "csrf-a1");
  EXPECT_EQ(found->created_at, kNow);
  EXPECT_EQ(found->expires_at, kNow + 3600);
  EXPECT_EQ(store().session("hash-none").error().kind, ErrorKind::NotFound);
  EXPECT_EQ(store().create_session(session_of("a1", bob, kNow)).error().kind, ErrorKind::Conflict);
  EXPECT_EQ(store().session("hash-a1")->user_id, alice.id);
  EXPECT_EQ(store().create_session(Session{"hash-x", 999'999, "c", kNow, kNow}).error().kind,
            ErrorKind::NotFound);  // no such user

  // Expiry: expires_at <= now is expired; the store is told the time.
  ASSERT_TRUE(store().delete_expired_sessions(kNow));
  EXPECT_EQ(store().session("hash-b2").error().kind, ErrorKind::NotFound);
  EXPECT_TRUE(store().session("hash-a2"));
  ASSERT_TRUE(store().delete_expired_sessions(kNow + 60));
  EXPECT_EQ(store().session("hash-a2").error().kind, ErrorKind::NotFound);
  EXPECT_TRUE(store().session("hash-a1"));

  // Logging out, and logging someone out everywhere.
  ASSERT_TRUE(store().create_session(session_of("a3", alice, kNow + 3600)));
  ASSERT_TRUE(store().delete_session("hash-b1"));
  EXPECT_EQ(store().session("hash-b1").error().kind, ErrorKind::NotFound);
  EXPECT_TRUE(store().delete_session("hash-b1"));  // already gone: still ok
  ASSERT_TRUE(store().create_session(session_of("b3", bob, kNow + 3600)));
  ASSERT_TRUE(store().delete_sessions_of(alice.id));
  EXPECT_EQ(store().session("hash-a1").error().kind, ErrorKind::NotFound);
  EXPECT_EQ(store().session("hash-a3").error().kind, ErrorKind::NotFound);
  EXPECT_TRUE(store().session("hash-b3"));  // bob's survives
}

// ---- the server's secrets

// The first process to ask keeps its candidate; every later one, on any connection and after a
// reopen, gets that one back.
TEST_P(StoreTest, AServerSecretIsMadeOnceAndSharedByEveryone) {
  EXPECT_EQ(store().server_secret("device-cookie-key", "first").value(), "first");
  EXPECT_EQ(store().server_secret("device-cookie-key", "second").value(), "first");
  auto other = open_store(url());
  ASSERT_TRUE(other) << other.error().message;
  EXPECT_EQ(other.value()->server_secret("device-cookie-key", "third").value(), "first");
  EXPECT_EQ(other.value()->server_secret("another", "its own").value(), "its own");
  other.value().reset();
  reopen();
  EXPECT_EQ(store().server_secret("device-cookie-key", "fourth").value(), "first");
}

// ---- failed logins

//   time:     100   200   300        400
//   user:a     x     x     x
//   ip:1             x                x
TEST_P(StoreTest, CountsLoginFailuresInAWindow) {
  for (std::int64_t at : {100, 200, 300}) ASSERT_TRUE(store().record_login_failure("user:a", at));
  for (std::int64_t at : {200, 400}) ASSERT_TRUE(store().record_login_failure("ip:1", at));
  ASSERT_TRUE(store().record_login_failure("user:a", 300));  // two in the same second count twice

  EXPECT_EQ(store().login_failures_since("user:a", 0).value(), 4);
  EXPECT_EQ(store().login_failures_since("user:a", 200).value(), 3);  // `since` is inclusive
  EXPECT_EQ(store().login_failures_since("user:a", 201).value(), 2);
  EXPECT_EQ(store().login_failures_since("user:a", 301).value(), 0);
  EXPECT_EQ(store().login_failures_since("ip:1", 150).value(), 2);
  EXPECT_EQ(store().login_failures_since("user:b", 0).value(), 0);

  ASSERT_TRUE(store().clear_login_failures("user:a"));
  EXPECT_EQ(store().login_failures_since("user:a", 0).value(), 0);
  EXPECT_EQ(store().login_failures_since("ip:1", 0).value(), 2);  // other keys untouched
}

// ---- maps and revisions

TEST_P(StoreTest, CreatesAMapWithItsFirstRevision) {
  const User alice = add("alice", "north");
  const User bob = add("bob", "south");
  MapRecord record = map_of("m1", "north", alice.id);
  record.members = {bob.id};
  record.head = 7;  // ignored: a new map starts at 1
  Revision first = version(alice.id, kNowMs + 5, "Riverside peers", "created");
  first.info.number = 42;              // ignored
  first.info.author = "someone else";  // ignored: the author's name comes from users

  auto created = store().create_map(record, first);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->map_id, "m1");
  EXPECT_EQ(created->number, 1);
  EXPECT_EQ(created->author_id, alice.id);
  EXPECT_EQ(created->author, "alice");
  EXPECT_EQ(created->created_at, kNowMs + 5);
  EXPECT_EQ(created->summary, "created");

  auto stored = store().map_record("m1");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->team, "north");
  EXPECT_EQ(stored->created_by, alice.id);
  EXPECT_EQ(stored->created_at, kNow);
  EXPECT_EQ(stored->head, 1);
  EXPECT_EQ(stored->members, (std::vector<std::int64_t>{bob.id}));

  auto head = store().revision("m1", 0);
  ASSERT_TRUE(head) << head.error().message;
  EXPECT_EQ(head->info.number, 1);
  EXPECT_EQ(head->info.author, "alice");
  EXPECT_EQ(head->title, "Riverside peers");
  EXPECT_EQ(head->document, first.document);

  auto again = store().create_map(map_of("m1", "south", bob.id), version(bob.id, kNowMs, "x"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::Conflict);
  EXPECT_EQ(store().map_record("m1")->team, "north");
  EXPECT_EQ(store().revisions("m1")->size(), 1U);
}

TEST_P(StoreTest, WritesNothingWhenAMapCannotBeCreated) {
  const User alice = add("alice", "north");
  auto unknown_author =
      store().create_map(map_of("m1", "north", alice.id), version(999'999, kNowMs, "x"));
  ASSERT_FALSE(unknown_author);
  EXPECT_EQ(unknown_author.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(store().map_record("m1").error().kind, ErrorKind::NotFound);  // rolled back

  MapRecord with_stranger = map_of("m2", "north", alice.id);
  with_stranger.members = {999'999};
  EXPECT_EQ(store().create_map(with_stranger, version(alice.id, kNowMs, "x")).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(store().map_record("m2").error().kind, ErrorKind::NotFound);
  EXPECT_EQ(store()
                .create_map(map_of("", "north", alice.id), version(alice.id, kNowMs, "x"))
                .error()
                .kind,
            ErrorKind::Invalid);
}

//   1 (alice) -> 2 (bob) -> 3 (alice)
//            \-> a stale save from 1 -> Conflict, nothing written
TEST_P(StoreTest, AppendsRevisionsAndRefusesAStaleHead) {
  const User alice = add("alice", "north");
  const User bob = add("bob", "north");
  create("m1", alice);

  auto second =
      store().append_revision("m1", 1, version(bob.id, kNowMs + 10, "v2", "1 person added"));
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->number, 2);
  EXPECT_EQ(second->author, "bob");

  auto stale = store().append_revision("m1", 1, version(alice.id, kNowMs + 20, "stale"));
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ErrorKind::Conflict);
  EXPECT_EQ(head("m1"), 2);
  EXPECT_EQ(store().revisions("m1")->size(), 2U);
  EXPECT_EQ(store().revision("m1", 0)->title, "v2");
  EXPECT_EQ(store().revision("m1", 3).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(store().append_revision("m1", 5, version(alice.id, kNowMs, "ahead")).error().kind,
            ErrorKind::Conflict);

  auto third = store().append_revision("m1", 2, version(alice.id, kNowMs + 30, "v3"));
  ASSERT_TRUE(third) << third.error().message;
  EXPECT_EQ(third->number, 3);

  // An unknown author: Invalid, and the head does not move.
  EXPECT_EQ(store().append_revision("m1", 3, version(999'999, kNowMs, "x")).error().kind,
            ErrorKind::Invalid);
  EXPECT_EQ(head("m1"), 3);
  EXPECT_EQ(store().revisions("m1")->size(), 3U);
}

TEST_P(StoreTest, ListsRevisionsOldestFirstAndReadsEachOne) {
  const User alice = add("alice", "north");
  const User bob = add("bob", "north");
  create("m1", alice);
  ASSERT_TRUE(
      store().append_revision("m1", 1, version(bob.id, kNowMs + 1000, "v2", "2 ties added")));
  ASSERT_TRUE(
      store().append_revision("m1", 2, version(alice.id, kNowMs + 2000, "v3", "1 person removed")));

  auto list = store().revisions("m1");
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->size(), 3U);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(list.value()[i].map_id, "m1");
    EXPECT_EQ(list.value()[i].number, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(list.value()[i].created_at, kNowMs + static_cast<std::int64_t>(i) * 1000);
  }
  EXPECT_EQ(list.value()[1].author, "bob");
  EXPECT_EQ(list.value()[1].author_id, bob.id);
  EXPECT_EQ(list.value()[1].summary, "2 ties added");
  EXPECT_EQ(list.value()[2].summary, "1 person removed");

  EXPECT_EQ(store().revision("m1", 1)->title, "m1 v1");
  EXPECT_EQ(store().revision("m1", 2)->document, version(bob.id, 0, "v2").document);
  EXPECT_EQ(store().revision("m1", 0)->info.number, 3);  // 0 is the head
  EXPECT_EQ(store().revision("m1", 0)->title, "v3");
}

TEST_P(StoreTest, SaysNotFoundForUnknownMapsAndRevisions) {
  const User alice = add("alice", "north");
  create("m1", alice);
  EXPECT_EQ(store().map_record("nope").error().kind, ErrorKind::NotFound);
  EXPECT_EQ(store().revision("nope", 0).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(store().revision("nope", 1).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(store().revision("m1", 2).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(store().revision("m1", -1).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(store().revisions("nope").error().kind, ErrorKind::NotFound);
  EXPECT_EQ(store().append_revision("nope", 1, version(alice.id, kNowMs, "x")).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(let_in("nope", alice, alice).error().kind, ErrorKind::NotFound);
  User ghost = alice;
  ghost.id = 999'999;
  EXPECT_EQ(let_in("m1", ghost, alice).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(store().remove_member("m1", alice.id, audit_row(kNowMs, alice, "x", "m1")).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(store().move_map("nope", "south", audit_row(kNowMs, alice, "x", "nope")).error().kind,
            ErrorKind::NotFound);
  EXPECT_EQ(store().members("nope").error().kind, ErrorKind::NotFound);
  EXPECT_TRUE(store().audit_of_map("nope")->empty());
}

//   team north: alice, mary        team south: bob        team west: wendy
//   n1 (north, by alice, saved first)
//   s1 (south, by bob) + member alice
//   s2 (south, by bob, saved last)
//   n2 (north, by mary) + member bob
TEST_P(StoreTest, ShowsMapsToTheirTeamAndMembersOnly) {
  const User alice = add("alice", "north");
  const User mary = add("mary", "north", AccountRole::manager);
  const User bob = add("bob", "south");
  const User wendy = add("wendy", "west");
  create("n1", alice, 0);
  create("s1", bob, 100);
  create("s2", bob, 300);
  create("n2", mary, 200);
  ASSERT_TRUE(let_in("s1", alice, bob));
  ASSERT_TRUE(let_in("n2", bob, mary));
  // n1 is saved again last of all: it becomes the newest.
  ASSERT_TRUE(store().append_revision("n1", 1, version(mary.id, kNowMs + 400, "n1 v2")));

  auto ids = [&](const User& user) {
    std::vector<std::string> out;
    auto maps = store().maps_visible_to(user.team, user.id);
    EXPECT_TRUE(maps) << maps.error().message;
    if (maps) {
      for (const MapSummary& map : maps.value()) out.push_back(map.id);
    }
    return out;
  };
  EXPECT_EQ(ids(alice), (std::vector<std::string>{"n1", "n2", "s1"}));  // newest first
  EXPECT_EQ(ids(mary), (std::vector<std::string>{"n1", "n2"}));
  EXPECT_EQ(ids(bob), (std::vector<std::string>{"s2", "n2", "s1"}));
  EXPECT_TRUE(ids(wendy).empty());

  auto maps = store().maps_visible_to("north", alice.id);
  ASSERT_TRUE(maps);
  const MapSummary& newest = maps->front();
  EXPECT_EQ(newest.id, "n1");
  EXPECT_EQ(newest.team, "north");
  EXPECT_EQ(newest.title, "n1 v2");
  EXPECT_EQ(newest.head, 2);
  EXPECT_EQ(newest.updated_at, kNowMs + 400);
  EXPECT_EQ(newest.updated_by, "mary");
}

TEST_P(StoreTest, AddsMembersOnce) {
  const User alice = add("alice", "north");
  const User bob = add("bob", "south");
  const User carol = add("carol", "east");
  create("m1", alice);
  ASSERT_TRUE(let_in("m1", carol, alice, 10));
  ASSERT_TRUE(let_in("m1", bob, alice, 20));
  ASSERT_TRUE(let_in("m1", carol, bob, 30));  // idempotent: alice still let carol in, at +10
  EXPECT_EQ(store().map_record("m1")->members, (std::vector<std::int64_t>{bob.id, carol.id}));
  EXPECT_EQ(store().maps_visible_to(carol.team, carol.id)->size(), 1U);
  auto members = store().members("m1");
  ASSERT_TRUE(members) << members.error().message;
  ASSERT_EQ(members->size(), 2U);
  EXPECT_EQ(members.value()[0].username, "bob");  // by username
  EXPECT_EQ(members.value()[0].team, "south");
  EXPECT_EQ(members.value()[0].added_by_name, "alice");
  EXPECT_EQ(members.value()[0].added_at, kNow + 20);
  EXPECT_EQ(members.value()[1].username, "carol");
  EXPECT_EQ(members.value()[1].added_by, alice.id);
  EXPECT_EQ(members.value()[1].added_at, kNow + 10);
  EXPECT_EQ(store().audit_of_map("m1")->size(), 3U);  // every attempt has its row
}

//   m1 (north, by alice) + member bob  --remove bob-->  m1 (north), bob sees nothing
TEST_P(StoreTest, RemovesAMemberWithItsAuditRowAcrossAReopen) {
  const User alice = add("alice", "north");
  const User bob = add("bob", "south");
  create("m1", alice);
  ASSERT_TRUE(let_in("m1", bob, alice));
  ASSERT_EQ(store().maps_visible_to(bob.team, bob.id)->size(), 1U);
  ASSERT_TRUE(store().remove_member("m1", bob.id,
                                    audit_row(kNowMs + 5, alice, "map.members.remove", "m1")));
  reopen();
  EXPECT_TRUE(store().map_record("m1")->members.empty());
  EXPECT_TRUE(store().members("m1")->empty());
  EXPECT_TRUE(store().maps_visible_to(bob.team, bob.id)->empty());
  const auto audit = store().audit_of_map("m1").value();
  ASSERT_EQ(audit.size(), 2U);
  EXPECT_EQ(audit[1].action, "map.members.remove");
  // A second removal finds no member and writes nothing.
  EXPECT_EQ(
      store()
          .remove_member("m1", bob.id, audit_row(kNowMs + 6, alice, "map.members.remove", "m1"))
          .error()
          .kind,
      ErrorKind::NotFound);
  EXPECT_EQ(store().audit_of_map("m1")->size(), 2U);
  // And the member can be let in again, recorded afresh.
  ASSERT_TRUE(let_in("m1", bob, alice, 60));
  EXPECT_EQ(store().members("m1")->front().added_at, kNow + 60);
}

//   m1 (north) --move--> m1 (south): north's people lose it, south's see it; members stay
TEST_P(StoreTest, MovesAMapToAnotherTeamWithItsAuditRow) {
  const User alice = add("alice", "north");
  const User bob = add("bob", "south");
  const User carol = add("carol", "east");
  create("m1", alice);
  ASSERT_TRUE(let_in("m1", carol, alice));
  ASSERT_TRUE(store().move_map("m1", "south", audit_row(kNowMs + 1, alice, "map.move", "m1")));
  reopen();
  EXPECT_EQ(store().map_record("m1")->team, "south");
  EXPECT_TRUE(store().maps_visible_to("north", alice.id)->empty());
  EXPECT_EQ(store().maps_visible_to("south", bob.id)->size(), 1U);
  EXPECT_EQ(store().maps_visible_to("east", carol.id)->size(), 1U);
  EXPECT_EQ(store().audit_of_map("m1")->back().action, "map.move");
  EXPECT_EQ(store().move_map("m1", "", audit_row(kNowMs + 2, alice, "map.move", "m1")).error().kind,
            ErrorKind::Invalid);
  EXPECT_EQ(store().audit_of_map("m1")->size(), 2U);
}

// ---- revisions stored as JSON Patches

//   1 document -> 2 patch -> 3 document -> 4 patch (the head)
TEST_P(StoreTest, KeepsPatchRevisionsExactlyAsGiven) {
  const User alice = add("alice", "north");
  const User bob = add("bob", "north");
  create("m1", alice);
  auto second = store().append_revision("m1", 1, patch(bob.id, kNowMs + 10, "v2", retitle("v2")));
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->number, 2);
  EXPECT_EQ(second->author, "bob");
  ASSERT_TRUE(store().append_revision("m1", 2, version(alice.id, kNowMs + 20, "v3")));
  ASSERT_TRUE(store().append_revision("m1", 3, patch(bob.id, kNowMs + 30, "v4", retitle("v4"))));

  auto check = [&] {
    auto first = store().revision("m1", 1);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->body, RevisionBody::document);  // never set: a document
    EXPECT_EQ(first->document, version(alice.id, 0, "m1 v1").document);
    auto two = store().revision("m1", 2);
    ASSERT_TRUE(two) << two.error().message;
    EXPECT_EQ(two->body, RevisionBody::patch);
    EXPECT_EQ(two->document, retitle("v2"));  // the patch, not a rebuilt document
    EXPECT_EQ(two->title, "v2");
    EXPECT_EQ(two->info.author, "bob");
    EXPECT_EQ(two->info.created_at, kNowMs + 10);
    auto three = store().revision("m1", 3);
    ASSERT_TRUE(three);
    EXPECT_EQ(three->body, RevisionBody::document);
    EXPECT_EQ(three->document, version(alice.id, 0, "v3").document);
    auto head = store().revision("m1", 0);
    ASSERT_TRUE(head) << head.error().message;
    EXPECT_EQ(head->info.number, 4);
    EXPECT_EQ(head->body, RevisionBody::patch);
    EXPECT_EQ(head->document, retitle("v4"));
    EXPECT_EQ(store().revisions("m1")->size(), 4U);
  };
  check();
  reopen();
  check();
  EXPECT_EQ(raw_value(url(), "SELECT COUNT(*) FROM revisions WHERE body = 'patch'"), "2");
}

//   m1:  1 doc   2 patch   3 patch   4 patch   5 patch   6 doc   7 patch   8 patch (head)
//   m2:  1 doc   2 patch   3 doc     (saved in between, so a query ignoring the map shows)
TEST_P(StoreTest, ReturnsTheChainThatRebuildsARevision) {
  const User alice = add("alice", "north");
  create("m1", alice);
  create("m2", alice);
  auto save = [&](const std::string& id, std::int64_t head, bool whole) {
    const std::string title = id + " v" + std::to_string(head + 1);
    const std::int64_t at = kNowMs + head * 1000;
    auto saved = store().append_revision(
        id, head,
        whole ? version(alice.id, at, title) : patch(alice.id, at, title, retitle(title)));
    ASSERT_TRUE(saved) << saved.error().message;
    ASSERT_EQ(saved->number, head + 1);
  };
  for (std::int64_t head = 1; head < 8; ++head) {
    save("m1", head, head + 1 == 6);
    if (head <= 2) save("m2", head, head + 1 == 3);
  }

  auto numbers = [&](const std::string& id, std::int64_t number) {
    std::vector<std::int64_t> out;
    auto chain = store().revision_chain(id, number);
    EXPECT_TRUE(chain) << chain.error().message;
    if (!chain) return out;
    for (const Revision& revision : chain.value()) {
      EXPECT_EQ(revision.info.map_id, id);
      // Only the first is a document; each row comes back whole.
      EXPECT_EQ(revision.body, out.empty() ? RevisionBody::document : RevisionBody::patch)
          << id << " " << revision.info.number;
      const std::string title = id + " v" + std::to_string(revision.info.number);
      EXPECT_EQ(revision.title, title);
      EXPECT_EQ(revision.document, revision.body == RevisionBody::patch
                                       ? retitle(title)
                                       : version(alice.id, 0, title).document);
      EXPECT_EQ(revision.info.author, "alice");
      EXPECT_EQ(revision.info.author_id, alice.id);
      EXPECT_EQ(revision.info.created_at,
                revision.info.number == 1 ? kNowMs : kNowMs + (revision.info.number - 1) * 1000);
      out.push_back(revision.info.number);
    }
    return out;
  };
  using Numbers = std::vector<std::int64_t>;
  EXPECT_EQ(numbers("m1", 8), (Numbers{6, 7, 8}));
  EXPECT_EQ(numbers("m1", 0), (Numbers{6, 7, 8}));  // 0 is the head
  EXPECT_EQ(numbers("m1", 7), (Numbers{6, 7}));
  EXPECT_EQ(numbers("m1", 6), (Numbers{6}));
  EXPECT_EQ(numbers("m1", 5), (Numbers{1, 2, 3, 4, 5}));
  EXPECT_EQ(numbers("m1", 2), (Numbers{1, 2}));
  EXPECT_EQ(numbers("m1", 1), (Numbers{1}));
  EXPECT_EQ(numbers("m2", 0), (Numbers{3}));
  EXPECT_EQ(numbers("m2", 2), (Numbers{1, 2}));

  for (const auto& [id, number] : std::vector<std::pair<std::string, std::int64_t>>{
           {"m1", 9}, {"m1", 100}, {"m1", -1}, {"m2", 4}, {"nope", 0}, {"nope", 1}}) {
    auto chain = store().revision_chain(id, number);
    ASSERT_FALSE(chain) << id << " " << number;
    EXPECT_EQ(chain.error().kind, ErrorKind::NotFound) << id << " " << number;
  }
}

TEST_P(StoreTest, RefusesAPatchAsTheFirstRevisionAndWritesNothing) {
  const User alice = add("alice", "north");
  const User bob = add("bob", "south");
  MapRecord record = map_of("m1", "north", alice.id);
  record.members = {bob.id};
  auto created = store().create_map(record, patch(alice.id, kNowMs, "m1 v1", retitle("m1 v1")));
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(store().map_record("m1").error().kind, ErrorKind::NotFound);
  EXPECT_EQ(store().revision_chain("m1", 0).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(raw_value(url(), "SELECT COUNT(*) FROM maps"), "0");
  EXPECT_EQ(raw_value(url(), "SELECT COUNT(*) FROM map_members"), "0");
  EXPECT_EQ(raw_value(url(), "SELECT COUNT(*) FROM revisions"), "0");
  EXPECT_TRUE(store().maps_visible_to("south", bob.id)->empty());
}

// The schema itself refuses a body other than 'document' or 'patch', and a patch as revision 1.
TEST_P(StoreTest, RefusesAnUnknownBodyInTheSchema) {
  const User alice = add("alice", "north");
  create("m1", alice);
  const std::string id = std::to_string(alice.id);
  auto insert = [&](const std::string& map_id, int number, const std::string& body) {
    return raw_sql(url(),
                   "INSERT INTO revisions (map_id, number, author_id, author, created_at, "
                   "summary, title, document, body) VALUES ('" +
                       map_id + "', " + std::to_string(number) + ", " + id +
                       ", 'alice', 0, 's', 't', '[]', " + body + ")");
  };
  for (const char* body : {"'diff'", "'Patch'", "''"}) {
    const std::string error = insert("m1", 2, body);
    EXPECT_NE(error.find("revisions_body"), std::string::npos) << body << ": " << error;
  }
  EXPECT_NE(insert("m1", 2, "NULL"), "");
  ASSERT_EQ(raw_sql(url(),
                    "INSERT INTO maps (id, team, created_by, created_at, head) VALUES "
                    "('m2', 'north', " +
                        id + ", 0, 1)"),
            "");
  const std::string first_patch = insert("m2", 1, "'patch'");
  EXPECT_NE(first_patch.find("revisions_body"), std::string::npos) << first_patch;
  EXPECT_EQ(raw_value(url(), "SELECT COUNT(*) FROM revisions"), "1");
  EXPECT_EQ(insert("m2", 1, "'document'"), "");  // the constraint is not refusing everything
}

// ---- a revision and its audit row in one transaction

//   1 -> 2 (patch, audited)
//    \-> a stale save from 1, audited -> Conflict: neither row written
TEST_P(StoreTest, AppendsARevisionAndItsAuditRowTogether) {
  const User alice = add("alice", "north");
  const User bob = add("bob", "north");
  create("m1", alice);
  ASSERT_TRUE(store().append_audit(audit_row(kNowMs, alice, "map.read", "m1", 1)));
  const std::string audit_count = "SELECT COUNT(*) FROM audit";
  ASSERT_EQ(raw_value(url(), audit_count), "1");

  AuditEntry write = audit_row(kNowMs + 10, bob, "map.write", "m1", 99);  // 99: replaced
  auto saved = store().append_revision_audited(
      "m1", 1, patch(bob.id, kNowMs + 10, "v2", retitle("v2")), write);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->number, 2);
  EXPECT_EQ(saved->author, "bob");
  EXPECT_EQ(head("m1"), 2);
  EXPECT_EQ(store().revision("m1", 2)->body, RevisionBody::patch);
  auto trail = store().audit_of_map("m1");
  ASSERT_TRUE(trail) << trail.error().message;
  ASSERT_EQ(trail->size(), 2U);
  const AuditEntry& written = trail->back();
  EXPECT_EQ(written.revision, 2);  // the new number
  EXPECT_EQ(written.action, "map.write");
  EXPECT_EQ(written.user_id, bob.id);
  EXPECT_EQ(written.username, "bob");
  EXPECT_EQ(written.at, kNowMs + 10);
  EXPECT_EQ(written.outcome, "ok");
  EXPECT_EQ(written.status, 200);
  EXPECT_EQ(written.source, "127.0.0.1");

  // Refused saves write neither row: a stale head, an unknown map, an unknown author.
  auto stale = store().append_revision_audited("m1", 1, version(alice.id, kNowMs + 20, "stale"),
                                               audit_row(kNowMs + 20, alice, "map.write", "m1"));
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ErrorKind::Conflict);
  auto unknown_map =
      store().append_revision_audited("nope", 1, version(alice.id, kNowMs + 20, "x"),
                                      audit_row(kNowMs + 20, alice, "map.write", "nope"));
  ASSERT_FALSE(unknown_map);
  EXPECT_EQ(unknown_map.error().kind, ErrorKind::NotFound);
  auto unknown_author =
      store().append_revision_audited("m1", 2, version(999'999, kNowMs + 20, "x"),
                                      audit_row(kNowMs + 20, alice, "map.write", "m1"));
  ASSERT_FALSE(unknown_author);
  EXPECT_EQ(unknown_author.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(raw_value(url(), audit_count), "2");
  EXPECT_EQ(raw_value(url(), "SELECT COUNT(*) FROM revisions"), "2");
  EXPECT_EQ(head("m1"), 2);

  reopen();
  EXPECT_EQ(store().revision("m1", 0)->document, retitle("v2"));
  EXPECT_EQ(store().audit_of_map("m1")->back().revision, 2);
}

// The audit row cannot be written (a trigger the test adds refuses it): the revision is not
// written either.
TEST_P(StoreTest, WritesNoRevisionWhenItsAuditRowFails) {
  const User alice = add("alice", "north");
  create("m1", alice);
  const bool pg = GetParam() == "postgresql";
  ASSERT_EQ(raw_sql(url(), pg ? "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql "
                                "AS $$ BEGIN RAISE EXCEPTION 'no audit today'; END $$; "
                                "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit "
                                "FOR EACH ROW EXECUTE FUNCTION refuse_audit()"
                              : "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit "
                                "BEGIN SELECT RAISE(ABORT, 'no audit today'); END"),
            "");
  auto saved = store().append_revision_audited("m1", 1, version(alice.id, kNowMs, "v2"),
                                               audit_row(kNowMs, alice, "map.write", "m1"));
  ASSERT_FALSE(saved);
  EXPECT_NE(saved.error().message.find("no audit today"), std::string::npos)
      << saved.error().message;
  EXPECT_EQ(head("m1"), 1);
  EXPECT_EQ(raw_value(url(), "SELECT COUNT(*) FROM revisions"), "1");
  EXPECT_EQ(raw_value(url(), "SELECT COUNT(*) FROM audit"), "0");

  ASSERT_EQ(raw_sql(url(), pg ? "DROP TRIGGER refuse_audit ON audit" : "DROP TRIGGER refuse_audit"),
            "");
  auto again = store().append_revision_audited("m1", 1, version(alice.id, kNowMs, "v2"),
                                               audit_row(kNowMs, alice, "map.write", "m1"));
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->number, 2);
  EXPECT_EQ(raw_value(url(), "SELECT COUNT(*) FROM audit"), "1");
}

// The same for member changes and moves: with the audit row refused, nothing changes.
TEST_P(StoreTest, ChangesNoMemberOrTeamWhenItsAuditRowFails) {
  const User alice = add("alice", "north");
  const User bob = add("bob", "south");
  const User carol = add("carol", "east");
  create("m1", alice);
  ASSERT_TRUE(let_in("m1", bob, alice));
  const bool pg = GetParam() == "postgresql";
  ASSERT_EQ(raw_sql(url(), pg ? "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql "
                                "AS $$ BEGIN RAISE EXCEPTION 'no audit today'; END $$; "
                                "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit "
                                "FOR EACH ROW EXECUTE FUNCTION refuse_audit()"
                              : "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit "
                                "BEGIN SELECT RAISE(ABORT, 'no audit today'); END"),
            "");
  EXPECT_FALSE(let_in("m1", carol, alice));
  EXPECT_FALSE(store().remove_member("m1", bob.id, audit_row(kNowMs, alice, "x", "m1")));
  EXPECT_FALSE(store().move_map("m1", "south", audit_row(kNowMs, alice, "x", "m1")));
  EXPECT_EQ(store().map_record("m1")->members, (std::vector<std::int64_t>{bob.id}));
  EXPECT_EQ(store().map_record("m1")->team, "north");
  EXPECT_EQ(raw_value(url(), "SELECT COUNT(*) FROM audit"), "1");
}

// ---- audit

TEST_P(StoreTest, AppendsAndQueriesTheAuditTrail) {
  const User alice = add("alice", "north");
  create("m1", alice);
  create("m2", alice);
  AuditEntry refused = audit_row(kNowMs + 3, User{}, "map.read", "m1");
  refused.outcome = "refused";
  refused.status = 404;
  refused.source = "10.0.0.9";
  ASSERT_TRUE(store().append_audit(audit_row(kNowMs + 1, alice, "map.read", "m1", 1)));
  ASSERT_TRUE(store().append_audit(audit_row(kNowMs + 2, alice, "map.render", "m2")));
  ASSERT_TRUE(store().append_audit(refused));
  ASSERT_TRUE(store().append_audit(audit_row(kNowMs + 4, alice, "session.login", "")));

  auto of_m1 = store().audit_of_map("m1");
  ASSERT_TRUE(of_m1) << of_m1.error().message;
  ASSERT_EQ(of_m1->size(), 2U);
  const AuditEntry& read = of_m1.value()[0];
  EXPECT_GT(read.id, 0);
  EXPECT_EQ(read.at, kNowMs + 1);
  EXPECT_EQ(read.user_id, alice.id);
  EXPECT_EQ(read.username, "alice");
  EXPECT_EQ(read.action, "map.read");
  EXPECT_EQ(read.map_id, "m1");
  EXPECT_EQ(read.revision, 1);
  EXPECT_EQ(read.outcome, "ok");
  EXPECT_EQ(read.status, 200);
  EXPECT_EQ(read.source, "127.0.0.1");
  const AuditEntry& stranger = of_m1.value()[1];
  EXPECT_GT(stranger.id, read.id);
  EXPECT_EQ(stranger.user_id, 0);
  EXPECT_EQ(stranger.username, "");
  EXPECT_EQ(stranger.outcome, "refused");
  EXPECT_EQ(stranger.status, 404);
  EXPECT_EQ(stranger.source, "10.0.0.9");

  auto all = store().audit_all(100);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 4U);
  EXPECT_EQ(all.value()[3].action, "session.login");
  EXPECT_EQ(all.value()[3].map_id, "");
  EXPECT_TRUE(std::is_sorted(all->begin(), all->end(),
                             [](const AuditEntry& a, const AuditEntry& b) { return a.id < b.id; }));
  auto first_two = store().audit_all(2);
  ASSERT_TRUE(first_two);
  ASSERT_EQ(first_two->size(), 2U);
  EXPECT_EQ(first_two.value()[1].action, "map.render");
  EXPECT_TRUE(store().audit_all(0)->empty());
  EXPECT_EQ(store().audit_all(-1).error().kind, ErrorKind::Invalid);
}

// The schema itself refuses to change or remove revisions and audit rows, whoever asks.
TEST_P(StoreTest, RefusesToChangeOrDeleteRevisionsAndAuditRows) {
  const User alice = add("alice", "north");
  create("m1", alice);
  ASSERT_TRUE(store().append_revision("m1", 1, patch(alice.id, kNowMs, "v2", retitle("v2"))));
  ASSERT_TRUE(store().append_audit(audit_row(kNowMs, alice, "map.read", "m1", 1)));

  expect_append_only(url(), GetParam());
  // Appending is still allowed, and nothing changed.
  EXPECT_EQ(raw_sql(url(),
                    "INSERT INTO audit (at, user_id, username, action, map_id, revision, "
                    "outcome, status, source) VALUES (1, 0, '', 'raw', '', 0, 'ok', 0, '')"),
            "");
  reopen();
  EXPECT_EQ(store().revision("m1", 1)->document, version(alice.id, 0, "m1 v1").document);
  EXPECT_EQ(store().revision("m1", 1)->info.summary, "saved");
  EXPECT_EQ(store().revision("m1", 2)->body, RevisionBody::patch);
  auto audit = store().audit_all(10);
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->size(), 2U);
  EXPECT_EQ(audit.value()[0].action, "map.read");
}

// ---- durability and schema

TEST_P(StoreTest, KeepsEverythingAcrossAReopen) {
  const User alice = add("alice", "north");
  const User bob = add("bob", "south", AccountRole::manager);
  create("m1", alice);
  ASSERT_TRUE(store().append_revision("m1", 1, version(alice.id, kNowMs + 1, "v2")));
  ASSERT_TRUE(let_in("m1", bob, alice));
  ASSERT_TRUE(store().set_disabled("bob", true));
  ASSERT_TRUE(store().create_session(Session{"h", alice.id, "c", kNow, kNow + 60}));
  ASSERT_TRUE(store().record_login_failure("user:bob", kNow));
  ASSERT_TRUE(store().append_audit(audit_row(kNowMs, alice, "map.write", "m1", 2)));

  reopen();

  EXPECT_EQ(store().user_by_name("alice")->id, alice.id);
  EXPECT_TRUE(store().user_by_name("bob")->disabled);
  EXPECT_EQ(store().user_by_name("bob")->role, AccountRole::manager);
  auto record = store().map_record("m1");
  ASSERT_TRUE(record);
  EXPECT_EQ(record->head, 2);
  EXPECT_EQ(record->members, (std::vector<std::int64_t>{bob.id}));
  EXPECT_EQ(store().revision("m1", 0)->title, "v2");
  EXPECT_EQ(store().revisions("m1")->size(), 2U);
  EXPECT_EQ(store().session("h")->user_id, alice.id);
  EXPECT_EQ(store().login_failures_since("user:bob", 0).value(), 1);
  EXPECT_EQ(store().audit_of_map("m1")->size(), 2U);  // the member's and the write's
  // New ids carry on after the old ones.
  EXPECT_GT(add("carol", "north").id, bob.id);
}

TEST_P(StoreTest, MigratesOnceHoweverOftenItIsOpened) {
  const User alice = add("alice", "north");
  auto second = open_store(url());  // while the first is open
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second.value()->user_by_name("alice")->id, alice.id);
  second.value().reset();
  reopen();
  EXPECT_EQ(raw_value(url(), "SELECT COUNT(*) FROM schema_version"),
            std::to_string(kSchemaVersion));
  EXPECT_EQ(raw_value(url(), "SELECT MAX(version) FROM schema_version"),
            std::to_string(kSchemaVersion));
  EXPECT_EQ(store().list_users()->size(), 1U);
}

TEST_P(StoreTest, MigratesOnceWhenManyProcessesStartTogether) {
  test::TestDatabase fresh(GetParam());  // nobody has opened this one yet
  if (!fresh.error().empty()) FAIL() << fresh.error();
  std::latch start(kThreads);
  std::atomic<int> opened{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  std::vector<std::string> errors(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      auto store = open_store(fresh.url());
      if (store) {
        ++opened;
      } else {
        errors[static_cast<std::size_t>(t)] = store.error().message;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(opened, kThreads) << errors[0] << errors[1];
  EXPECT_EQ(raw_value(fresh.url(), "SELECT COUNT(*) FROM schema_version"),
            std::to_string(kSchemaVersion));
}

// A database written by the previous version (schema 1, built here by its own migration): the
// store migrates it, its revisions become documents, and history stays append-only.
TEST_P(StoreTest, MigratesAVersion1DatabaseKeepingItsRevisionsAsDocuments) {
  test::TestDatabase old(GetParam());  // nobody has opened this one yet
  if (!old.error().empty()) FAIL() << old.error();
  const auto migrations =
      GetParam() == "sqlite" ? sql::sqlite_migrations() : sql::postgres_migrations();
  ASSERT_EQ(migrations.front().version, 1);
  ASSERT_EQ(raw_sql(old.url(), "CREATE TABLE schema_version (version INTEGER PRIMARY KEY)"), "");
  ASSERT_EQ(raw_sql(old.url(), migrations.front().sql), "");
  ASSERT_EQ(raw_sql(old.url(),
                    "INSERT INTO schema_version (version) VALUES (1);"
                    "INSERT INTO users (username, team, role, password_hash, created_at) "
                    "VALUES ('alice', 'north', 'practitioner', 'hash', 1);"
                    "INSERT INTO maps (id, team, created_by, created_at, head) "
                    "SELECT 'm1', 'north', id, 1, 2 FROM users;"
                    "INSERT INTO revisions (map_id, number, author_id, author, created_at, "
                    "summary, title, document) SELECT 'm1', 1, id, 'alice', 1000, 'created', 'v1', "
                    "'{\"v\":1}' FROM users;"
                    "INSERT INTO revisions (map_id, number, author_id, author, created_at, "
                    "summary, title, document) SELECT 'm1', 2, id, 'alice', 2000, 'saved', 'v2', "
                    "'{\"v\":2}' FROM users;"
                    "INSERT INTO audit (at, user_id, username, action, map_id, revision, outcome, "
                    "status, source) VALUES (2000, 1, 'alice', 'map.write', 'm1', 2, 'ok', 200, "
                    "'')"),
            "");
  ASSERT_EQ(raw_value(old.url(), "SELECT COUNT(*) FROM revisions"), "2");

  auto opened = open_store(old.url());
  ASSERT_TRUE(opened) << opened.error().message;
  Store& migrated = *opened.value();
  EXPECT_EQ(raw_value(old.url(), "SELECT MAX(version) FROM schema_version"),
            std::to_string(kSchemaVersion));
  EXPECT_EQ(raw_value(old.url(), "SELECT COUNT(*) FROM revisions WHERE body = 'document'"), "2");
  for (std::int64_t number : {1, 2}) {
    auto revision = migrated.revision("m1", number);
    ASSERT_TRUE(revision) << revision.error().message;
    EXPECT_EQ(revision->body, RevisionBody::document);
    EXPECT_EQ(revision->document, "{\"v\":" + std::to_string(number) + "}");
  }
  auto chain = migrated.revision_chain("m1", 0);
  ASSERT_TRUE(chain) << chain.error().message;
  ASSERT_EQ(chain->size(), 1U);  // the head is a whole document
  EXPECT_EQ(chain->front().info.number, 2);

  // New saves may be patches, from the old documents.
  const std::int64_t alice = migrated.user_by_name("alice")->id;
  ASSERT_TRUE(migrated.append_revision("m1", 2, patch(alice, kNowMs, "v3", retitle("v3"))));
  chain = migrated.revision_chain("m1", 3);
  ASSERT_TRUE(chain) << chain.error().message;
  ASSERT_EQ(chain->size(), 2U);
  EXPECT_EQ(chain->front().document, "{\"v\":2}");
  EXPECT_EQ(chain->back().document, retitle("v3"));

  expect_append_only(old.url(), GetParam());
  EXPECT_EQ(raw_value(old.url(), "SELECT COUNT(*) FROM revisions"), "3");
  EXPECT_EQ(raw_value(old.url(), "SELECT COUNT(*) FROM audit"), "1");
}

// ---- concurrency

// Eight writers all saw head 1 and save at once: exactly one wins, the rest get Conflict, and
// the loser's documents are nowhere.
TEST_P(StoreTest, LetsExactlyOneOfManySavesFromTheSameHeadWin) {
  const User alice = add("alice", "north");
  create("m1", alice);
  std::latch start(kThreads);
  std::atomic<int> saved{0};
  std::atomic<int> conflicts{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      auto result = store().append_revision(
          "m1", 1, version(alice.id, kNowMs + t, "writer " + std::to_string(t)));
      if (result) {
        EXPECT_EQ(result->number, 2);
        ++saved;
      } else if (result.error().kind == ErrorKind::Conflict) {
        ++conflicts;
      } else {
        ADD_FAILURE() << result.error().message;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(saved, 1);
  EXPECT_EQ(conflicts, kThreads - 1);
  EXPECT_EQ(head("m1"), 2);
  EXPECT_EQ(store().revisions("m1")->size(), 2U);
  EXPECT_EQ(raw_value(url(), "SELECT COUNT(*) FROM revisions"), "2");
}

// Eight audited saves from the same head at once (on SQLite, several in one group commit):
// one revision and one audit row land, the losers leave neither.
TEST_P(StoreTest, LetsOneOfManyAuditedSavesWinWithItsAuditRowOnly) {
  const User alice = add("alice", "north");
  create("m1", alice);
  std::latch start(kThreads);
  std::atomic<int> saved{0};
  std::atomic<int> conflicts{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      const std::string title = "writer " + std::to_string(t);
      AuditEntry audit = audit_row(kNowMs + t, alice, "map.write", "m1");
      audit.source = title;
      auto result = store().append_revision_audited(
          "m1", 1, patch(alice.id, kNowMs + t, title, retitle(title)), audit);
      if (result) {
        ++saved;
      } else if (result.error().kind == ErrorKind::Conflict) {
        ++conflicts;
      } else {
        ADD_FAILURE() << result.error().message;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(saved, 1);
  EXPECT_EQ(conflicts, kThreads - 1);
  auto trail = store().audit_of_map("m1");
  ASSERT_TRUE(trail);
  ASSERT_EQ(trail->size(), 1U);
  EXPECT_EQ(trail->front().revision, 2);
  EXPECT_EQ(trail->front().source, store().revision("m1", 2)->title);  // the winner's own row
  EXPECT_EQ(raw_value(url(), "SELECT COUNT(*) FROM revisions"), "2");
}

// Eight writers each save ten times, re-reading the head after a Conflict (as a person would
// after 412): every save lands, on its own revision number.
TEST_P(StoreTest, KeepsEverySaveOfManyConcurrentWriters) {
  constexpr int kSaves = 10;
  const User alice = add("alice", "north");
  create("shared", alice);
  for (int t = 0; t < kThreads; ++t) create("own" + std::to_string(t), alice);
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      const std::string own = "own" + std::to_string(t);
      for (int i = 0; i < kSaves; ++i) {
        const std::string title = "t" + std::to_string(t) + "-" + std::to_string(i);
        for (;;) {
          auto record = store().map_record("shared");
          ASSERT_TRUE(record) << record.error().message;
          auto result =
              store().append_revision("shared", record->head, version(alice.id, kNowMs, title));
          if (result) break;
          ASSERT_EQ(result.error().kind, ErrorKind::Conflict) << result.error().message;
        }
        // Each writer's own map: no contention, so no Conflict.
        auto result = store().append_revision(own, 1 + i, version(alice.id, kNowMs, title));
        ASSERT_TRUE(result) << result.error().message;
        ASSERT_TRUE(store().append_audit(audit_row(kNowMs, alice, "map.write", own, 2 + i)));
      }
    });
  }
  for (auto& thread : threads) thread.join();

  auto list = store().revisions("shared");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), static_cast<std::size_t>(1 + kThreads * kSaves));
  std::set<std::string> titles;
  for (std::int64_t n = 2; n <= 1 + kThreads * kSaves; ++n) {
    EXPECT_EQ(list.value()[static_cast<std::size_t>(n - 1)].number, n);
    titles.insert(store().revision("shared", n)->title);
  }
  EXPECT_EQ(titles.size(), static_cast<std::size_t>(kThreads * kSaves));  // all distinct
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(head("own" + std::to_string(t)), 1 + kSaves);
    EXPECT_EQ(store().audit_of_map("own" + std::to_string(t))->size(),
              static_cast<std::size_t>(kSaves));
  }
}

// What the server does for GET /api/maps/{id} of a 200-person map, many times from many
// threads at once: read the access record and the head, append an audit row. Every read gets
// the whole document and every audit row is kept. How long it takes is measured by
// bench/store_bench.cpp, not here: tests never assert wall-clock times.
TEST_P(StoreTest, ServesConcurrentReadsOfA200PersonMap) {
  constexpr int kReaders = 32;
  constexpr int kReadsEach = 20;
  const User alice = add("alice", "north");
  Revision big = version(alice.id, kNowMs, "two hundred");
  big.document = model::write_document(testing::random_document(
      7, {.people = 200, .groups = 12, .locations = 6, .ties_per_person = 2.0}));
  auto created = store().create_map(map_of("big", "north", alice.id), big);
  ASSERT_TRUE(created) << created.error().message;

  std::latch start(kReaders);
  std::vector<std::thread> threads;
  threads.reserve(kReaders);
  for (int t = 0; t < kReaders; ++t) {
    threads.emplace_back([&] {
      start.arrive_and_wait();
      for (int i = 0; i < kReadsEach; ++i) {
        auto record = store().map_record("big");
        auto head = store().revision("big", 0);
        auto audited = store().append_audit(audit_row(kNowMs, alice, "map.read", "big", 1));
        ASSERT_TRUE(record && head && audited);
        ASSERT_EQ(head->document.size(), big.document.size());
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(store().audit_of_map("big")->size(), static_cast<std::size_t>(kReaders * kReadsEach));
}

// ---- layouts kept

TEST_P(StoreTest, KeepsOneLayoutPerRevisionAndViewAndTheFirstWins) {
  const User alice = add("alice", "north");
  create("m1", alice);
  ASSERT_TRUE(store().append_revision("m1", 1, version(alice.id, kNowMs + 1, "v2")));
  ASSERT_TRUE(store().append_revision("m1", 2, version(alice.id, kNowMs + 2, "v3")));
  EXPECT_EQ(store().kept_layout("m1", 1, "#", false).error().kind, ErrorKind::NotFound);

  auto first = store().keep_layout("m1", "#", {1, 0, R"({"a":1})"});
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->geometry, R"({"a":1})");
  // A second process that laid revision 1 out too is given the first one's layout.
  auto second = store().keep_layout("m1", "#", {1, 0, R"({"a":2})"});
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->number, 1);
  EXPECT_EQ(second->geometry, R"({"a":1})");
  // Another view of the same revision is another layout.
  ASSERT_TRUE(store().keep_layout("m1", "2026-01-01##", {1, 0, "{}"}));
  ASSERT_TRUE(store().keep_layout("m1", "#", {3, 1, "=1"}));

  reopen();
  EXPECT_EQ(store().kept_layout("m1", 1, "#", false)->geometry, R"({"a":1})");
  EXPECT_EQ(store().kept_layout("m1", 1, "2026-01-01##", false)->geometry, "{}");
  EXPECT_EQ(store().kept_layout("m1", 2, "#", false).error().kind, ErrorKind::NotFound);
  // The newest kept before a revision: the basis of a layout from earlier positions.
  auto before3 = store().kept_layout("m1", 3, "#", true);
  ASSERT_TRUE(before3) << before3.error().message;
  EXPECT_EQ(before3->number, 1);
  auto before4 = store().kept_layout("m1", 4, "#", true);
  ASSERT_TRUE(before4);
  EXPECT_EQ(before4->number, 3);
  EXPECT_EQ(before4->basis, 1);
  EXPECT_EQ(before4->geometry, "=1");
  // A basis is an earlier revision.
  EXPECT_FALSE(store().keep_layout("m1", "#", {2, 2, "{}"}));
  EXPECT_EQ(store().kept_layout("m1", 1, "#", true).error().kind, ErrorKind::NotFound);
  // Only for a revision that exists.
  EXPECT_EQ(store().keep_layout("m1", "#", {9, 0, "{}"}).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(store().keep_layout("nope", "#", {1, 0, "{}"}).error().kind, ErrorKind::NotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

// ---- opening: URLs and files

TEST(OpenStore, RefusesAPasswordInThePostgresUrl) {
  for (const char* url : {"postgresql://peermap:s3cret-word@127.0.0.1:1/peermap",
                          "postgres://peermap:s3cret-word@localhost/peermap?sslmode=disable",
                          "postgresql://127.0.0.1:1/peermap?password=s3cret-word",
                          "postgresql://peermap:@127.0.0.1:1/peermap"}) {
    auto store = open_store(url);
    ASSERT_FALSE(store) << url;
    EXPECT_EQ(store.error().kind, ErrorKind::Invalid) << url;
    EXPECT_NE(store.error().message.find("PGPASSFILE"), std::string::npos);
    EXPECT_NE(store.error().message.find("PGPASSWORD"), std::string::npos);
    EXPECT_EQ(store.error().message.find("s3cret-word"), std::string::npos);
  }
}

TEST(OpenStore, RefusesUnknownSchemesWithoutEchoingTheUrl) {
  auto mysql = open_store("mysql://root:hunter2@db/peermap");
  ASSERT_FALSE(mysql);
  EXPECT_EQ(mysql.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(mysql.error().message.find("hunter2"), std::string::npos);
  EXPECT_EQ(open_store("sqlite:").error().kind, ErrorKind::Invalid);
  EXPECT_EQ(open_store("sqlite::memory:").error().kind, ErrorKind::Invalid);
  EXPECT_EQ(open_store("").error().kind, ErrorKind::Invalid);
}

TEST(OpenStore, SaysIoWhenPostgresIsNotThere) {
  auto store = open_store("postgresql://peermap@127.0.0.1:1/peermap?connect_timeout=2");
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().kind, ErrorKind::Io);
}

TEST(OpenStore, CreatesTheSqliteFileInWalModeForItsOwnerOnly) {
  test::TestDatabase database("sqlite");
  const auto path = database.directory() / "var" / "deeper" / "peermap.db";
  {
    auto store = open_store("sqlite:" + path.string());
    ASSERT_TRUE(store) << store.error().message;
    EXPECT_EQ(store.value()->backend(), "sqlite");
  }
  ASSERT_TRUE(std::filesystem::exists(path));
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600U);
  ASSERT_EQ(::stat(path.parent_path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700U);
  EXPECT_EQ(raw_value("sqlite:" + path.string(), "PRAGMA journal_mode"), "wal");
}

TEST(OpenStore, SaysIoWhenTheSqliteFileCannotBeMade) {
  auto store = open_store("sqlite:/proc/peermap/peermap.db");
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().kind, ErrorKind::Io);
}

// The server's connections die (a restart, an administrator): the pool notices, reconnects, and
// the next reads and writes succeed.
TEST(PostgresStore, ReconnectsAfterItsConnectionsAreKilled) {
  test::TestDatabase database("postgresql");
  if (!database.error().empty()) FAIL() << database.error();
  auto opened = open_store(database.url());
  ASSERT_TRUE(opened) << opened.error().message;
  Store& store = *opened.value();
  ASSERT_TRUE(store.add_user(person("alice", "north")));

  const std::string kill_others =
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
      "WHERE datname = current_database() AND pid <> pg_backend_pid()";
  ASSERT_EQ(raw_sql(database.url(), kill_others), "");
  auto alice = store.user_by_name("alice");
  ASSERT_TRUE(alice) << alice.error().message;

  ASSERT_EQ(raw_sql(database.url(), kill_others), "");
  auto bob = store.add_user(person("bob", "north"));
  ASSERT_TRUE(bob) << bob.error().message;
  EXPECT_EQ(store.list_users()->size(), 2U);  // bob written once
}

TEST(Roles, RoundTripThroughText) {
  for (AccountRole role : {AccountRole::practitioner, AccountRole::manager, AccountRole::admin}) {
    EXPECT_EQ(parse_role(role_text(role)), role);
  }
  EXPECT_EQ(role_text(AccountRole::manager), "manager");
  EXPECT_FALSE(parse_role("Admin"));
  EXPECT_FALSE(parse_role(""));
}

}  // namespace
}  // namespace peermap::store
