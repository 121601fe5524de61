// The rendered page: PNG and PDF sizes and bytes, the paper size, and what is printed on the
// page. Text is drawn as glyph outlines, so content is checked in the pixels of the PNG:
//
//   +--------------------------------------------------------------------------------------+
//   | Title (15 pt bold)                                     |  MARKING (red)             |
//   | Subject: ...  Map date: ...  Review date: ...  Status: ...  Team: ...              |
//   | (red) Ecomap centred on ... As known on ... DISCLOSURE COPY ...                    |
//   |  +------------------------------------------------+  +---------------------------+ |
//   |  | map (clipped to this box)                      |  | Key (196 pt)              | |
//   |  +------------------------------------------------+  +---------------------------+ |
//   | peermap . N people . page A4 ...        MARKING (red)                              |
//   +--------------------------------------------------------------------------------------+
#include <cairo.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include "layout/layout.hpp"
#include "layout/style.hpp"
#include "render/hand_geometry.hpp"
#include "render/key.hpp"
#include "render/render.hpp"
#include "support/document_builder.hpp"
#include "support/png_pixels.hpp"
#include "support/random_document.hpp"
#include "support/svg_ids.hpp"

namespace peermap::render {
namespace {

using model::Date;
using model::Document;
using model::Tie;

constexpr double kA4Width = 841.89;
constexpr double kA4Height = 595.28;

// ---- A small map ----------------------------------------------------------------------------

using testing::person;
using testing::tie;

//   Year 10 group: Amira (subject), Jayden, Alex      Brookfield Park: Amira, Marcus
//   Marcus --exploits--> Amira; Amira ~tension~ Alex; Helen (professional) == Amira
Document small_document() {
  using model::Gender;
  using model::Role;
  using model::TieKind;
  Document d;
  d.map.title = "Peer map: Amira Haddad";
  d.map.subject_children = {"p1"};
  d.map.status = model::Status::Meeting;
  d.map.map_date = {2026, 11, 1};
  d.map.review_date = Date{2027, 2, 1};
  d.map.owning_team = "Exploitation Team";
  d.people = {
      person("p1", "Amira Haddad", Role::SubjectChild,
             {.gender = Gender::Female, .born = Date{2011, 4, 22}, .roth = true}),
      person("p2", "Jayden Clarke", Role::Peer, {.gender = Gender::Male, .born = Date{2010, 9, 1}}),
      person("p3", "Marcus Reid", Role::AdultOfConcern, {.gender = Gender::Male}),
      person("p4", "Helen Okoro", Role::Professional, {.gender = Gender::Female}),
      person("p5", "Alex Novak-Shaw", Role::Peer,
             {.gender = Gender::NonBinary, .born = Date{2011, 6, 9}})};
  d.locations = {{"l1", "Brookfield Park", "park", ""}};
  d.groups = {{"g1", "Year 10 friendship group", "friendship", ""}};
  Tie t1 = tie("t1", TieKind::Relationship, "p1", "p2");
  t1.strength = 3;
  Tie t2 = tie("t2", TieKind::Relationship, "p3", "p1");
  t2.exploitation_by = "p3";
  t2.strength = 2;
  Tie t3 = tie("t3", TieKind::Relationship, "p1", "p5");
  t3.tension = true;
  Tie t4 = tie("t4", TieKind::Relationship, "p4", "p1");
  t4.valence = model::Valence::Protective;
  d.ties = {t1,
            t2,
            t3,
            t4,
            tie("t5", TieKind::Frequents, "p1", "l1"),
            tie("t6", TieKind::Frequents, "p3", "l1"),
            tie("t7", TieKind::MemberOf, "p1", "g1"),
            tie("t8", TieKind::MemberOf, "p2", "g1"),
            tie("t9", TieKind::MemberOf, "p5", "g1")};
  model::InformationItem i1;
  i1.id = "i1";
  i1.summary = "Seen together most days after school.";
  i1.source_agency = "School";
  i1.evidence = model::Evidence::Evidenced;
  i1.observed = Date{2026, 10, 20};
  i1.about = {"t1", "t2", "t4"};
  d.information = {i1};
  d.ecomaps = {{"p1", {{"p2", 1}, {"p4", 1}, {"p3", 2}, {"p5", 3}, {"l1", 2}}, ""}};
  return d;
}

//! The renderer's input without the automatic layout (tests/render/hand_geometry.hpp).
layout::Geometry geometry_of(const Document& d, const std::string& ecomap_centre = "") {
  return ecomap_centre.empty() ? testing::hand_geometry(d) : testing::hand_ecomap(d, ecomap_centre);
}

//! The file of a page of `d` (taken as already viewed) drawn on `g`.
std::string render_bytes(const Document& d, const layout::Geometry& g, FileOptions file = {},
                         const model::View& view = {}) {
  auto bytes = write_page(Page(d, g, view), file);
  EXPECT_TRUE(bytes.ok()) << bytes.error().message;
  return bytes.ok() ? bytes.value() : std::string();
}

// ---- PNG: header and pixels -----------------------------------------------------------------

struct PngSize {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
};

std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
  return v;
}

//! Checks the signature and that the first chunk is IHDR; returns its width and height.
PngSize png_size(const std::string& png) {
  const std::string signature("\x89PNG\r\n\x1a\n", 8);
  EXPECT_GE(png.size(), 33u);
  if (png.size() < 33) return {};
  EXPECT_EQ(png.substr(0, 8), signature);
  EXPECT_EQ(big_endian(png, 8), 13u) << "IHDR length";
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  return {big_endian(png, 16), big_endian(png, 20)};
}

struct Rgb {
  int r = 0;
  int g = 0;
  int b = 0;
};

//! A decoded PNG page, addressed in page points.
class Raster {
 public:
  Raster(const std::string& png, double dpi) : scale_(dpi / 72.0) {
    testing::PngPixels read = testing::png_pixels(png);
    EXPECT_TRUE(read.read) << "cairo reads the PNG";
    width_ = read.width;
    height_ = read.height;
    pixels_ = std::move(read.pixels);
  }

