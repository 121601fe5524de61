// The case record (issue 12; docs/record.md): the PDF read back as a reader would, through
// poppler's pdftotext and pdfinfo (poppler-utils, scripts/install-deps.sh).
//
// Golden files: tests/golden/record-*.txt hold `pdftotext -layout` of each example's record;
// PEERMAP_UPDATE_GOLDEN=1 ctest -R RecordGolden rewrites them for review with git diff.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "model/json_io.hpp"
#include "record/record.hpp"
#include "record_support.hpp"

namespace peermap::record {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = PEERMAP_SOURCE_DIR;
const fs::path kGolden = kSource / "tests" / "golden";

model::Document parse(const std::string& json) {
  model::ParseOptions options;
  options.today = model::Date{2030, 1, 1};
  auto outcome = model::parse_document(json, options);
  EXPECT_FALSE(outcome.has_errors());
  return std::move(outcome.document);
}

model::Document example(const std::string& name) {
  return parse(read(kSource / "examples" / name));
}

std::string record_of(const model::Document& d, const RecordOptions& options = {}) {
  auto bytes = write_record_pdf(d, options);
  EXPECT_TRUE(bytes) << (bytes ? "" : bytes.error().message);
  return bytes ? std::move(bytes.value()) : std::string();
}

//! The record as a reader's tools see it: a file, its page count and each page's text.
struct ReadBack {
  int pages = 0;
  std::vector<std::string> page_sizes;  //!< pdfinfo's "Page N size" of every page
  std::vector<std::string> texts;       //!< pdftotext -layout, page by page
};

ReadBack read_back(const fs::path& pdf) {
  ReadBack back;
  std::string info;
  EXPECT_EQ(run("pdfinfo -f 1 -l 1000 " + quoted(pdf.string()), info), 0);
  const std::regex pages_line(R"(Pages:\s+(\d+))");
  std::smatch m;
  if (std::regex_search(info, m, pages_line)) back.pages = std::stoi(m[1]);
  const std::regex size_line(R"(Page\s+\d+ size:\s+([^\n]*))");
  for (auto it = std::sregex_iterator(info.begin(), info.end(), size_line);
       it != std::sregex_iterator(); ++it) {
    back.page_sizes.push_back((*it)[1]);
  }
  for (int p = 1; p <= back.pages; ++p) {
    std::string text;
    EXPECT_EQ(run("pdftotext -layout -f " + std::to_string(p) + " -l " + std::to_string(p) + " " +
                      quoted(pdf.string()) + " -",
                  text),
              0);
    back.texts.push_back(text);
  }
  return back;
}

bool updating() {
  const char* flag = std::getenv("PEERMAP_UPDATE_GOLDEN");
  return flag != nullptr && std::string(flag) == "1";
}

//! Every page says the marking twice (top and bottom), "page N of M", the title and the date.
void expect_furniture(const ReadBack& back, const model::Document& d) {
  ASSERT_EQ(back.texts.size(), static_cast<std::size_t>(back.pages));
  const std::string marking =
      d.map.protective_marking.empty() ? "OFFICIAL-SENSITIVE" : d.map.protective_marking;
  for (int p = 1; p <= back.pages; ++p) {
    const std::string& text = back.texts[static_cast<std::size_t>(p - 1)];
    const std::size_t first = text.find(marking);
    ASSERT_NE(first, std::string::npos) << "page " << p;
    EXPECT_NE(text.find(marking, first + marking.size()), std::string::npos)
        << "page " << p << " has its marking only once";
    EXPECT_NE(text.find("page " + std::to_string(p) + " of " + std::to_string(back.pages)),
              std::string::npos)
        << "page " << p;
    EXPECT_NE(text.find(d.map.map_date.to_string()), std::string::npos) << "page " << p;
    // The title's first words (a long title may wrap in the header).
    EXPECT_NE(text.find(d.map.title.substr(0, 20)), std::string::npos) << "page " << p;
  }
}

// ---- Golden text of each example's record ---------------------------------------------------

void expect_golden_text(const std::string& example_name, const std::string& golden_name) {
  const TempDir dir;
  const fs::path pdf = dir / "record.pdf";
  write(pdf, record_of(example(example_name)));
  std::string text;
  ASSERT_EQ(run("pdftotext -layout " + quoted(pdf.string()) + " -", text), 0);
  const fs::path golden = kGolden / golden_name;
  if (updating()) {
    write(golden, text);
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; PEERMAP_UPDATE_GOLDEN=1 makes it";
  const std::string expected = read(golden);
  if (expected == text) return;
  std::istringstream a(expected);
  std::istringstream b(text);
  std::string la;
  std::string lb;
  for (int line = 1; std::getline(a, la) || std::getline(b, lb); ++line) {
    if (!std::getline(b, lb)) lb = "<end>";
    if (la != lb) {
      ADD_FAILURE() << golden_name << " differs at line " << line << ":\n  golden: " << la
                    << "\n  now:    " << lb
                    << "\nIf intended: PEERMAP_UPDATE_GOLDEN=1 ctest -R RecordGolden";
      return;
    }
  }
  ADD_FAILURE() << golden_name << " differs";
}

TEST(RecordGolden, PeerGroupText) {
  expect_golden_text("peer-group.json", "record-peer-group.txt");
}
TEST(RecordGolden, EcomapChildText) {
  expect_golden_text("ecomap-child.json", "record-ecomap-child.txt");
}
TEST(RecordGolden, ThematicText) { expect_golden_text("thematic.json", "record-thematic.txt"); }

// ---- Pages --------------------------------------------------------------------------------------

TEST(RecordPages, EveryExamplePageIsA4LandscapeWithItsMarkingAndNumber) {
  // The map page keeps the paper `render` chose: A4, or a larger sheet for a big map (thematic's
  // 151 people, drawn together, need A2 to print names at 7 pt or more; peer-group's 25, A3);
  // every page after it is A4 landscape.
  const std::vector<std::pair<std::string, std::string>> examples{
      {"peer-group.json", "1190.55 x 841.89 pts (A3)"},
      {"ecomap-child.json", "841.89 x 595.28 pts (A4)"},
      {"thematic.json", "1683.78 x 1190.55 pts (A2)"}};
  for (const auto& [name, map_paper] : examples) {
    SCOPED_TRACE(name);
    const model::Document d = example(name);
    const TempDir dir;
    const fs::path pdf = dir / "record.pdf";
    write(pdf, record_of(d));
    const ReadBack back = read_back(pdf);
    EXPECT_GE(back.pages, 4);
    ASSERT_EQ(back.page_sizes.size(), static_cast<std::size_t>(back.pages));
    EXPECT_EQ(back.page_sizes[0], map_paper);
    for (std::size_t p = 1; p < back.page_sizes.size(); ++p) {
      EXPECT_EQ(back.page_sizes[p], "841.89 x 595.28 pts (A4)") << "page " << p + 1;
    }
    expect_furniture(back, d);
  }
}

TEST(RecordPages, TheSectionsComeInTheirOrderWithFullNames) {
  const model::Document d = example("peer-group.json");
  const TempDir dir;
  const fs::path pdf = dir / "record.pdf";
  RecordOptions options;
  options.revision = 7;
  options.revision_date = model::Date{2026, 11, 12};
  options.prepared_by = "Owen Castellano";
  write(pdf, record_of(d, options));
  std::string text;
  ASSERT_EQ(run("pdftotext -layout " + quoted(pdf.string()) + " -", text), 0);
  std::size_t at = 0;
  for (const char* heading :
       {"The peer mapping exercise", "Meetings", "People", "Places and groups",
        "Information register", "Sightings", "Risks and strengths", "Information gaps",
        "What the analysis found", "Outcomes and actions", "Review", "This record"}) {
    const std::size_t found = text.find(heading, at);
    ASSERT_NE(found, std::string::npos) << heading << " missing or out of order";
    at = found;
  }
  // Full names, never only initials; the grading in its scheme; an outcome in the guidance's words.
  EXPECT_NE(text.find("Mia Kowalczyk"), std::string::npos);
  EXPECT_NE(text.find("Smokey (street name only)"), std::string::npos);
  EXPECT_NE(text.find("Strategy meeting"), std::string::npos);
  EXPECT_NE(text.find("Found by"), std::string::npos);  // the gaps recorded and detected
  EXPECT_NE(text.find("the meeting"), std::string::npos);
  EXPECT_NE(text.find("the analysis"), std::string::npos);
  EXPECT_NE(text.find("revision 7"), std::string::npos);
  EXPECT_NE(text.find("2026-11-12"), std::string::npos);
  EXPECT_NE(text.find("Owen Castellano"), std::string::npos);
}

// ---- A register over several pages ------------------------------------------------------------

TEST(RecordTables, TheRegisterOfA200PersonMapRepeatsItsHeaderOnEveryPage) {
  const TempDir dir;
  const fs::path map = dir / "map200.json";
  std::string ignored;
  ASSERT_EQ(run("python3 " + quoted((kSource / "bench" / "map200.py").string()) + " " +
                    quoted((kSource / "examples" / "thematic.json").string()) + " " +
                    quoted(map.string()) + " 200",
                ignored),
            0);
  const model::Document d = parse(read(map));
  ASSERT_EQ(d.people.size(), 200u);
  const fs::path pdf = dir / "record.pdf";
  write(pdf, record_of(d));
  const ReadBack back = read_back(pdf);
  expect_furniture(back, d);
  // The register's pages: from its heading to the page where sightings begin.
  std::size_t first = 0;
  std::size_t last = 0;
  for (std::size_t p = 0; p < back.texts.size(); ++p) {
    if (first == 0 && back.texts[p].find("Information register") != std::string::npos) first = p;
    if (first != 0 && back.texts[p].find("Sightings") != std::string::npos) {
      last = p;
      break;
    }
  }
  ASSERT_GT(first, 0u);
  ASSERT_GE(last, first + 3) << "the register should run over several pages";
  for (std::size_t p = first; p <= last; ++p) {
    const std::string& text = back.texts[p];
    const std::size_t header = text.find("What was said");
    if (p == last && text.find("Sightings") < header) continue;  // the register ended above
    EXPECT_NE(header, std::string::npos) << "page " << p + 1 << " has no header row";
    EXPECT_NE(text.find("Handling"), std::string::npos) << "page " << p + 1;
  }
  // Every item is there, once.
  std::string all;
  for (const auto& text : back.texts) all += text;
  for (const auto& item : d.information) {
    EXPECT_NE(all.find(item.summary.substr(0, 25)), std::string::npos) << item.id;
  }
}

TEST(RecordTables, ACellLongerThanAPageRunsOntoTheNextWithItsHeader) {
  model::Document d = example("ecomap-child.json");
  std::string summary;
  for (int i = 0; i < 900; ++i) summary += "word" + std::to_string(i) + " ";
  summary += "theveryend";
  d.information[0].summary = summary;
  const TempDir dir;
  const fs::path pdf = dir / "record.pdf";
  write(pdf, record_of(d));
  std::string text;
  ASSERT_EQ(run("pdftotext -raw " + quoted(pdf.string()) + " -", text), 0);
  // Nothing cut: every word of the cell is there, in order.
  std::size_t at = 0;
  for (int i = 0; i < 900; i += 37) {
    const std::string word = " word" + std::to_string(i) + " ";
    std::string spaced = text;
    for (char& c : spaced) {
      if (c == '\n') c = ' ';
    }
    const std::size_t found = spaced.find(word, at);
    ASSERT_NE(found, std::string::npos) << word;
    at = found;
  }
  EXPECT_NE(text.find("theveryend"), std::string::npos);
}

// ---- Safety -------------------------------------------------------------------------------------

//! The PDF's bytes with every Flate stream inflated after it, so a search sees inside them.
std::string with_streams_inflated(const std::string& pdf) {
  std::string out = pdf;
  std::size_t at = 0;
  while ((at = pdf.find("stream", at)) != std::string::npos) {
    std::size_t start = at + 6;
    if (pdf.compare(start, 2, "\r\n") == 0)
      start += 2;
    else if (pdf.compare(start, 1, "\n") == 0)
      start += 1;
    else {
      at = start;
      continue;
    }
    const std::size_t end = pdf.find("endstream", start);
    if (end == std::string::npos) break;
    z_stream z{};
    if (inflateInit(&z) == Z_OK) {
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(pdf.data() + start));
      z.avail_in = static_cast<uInt>(end - start);
      std::array<char, 65536> buffer{};
      int status = Z_OK;
      while (status == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buffer.data());
        z.avail_out = buffer.size();
        status = inflate(&z, Z_NO_FLUSH);
        out.append(buffer.data(), buffer.size() - z.avail_out);
      }
      inflateEnd(&z);
    }
    at = end + 9;
  }
  return out;
}

