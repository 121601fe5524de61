// The editor's views of a map through the API, on both backends: a stable map (issue 9, item
// 6: an edited map is laid out from its previous positions; a full re-layout only on request),
// the analysis route (item 3), and drawings sent compressed.
#include <gtest/gtest.h>

#include <zlib.h>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "auth/auth.hpp"
#include "server/api.hpp"
#include "server/compression.hpp"
#include "server/map_layouts.hpp"
#include "store/store.hpp"
#include "support/test_store.hpp"

namespace peermap::server {
namespace {

using json = nlohmann::json;

constexpr std::int64_t kNow = 1'796'083'200'000;  // 2026-12-01, unix ms
constexpr const char* kPassword = "correct horse battery";

std::string example(const std::string& name) {
  std::ifstream in(std::string(PEERMAP_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

//! examples/thematic.json (151 people) grown to `people` with children of Ashcombe Academy Year
//! 10 (g1), each tied to an existing peer and to the child added before them.
json grown_thematic_map(std::size_t people) {
  json d = json::parse(example("thematic.json"));
  const std::vector<std::string> first = {"Aaliyah", "Bartosz", "Callum", "Demi", "Eshan",
                                          "Farah",   "Gideon",  "Hollie", "Idris"};
  const std::vector<std::string> last = {"Abbott",  "Bakare",     "Cartwright", "Dobrowolski",
                                         "Ellison", "Fairclough", "Gallagher"};
  std::vector<std::string> peers;
  for (const auto& p : d["people"]) {
    if (p.value("role", "") == "peer") peers.push_back(p["id"]);
  }
  std::size_t k = 0;
  std::string before;
  while (d["people"].size() < people) {
    const std::string id = "px" + std::to_string(k);
    d["people"].push_back({{"id", id},
                           {"full_name", first[k % first.size()] + " " + last[k / first.size()]},
                           {"date_of_birth", "2011-05-0" + std::to_string(1 + k % 9)},
                           {"role", "peer"}});
    d["ties"].push_back({{"id", "tx" + std::to_string(k) + "g"},
                         {"kind", "member-of"},
                         {"from", id},
                         {"to", "g1"}});
    d["ties"].push_back({{"id", "tx" + std::to_string(k) + "a"},
                         {"kind", "relationship"},
                         {"from", id},
                         {"to", peers[(k * 7) % peers.size()]},
                         {"strength", 1 + static_cast<int>(k % 3)}});
    if (!before.empty()) {
      d["ties"].push_back({{"id", "tx" + std::to_string(k) + "b"},
                           {"kind", "relationship"},
                           {"from", id},
                           {"to", before},
                           {"strength", 2}});
    }
    before = id;
    ++k;
  }
  return d;
}

class MapViewsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(auth::initialise());
    database_ = std::make_unique<test::TestDatabase>(GetParam());
    ASSERT_FALSE(database_->url().empty()) << database_->error();
    auto opened = store::open_store(database_->url());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(opened.value());
    api_ = new_process();
    static const std::string hash = auth::hash_password(kPassword).value();
    ASSERT_TRUE(store_->add_user(
        {"alice", "exploitation", store::AccountRole::practitioner, hash, kNow / 1000}));
    ASSERT_TRUE(
        store_->add_user({"bob", "youth", store::AccountRole::practitioner, hash, kNow / 1000}));
  }

  //! Another server process on the same database: nothing laid out yet.
  std::unique_ptr<Api> new_process() {
    ApiOptions options;
    options.now_ms = [] { return kNow; };
    options.max_body_bytes = 4u << 20u;
    return std::make_unique<Api>(*store_, options);
  }

  //! Logs `user` in on `api`: the cookie and CSRF headers to send.
  std::multimap<std::string, std::string> login(Api& api, const std::string& user) {
    const Response r = send(api, {}, "POST", "/api/session",
                            json{{"username", user}, {"password", kPassword}}.dump());
    EXPECT_EQ(r.status, 200) << r.text();
    const std::string set = r.header("Set-Cookie");
    const auto start = set.find('=') + 1;
    return {{"cookie", "peermap_session=" + set.substr(start, set.find(';') - start)},
            {"x-csrf-token", json::parse(r.text())["csrf_token"]}};
  }

  static Response send(Api& api, std::multimap<std::string, std::string> headers,
                       const std::string& method, const std::string& path,
                       const std::string& body = "") {
    Request r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.remote = "192.0.2.10";
    r.headers = std::move(headers);
    if (!body.empty() && r.headers.find("content-type") == r.headers.end()) {
      r.headers.emplace("content-type", "application/json");
    }
    return api.handle(r);
  }

  std::string create(Api& api, const std::multimap<std::string, std::string>& who,
                     const json& document) {
    const Response r = send(api, who, "POST", "/api/maps", document.dump());
    EXPECT_EQ(r.status, 201) << r.text().substr(0, 2000);
    return r.status == 201 ? json::parse(r.text())["id"].get<std::string>() : std::string();
  }

  Response patch(Api& api, std::multimap<std::string, std::string> who, const std::string& id,
                 std::int64_t head, const json& operations) {
    who.emplace("if-match", "\"r" + std::to_string(head) + "\"");
    who.emplace("content-type", "application/json-patch+json");
    return send(api, who, "PATCH", "/api/maps/" + id, operations.dump());
  }

  void TearDown() override {
    api_.reset();
    store_.reset();
    database_.reset();
  }

  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Api> api_;
};

std::map<std::string, std::pair<double, double>> centres(const json& layout) {
  std::map<std::string, std::pair<double, double>> out;
  for (const auto& n : layout["nodes"]) out[n["id"]] = {n["x"], n["y"]};
  return out;
}

struct Movement {
  double median = 0;
  double max = 0;
  std::size_t people = 0;
};

//! How far the people of `before` moved in `after`, as fractions of before's diagonal.
Movement movement(const json& before, const json& after) {
  const auto was = centres(before);
  std::vector<double> moved;
  for (const auto& [id, p] : centres(after)) {
    const auto it = was.find(id);
    if (it != was.end()) {
      moved.push_back(std::hypot(p.first - it->second.first, p.second - it->second.second));
    }
  }
  if (moved.empty()) return {};
  std::sort(moved.begin(), moved.end());
  const double diagonal = std::hypot(before["width"].get<double>(), before["height"].get<double>());
  return {moved[moved.size() / 2] / diagonal, moved.back() / diagonal, moved.size()};
}

//! One more peer, Ellie-Mae Fairbrother, with one friendship tie to Hana Abdi (p6).
const json kOnePersonOneTie = json::array(
    {{{"op", "add"},
      {"path", "/people/-"},
      {"value", {{"id", "pnew"}, {"full_name", "Ellie-Mae Fairbrother"}, {"role", "peer"}}}},
     {{"op", "add"},
      {"path", "/ties/-"},
      {"value",
       {{"id", "tnew"},
        {"kind", "relationship"},
        {"from", "pnew"},
        {"to", "p6"},
        {"nature", "friend"},
        {"strength", 2}}}}});

TEST_P(MapViewsTest, AddingOnePersonWithOneTieToA200PersonMapBarelyMovesTheOthers) {
  auto alice = login(*api_, "alice");
  const std::string id = create(*api_, alice, grown_thematic_map(200));
  ASSERT_FALSE(id.empty());
  const Response first = send(*api_, alice, "GET", "/api/maps/" + id + "/layout");
  ASSERT_EQ(first.status, 200) << first.text();
  const json before = json::parse(first.text());
  ASSERT_EQ(before["nodes"].size(), 200u);
  EXPECT_TRUE(before["laid_out_from"].is_null());  // the first drawing: a full layout

  ASSERT_EQ(patch(*api_, alice, id, 1, kOnePersonOneTie).status, 200);
  const Response second = send(*api_, alice, "GET", "/api/maps/" + id + "/layout");
  ASSERT_EQ(second.status, 200);
  const json after = json::parse(second.text());
  EXPECT_EQ(after["laid_out_from"], 1);
  ASSERT_EQ(after["nodes"].size(), 201u);
  const Movement m = movement(before, after);
  EXPECT_EQ(m.people, 200u);
  EXPECT_LE(m.median, 0.01) << "median move " << 100 * m.median << "% of the diagonal";
  EXPECT_LE(m.max, 0.05) << "largest move " << 100 * m.max << "% of the diagonal";
  std::cout << "median move " << 100 * m.median << "% of the diagonal, largest " << 100 * m.max
            << "%\n";

  // After a restart (a fresh process, nothing in memory) revision 2 is drawn as it was kept,
  // not laid out afresh: the room's picture survives the server.
  auto later = new_process();
  auto alice_later = login(*later, "alice");
  const Response restarted = send(*later, alice_later, "GET", "/api/maps/" + id + "/layout");
  ASSERT_EQ(restarted.status, 200);
  const json again = json::parse(restarted.text());
  EXPECT_EQ(again["laid_out_from"], 1);
  EXPECT_EQ(again["nodes"], after["nodes"]);
  EXPECT_EQ(again["regions"], after["regions"]);
}

TEST_P(MapViewsTest, EveryProcessDrawsARevisionAsTheFirstToLayItOutKeptIt) {
  auto alice = login(*api_, "alice");
  const std::string id = create(*api_, alice, json::parse(example("peer-group.json")));
  const std::string svg = "/api/maps/" + id + "/map.svg";
  ASSERT_EQ(send(*api_, alice, "GET", svg).status, 200);
  ASSERT_EQ(patch(*api_, alice, id, 1, kOnePersonOneTie).status, 200);
  const Response here = send(*api_, alice, "GET", svg);
  ASSERT_EQ(here.status, 200);
  // A second process that never drew revision 1 (the other server behind the proxy) draws
  // revision 2 with the layout the first one kept, byte for byte. Without it, it would lay
  // revision 2 out in full: another picture of the same revision.
  auto other = new_process();
  auto alice_there = login(*other, "alice");
  const Response there = send(*other, alice_there, "GET", svg);
  ASSERT_EQ(there.status, 200);
  EXPECT_EQ(here.text(), there.text());
  auto kept2 = store_->kept_layout(id, 2, MapLayouts::view_key({}), false);
  ASSERT_TRUE(kept2) << kept2.error().message;
  EXPECT_EQ(kept2->basis, 1);
  // An edit the layout does not read, drawn first by the second process: kept as a reference
  // to revision 2's layout, not a copy, and drawn the same by the first.
  ASSERT_EQ(patch(*other, alice_there, id, 2,
                  json::array({{{"op", "replace"}, {"path", "/map/purpose"}, {"value", "New"}}}))
                .status,
            200);
  const Response r3_there = send(*other, alice_there, "GET", svg);
  ASSERT_EQ(r3_there.status, 200);
  auto kept3 = store_->kept_layout(id, 3, MapLayouts::view_key({}), false);
  ASSERT_TRUE(kept3) << kept3.error().message;
  EXPECT_EQ(kept3->geometry, "=2");
  EXPECT_EQ(kept3->basis, 2);
  const Response r3_here = send(*api_, alice, "GET", svg);
  ASSERT_EQ(r3_here.status, 200);
  EXPECT_EQ(r3_here.text(), r3_there.text());
  const json layout = json::parse(send(*api_, alice, "GET", "/api/maps/" + id + "/layout").text());
  EXPECT_EQ(layout["laid_out_from"], 2);
}

TEST_P(MapViewsTest, TheDrawingAndTheHitAreasComeFromOneLayoutAndTheSameBasisGivesTheSameBytes) {
  auto alice = login(*api_, "alice");
  const std::string id = create(*api_, alice, json::parse(example("peer-group.json")));
  const std::string svg = "/api/maps/" + id + "/map.svg";
  ASSERT_EQ(send(*api_, alice, "GET", svg).status, 200);
  ASSERT_EQ(patch(*api_, alice, id, 1, kOnePersonOneTie).status, 200);
  const Response here = send(*api_, alice, "GET", svg);
  ASSERT_EQ(here.status, 200);
  // Another process that draws revision 1 first, as this one did, draws revision 2 the same.
  auto other = new_process();
  Request old;
  old.method = "GET";
  old.path = svg;
  old.query = {{"revision", "1"}};
  old.remote = "192.0.2.10";
  old.headers = login(*other, "alice");
  ASSERT_EQ(other->handle(old).status, 200);  // revision 1, laid out in full
  const Response there = send(*other, old.headers, "GET", svg);
  ASSERT_EQ(there.status, 200);
  EXPECT_EQ(here.text(), there.text());  // revision 2 after revision 1: the same bytes
  const json layout = json::parse(send(*api_, alice, "GET", "/api/maps/" + id + "/layout").text());
  EXPECT_EQ(layout["laid_out_from"], 1);
  EXPECT_TRUE(layout["warnings"].is_array());
}

TEST_P(MapViewsTest, AnEditTheLayoutDoesNotReadKeepsEveryoneExactlyWhereTheyWere) {
  auto alice = login(*api_, "alice");
  const std::string id = create(*api_, alice, json::parse(example("peer-group.json")));
  const json before = json::parse(send(*api_, alice, "GET", "/api/maps/" + id + "/layout").text());
  ASSERT_EQ(patch(*api_, alice, id, 1,
                  json::array({{{"op", "replace"}, {"path", "/map/purpose"}, {"value", "New"}}}))
                .status,
            200);
  const json after = json::parse(send(*api_, alice, "GET", "/api/maps/" + id + "/layout").text());
  EXPECT_EQ(after["laid_out_from"], 1);
  EXPECT_EQ(after["nodes"], before["nodes"]);
  EXPECT_EQ(after["regions"], before["regions"]);
  // A person's notes are not drawn by the layout either; their name is.
  ASSERT_EQ(patch(*api_, alice, id, 2,
                  json::array({{{"op", "add"}, {"path", "/people/4/notes"}, {"value", "Seen"}}}))
                .status,
            200);
  const json notes = json::parse(send(*api_, alice, "GET", "/api/maps/" + id + "/layout").text());
  EXPECT_EQ(notes["nodes"], before["nodes"]);
  ASSERT_EQ(patch(*api_, alice, id, 3,
                  json::array({{{"op", "replace"},
                                {"path", "/people/4/full_name"},
                                {"value", "Bożena-Żaneta Grażyna Wright-Brzęczyszczykiewicz"}}}))
                .status,
            200);
  const json renamed = json::parse(send(*api_, alice, "GET", "/api/maps/" + id + "/layout").text());
  EXPECT_EQ(renamed["laid_out_from"], 3);
  EXPECT_NE(renamed["nodes"], before["nodes"]);  // the label grew: laid out again, from r3
}

TEST_P(MapViewsTest, TidyingTheWholeMapIsARevisionLaidOutAfresh) {
  auto alice = login(*api_, "alice");
  const std::string id = create(*api_, alice, json::parse(example("peer-group.json")));
  const json first = json::parse(send(*api_, alice, "GET", "/api/maps/" + id + "/layout").text());
  // A pin far from where the layout put her: with stable layout everyone else stays.
  const std::string pinned = first["nodes"][3]["id"];
  ASSERT_EQ(patch(*api_, alice, id, 1,
                  json::array({{{"op", "add"},
                                {"path", "/pins"},
                                {"value",
                                 json::array({{{"ref", pinned}, {"x", -400.0}, {"y", -300.0}}})}}}))
                .status,
            200);
  const json pinned_layout =
      json::parse(send(*api_, alice, "GET", "/api/maps/" + id + "/layout").text());
  EXPECT_EQ(pinned_layout["laid_out_from"], 1);
  for (const auto& n : pinned_layout["nodes"]) {
    if (n["id"] == pinned) {
      EXPECT_EQ(n["x"], -400.0);
      EXPECT_EQ(n["y"], -300.0);
      EXPECT_TRUE(n["pinned"].get<bool>());
    }
  }

  auto stale = alice;
  stale.emplace("if-match", "\"r1\"");
  EXPECT_EQ(send(*api_, stale, "POST", "/api/maps/" + id + "/relayout").status, 412);
  auto bob = login(*api_, "bob");
  bob.emplace("if-match", "\"r2\"");
  EXPECT_EQ(send(*api_, bob, "POST", "/api/maps/" + id + "/relayout").status, 404);
  EXPECT_EQ(send(*api_, alice, "POST", "/api/maps/" + id + "/relayout").status, 428);

  auto current = alice;
  current.emplace("if-match", "\"r2\"");
  const Response tidied = send(*api_, current, "POST", "/api/maps/" + id + "/relayout");
  ASSERT_EQ(tidied.status, 200) << tidied.text();
  EXPECT_EQ(json::parse(tidied.text())["revision"], 3);
  EXPECT_EQ(tidied.header("ETag"), "\"r3\"");
  const json revisions =
      json::parse(send(*api_, alice, "GET", "/api/maps/" + id + "/revisions").text());
  EXPECT_EQ(revisions["revisions"][2]["summary"], "the whole map tidied (a full re-layout)");
  EXPECT_EQ(send(*api_, alice, "GET", "/api/maps/" + id).text(),
            send(*api_, alice, "GET", "/api/maps/" + id + "/revisions/2").text());
  const json tidy = json::parse(send(*api_, alice, "GET", "/api/maps/" + id + "/layout").text());
  EXPECT_TRUE(tidy["laid_out_from"].is_null());  // laid out afresh, the pin still honoured
  for (const auto& n : tidy["nodes"]) {
    if (n["id"] == pinned) {
      EXPECT_EQ(n["x"], -400.0);
    }
  }
  const auto rows = store_->audit_of_map(id).value();
  EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [](const store::AuditEntry& e) {
    return e.action == "map.relayout" && e.outcome == "ok" && e.revision == 3;
  }));
}

TEST_P(MapViewsTest, TheAnalysisNamesThePeopleOfEachFindingAndIsAReadLikeAnyOther) {
  auto alice = login(*api_, "alice");
  const std::string id = create(*api_, alice, json::parse(example("peer-group.json")));
  const Response r = send(*api_, alice, "GET", "/api/maps/" + id + "/analysis");
  ASSERT_EQ(r.status, 200) << r.text();
  const json body = json::parse(r.text());
  EXPECT_EQ(body["id"], id);
  EXPECT_EQ(body["revision"], 1);
  EXPECT_EQ(body["nodes"].size(), json::parse(example("peer-group.json"))["people"].size());
  ASSERT_FALSE(body["findings"].empty());
  bool exposure = false;
  for (const auto& f : body["findings"]) {
    EXPECT_FALSE(f["text"].get<std::string>().empty());
    EXPECT_FALSE(f["ids"].empty());
    // docs/analysis.md: "Ethan Oduya is within two steps of 3 adults who exploit or control..."
    if (f["kind"] == "exposure" && f["text"].get<std::string>().rfind("Ethan Oduya", 0) == 0) {
      exposure = true;
      EXPECT_EQ(f["ids"][0], "p2");
    }
  }
  EXPECT_TRUE(exposure);
  EXPECT_EQ(r.header("ETag"), "\"r1\"");

  // Another team's user gets the 404 of a map that does not exist; both reads are audited.
  auto bob = login(*api_, "bob");
  EXPECT_EQ(send(*api_, bob, "GET", "/api/maps/" + id + "/analysis").status, 404);
  EXPECT_EQ(send(*api_, alice, "GET", "/api/maps/" + id + "/analysis").status, 200);
  const auto rows = store_->audit_of_map(id).value();
  const auto count = [&](const std::string& outcome) {
    return std::count_if(rows.begin(), rows.end(), [&](const store::AuditEntry& e) {
      return e.action == "map.analysis" && e.outcome == outcome;
    });
  };
  EXPECT_EQ(count("ok"), 2);
  EXPECT_EQ(count("refused"), 1);

  // The same numbers as `peermap analyze --json` would print: an edit shows in the next one.
  ASSERT_EQ(patch(*api_, alice, id, 1, kOnePersonOneTie).status, 200);
  const json next = json::parse(send(*api_, alice, "GET", "/api/maps/" + id + "/analysis").text());
  EXPECT_EQ(next["revision"], 2);
  EXPECT_EQ(next["nodes"].size(), body["nodes"].size() + 1);
}

std::string gunzip(const std::string& bytes) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string out;
  char buffer[65536];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  EXPECT_EQ(status, Z_STREAM_END);
  inflateEnd(&stream);
  return out;
}

