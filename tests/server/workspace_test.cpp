// What the API does for the browser workspace, request in and response out, on both backends:
// the page and its assets with the pages' own CSP, the council's name as text, the layout
// route behind need-to-know, and the map list's subjects, status and dates.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "auth/auth.hpp"
#include "server/api.hpp"
#include "server/web_assets.hpp"
#include "store/store.hpp"
#include "support/test_store.hpp"

namespace peermap::server {
namespace {

using json = nlohmann::json;

constexpr std::int64_t kStart = 1'795'000'000'000;  // 2026-11-18, unix ms
constexpr const char* kPassword = "correct horse battery";

std::string example(const std::string& name) {
  std::ifstream in(std::string(PEERMAP_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class WorkspaceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(auth::initialise());
    database_ = std::make_unique<test::TestDatabase>(GetParam());
    ASSERT_FALSE(database_->url().empty()) << database_->error();
    auto opened = store::open_store(database_->url());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(opened.value());
    ApiOptions options;
    options.now_ms = [] { return kStart; };
    options.council_name = "Barset <b>\"Borough\"</b> & Co";
    api_ = std::make_unique<Api>(*store_, options);
    const std::string hash = auth::hash_password(kPassword).value();
    ASSERT_TRUE(
        store_->add_user({"alice", "exploitation", store::AccountRole::practitioner, hash, 0}));
    ASSERT_TRUE(
        store_->add_user({"bob", "youth-justice", store::AccountRole::practitioner, hash, 0}));
  }

  Response send(const std::string& method, const std::string& path, const std::string& body = "",
                const std::string& who = "") {
    Request r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.remote = "192.0.2.20";
    if (!who.empty()) {
      auto& session = sessions_[who];
      if (session.first.empty()) {
        Request login = r;
        login.method = "POST";
        login.path = "/api/session";
        login.body = json{{"username", who}, {"password", kPassword}}.dump();
        login.headers.emplace("content-type", "application/json");
        const Response answer = api_->handle(login);
        EXPECT_EQ(answer.status, 200);
        const std::string set = answer.header("Set-Cookie");
        session.first = set.substr(set.find('=') + 1, set.find(';') - set.find('=') - 1);
        session.second = json::parse(answer.text())["csrf_token"];
      }
      r.headers.emplace("cookie", "peermap_session=" + session.first);
      r.headers.emplace("x-csrf-token", session.second);
    }
    if (!body.empty()) r.headers.emplace("content-type", "application/json");
    return api_->handle(r);
  }

  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Api> api_;
  std::map<std::string, std::pair<std::string, std::string>> sessions_;
};

TEST_P(WorkspaceTest, PageRoutesAnswerThePageWithItsCspAndTheCouncilNameAsText) {
  for (const char* path :
       {"/", "/sign-in", "/maps", "/maps/new", "/maps/0123456789abcdef0123456789abcdef"}) {
    const Response r = send("GET", path);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
    EXPECT_EQ(r.header("Content-Security-Policy"), std::string(kPageCsp));
    EXPECT_EQ(r.header("X-Frame-Options"), "DENY");
    EXPECT_NE(r.text().find("Barset &lt;b&gt;&quot;Borough&quot;&lt;/b&gt; &amp; Co"),
              std::string::npos);
    EXPECT_EQ(r.text().find("<b>"), std::string::npos);
    EXPECT_EQ(r.text().find("{{COUNCIL_NAME}}"), std::string::npos);
  }
  // Not pages: the API's JSON 404, and a write to "/" is the API's too.
  for (const char* path : {"/maps/not-an-id", "/admin", "/assets/nothing.js"}) {
    const Response r = send("GET", path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.content_type, "application/json") << path;
    EXPECT_EQ(r.header("Content-Security-Policy"), "default-src 'none'; frame-ancestors 'none'");
  }
  EXPECT_EQ(send("POST", "/").content_type, "application/json");
}

TEST_P(WorkspaceTest, EveryEmbeddedAssetIsServedImmutableWithItsType) {
  int scripts = 0;
  int styles = 0;
  for (const auto& asset : web_assets()) {
    if (asset.name == "index.html") continue;
    const Response r = send("GET", "/" + std::string(asset.name));
    ASSERT_EQ(r.status, 200) << asset.name;
    EXPECT_EQ(r.text(), asset.body);
    EXPECT_EQ(r.header("Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
    scripts += r.content_type == "text/javascript; charset=utf-8" ? 1 : 0;
    styles += r.content_type == "text/css; charset=utf-8" ? 1 : 0;
  }
  EXPECT_EQ(scripts, 1);
  EXPECT_EQ(styles, 1);
}

TEST_P(WorkspaceTest, TheLayoutRoutePlacesEveryPersonOnThePageForThoseWhoMaySeeTheMap) {
  const Response created = send("POST", "/api/maps", example("peer-group.json"), "alice");
  ASSERT_EQ(created.status, 201) << created.text();
  const std::string id = json::parse(created.text())["id"];

  const Response r = send("GET", "/api/maps/" + id + "/layout", "", "alice");
  ASSERT_EQ(r.status, 200) << r.text();
  EXPECT_EQ(r.header("ETag"), "\"r1\"");
  const json layout = json::parse(r.text());
  const double scale = layout["placement"]["scale"];
  const double ox = layout["placement"]["x"];
  const double oy = layout["placement"]["y"];
  const double page_w = layout["page"]["width"];
  const double page_h = layout["page"]["height"];
  EXPECT_GT(scale, 0);
  int people = 0;
  for (const auto& node : layout["nodes"]) {
    const double x = (node["x"].get<double>() - layout["x0"].get<double>()) * scale + ox;
    const double y = (node["y"].get<double>() - layout["y0"].get<double>()) * scale + oy;
    EXPECT_GT(x, 0);
    EXPECT_LT(x, page_w);
    EXPECT_GT(y, 0);
    EXPECT_LT(y, page_h);
    people += node["kind"] == "person" ? 1 : 0;
  }
  EXPECT_EQ(people, 25);
  EXPECT_FALSE(layout["regions"].empty());

  // Need-to-know: another team's practitioner gets the 404 of a map that does not exist.
  EXPECT_EQ(send("GET", "/api/maps/" + id + "/layout", "", "bob").status, 404);
  EXPECT_EQ(send("GET", "/api/maps/" + id + "/layout").status, 401);
  auto audit = store_->audit_of_map(id);
  ASSERT_TRUE(audit);
  int ok = 0;
  int refused = 0;
  for (const auto& row : audit.value()) {
    if (row.action != "map.layout") continue;
    ok += row.outcome == "ok" ? 1 : 0;
    refused += row.outcome == "refused" ? 1 : 0;
  }
  EXPECT_EQ(ok, 1);
  EXPECT_EQ(refused, 1);
}

TEST_P(WorkspaceTest, TheMapListCarriesSubjectsStatusAndDates) {
  ASSERT_EQ(send("POST", "/api/maps", example("peer-group.json"), "alice").status, 201);
  const json list = json::parse(send("GET", "/api/maps", "", "alice").text());
  ASSERT_EQ(list["maps"].size(), 1u);
  const json& map = list["maps"][0];
  EXPECT_EQ(map["status"], "outcomes");
  EXPECT_EQ(map["map_date"], "2026-11-10");
  EXPECT_EQ(map["review_date"], "2027-02-10");
  EXPECT_EQ(map["protective_marking"], "OFFICIAL-SENSITIVE");
  EXPECT_EQ(
      map["subject_children"],
      json::parse(
          R"([{"id":"p1","full_name":"Mia Kowalczyk"},{"id":"p2","full_name":"Ethan Oduya"}])"));
  EXPECT_EQ(map["updated_by"], "alice");
  EXPECT_TRUE(json::parse(send("GET", "/api/maps", "", "bob").text())["maps"].empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkspaceTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace peermap::server
