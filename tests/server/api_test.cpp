// The HTTP API, request in and response out, on both backends (SQLite file and a real
// PostgreSQL server): sessions and CSRF, throttling, revisions with If-Match, validation,
// the need-to-know access matrix, the audit trail, rendering and the OpenAPI description.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "api_fixture.hpp"
#include "auth/auth.hpp"
#include "server/api.hpp"
#include "store/store.hpp"
#include "support/test_store.hpp"

namespace peermap::server {
namespace {

using namespace test_api;  // NOLINT(google-build-using-namespace): the fixture's names

// --- sessions ---------------------------------------------------------------------------------

// The session names the user by their display name (their username until one is set), and the
// maps list says who changed a map last by the name they have now.
TEST_P(ApiTest, TheSessionAndTheMapsListGiveTheDisplayName) {
  Browser alice = browser("alice");
  EXPECT_EQ(json::parse(alice.send("GET", "/api/session").text())["display_name"], "alice");
  const std::string id = create_map(alice);
  auto listed = json::parse(alice.send("GET", "/api/maps").text());
  EXPECT_EQ(listed["maps"][0]["updated_by"], "alice");
  EXPECT_EQ(listed["maps"][0]["updated_by_name"], "alice");
  ASSERT_TRUE(store_->set_display_name("alice", "Alice Okonkwo"));
  Browser again = browser("alice");
  const auto me = json::parse(again.send("GET", "/api/session").text());
  EXPECT_EQ(me["username"], "alice");
  EXPECT_EQ(me["display_name"], "Alice Okonkwo");
  listed = json::parse(again.send("GET", "/api/maps").text());
  EXPECT_EQ(listed["maps"][0]["id"], id);
  EXPECT_EQ(listed["maps"][0]["updated_by"], "alice");
  EXPECT_EQ(listed["maps"][0]["updated_by_name"], "Alice Okonkwo");
}

TEST_P(ApiTest, LoginSetsAStrictHttpOnlyCookieAndReturnsTheCsrfToken) {
  Browser b = browser();
  const auto r = b.login("alice");
  ASSERT_EQ(r.status, 200);
  const std::string cookie = r.header("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // no TLS here
  const auto body = json::parse(r.text());
  EXPECT_EQ(body["role"], "practitioner");
  EXPECT_EQ(body["team"], "exploitation");
  EXPECT_EQ(body["csrf_token"].get<std::string>().size(), 43u);
  EXPECT_EQ(b.send("GET", "/api/session").status, 200);
  // Behind TLS the cookie is Secure too.
  ApiOptions tls;
  tls.secure_cookies = true;
  Api secure(*store_, tls);
  Browser over_tls;
  over_tls.api = &secure;
  const auto secured = over_tls.login("alice");
  ASSERT_EQ(secured.status, 200);
  EXPECT_NE(secured.header("Set-Cookie").find("; Secure"), std::string::npos);
}

TEST_P(ApiTest, ALoginFindsTheAccountAsItIsStoredAndCountsFailuresAgainstIt) {
  // Usernames are stored normalised (NFKC, case-folded, trimmed): " ALICE " is alice at login,
  // and guesses at "Alice" slow alice's account, not another name's.
  Browser b = browser();
  EXPECT_EQ(b.login(" ALICE ").status, 200);
  Browser guesser = browser();
  guesser.remote = "203.0.113.9";
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(guesser.login(i % 2 == 0 ? "Alice" : "alice ", "guess " + std::to_string(i)).status,
              401);
  }
  EXPECT_EQ(guesser.login("alice").status, 429) << "the ten guesses were against one account";
  // A name that cannot be a username gets the unknown name's answer.
  Browser other = browser();
  other.remote = "198.51.100.8";
  const auto odd = other.login("jo@council", "not the password");
  const auto unknown = other.login("nobody", "not the password");
  EXPECT_EQ(odd.status, 401);
  EXPECT_EQ(odd.text(), unknown.text());
}

TEST_P(ApiTest, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  Browser b = browser();
  const auto wrong = b.login("alice", "not the password");
  const auto unknown = b.login("nobody", "not the password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.text(), unknown.text());
  EXPECT_EQ(b.send("GET", "/api/session").status, 401);
}

TEST_P(ApiTest, DisabledUsersCannotLogInAndLoseTheirSessions) {
  Browser b = browser("alice");
  ASSERT_TRUE(store_->set_disabled("alice", true));
  EXPECT_EQ(b.send("GET", "/api/maps").status, 401);
  EXPECT_EQ(browser().login("alice").status, 401);
}

TEST_P(ApiTest, LogoutNeedsTheCsrfTokenAndEndsTheSession) {
  Browser b = browser("alice");
  const std::string token = b.csrf;
  b.csrf.clear();
  EXPECT_EQ(b.send("DELETE", "/api/session").status, 403);
  EXPECT_EQ(b.send("DELETE", "/api/session", "", {{"x-csrf-token", "wrong"}}).status, 403);
  EXPECT_EQ(b.send("GET", "/api/session").status, 200);
  const auto out = b.send("DELETE", "/api/session", "", {{"x-csrf-token", token}});
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(b.send("GET", "/api/session").status, 401);
}

TEST_P(ApiTest, SessionsExpire) {
  Browser b = browser("alice");
  now_ += (8 * 3600 - 60) * 1000;
  EXPECT_EQ(b.send("GET", "/api/session").status, 200);
  now_ += 120 * 1000;
  const auto r = b.send("GET", "/api/session");
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.text().find("expired"), std::string::npos);
}

TEST_P(ApiTest, StateChangingRequestsWithoutTheCsrfTokenAreRefusedAndChangeNothing) {
  Browser b = browser("alice");
  const std::string id = create_map(b);
  const std::string token = b.csrf;
  b.csrf.clear();
  EXPECT_EQ(b.send("POST", "/api/maps", example("peer-group.json")).status, 403);
  EXPECT_EQ(
      b.send("PUT", "/api/maps/" + id, example("peer-group.json"), {{"if-match", "\"r1\""}}).status,
      403);
  EXPECT_EQ(b.send("PATCH", "/api/maps/" + id, "[]",
                   {{"if-match", "\"r1\""},
                    {"content-type", "application/json-patch+json"},
                    {"x-csrf-token", token + "x"}})
                .status,
            403);
  EXPECT_EQ(b.send("POST", "/api/maps/" + id + "/members", R"({"username":"bob"})").status, 403);
  EXPECT_EQ(store_->revisions(id).value().size(), 1u);
  EXPECT_EQ(store_->maps_visible_to("exploitation", 0).value().size(), 1u);
  EXPECT_TRUE(store_->map_record(id).value().members.empty());
}

// --- throttling -------------------------------------------------------------------------------

TEST_P(ApiTest, TenFailedLoginsSlowTheAccountWhetherOrNotItExists) {
  Browser b = browser();
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(b.login("alice", "guess " + std::to_string(i)).status, 401);
    EXPECT_EQ(b.login("nobody", "guess " + std::to_string(i)).status, 401);
  }
  // The right password does not help now, and an unknown account answers exactly the same.
  const auto real = b.login("alice");
  const auto fake = b.login("nobody", kPassword);
  EXPECT_EQ(real.status, 429);
  EXPECT_EQ(fake.status, 429);
  EXPECT_EQ(real.text(), fake.text());
  EXPECT_EQ(real.header("Retry-After"), "1");
  EXPECT_EQ(fake.header("Retry-After"), "1");
  // Another account from elsewhere is not affected.
  Browser other = browser();
  other.remote = "198.51.100.7";
  EXPECT_EQ(other.login("mary").status, 200);
  // Slowed, not locked: each further failure doubles the wait, and in between the owner gets in.
  std::int64_t wait = 1;
  for (int i = 0; i < 6; ++i) {
    now_ += wait * 1000;
    EXPECT_EQ(b.login("alice", "another guess").status, 401);
    EXPECT_EQ(b.login("nobody", "another guess").status, 401);
    wait *= 2;
    const auto slowed = b.login("alice");
    EXPECT_EQ(slowed.status, 429);
    EXPECT_EQ(slowed.header("Retry-After"), std::to_string(wait));
    EXPECT_EQ(b.login("nobody", kPassword).header("Retry-After"), std::to_string(wait));
    now_ += (wait - 1) * 1000;
    EXPECT_EQ(b.login("alice").status, 429) << "a second early";
    now_ -= (wait - 1) * 1000;
  }
  // Someone who tries again the moment they may, for an hour, gets about 10 tries in each 15
  // minutes (41 here): a few more than 10 in any window (then waits of 1, 2, 4 ... s that add up
  // to the window), never one a second, and never locked out for good.
  int guesses = 0;
  for (const std::int64_t end = now_ + 3600 * 1000; now_ < end;) {
    const auto r = b.login("alice", "guess");
    if (r.status == 401) {
      ++guesses;
      continue;
    }
    ASSERT_EQ(r.status, 429);
    now_ += std::stoll(r.header("Retry-After")) * 1000;
  }
  EXPECT_GE(guesses, 4 * 5) << "slowed, not locked";
  EXPECT_LE(guesses, 4 * 20);
  // The owner gets in, at once or once the wait is over.
  auto owner = b.login("alice");
  if (owner.status == 429) {
    now_ += std::stoll(owner.header("Retry-After")) * 1000;
    owner = b.login("alice");
  }
  EXPECT_EQ(owner.status, 200);
}

// Failures from one address (throttle_test.cpp has the device cookies and the address's limit):
// the address is slowed at each username it has guessed at, never elsewhere.
TEST_P(ApiTest, ManyFailuresFromOneSourceSlowThatSourceAtTheNamesItTried) {
  Browser b = browser();
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(b.login("user" + std::to_string(i), "guess").status, 401);
  }
  EXPECT_EQ(b.login("user7", "guess").status, 429);
  Browser elsewhere = browser();
  elsewhere.remote = "198.51.100.8";
  EXPECT_EQ(elsewhere.login("user7", "guess").status, 401);
  EXPECT_EQ(elsewhere.login("alice").status, 200);
}

