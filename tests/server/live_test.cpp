// Live updates (server/live.hpp, GET /api/maps/{id}/events), request in and stream out, on both
// backends: what a revision's news says (ids and kinds, never what the items say), the same 404
// as the map for someone without access, the audit row of opening a stream, presence, and two
// server processes' worth of Api on one database seeing each other's saves (PostgreSQL:
// NOTIFY; SQLite: the head check).
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "auth/auth.hpp"
#include "server/api.hpp"
#include "server/change_words.hpp"
#include "store/store.hpp"
#include "support/test_store.hpp"

namespace peermap::server {
namespace {

using json = nlohmann::json;
using namespace std::chrono_literals;

constexpr const char* kPassword = "correct horse battery";
// Names that must never reach an event stream: they are case content.
constexpr const char* kSecretName = "Zebedee Quillfeather";
constexpr const char* kSecretNote = "seen near the canal with a knife";

std::string example(const std::string& name) {
  std::ifstream in(std::string(PEERMAP_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// ---- the words of a change

TEST(ChangePhrase, NamesKindsAndIdsOnly) {
  DocumentDiff one_added;
  one_added.sections.push_back({"sightings", {"s9"}, {}, {}});
  EXPECT_EQ(change_phrase(one_added), "added a sighting");

  DocumentDiff one_changed;
  one_changed.sections.push_back({"people", {}, {}, {"p3"}});
  EXPECT_EQ(change_phrase(one_changed), "changed person p3");

  DocumentDiff several;
  several.map_changed = true;
  several.sections.push_back({"people", {"p30", "p31"}, {}, {}});
  several.sections.push_back({"ties", {}, {"t2"}, {}});
  EXPECT_EQ(change_phrase(several), "added 2 people, removed tie t2 and changed the map's details");

  DocumentDiff odd_id;  // an id that is not plain text stays out of the words
  odd_id.sections.push_back({"people", {}, {}, {"Mia Kowalczyk"}});
  EXPECT_EQ(change_phrase(odd_id), "changed a person");

  EXPECT_EQ(change_phrase(DocumentDiff{}), "saved without a change");
}

// ---- the event stream through the API

//! A browser as the API sees one: its cookie and CSRF token.
struct Browser {
  Api* api = nullptr;
  std::string cookie;
  std::string csrf;

  Response send(const std::string& method, const std::string& path, const std::string& body = "",
                std::multimap<std::string, std::string> headers = {}) {
    Request r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.remote = "192.0.2.20";
    r.headers = std::move(headers);
    if (!cookie.empty()) r.headers.emplace("cookie", "peermap_session=" + cookie);
    if (!csrf.empty()) r.headers.emplace("x-csrf-token", csrf);
    if (!body.empty() && r.headers.find("content-type") == r.headers.end()) {
      r.headers.emplace("content-type", "application/json");
    }
    return api->handle(r);
  }

  void login(const std::string& username) {
    Response r =
        send("POST", "/api/session", json{{"username", username}, {"password", kPassword}}.dump());
    ASSERT_EQ(r.status, 200) << r.text();
    const std::string set = r.header("Set-Cookie");
    const auto start = set.find('=') + 1;
    cookie = set.substr(start, set.find(';') - start);
    csrf = json::parse(r.text())["csrf_token"];
  }
};

//! Reads a stream until `done` says the text so far is enough, or 10 s pass (these machines
//! are shared: only what arrives is asserted, never how soon).
std::string read_until(StreamSource& stream, std::string& text,
                       const std::function<bool(const std::string&)>& done) {
  const auto give_up = std::chrono::steady_clock::now() + 10s;
  while (!done(text) && std::chrono::steady_clock::now() < give_up) {
    if (!stream.next(text, 50ms)) break;
  }
  return text;
}

//! The data of every event called `name` in `text`, in order.
std::vector<json> events(const std::string& text, const std::string& name) {
  std::vector<json> out;
  const std::string head = "event: " + name + "\ndata: ";
  for (auto at = text.find(head); at != std::string::npos; at = text.find(head, at + 1)) {
    const auto start = at + head.size();
    out.push_back(json::parse(text.substr(start, text.find('\n', start) - start)));
  }
  return out;
}

bool has_revision(const std::string& text, std::int64_t n) {
  for (const auto& e : events(text, "revision")) {
    if (e["revision"] == n) return true;
  }
  return false;
}

class LiveTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(auth::initialise());
    database_ = std::make_unique<test::TestDatabase>(GetParam());
    ASSERT_FALSE(database_->url().empty()) << database_->error();
    store_a_ = open();
    store_b_ = open();
    static const std::string hash = auth::hash_password(kPassword).value();
    // Alice has a display name, which the events give beside her username; Mary has none, so
    // hers is her username.
    for (const auto& [name, team] : std::vector<std::pair<std::string, std::string>>{
             {"alice", "exploitation"}, {"mary", "exploitation"}, {"bob", "youth-justice"}}) {
      ASSERT_TRUE(store_a_->add_user({name, team, store::AccountRole::practitioner, hash, 0,
                                      name == "alice" ? "Alice Okonkwo" : ""}));
    }
    api_a_ = make_api(*store_a_);
    api_b_ = make_api(*store_b_);
  }

  std::unique_ptr<store::Store> open() {
    auto opened = store::open_store(database_->url());
    EXPECT_TRUE(opened) << opened.error().message;
    return opened ? std::move(opened.value()) : nullptr;
  }

  static std::unique_ptr<Api> make_api(store::Store& store) {
    ApiOptions options;
    options.max_body_bytes = 1u << 20u;
    options.live.head_check = 100ms;
    options.live.presence_refresh = 200ms;
    return std::make_unique<Api>(store, options);
  }

  Browser browser(Api& api, const std::string& user) {
    Browser b;
    b.api = &api;
    b.login(user);
    return b;
  }

  std::string create_map(Browser& b) {
    const auto r = b.send("POST", "/api/maps", example("peer-group.json"));
    EXPECT_EQ(r.status, 201) << r.text();
    return json::parse(r.text())["id"];
  }

  //! Adds a person with the secret name and note, as a JSON Patch on revision `head`.
  static Response add_secret_person(Browser& b, const std::string& id, std::int64_t head) {
    const json patch = json::array({{{"op", "add"},
                                     {"path", "/people/-"},
                                     {"value",
                                      {{"id", "p900"},
                                       {"full_name", kSecretName},
                                       {"role", "peer"},
                                       {"gender", "male"},
                                       {"notes", kSecretNote}}}}});
    return b.send("PATCH", "/api/maps/" + id, patch.dump(),
                  {{"content-type", "application/json-patch+json"},
                   {"if-match", "\"r" + std::to_string(head) + "\""}});
  }

  void TearDown() override {
    api_a_.reset();
    api_b_.reset();
    store_a_.reset();
    store_b_.reset();
    database_.reset();
  }

  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<store::Store> store_a_, store_b_;
  std::unique_ptr<Api> api_a_, api_b_;
};

TEST_P(LiveTest, ASaveIsNewsOfIdsAndKindsNeverOfWhatWasSaid) {
  Browser alice = browser(*api_a_, "alice");
  Browser mary = browser(*api_a_, "mary");
  const std::string id = create_map(alice);

  Response opened = mary.send("GET", "/api/maps/" + id + "/events");
  ASSERT_EQ(opened.status, 200) << opened.text();
  EXPECT_EQ(opened.content_type, "text/event-stream");
  ASSERT_TRUE(opened.stream);
  std::string text;
  read_until(*opened.stream, text,
             [](const std::string& t) { return !events(t, "presence").empty(); });
  const auto hello = events(text, "hello");
  ASSERT_EQ(hello.size(), 1u) << text;
  EXPECT_EQ(hello[0]["revision"], 1);
  EXPECT_EQ(hello[0]["username"], "mary");
  EXPECT_EQ(hello[0]["name"], "mary");
  EXPECT_EQ(events(text, "presence").back()["viewers"],
            json::parse(R"([{"name":"mary","streams":1,"username":"mary"}])"));

  // Alice opens the map too: Mary is told who else is here.
  Response alices = alice.send("GET", "/api/maps/" + id + "/events");
  ASSERT_EQ(alices.status, 200);
  std::string alice_text;
  read_until(*alices.stream, alice_text, [](const std::string& t) { return !t.empty(); });
  read_until(*opened.stream, text, [](const std::string& t) {
    return t.find(R"({"name":"Alice Okonkwo","streams":1,"username":"alice"})") !=
           std::string::npos;
  });
  EXPECT_NE(text.find(R"({"name":"Alice Okonkwo","streams":1,"username":"alice"})"),
            std::string::npos)
      << text;

  // Alice adds a person whose name and notes are case content.
  const Response saved = add_secret_person(alice, id, 1);
  ASSERT_EQ(saved.status, 200) << saved.text();
  read_until(*opened.stream, text, [](const std::string& t) { return has_revision(t, 2); });
  const auto news = events(text, "revision");
  ASSERT_EQ(news.size(), 1u) << text;
  EXPECT_EQ(news[0], json({{"map", id},
                           {"revision", 2},
                           {"username", "alice"},
                           {"name", "Alice Okonkwo"},
                           {"action", "added a person"}}));
  // A change to that person says which one by id, and what the stream carried said nothing of
  // what the items say.
  const json rename = json::array({{{"op", "replace"},
                                    {"path", "/people/0/notes"},
                                    {"value", std::string(kSecretNote) + " again"}}});
  ASSERT_EQ(alice
                .send("PATCH", "/api/maps/" + id, rename.dump(),
                      {{"content-type", "application/json-patch+json"}, {"if-match", "\"r2\""}})
                .status,
            200);
  read_until(*opened.stream, text, [](const std::string& t) { return has_revision(t, 3); });
  ASSERT_TRUE(has_revision(text, 3)) << text;
  EXPECT_EQ(events(text, "revision").back()["action"], "changed person p1");
  for (const char* secret : {kSecretName, "Zebedee", "Quillfeather", kSecretNote, "canal"}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in " << text;
  }
  // The map itself has them: the stream is not empty of them by accident.
  EXPECT_NE(mary.send("GET", "/api/maps/" + id).text().find(kSecretName), std::string::npos);

  // Opening the stream is a view like any other: audited with the revision it began at.
  auto rows = store_a_->audit_of_map(id);
  ASSERT_TRUE(rows);
  int opened_rows = 0;
  for (const auto& row : rows.value()) {
    if (row.action == "map.events" && row.outcome == "ok" && row.username == "mary") {
      ++opened_rows;
      EXPECT_EQ(row.revision, 1);
    }
  }
  EXPECT_EQ(opened_rows, 1);

  // When Alice's stream ends, Mary is told she has gone.
  alices.stream.reset();
  read_until(*opened.stream, text, [](const std::string& t) {
    const auto p = events(t, "presence");
    return !p.empty() && p.back()["viewers"].size() == 1;
  });
  EXPECT_EQ(events(text, "presence").back()["viewers"],
            json::parse(R"([{"name":"mary","streams":1,"username":"mary"}])"));
}

TEST_P(LiveTest, SomeoneWithoutAccessGetsTheSame404AsForTheMap) {
  Browser alice = browser(*api_a_, "alice");
  Browser bob = browser(*api_a_, "bob");
  const std::string id = create_map(alice);
  const Response map = bob.send("GET", "/api/maps/" + id);
  const Response stream = bob.send("GET", "/api/maps/" + id + "/events");
  EXPECT_EQ(map.status, 404);
  EXPECT_EQ(stream.status, 404);
  EXPECT_EQ(stream.text(), map.text());
  EXPECT_EQ(stream.content_type, map.content_type);
  EXPECT_FALSE(stream.stream);
  const Response unknown = bob.send("GET", "/api/maps/0123456789abcdef0123456789abcdef/events");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.text(), map.text());
  // Signed out: 401, no stream.
  Browser nobody;
  nobody.api = api_a_.get();
  EXPECT_EQ(nobody.send("GET", "/api/maps/" + id + "/events").status, 401);
  // The refusal is audited.
  auto rows = store_a_->audit_of_map(id);
  ASSERT_TRUE(rows);
  bool refused = false;
  for (const auto& row : rows.value()) {
    refused = refused || (row.action == "map.events" && row.username == "bob" && row.status == 404);
  }
  EXPECT_TRUE(refused);
}

TEST_P(LiveTest, AnotherProcessOnTheSameDatabaseSeesTheSaveAndWhoIsThere) {
  Browser alice = browser(*api_a_, "alice");
  const std::string id = create_map(alice);
  Browser mary = browser(*api_b_, "mary");  // on the other "process"
  Response opened = mary.send("GET", "/api/maps/" + id + "/events");
  ASSERT_EQ(opened.status, 200) << opened.text();
  std::string text;
  read_until(*opened.stream, text,
             [](const std::string& t) { return !events(t, "hello").empty(); });

  const Response saved = add_secret_person(alice, id, 1);
  ASSERT_EQ(saved.status, 200) << saved.text();
  read_until(*opened.stream, text, [](const std::string& t) { return has_revision(t, 2); });
  ASSERT_TRUE(has_revision(text, 2)) << text;
  const json news = events(text, "revision").back();
  EXPECT_EQ(news["username"], "alice");
  EXPECT_EQ(news["name"], "Alice Okonkwo");  // announced, or read from the store by the check
  // PostgreSQL's NOTIFY carries what was done; SQLite's head check knows only that it was.
  EXPECT_EQ(news["action"], GetParam() == "postgresql" ? "added a person" : "saved a change");
  EXPECT_EQ(text.find("Zebedee"), std::string::npos) << text;

  if (GetParam() == "postgresql") {
    // Presence crosses processes through the database too: Alice opens the map on A.
    Response alices = alice.send("GET", "/api/maps/" + id + "/events");
    std::string alice_text;
    read_until(*alices.stream, alice_text, [](const std::string& t) {
      return t.find(R"({"name":"mary","streams":1,"username":"mary"})") != std::string::npos;
    });
    EXPECT_NE(alice_text.find(R"({"name":"mary","streams":1,"username":"mary"})"),
              std::string::npos)
        << alice_text;
    read_until(*opened.stream, text, [](const std::string& t) {
      return t.find(R"({"name":"Alice Okonkwo","streams":1,"username":"alice"})") !=
             std::string::npos;
    });
    EXPECT_NE(text.find(R"({"name":"Alice Okonkwo","streams":1,"username":"alice"})"),
              std::string::npos)
        << text;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, LiveTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace peermap::server
