// The SVG is opened in browsers, so whatever people typed into a map must never become
// markup, script or a link in it. Hostile names, titles and markings are rendered in-process
// (bypassing the parser's limits, as a future caller might) and the SVG is inspected both as
// text and as parsed XML.
#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <regex>
#include <set>

#include "layout/layout.hpp"
#include "render/hand_geometry.hpp"
#include "render/render.hpp"
#include "support/document_builder.hpp"

namespace peermap::render {
namespace {

using model::Date;
using model::Document;

const std::string kScript = "<script>alert(1)</script> Smith";
const std::string kAttribute = "\" onload=\"alert(1)";
const std::string kSql = "Robert'); DROP TABLE people;--";
const std::string kArabic = "\u0645\u0631\u064a\u0645 \u0623\u062d\u0645\u062f";  // مريم أحمد
const std::string kHebrew = "\u05e0\u05d5\u05e2\u05d4 \u05dc\u05d5\u05d9";        // נועה לוי
const std::string kEmoji = "Zara \U0001F525\U0001F4AF Begum \U0001F469\u200D\U0001F467";
const std::string kMarkup =
    "<b>OFFICIAL</b> <a href=\"javascript:alert(1)\">x</a> &amp; ]]> <!ENTITY x SYSTEM "
    "\"file:///etc/passwd\">";
const std::string kBidi = "Noah \u202eEvans\u202c \u200f";              // right-to-left override
const std::string kLong = std::string(10 * 1024 - 7, 'W') + " Carter";  // 10 kB, one word

using testing::person;
using testing::relationship;

//! Every hostile string somewhere the renderer draws text: title, team, marking, names (so
//! also the subject line and the ecomap view line), group and location names.
Document hostile_document() {
  Document d;
  d.map.title = "<script>alert('title')</script><svg onload=alert(1)> " + kMarkup;
  d.map.owning_team = "<iframe src=\"https://example.invalid\"></iframe> url(javascript:alert(1))";
  d.map.protective_marking = kMarkup;
  d.map.map_date = {2026, 11, 1};
  d.map.review_date = Date{2027, 2, 1};
  d.map.subject_children = {"p1"};
  d.people = {person("p1", kScript, model::Role::SubjectChild),
              person("p2", kAttribute, model::Role::Peer),
              person("p3", kSql, model::Role::Peer),
              person("p4", kArabic, model::Role::Peer),
              person("p5", kHebrew, model::Role::AdultOfConcern),
              person("p6", kEmoji, model::Role::Peer),
              person("p7", kLong, model::Role::Peer),
              person("p8", kBidi, model::Role::Peer)};
  d.people[0].roth = true;
  d.groups = {{"g1", "<foreignObject><body onload=alert(1)/></foreignObject>", "gang", ""}};
  d.locations = {
      {"l1", "<image href=\"data:text/html,<script>alert(1)</script>\"/> " + kArabic, "park", ""}};
  d.ties = {relationship("t1", "p1", "p2"),
            relationship("t2", "p1", "p3"),
            relationship("t3", "p4", "p5"),
            relationship("t4", "p1", "p6"),
            relationship("t5", "p7", "p1"),
            relationship("t6", "p8", "p2"),
            testing::tie("t7", model::TieKind::MemberOf, "p1", "g1"),
            testing::tie("t8", model::TieKind::MemberOf, "p2", "g1"),
            testing::tie("t9", model::TieKind::Frequents, "p4", "l1"),
            testing::tie("t10", model::TieKind::Frequents, "p7", "l1")};
  d.ties[0].exploitation_by = "p2";
  d.ties[1].tension = true;
  d.ecomaps = {{"p1", {{"p2", 1}, {"p3", 2}, {"p7", 3}, {"l1", 4}}, ""}};
  return d;
}

struct Rendered {
  std::string svg;
  std::string png;
  std::string pdf;
};

Rendered render_all(const Document& d, const layout::Geometry& geometry,
                    const std::string& ecomap_centre, bool redact, bool with_pdf = true) {
  Rendered out;
  model::View view;
  view.ecomap_centre = ecomap_centre;
  view.redact = redact;
  view.as_of = Date{2026, 10, 1};
  const Page page(d, geometry, view);
  for (const auto format : {Format::Svg, Format::Png, Format::Pdf}) {
    if (format == Format::Pdf && !with_pdf) continue;
    auto bytes = write_page(page, {format, 40});
    EXPECT_TRUE(bytes.ok()) << bytes.error().message;
    if (!bytes.ok()) continue;
    (format == Format::Svg   ? out.svg
     : format == Format::Png ? out.png
                             : out.pdf) = std::move(bytes.value());
  }
  return out;
}

//! Through the automatic layout, as the CLI does.
Rendered render_laid_out(const Document& d, const std::string& ecomap_centre, bool redact) {
  layout::LayoutOptions layout_options;
  layout_options.ecomap_centre = ecomap_centre;
  layout_options.redact = redact;
  const auto geometry = layout::compute_layout(d, layout_options);
  EXPECT_TRUE(geometry.ok()) << geometry.error().message;
  if (!geometry.ok()) return {};
  return render_all(d, geometry.value(), ecomap_centre, redact);
}

//! With a hand-made geometry: the renderer alone.
Rendered render_by_hand(const Document& d, const std::string& ecomap_centre, bool redact,
                        bool with_pdf = true) {
  const layout::Geometry geometry = ecomap_centre.empty()
                                        ? testing::hand_geometry(d, redact)
                                        : testing::hand_ecomap(d, ecomap_centre, redact);
  return render_all(d, geometry, ecomap_centre, redact, with_pdf);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

//! Every way the SVG text could carry active content; one sentence a finding.
std::vector<std::string> textual_findings(const std::string& svg) {
  std::vector<std::string> out;
  const std::string text = lower(svg);
  for (const char* bad : {"<script", "foreignobject", "<!entity", "<!doctype", "javascript:",
                          "<iframe", "<object", "<embed", "alert(", "drop table", "<b>"}) {
    if (text.find(bad) != std::string::npos) out.push_back(std::string("contains ") + bad);
  }
  static const std::regex event(R"(\son[a-z]+\s*=)");
  if (std::regex_search(text, event)) out.push_back("has an on* event attribute");
  static const std::regex href(R"(href\s*=\s*["']([^"']*)["'])");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), href); it != std::sregex_iterator();
       ++it) {
    if ((*it)[1].str().rfind('#', 0) != 0)
      out.push_back("links outside the document: " + (*it)[0].str());
  }
  static const std::regex url(R"(url\(\s*([^)]*)\))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), url); it != std::sregex_iterator();
       ++it) {
    const std::string target = (*it)[1].str();
    if (target.rfind('#', 0) != 0 && target.rfind("'#", 0) != 0 && target.rfind("\"#", 0) != 0) {
      out.push_back("url() outside the document: " + (*it)[0].str());
    }
  }
  // Cairo embeds raster images as data: URIs; only PNG is acceptable, and this map has none.
  for (std::size_t at = text.find("data:"); at != std::string::npos;
       at = text.find("data:", at + 1)) {
    if (text.compare(at, 15, "data:image/png;") != 0) out.push_back("data: URI that is not a PNG");
  }
  return out;
}