  [[nodiscard]] int width() const { return width_; }
  [[nodiscard]] int height() const { return height_; }
  [[nodiscard]] std::uint32_t pixel(int x, int y) const { return at(x, y) & 0xffffffu; }

  //! Pixels in the rectangle (points) that satisfy `test`.
  [[nodiscard]] long count(layout::Rect area, const std::function<bool(Rgb)>& test) const {
    long n = 0;
    for_each(area, [&](int, int, std::uint32_t p) { n += test(rgb(p)) ? 1 : 0; });
    return n;
  }

  //! Whether two renders of the same page size agree on every pixel of the rectangle, to
  //! within `tolerance` levels a channel.
  [[nodiscard]] bool same_in(const Raster& other, layout::Rect area, int tolerance = 0) const {
    bool same = width_ == other.width_ && height_ == other.height_;
    if (!same) return false;
    for_each(area, [&](int x, int y, std::uint32_t p) {
      const Rgb a = rgb(p);
      const Rgb b = rgb(other.at(x, y));
      same = same && std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance &&
             std::abs(a.b - b.b) <= tolerance;
    });
    return same;
  }

 private:
  static Rgb rgb(std::uint32_t p) {
    return {static_cast<int>((p >> 16) & 0xffu), static_cast<int>((p >> 8) & 0xffu),
            static_cast<int>(p & 0xffu)};
  }
  [[nodiscard]] std::uint32_t at(int x, int y) const {
    return pixels_[static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) +
                   static_cast<std::size_t>(x)];
  }
  template <typename F>
  void for_each(layout::Rect area, F f) const {
    const int x0 = std::max(0, static_cast<int>(std::floor(area.x * scale_)));
    const int y0 = std::max(0, static_cast<int>(std::floor(area.y * scale_)));
    const int x1 = std::min(width_, static_cast<int>(std::ceil((area.x + area.w) * scale_)));
    const int y1 = std::min(height_, static_cast<int>(std::ceil((area.y + area.h) * scale_)));
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) f(x, y, at(x, y));
    }
  }

  double scale_;
  int width_ = 0;
  int height_ = 0;
  std::vector<std::uint32_t> pixels_;
};

Raster raster(const Document& d, const layout::Geometry& g, const model::View& view = {},
              double dpi = 100) {
  return Raster(render_bytes(d, g, {Format::Png, dpi}, view), dpi);
}

// Where things are on an A4 page (points), from the page furniture in render/page.cpp.
constexpr layout::Rect kTitleBand{24, 12, kA4Width - 24 - 224, 21};
constexpr layout::Rect kDetailsBand{24, 35, kA4Width - 48, 10};
constexpr layout::Rect kViewBand{24, 48, kA4Width - 48, 14};
constexpr layout::Rect kMarkingTop{kA4Width - 224, 10, 200, 22};
constexpr layout::Rect kMarkingFooter{kA4Width / 2 - 130, kA4Height - 20, 260, 20};
constexpr layout::Rect kKeyColumn{kA4Width - 24 - 196, 70, 196, kA4Height - 24 - 70};
constexpr layout::Rect kMapArea{24, 66, kA4Width - 48 - 196 - 12, kA4Height - 66 - 24};

