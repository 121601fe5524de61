// The audit is complete (issue 13, item 4): every kind of bad request to every route of the
// route table is refused with an audit row whose status is the status sent, and every answer,
// refusal or not, carries the security headers. In-process on both backends; through a real
// socket for the refusals the HTTP library makes before any handler runs (414, 400 for a
// malformed request line or oversized headers, 413), on a real SQLite file.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <sys/time.h>

#include <set>
#include <thread>

#include "api_fixture.hpp"
#include "server/server.hpp"

namespace peermap::server {
namespace {

using test_api::Browser;
using test_api::json;

//! The headers every answer carries (responses.hpp, api_security_headers()).
const std::vector<std::string> kSecurityHeaders = {"Cache-Control", "X-Content-Type-Options",
                                                   "Referrer-Policy", "X-Frame-Options",
                                                   "Content-Security-Policy"};

class AuditTest : public test_api::ApiTest {
 protected:
  [[nodiscard]] std::size_t rows() const { return store_->audit_all(1'000'000).value().size(); }

  //! Sends one request and checks the answer: the security headers always; for a refusal, at
  //! least one new audit row, every one of them with the status sent.
  void check(Browser& b, const std::string& what, const std::string& method,
             const std::string& path, const std::string& body,
             std::multimap<std::string, std::string> headers,
             std::multimap<std::string, std::string> query = {}) {
    const std::size_t before = rows();
    const Response r = b.send(method, path, body, std::move(headers), std::move(query));
    const std::string request = what + ": " + method + " " + path + " -> " +
                                std::to_string(r.status) + " " + r.text().substr(0, 200);
    for (const auto& name : kSecurityHeaders) {
      EXPECT_FALSE(r.header(name).empty()) << request << ": no " << name;
    }
    statuses_.insert(r.status);
    if (r.status < 400) return;
    ++refusals_;
    const auto all = store_->audit_all(1'000'000).value();
    ASSERT_GT(all.size(), before) << request << ": not audited";
    for (std::size_t i = before; i < all.size(); ++i) {
      EXPECT_EQ(all[i].status, r.status) << request << ": recorded as " << all[i].status << " ("
                                         << all[i].action << ", " << all[i].outcome << ")";
    }
  }

  std::set<int> statuses_;
  int refusals_ = 0;
};

//! A path of `route` with its parameters filled in: the map `id`, revision 1, member bob.
std::string path_of(const Route& route, const std::string& id) {
  if (route.prefix) return route.pattern + "nothing-here.js";
  std::string path = route.pattern;
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"{id}", id}, {"{n}", "1"}, {"{username}", "bob"}}) {
    if (const auto at = path.find(name); at != std::string::npos)
      path.replace(at, name.size(), value);
  }
  return path;
}

// Every route of the table, and for each every kind of bad request it can get: not logged in,
// without the CSRF token, a method it does not take, the wrong content type, malformed JSON,
// an empty object, a body over the limit, a junk id, an unknown map, no If-Match, a stale
// If-Match, a bad revision number in the query.
TEST_P(AuditTest, EveryBadRequestToEveryRouteIsAuditedWithTheStatusSentAndItsHeaders) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  Browser anonymous = browser();
  Browser no_csrf = browser("alice");
  no_csrf.csrf = "wrong";
  const std::string big(api_->options().max_body_bytes + 1, ' ');
  const std::string unknown_map(32, 'a');
  std::set<std::pair<std::string, std::string>> seen;
  for (const Route& route : api_->router().routes()) {
    const std::string path = path_of(route, id);
    const std::string& m = route.method;
    const bool changes = m != "GET" && m != "HEAD";
    const std::multimap<std::string, std::string> json_type = {{"content-type", "application/json"},
                                                               {"if-match", "\"r1\""}};
    check(anonymous, "not logged in", m, path, changes ? "{}" : "", json_type);
    if (changes) {
      check(no_csrf, "no CSRF token", m, path, "{}", json_type);
      check(alice, "wrong type", m, path, "{}",
            {{"content-type", "text/plain"}, {"if-match", "\"r1\""}});
      check(alice, "form", m, path, "a=b",
            {{"content-type", "application/x-www-form-urlencoded"}, {"if-match", "\"r1\""}});
      check(alice, "malformed JSON", m, path, "{\"title\":", json_type);
      check(alice, "oversized", m, path, big, json_type);
      if (path != "/api/session") check(alice, "empty object", m, path, "{}", json_type);
      check(alice, "no If-Match", m, path, "{}", {{"content-type", "application/json"}});
      check(alice, "stale If-Match", m, path, "{}",
            {{"content-type", "application/json"}, {"if-match", "\"r99\""}});
    } else {
      check(alice, "bad revision", m, path, "", {}, {{"revision", "abc"}, {"n", "-1"}});
    }
    if (route.pattern.find("{id}") != std::string::npos) {
      for (const auto& [kind, other] :
           {std::pair{"junk id", std::string(5000, 'x')}, std::pair{"unknown map", unknown_map}}) {
        std::string elsewhere = route.pattern;
        elsewhere.replace(elsewhere.find("{id}"), 4, other);
        Route copy = route;
        copy.pattern = elsewhere;
        check(alice, kind, m, path_of(copy, id), changes ? "{}" : "", json_type);
      }
    }
    // The methods this path does not take.
    if (seen.emplace(route.pattern, "").second) {
      std::set<std::string> taken;
      for (const Route& other : api_->router().routes()) {
        if (other.pattern == route.pattern) taken.insert(other.method);
      }
      for (const std::string other : {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
        if (taken.count(other) == 0) check(alice, "wrong method", other, path, "", {});
      }
    }
    // Logging out (DELETE /api/session with the token) ends alice's session: a new one.
    if (alice.send("GET", "/api/session").status != 200) alice = browser("alice");
  }
  check(alice, "no route", "GET", "/api/nothing", "", {});
  check(anonymous, "no route", "GET", "/assets/../api/maps", "", {});
  // The kinds of refusal the requests above met, among them the finding's: unauthenticated
  // GET /api/maps, a wrong type on POST /api/maps, malformed logins, nameless members.
  for (const int status : {400, 401, 403, 404, 405, 412, 413, 415, 422, 428}) {
    EXPECT_EQ(statuses_.count(status), 1u) << "no request was answered " << status;
  }
  EXPECT_GT(refusals_, 200);
}