//! The same, on the parsed tree: element names, attribute names and values.
std::vector<std::string> tree_findings(pugi::xml_document& xml) {
  std::vector<std::string> out;
  struct Walker : pugi::xml_tree_walker {
    std::vector<std::string>* out;
    bool for_each(pugi::xml_node& node) override {
      if (node.type() == pugi::node_doctype || node.type() == pugi::node_pi) {
        if (std::string(node.name()) != "xml") out->push_back("doctype or processing instruction");
      }
      if (node.type() != pugi::node_element) return true;
      const std::string name = lower(node.name());
      static const std::set<std::string> allowed{
          "svg",     "g",        "defs",   "symbol",         "path",           "use",
          "rect",    "clippath", "mask",   "lineargradient", "radialgradient", "stop",
          "pattern", "image",    "filter", "fecolormatrix",  "feimage",        "fecomposite",
          "text"};
      if (!allowed.contains(name)) out->push_back("element <" + name + ">");
      for (const auto& attribute : node.attributes()) {
        const std::string key = lower(attribute.name());
        const std::string value = lower(attribute.value());
        if (key.rfind("on", 0) == 0) out->push_back("event attribute " + key);
        if ((key == "href" || key == "xlink:href") && value.rfind('#', 0) != 0 &&
            value.rfind("data:image/png;", 0) != 0) {
          out->push_back("link " + key + "=" + value.substr(0, 80));
        }
        if (value.find("javascript:") != std::string::npos) out->push_back("javascript: in " + key);
      }
      return true;
    }
  } walker;
  walker.out = &out;
  xml.traverse(walker);
  return out;
}

std::string joined(const std::vector<std::string>& findings) {
  std::string out;
  for (const auto& f : findings) out += "\n  " + f;
  return out;
}

void expect_safe_svg(const std::string& svg) {
  ASSERT_FALSE(svg.empty());
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  const auto text = textual_findings(svg);
  EXPECT_TRUE(text.empty()) << joined(text);
  pugi::xml_document xml;
  const pugi::xml_parse_result parsed =
      xml.load_buffer(svg.data(), svg.size(), pugi::parse_default | pugi::parse_doctype);
  ASSERT_TRUE(parsed) << "not well-formed XML: " << parsed.description() << " at byte "
                      << parsed.offset;
  EXPECT_STREQ(xml.document_element().name(), "svg");
  const auto tree = tree_findings(xml);
  EXPECT_TRUE(tree.empty()) << joined(tree);
}