TEST(RecordSafety, HostileStringsAreInertTextAndThePdfHasNoActiveContent) {
  model::Document d = example("peer-group.json");
  const std::string long_word(400, 'W');
  d.people[2].full_name = "<script>alert(1)</script> Tennant";
  d.people[2].notes =
      "Notes \u202Edesrever\u202C end. See https://evil.example/x and "
      "javascript:alert(2)";
  d.information[0].summary = "Said " + long_word + " then <a href=\"https://evil.example\">x</a>";
  d.map.title = "Peer mapping <b>bold</b> \u202Eeltit";
  const TempDir dir;
  const fs::path pdf = dir / "record.pdf";
  const std::string bytes = record_of(d);
  write(pdf, bytes);
  const std::string searched = with_streams_inflated(bytes);
  for (const char* active : {"/URI", "/JavaScript", "/JS", "/Launch", "/EmbeddedFile",
                             "/OpenAction", "/AA", "/Annots", "/SubmitForm", "/RichMedia"}) {
    EXPECT_EQ(searched.find(active), std::string::npos) << active;
  }
  // The outline (bookmarks) links inside the document only, by page.
  EXPECT_NE(searched.find("/Outlines"), std::string::npos);
  EXPECT_NE(searched.find("(Information register)"), std::string::npos);
  std::string text;
  ASSERT_EQ(run("pdftotext -raw " + quoted(pdf.string()) + " -", text), 0);
  EXPECT_NE(text.find("<script>alert(1)</script> Tennant"), std::string::npos);
  EXPECT_NE(text.find("https://evil.example/x"), std::string::npos);  // as words, not a link
  EXPECT_NE(text.find("[U+202E]desrever"), std::string::npos);        // the override shown, inert
  std::string joined;
  for (char c : text) {
    if (c != '\n') joined += c;
  }
  EXPECT_NE(joined.find(long_word), std::string::npos) << "the long word must be whole";
}