// The finding: twelve malformed-JSON PUTs were answered 400 and recorded as 422.
TEST_P(AuditTest, AMalformedDocumentIsRecordedAsTheFourHundredItWasAnswered) {
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  for (int i = 0; i < 12; ++i) {
    const auto r = alice.send("PUT", "/api/maps/" + id, "{\"schema\": ", {{"if-match", "\"r1\""}});
    ASSERT_EQ(r.status, 400) << r.text();
  }
  const auto created = alice.send("POST", "/api/maps", "[1, 2");
  ASSERT_EQ(created.status, 400);
  const auto trail = audit_of(id);
  ASSERT_GE(trail.size(), 12u);
  for (std::size_t i = trail.size() - 12; i < trail.size(); ++i) {
    EXPECT_EQ(trail[i].status, 400);
    EXPECT_EQ(trail[i].outcome, "malformed");
  }
  const auto all = store_->audit_all(1000).value();
  EXPECT_EQ(all.back().action, "map.create");
  EXPECT_EQ(all.back().status, 400);
}

// The gaps the security test found, one by one: each now has its row.
TEST_P(AuditTest, TheGapsTheSecurityTestFoundAreAudited) {
  Browser anonymous = browser();
  ASSERT_EQ(anonymous.send("GET", "/api/maps").status, 401);
  auto last = store_->audit_all(1000).value().back();
  EXPECT_EQ(last.action, "map.list");
  EXPECT_EQ(last.outcome, "unauthenticated");
  EXPECT_EQ(last.status, 401);
  ASSERT_EQ(anonymous.send("POST", "/api/session", "{\"username\":").status, 400);
  last = store_->audit_all(1000).value().back();
  EXPECT_EQ(last.action, "session.login");
  EXPECT_EQ(last.status, 400);
  ASSERT_EQ(anonymous.send("POST", "/api/session", R"({"password":"x"})").status, 422);
  EXPECT_EQ(store_->audit_all(1000).value().back().status, 422);
  Browser alice = browser("alice");
  ASSERT_EQ(alice.send("POST", "/api/maps", "{}", {{"content-type", "text/csv"}}).status, 415);
  EXPECT_EQ(store_->audit_all(1000).value().back().status, 415);
  const std::string id = create_map(alice);
  ASSERT_EQ(alice.send("POST", "/api/maps/" + id + "/members", "{}").status, 422);
  last = audit_of(id).back();
  EXPECT_EQ(last.action, "map.members.add");
  EXPECT_EQ(last.status, 422);
  EXPECT_EQ(last.username, "alice");
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

// --- through a socket: the HTTP library's own refusals -------------------------------------

struct RawAnswer {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
};

//! Sends `bytes` on a new connection to 127.0.0.1:`port` and reads one answer (up to its
//! Content-Length; the connection is not half-closed, which the library would take for a
//! client gone away).
RawAnswer send_raw(int port, const std::string& bytes) {
  RawAnswer answer;
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{};
  timeout.tv_sec = 20;
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return answer;
  }
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may refuse before it has read it all
    sent += static_cast<std::size_t>(n);
  }
  std::string text;
  char buffer[4096];
  for (ssize_t n = 0; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) {
    text.append(buffer, static_cast<std::size_t>(n));
    const auto head = text.find("\r\n\r\n");
    if (head == std::string::npos) continue;
    std::string lower = text.substr(0, head);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto length = lower.find("content-length: ");
    const std::size_t body =
        length == std::string::npos ? 0 : std::stoul(lower.substr(length + 16));
    if (text.size() >= head + 4 + body) break;
  }
  ::close(fd);
  const auto end = text.find("\r\n\r\n");
  if (text.rfind("HTTP/1.1 ", 0) != 0 || end == std::string::npos) return answer;
  answer.status = std::stoi(text.substr(9, 3));
  std::size_t line = text.find("\r\n") + 2;
  while (line < end) {
    const auto next = text.find("\r\n", line);
    const std::string header = text.substr(line, next - line);
    const auto colon = header.find(':');
    std::string name = header.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    answer.headers[name] = header.substr(header.find_first_not_of(' ', colon + 1));
    line = next + 2;
  }
  answer.body = text.substr(end + 4);
  return answer;
}

class LibraryRefusalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(auth::initialise());
    ASSERT_FALSE(database_.url().empty()) << database_.error();
    auto opened = store::open_store(database_.url());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(opened.value());
    ApiOptions options;
    options.max_body_bytes = 1u << 20u;
    api_ = std::make_unique<Api>(*store_, options);
    ListenOptions listen;
    listen.port = 0;
    listen.threads = 4;
    server_ = std::make_unique<HttpServer>(*api_, listen, nullptr);
    auto port = server_->bind();
    ASSERT_TRUE(port) << port.error().message;
    port_ = port.value();
    thread_ = std::thread([this] { (void)server_->run(); });
  }
  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  test::TestDatabase database_{"sqlite"};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(LibraryRefusalTest, TheLibrarysOwnRefusalsAreAuditedAndCarryTheSecurityHeaders) {
  const std::string over = std::to_string((1u << 20u) + 1);
  struct Case {
    std::string what;
    std::string bytes;
    int status;
  };
  const std::vector<Case> cases = {
      {"a request line over 8 KiB",
       "GET /api/maps/" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: t\r\n\r\n", 414},
      {"a header over 8 KiB",
       "GET /api/maps HTTP/1.1\r\nHost: t\r\nX-Filler: " + std::string(9000, 'a') + "\r\n\r\n",
       400},
      {"a malformed request line", "NOT A REQUEST\r\n\r\n", 400},
      {"a method no route takes", "TRACE /api/maps HTTP/1.1\r\nHost: t\r\n\r\n", 400},
      {"a body over the limit",
       "POST /api/maps HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: " +
           over + "\r\n\r\n{}",
       413},
      {"a form over 8 KiB",
       "POST /api/maps HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n"
       "Content-Length: 9000\r\n\r\n" +
           std::string(9000, 'a'),
       415},
      {"our own 404", "GET /api/nothing HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", 404},
      {"our own 401", "GET /api/maps HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", 401},
  };
  for (const auto& c : cases) {
    const std::size_t before = store_->audit_all(1000).value().size();
    const RawAnswer answer = send_raw(port_, c.bytes);
    EXPECT_EQ(answer.status, c.status) << c.what << ": " << answer.body;
    for (const auto& name : kSecurityHeaders) {
      std::string lower = name;
      for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      EXPECT_EQ(answer.headers.count(lower), 1u) << c.what << ": no " << name;
    }
    const json body = json::parse(answer.body, nullptr, false);
    EXPECT_TRUE(body.is_object() && body.value("status", 0) == c.status) << c.what << answer.body;
    const auto rows = store_->audit_all(1000).value();
    ASSERT_EQ(rows.size(), before + 1) << c.what << ": one row";
    EXPECT_EQ(rows.back().status, c.status) << c.what;
    EXPECT_FALSE(rows.back().outcome.empty()) << c.what;
    // The library has read the peer's address once it has read the headers.
    if (c.status == 413 || c.status == 415 || c.what.rfind("our own", 0) == 0 ||
        c.what.rfind("a method", 0) == 0) {
      EXPECT_EQ(rows.back().source, "127.0.0.1") << c.what;
    }
  }
}

}  // namespace
}  // namespace peermap::server
