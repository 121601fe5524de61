// place_on_page tells a client where the drawing (draw_map) put each symbol (the workspace's hit
// areas over map.svg come from it). Drawn at 72 dpi, one pixel is one point: at every person's
// placed centre the PNG shows their symbol, not the page. A placement that ignores the scale
// and the offset lands on the page instead (the negative control).
#include <cairo.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "layout/layout.hpp"
#include "model/json_io.hpp"
#include "render/page.hpp"
#include "render/render.hpp"

namespace peermap::render {
namespace {

struct PngReader {
  const std::string* bytes;
  std::size_t at = 0;
};

cairo_status_t read_png(void* closure, unsigned char* data, unsigned int length) {
  auto* reader = static_cast<PngReader*>(closure);
  if (reader->at + length > reader->bytes->size()) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(reader->bytes->data() + reader->at, length, data);
  reader->at += length;
  return CAIRO_STATUS_SUCCESS;
}

model::Document example(const std::string& name) {
  std::ifstream in(std::string(PEERMAP_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  model::ParseOptions options;
  options.today = model::Date{2026, 12, 1};
  auto outcome = model::parse_document(text.str(), options);
  EXPECT_FALSE(outcome.has_errors());
  return outcome.document;
}

TEST(PlaceOnPage, EveryPlacedPersonCentreIsOnTheirDrawnSymbol) {
  const model::Document document = example("peer-group.json");
  auto page = prepare_page(document, model::View{});
  ASSERT_TRUE(page);
  const layout::Geometry& geometry = page->geometry;
  auto png = write_page(page.value(), {Format::Png, 72});  // one pixel a point
  ASSERT_TRUE(png);
  PngReader reader{&png.value()};
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_image_surface_create_from_png_stream(read_png, &reader), cairo_surface_destroy);
  ASSERT_EQ(cairo_surface_status(surface.get()), CAIRO_STATUS_SUCCESS);
  cairo_surface_flush(surface.get());
  const int width = cairo_image_surface_get_width(surface.get());
  const int height = cairo_image_surface_get_height(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  const unsigned char* pixels = cairo_image_surface_get_data(surface.get());
  const auto is_page = [&](double x, double y) {
    const int px = static_cast<int>(x);
    const int py = static_cast<int>(y);
    if (px < 0 || py < 0 || px >= width || py >= height) return true;
    std::uint32_t value = 0;
    std::copy_n(pixels + py * stride + px * 4, 4, reinterpret_cast<unsigned char*>(&value));
    return (value & 0xffffffu) == 0xffffffu;  // white paper
  };

  const MapPlacement placement = place_on_page(page.value());
  const MapPlacement on_paper = place_on_page(choose_paper(geometry), geometry);
  EXPECT_EQ(placement.scale, on_paper.scale);
  EXPECT_EQ(placement.x, on_paper.x);
  EXPECT_EQ(placement.y, on_paper.y);
  EXPECT_NEAR(page->paper.width, width, 1.0);
  int people = 0;
  int on_symbol = 0;
  int naive_on_symbol = 0;
  for (const auto& node : geometry.nodes) {
    if (node.kind != layout::NodeKind::Person) continue;
    ++people;
    const double x = (node.x - geometry.x0) * placement.scale + placement.x;
    const double y = (node.y - geometry.y0) * placement.scale + placement.y;
    on_symbol += is_page(x, y) ? 0 : 1;
    naive_on_symbol += is_page(node.x, node.y) ? 0 : 1;
  }
  ASSERT_EQ(people, static_cast<int>(document.people.size()));
  EXPECT_EQ(on_symbol, people);
  EXPECT_LT(naive_on_symbol, people);  // the placement matters: without it centres miss
}

}  // namespace
}  // namespace peermap::render