// --- revisions --------------------------------------------------------------------------------

TEST_P(ApiTest, CreateReadAndListAMap) {
  Browser alice = browser("alice");
  const auto created = alice.send("POST", "/api/maps", example("peer-group.json"));
  ASSERT_EQ(created.status, 201) << created.text();
  const std::string id = json::parse(created.text())["id"];
  EXPECT_EQ(created.header("Location"), "/api/maps/" + id);
  EXPECT_EQ(created.header("ETag"), "\"r1\"");
  const auto got = alice.send("GET", "/api/maps/" + id);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.header("ETag"), "\"r1\"");
  EXPECT_EQ(json::parse(got.text()), json::parse(example("peer-group.json")));
  EXPECT_EQ(got.header("Cache-Control"), "no-store");
  const auto list = json::parse(alice.send("GET", "/api/maps").text())["maps"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["id"], id);
  EXPECT_EQ(list[0]["revision"], 1);
  EXPECT_EQ(list[0]["updated_by"], "alice");
  EXPECT_NE(list[0]["title"].get<std::string>().find("Mia Kowalczyk"), std::string::npos);
}

TEST_P(ApiTest, EditsNeedIfMatchAndAStaleOneGets412WithTheCurrentRevision) {
  Browser alice = browser("alice");
  Browser mary = browser("mary");
  const std::string id = create_map(alice);
  auto document = json::parse(example("peer-group.json"));
  document["map"]["status"] = "review-due";

  const auto missing = alice.send("PUT", "/api/maps/" + id, document.dump());
  EXPECT_EQ(missing.status, 428);
  const auto star = alice.send("PUT", "/api/maps/" + id, document.dump(), {{"if-match", "*"}});
  EXPECT_EQ(star.status, 412);  // "*" is not the revision edited: no blind overwrite

  // Mary saves first from r1; Alice's save from r1 is refused, with what Mary saved.
  auto marys = json::parse(example("peer-group.json"));
  marys["people"][0]["notes"] = "Year 11; moved to a new tutor group.";
  const auto first = mary.send("PUT", "/api/maps/" + id, marys.dump(), {{"if-match", "\"r1\""}});
  ASSERT_EQ(first.status, 200) << first.text();
  EXPECT_EQ(first.header("ETag"), "\"r2\"");
  EXPECT_EQ(json::parse(first.text())["summary"], "1 person changed");
  const auto stale =
      alice.send("PUT", "/api/maps/" + id, document.dump(), {{"if-match", "\"r1\""}});
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(stale.header("ETag"), "\"r2\"");
  const auto current = json::parse(stale.text())["current"];
  EXPECT_EQ(current["revision"], 2);
  EXPECT_EQ(current["author"], "mary");
  EXPECT_EQ(current["document"], marys);
  // Nothing of Alice's was stored.
  EXPECT_EQ(store_->revisions(id).value().size(), 2u);
  EXPECT_EQ(json::parse(store_->revision(id, 0).value().document), marys);

  const auto retry =
      alice.send("PUT", "/api/maps/" + id, document.dump(), {{"if-match", "\"r2\""}});
  EXPECT_EQ(retry.status, 200) << retry.text();
  EXPECT_EQ(retry.header("ETag"), "\"r3\"");
}

