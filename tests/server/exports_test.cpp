// GET /api/maps/{id}/record.pdf (issue 12, item 4), on both backends: the case record and its
// copies for an audience (docs/copies.md) as each audience may receive them, read back with
// pdftotext; need-to-know; every export audited with its audience and reason; bad parameters
// refused naming the parameter; the render gate's slot and size budget, as for map.pdf.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "api_fixture.hpp"
#include "model/copies.hpp"
#include "model/json_io.hpp"
#include "support/copies_document.hpp"

namespace peermap::server {
namespace {

namespace fs = std::filesystem;
using namespace test_api;  // NOLINT(google-build-using-namespace): the fixture's names
using model::Audience;

constexpr const char* kReason = "to support a referral to children's social care";

//! The text pdftotext reads from `pdf`, every run of white space one space.
std::string pdf_text(const std::string& pdf) {
  const fs::path file =
      fs::temp_directory_path() / ("peermap-exports-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(file, std::ios::binary | std::ios::trunc) << pdf;
  std::string raw;
  FILE* pipe = ::popen(("pdftotext '" + file.string() + "' -").c_str(), "r");
  if (pipe == nullptr) return {};
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) raw.append(buffer.data(), n);
  EXPECT_EQ(::pclose(pipe), 0);
  fs::remove(file);
  std::string text;
  for (const char c : raw) {
    const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
    if (space && (text.empty() || text.back() == ' ')) continue;
    text += space ? ' ' : c;
  }
  return text;
}

class ExportsTest : public ApiTest {
 protected:
  //! Alice's map of copies_document(); its id.
  std::string create_copies_map(Browser& alice) {
    const auto r =
        alice.send("POST", "/api/maps", model::write_document(testing::copies_document()));
    EXPECT_EQ(r.status, 201) << r.text();
    return json::parse(r.text())["id"];
  }

  //! The Api again over the same store, with these drawing limits; each slot taken counted.
  void restart(RenderLimits limits) {
    api_.reset();
    ApiOptions options;
    options.now_ms = [this] { return now_; };
    options.max_body_bytes = 1u << 20u;
    limits.on_slot = [this] { ++slots_; };
    options.render = std::move(limits);
    api_ = std::make_unique<Api>(*store_, options);
  }

  int slots_ = 0;
};

//! The first problem's parameter in a 422's body.
std::string parameter_of(const Response& r) {
  const json body = json::parse(r.text());
  return body["problems"][0].value("parameter", "");
}

TEST_P(ExportsTest, EachCopyHoldsWhatItsAudienceMayReceiveAndNothingElse) {
  Browser alice = browser("alice");
  const std::string id = create_copies_map(alice);
  for (const auto audience :
       {Audience::Internal, Audience::Partner, Audience::Family, Audience::RecordOfAnotherChild}) {
    const std::string name(model::audience_name(audience));
    SCOPED_TRACE(name);
    const auto r = alice.send("GET", "/api/maps/" + id + "/record.pdf", "", {},
                              {{"copy", name}, {"reason", kReason}});
    ASSERT_EQ(r.status, 200) << r.text();
    EXPECT_EQ(r.content_type, "application/pdf");
    const std::string text = pdf_text(r.text());
    for (const auto& word : testing::copies_forbidden_words(audience, true)) {
      EXPECT_FALSE(testing::has_word(text, word)) << word << " is in the copy";
    }
    for (const auto& word : testing::copies_required_words(audience, true)) {
      EXPECT_TRUE(testing::has_word(text, word)) << word << " is not in the copy";
    }
    if (audience != Audience::Internal) {
      EXPECT_NE(text.find(model::copy_title(audience)), std::string::npos);
    }
  }
}

TEST_P(ExportsTest, EveryExportIsAuditedWithItsAudienceAndReason) {
  Browser alice = browser("alice");
  const std::string id = create_copies_map(alice);
  auto r = alice.send("GET", "/api/maps/" + id + "/record.pdf", "", {},
                      {{"copy", "record-of-another-child"}, {"reason", kReason}});
  ASSERT_EQ(r.status, 200) << r.text();
  EXPECT_NE(pdf_text(r.text()).find(kReason), std::string::npos);  // printed on the copy
  store::AuditEntry row = audit_of(id).back();
  EXPECT_EQ(row.action, "map.record");
  EXPECT_EQ(row.username, "alice");
  EXPECT_EQ(row.revision, 1);
  EXPECT_EQ(row.outcome, "ok");
  EXPECT_EQ(row.status, 200);
  EXPECT_EQ(row.detail, std::string("copy=record-of-another-child; reason=") + kReason);

  // The same copy again comes from the cache, and is audited again all the same.
  r = alice.send("GET", "/api/maps/" + id + "/record.pdf", "", {}, {{"copy", "family"}});
  ASSERT_EQ(r.status, 200);
  r = alice.send("GET", "/api/maps/" + id + "/record.pdf", "", {}, {{"copy", "family"}});
  ASSERT_EQ(r.status, 200);
  const auto rows = audit_of(id);
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[rows.size() - 1].detail, "copy=family");
  EXPECT_EQ(rows[rows.size() - 2].detail, "copy=family");

