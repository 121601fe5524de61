// A PNG's pixels as cairo (through libpng) reads them, for tests that check a drawing.
#pragma once

#include <cairo.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace peermap::testing {

struct PngPixels {
  bool read = false;  //!< false when cairo could not read the bytes as a PNG
  int width = 0;
  int height = 0;
  std::vector<std::uint32_t> pixels;  //!< row by row, cairo's 0xAARRGGBB words
};

inline PngPixels png_pixels(const std::string& png) {
  struct Reader {
    const std::string* bytes;
    std::size_t at = 0;
  } reader{&png};
  const auto read = [](void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<Reader*>(closure);
    if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
    std::copy_n(r->bytes->data() + r->at, length, data);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
  };
  cairo_surface_t* surface = cairo_image_surface_create_from_png_stream(read, &reader);
  PngPixels out;
  if (cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS) {
    cairo_surface_flush(surface);
    out.read = true;
    out.width = cairo_image_surface_get_width(surface);
    out.height = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
    for (int y = 0; y < out.height && data != nullptr; ++y) {
      const auto* row =
          reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
      std::copy_n(row, out.width, out.pixels.begin() + static_cast<std::ptrdiff_t>(y) * out.width);
    }
  }
  cairo_surface_destroy(surface);
  return out;
}

}  // namespace peermap::testing
