// libpng behind one function. libpng reports its own errors by longjmp: the jump lands in
// encode_rows, whose frame holds no object with a destructor, and the write structs are
// destroyed by the caller's guard, made before the jump point, so nothing is skipped. A failed
// append is only noted (no jump leaves a C++ handler).
#include "render/png_writer.hpp"

#include <png.h>
#include <zlib.h>

#include <vector>

namespace peermap::render {
namespace {

struct WriteStructs {
  png_structp png = nullptr;
  png_infop info = nullptr;
  WriteStructs(const WriteStructs&) = delete;
  WriteStructs& operator=(const WriteStructs&) = delete;
  WriteStructs()
      : png(png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr)),
        info(png != nullptr ? png_create_info_struct(png) : nullptr) {}
  ~WriteStructs() { png_destroy_write_struct(&png, info != nullptr ? &info : nullptr); }
};

struct Output {
  std::string bytes;
  bool failed = false;
};

void append_bytes(png_structp png, png_bytep data, png_size_t length) noexcept {
  auto* out = static_cast<Output*>(png_get_io_ptr(png));
  if (out->failed) return;
  try {
    out->bytes.append(reinterpret_cast<const char*>(data), length);
  } catch (...) {
    out->failed = true;
  }
}

void no_flush(png_structp /*png*/) noexcept {}

//! Returns false when libpng gave up. `rows` points into the surface's pixels.
bool encode_rows(const WriteStructs& s, Output* out, png_bytepp rows, int width, int height) {
  // NOLINTNEXTLINE(cert-err52-cpp): libpng's error model; no destructor lives in this frame.
  if (setjmp(png_jmpbuf(s.png)) != 0) return false;
  png_set_write_fn(s.png, out, append_bytes, no_flush);
  png_set_IHDR(s.png, s.info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
               PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(s.png, 1);
  png_set_compression_strategy(s.png, Z_RLE);
  png_set_filter(s.png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
  png_write_info(s.png, s.info);
  // cairo's RGB24 is one native-endian 32-bit word a pixel, 0xXXRRGGBB: on a little-endian
  // machine the bytes are B, G, R, X.
  png_set_filler(s.png, 0, PNG_FILLER_AFTER);
  if constexpr (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) png_set_bgr(s.png);
  png_write_image(s.png, rows);
  png_write_end(s.png, nullptr);
  return true;
}

}  // namespace

Result<std::string> encode_png_fast(cairo_surface_t* surface) {
  if (cairo_image_surface_get_format(surface) != CAIRO_FORMAT_RGB24) {
    return Error{ErrorKind::Internal, "PNG: only an RGB24 image is written"};
  }
  const int width = cairo_image_surface_get_width(surface);
  const int height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  unsigned char* pixels = cairo_image_surface_get_data(surface);
  if (pixels == nullptr || width <= 0 || height <= 0) {
    return Error{ErrorKind::Internal, "PNG: the image is empty"};
  }
  std::vector<png_bytep> rows(static_cast<std::size_t>(height));
  for (int y = 0; y < height; ++y) {
    rows[static_cast<std::size_t>(y)] = pixels + static_cast<std::ptrdiff_t>(y) * stride;
  }
  Output out;
  const WriteStructs structs;
  if (structs.png == nullptr || structs.info == nullptr) {
    return Error{ErrorKind::Internal, "PNG: libpng cannot start"};
  }
  if (!encode_rows(structs, &out, rows.data(), width, height) || out.failed) {
    return Error{ErrorKind::Internal, "PNG: libpng could not write the image"};
  }
  return std::move(out.bytes);
}

}  // namespace peermap::render