void expect_images(const Rendered& r) {
  EXPECT_EQ(r.png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_GT(r.png.size(), 1000u);
  EXPECT_EQ(r.pdf.substr(0, 5), "%PDF-");
  EXPECT_GT(r.pdf.size(), 1000u);
}

TEST(SvgSafety, TheCheckerItselfCatchesActiveContent) {
  // If these were not caught, the tests below would prove nothing.
  const std::string ok =
      "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>";
  EXPECT_TRUE(textual_findings(ok).empty());
  for (const std::string& bad :
       {std::string("<svg><script>x</script></svg>"), std::string("<svg><g onclick =\"x\"/></svg>"),
        std::string("<svg><use xlink:href=\"https://x.invalid/a.svg#b\"/></svg>"),
        std::string("<svg><g style=\"fill:url(https://x.invalid)\"/></svg>"),
        std::string("<svg><foreignObject/></svg>"),
        std::string("<svg><image href=\"data:image/svg+xml;base64,AAAA\"/></svg>")}) {
    EXPECT_FALSE(textual_findings(bad).empty()) << bad;
  }
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_string("<svg><g onmouseover=\"x\"/><a href=\"http://x.invalid\"/></svg>"));
  EXPECT_EQ(tree_findings(xml).size(), 3u) << joined(tree_findings(xml));  // <a>, onmouseover, href
}

TEST(SvgSafety, HostileTextInTheNetworkMapStaysText) {
  const Rendered r = render_by_hand(hostile_document(), "", false);
  expect_safe_svg(r.svg);
  expect_images(r);
}

TEST(SvgSafety, HostileTextInTheEcomapAndARedactedCopyStaysText) {
  const Rendered ecomap = render_by_hand(hostile_document(), "p1", false);
  expect_safe_svg(ecomap.svg);
  expect_images(ecomap);
  const Rendered redacted = render_by_hand(hostile_document(), "", true);
  expect_safe_svg(redacted.svg);
  expect_images(redacted);
}

TEST(SvgSafety, HostileTextThroughTheAutomaticLayoutStaysText) {
  const Rendered network = render_laid_out(hostile_document(), "", false);
  expect_safe_svg(network.svg);
  expect_images(network);
  const Rendered ecomap = render_laid_out(hostile_document(), "p1", true);
  expect_safe_svg(ecomap.svg);
  expect_images(ecomap);
}

TEST(SvgSafety, ATenKilobyteNameIsCutAtTheValidatorsLimit) {
  // No valid name is longer than 200 characters; past that a name is cut, so the label stays
  // a label (3 lines of about a third of 200 characters each), not a 10 kB banner.
  const Document d = hostile_document();
  const auto g = layout::compute_layout(d, {});
  ASSERT_TRUE(g.ok()) << g.error().message;
  for (const auto& n : g->nodes) {
    EXPECT_LE(n.label.w, 800.0) << n.id;
    EXPECT_LT(n.label.h, 60.0) << n.id << ": at most three name lines and a detail line";
  }
}

//! Text the parser would have rejected: invalid UTF-8, control characters, a NUL.
Document broken_text_document() {
  Document d = hostile_document();
  const char raw[] = "Bad \xff\xfe UTF-8 \xc3 \x01\x02\x1b[0m\0 end";
  d.map.title = std::string(raw, sizeof raw - 1);
  d.map.protective_marking = d.map.title;
  d.people[1].full_name = d.map.title;
  d.groups[0].name = d.map.title;
  return d;
}