TEST_P(ApiTest, JsonPatchMakesARevisionAndRevisionsKeepEveryVersion) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  const json patch = json::array(
      {{{"op", "add"},
        {"path", "/people/-"},
        {"value",
         {{"id", "p90"}, {"full_name", "Tyler Brooks"}, {"role", "peer"}, {"age_band", "13-15"}}}},
       {{"op", "replace"}, {"path", "/map/status"}, {"value", "review-due"}}});
  const std::multimap<std::string, std::string> headers{
      {"if-match", "\"r1\""}, {"content-type", "application/json-patch+json"}};
  const auto patched = alice.send("PATCH", "/api/maps/" + id, patch.dump(), headers);
  ASSERT_EQ(patched.status, 200) << patched.text();
  EXPECT_EQ(json::parse(patched.text())["summary"], "map details changed, 1 person added");
  const auto head = json::parse(alice.send("GET", "/api/maps/" + id).text());
  EXPECT_EQ(head["people"].back()["full_name"], "Tyler Brooks");
  EXPECT_EQ(head["map"]["status"], "review-due");

  const auto revisions = json::parse(alice.send("GET", "/api/maps/" + id + "/revisions").text());
  ASSERT_EQ(revisions["revisions"].size(), 2u);
  EXPECT_EQ(revisions["revisions"][0]["summary"], "created");
  EXPECT_EQ(revisions["revisions"][1]["author"], "alice");
  const auto first = alice.send("GET", "/api/maps/" + id + "/revisions/1");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(json::parse(first.text()), json::parse(example("peer-group.json")));
  EXPECT_EQ(alice.send("GET", "/api/maps/" + id + "/revisions/3").status, 404);
  EXPECT_EQ(alice.send("GET", "/api/maps/" + id + "/revisions/x").status, 404);

  const auto diff = json::parse(
      alice.send("GET", "/api/maps/" + id + "/diff", "", {}, {{"from", "1"}, {"to", "2"}}).text());
  EXPECT_TRUE(diff["map_changed"]);
  ASSERT_EQ(diff["people"]["added"].size(), 1u);
  EXPECT_EQ(diff["people"]["added"][0]["label"], "Tyler Brooks");
  EXPECT_TRUE(diff["ties"]["added"].empty());
  const auto bad = alice.send("GET", "/api/maps/" + id + "/diff", "", {}, {{"from", "9"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(json::parse(bad.text())["problems"][0]["parameter"], "from");
}

TEST_P(ApiTest, ConcurrentEditsFromTheSameRevisionSaveExactlyOnce) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  auto document = json::parse(example("peer-group.json"));
  std::vector<std::thread> threads;
  std::atomic<int> saved{0};
  std::atomic<int> refused{0};
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&, i] {
      auto mine = document;
      mine["map"]["purpose"] = "edit " + std::to_string(i);
      const auto r = alice.send("PUT", "/api/maps/" + id, mine.dump(), {{"if-match", "\"r1\""}});
      (r.status == 200 ? saved : refused)++;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(saved.load(), 1);
  EXPECT_EQ(refused.load(), 5);
  EXPECT_EQ(store_->revisions(id).value().size(), 2u);
}

TEST_P(ApiTest, TwoServersOnOneDatabaseShareMapsSessionsAndConflicts) {
  // A second server process, as behind a load balancer: its own store connections.
  auto second_store = store::open_store(database_->url());
  ASSERT_TRUE(second_store) << second_store.error().message;
  ApiOptions options;
  options.now_ms = [this] { return now_; };
  Api second(*second_store.value(), options);
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  Browser elsewhere = alice;  // the same session, routed to the other server
  elsewhere.api = &second;
  EXPECT_EQ(elsewhere.send("GET", "/api/maps/" + id).status, 200);
  auto edit = json::parse(example("peer-group.json"));
  edit["map"]["status"] = "closed";
  EXPECT_EQ(elsewhere.send("PUT", "/api/maps/" + id, edit.dump(), {{"if-match", "\"r1\""}}).status,
            200);
  EXPECT_EQ(alice.send("PUT", "/api/maps/" + id, edit.dump(), {{"if-match", "\"r1\""}}).status,
            412);
  EXPECT_EQ(json::parse(alice.send("GET", "/api/maps/" + id).text())["map"]["status"], "closed");
}

// --- patches on the working copy ---------------------------------------------------------------

//! Sends `patch` as a JSON Patch with If-Match revision `on`.
Response patch_map(Browser& who, const std::string& id, const json& patch, std::int64_t on) {
  return who.send("PATCH", "/api/maps/" + id, patch.dump(),
                  {{"if-match", "\"r" + std::to_string(on) + "\""},
                   {"content-type", "application/json-patch+json"}});
}

json replace(const std::string& path, const json& value) {
  return {{"op", "replace"}, {"path", path}, {"value", value}};
}

//! "add": sets a field whether or not it is there.
json set(const std::string& path, const json& value) {
  return {{"op", "add"}, {"path", path}, {"value", value}};
}

// Stored revisions are rebuilt by replaying their patches with the JSON library, possibly a
// later version of it than the one that applied them first. This pins what the replay relies on,
// with the answers written out by hand from RFC 6902, so a library upgrade that changed them
// fails here instead of rebuilding old revisions differently.
TEST(JsonPatchReplay, AppliesRfc6902AsTheRevisionsWereWritten) {
  const json start = json::parse(R"({"a":[1,2,3],"b":{"c":"d"},"e":"f"})");
  const json patch = json::parse(R"([
    {"op":"add","path":"/a/-","value":4},
    {"op":"add","path":"/a/0","value":0},
    {"op":"remove","path":"/a/2"},
    {"op":"replace","path":"/b/c","value":"D"},
    {"op":"move","from":"/e","path":"/b/e"},
    {"op":"copy","from":"/a","path":"/g"},
    {"op":"test","path":"/g/1","value":1},
    {"op":"add","path":"/b/~1x~0y","value":null},
    {"op":"move","from":"/a/0","path":"/a/-"}
  ])");
  const json expected =
      json::parse(R"({"a":[1,3,4,0],"b":{"c":"D","e":"f","/x~y":null},"g":[0,1,3,4]})");
  EXPECT_EQ(start.patch(patch), expected);
  json in_place = start;
  in_place.patch_inplace(patch);
  EXPECT_EQ(in_place, expected);
  // A "test" that fails is an exception (the server then puts the touched items back).
  json other = start;
  EXPECT_THROW(other.patch_inplace(json::parse(R"([{"op":"test","path":"/a/0","value":9}])")),
               json::exception);
}

TEST_P(ApiTest, PatchesAreStoredAsPatchesAndEveryRevisionReadsBackWhole) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  // What each revision must read back as, built here independently of the server.
  std::vector<json> expected{json(), json::parse(example("peer-group.json"))};
  for (int n = 1; n <= 55; ++n) {
    const json patch =
        json::array({replace("/map/purpose", "Purpose, version " + std::to_string(n)),
                     replace("/people/1/notes", "Note " + std::to_string(n))});
    const auto r = patch_map(alice, id, patch, n);
    ASSERT_EQ(r.status, 200) << r.text();
    ASSERT_EQ(json::parse(r.text())["revision"], n + 1);
    expected.push_back(expected.back().patch(patch));
  }
  // Stored as patches, with a whole document every 50 revisions.
  EXPECT_EQ(store_->revision(id, 2).value().body, store::RevisionBody::patch);
  EXPECT_EQ(store_->revision(id, 50).value().body, store::RevisionBody::patch);
  EXPECT_EQ(store_->revision(id, 51).value().body, store::RevisionBody::document);
  EXPECT_EQ(store_->revision(id, 52).value().body, store::RevisionBody::patch);
  EXPECT_LT(store_->revision(id, 30).value().document.size(), 200u);
  // A fresh server (no cache) reads every revision back whole.
  Api fresh(*store_, ApiOptions{.now_ms = [this] { return now_; }});
  Browser again = alice;
  again.api = &fresh;
  for (std::size_t n = 1; n < expected.size(); ++n) {
    const auto r = again.send("GET", "/api/maps/" + id + "/revisions/" + std::to_string(n));
    ASSERT_EQ(r.status, 200) << n;
    EXPECT_EQ(json::parse(r.text()), expected[n]) << "revision " << n;
  }
  EXPECT_EQ(json::parse(again.send("GET", "/api/maps/" + id).text()), expected.back());
  const auto diff = json::parse(
      again.send("GET", "/api/maps/" + id + "/diff", "", {}, {{"from", "3"}, {"to", "4"}}).text());
  EXPECT_TRUE(diff["map_changed"]);
  EXPECT_EQ(diff["people"]["changed"].size(), 1u);
  // The summary names what the patch changed.
  const auto revisions = json::parse(again.send("GET", "/api/maps/" + id + "/revisions").text());
  EXPECT_EQ(revisions["revisions"][5]["summary"], "map details changed, 1 person changed");
}

