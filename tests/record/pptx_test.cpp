// The editable PowerPoint (issue 12, item 3): the package read back with libzip and pugixml as
// PowerPoint would read it, and converted by LibreOffice (Debian's libreoffice-impress, in
// headless mode) into a PDF whose words pdftotext reads.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "model/json_io.hpp"
#include "record/pptx.hpp"
#include "record_support.hpp"
#include "support/copies_document.hpp"

namespace peermap::record {
namespace {

const fs::path kSource = PEERMAP_SOURCE_DIR;

model::Document example(const std::string& name) {
  model::ParseOptions options;
  options.today = model::Date{2030, 1, 1};
  auto outcome = model::parse_document(read(kSource / "examples" / name), options);
  EXPECT_FALSE(outcome.has_errors());
  return std::move(outcome.document);
}

std::string pptx_of(const model::Document& d, const RecordOptions& options = {}) {
  auto bytes = write_record_pptx(d, options);
  EXPECT_TRUE(bytes) << (bytes ? "" : bytes.error().message);
  return bytes ? std::move(bytes.value()) : std::string();
}

//! The package's parts, by name, in the order stored.
struct Package {
  std::vector<std::string> names;
  std::map<std::string, std::string> parts;
};

Package unzip(const std::string& bytes) {
  Package out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source != nullptr ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  EXPECT_NE(archive, nullptr) << zip_error_strerror(&error);
  if (archive == nullptr) {
    if (source != nullptr) zip_source_free(source);
    return out;
  }
  const zip_int64_t entries = zip_get_num_entries(archive, 0);
  for (zip_int64_t k = 0; k < entries; ++k) {
    zip_stat_t stat;
    zip_stat_index(archive, static_cast<zip_uint64_t>(k), 0, &stat);
    std::string data(static_cast<std::size_t>(stat.size), '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(k), 0);
    EXPECT_EQ(zip_fread(file, data.data(), stat.size), static_cast<zip_int64_t>(stat.size));
    zip_fclose(file);
    out.names.emplace_back(stat.name);
    out.parts[stat.name] = std::move(data);
  }
  zip_close(archive);
  return out;
}

pugi::xml_document xml_of(const std::string& text) {
  pugi::xml_document xml;
  EXPECT_TRUE(xml.load_buffer(text.data(), text.size())) << text.substr(0, 200);
  return xml;
}

//! A shape's words: its paragraphs, each the text of its runs.
std::vector<std::string> paragraphs(pugi::xml_node shape) {
  std::vector<std::string> out;
  for (auto p : shape.child("p:txBody").children("a:p")) {
    std::string words;
    for (auto r : p.children("a:r")) words += r.child("a:t").text().get();
    out.push_back(words);
  }
  return out;
}

// One shape per person, with their name; one connector per tie drawn, glued to the shapes of
// its two people; regions as freeform shapes; the key as shapes; the marking on every slide.
TEST(Pptx, EveryPersonIsAShapeWithTheirNameAndEveryTieAConnectorGluedToItsTwoPeople) {
  const model::Document d = example("peer-group.json");
  const Package package = unzip(pptx_of(d));
  ASSERT_TRUE(package.parts.contains("ppt/slides/slide1.xml"));
  const auto slide = xml_of(package.parts.at("ppt/slides/slide1.xml"));
  const auto tree = slide.child("p:sld").child("p:cSld").child("p:spTree");
  std::map<std::string, unsigned> shape_of_person;  // full name -> shape id
  std::size_t regions = 0;
  std::size_t key_shapes = 0;
  for (auto sp : tree.children("p:sp")) {
    const std::string name = sp.child("p:nvSpPr").child("p:cNvPr").attribute("name").value();
    const unsigned id = sp.child("p:nvSpPr").child("p:cNvPr").attribute("id").as_uint();
    if (name.rfind("Group: ", 0) == 0 || name.rfind("Place: ", 0) == 0) {
      ++regions;
      EXPECT_TRUE(sp.child("p:spPr").child("a:custGeom")) << name << " is a freeform";
      continue;
    }
    if (name.rfind("Key: ", 0) == 0) {
      ++key_shapes;
      continue;
    }
    for (const auto& p : d.people) {
      if (p.full_name != name) continue;
      EXPECT_FALSE(shape_of_person.contains(name)) << name << " has one shape";
      shape_of_person[name] = id;
      const auto words = paragraphs(sp);
      ASSERT_FALSE(words.empty());
      EXPECT_EQ(words[0], p.full_name) << "the shape's text begins with the full name";
      // Its one connection site is the symbol's centre, where the ties meet.
      EXPECT_EQ(
          std::distance(sp.child("p:spPr").child("a:custGeom").child("a:cxnLst").children().begin(),
                        sp.child("p:spPr").child("a:custGeom").child("a:cxnLst").children().end()),
          1);
    }
  }
  EXPECT_EQ(shape_of_person.size(), d.people.size()) << "a shape for every person";
  EXPECT_EQ(regions, d.groups.size() + d.locations.size());
  EXPECT_GT(key_shapes, 15u);

  std::map<std::string, const model::Tie*> ties;
  for (const auto& t : d.ties) ties["Tie " + t.id] = &t;
  std::size_t connectors = 0;
  std::set<std::string> glued;
  for (auto cxn : tree.children("p:cxnSp")) {
    const std::string name = cxn.child("p:nvCxnSpPr").child("p:cNvPr").attribute("name").value();
    if (name.rfind("Key: ", 0) == 0) continue;
    ++connectors;
    ASSERT_TRUE(ties.contains(name)) << name;
    const model::Tie& tie = *ties.at(name);
    const auto glue = cxn.child("p:nvCxnSpPr").child("p:cNvCxnSpPr");
    const std::set<unsigned> ends{glue.child("a:stCxn").attribute("id").as_uint(),
                                  glue.child("a:endCxn").attribute("id").as_uint()};
    const std::set<unsigned> people{shape_of_person.at(d.find_person(tie.from)->full_name),
                                    shape_of_person.at(d.find_person(tie.to)->full_name)};
    EXPECT_EQ(ends, people) << name << " is glued to its own two people";
    EXPECT_EQ(glue.child("a:stCxn").attribute("idx").as_int(), 0);
    glued.insert(name);
  }
  std::size_t relationship_ties = 0;
  for (const auto& t : d.ties) relationship_ties += t.kind == model::TieKind::Relationship ? 1 : 0;
  EXPECT_EQ(connectors, relationship_ties) << "one connector per tie drawn";
  EXPECT_EQ(glued.size(), connectors);

  // Every slide says the marking at the top and the bottom, and which slide it is.
  std::size_t slides = 0;
  while (package.parts.contains("ppt/slides/slide" + std::to_string(slides + 1) + ".xml")) ++slides;
  EXPECT_GE(slides, 5u) << "the map, and the register, risks, gaps and actions";
  for (std::size_t k = 1; k <= slides; ++k) {
    const std::string& text = package.parts.at("ppt/slides/slide" + std::to_string(k) + ".xml");
    std::size_t markings = 0;
    for (auto at = text.find(">OFFICIAL-SENSITIVE<"); at != std::string::npos;
         at = text.find(">OFFICIAL-SENSITIVE<", at + 1)) {
      ++markings;
    }
    EXPECT_EQ(markings, 2u) << "slide " << k;
    EXPECT_NE(text.find("slide " + std::to_string(k) + " of " + std::to_string(slides)),
              std::string::npos);
  }
  // The tables are native tables, with the register's header.
  const std::string& register_slide = package.parts.at("ppt/slides/slide2.xml");
  EXPECT_NE(register_slide.find("<a:tbl>"), std::string::npos);
  EXPECT_NE(register_slide.find(">What was said<"), std::string::npos);
}

// A plain presentation: no macros, no external relationships, no embedded objects, the content
// types a .pptx has; and the same input gives the same bytes.
TEST(Pptx, ThePackageIsAPlainPresentationWithNothingActiveOrExternalAndTheSameBytes) {
  const model::Document d = example("peer-group.json");
  const std::string bytes = pptx_of(d);
  EXPECT_EQ(bytes, pptx_of(d));
  const Package package = unzip(bytes);
  ASSERT_FALSE(package.names.empty());
  EXPECT_EQ(package.names.front(), "[Content_Types].xml");
  const std::string& types = package.parts.at("[Content_Types].xml");
  EXPECT_NE(types.find("presentationml.presentation.main+xml"), std::string::npos);
  EXPECT_EQ(types.find("macroEnabled"), std::string::npos);
  for (const auto& [name, part] : package.parts) {
    EXPECT_EQ(name.find("vbaProject"), std::string::npos) << name;
    EXPECT_EQ(name.find("embeddings/"), std::string::npos) << name;
    EXPECT_EQ(name.find("media/"), std::string::npos) << name;
    EXPECT_EQ(name.find("activeX"), std::string::npos) << name;
    EXPECT_EQ(part.find("TargetMode=\"External\""), std::string::npos) << name;
    EXPECT_EQ(part.find("hlinkClick"), std::string::npos) << name;
    EXPECT_EQ(part.find("http://evil"), std::string::npos) << name;
    if (name.size() > 5 && name.substr(name.size() - 5) == ".rels") {
      const auto rels = xml_of(part);
      for (auto r : rels.child("Relationships").children("Relationship")) {
        const std::string target = r.attribute("Target").value();
        EXPECT_EQ(target.find(':'), std::string::npos) << name << ": " << target;
      }
    }
  }
}

// Hostile strings stay words: escaped in the XML, read back exactly as typed.
TEST(Pptx, HostileStringsAreInertText) {
  model::Document d = example("peer-group.json");
  d.people[2].full_name = "<script>alert(1)</script> Tennant";
  d.information[0].summary = "Said \"><img src=x onerror=alert(1)> & <a:t>x</a:t> then";
  d.map.title = "Peer mapping ]]> <b>bold</b> \u202Eeltit";
  const Package package = unzip(pptx_of(d));
  const std::string& map = package.parts.at("ppt/slides/slide1.xml");
  EXPECT_EQ(map.find("<script>"), std::string::npos);
  EXPECT_NE(map.find("&lt;script&gt;alert(1)&lt;/script&gt; Tennant"), std::string::npos);
  bool named = false;
  const auto map_xml = xml_of(map);
  for (auto sp : map_xml.child("p:sld").child("p:cSld").child("p:spTree").children("p:sp")) {
    const auto words = paragraphs(sp);
    named = named || (!words.empty() && words[0] == "<script>alert(1)</script> Tennant");
    if (!words.empty() && words[0].rfind("Peer mapping", 0) == 0) {
      EXPECT_EQ(words[0], "Peer mapping ]]> <b>bold</b> [U+202E]eltit") << "shown, not obeyed";
    }
  }
  EXPECT_TRUE(named);
  const std::string& register_slide = package.parts.at("ppt/slides/slide2.xml");
  EXPECT_EQ(register_slide.find("<img"), std::string::npos);
  bool said = false;
  const auto register_xml = xml_of(register_slide);
  for (auto t : register_xml.select_nodes("//a:t")) {
    said = said || std::string(t.node().text().get()) ==
                       "Said \"><img src=x onerror=alert(1)> & <a:t>x</a:t> then";
  }
  EXPECT_TRUE(said) << "the summary is one run of text, as typed";
}

// A copy's PowerPoint holds only what its audience may receive (docs/copies.md), as the PDF
// record does: every slide's words searched for the withheld items' code words and the names of
// the people only those items hold, and for what must be there, so the test can fail.
TEST(Pptx, ACopyHoldsOnlyWhatItsAudienceMayReceiveAndSaysSoOnItsFace) {
  const model::Document d = testing::copies_document();
  for (const auto audience :
       {model::Audience::Partner, model::Audience::Family, model::Audience::RecordOfAnotherChild}) {
    RecordOptions options;
    options.audience = audience;
    if (audience == model::Audience::RecordOfAnotherChild) {
      options.reason = "to support a referral to children's social care";
    }
    const Package package = unzip(pptx_of(d, options));
    std::string words;  // every run of text on every slide
    for (const auto& [name, part] : package.parts) {
      if (name.rfind("ppt/slides/slide", 0) != 0) continue;
      const auto xml = xml_of(part);
      for (auto t : xml.select_nodes("//a:t")) words += std::string(t.node().text().get()) + "\n";
    }
    const std::string title = model::copy_title(audience);
    EXPECT_NE(words.find(title + ": "), std::string::npos) << title;
    if (!options.reason.empty()) {
      EXPECT_NE(words.find(options.reason), std::string::npos);
    }
    for (const auto& word : testing::copies_forbidden_words(audience, true)) {
      EXPECT_FALSE(testing::has_word(words, word)) << word << " is in the " << title;
    }
    for (const auto& word : testing::copies_required_words(audience, true)) {
      EXPECT_TRUE(testing::has_word(words, word)) << word << " is not in the " << title;
    }
  }
}

// LibreOffice opens the package and converts it; the map slide shows every person's full name.
TEST(Pptx, LibreOfficeOpensItAndTheMapSlideShowsEveryPerson) {
  const model::Document d = example("peer-group.json");
  const fs::path dir = fs::temp_directory_path() / ("peermap-pptx-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  { std::ofstream(dir / "map.pptx", std::ios::binary) << pptx_of(d); }
  std::string out;
  // A profile of its own, so a parallel run or the user's own LibreOffice does not interfere.
  const std::string soffice = "soffice -env:UserInstallation=file://" + (dir / "profile").string() +
                              " --headless --convert-to pdf --outdir " + dir.string() + " " +
                              (dir / "map.pptx").string() + " 2>&1";
  ASSERT_EQ(run(soffice, out), 0) << out;
  ASSERT_TRUE(fs::exists(dir / "map.pdf")) << out;
  ASSERT_EQ(run("pdfinfo " + (dir / "map.pdf").string(), out), 0);
  std::string slide_one;
  ASSERT_EQ(run("pdftotext -f 1 -l 1 " + (dir / "map.pdf").string() + " -", slide_one), 0);
  std::string words;  // lines joined with spaces: a name is one line
  for (char c : slide_one) words += c == '\n' ? ' ' : c;
  for (const auto& p : d.people)
    EXPECT_NE(words.find(p.full_name), std::string::npos) << p.full_name;
  EXPECT_NE(words.find("OFFICIAL-SENSITIVE"), std::string::npos);
  std::string all;
  ASSERT_EQ(run("pdftotext " + (dir / "map.pdf").string() + " -", all), 0);
  EXPECT_NE(all.find("Information register"), std::string::npos);
  EXPECT_NE(all.find("Outcomes and actions"), std::string::npos);
  std::error_code ignored;
  fs::remove_all(dir, ignored);
}

}  // namespace
}  // namespace peermap::record