bool dark(Rgb c) { return c.r < 110 && c.g < 110 && c.b < 110; }
bool red(Rgb c) { return c.r - std::max(c.g, c.b) > 80; }
std::function<bool(Rgb)> near(Colour colour, int tolerance = 4) {
  const Rgb want{static_cast<int>(std::lround(colour.r * 255)),
                 static_cast<int>(std::lround(colour.g * 255)),
                 static_cast<int>(std::lround(colour.b * 255))};
  return [=](Rgb c) {
    return std::abs(c.r - want.r) <= tolerance && std::abs(c.g - want.g) <= tolerance &&
           std::abs(c.b - want.b) <= tolerance;
  };
}

// ---- Paper size and image size -------------------------------------------------------------

//! 300 generated people, laid out once by the automatic layout for every test that needs a
//! big map (the one place these tests depend on the layout).
const std::pair<Document, layout::Geometry>& big_map() {
  static const auto* map = [] {
    testing::RandomMapShape shape;
    shape.people = 300;
    shape.groups = 6;
    shape.locations = 4;
    auto* m = new std::pair<Document, layout::Geometry>(testing::random_document(11, shape),
                                                        layout::Geometry{});
    auto g = layout::compute_layout(m->first, {});
    EXPECT_TRUE(g.ok()) << g.error().message;
    if (g.ok()) m->second = std::move(g.value());
    return m;
  }();
  return *map;
}

TEST(PaperSize, ASmallMapGoesOnA4Landscape) {
  const Paper page = choose_paper(geometry_of(small_document()));
  EXPECT_EQ(page.name, "A4");
  EXPECT_NEAR(page.width, kA4Width, 0.01);
  EXPECT_NEAR(page.height, kA4Height, 0.01);
}

TEST(PaperSize, ThreeHundredPeopleNeedLargerPaper) {
  const auto& [document, geometry] = big_map();
  ASSERT_EQ(geometry.nodes.size(), 300u);
  const Paper page = choose_paper(geometry);
  EXPECT_NE(page.name, "A4");
  EXPECT_GT(page.width, kA4Width);
  EXPECT_GT(page.height, kA4Height);
  EXPECT_GT(page.width, page.height) << "landscape";
  // The A-series, nothing else.
  const std::set<std::string> names{"A3", "A2", "A1", "A0"};
  EXPECT_TRUE(names.contains(page.name)) << page.name;
}

// Issue 10, item 6: names print at 7 pt or more on the sheet chosen, and the page says which
// sheet that is and how large its names print there.
TEST(PaperSize, NamesPrintAtSevenPointsOrMoreAndThePageSaysOnWhichSheet) {
  FileOptions options{Format::Svg};
  options.svg_text = true;
  const auto& [document, geometry] = big_map();
  const Document small = small_document();
  const layout::Geometry small_geometry = geometry_of(small);
  for (const layout::Geometry* laid_out : {&small_geometry, &geometry}) {
    const Paper paper = choose_paper(*laid_out);
    const double printed = layout::style::kNameFontSize * place_on_page(paper, *laid_out).scale;
    const Document& d = laid_out == &geometry ? document : small;
    SCOPED_TRACE(std::to_string(d.people.size()) + " people, " + paper.name);
    const std::string svg = render_bytes(d, *laid_out, options);
    char words[64];
    std::snprintf(words, sizeof words, "print on %s landscape: names %.1f pt", paper.name.c_str(),
                  printed);
    EXPECT_NE(svg.find(words), std::string::npos) << words;
    if (paper.name != "A0") {
      EXPECT_GE(printed, kMinNamePrint);
      EXPECT_EQ(svg.find("smaller than"), std::string::npos);
    }
  }
  EXPECT_EQ(choose_paper(small_geometry).name, "A4");
  // A map too large for A0 at 7 pt says its names print smaller than that.
  layout::Geometry huge = geometry;
  huge.width *= 8;
  huge.height *= 8;
  ASSERT_EQ(choose_paper(huge).name, "A0");
  const std::string on_a0 = render_bytes(document, huge, options);
  EXPECT_NE(on_a0.find("print on A0 landscape: names"), std::string::npos);
  EXPECT_NE(on_a0.find(", smaller than 7.0 pt"), std::string::npos);
}