TEST_P(ApiTest, ARefusedPatchLeavesNoTraceOnTheNextOne) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  const json original = json::parse(example("peer-group.json"));
  // Refused for an invalid result (a first name only), after an operation that worked...
  auto r = patch_map(alice, id,
                     json::array({replace("/people/0/notes", "Should not stay"),
                                  replace("/people/0/full_name", "Kai")}),
                     1);
  ASSERT_EQ(r.status, 422) << r.text();
  // ... for an operation that cannot be applied, after one that worked ...
  r = patch_map(alice, id,
                json::array({replace("/map/purpose", "Should not stay either"),
                             {{"op", "test"}, {"path", "/map/title"}, {"value", "wrong"}}}),
                1);
  ASSERT_EQ(r.status, 422) << r.text();
  // ... and for one that reaches beyond its item (a tie to nobody).
  r = patch_map(alice, id, json::array({replace("/ties/0/to", "p-nobody")}), 1);
  ASSERT_EQ(r.status, 422) << r.text();
  // ... and a whole-document edit refused the same way.
  r = patch_map(alice, id,
                json::array({{{"op", "remove"}, {"path", "/people/0"}},
                             {{"op", "test"}, {"path", "/map/title"}, {"value", "wrong"}}}),
                1);
  ASSERT_EQ(r.status, 422) << r.text();
  EXPECT_EQ(json::parse(alice.send("GET", "/api/maps/" + id).text()), original);
  // The next patch starts from the stored revision, not from what the refused ones did.
  r = patch_map(alice, id, json::array({replace("/people/0/school", "Oakfield Academy")}), 1);
  ASSERT_EQ(r.status, 200) << r.text();
  json expected = original;
  expected["people"][0]["school"] = "Oakfield Academy";
  EXPECT_EQ(json::parse(alice.send("GET", "/api/maps/" + id).text()), expected);
}

TEST_P(ApiTest, APatchGivesTheWarningsOfTheWholeDocument) {
  Browser alice = browser("alice");
  json document = json::parse(example("peer-group.json"));
  document["people"].push_back(
      {{"id", "p-alone"}, {"full_name", "Alex Lone"}, {"role", "peer"}, {"age_band", "13-15"}});
  const auto created = alice.send("POST", "/api/maps", document.dump());
  ASSERT_EQ(created.status, 201) << created.text();
  const std::string id = json::parse(created.text())["id"];
  const json warnings = json::parse(created.text())["warnings"];
  ASSERT_FALSE(warnings.empty());
  // An edit inside one item, then one that adds a person: both answer with every warning.
  auto r = patch_map(alice, id, json::array({replace("/map/purpose", "Another purpose")}), 1);
  ASSERT_EQ(r.status, 200) << r.text();
  EXPECT_EQ(json::parse(r.text())["warnings"], warnings);
  r = patch_map(alice, id,
                json::array({{{"op", "add"},
                              {"path", "/people/-"},
                              {"value",
                               {{"id", "p-new"},
                                {"full_name", "Nia Okafor"},
                                {"role", "peer"},
                                {"age_band", "13-15"}}}}}),
                2);
  ASSERT_EQ(r.status, 200) << r.text();
  const auto after = json::parse(r.text())["warnings"];
  EXPECT_EQ(after.size(), warnings.size() + 1) << after.dump(1);
  EXPECT_EQ(json::parse(r.text())["summary"], "1 person added");
}

