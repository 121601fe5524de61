// Clean input (issue 13, item 5), on both backends: a NUL character anywhere is refused naming
// its field, a leading byte order mark is refused everywhere, an edit that changes nothing makes
// no revision, and a body of a type no route takes is a 415 whatever its size.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "api_fixture.hpp"

namespace peermap::server {
namespace {

using namespace test_api;  // NOLINT(google-build-using-namespace): the fixture's names

using InputTest = ApiTest;

constexpr const char* kBom = "\xEF\xBB\xBF";

//! The peer-group example with `value` at `pointer`, as JSON text.
std::string example_with(const std::string& pointer, const json& value) {
  json document = json::parse(example("peer-group.json"));
  document[json::json_pointer(pointer)] = value;
  return document.dump();
}

std::string pointer_of(const Response& response) {
  const auto body = json::parse(response.text());
  return body["problems"][0]["pointer"];
}

// Finding: a NUL in a string was accepted, and SQLite cut the title at it (PostgreSQL refused).
TEST_P(InputTest, ANulAnywhereIsRefusedNamingTheFieldAndNothingIsStored) {
  Browser alice = browser("alice");
  const std::string nul_title = std::string("Peer map") + '\0' + " hidden";
  const auto created = alice.send("POST", "/api/maps", example_with("/map/title", nul_title));
  EXPECT_EQ(created.status, 422) << created.text();
  EXPECT_EQ(pointer_of(created), "/map/title");
  const auto rows = store_->audit_all(1000).value();
  EXPECT_EQ(rows.back().action, "map.create");
  EXPECT_EQ(rows.back().status, 422);
  EXPECT_TRUE(json::parse(alice.send("GET", "/api/maps").text())["maps"].empty());

  const std::string id = create_map(alice);
  const std::string nul_name = std::string("Mia") + '\0';
  const auto put =
      alice.send("PUT", "/api/maps/" + id, example_with("/people/1/full_name", nul_name),
                 {{"if-match", "\"r1\""}});
  EXPECT_EQ(put.status, 422);
  EXPECT_EQ(pointer_of(put), "/people/1/full_name");
  EXPECT_EQ(audit_of(id).back().status, 422);
  // In a member's name too (the pointer escapes "/" as "~1").
  json document = json::parse(example("peer-group.json"));
  document["map"][std::string("a/b") + '\0'] = "x";
  const auto key = alice.send("PUT", "/api/maps/" + id, document.dump(), {{"if-match", "\"r1\""}});
  EXPECT_EQ(key.status, 422);
  EXPECT_EQ(pointer_of(key), std::string("/map/a~1b") + '\0');

  // In a JSON Patch, the pointer is into the patch.
  const json patch =
      json::array({{{"op", "replace"}, {"path", "/map/title"}, {"value", nul_title}}});
  const auto patched =
      alice.send("PATCH", "/api/maps/" + id, patch.dump(),
                 {{"if-match", "\"r1\""}, {"content-type", "application/json-patch+json"}});
  EXPECT_EQ(patched.status, 422);
  EXPECT_EQ(pointer_of(patched), "/0/value");
  // A login and a member request are refused the same way.
  Browser other = browser();
  const auto login =
      other.send("POST", "/api/session",
                 json{{"username", std::string("alice") + '\0'}, {"password", kPassword}}.dump());
  EXPECT_EQ(login.status, 422);
  EXPECT_EQ(pointer_of(login), "/username");
  const auto member = alice.send("POST", "/api/maps/" + id + "/members",
                                 json{{"username", std::string("bob") + '\0'}}.dump());
  EXPECT_EQ(member.status, 422);
  EXPECT_EQ(pointer_of(member), "/username");

  // Nothing changed: one revision, its title whole.
  EXPECT_EQ(store_->revisions(id)->size(), 1u);
  const auto read = json::parse(alice.send("GET", "/api/maps/" + id).text());
  EXPECT_EQ(read["map"]["title"], json::parse(example("peer-group.json"))["map"]["title"]);
  // A backslash before "u0000" is text, not a NUL: stored as it is.
  const auto text = alice.send("PUT", "/api/maps/" + id, example_with("/map/purpose", "C:\\u0000"),
                               {{"if-match", "\"r1\""}});
  EXPECT_EQ(text.status, 200) << text.text();
}

// Finding: a body starting with a UTF-8 BOM was stored, then served back as JSON browsers reject.
TEST_P(InputTest, ALeadingByteOrderMarkIsRefusedEverywhere) {
  Browser alice = browser("alice");
  const std::string document = example("peer-group.json");
  const auto created = alice.send("POST", "/api/maps", kBom + document);
  EXPECT_EQ(created.status, 400);
  EXPECT_NE(json::parse(created.text())["error"].get<std::string>().find("byte order mark"),
            std::string::npos);
  EXPECT_TRUE(json::parse(alice.send("GET", "/api/maps").text())["maps"].empty());

  const std::string id = create_map(alice);
  const std::string map = "/api/maps/" + id;
  EXPECT_EQ(alice.send("PUT", map, kBom + document, {{"if-match", "\"r1\""}}).status, 400);
  EXPECT_EQ(audit_of(id).back().status, 400);
  EXPECT_EQ(alice
                .send("PATCH", map, std::string(kBom) + "[]",
                      {{"if-match", "\"r1\""}, {"content-type", "application/json-patch+json"}})
                .status,
            400);
  EXPECT_EQ(
      alice.send("POST", map + "/members", std::string(kBom) + R"({"username":"bob"})").status,
      400);
  EXPECT_EQ(browser()
                .send("POST", "/api/session",
                      kBom + json{{"username", "alice"}, {"password", kPassword}}.dump())
                .status,
            400);
  EXPECT_EQ(store_->revisions(id)->size(), 1u);
  EXPECT_TRUE(store_->map_record(id)->members.empty());
  // What is read back starts with the document itself.
  EXPECT_EQ(alice.send("GET", map).text().front(), '{');
}

// Finding: a PUT that changed nothing still made a revision.
TEST_P(InputTest, AnEditThatChangesNothingMakesNoRevision) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  const std::string map = "/api/maps/" + id;
  // The same document, spaced and ordered differently.
  const auto same = alice.send("PUT", map, json::parse(example("peer-group.json")).dump(4),
                               {{"if-match", "\"r1\""}});
  ASSERT_EQ(same.status, 200) << same.text();
  EXPECT_EQ(json::parse(same.text())["revision"], 1);
  EXPECT_EQ(json::parse(same.text())["summary"], "no change");
  EXPECT_EQ(same.header("ETag"), "\"r1\"");
  EXPECT_EQ(audit_of(id).back().outcome, "unchanged");
  EXPECT_EQ(audit_of(id).back().revision, 1);
  const std::string title = json::parse(example("peer-group.json"))["map"]["title"];
  const std::string patch_type = "application/json-patch+json";
  for (const json& patch :
       {json::array(), json::array({{{"op", "replace"}, {"path", "/map/title"}, {"value", title}}}),
        json::array({{{"op", "test"}, {"path", "/map/title"}, {"value", title}}}),
        json::array({{{"op", "add"}, {"path", "/people/0/known_as"}, {"value", json::array({"x"})}},
                     {{"op", "remove"}, {"path", "/people/0/known_as"}}})}) {
    const auto r = alice.send("PATCH", map, patch.dump(),
                              {{"if-match", "\"r1\""}, {"content-type", patch_type}});
    EXPECT_EQ(r.status, 200) << patch.dump() << r.text();
    EXPECT_EQ(json::parse(r.text())["revision"], 1) << patch.dump();
  }
  EXPECT_EQ(store_->revisions(id)->size(), 1u);
  // A real change after them is revision 2, and the working copy still edits from revision 1.
  const json retitle = json::array({{{"op", "replace"}, {"path", "/map/title"}, {"value", "New"}}});
  const auto changed = alice.send("PATCH", map, retitle.dump(),
                                  {{"if-match", "\"r1\""}, {"content-type", patch_type}});
  ASSERT_EQ(changed.status, 200) << changed.text();
  EXPECT_EQ(json::parse(changed.text())["revision"], 2);
  EXPECT_EQ(json::parse(alice.send("GET", map).text())["map"]["title"], "New");
}

// Finding: a form-encoded body answered 413 (the HTTP library's own limit for forms).
TEST_P(InputTest, ABodyOfATypeNoRouteTakesIs415WhateverItsSize) {
  Browser alice = browser("alice");
  const std::string form = "application/x-www-form-urlencoded";
  for (const std::size_t size : {std::size_t{20}, std::size_t{9000}, std::size_t{2u << 20u}}) {
    const auto r = alice.send("POST", "/api/maps", "title=" + std::string(size, 'a'),
                              {{"content-type", form}});
    EXPECT_EQ(r.status, 415) << size;
    // POST /api/maps audits its refusals now; one over the body limit is refused before any
    // route runs, as the HTTP library refuses it, and audited as a request.
    const auto row = store_->audit_all(1000).value().back();
    EXPECT_EQ(row.action, size < (1u << 20u) ? "map.create" : "request") << size;
    EXPECT_EQ(row.outcome, "wrong-type");
    EXPECT_EQ(row.status, 415);
  }
  // A JSON body over the limit is still 413.
  EXPECT_EQ(alice.send("POST", "/api/maps", std::string(2u << 20u, ' ')).status, 413);
}

INSTANTIATE_TEST_SUITE_P(Backends, InputTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace peermap::server
