// The view pipeline (render/page.hpp) and drawing onto a caller's surface (render/draw.hpp).
//
//   Amira (subject, 15) ---t1--- Jayden (16)      t1: known from i1, recorded 2026-10-20
//     |
//     t2 (Marcus controls Amira)                  Marcus and t2: known from i2, recorded
//     |                                           2026-12-01, so as known on 2026-11-01
//   Marcus (adult of concern)                     neither is on the map
//
// A multi-page PDF, as a complete case record will make it:
//
//   +------------------------+  +-------------+
//   | page 1: the map        |  | page 2:     |
//   | (its paper, landscape) |  | the caller's|
//   +------------------------+  | own, A4     |
//                               | portrait    |
//                               +-------------+
#include <cairo-pdf.h>
#include <cairo.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <regex>
#include <string>
#include <vector>

#include "base/handle.hpp"
#include "render/draw.hpp"
#include "render/render.hpp"

namespace peermap::render {
namespace {

using model::Date;
using model::Document;
using Surface = Handle<cairo_surface_t, cairo_surface_destroy>;
using Context = Handle<cairo_t, cairo_destroy>;

constexpr double kA4Long = 841.89;
constexpr double kA4Short = 595.28;
constexpr double kPoint = 0.01;  // PDF sizes are written to two decimals

Document three_people() {
  Document d;
  d.map.title = "Peer map: Amira Haddad";
  d.map.subject_children = {"p1"};
  d.map.map_date = {2026, 12, 10};
  const auto person = [](const char* id, const char* name, model::Role role,
                         std::optional<Date> birth) {
    model::Person p;
    p.id = id;
    p.full_name = name;
    p.role = role;
    p.date_of_birth = birth;
    return p;
  };
  d.people = {person("p1", "Amira Haddad", model::Role::SubjectChild, Date{2011, 4, 22}),
              person("p2", "Jayden Clarke", model::Role::Peer, Date{2010, 9, 1}),
              person("p3", "Marcus Reid", model::Role::AdultOfConcern, std::nullopt)};
  const auto tie = [](const char* id, const char* from, const char* to) {
    model::Tie t;
    t.id = id;
    t.kind = model::TieKind::Relationship;
    t.from = from;
    t.to = to;
    return t;
  };
  d.ties = {tie("t1", "p1", "p2"), tie("t2", "p3", "p1")};
  d.ties[1].exploitation_by = "p3";
  const auto item = [](const char* id, std::vector<std::string> about, Date recorded) {
    model::InformationItem i;
    i.id = id;
    i.summary = "Seen together.";
    i.source_agency = "School";
    i.recorded = recorded;
    i.about = std::move(about);
    return i;
  };
  d.information = {item("i1", {"t1"}, {2026, 10, 20}), item("i2", {"p3", "t2"}, {2026, 12, 1})};
  return d;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) noexcept {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (...) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

//! Every page's /MediaBox, in page order (cairo writes the pages in order).
std::vector<std::pair<double, double>> media_boxes(const std::string& pdf) {
  static const std::regex box(R"(/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\])");
  std::vector<std::pair<double, double>> boxes;
  for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), box); it != std::sregex_iterator();
       ++it) {
    boxes.emplace_back(std::stod((*it)[1].str()), std::stod((*it)[2].str()));
  }
  return boxes;
}

long page_objects(const std::string& pdf) {
  static const std::regex page(R"(/Type\s*/Page(?![a-zA-Z]))");
  return std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), page), std::sregex_iterator());
}

// ---- The pipeline ---------------------------------------------------------------------------

TEST(PreparePage, TheWholeMapWhenTheViewSelectsNothing) {
  const auto page = prepare_page(three_people(), {});
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->document.people.size(), 3u);
  EXPECT_EQ(page->geometry.nodes.size(), 3u);
  EXPECT_FALSE(page->geometry.ecomap_centre.has_value());
  EXPECT_EQ(page->paper.name, "A4");
  EXPECT_EQ(page->paper.name, choose_paper(page->geometry).name);
}

TEST(PreparePage, AsOfADateLeavesOutWhatWasKnownLater) {
  model::View view;
  view.as_of = Date{2026, 11, 1};
  const auto page = prepare_page(three_people(), view);
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->document.people.size(), 2u) << "Marcus was known only from 2026-12-01";
  EXPECT_EQ(page->geometry.nodes.size(), 2u);
  EXPECT_EQ(page->document.map.map_date, (Date{2026, 11, 1}));
  EXPECT_EQ(page->view.as_of, view.as_of) << "the header says which date";
}

TEST(PreparePage, TheEcomapCentreMustBeOnTheViewedMap) {
  model::View view;
  view.ecomap_centre = "p1";
  const auto ecomap = prepare_page(three_people(), view);
  ASSERT_TRUE(ecomap.ok()) << ecomap.error().message;
  EXPECT_TRUE(ecomap->geometry.ecomap_centre.has_value());
  view.ecomap_centre = "p99";
  const auto missing = prepare_page(three_people(), view);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
  EXPECT_EQ(missing.error().message, "no person with id \"p99\"");
  // Marcus is on the map, but not as known on 2026-11-01.
  view.ecomap_centre = "p3";
  view.as_of = Date{2026, 11, 1};
  const auto later = prepare_page(three_people(), view);
  ASSERT_FALSE(later.ok());
  EXPECT_EQ(later.error().kind, ErrorKind::NotFound);
}