  // The map's own audit lists the detail.
  const auto audit = alice.send("GET", "/api/maps/" + id + "/audit");
  ASSERT_EQ(audit.status, 200);
  const json entries = json::parse(audit.text())["entries"];
  bool listed = false;
  for (const auto& entry : entries) {
    listed = listed ||
             (entry["action"] == "map.record" &&
              entry["detail"] == std::string("copy=record-of-another-child; reason=") + kReason);
  }
  EXPECT_TRUE(listed) << entries.dump(1);
}

TEST_P(ExportsTest, BadParametersAreRefusedNamingTheParameterAndAudited) {
  Browser alice = browser("alice");
  const std::string id = create_copies_map(alice);
  const std::vector<std::pair<std::multimap<std::string, std::string>, std::string>> cases{
      {{{"copy", "public"}}, "copy"},
      {{{"copy", "record-of-another-child"}}, "reason"},
      {{{"copy", "record-of-another-child"}, {"reason", "  "}}, "reason"},
      {{{"revision", "2"}}, "revision"},
      {{{"revision", "x"}}, "revision"}};
  for (const auto& [query, parameter] : cases) {
    SCOPED_TRACE(parameter);
    const auto r = alice.send("GET", "/api/maps/" + id + "/record.pdf", "", {}, query);
    EXPECT_EQ(r.status, 422) << r.text();
    EXPECT_EQ(parameter_of(r), parameter);
    EXPECT_NE(r.content_type, "application/pdf");
    const store::AuditEntry row = audit_of(id).back();
    EXPECT_EQ(row.action, "map.record");
    EXPECT_EQ(row.status, 422);
  }
}

// The PowerPoint over HTTP: the same query, the copy's face in its slides, the audit row with
// its audience, the same refusals and need-to-know.
TEST_P(ExportsTest, ThePowerPointOfACopyIsAuditedAndRefusesAsTheRecordDoes) {
  Browser alice = browser("alice");
  const std::string id = create_copies_map(alice);
  const auto r = alice.send("GET", "/api/maps/" + id + "/map.pptx", "", {},
                            {{"copy", "record-of-another-child"}, {"reason", kReason}});
  ASSERT_EQ(r.status, 200) << r.text();
  EXPECT_EQ(r.content_type,
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");
  EXPECT_EQ(r.text().substr(0, 2), "PK");  // a zip package
  EXPECT_NE(r.header("Content-Disposition").find(".pptx"), std::string::npos);
  const store::AuditEntry row = audit_of(id).back();
  EXPECT_EQ(row.action, "map.pptx");
  EXPECT_EQ(row.status, 200);
  EXPECT_EQ(row.detail, std::string("copy=record-of-another-child; reason=") + kReason);
  // Another copy is another file; the internal one differs from it.
  EXPECT_NE(alice.send("GET", "/api/maps/" + id + "/map.pptx").text(), r.text());
  const auto wrong = alice.send("GET", "/api/maps/" + id + "/map.pptx", "", {}, {{"copy", "x"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(parameter_of(wrong), "copy");
  EXPECT_EQ(audit_of(id).back().action, "map.pptx");
  const auto no_reason = alice.send("GET", "/api/maps/" + id + "/map.pptx", "", {},
                                    {{"copy", "record-of-another-child"}});
  EXPECT_EQ(parameter_of(no_reason), "reason");
  Browser bob = browser("bob");
  EXPECT_EQ(bob.send("GET", "/api/maps/" + id + "/map.pptx").status, 404);
  EXPECT_EQ(browser().send("GET", "/api/maps/" + id + "/map.pptx").status, 401);
}

TEST_P(ExportsTest, OnlyThoseWhoMayOpenTheMapGetItsRecord) {
  Browser alice = browser("alice");
  const std::string id = create_copies_map(alice);
  Browser bob = browser("bob");  // another team, not a member
  EXPECT_EQ(bob.send("GET", "/api/maps/" + id + "/record.pdf").status, 404);
  EXPECT_EQ(audit_of(id).back().status, 404);
  Browser nobody = browser();
  EXPECT_EQ(nobody.send("GET", "/api/maps/" + id + "/record.pdf").status, 401);
}

TEST_P(ExportsTest, ARecordTakesARenderSlotOnceAndKeepsTheSizeBudget) {
  restart(RenderLimits{});
  Browser alice = browser("alice");
  const std::string id = create_copies_map(alice);
  const auto first =
      alice.send("GET", "/api/maps/" + id + "/record.pdf", "", {}, {{"copy", "partner"}});
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(slots_, 1);
  const auto again =
      alice.send("GET", "/api/maps/" + id + "/record.pdf", "", {}, {{"copy", "partner"}});
  EXPECT_EQ(again.text(), first.text());  // the same revision and copy, the same bytes
  EXPECT_EQ(slots_, 1);                   // cached: no slot

  RenderLimits small;
  small.max_items = 5;  // the map has 13 people, places and ties
  restart(small);
  alice.api = api_.get();  // the same session, kept in the store
  const auto refused = alice.send("GET", "/api/maps/" + id + "/record.pdf");
  EXPECT_EQ(refused.status, 422) << refused.text();
  EXPECT_EQ(slots_, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ExportsTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace peermap::server