TEST(RecordSafety, TheSameInputGivesTheSameBytes) {
  const model::Document d = example("peer-group.json");
  RecordOptions options;
  options.revision = 3;
  options.prepared_by = "Gwen Llewellyn";
  const std::string a = record_of(d, options);
  const std::string b = record_of(d, options);
  ASSERT_FALSE(a.empty());
  EXPECT_TRUE(a == b);
  EXPECT_NE(a.find("/CreationDate (20261110000000Z)"), std::string::npos)
      << "the creation date is the map date";
}

TEST(RecordOptionsCheck, PreparedByMustBeAFullName) {
  RecordOptions options;
  options.prepared_by = "O. Castellano";
  const auto fault = options_fault(options);
  ASSERT_TRUE(fault);
  EXPECT_EQ(fault->rfind("--prepared-by: ", 0), 0u) << *fault;
  EXPECT_FALSE(write_record_pdf(example("ecomap-child.json"), options));
  options.prepared_by = "Owen Castellano";
  EXPECT_FALSE(options_fault(options));
}

// ---- The command line
// ----------------------------------------------------------------------------

int peermap(const std::string& args, std::string& err) {
  return run(quoted(PEERMAP_BINARY) + " " + args + " 2>&1 >/dev/null", err);
}

TEST(RecordCli, ExportWritesTheRecord) {
  const TempDir dir;
  const fs::path pdf = dir / "record.pdf";
  std::string err;
  ASSERT_EQ(peermap("export " + quoted((kSource / "examples" / "peer-group.json").string()) +
                        " -o " + quoted(pdf.string()) +
                        " --revision 4 --revision-date 2026-11-11 --prepared-by 'Owen Castellano'",
                    err),
            0)
      << err;
  EXPECT_EQ(err, "");
  const model::Document d = example("peer-group.json");
  EXPECT_TRUE(read(pdf) == record_of(d, {4, model::Date{2026, 11, 11}, "Owen Castellano"}))
      << "the CLI writes what write_record_pdf makes";
}

