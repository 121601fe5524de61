// Full names in the drawn file (issue 10, item 4): the PDF's text layer holds every person's
// full name whole, the longest the validator accepts among them, and nothing is cut with "…".
// The SVG draws text as glyph outlines, so its text cannot be read back; the PDF is drawn by
// the same code, and the layout checks (tests/layout/full_names_test.cpp) cover every format.
//
//   Amira Haddad (subject) -- the nine longest names, one a person, in one group
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "render/render.hpp"
#include "support/long_names.hpp"
#include "support/random_document.hpp"

namespace peermap::render {
namespace {

//! Every character but white space and the direction marks poppler adds: pdftotext ends a
//! drawn line with a line break (a name that wraps inside a long word has no space there), and
//! gives right-to-left text in logical order, each glyph wrapped in U+202B ... U+202C.
std::string without_spaces(const std::string& text) {
  std::string out;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') continue;
    if (text.compare(at, 3, "\u202b") == 0 || text.compare(at, 3, "\u202c") == 0) {
      at += 2;
      continue;
    }
    out += c;
  }
  return out;
}

//! The text layer of a PDF, as poppler's pdftotext reads it in drawing order (-raw).
std::string pdf_text(const std::string& pdf) {
  // A name of this process's own: ctest runs each test in a process of its own, in parallel,
  // and gtest's random seed (the name before) can be the same in two started together.
  const auto dir = std::filesystem::temp_directory_path();
  const auto path = dir / ("peermap-names-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf;
  const std::string command = "pdftotext -raw -enc UTF-8 '" + path.string() + "' -";
  std::FILE* pipe = ::popen(command.c_str(), "r");
  std::string text;
  if (pipe != nullptr) {
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
      text.append(buffer, n);
    ::pclose(pipe);
  }
  std::filesystem::remove(path);
  return text;
}

model::Document map_of_long_names() {
  model::Document d = testing::map_of_long_names(4, 10, 1);
  d.people[0].full_name = "Amira Haddad";
  return d;
}

TEST(FullNamesInPdf, TheTextLayerHoldsEveryFullNameWhole) {
  const model::Document d = map_of_long_names();
  const auto page = prepare_page(d, {});
  ASSERT_TRUE(page.ok()) << page.error().message;
  const auto pdf = write_page(page.value(), {Format::Pdf});
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  const std::string text = pdf_text(pdf.value());
  ASSERT_FALSE(text.empty()) << "pdftotext (poppler-utils) is needed: scripts/install-deps.sh";
  const std::string flat = without_spaces(text);
  for (const auto& person : d.people) {
    EXPECT_NE(flat.find(without_spaces(person.full_name)), std::string::npos)
        << person.id << ": " << person.full_name;
  }
  EXPECT_EQ(text.find("\u2026"), std::string::npos) << "something was cut short";
}

TEST(FullNamesInPdf, TheTitleIsWholeHoweverLongUpToThreeLines) {
  // The title names the children; on the record it is never cut. A long one is set smaller,
  // then on two or three lines, all above the map.
  const std::string names =
      "Bożena-Żaneta Grażyna Wright-Brzęczyszczykiewicz and Oluwaseun Adébáyọ̀";
  for (const std::string& title :
       {"Peer mapping: " + names, "Peer mapping: " + names + " and the Moorside street group",
        "Peer mapping after the exclusion of " + names + " from Hollybrook Community School" +
            ", and their links with the Station Road older group and the Parkway Lodge Hotel"}) {
    model::Document d = map_of_long_names();
    d.map.title = title;
    const auto page = prepare_page(d, {});
    ASSERT_TRUE(page.ok()) << page.error().message;
    const auto pdf = write_page(page.value(), {Format::Pdf});
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    const std::string text = pdf_text(pdf.value());
    EXPECT_NE(without_spaces(text).find(without_spaces(title)), std::string::npos) << title;
    EXPECT_EQ(text.find("\u2026"), std::string::npos) << "cut short: " << title;
  }
}

TEST(FullNamesInPdf, TheCheckFindsANameThatIsCut) {
  // The negative control: a name the drawing cut would not be found whole.
  model::Document d = map_of_long_names();
  const auto page = prepare_page(d, {});
  ASSERT_TRUE(page.ok());
  Page cut = page.value();
  cut.geometry.nodes[1].label_lines[0] = d.people[1].full_name.substr(0, 40) + "\u2026";
  const auto pdf = write_page(cut, {Format::Pdf});
  ASSERT_TRUE(pdf.ok());
  const std::string text = pdf_text(pdf.value());
  EXPECT_EQ(without_spaces(text).find(without_spaces(d.people[1].full_name)), std::string::npos);
  EXPECT_NE(text.find("\u2026"), std::string::npos);
}

}  // namespace
}  // namespace peermap::render
