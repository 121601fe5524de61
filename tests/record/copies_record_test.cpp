// Copies of the case record for an audience (docs/copies.md), read back as a reader would with
// pdftotext: what the copy withholds is nowhere in it, what it keeps is there, and every page
// says which copy it is.
//
// Golden file: tests/golden/record-copy-partner-peer-group.txt holds `pdftotext -layout` of the
// partner copy of examples/peer-group.json; PEERMAP_UPDATE_GOLDEN=1 ctest -R RecordGolden
// rewrites it for review with git diff.
#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <string>
#include <vector>

#include "model/copies.hpp"
#include "model/json_io.hpp"
#include "record/record.hpp"
#include "record_support.hpp"
#include "support/copies_document.hpp"

namespace peermap::record {
namespace {

using model::Audience;

const fs::path kSource = PEERMAP_SOURCE_DIR;
constexpr const char* kReason = "to support a referral to children's social care";

//! The copy's record, its text with every run of white space as one space, and page by page.
struct CopyText {
  std::string whole;
  std::vector<std::string> pages;
};

std::string one_line(const std::string& text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

CopyText copy_text(const model::Document& d, Audience audience, const TempDir& dir) {
  RecordOptions options;
  options.audience = audience;
  if (audience == Audience::RecordOfAnotherChild) options.reason = kReason;
  auto bytes = write_record_pdf(d, options);
  EXPECT_TRUE(bytes) << (bytes ? "" : bytes.error().message);
  const fs::path pdf = dir / (std::string(model::audience_name(audience)) + ".pdf");
  write(pdf, bytes ? bytes.value() : "");
  CopyText text;
  std::string raw;
  EXPECT_EQ(run("pdftotext " + quoted(pdf.string()) + " -", raw), 0);
  text.whole = one_line(raw);
  std::string info;
  EXPECT_EQ(run("pdfinfo " + quoted(pdf.string()) + " | sed -n 's/^Pages: *//p'", info), 0);
  const int pages = std::atoi(info.c_str());
  EXPECT_GE(pages, 2);
  for (int p = 1; p <= pages; ++p) {
    const std::string n = std::to_string(p);
    EXPECT_EQ(run("pdftotext -f " + n + " -l " + n + " " + quoted(pdf.string()) + " -", raw), 0);
    text.pages.push_back(one_line(raw));
  }
  return text;
}

constexpr std::array<Audience, 4> kAudiences{Audience::Internal, Audience::Partner,
                                             Audience::Family, Audience::RecordOfAnotherChild};

TEST(RecordCopies, NoCopyHoldsAWithheldItemsWordsOrAWithheldPersonsNames) {
  const model::Document d = testing::copies_document();
  const TempDir dir;
  for (const auto audience : kAudiences) {
    SCOPED_TRACE(std::string(model::audience_name(audience)));
    const CopyText text = copy_text(d, audience, dir);
    for (const auto& word : testing::copies_forbidden_words(audience, true)) {
      EXPECT_FALSE(testing::has_word(text.whole, word)) << word << " is in the copy";
    }
    for (const auto& word : testing::copies_required_words(audience, true)) {
      EXPECT_TRUE(testing::has_word(text.whole, word)) << word << " is not in the copy";
    }
  }
}

TEST(RecordCopies, TheRegisterGivesAnItemsConditionsAndTheyGoWithIt) {
  // i4's conditions ride with i4: withheld from every copy but the internal one.
  const model::Document d = testing::copies_document();
  const TempDir dir;
  const std::string conditions = "not to be shared outside the strategy meeting";
  const std::string internal = copy_text(d, Audience::Internal, dir).whole;
  EXPECT_NE(internal.find(conditions), std::string::npos);
  // The register gives each item's code, recorded conditions and the copies they allow.
  EXPECT_NE(internal.find("C: conditions apply. Conditions: not to be shared with the family. "
                          "Copies: internal, partner"),
            std::string::npos)
      << internal;
  EXPECT_EQ(copy_text(d, Audience::Partner, dir).whole.find(conditions), std::string::npos);
}

TEST(RecordCopies, EveryPageSaysWhichCopyItIsAndTheMapPageHowManyItemsItWithheld) {
  const model::Document d = testing::copies_document();
  const TempDir dir;
  for (const auto audience :
       {Audience::Partner, Audience::Family, Audience::RecordOfAnotherChild}) {
    SCOPED_TRACE(std::string(model::audience_name(audience)));
    const CopyText text = copy_text(d, audience, dir);
    const std::size_t withheld =
        d.information.size() - testing::copies_expected_items().at(audience).size();
    const std::string title = model::copy_title(audience);
    const std::string count = std::to_string(withheld) + " information items";
    EXPECT_NE(text.pages.front().find(title + ": " + count + " withheld"), std::string::npos)
        << text.pages.front();
    ASSERT_GE(text.pages.size(), 2u);
    EXPECT_NE(text.pages[1].find(count + " were withheld under their handling conditions"),
              std::string::npos)
        << text.pages[1];
    for (const auto& page : text.pages) EXPECT_NE(page.find(title), std::string::npos) << page;
  }
}

TEST(RecordCopies, ACopyForAnotherChildsRecordPrintsItsReason) {
  const model::Document d = testing::copies_document();
  const TempDir dir;
  const CopyText text = copy_text(d, Audience::RecordOfAnotherChild, dir);
  EXPECT_NE(text.pages[1].find(std::string("Reason for this copy ") + kReason), std::string::npos)
      << text.pages[1];
}

TEST(RecordCopies, TheInternalRecordSaysNothingOfCopies) {
  const TempDir dir;
  const CopyText text = copy_text(testing::copies_document(), Audience::Internal, dir);
  EXPECT_EQ(text.whole.find("COPY"), std::string::npos);
  EXPECT_EQ(text.whole.find("withheld"), std::string::npos);
}

TEST(RecordCopies, AnotherChildsRecordWithoutAReasonIsRefusedNamingTheOption) {
  RecordOptions options;
  options.audience = Audience::RecordOfAnotherChild;
  const auto bytes = write_record_pdf(testing::copies_document(), options);
  ASSERT_FALSE(bytes);
  EXPECT_EQ(bytes.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(bytes.error().message.rfind("--reason: ", 0), 0u) << bytes.error().message;
}

// ---- Golden text of one copy ------------------------------------------------------------------

TEST(RecordGolden, PartnerCopyOfPeerGroupText) {
  model::ParseOptions parse;
  parse.today = model::Date{2030, 1, 1};
  auto outcome = model::parse_document(read(kSource / "examples" / "peer-group.json"), parse);
  ASSERT_FALSE(outcome.has_errors());
  RecordOptions options;
  options.audience = Audience::Partner;
  auto bytes = write_record_pdf(outcome.document, options);
  ASSERT_TRUE(bytes) << bytes.error().message;
  const TempDir dir;
  write(dir / "partner.pdf", bytes.value());
  std::string text;
  ASSERT_EQ(run("pdftotext -layout " + quoted((dir / "partner.pdf").string()) + " -", text), 0);
  const fs::path golden = kSource / "tests" / "golden" / "record-copy-partner-peer-group.txt";
  const char* update = std::getenv("PEERMAP_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    write(golden, text);
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; PEERMAP_UPDATE_GOLDEN=1 makes it";
  EXPECT_TRUE(read(golden) == text)
      << "the partner copy's text differs from " << golden
      << "; if intended: PEERMAP_UPDATE_GOLDEN=1 ctest -R RecordGolden, then git diff";
}

}  // namespace
}  // namespace peermap::record