TEST_P(MapViewsTest, TheDrawingGoesCompressedToAClientThatAcceptsGzipAndPlainToOthers) {
  auto alice = login(*api_, "alice");
  const std::string id = create(*api_, alice, json::parse(example("peer-group.json")));
  const std::string svg = "/api/maps/" + id + "/map.svg";
  const Response plain = send(*api_, alice, "GET", svg);
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(plain.header("Content-Encoding"), "");
  EXPECT_EQ(plain.header("Vary"), "Accept-Encoding");
  auto gzip_ok = alice;
  gzip_ok.emplace("accept-encoding", "br;q=1.0, gzip;q=0.8, *;q=0.1");
  const Response packed = send(*api_, gzip_ok, "GET", svg);
  EXPECT_EQ(packed.header("Content-Encoding"), "gzip");
  EXPECT_EQ(packed.header("Vary"), "Accept-Encoding");
  EXPECT_LT(packed.text().size() * 3, plain.text().size());
  EXPECT_EQ(gunzip(packed.text()), plain.text());
  auto refused = alice;
  refused.emplace("accept-encoding", "gzip;q=0, identity");
  EXPECT_EQ(send(*api_, refused, "GET", svg).header("Content-Encoding"), "");
  const Response layout = send(*api_, gzip_ok, "GET", "/api/maps/" + id + "/layout");
  EXPECT_EQ(layout.header("Content-Encoding"), "gzip");
  EXPECT_EQ(json::parse(gunzip(layout.text()))["nodes"].size(), 25u);
}

