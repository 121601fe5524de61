// Membership you can manage (issue 13, item 1), on both backends: letting someone in and out,
// who added whom and when, an admin never a member, and a manager moving a map to another
// team; every change audited with the status sent.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "api_fixture.hpp"

namespace peermap::server {
namespace {

using namespace test_api;  // NOLINT(google-build-using-namespace): the fixture's names

using MembershipTest = ApiTest;

//! The newest audit row of map `id`.
store::AuditEntry last_row(store::Store& store, const std::string& id) {
  auto rows = store.audit_of_map(id);
  EXPECT_TRUE(rows && !rows->empty());
  return rows && !rows->empty() ? rows->back() : store::AuditEntry{};
}

// Finding: POST /members {"username":"<an admin>"} answered 200 and the admin could read the map.
TEST_P(MembershipTest, AnAdminCanNeverBeMadeAMember) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  const auto added = alice.send("POST", "/api/maps/" + id + "/members", R"({"username":"root"})");
  EXPECT_EQ(added.status, 422) << added.text();
  EXPECT_EQ(json::parse(added.text())["problems"][0]["pointer"], "/username");
  const auto row = last_row(*store_, id);
  EXPECT_EQ(row.action, "map.members.add");
  EXPECT_EQ(row.status, 422);
  EXPECT_EQ(row.outcome, "invalid");
  EXPECT_TRUE(store_->map_record(id)->members.empty());
  Browser root = browser("root");
  EXPECT_EQ(root.send("GET", "/api/maps/" + id).status, 404);

  // An admin let in before this rule (straight into the store) still sees nothing.
  const auto admin = store_->user_by_name("root").value();
  const auto alice_user = store_->user_by_name("alice").value();
  ASSERT_TRUE(store_->add_member(id, admin.id, alice_user.id, now_ / 1000,
                                 store::AuditEntry{0, now_, alice_user.id, "alice",
                                                   "map.members.add", id, 0, "ok", 200, "test"}));
  EXPECT_EQ(root.send("GET", "/api/maps/" + id).status, 404);
  EXPECT_TRUE(json::parse(root.send("GET", "/api/maps").text())["maps"].empty());
}

// Finding: no route removed a member (DELETE, PUT and PATCH on /members answered 405).
TEST_P(MembershipTest, RemovingAMemberEndsTheirAccess) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  const std::string members = "/api/maps/" + id + "/members";
  ASSERT_EQ(alice.send("POST", members, R"({"username":"carol"})").status, 200);
  ASSERT_EQ(alice.send("POST", members, R"({"username":"bob"})").status, 200);
  Browser carol = browser("carol");
  ASSERT_EQ(carol.send("GET", "/api/maps/" + id).status, 200);

  // Those who may add members may remove them; a member may not remove another.
  EXPECT_EQ(carol.send("DELETE", members + "/bob").status, 403);
  EXPECT_EQ(last_row(*store_, id).status, 403);
  Browser mary = browser("mary");  // the team's manager
  Browser no_token = mary;
  no_token.csrf.clear();
  EXPECT_EQ(no_token.send("DELETE", members + "/carol", "", {{"x-csrf-token", "wrong"}}).status,
            403);
  const auto removed = mary.send("DELETE", members + "/carol");
  ASSERT_EQ(removed.status, 200) << removed.text();
  EXPECT_EQ(json::parse(removed.text())["removed"]["username"], "carol");
  const auto row = last_row(*store_, id);
  EXPECT_EQ(row.action, "map.members.remove");
  EXPECT_EQ(row.username, "mary");
  EXPECT_EQ(row.outcome, "ok");
  EXPECT_EQ(row.status, 200);

  // Carol's access ends at once, on every route, exactly as for a map that does not exist.
  EXPECT_EQ(carol.send("GET", "/api/maps/" + id).status, 404);
  EXPECT_EQ(carol.send("GET", "/api/maps/" + id + "/map.svg").status, 404);
  EXPECT_TRUE(json::parse(carol.send("GET", "/api/maps").text())["maps"].empty());
  const auto list = json::parse(alice.send("GET", members).text());
  ASSERT_EQ(list["members"].size(), 1u);
  EXPECT_EQ(list["members"][0]["username"], "bob");

  // Removing someone who is not a member: 404, audited, nothing changes.
  for (const std::string who : {"carol", "nobody", "alice"}) {
    EXPECT_EQ(alice.send("DELETE", members + "/" + who).status, 404) << who;
    EXPECT_EQ(last_row(*store_, id).outcome, "not-found");
    EXPECT_EQ(last_row(*store_, id).status, 404);
  }
  EXPECT_EQ(store_->map_record(id)->members.size(), 1u);
}