TEST(SvgSafety, BrokenUtf8AndControlCharactersDoNotBreakTheSvg) {
  // The parser rejects these; a caller that skips it must still get a well-formed file.
  const Rendered r = render_by_hand(broken_text_document(), "", false, false);
  expect_safe_svg(r.svg);
  EXPECT_EQ(r.png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST(SvgSafety, BrokenUtf8StillRendersAPdf) {
  // Cairo's PDF surface refuses invalid UTF-8 passed along with the glyphs, so the renderer
  // must hand pango valid UTF-8 (e.g. g_utf8_make_valid) rather than fail the whole page.
  const Rendered r = render_by_hand(broken_text_document(), "", false);
  EXPECT_EQ(r.pdf.substr(0, 5), "%PDF-");
}

//! Two children, one the subject, and a tie: nothing hostile.
Document plain_document() {
  Document d;
  d.map.title = "Peer map: Amira Haddad";
  d.map.map_date = {2026, 11, 1};
  d.map.subject_children = {"p1"};
  d.people = {person("p1", "Amira Haddad", model::Role::SubjectChild),
              person("p2", "Jayden Clarke", model::Role::Peer)};
  d.ties = {relationship("t1", "p1", "p2")};
  return d;
}

TEST(SvgSafety, EveryPlainMapIsSafeToo) {
  // A map with nothing hostile in it passes the same checks (so they are not vacuous for
  // ordinary output) and uses glyph references, the one kind of link allowed.
  const Rendered r = render_by_hand(plain_document(), "", false);
  expect_safe_svg(r.svg);
  EXPECT_NE(r.svg.find("xlink:href=\"#glyph"), std::string::npos);
}

//! The screen's SVG (FileOptions::svg_text): the words are in it, as XML character data.
std::string screen_svg(const Document& d, bool redact) {
  model::View view;
  view.redact = redact;
  const Page page(d, testing::hand_geometry(d, redact), view);
  FileOptions options{Format::Svg};
  options.svg_text = true;
  auto bytes = write_page(page, options);
  EXPECT_TRUE(bytes.ok()) << bytes.error().message;
  return bytes.ok() ? bytes.value() : std::string();
}

//! Every <text> element's words, as an XML parser reads them (entities decoded).
std::vector<std::string> words_of(pugi::xml_document& xml) {
  std::vector<std::string> out;
  for (const auto& found : xml.select_nodes("//text")) out.emplace_back(found.node().text().get());
  return out;
}

TEST(SvgSafety, TheScreensWordsAreTextNeverMarkup) {
  // The workspace's SVG carries what people typed as words: parsed, each hostile string comes
  // back as the characters typed, inside <text>, and nothing in the tree is active.
  const std::string svg = screen_svg(hostile_document(), false);
  pugi::xml_document xml;
  const auto parsed = xml.load_buffer(svg.data(), svg.size());
  ASSERT_TRUE(parsed) << parsed.description() << " at byte " << parsed.offset;
  const auto tree = tree_findings(xml);
  EXPECT_TRUE(tree.empty()) << joined(tree);
  const std::vector<std::string> words = words_of(xml);
  ASSERT_FALSE(words.empty());
  // A label wraps over lines: compared without spaces, the lines in drawing order.
  const auto flat = [](const std::string& text) {
    std::string out;
    for (const char c : text) {
      if (c != ' ') out += c;
    }
    return out;
  };
  std::string all;
  for (const auto& w : words) all += w;
  for (const std::string& typed : {kScript, kSql, kArabic, std::string("<b>OFFICIAL</b>")}) {
    EXPECT_NE(flat(all).find(flat(typed)), std::string::npos) << typed << " is not in: " << all;
  }
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_EQ(svg.find("<foreignObject"), std::string::npos);
  // A direction override is drawn as a mark, never obeyed.
  EXPECT_EQ(all.find("\u202e"), std::string::npos);
  // The only attributes are the renderer's own: nothing typed reaches one.
  for (const auto& found : xml.select_nodes("//text")) {
    for (const auto& attribute : found.node().attributes()) {
      EXPECT_TRUE(std::set<std::string>({"x", "y", "font-size", "textLength", "lengthAdjust",
                                         "font-weight", "fill", "xml:space"})
                      .contains(attribute.name()))
          << attribute.name();
    }
  }
}

TEST(SvgSafety, TheScreensWordsSurviveBrokenUtf8AndControls) {
  const std::string svg = screen_svg(broken_text_document(), false);
  pugi::xml_document xml;
  const auto parsed = xml.load_buffer(svg.data(), svg.size());
  ASSERT_TRUE(parsed) << parsed.description() << " at byte " << parsed.offset;
  for (const auto& w : words_of(xml)) {
    for (const char c : w) {
      EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20 && c != '\t') << "a control in: " << w;
    }
  }
  const auto tree = tree_findings(xml);
  EXPECT_TRUE(tree.empty()) << joined(tree);
}

TEST(SvgSafety, ARedactedScreenCopyHoldsOnlyInitialsOfOtherChildren) {
  // The disclosure copy's words are the layout's label lines: another child's full name is
  // nowhere in the file, as words or otherwise.
  Document d = plain_document();
  d.people[1].date_of_birth = Date{2012, 3, 4};
  const std::string svg = screen_svg(d, true);
  EXPECT_NE(svg.find("Amira Haddad"), std::string::npos);
  EXPECT_EQ(svg.find("Jayden"), std::string::npos);
  EXPECT_EQ(svg.find("Clarke"), std::string::npos);
}

}  // namespace
}  // namespace peermap::render