TEST_P(ApiTest, APatchMayGrowTheMapUpToTheLimitAndNoFurther) {
  // A small limit, so that notes (10,000 characters at most each) can reach it.
  constexpr std::size_t kLimit = 96u << 10u;
  const auto make_api = [&] {
    ApiOptions options{.now_ms = [this] { return now_; }};
    options.max_body_bytes = kLimit;
    return std::make_unique<Api>(*store_, options);
  };
  auto api = make_api();
  Browser alice = browser("alice");
  alice.api = api.get();
  const std::string id = create_map(alice);
  json document = json::parse(example("peer-group.json"));
  // Fill notes, person by person, to a few hundred bytes under the limit.
  std::int64_t revision = 1;
  for (std::size_t p = 0; p < document["people"].size(); ++p) {
    json grown = document;
    grown["people"][p]["notes"] = std::string(9'000, 'n');
    if (grown.dump(2).size() + 600 > kLimit) break;
    ASSERT_EQ(patch_map(alice, id,
                        json::array({set("/people/" + std::to_string(p) + "/notes",
                                         grown["people"][p]["notes"])}),
                        revision)
                  .status,
              200);
    ++revision;
    document = std::move(grown);
  }
  const std::size_t room = kLimit - document.dump(2).size();
  ASSERT_GT(room, 100u);
  ASSERT_LT(room, 10'000u);
  // One byte too many is refused, on this server and on a fresh one (after a restart) alike;
  // exactly the limit is saved.
  const auto note = [&](std::size_t extra) {
    return json::array(
        {set("/map/purpose", document["map"].value("purpose", "") + std::string(extra, 'p'))});
  };
  const std::size_t purpose = document["map"].value("purpose", "").size();
  ASSERT_LT(purpose + room, 10'000u);
  auto r = patch_map(alice, id, note(room + 1), revision);
  EXPECT_EQ(r.status, 422) << r.text();
  EXPECT_NE(r.text().find("larger than"), std::string::npos) << r.text();
  auto restarted = make_api();
  Browser later = alice;
  later.api = restarted.get();
  r = patch_map(later, id, note(room + 1), revision);
  EXPECT_EQ(r.status, 422) << r.text();
  r = patch_map(later, id, note(room), revision);
  ASSERT_EQ(r.status, 200) << r.text();
  const auto head = later.send("GET", "/api/maps/" + id);
  EXPECT_EQ(head.text().size(), kLimit);
  EXPECT_EQ(json::parse(head.text()).dump(2), head.text());
}

TEST_P(ApiTest, APatchCannotCopyOneLongTextManyTimes) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  json patch = json::array(
      {set("/people/0/notes", std::string(9'000, 'x')), set("/people/0/known_as", json::array())});
  for (int i = 0; i < 9'000; ++i) {
    patch.push_back(
        {{"op", "copy"}, {"from", "/people/0/notes"}, {"path", "/people/0/known_as/-"}});
  }
  const auto r = patch_map(alice, id, patch, 1);
  ASSERT_EQ(r.status, 422) << r.text().substr(0, 300);
  EXPECT_NE(json::parse(r.text())["problems"][0]["message"].get<std::string>().find("copies more"),
            std::string::npos);
}

TEST_P(ApiTest, TwoServersPatchingOneMapEachSeeTheOthersEdits) {
  auto second_store = store::open_store(database_->url());
  ASSERT_TRUE(second_store) << second_store.error().message;
  Api second(*second_store.value(), ApiOptions{.now_ms = [this] { return now_; }});
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  Browser elsewhere = alice;
  elsewhere.api = &second;
  // Each server keeps its own working copy; neither may serve an old one.
  ASSERT_EQ(patch_map(alice, id, json::array({set("/people/0/notes", "one")}), 1).status, 200);
  ASSERT_EQ(patch_map(elsewhere, id, json::array({set("/people/1/notes", "two")}), 2).status, 200);
  ASSERT_EQ(patch_map(alice, id, json::array({set("/people/2/notes", "three")}), 3).status, 200);
  EXPECT_EQ(patch_map(elsewhere, id, json::array({set("/people/3/notes", "x")}), 3).status, 412);
  for (Browser* who : {&alice, &elsewhere}) {
    const auto head = json::parse(who->send("GET", "/api/maps/" + id).text());
    EXPECT_EQ(head["people"][0]["notes"], "one");
    EXPECT_EQ(head["people"][1]["notes"], "two");
    EXPECT_EQ(head["people"][2]["notes"], "three");
  }
}

// --- bad input --------------------------------------------------------------------------------

TEST_P(ApiTest, MalformedJsonIs400WithLineAndColumn) {
  Browser alice = browser("alice");
  const auto r = alice.send("POST", "/api/maps", "{\n  \"format\": \"peermap/1\",\n  oops\n}");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json::parse(r.text())["where"], "3:3");
  const auto login = alice.send("POST", "/api/session", "{\"username\": ");
  EXPECT_EQ(login.status, 400);
  EXPECT_EQ(json::parse(login.text())["where"], "1:14");
  EXPECT_TRUE(store_->maps_visible_to("exploitation", 0).value().empty());
}

TEST_P(ApiTest, WrongTypesAre422WithAPointerAndNothingIsStored) {
  Browser alice = browser("alice");
  auto document = json::parse(example("peer-group.json"));
  document["people"][3]["full_name"] = 7;
  const auto r = alice.send("POST", "/api/maps", document.dump());
  ASSERT_EQ(r.status, 422);
  const auto problems = json::parse(r.text())["problems"];
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0]["pointer"], "/people/3/full_name");
  EXPECT_TRUE(store_->maps_visible_to("exploitation", 0).value().empty());
  const auto login = alice.send("POST", "/api/session", R"({"username": 3, "password": "x"})");
  EXPECT_EQ(login.status, 422);
  EXPECT_EQ(json::parse(login.text())["problems"][0]["pointer"], "/username");
}

TEST_P(ApiTest, AnInvalidEditIs422AndTheHeadStays) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  const std::multimap<std::string, std::string> headers{
      {"if-match", "\"r1\""}, {"content-type", "application/json-patch+json"}};
  // A tie to someone who is not on the map.
  const json dangling =
      json::array({{{"op", "replace"}, {"path", "/ties/0/to"}, {"value", "p404"}}});
  const auto r = alice.send("PATCH", "/api/maps/" + id, dangling.dump(), headers);
  ASSERT_EQ(r.status, 422) << r.text();
  EXPECT_EQ(json::parse(r.text())["problems"][0]["pointer"], "/ties/0/to");
  // An operation that cannot apply names the operation.
  const json missing = json::array({{{"op", "test"}, {"path", "/map/title"}, {"value", "x"}},
                                    {{"op", "remove"}, {"path", "/nowhere"}}});
  const auto r2 = alice.send("PATCH", "/api/maps/" + id, missing.dump(), headers);
  EXPECT_EQ(r2.status, 422);
  EXPECT_EQ(json::parse(r2.text())["problems"][0]["pointer"], "/0");
  const json not_ops = json::array({{{"path", "/map/title"}}});
  const auto r3 = alice.send("PATCH", "/api/maps/" + id, not_ops.dump(), headers);
  EXPECT_EQ(r3.status, 422);
  EXPECT_EQ(json::parse(r3.text())["problems"][0]["pointer"], "/0/op");
  EXPECT_EQ(alice.send("PATCH", "/api/maps/" + id, "[]", {{"if-match", "\"r1\""}}).status, 415);
  EXPECT_EQ(alice.send("PATCH", "/api/maps/" + id, "[[[", headers).status, 400);
  EXPECT_EQ(store_->revisions(id).value().size(), 1u);
}

TEST_P(ApiTest, APatchThatCopiesItselfBigIsRefusedBeforeItGrows) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  // Each copy doubles the last: 40 of them would need terabytes.
  json patch = json::array({{{"op", "add"}, {"path", "/x0"}, {"value", json::array()}}});
  patch.push_back({{"op", "copy"}, {"from", "/people"}, {"path", "/x0/-"}});
  for (int i = 1; i <= 40; ++i) {
    patch.push_back({{"op", "add"}, {"path", "/x" + std::to_string(i)}, {"value", json::array()}});
    for (int k = 0; k < 2; ++k) {
      patch.push_back({{"op", "copy"},
                       {"from", "/x" + std::to_string(i - 1)},
                       {"path", "/x" + std::to_string(i) + "/-"}});
    }
  }
  const auto r =
      alice.send("PATCH", "/api/maps/" + id, patch.dump(),
                 {{"if-match", "\"r1\""}, {"content-type", "application/json-patch+json"}});
  ASSERT_EQ(r.status, 422) << r.text().substr(0, 300);
  EXPECT_NE(json::parse(r.text())["problems"][0]["message"].get<std::string>().find("copies more"),
            std::string::npos);
  EXPECT_EQ(store_->revisions(id).value().size(), 1u);
}

TEST_P(ApiTest, APatchThatNestsItselfDeepIsRefusedBeforeItGrows) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  // Copying an array into its own innermost element doubles its depth each time.
  json patch =
      json::array({{{"op", "add"}, {"path", "/zz"}, {"value", json::array({json::array()})}}});
  std::string innermost = "/zz/0";
  for (int i = 0; i < 20; ++i) {
    patch.push_back({{"op", "copy"}, {"from", "/zz"}, {"path", innermost + "/-"}});
    innermost += "/0";
  }
  const auto r =
      alice.send("PATCH", "/api/maps/" + id, patch.dump(),
                 {{"if-match", "\"r1\""}, {"content-type", "application/json-patch+json"}});
  ASSERT_EQ(r.status, 422) << r.text().substr(0, 300);
  EXPECT_NE(json::parse(r.text())["problems"][0]["message"].get<std::string>().find("deeper"),
            std::string::npos);
  EXPECT_EQ(store_->revisions(id).value().size(), 1u);
  // The refusal is in the trail.
  EXPECT_EQ(audit_of(id).back().outcome, "invalid");
}

TEST_P(ApiTest, LoginIsJsonOnlyAndSmall) {
  Browser b = browser();
  // What a cross-site form could send (text/plain) is refused, so no site can log a browser in.
  const auto form =
      b.send("POST", "/api/session", R"({"username":"alice","password":"correct horse battery"})",
             {{"content-type", "text/plain"}});
  EXPECT_EQ(form.status, 415);
  const auto big = b.send("POST", "/api/session", std::string(5000, ' '));
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(b.login("alice").status, 200);
}

TEST_P(ApiTest, JunkIdsAreNotWrittenToTheTrailButRealOnesAre) {
  Browser bob = browser("bob");
  Browser anonymous = browser();
  EXPECT_EQ(bob.send("GET", "/api/maps/" + std::string(5000, 'x')).status, 404);
  EXPECT_EQ(anonymous.send("GET", "/api/maps/" + std::string(5000, 'x')).status, 401);
  const auto rows = store_->audit_all(1000).value();
  for (const auto& row : rows) EXPECT_NE(row.map_id.size(), 5000u);
  const std::string guessed(32, 'a');
  EXPECT_EQ(bob.send("GET", "/api/maps/" + guessed).status, 404);
  EXPECT_EQ(audit_of(guessed).size(), 1u);
  EXPECT_EQ(audit_of(guessed)[0].outcome, "not-found");
}

TEST_P(ApiTest, OversizedDeepAndUnknownRequests) {
  Browser alice = browser("alice");
  const auto big = alice.send("POST", "/api/maps", std::string(2u << 20u, ' '));
  EXPECT_EQ(big.status, 413);
  const auto deep =
      alice.send("POST", "/api/session", std::string(1000, '[') + std::string(1000, ']'));
  EXPECT_EQ(deep.status, 422);  // well-formed, but deeper than the limit
  EXPECT_EQ(json::parse(deep.text())["problems"][0]["pointer"], "/");
  const auto deep_map = alice.send("POST", "/api/maps", std::string(100000, '['));
  EXPECT_EQ(deep_map.status, 422);
  EXPECT_EQ(json::parse(deep_map.text())["problems"][0]["pointer"], "/");
  EXPECT_EQ(alice.send("GET", "/api/nothing").status, 404);
  EXPECT_EQ(alice.send("GET", "/nothing").status, 404);  // "/" is the workspace's page now
  const auto wrong = alice.send("DELETE", "/api/maps");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.header("Allow"), "GET, POST");
  EXPECT_TRUE(store_->maps_visible_to("exploitation", 0).value().empty());
}

