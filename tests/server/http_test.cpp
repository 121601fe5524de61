// The API through a real socket (cpp-httplib on both ends): cookies and headers survive the
// trip, the body limit answers 413 before the handler runs, and the access log carries no case
// content.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "auth/auth.hpp"
#include "server/api.hpp"
#include "server/server.hpp"
#include "store/store.hpp"
#include "support/test_store.hpp"

namespace peermap::server {
namespace {

using json = nlohmann::json;

std::string example(const std::string& name) {
  std::ifstream in(std::string(PEERMAP_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class HttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(auth::initialise());
    ASSERT_FALSE(database_.url().empty()) << database_.error();
    auto opened = store::open_store(database_.url());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(opened.value());
    ASSERT_TRUE(store_->add_user({"alice", "exploitation", store::AccountRole::practitioner,
                                  auth::hash_password("correct horse battery").value(), 0}));
    ApiOptions options;
    options.max_body_bytes = 1u << 20u;
    api_ = std::make_unique<Api>(*store_, options);
    ListenOptions listen;
    listen.port = 0;
    listen.threads = 8;
    server_ = std::make_unique<HttpServer>(*api_, listen, &log_);
    auto port = server_->bind();
    ASSERT_TRUE(port) << port.error().message;
    port_ = port.value();
    thread_ = std::thread([this] { (void)server_->run(); });
  }
  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(30, 0);
    return c;
  }

  //! Logs in; the cookie header and CSRF token for later requests.
  httplib::Headers login() {
    auto c = client();
    auto r = c.Post("/api/session", R"({"username":"alice","password":"correct horse battery"})",
                    "application/json");
    EXPECT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    const std::string set = r->get_header_value("Set-Cookie");
    const std::string cookie = set.substr(0, set.find(';'));
    return {{"Cookie", cookie}, {"X-CSRF-Token", json::parse(r->body)["csrf_token"]}};
  }

  test::TestDatabase database_{"sqlite"};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Api> api_;
  std::ostringstream log_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(HttpTest, AMapGoesInAndComesOutWithItsHeaders) {
  const auto headers = login();
  auto c = client();
  auto created = c.Post("/api/maps", headers, example("peer-group.json"), "application/json");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string location = created->get_header_value("Location");
  auto got = c.Get(location.c_str(), headers);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(got->get_header_value("ETag"), "\"r1\"");
  EXPECT_EQ(got->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(got->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(json::parse(got->body), json::parse(example("peer-group.json")));
  auto svg = c.Get((location + "/map.svg?redact=true").c_str(), headers);
  ASSERT_TRUE(svg);
  EXPECT_EQ(svg->status, 200);
  EXPECT_EQ(svg->get_header_value("Content-Type"), "image/svg+xml");
  auto edit = headers;
  edit.emplace("If-Match", "\"r1\"");
  auto patched =
      c.Patch(location.c_str(), edit, R"([{"op":"replace","path":"/map/status","value":"closed"}])",
              "application/json-patch+json");
  ASSERT_TRUE(patched);
  EXPECT_EQ(patched->status, 200) << patched->body;
  EXPECT_EQ(patched->get_header_value("ETag"), "\"r2\"");
}

TEST_F(HttpTest, OversizedBodiesGet413AndUnknownRoutes404Or405) {
  const auto headers = login();
  auto c = client();
  auto big = c.Post("/api/maps", headers, std::string((1u << 20u) + 10, ' '), "application/json");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_NE(big->body.find("\"status\":413"), std::string::npos);
  // A form is a 415 whatever its size, although the library itself refuses forms over 8 KiB.
  auto form = c.Post("/api/maps", headers, "title=" + std::string(9000, 'a'),
                     "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 415);
  EXPECT_NE(form->body.find("\"status\":415"), std::string::npos);
  auto small_form = c.Post("/api/maps", headers, "title=a", "application/x-www-form-urlencoded");
  ASSERT_TRUE(small_form);
  EXPECT_EQ(small_form->status, 415);
  auto unknown = c.Get("/api/nope", headers);
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  auto wrong = c.Delete("/api/maps", headers);
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(wrong->get_header_value("Allow"), "GET, POST");
  EXPECT_TRUE(store_->maps_visible_to("exploitation", 0).value().empty());
}

TEST_F(HttpTest, TheAccessLogCarriesNoCaseContent) {
  const auto headers = login();
  auto c = client();
  auto created = c.Post("/api/maps", headers, example("peer-group.json"), "application/json");
  ASSERT_TRUE(created);
  const std::string location = created->get_header_value("Location");
  ASSERT_TRUE(c.Get((location + "/map.png?ecomap=p1&as_of=2026-06-01").c_str(), headers));
  ASSERT_TRUE(c.Get(location.c_str(), headers));
  auto bad = json::parse(example("peer-group.json"));
  bad["people"][0]["full_name"] = 12;
  ASSERT_TRUE(c.Post("/api/maps", headers, bad.dump(), "application/json"));
  ASSERT_TRUE(c.Post("/api/session", R"({"username":"alice","password":"Secret-Passw0rd!"})",
                     "application/json"));
  const std::string log = log_.str();
  EXPECT_NE(log.find("GET " + location + " 200"), std::string::npos) << log;
  EXPECT_NE(log.find("POST /api/maps 422"), std::string::npos) << log;
  for (const char* secret : {"Mia", "Kowalczyk", "Moorside", "Parkway", "p1", "2026-06-01",
                             "Secret-Passw0rd!", "correct horse", "alice", "OFFICIAL"}) {
    EXPECT_EQ(log.find(secret), std::string::npos) << secret << " in the log:\n" << log;
  }
}

TEST_F(HttpTest, TheClientAddressComesFromTheProxyOnlyWhenItIsTrusted) {
  const auto headers = login();
  auto c = client();
  auto created = c.Post("/api/maps", headers, example("peer-group.json"), "application/json");
  ASSERT_TRUE(created);
  const std::string location = created->get_header_value("Location");
  const std::string id = location.substr(location.rfind('/') + 1);
  auto spoofed = headers;
  spoofed.emplace("X-Forwarded-For", "203.0.113.9, 198.51.100.4");
  // Not trusted (the default): the header changes nothing.
  ASSERT_TRUE(c.Get(location.c_str(), spoofed));
  EXPECT_EQ(store_->audit_of_map(id).value().back().source, "127.0.0.1");
  // Behind a trusted proxy: the address the proxy added, the last one.
  ListenOptions behind;
  behind.port = 0;
  behind.threads = 4;
  behind.trust_forwarded_for = true;
  HttpServer proxied(*api_, behind, nullptr);
  const auto port = proxied.bind();
  ASSERT_TRUE(port);
  std::thread serving([&] { (void)proxied.run(); });
  httplib::Client via_proxy("127.0.0.1", port.value());
  auto r = via_proxy.Get(location.c_str(), spoofed);
  proxied.stop();
  serving.join();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(store_->audit_of_map(id).value().back().source, "198.51.100.4");
}

}  // namespace
}  // namespace peermap::server