TEST(PaperSize, AnEmptyGeometryStillGetsAPage) {
  EXPECT_EQ(choose_paper(layout::Geometry{}).name, "A4");
}

TEST(Png, ASmallMapIsAnA4PageAt200Dpi) {
  const Document d = small_document();
  FileOptions options{Format::Png, 200};
  const std::string png = render_bytes(d, geometry_of(d), options);
  const PngSize size = png_size(png);
  // 841.89 x 595.28 pt at 200/72 px a point, rounded up.
  EXPECT_GE(size.width, 2339u);
  EXPECT_GE(size.height, 1654u);
  EXPECT_EQ(size.width, 2339u);
  EXPECT_EQ(size.height, 1654u);
  // 8-bit RGB: a photocopy-friendly opaque page.
  EXPECT_EQ(static_cast<int>(png[24]), 8) << "bit depth";
  EXPECT_EQ(static_cast<int>(png[25]), 2) << "colour type RGB";
  // It decodes, and the page is white at the corners and inked in the middle.
  const Raster page(png, 200);
  EXPECT_EQ(
      page.count({0, 0, 20, 10}, [](Rgb c) { return c.r != 255 || c.g != 255 || c.b != 255; }), 0);
  EXPECT_GT(page.count(kMapArea, dark), 1000);
}

TEST(Png, TheDpiScalesTheImage) {
  const Document d = small_document();
  const layout::Geometry g = geometry_of(d);
  FileOptions options{Format::Png, 72};
  PngSize size = png_size(render_bytes(d, g, options));
  EXPECT_EQ(size.width, 842u);
  EXPECT_EQ(size.height, 596u);
  options.png_dpi = 100;
  size = png_size(render_bytes(d, g, options));
  EXPECT_EQ(size.width, 1170u);
  EXPECT_EQ(size.height, 827u);
}

TEST(Png, ABigMapIsALargerImageThanA4AtTheSameDpi) {
  // A low resolution keeps an A0 page cheap; the size still follows the chosen paper.
  const auto& [document, geometry] = big_map();
  const double dpi = 36;
  FileOptions options{Format::Png, dpi};
  const PngSize size = png_size(render_bytes(document, geometry, options));
  const Paper page = choose_paper(geometry);
  EXPECT_EQ(size.width, static_cast<std::uint32_t>(std::ceil(page.width * dpi / 72)));
  EXPECT_EQ(size.height, static_cast<std::uint32_t>(std::ceil(page.height * dpi / 72)));
  EXPECT_GT(size.width, static_cast<std::uint32_t>(std::ceil(kA4Width * dpi / 72)));
  EXPECT_GT(size.height, static_cast<std::uint32_t>(std::ceil(kA4Height * dpi / 72)));
}

TEST(Png, SameInputsGiveTheSameBytes) {
  const Document d = small_document();
  const layout::Geometry g = geometry_of(d);
  FileOptions options{Format::Png, 72};
  EXPECT_TRUE(render_bytes(d, g, options) == render_bytes(d, g, options));
}