// --- need-to-know -----------------------------------------------------------------------------

struct RouteCall {
  std::string method, path, body, content_type;
};

std::vector<RouteCall> id_routes(const std::string& id) {
  const std::string base = "/api/maps/" + id;
  return {{"GET", base, "", ""},
          {"PUT", base, example("peer-group.json"), "application/json"},
          {"PATCH", base, "[]", "application/json-patch+json"},
          {"GET", base + "/revisions", "", ""},
          {"GET", base + "/revisions/1", "", ""},
          {"GET", base + "/diff", "", ""},
          {"GET", base + "/map.svg", "", ""},
          {"GET", base + "/map.png", "", ""},
          {"GET", base + "/map.pdf", "", ""},
          {"GET", base + "/members", "", ""},
          {"POST", base + "/members", R"({"username":"bob"})", "application/json"},
          {"DELETE", base + "/members/bob", "", ""},
          {"PUT", base + "/team", R"({"team":"youth-justice"})", "application/json"},
          {"GET", base + "/audit", "", ""}};
}

TEST_P(ApiTest, EveryIdRouteAnswers404ToOtherTeamsAndAdminsExactlyAsForNoMap) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  for (const std::string user : {"bob", "root"}) {
    Browser outsider = browser(user);
    for (const auto& call : id_routes(id)) {
      std::multimap<std::string, std::string> headers{{"if-match", "\"r1\""}};
      if (!call.content_type.empty()) headers.emplace("content-type", call.content_type);
      const auto theirs = outsider.send(call.method, call.path, call.body, headers);
      EXPECT_EQ(theirs.status, 404) << user << " " << call.method << " " << call.path;
      auto none_call = call;
      none_call.path.replace(none_call.path.find(id), id.size(), std::string(32, '0'));
      const auto none = outsider.send(call.method, none_call.path, call.body, headers);
      EXPECT_EQ(none.status, 404);
      EXPECT_EQ(theirs.text(), none.text()) << call.path;
    }
    const auto list = json::parse(outsider.send("GET", "/api/maps").text());
    EXPECT_TRUE(list["maps"].empty()) << user;
  }
  // Not logged in: 401 everywhere, and nothing about the map.
  Browser anonymous = browser();
  for (const auto& call : id_routes(id)) {
    EXPECT_EQ(anonymous.send(call.method, call.path, call.body).status, 401) << call.path;
  }
  EXPECT_EQ(anonymous.send("GET", "/api/maps").status, 401);
  EXPECT_EQ(store_->revisions(id).value().size(), 1u);
}

TEST_P(ApiTest, TheTeamAndAddedMembersMayReadAndWrite) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  Browser mary = browser("mary");  // manager, same team
  EXPECT_EQ(mary.send("GET", "/api/maps/" + id).status, 200);
  EXPECT_EQ(mary.send("GET", "/api/maps/" + id + "/audit").status, 200);
  Browser carol = browser("carol");
  EXPECT_EQ(carol.send("GET", "/api/maps/" + id).status, 404);
  // Only the owner or the team's manager adds members.
  Browser root = browser("root");
  EXPECT_EQ(root.send("POST", "/api/maps/" + id + "/members", R"({"username":"carol"})").status,
            404);
  const auto added = alice.send("POST", "/api/maps/" + id + "/members", R"({"username":"carol"})");
  ASSERT_EQ(added.status, 200) << added.text();
  EXPECT_EQ(carol.send("GET", "/api/maps/" + id).status, 200);
  EXPECT_EQ(json::parse(carol.send("GET", "/api/maps").text())["maps"].size(), 1u);
  // Carol may edit but may not pass the map on.
  const auto by_carol =
      carol.send("PUT", "/api/maps/" + id, example("peer-group.json"), {{"if-match", "\"r1\""}});
  EXPECT_EQ(by_carol.status, 200);
  EXPECT_EQ(carol.send("POST", "/api/maps/" + id + "/members", R"({"username":"bob"})").status,
            403);
  EXPECT_EQ(mary.send("POST", "/api/maps/" + id + "/members", R"({"username":"bob"})").status, 200);
  const auto unknown = mary.send("POST", "/api/maps/" + id + "/members", R"({"username":"zed"})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(json::parse(unknown.text())["problems"][0]["pointer"], "/username");
  const auto members = json::parse(alice.send("GET", "/api/maps/" + id + "/members").text());
  EXPECT_EQ(members["owner"], "alice");
  EXPECT_EQ(members["members"].size(), 2u);
  // Admins hold no case maps.
  EXPECT_EQ(root.send("POST", "/api/maps", example("peer-group.json")).status, 403);
}

// --- audit ------------------------------------------------------------------------------------

TEST_P(ApiTest, EveryAccessIsAuditedIncludingRefusedOnes) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  Browser bob = browser("bob");
  bob.remote = "203.0.113.5";
  std::size_t expected = 1;  // map.create
  ASSERT_EQ(audit_of(id).size(), expected);
  for (const auto& call : id_routes(id)) {
    if (call.method != "GET") continue;
    EXPECT_EQ(alice.send(call.method, call.path).status, 200) << call.path;
    EXPECT_EQ(bob.send(call.method, call.path).status, 404);
    expected += 2;
    const auto rows = audit_of(id);
    ASSERT_EQ(rows.size(), expected) << call.path;
    const auto& mine = rows[rows.size() - 2];
    const auto& refused = rows.back();
    EXPECT_EQ(mine.username, "alice");
    EXPECT_EQ(mine.outcome, "ok");
    EXPECT_EQ(mine.status, 200);
    EXPECT_EQ(refused.username, "bob");
    EXPECT_EQ(refused.outcome, "refused");
    EXPECT_EQ(refused.status, 404);
    EXPECT_EQ(refused.source, "203.0.113.5");
    EXPECT_EQ(refused.at, now_);
  }
  const auto rows = audit_of(id);
  std::set<std::string> actions;
  for (const auto& row : rows) actions.insert(row.action);
  for (const char* action : {"map.create", "map.read", "map.revisions", "map.revision.read",
                             "map.diff", "map.render", "map.members.read", "map.audit.read"}) {
    EXPECT_EQ(actions.count(action), 1u) << action;
  }
  // The team sees the trail through the API; the audit view itself is audited.
  const auto trail = json::parse(alice.send("GET", "/api/maps/" + id + "/audit").text());
  EXPECT_EQ(trail["entries"].size(), rows.size() + 1);
  EXPECT_EQ(trail["entries"][0]["action"], "map.create");
  // Unauthenticated attempts on a map are recorded too.
  browser().send("GET", "/api/maps/" + id);
  EXPECT_EQ(audit_of(id).back().outcome, "unauthenticated");
}

//! Makes the database refuse new audit rows, with raw SQL on the test's own database.
void refuse_audit_rows(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(url.substr(7).c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(
        db,
        "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'no'); END;",
        nullptr, nullptr, &message);
    EXPECT_EQ(rc, SQLITE_OK) << (message ? message : "");
    sqlite3_free(message);
    sqlite3_close(db);
    return;
  }
  PGconn* connection = PQconnectdb(url.c_str());
  ASSERT_EQ(PQstatus(connection), CONNECTION_OK);
  PGresult* result = PQexec(connection,
                            "CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN RAISE "
                            "EXCEPTION 'no'; END $$ LANGUAGE plpgsql; CREATE TRIGGER refuse_audit "
                            "BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION refuse_audit();");
  EXPECT_EQ(PQresultStatus(result), PGRES_COMMAND_OK) << PQerrorMessage(connection);
  PQclear(result);
  PQfinish(connection);
}