TEST_P(MembershipTest, TheMemberListSaysWhoAddedWhomAndWhen) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  const std::string members = "/api/maps/" + id + "/members";
  ASSERT_EQ(alice.send("POST", members, R"({"username":"carol"})").status, 200);
  now_ += 90'000;
  Browser mary = browser("mary");
  ASSERT_EQ(mary.send("POST", members, R"({"username":"bob"})").status, 200);
  now_ += 1000;
  ASSERT_EQ(mary.send("POST", members, R"({"username":"carol"})").status, 200);  // already in

  const auto list = json::parse(alice.send("GET", members).text());
  ASSERT_EQ(list["members"].size(), 2u);
  EXPECT_EQ(list["members"][0], (json{{"username", "bob"},
                                      {"team", "youth-justice"},
                                      {"role", "practitioner"},
                                      {"added_by", "mary"},
                                      {"added_at", "2026-11-18T11:08:10.000Z"}}));
  EXPECT_EQ(list["members"][1]["username"], "carol");
  EXPECT_EQ(list["members"][1]["added_by"], "alice");  // the first to add her
  EXPECT_EQ(list["members"][1]["added_at"], "2026-11-18T11:06:40.000Z");
}

// Finding: /members accepted any content type, and a request without `username` left no row.
TEST_P(MembershipTest, AMembersRequestIsJsonOnlyAndEveryRefusalIsAudited) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  const std::string members = "/api/maps/" + id + "/members";
  const auto form = alice.send("POST", members, "username=carol",
                               {{"content-type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(form.status, 415);
  EXPECT_EQ(last_row(*store_, id).status, 415);
  EXPECT_EQ(last_row(*store_, id).outcome, "wrong-type");
  const auto plain =
      alice.send("POST", members, R"({"username":"carol"})", {{"content-type", "text/plain"}});
  EXPECT_EQ(plain.status, 415);
  const auto nameless = alice.send("POST", members, R"({"user":"carol"})");
  EXPECT_EQ(nameless.status, 422);
  EXPECT_EQ(last_row(*store_, id).status, 422);
  EXPECT_EQ(last_row(*store_, id).action, "map.members.add");
  EXPECT_TRUE(store_->map_record(id)->members.empty());
}

TEST_P(MembershipTest, AManagerMovesAMapToAnotherTeamAndTheMoveIsAudited) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  const std::string team = "/api/maps/" + id + "/team";
  ASSERT_EQ(alice.send("POST", "/api/maps/" + id + "/members", R"({"username":"carol"})").status,
            200);
  // Only a manager of the map's team moves it.
  EXPECT_EQ(alice.send("PUT", team, R"({"team":"youth-justice"})").status, 403);
  EXPECT_EQ(last_row(*store_, id).action, "map.move");
  EXPECT_EQ(last_row(*store_, id).status, 403);
  Browser carol = browser("carol");  // a member, of another team
  EXPECT_EQ(carol.send("PUT", team, R"({"team":"youth-justice"})").status, 403);
  Browser mary = browser("mary");
  // A team nobody works in (a typo, or only an admin's) is refused, naming the field.
  for (const std::string body :
       {R"({"team":"youth justice"})", R"({"team":""})", R"({})", R"({"team":7})"}) {
    const auto refused = mary.send("PUT", team, body);
    EXPECT_EQ(refused.status, 422) << body;
    EXPECT_EQ(json::parse(refused.text())["problems"][0]["pointer"], "/team") << body;
    EXPECT_EQ(last_row(*store_, id).status, 422);
  }
  EXPECT_EQ(mary.send("PUT", team, "team=youth-justice",
                      {{"content-type", "application/x-www-form-urlencoded"}})
                .status,
            415);
  EXPECT_EQ(store_->map_record(id)->team, "exploitation");

  const auto moved = mary.send("PUT", team, R"({"team":"youth-justice"})");
  ASSERT_EQ(moved.status, 200) << moved.text();
  EXPECT_EQ(json::parse(moved.text())["team"], "youth-justice");
  EXPECT_EQ(json::parse(moved.text())["from"], "exploitation");
  const auto row = last_row(*store_, id);
  EXPECT_EQ(row.action, "map.move");
  EXPECT_EQ(row.username, "mary");
  EXPECT_EQ(row.status, 200);
  EXPECT_EQ(row.outcome, "ok");
  // The old team loses it, the new team has it, members stay members.
  EXPECT_EQ(alice.send("GET", "/api/maps/" + id).status, 404);
  EXPECT_EQ(mary.send("GET", "/api/maps/" + id).status, 404);
  Browser bob = browser("bob");
  EXPECT_EQ(bob.send("GET", "/api/maps/" + id).status, 200);
  EXPECT_EQ(json::parse(bob.send("GET", "/api/maps").text())["maps"][0]["team"], "youth-justice");
  EXPECT_EQ(carol.send("GET", "/api/maps/" + id).status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, MembershipTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace peermap::server