TEST(Png, AScreenfulIsThatPartOfTheWholePageDrawnAtItsScale) {
  const Document d = small_document();
  const layout::Geometry g = geometry_of(d);
  const Raster page(render_bytes(d, g, {Format::Png, 200}), 200);
  // 216 x 144 pt from the corner, 360 x 216 pt, 1000 px wide: 200 dpi, so its pixels fall on
  // the page's own, 600 and 400 pixels on.
  FileOptions part{Format::Png};
  part.png_area = PageArea{216, 144, 360, 216, 1000};
  const std::string png = render_bytes(d, g, part);
  const PngSize size = png_size(png);
  EXPECT_EQ(size.width, 1000u);
  EXPECT_EQ(size.height, 600u);  // the height follows the area's shape
  EXPECT_EQ(static_cast<int>(png[25]), 2) << "colour type RGB";
  const Raster screen(png, 200);
  ASSERT_EQ(screen.width(), 1000);
  // A screenful smooths its lines and shapes more coarsely than a file (render/surface.cpp), so
  // the pixels on the edges of lines and shapes are shaded differently; away from the edges it
  // is the same picture. Two pixels are the same when each colour is within 16 levels.
  const auto near_same = [](std::uint32_t a, std::uint32_t b) {
    for (const int shift : {0, 8, 16}) {
      const int ca = static_cast<int>((a >> shift) & 0xffu);
      const int cb = static_cast<int>((b >> shift) & 0xffu);
      if (std::abs(ca - cb) > 16) return false;
    }
    return true;
  };
  // The pixels that differ from the page's, with the screenful laid `dx` pixels off its place.
  const auto differing = [&](int dx) {
    long differ = 0;
    for (int y = 0; y < screen.height(); ++y) {
      for (int x = 0; x < screen.width(); ++x) {
        differ += near_same(screen.pixel(x, y), page.pixel(x + 600 + dx, y + 400)) ? 0 : 1;
      }
    }
    return differ;
  };
  long inked = 0;
  for (int y = 0; y < screen.height(); ++y) {
    for (int x = 0; x < screen.width(); ++x) inked += screen.pixel(x, y) != 0xffffffu ? 1 : 0;
  }
  EXPECT_GT(inked, 5000) << "the area holds part of the map";
  const long in_place = differing(0);
  EXPECT_LT(in_place, inked / 50) << "edge pixels only";
  // Two pixels off (or another scale) is another picture: far more pixels differ, more than
  // the check above lets by.
  EXPECT_GT(differing(2), inked / 50);
  EXPECT_GT(differing(2), 2 * in_place);
  // Another area is another picture, and the same area the same bytes.
  part.png_area = PageArea{24, 66, 360, 216, 1000};
  EXPECT_NE(render_bytes(d, g, part), png);
  part.png_area = PageArea{216, 144, 360, 216, 1000};
  EXPECT_EQ(render_bytes(d, g, part), png);
}

TEST(Png, ScreenfulsDrawnAtOnceOnSeveralThreadsAreTheSameBytes) {
  // A screenful's lower half goes to a thread kept for it when that is free, else it is drawn by
  // the request's own thread: either way, the same bytes.
  const Document d = small_document();
  const layout::Geometry g = geometry_of(d);
  FileOptions part{Format::Png};
  part.png_area = PageArea{0, 0, 842, 595, 900};
  const std::string alone = render_bytes(d, g, part);
  ASSERT_GT(png_size(alone).height, 64u) << "tall enough to be drawn in two halves";
  std::vector<std::string> together(4);
  {
    std::vector<std::jthread> threads;
    for (auto& out : together) threads.emplace_back([&] { out = render_bytes(d, g, part); });
  }
  for (const auto& png : together) EXPECT_EQ(png, alone);
}

// ---- PDF ------------------------------------------------------------------------------------

std::optional<std::pair<double, double>> media_box(const std::string& pdf) {
  static const std::regex box(R"(/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\])");
  std::smatch m;
  if (!std::regex_search(pdf, m, box)) return std::nullopt;
  return std::pair{std::stod(m[1].str()), std::stod(m[2].str())};
}

TEST(Pdf, ASmallMapIsOneA4LandscapePage) {
  const Document d = small_document();
  const FileOptions options{Format::Pdf};
  const std::string pdf = render_bytes(d, geometry_of(d), options);
  ASSERT_GT(pdf.size(), 1000u);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
  const auto box = media_box(pdf);
  ASSERT_TRUE(box.has_value());
  EXPECT_NEAR(box->first, 841.89, 0.1);
  EXPECT_NEAR(box->second, 595.28, 0.1);
  EXPECT_NE(pdf.find("/Count 1"), std::string::npos) << "one page";
}

TEST(Pdf, SameInputsGiveTheSameBytesWithTheMapDateAsCreationDate) {
  Document d = small_document();
  const layout::Geometry g = geometry_of(d);
  const FileOptions options{Format::Pdf};
  const std::string first = render_bytes(d, g, options);
  const std::string second = render_bytes(d, g, options);
  EXPECT_TRUE(first == second) << "PDF bytes differ between two renders";
  const auto creation = first.find("/CreationDate");
  ASSERT_NE(creation, std::string::npos);
  EXPECT_NE(first.substr(creation, 40).find("20261101"), std::string::npos)
      << first.substr(creation, 40);
  // The date is the map's, so another map date gives another creation date.
  d.map.map_date = {2026, 12, 24};
  const std::string later = render_bytes(d, g, options);
  const auto later_creation = later.find("/CreationDate");
  ASSERT_NE(later_creation, std::string::npos);
  EXPECT_NE(later.substr(later_creation, 40).find("20261224"), std::string::npos);
}