// ---- Drawing onto the caller's surface ------------------------------------------------------

TEST(DrawPage, TheMapIsPageOneOfTheCallersPdfAndTheCallersPageFollows) {
  const auto page = prepare_page(three_people(), {});
  ASSERT_TRUE(page.ok()) << page.error().message;
  std::string pdf;
  {
    const Surface surface(
        cairo_pdf_surface_create_for_stream(append, &pdf, page->paper.width, page->paper.height));
    const Context cr(cairo_create(surface.get()));
    ASSERT_TRUE(draw_page(cr.get(), *page).ok());
    cairo_show_page(cr.get());
    cairo_pdf_surface_set_size(surface.get(), kA4Short, kA4Long);
    cairo_rectangle(cr.get(), 72, 72, 200, 100);  // the caller's own page: a box
    cairo_set_source_rgb(cr.get(), 0, 0, 0);
    cairo_fill(cr.get());
    cairo_show_page(cr.get());
    cairo_surface_finish(surface.get());
    ASSERT_EQ(cairo_surface_status(surface.get()), CAIRO_STATUS_SUCCESS);
  }
  EXPECT_NE(pdf.find("/Count 2"), std::string::npos) << "two pages in the page tree";
  EXPECT_EQ(page_objects(pdf), 2);
  const auto boxes = media_boxes(pdf);
  ASSERT_EQ(boxes.size(), 2u);
  EXPECT_NEAR(boxes[0].first, kA4Long, kPoint) << "page 1: the map, landscape";
  EXPECT_NEAR(boxes[0].second, kA4Short, kPoint);
  EXPECT_NEAR(boxes[1].first, kA4Short, kPoint) << "page 2: the caller's, portrait";
  EXPECT_NEAR(boxes[1].second, kA4Long, kPoint);
}

TEST(DrawPage, LeavesTheCallersContextAsItWas) {
  const auto page = prepare_page(three_people(), {});
  ASSERT_TRUE(page.ok()) << page.error().message;
  const Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 300, 200));
  const Context cr(cairo_create(surface.get()));
  cairo_scale(cr.get(), 0.25, 0.25);
  cairo_set_line_width(cr.get(), 7);
  cairo_set_source_rgb(cr.get(), 0, 0, 1);
  ASSERT_TRUE(draw_page(cr.get(), *page).ok());
  cairo_matrix_t m;
  cairo_get_matrix(cr.get(), &m);
  EXPECT_EQ(m.xx, 0.25);
  EXPECT_EQ(m.yy, 0.25);
  EXPECT_EQ(m.x0, 0);
  EXPECT_EQ(m.y0, 0);
  EXPECT_EQ(cairo_get_line_width(cr.get()), 7);
  double r = 0;
  double g = 0;
  double b = 0;
  double a = 0;
  ASSERT_EQ(cairo_pattern_get_rgba(cairo_get_source(cr.get()), &r, &g, &b, &a),
            CAIRO_STATUS_SUCCESS);
  EXPECT_EQ(b, 1);
  EXPECT_EQ(r, 0);
}

TEST(DrawPage, DrawsWhatTheFileHas) {
  // The PNG file is draw_page on an image surface at dpi / 72 pixels a point.
  const auto page = prepare_page(three_people(), {});
  ASSERT_TRUE(page.ok()) << page.error().message;
  constexpr double kDpi = 50;
  const std::string png = write_page(*page, {Format::Png, kDpi}).value();
  std::size_t at = 0;
  const auto read = [](void* closure, unsigned char* data, unsigned int length) {
    auto* state = static_cast<std::pair<const std::string*, std::size_t*>*>(closure);
    if (*state->second + length > state->first->size()) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, state->first->data() + *state->second, length);
    *state->second += length;
    return CAIRO_STATUS_SUCCESS;
  };
  std::pair<const std::string*, std::size_t*> state{&png, &at};
  const Surface file(cairo_image_surface_create_from_png_stream(read, &state));
  ASSERT_EQ(cairo_surface_status(file.get()), CAIRO_STATUS_SUCCESS);
  const int width = cairo_image_surface_get_width(file.get());
  const int height = cairo_image_surface_get_height(file.get());
  const Surface mine(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  {
    const Context cr(cairo_create(mine.get()));
    cairo_scale(cr.get(), kDpi / 72, kDpi / 72);
    ASSERT_TRUE(draw_page(cr.get(), *page).ok());
  }
  cairo_surface_flush(mine.get());
  cairo_surface_flush(file.get());
  long differ = 0;
  for (int y = 0; y < height; ++y) {
    const auto* a = reinterpret_cast<const std::uint32_t*>(
        cairo_image_surface_get_data(file.get()) + y * cairo_image_surface_get_stride(file.get()));
    const auto* b = reinterpret_cast<const std::uint32_t*>(
        cairo_image_surface_get_data(mine.get()) + y * cairo_image_surface_get_stride(mine.get()));
    for (int x = 0; x < width; ++x) differ += (a[x] & 0xffffffu) != (b[x] & 0xffffffu) ? 1 : 0;
  }
  EXPECT_EQ(differ, 0);
}

}  // namespace
}  // namespace peermap::render