TEST_P(MapViewsTest, TheWorkspacesDrawingHasItsWordsAsTextAndTheFilesKeepOutlines) {
  auto alice = login(*api_, "alice");
  const std::string id = create(*api_, alice, json::parse(example("peer-group.json")));
  const std::string svg = "/api/maps/" + id + "/map.svg";
  const auto with_query = [&](const std::string& path, const std::string& labels) {
    Request r;
    r.method = "GET";
    r.path = path;
    r.query = {{"labels", labels}};
    r.remote = "192.0.2.10";
    r.headers = alice;
    return api_->handle(r);
  };
  const Response outlines = send(*api_, alice, "GET", svg);
  const Response text = with_query(svg, "text");
  ASSERT_EQ(outlines.status, 200);
  ASSERT_EQ(text.status, 200);
  EXPECT_EQ(outlines.text().find("<text"), std::string::npos);
  EXPECT_NE(text.text().find(">Mia Kowalczyk</text>"), std::string::npos);
  EXPECT_LT(text.text().size(), outlines.text().size());
  EXPECT_EQ(with_query(svg, "outlines").text(), outlines.text());
  // The same drawing otherwise: the same shapes, path for path, outside the glyph definitions.
  const auto shapes = [](const std::string& drawing) {
    std::vector<std::string> out;
    const std::size_t defs_end = drawing.find("</defs>");
    for (std::size_t at = drawing.find("<path ", defs_end == std::string::npos ? 0 : defs_end);
         at != std::string::npos; at = drawing.find("<path ", at + 1)) {
      out.push_back(drawing.substr(at, drawing.find('>', at) - at));
    }
    return out;
  };
  // Path for path, number for number within 1/100 pt: cairo keeps paths to 1/256 pt, and the
  // two modes' text heights may differ in the last bits of a double, which can tip a rounding.
  const auto same_shape = [](const std::string& a, const std::string& b) {
    std::istringstream x(a);
    std::istringstream y(b);
    std::string s;
    std::string t;
    while (x >> s) {
      if (!(y >> t)) return false;
      if (s == t) continue;
      char* end_s = nullptr;
      char* end_t = nullptr;
      const double u = std::strtod(s.c_str(), &end_s);
      const double v = std::strtod(t.c_str(), &end_t);
      if (*end_s != '\0' || *end_t != '\0' || std::abs(u - v) > 0.01) return false;
    }
    return !(y >> t);
  };
  const auto drawn = shapes(outlines.text());
  const auto with_text = shapes(text.text());
  EXPECT_GT(drawn.size(), 50u);
  ASSERT_EQ(with_text.size(), drawn.size());
  for (std::size_t k = 0; k < drawn.size(); ++k) {
    EXPECT_TRUE(same_shape(with_text[k], drawn[k])) << with_text[k] << "\n" << drawn[k];
  }
  // Anything else names the parameter, and only map.svg takes it.
  const Response wrong = with_query(svg, "html");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.text().find("labels"), std::string::npos);
  const Response png = with_query("/api/maps/" + id + "/map.png", "text");
  EXPECT_EQ(png.status, 422);
  EXPECT_NE(png.text().find("only map.svg takes labels"), std::string::npos);
}