TEST(Pdf, ABigMapIsPrintedOnTheChosenPaper) {
  const auto& [document, geometry] = big_map();
  const FileOptions options{Format::Pdf};
  const auto box = media_box(render_bytes(document, geometry, options));
  ASSERT_TRUE(box.has_value());
  const Paper page = choose_paper(geometry);
  EXPECT_NEAR(box->first, page.width, 0.1);
  EXPECT_NEAR(box->second, page.height, 0.1);
}

// ---- SVG and output formats -----------------------------------------------------------------

TEST(Svg, IsAnA4DocumentInPoints) {
  const Document d = small_document();
  const std::string svg = render_bytes(d, geometry_of(d), {});
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("width=\"841.89pt\""), std::string::npos);
  EXPECT_NE(svg.find("height=\"595.28pt\""), std::string::npos);
  EXPECT_NE(svg.find("viewBox=\"0 0 841.89 595.28\""), std::string::npos);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
}

TEST(Svg, SameInputsGiveTheSameDrawing) {
  // Cairo numbers SVG surfaces from a process-wide counter, so a second SVG in the same process
  // has other ids (a fresh CLI process always starts from the same ones); the drawing is equal.
  const Document d = small_document();
  const layout::Geometry g = geometry_of(d);
  const std::string first = render_bytes(d, g, {});
  const std::string second = render_bytes(d, g, {});
  EXPECT_EQ(first.size(), second.size());
  EXPECT_TRUE(testing::normalise_svg_ids(first) == testing::normalise_svg_ids(second));
  // The comparison is not blind: another title is another drawing.
  Document retitled = d;
  retitled.map.title = "Peer map: Brookfield Park group";
  EXPECT_FALSE(testing::normalise_svg_ids(first) ==
               testing::normalise_svg_ids(render_bytes(retitled, g, {})));
}

TEST(FormatForPath, FollowsTheExtensionInAnyCase) {
  EXPECT_EQ(format_for_path("map.svg"), Format::Svg);
  EXPECT_EQ(format_for_path("out/Map.PNG"), Format::Png);
  EXPECT_EQ(format_for_path("map.Pdf"), Format::Pdf);
  EXPECT_EQ(format_for_path("map.gif"), std::nullopt);
  EXPECT_EQ(format_for_path("map.svg.tmp"), std::nullopt);
  EXPECT_EQ(format_for_path("svg"), std::nullopt);
  EXPECT_EQ(format_for_path(""), std::nullopt);
}

// ---- What the page shows --------------------------------------------------------------------

TEST(PageContent, TheKeyDrawsEveryFillAndLineColourInItsColumn) {
  // A document with no exploitation, tension or protective tie and only children: whatever
  // shows those colours in the key column is the key, not the map.
  Document d = small_document();
  d.ties = {tie("t1", model::TieKind::Relationship, "p1", "p2")};
  d.people.resize(2);
  d.information.clear();
  d.ecomaps.clear();
  const layout::Geometry g = geometry_of(d);
  const Raster page = raster(d, g, {}, 200);
  for (const auto& [colour, name] :
       std::vector<std::pair<Colour, const char*>>{{colours::kChild, "child fill"},
                                                   {colours::kAdult, "adult fill"},
                                                   {colours::kProfessional, "professional fill"},
                                                   {colours::kExploitation, "exploitation line"},
                                                   {colours::kTension, "tension line"},
                                                   {colours::kProtective, "protective line"},
                                                   {colours::kTie, "plain line"}}) {
    EXPECT_GT(page.count(kKeyColumn, near(colour)), 40) << name << " is missing from the key";
  }
  // ...and its words: plenty of dark text.
  EXPECT_GT(page.count(kKeyColumn, dark), 5000);
  // The map itself has none of the key-only colours.
  EXPECT_EQ(page.count(kMapArea, near(colours::kExploitation)), 0);
  EXPECT_EQ(page.count(kMapArea, near(colours::kAdult)), 0);
}

