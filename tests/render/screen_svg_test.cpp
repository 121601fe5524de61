// The screen's SVG (FileOptions::svg_text, map.svg?labels=text): the drawing the workspace shows,
// with its words as <text> rather than glyph outlines. Each line keeps pango's position and
// width, so a viewer's own font fills exactly the box the layout reserved: no label grows into
// another, whatever font the viewer has. The words are the full names the layout wrote.
#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "model/views.hpp"
#include "render/render.hpp"
#include "support/long_names.hpp"
#include "support/random_document.hpp"

namespace peermap::render {
namespace {

struct Line {
  std::string words;
  double x = 0;
  double baseline = 0;
  double width = 0;
};

std::vector<Line> lines_of(const std::string& svg) {
  pugi::xml_document xml;
  EXPECT_TRUE(xml.load_buffer(svg.data(), svg.size()));
  std::vector<Line> out;
  for (const auto& found : xml.select_nodes("//text")) {
    const pugi::xml_node t = found.node();
    out.push_back({t.text().get(), t.attribute("x").as_double(), t.attribute("y").as_double(),
                   t.attribute("textLength").as_double()});
  }
  return out;
}

model::Document map_of_long_names() { return testing::map_of_long_names(7, 14, 2); }

std::string screen(const Page& page) {
  FileOptions options{Format::Svg};
  options.svg_text = true;
  auto bytes = write_page(page, options);
  EXPECT_TRUE(bytes.ok()) << bytes.error().message;
  return bytes.ok() ? bytes.value() : std::string();
}

TEST(ScreenSvg, EveryLabelLineIsTextInsideTheBoxTheLayoutReserved) {
  const auto page = prepare_page(map_of_long_names(), {});
  ASSERT_TRUE(page.ok()) << page.error().message;
  const std::vector<Line> lines = lines_of(screen(page.value()));
  const MapPlacement at = place_on_page(page.value());
  const auto& g = page->geometry;
  for (const auto& n : g.nodes) {
    // The label box on the page: geometry units through the placement's scale and offset.
    const double left = (n.label.x - g.x0) * at.scale + at.x;
    const double top = (n.label.y - g.y0) * at.scale + at.y;
    const double right = left + n.label.w * at.scale;
    const double bottom = top + n.label.h * at.scale;
    std::string drawn;
    for (const Line& line : lines) {
      if (line.x < left - 0.5 || line.x + line.width > right + 0.5) continue;
      if (line.baseline < top || line.baseline > bottom + 0.5) continue;
      drawn += line.words;
    }
    for (const auto& label : n.label_lines) {
      std::string flat;
      for (const char c : label) {
        if (c != ' ') flat += c;
      }
      std::string got;
      for (const char c : drawn) {
        if (c != ' ') got += c;
      }
      EXPECT_NE(got.find(flat), std::string::npos)
          << n.id << ": \"" << label << "\" is not drawn inside its box; drawn there: " << drawn;
    }
  }
  EXPECT_EQ(lines.size() > g.nodes.size(), true) << "names, details, the key and the header";
}

TEST(ScreenSvg, TheSamePageGivesTheSameBytesAndTheOutlinesStayTheDefault) {
  const auto page = prepare_page(map_of_long_names(), {});
  ASSERT_TRUE(page.ok()) << page.error().message;
  const std::string a = screen(page.value());
  EXPECT_EQ(a, screen(page.value()));
  EXPECT_NE(a.find("<text "), std::string::npos);
  EXPECT_NE(a.find("lengthAdjust=\"spacingAndGlyphs\""), std::string::npos);
  const auto outlines = write_page(page.value(), {Format::Svg});
  ASSERT_TRUE(outlines.ok());
  EXPECT_EQ(outlines->find("<text"), std::string::npos) << "a file's SVG draws glyph outlines";
  EXPECT_NE(outlines->find("<symbol"), std::string::npos);
  // The screen's SVG draws no glyph outlines for the words it holds as text.
  EXPECT_LT(a.size(), outlines->size());
}

TEST(ScreenSvg, ALineCutWithAnEllipsisIsStillDrawnAsOutlines) {
  // Pango's ellipsis is not in the words; such a line keeps its outlines, so what is drawn is
  // what the layout measured. A title past three lines is the one text cut on a page.
  model::Document d = map_of_long_names();
  d.map.title.clear();
  for (int k = 0; k < 30; ++k) d.map.title += std::string(40, 'W') + " ";
  d.map.title += "the end";
  const auto page = prepare_page(d, {});
  ASSERT_TRUE(page.ok()) << page.error().message;
  const std::string svg = screen(page.value());
  for (const Line& line : lines_of(svg)) {
    EXPECT_EQ(line.words.find("the end"), std::string::npos) << "the cut title is not text";
  }
  EXPECT_NE(svg.find("<symbol"), std::string::npos) << "its glyphs are outlines";
}

//! The page's words, one line after another with one space between (a label wraps).
std::string words_of(const Page& page) {
  std::string out;
  for (const Line& line : lines_of(screen(page))) out += line.words + " ";
  return out;
}

TEST(ScreenSvg, TheEcomapKeySaysWhoPlacedTheRingsAndTheFooterCountsWhatIsShown) {
  testing::RandomMapShape shape;
  shape.people = 14;
  model::Document d = testing::random_document(11, shape);
  d.ecomaps.clear();
  const std::string centre = d.people[0].id;
  const auto network = prepare_page(d, {});
  ASSERT_TRUE(network.ok()) << network.error().message;
  EXPECT_NE(words_of(network.value()).find("peermap  \u00b7  14 people  \u00b7"), std::string::npos)
      << words_of(network.value());
  model::View ecomap;
  ecomap.ecomap_centre = centre;
  // No ecomap recorded with the child: peermap placed the rings, and the key says so (whole,
  // not cut short: a cut line would be outlines, not words).
  const auto derived = prepare_page(d, ecomap);
  ASSERT_TRUE(derived.ok()) << derived.error().message;
  const std::string derived_words = words_of(derived.value());
  EXPECT_NE(derived_words.find("Rings placed by peermap from the ties: no ecomap recorded"),
            std::string::npos)
      << derived_words;
  EXPECT_EQ(derived_words.find("as the child placed them"), std::string::npos);
  // The child placed two people: the key says the child did, and the footer counts three of 14.
  d.ecomaps = {{centre, {{d.people[1].id, 1}, {d.people[2].id, 3}}, ""}};
  const auto placed = prepare_page(d, ecomap);
  ASSERT_TRUE(placed.ok()) << placed.error().message;
  const std::string placed_words = words_of(placed.value());
  EXPECT_NE(placed_words.find("as the child placed them"), std::string::npos) << placed_words;
  EXPECT_NE(placed_words.find("3 of 14 people"), std::string::npos) << placed_words;
}

TEST(ScreenSvg, TheKeyTellsNoInformationFromAnecdotalOnly) {
  const auto page = prepare_page(map_of_long_names(), {});
  ASSERT_TRUE(page.ok()) << page.error().message;
  const std::string words = words_of(page.value());
  EXPECT_NE(words.find("Anecdotal only"), std::string::npos);
  EXPECT_NE(words.find("No information recorded"), std::string::npos);
}

// An as-of view marks each tie and person nothing dated supports with a "?" (issue 11, item 8),
// and the key says what it means; a view of everything marks nothing.
TEST(ScreenSvg, AnAsOfViewMarksWhatNothingDatedSupportsAndTheKeySaysWhatTheMarkMeans) {
  testing::RandomMapShape shape;
  shape.people = 14;
  const model::Document d = testing::random_document(11, shape);
  const auto marks = [](const std::string& svg) {
    std::size_t n = 0;
    for (const Line& line : lines_of(svg)) n += line.words == "?" ? 1 : 0;
    return n;
  };
  const std::string meaning = "Date not known: nothing dated shows it was known by this date";
  const auto whole = prepare_page(d, {});
  ASSERT_TRUE(whole.ok()) << whole.error().message;
  EXPECT_TRUE(whole->date_not_known.empty());
  EXPECT_EQ(marks(screen(whole.value())), 0u);
  EXPECT_EQ(words_of(whole.value()).find(meaning), std::string::npos);

  model::View as_of;
  as_of.as_of = d.map.map_date;
  const auto page = prepare_page(d, as_of);
  ASSERT_TRUE(page.ok()) << page.error().message;
  const auto& marked = page->date_not_known;
  EXPECT_EQ(marked, model::date_not_known(page->document));
  std::size_t drawn = 0;
  for (const auto& edge : page->geometry.edges) drawn += marked.contains(edge.id) ? 1 : 0;
  for (const auto& node : page->geometry.nodes) drawn += marked.contains(node.id) ? 1 : 0;
  ASSERT_GT(drawn, 0u) << "the generated map has ties with no dated information";
  EXPECT_EQ(marks(screen(page.value())), drawn + 1) << "each one marked, and the key's sample";
  EXPECT_NE(words_of(page.value()).find(meaning), std::string::npos);
}

}  // namespace
}  // namespace peermap::render