TEST(RecordCli, AnInvalidDocumentGivesRendersErrorsAndWritesNothing) {
  const TempDir dir;
  const fs::path bad = dir / "bad.json";
  std::string json = read(kSource / "examples" / "ecomap-child.json");
  json.replace(json.find("\"full_name\": \""), 14, "\"full_name\": \"J. ");
  write(bad, json);
  std::string render_err;
  std::string export_err;
  EXPECT_EQ(peermap("render " + quoted(bad.string()) + " -o " + quoted((dir / "m.pdf").string()),
                    render_err),
            1);
  EXPECT_EQ(peermap("export " + quoted(bad.string()) + " -o " + quoted((dir / "r.pdf").string()),
                    export_err),
            1);
  EXPECT_EQ(export_err, render_err);
  EXPECT_NE(export_err.find(": /people/0/full_name: error: "), std::string::npos) << export_err;
  EXPECT_FALSE(fs::exists(dir / "r.pdf"));
}

TEST(RecordCli, AnUnknownOptionOrExtensionOrBadValueIsAUsageError) {
  const TempDir dir;
  const std::string file = quoted((kSource / "examples" / "ecomap-child.json").string());
  std::string err;
  EXPECT_EQ(peermap("export " + file + " -o " + quoted((dir / "r.svg").string()), err), 2);
  EXPECT_NE(err.find("the output must end in .pdf"), std::string::npos) << err;
  EXPECT_EQ(
      peermap("export " + file + " -o " + quoted((dir / "r.pdf").string()) + " --copy x", err), 2);
  EXPECT_EQ(peermap("export " + file + " -o " + quoted((dir / "r.pdf").string()) +
                        " --revision-date 2026-02-30",
                    err),
            2);
  EXPECT_NE(err.find("--revision-date: error:"), std::string::npos) << err;
  EXPECT_EQ(
      peermap("export " + file + " -o " + quoted((dir / "r.pdf").string()) + " --prepared-by Owen",
              err),
      2);
  EXPECT_NE(err.find("--prepared-by: error:"), std::string::npos) << err;
  EXPECT_EQ(
      peermap("export " + file + " -o " + quoted((dir / "r.pdf").string()) + " --revision 0", err),
      2);
  EXPECT_FALSE(fs::exists(dir / "r.pdf"));
  EXPECT_FALSE(fs::exists(dir / "r.svg"));
}

}  // namespace
}  // namespace peermap::record