// A place or group marked protective or risky in itself (Location::valence) has a green or red
// edging on the map, and the key explains each edging shown, and only those.
TEST(PageContent, ProtectiveAndRiskyPlacesAndGroupsHaveAnEdgingTheKeyExplains) {
  Document d = small_document();
  d.ties.erase(d.ties.begin() + 1);  // no exploitation (red) ...
  d.ties.erase(d.ties.begin() + 2);  // ... and no protective (green) tie: the edgings alone
  const layout::Geometry g = geometry_of(d);
  const Raster plain = raster(d, g, {}, 100);
  EXPECT_EQ(plain.count(kMapArea, near(colours::kProtectiveEdging)), 0);
  EXPECT_EQ(plain.count(kMapArea, near(colours::kRiskyEdging)), 0);
  FileOptions text_file;
  text_file.svg_text = true;
  const std::string plain_svg = render_bytes(d, g, text_file);
  EXPECT_EQ(plain_svg.find("edging"), std::string::npos) << "no edging drawn, none explained";

  d.locations[0].valence = model::Valence::Protective;  // Brookfield Park
  d.groups[0].valence = model::Valence::Risky;          // the Year 10 friendship group
  const Raster marked = raster(d, g, {}, 100);
  EXPECT_GT(marked.count(kMapArea, near(colours::kProtectiveEdging)), 200) << "the park's edging";
  EXPECT_GT(marked.count(kMapArea, near(colours::kRiskyEdging)), 200) << "the group's edging";
  const std::string svg = render_bytes(d, g, text_file);
  EXPECT_NE(svg.find(">Protective place or group (green<"), std::string::npos);  // two lines
  EXPECT_NE(svg.find(">edging)<"), std::string::npos);
  EXPECT_NE(svg.find(">Risky place or group (red edging)<"), std::string::npos);
  EXPECT_EQ(svg.find("amber edging"), std::string::npos) << "no mixed place is drawn";
}

TEST(PageContent, TheEcomapKeyHasAnEcomapSection) {
  const Document d = small_document();
  // The key explains only what is drawn: the ecomap has no group or place regions, so compare
  // with a network map whose regions are left out too.
  layout::Geometry without_regions = geometry_of(d);
  without_regions.regions.clear();
  const Raster network = raster(d, without_regions);
  model::View options;
  options.ecomap_centre = "p1";
  // The ecomap's rings may need a larger sheet than the network map (names at 7 pt or more):
  // the key stands at the same distance from the right edge on every sheet.
  const layout::Geometry rings = geometry_of(d, "p1");
  const double shift = choose_paper(rings).width - kA4Width;
  const layout::Rect key_there{kKeyColumn.x + shift, kKeyColumn.y, kKeyColumn.w, kKeyColumn.h};
  const Raster ecomap = raster(d, rings, options);
  const long network_ink = network.count(kKeyColumn, dark);
  const long ecomap_ink = ecomap.count(key_there, dark);
  EXPECT_GT(network_ink, 1000);
  EXPECT_GT(ecomap_ink, network_ink + network_ink / 20) << "the ecomap rows add text to the key";
  // The top of the key (people, relationships) is the same in both, but for anti-aliasing.
  const layout::Rect top{kKeyColumn.x, kKeyColumn.y, kKeyColumn.w, 300};
  const long top_ink = network.count(top, dark);
  EXPECT_NEAR(static_cast<double>(ecomap.count({key_there.x, top.y, top.w, top.h}, dark)),
              static_cast<double>(top_ink), static_cast<double>(top_ink) * 0.01)
      << "the same rows, but for anti-aliasing";
}

TEST(PageContent, TheMapIsDrawnInItsArea) {
  const Document d = small_document();
  const Raster page = raster(d, geometry_of(d), {}, 200);
  EXPECT_GT(page.count(kMapArea, dark), 1000);
  EXPECT_GT(page.count(kMapArea, near(colours::kExploitation)), 20) << "the exploitation tie";
  EXPECT_GT(page.count(kMapArea, near(colours::kTension)), 20) << "the tension tie";
  EXPECT_GT(page.count(kMapArea, near(colours::kChild)), 200) << "children's symbols";
  // The left margin stays white.
  EXPECT_EQ(page.count({0, 70, 20, 450}, [](Rgb c) { return c.r + c.g + c.b < 3 * 255; }), 0);
}

TEST(PageContent, TheTitleIsPrintedInTheHeader) {
  const Document d = small_document();
  const layout::Geometry g = geometry_of(d);
  const Raster base = raster(d, g);
  EXPECT_GT(base.count(kTitleBand, dark), 300);
  Document retitled = d;
  retitled.map.title = "Peer map: Brookfield Park group";
  const Raster changed = raster(retitled, g);
  EXPECT_FALSE(base.same_in(changed, kTitleBand));
  EXPECT_TRUE(base.same_in(changed, kDetailsBand));
  EXPECT_TRUE(base.same_in(changed, kKeyColumn));
  EXPECT_TRUE(base.same_in(changed, kMapArea));
}