TEST_P(ApiTest, NothingIsDisclosedWhenTheAccessCannotBeAudited) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  ASSERT_EQ(alice.send("GET", "/api/maps/" + id).status, 200);
  refuse_audit_rows(database_->url());
  for (const std::string& path :
       {"/api/maps/" + id, "/api/maps/" + id + "/revisions/1", "/api/maps/" + id + "/map.svg",
        "/api/maps/" + id + "/diff", "/api/maps/" + id + "/revisions", std::string("/api/maps")}) {
    const auto r = alice.send("GET", path);
    EXPECT_EQ(r.status, 503) << path;
    EXPECT_EQ(r.text().find("Mia"), std::string::npos) << path;
  }
}

//! Makes the database refuse new rows of `table` (any table, unlike refuse_audit_rows()).
void refuse_rows(const std::string& url, const std::string& table) {
  if (url.rfind("sqlite:", 0) == 0) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(url.substr(7).c_str(), &db), SQLITE_OK);
    const std::string sql = "CREATE TRIGGER refuse_" + table + " BEFORE INSERT ON " + table +
                            " BEGIN SELECT RAISE(ABORT, 'no'); END;";
    char* message = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
        << (message ? message : "");
    sqlite3_free(message);
    sqlite3_close(db);
    return;
  }
  PGconn* connection = PQconnectdb(url.c_str());
  ASSERT_EQ(PQstatus(connection), CONNECTION_OK);
  const std::string sql =
      "CREATE OR REPLACE FUNCTION refuse_row() RETURNS trigger AS $$ BEGIN "
      "RAISE EXCEPTION 'no'; END $$ LANGUAGE plpgsql; CREATE TRIGGER refuse_" +
      table + " BEFORE INSERT ON " + table + " FOR EACH ROW EXECUTE FUNCTION refuse_row();";
  PGresult* result = PQexec(connection, sql.c_str());
  EXPECT_EQ(PQresultStatus(result), PGRES_COMMAND_OK) << PQerrorMessage(connection);
  PQclear(result);
  PQfinish(connection);
}

// A write, a member change and a login whose audit row cannot be written answer 503 and tell
// nothing: no new map's id, no added member, no session cookie.
TEST_P(ApiTest, AWriteOrLoginThatCannotBeAuditedTellsNothing) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  refuse_audit_rows(database_->url());
  const auto created = alice.send("POST", "/api/maps", example("peer-group.json"));
  EXPECT_EQ(created.status, 503) << created.text();
  EXPECT_FALSE(json::parse(created.text()).contains("id"));
  EXPECT_TRUE(created.header("Location").empty());
  const auto added =
      alice.send("POST", "/api/maps/" + id + "/members", json{{"username", "bob"}}.dump());
  EXPECT_EQ(added.status, 503) << added.text();
  EXPECT_EQ(added.text().find("youth-justice"), std::string::npos);
  Browser mary;
  mary.api = api_.get();
  const auto login = mary.login("mary");
  EXPECT_EQ(login.status, 503) << login.text();
  EXPECT_TRUE(login.header("Set-Cookie").empty());
  EXPECT_EQ(login.text().find("csrf_token"), std::string::npos);
}

// A failed login that cannot be counted would escape the throttle: it is refused as when the
// counts cannot be read, the same answer whether or not the account exists.
TEST_P(ApiTest, AFailedLoginThatCannotBeCountedIsRefused) {
  refuse_rows(database_->url(), "login_failures");
  for (const std::string name : {"alice", "nobody"}) {
    const auto r = browser().login(name, "not the password at all");
    EXPECT_EQ(r.status, 503) << name << ": " << r.text();
  }
  EXPECT_EQ(browser().login("alice").status, 200);  // a right password is still let in
}

TEST_P(ApiTest, AFailureIsAuditedAndDisclosesNothing) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  // A revision whose stored patch cannot be replayed (written past the API, as a damaged
  // database or a bug might leave it).
  store::Revision broken;
  broken.info.author_id = store_->user_by_name("alice").value().id;
  broken.info.author = "alice";
  broken.info.created_at = now_;
  broken.info.summary = "damaged";
  broken.title = "damaged";
  broken.document = R"([{"op":"remove","path":"/nothing/here"}])";
  broken.body = store::RevisionBody::patch;
  ASSERT_TRUE(store_->append_revision(id, 1, broken));
  const std::size_t before = audit_of(id).size();
  for (const auto& [method, path, body] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"GET", "/api/maps/" + id, ""},
           {"GET", "/api/maps/" + id + "/map.svg", ""},
           {"PATCH", "/api/maps/" + id, R"([{"op":"add","path":"/map/purpose","value":"x"}])"}}) {
    const auto r =
        alice.send(method, path, body,
                   {{"if-match", "\"r2\""}, {"content-type", "application/json-patch+json"}});
    EXPECT_EQ(r.status, 500) << method << " " << path << ": " << r.text();
    EXPECT_EQ(json::parse(r.text())["error"], "internal error");
  }
  const auto rows = audit_of(id);
  ASSERT_EQ(rows.size(), before + 3);
  for (std::size_t i = before; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].outcome, "error");
    EXPECT_EQ(rows[i].status, 500);
    EXPECT_EQ(rows[i].username, "alice");
  }
  EXPECT_EQ(rows[before].action, "map.read");
  EXPECT_EQ(rows[before + 1].action, "map.render");
  EXPECT_EQ(rows[before + 2].action, "map.patch");
}

TEST_P(ApiTest, WritesAndFailedWritesAreAudited) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  alice.send("PUT", "/api/maps/" + id, example("peer-group.json"));
  alice.send("PUT", "/api/maps/" + id, example("peer-group.json"), {{"if-match", "\"r9\""}});
  json changed = json::parse(example("peer-group.json"));
  changed["map"]["title"] = "Retitled";
  alice.send("PUT", "/api/maps/" + id, changed.dump(), {{"if-match", "\"r1\""}});
  const auto rows = audit_of(id);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].outcome, "no-if-match");
  EXPECT_EQ(rows[1].status, 428);
  EXPECT_EQ(rows[2].outcome, "stale");
  EXPECT_EQ(rows[2].status, 412);
  EXPECT_EQ(rows[3].action, "map.write");
  EXPECT_EQ(rows[3].revision, 2);
}

// --- rendering --------------------------------------------------------------------------------

TEST_P(ApiTest, RendersSvgPngAndPdfWithTheCoreOptions) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  const auto svg = alice.send("GET", "/api/maps/" + id + "/map.svg");
  ASSERT_EQ(svg.status, 200);
  EXPECT_EQ(svg.content_type, "image/svg+xml");
  EXPECT_NE(svg.text().find("<svg"), std::string::npos);
  const auto png = alice.send("GET", "/api/maps/" + id + "/map.png", "", {}, {{"redact", "true"}});
  ASSERT_EQ(png.status, 200);
  EXPECT_EQ(png.text().substr(1, 3), "PNG");
  const auto pdf = alice.send("GET", "/api/maps/" + id + "/map.pdf", "", {},
                              {{"ecomap", "p1"}, {"as_of", "2026-06-01"}});
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.text().substr(0, 5), "%PDF-");
  // The file's name says which revision and view it is.
  EXPECT_EQ(pdf.header("Content-Disposition"),
            "inline; filename=\"map-" + id + "-r1-ecomap-p1-as-of-2026-06-01.pdf\"");
  // The options change the drawing.
  const auto svg_redacted =
      alice.send("GET", "/api/maps/" + id + "/map.svg", "", {}, {{"redact", "true"}});
  EXPECT_NE(svg.text(), svg_redacted.text());
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"as_of", "yesterday"}, {"redact", "perhaps"}, {"ecomap", "p999"}, {"revision", "2"}}) {
    const auto r = alice.send("GET", "/api/maps/" + id + "/map.svg", "", {}, {{name, value}});
    EXPECT_EQ(r.status, 422) << name;
    EXPECT_EQ(json::parse(r.text())["problems"][0]["parameter"], name);
  }
}

