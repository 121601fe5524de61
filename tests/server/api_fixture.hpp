// The fixture of the in-process API tests (api_test.cpp, membership_test.cpp,
// input_test.cpp): a store on one backend (a SQLite file or a real PostgreSQL server), an Api
// with an injected clock, five accounts in two teams, and a Browser that keeps a session.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "auth/auth.hpp"
#include "server/api.hpp"
#include "store/store.hpp"
#include "support/test_store.hpp"

namespace peermap::server::test_api {

using json = nlohmann::json;

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::string example(const std::string& name) {
  return read_text(std::string(PEERMAP_SOURCE_DIR) + "/examples/" + name);
}

constexpr std::int64_t kStart = 1'795'000'000'000;  // 2026-11-18, unix ms
constexpr const char* kPassword = "correct horse battery";

//! A browser, as far as the API sees one: a cookie jar (the session and the device cookie), the
//! CSRF token and the address.
struct Browser {
  Api* api = nullptr;
  std::string cookie;
  std::string device;  // the device cookie's value, sent only to /api/session (its Path)
  std::string csrf;
  std::string remote = "192.0.2.10";

  Response send(const std::string& method, const std::string& path, const std::string& body = "",
                std::multimap<std::string, std::string> headers = {},
                std::multimap<std::string, std::string> query = {}) {
    Request r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.query = std::move(query);
    r.remote = remote;
    r.headers = std::move(headers);
    std::string cookies;
    if (!cookie.empty()) cookies = "peermap_session=" + cookie;
    if (!device.empty() && path == "/api/session") {
      cookies += (cookies.empty() ? "" : "; ") + ("peermap_device=" + device);
    }
    if (!cookies.empty()) r.headers.emplace("cookie", cookies);
    if (!csrf.empty() && r.headers.find("x-csrf-token") == r.headers.end()) {
      r.headers.emplace("x-csrf-token", csrf);
    }
    if (!body.empty() && r.headers.find("content-type") == r.headers.end()) {
      r.headers.emplace("content-type", "application/json");
    }
    return api->handle(r);
  }

  Response login(const std::string& username, const std::string& password = kPassword) {
    Response r =
        send("POST", "/api/session", json{{"username", username}, {"password", password}}.dump());
    if (r.status == 200) {
      for (const auto& [name, set] : r.headers) {
        if (name != "Set-Cookie") continue;
        const auto start = set.find('=') + 1;
        const std::string value = set.substr(start, set.find(';') - start);
        (set.rfind("peermap_device=", 0) == 0 ? device : cookie) = value;
      }
      csrf = json::parse(r.text())["csrf_token"];
    }
    return r;
  }
};

class ApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(auth::initialise());
    database_ = std::make_unique<test::TestDatabase>(GetParam());
    ASSERT_FALSE(database_->url().empty()) << database_->error();
    auto opened = store::open_store(database_->url());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(opened.value());
    ApiOptions options;
    options.now_ms = [this] { return now_; };
    options.max_body_bytes = 1u << 20u;
    api_ = std::make_unique<Api>(*store_, options);
    static const std::string hash = auth::hash_password(kPassword).value();
    for (const auto& [name, team, role] :
         std::vector<std::tuple<std::string, std::string, store::AccountRole>>{
             {"alice", "exploitation", store::AccountRole::practitioner},
             {"mary", "exploitation", store::AccountRole::manager},
             {"bob", "youth-justice", store::AccountRole::practitioner},
             {"carol", "youth-justice", store::AccountRole::practitioner},
             {"root", "exploitation", store::AccountRole::admin}}) {
      ASSERT_TRUE(store_->add_user({name, team, role, hash, now_ / 1000}));
    }
  }

  Browser browser(const std::string& user = "") {
    Browser b;
    b.api = api_.get();
    if (!user.empty()) {
      const auto r = b.login(user);
      EXPECT_EQ(r.status, 200) << r.text();
    }
    return b;
  }

  //! Alice creates the peer-group map; its id.
  std::string create_map(Browser& alice) {
    const auto r = alice.send("POST", "/api/maps", example("peer-group.json"));
    EXPECT_EQ(r.status, 201) << r.text();
    return json::parse(r.text())["id"];
  }

  std::vector<store::AuditEntry> audit_of(const std::string& id) {
    auto rows = store_->audit_of_map(id);
    EXPECT_TRUE(rows);
    return rows ? rows.value() : std::vector<store::AuditEntry>{};
  }

  void TearDown() override {
    api_.reset();
    store_.reset();
    database_.reset();
  }

  std::int64_t now_ = kStart;
  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Api> api_;
};

}  // namespace peermap::server::test_api