TEST(PageContent, TheDetailsLineShowsSubjectDatesStatusAndTeam) {
  const Document d = small_document();
  const layout::Geometry g = geometry_of(d);
  const Raster base = raster(d, g);
  EXPECT_GT(base.count(kDetailsBand, dark), 300);
  const std::vector<std::pair<const char*, std::function<void(Document&)>>> changes{
      {"subject's name", [](Document& x) { x.people[0].full_name = "Amira Haddad-Okafor"; }},
      {"second subject", [](Document& x) { x.map.subject_children.push_back("p2"); }},
      {"map date",
       [](Document& x) {
         x.map.map_date = {2026, 11, 8};
       }},
      {"review date",
       [](Document& x) {
         x.map.review_date = Date{2027, 3, 1};
       }},
      {"no review date", [](Document& x) { x.map.review_date.reset(); }},
      {"status", [](Document& x) { x.map.status = model::Status::ReviewDue; }},
      {"team", [](Document& x) { x.map.owning_team = "Youth Offending Team"; }},
  };
  for (const auto& [what, change] : changes) {
    Document changed = d;
    change(changed);
    const Raster page = raster(changed, g);
    EXPECT_FALSE(base.same_in(page, kDetailsBand)) << "the " << what << " is not in the header";
    EXPECT_TRUE(base.same_in(page, kTitleBand)) << what;
  }
}

TEST(PageContent, TheProtectiveMarkingIsRedAtTheTopAndTheBottom) {
  Document d = small_document();
  const layout::Geometry g = geometry_of(d);
  d.map.protective_marking = "OFFICIAL-SENSITIVE";
  const Raster sensitive = raster(d, g);
  d.map.protective_marking = "OFFICIAL";
  const Raster official = raster(d, g);
  const long top = sensitive.count(kMarkingTop, red);
  const long bottom = sensitive.count(kMarkingFooter, red);
  EXPECT_GT(top, 300);
  EXPECT_GT(bottom, 300);
  // The shorter marking has fewer red pixels in both places: it is the marking being drawn.
  EXPECT_GT(official.count(kMarkingTop, red), 100);
  EXPECT_LT(official.count(kMarkingTop, red), top * 3 / 4);
  EXPECT_GT(official.count(kMarkingFooter, red), 100);
  EXPECT_LT(official.count(kMarkingFooter, red), bottom * 3 / 4);
  // Nothing else in the header is red.
  EXPECT_EQ(sensitive.count(kTitleBand, red), 0);
  EXPECT_EQ(sensitive.count(kDetailsBand, red), 0);
}

TEST(PageContent, AnEmptyMarkingPrintsTheDefault) {
  Document d = small_document();
  const layout::Geometry g = geometry_of(d);
  FileOptions options{Format::Png, 50};
  d.map.protective_marking = "OFFICIAL-SENSITIVE";
  const std::string sensitive = render_bytes(d, g, options);
  d.map.protective_marking.clear();
  EXPECT_TRUE(render_bytes(d, g, options) == sensitive);
  d.map.protective_marking = "OFFICIAL";
  EXPECT_FALSE(render_bytes(d, g, options) == sensitive);
}

TEST(PageContent, TheViewLineSaysAsOfRedactedAndEcomap) {
  const Document d = small_document();
  const layout::Geometry g = geometry_of(d);
  const Raster plain = raster(d, g);
  EXPECT_EQ(plain.count(kViewBand, red), 0) << "a current, unredacted network map has no view line";
  model::View as_of;
  as_of.as_of = Date{2026, 9, 1};
  const Raster historical = raster(d, g, as_of);
  model::View redact;
  redact.redact = true;
  const Raster redacted = raster(d, g, redact);
  model::View ecomap_options;
  ecomap_options.ecomap_centre = "p1";
  const Raster ecomap = raster(d, geometry_of(d, "p1"), ecomap_options);
  EXPECT_GT(historical.count(kViewBand, red), 200);
  EXPECT_GT(redacted.count(kViewBand, red), 200);
  EXPECT_GT(ecomap.count(kViewBand, red), 200);
  EXPECT_FALSE(historical.same_in(redacted, kViewBand));
  // The date is printed: another date, another line.
  as_of.as_of = Date{2026, 10, 1};
  EXPECT_FALSE(historical.same_in(raster(d, g, as_of), kViewBand));
  // Only the view line changes.
  EXPECT_TRUE(plain.same_in(redacted, kDetailsBand));
  EXPECT_TRUE(plain.same_in(redacted, kMapArea));
  EXPECT_TRUE(plain.same_in(redacted, kKeyColumn));
}

}  // namespace
}  // namespace peermap::render