// The layout route takes the drawing's own view, so the workspace's hit areas lie over what
// map.svg draws in that view: an ecomap has only the child's placements, a disclosure copy's
// labels are initials, an as-of date leaves out what was not yet known, a revision is that one.
TEST_P(ApiTest, TheLayoutRouteHonoursTheDrawingsView) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  const auto layout = [&](std::multimap<std::string, std::string> query) {
    const auto r = alice.send("GET", "/api/maps/" + id + "/layout", "", {}, std::move(query));
    EXPECT_EQ(r.status, 200) << r.text();
    return json::parse(r.text());
  };
  const auto text_of = [](const json& l, const std::string& person) {
    for (const auto& n : l["nodes"]) {
      if (n["id"] == person) return n["text"][0].get<std::string>();
    }
    return std::string();
  };
  const json whole = layout({});
  EXPECT_EQ(text_of(whole, "p3"), "Ruby Tennant");
  const json redacted = layout({{"redact", "true"}});
  EXPECT_EQ(text_of(redacted, "p1"), "Mia Kowalczyk") << "the subject stays named";
  EXPECT_NE(text_of(redacted, "p3"), "Ruby Tennant");
  EXPECT_EQ(text_of(redacted, "p3").find("Tennant"), std::string::npos);
  const json ecomap = layout({{"ecomap", "p1"}});
  EXPECT_TRUE(ecomap.contains("ecomap"));
  EXPECT_FALSE(whole.contains("ecomap"));
  const json early = layout({{"as_of", "2026-01-01"}});
  EXPECT_LT(early["nodes"].size(), whole["nodes"].size());
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"as_of", "yesterday"}, {"ecomap", "p999"}, {"revision", "2"}}) {
    const auto r = alice.send("GET", "/api/maps/" + id + "/layout", "", {}, {{name, value}});
    EXPECT_EQ(r.status, 422) << name;
    EXPECT_EQ(json::parse(r.text())["problems"][0]["parameter"], name);
  }
  const auto first = alice.send("GET", "/api/maps/" + id + "/layout", "", {}, {{"revision", "1"}});
  EXPECT_EQ(first.header("ETag"), "\"r1\"");
}

// The comparison names each field that changed, with both values and the sentence, and is the
// 404 of a map that does not exist to anyone without need to know (audited, like every read).
TEST_P(ApiTest, TheDiffNamesEachChangedFieldOnlyForThoseWhoMaySeeTheMap) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  const json patch = json::array(
      {{{"op", "replace"}, {"path", "/people/1/date_of_birth"}, {"value", "2011-02-28"}},
       {{"op", "add"}, {"path", "/people/1/known_as/-"}, {"value", "Ethan O"}}});
  const auto patched =
      alice.send("PATCH", "/api/maps/" + id, patch.dump(),
                 {{"if-match", "\"r1\""}, {"content-type", "application/json-patch+json"}});
  ASSERT_EQ(patched.status, 200) << patched.text();
  const auto r =
      alice.send("GET", "/api/maps/" + id + "/diff", "", {}, {{"from", "1"}, {"to", "2"}});
  ASSERT_EQ(r.status, 200);
  const json diff = json::parse(r.text());
  EXPECT_EQ(diff["people"]["changed"][0]["id"], "p2") << "the first diff's lists stay";
  ASSERT_EQ(diff["changes"].size(), 1u) << diff.dump(2);
  const json& ethan = diff["changes"][0];
  EXPECT_EQ(ethan["name"], "Ethan Oduya");
  ASSERT_EQ(ethan["fields"].size(), 2u);
  // By field name: the date of birth, then the known-as names.
  EXPECT_EQ(ethan["fields"][0]["pointer"], "/people/1/date_of_birth");
  EXPECT_EQ(ethan["fields"][0]["text"],
            "Ethan Oduya's date of birth changed from 30 January 2011 to 28 February 2011");
  EXPECT_EQ(ethan["fields"][1]["text"],
            "Ethan Oduya's known-as names changed from E-Man to E-Man, Ethan O");

  Browser bob = browser("bob");
  const auto theirs = bob.send("GET", "/api/maps/" + id + "/diff", "", {}, {{"from", "1"}});
  const auto none =
      bob.send("GET", "/api/maps/" + std::string(32, '0') + "/diff", "", {}, {{"from", "1"}});
  EXPECT_EQ(theirs.status, 404);
  EXPECT_EQ(theirs.text(), none.text());
  EXPECT_EQ(theirs.text().find("Ethan"), std::string::npos);
  int ok = 0;
  int refused = 0;
  for (const auto& row : audit_of(id)) {
    if (row.action != "map.diff") continue;
    ok += row.outcome == "ok" ? 1 : 0;
    refused += row.outcome == "refused" ? 1 : 0;
  }
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(refused, 1);
}

// --- the API description ------------------------------------------------------------------------

// Security headers are the route's: API answers (and 404s) keep `default-src 'none'`; a page
// route added with the page set gets the workspace's policy.
TEST_P(ApiTest, APageRouteGetsThePagePolicyAndApiRoutesKeepTheirs) {
  api_->router().add(
      "GET", "/test-page",
      [](const Request&, const Params&) {
        Response r;
        r.content_type = "text/html";
        r.body = "<!doctype html>";
        return r;
      },
      page_security_headers());
  Browser alice = browser("alice");
  const auto page = alice.send("GET", "/test-page");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.header("Content-Security-Policy"),
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: "
            "blob:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri "
            "'none'");
  EXPECT_EQ(page.header("X-Frame-Options"), "DENY");
  EXPECT_EQ(page.header("Cache-Control"), "no-store");
  for (const std::string path : {"/api/maps", "/api/nope"}) {
    const auto r = alice.send("GET", path);
    EXPECT_EQ(r.header("Content-Security-Policy"), "default-src 'none'; frame-ancestors 'none'")
        << path;
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(r.header("Referrer-Policy"), "no-referrer") << path;
  }
}

TEST_P(ApiTest, OpenApiDescribesEveryRouteAndNoOther) {
  const auto spec = json::parse(browser().send("GET", "/api/openapi.json").text());
  EXPECT_EQ(spec["openapi"].get<std::string>().substr(0, 2), "3.");
  std::set<std::pair<std::string, std::string>> described;
  for (const auto& [path, operations] : spec["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      std::string upper = method;
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      described.emplace(upper, path);
      EXPECT_TRUE(operation.contains("responses")) << method << " " << path;
    }
  }
  std::set<std::pair<std::string, std::string>> served;
  // The API's routes: the workspace's page and assets (outside /api/) are no part of it.
  for (const auto& route : api_->router().routes()) {
    if (route.pattern.rfind("/api/", 0) == 0) served.emplace(route.method, route.pattern);
  }
  EXPECT_EQ(described, served);
  // Each state-changing operation documents the CSRF header and its 403.
  for (const auto& [method, path] : served) {
    if (method == "GET" || path == "/api/session") continue;
    std::string lower = method;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto& operation = spec["paths"][path][lower];
    bool has_csrf = false;
    for (const auto& p : operation["parameters"]) has_csrf |= p["name"] == "X-CSRF-Token";
    EXPECT_TRUE(has_csrf) << method << " " << path;
    EXPECT_TRUE(operation["responses"].contains("403")) << method << " " << path;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace peermap::server