TEST_P(MapViewsTest, AScreenfulIsTheAreaAskedForAtItsWidthAndAWrongOneNamesItsParameter) {
  auto alice = login(*api_, "alice");
  const std::string id = create(*api_, alice, json::parse(example("peer-group.json")));
  const std::string png = "/api/maps/" + id + "/map.png";
  const auto ask = [&](const std::string& path,
                       const std::multimap<std::string, std::string>& query) {
    Request r;
    r.method = "GET";
    r.path = path;
    r.query = query;
    r.remote = "192.0.2.10";
    r.headers = alice;
    return api_->handle(r);
  };
  const auto png_size = [](const std::string& bytes) {
    const auto word = [&](std::size_t at) {
      std::uint32_t v = 0;
      for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
      return v;
    };
    return std::pair{word(16), word(20)};
  };
  const std::size_t rows_before = store_->audit_all(100000).value().size();
  const Response shot = ask(png, {{"area", "100,80,400.5,300"}, {"width", "801"}});
  ASSERT_EQ(shot.status, 200) << shot.text();
  EXPECT_EQ(shot.content_type, "image/png");
  EXPECT_EQ(shot.text().substr(1, 3), "PNG");
  EXPECT_EQ(png_size(shot.text()), (std::pair<std::uint32_t, std::uint32_t>{801, 600}));
  // Each is a read like any other, audited; a screenful is not the whole page.
  const auto rows = store_->audit_all(100000).value();
  ASSERT_EQ(rows.size(), rows_before + 1);
  EXPECT_EQ(rows.back().action, "map.render");
  EXPECT_EQ(rows.back().outcome, "ok");
  EXPECT_NE(ask(png, {{"area", "0,0,400.5,300"}, {"width", "801"}}).text(), shot.text());
  EXPECT_EQ(ask(png, {{"area", "100,80,400.5,300"}, {"width", "801"}}).text(), shot.text());
  // A wrong area or width is refused, naming which, and audited.
  const std::vector<std::pair<std::multimap<std::string, std::string>, std::string>> wrong = {
      {{{"area", "100,80,400"}, {"width", "800"}}, "area"},
      {{{"area", "100,80,400,300,1"}, {"width", "800"}}, "area"},
      {{{"area", "a,b,c,d"}, {"width", "800"}}, "area"},
      {{{"area", "100,80,nan,300"}, {"width", "800"}}, "area"},
      {{{"area", "-50,80,400,300"}, {"width", "800"}}, "area"},
      {{{"area", "100,80,1e6,300"}, {"width", "800"}}, "area"},
      {{{"area", "100,80,0,300"}, {"width", "800"}}, "area"},
      {{{"width", "800"}}, "area"},
      {{{"area", "100,80,400,300"}}, "width"},
      {{{"area", "100,80,400,300"}, {"width", "0"}}, "width"},
      {{{"area", "100,80,400,300"}, {"width", "8.5"}}, "width"},
      {{{"area", "100,80,400,300"}, {"width", "5000"}}, "width"},
      {{{"area", "100,80,10,300"}, {"width", "4000"}}, "width"},  // 120,000 pixels high
  };
  for (const auto& [query, name] : wrong) {
    const Response r = ask(png, query);
    EXPECT_EQ(r.status, 422) << query.begin()->second;
    EXPECT_EQ(json::parse(r.text())["problems"][0]["parameter"], name) << r.text();
  }
  EXPECT_EQ(store_->audit_all(100000).value().size(), rows_before + 3 + wrong.size());
  // Only map.png takes an area.
  const Response svg =
      ask("/api/maps/" + id + "/map.svg", {{"area", "0,0,10,10"}, {"width", "10"}});
  EXPECT_EQ(svg.status, 422);
  EXPECT_NE(svg.text().find("only map.png takes an area"), std::string::npos);
}

TEST(AcceptEncoding, GzipOnlyWhenTheClientAllowsIt) {
  const auto with = [](const std::string& value) {
    Request r;
    r.headers.emplace("accept-encoding", value);
    return accepts_gzip(r);
  };
  EXPECT_TRUE(with("gzip, deflate, br"));
  EXPECT_TRUE(with("GZIP"));
  EXPECT_TRUE(with("*"));
  EXPECT_TRUE(with("deflate, gzip;q=0.5"));
  EXPECT_FALSE(with(""));
  EXPECT_FALSE(with("deflate, br"));
  EXPECT_FALSE(with("gzip;q=0"));
  EXPECT_FALSE(with("*, gzip;q=0"));
  EXPECT_FALSE(with("*;q=0"));
  EXPECT_FALSE(accepts_gzip(Request{}));
}

INSTANTIATE_TEST_SUITE_P(Backends, MapViewsTest, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace peermap::server
