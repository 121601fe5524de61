// The PNG container (signature, IHDR, one IDAT, IEND, each chunk with its CRC-32) around data
// that zlib compresses and checksums; see screenful_png.hpp for why the data comes in bands.
#include "render/screenful_png.hpp"

#include <zlib.h>

#include <array>
#include <cstdint>
#include <limits>

namespace peermap::render {
namespace {

//! The bytes a pixel takes in the PNG (RGB).
constexpr int kBytesPerPixel = 3;

void put_u32(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>((v >> 24U) & 0xFFU));
  out.push_back(static_cast<char>((v >> 16U) & 0xFFU));
  out.push_back(static_cast<char>((v >> 8U) & 0xFFU));
  out.push_back(static_cast<char>(v & 0xFFU));
}

//! A chunk: its length, type, data and the CRC-32 of type and data.
void put_chunk(std::string& out, const char (&type)[5], const std::string& data) {
  put_u32(out, static_cast<std::uint32_t>(data.size()));
  const std::size_t from = out.size();
  out.append(type, 4);
  out += data;
  const auto* start = reinterpret_cast<const Bytef*>(out.data() + from);
  put_u32(out, static_cast<std::uint32_t>(
                   crc32(crc32(0L, Z_NULL, 0), start, static_cast<uInt>(out.size() - from))));
}

//! zlib's stream, ended by the destructor.
struct Deflater {
  z_stream z{};
  // Raw deflate (no header: the PNG's one header comes first), level 1, run lengths only: a
  // screenful is mostly runs of the same colour.
  bool started = deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_RLE) == Z_OK;
  Deflater() = default;
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;
  ~Deflater() {
    if (started) deflateEnd(&z);
  }
};

}  // namespace

Result<PngBand> deflate_band(const unsigned char* pixels, int width, int rows, int stride,
                             bool last) {
  if (pixels == nullptr || width <= 0 || rows <= 0 || stride < width * 4) {
    return Error{ErrorKind::Internal, "PNG: the band is empty"};
  }
  const auto row_bytes = static_cast<std::size_t>(width) * kBytesPerPixel + 1;
  PngBand band;
  band.filtered_bytes = row_bytes * static_cast<std::size_t>(rows);
  if (band.filtered_bytes > std::numeric_limits<uInt>::max() / 2) {
    return Error{ErrorKind::Internal, "PNG: the band is too large"};
  }
  Deflater d;
  if (!d.started) return Error{ErrorKind::Internal, "PNG: zlib cannot start"};
  std::string filtered(row_bytes, '\0');
  band.deflated.resize(deflateBound(&d.z, static_cast<uLong>(band.filtered_bytes)) + 64);
  std::size_t written = 0;
  // Compresses what is in, with `flush`, growing the output while zlib fills it.
  const auto pump = [&](int flush) {
    int status = Z_OK;
    do {
      if (written == band.deflated.size()) band.deflated.resize(band.deflated.size() * 2);
      d.z.next_out = reinterpret_cast<Bytef*>(band.deflated.data() + written);
      d.z.avail_out = static_cast<uInt>(band.deflated.size() - written);
      status = deflate(&d.z, flush);
      written = band.deflated.size() - d.z.avail_out;
      if (status == Z_STREAM_ERROR) return false;
    } while (d.z.avail_out == 0 && status != Z_STREAM_END);
    return d.z.avail_in == 0 && (flush != Z_FINISH || status == Z_STREAM_END);
  };
  auto* out = reinterpret_cast<unsigned char*>(filtered.data());
  for (int y = 0; y < rows; ++y) {
    // Sub: each byte less the same colour's byte of the pixel to its left.
    const auto* words =
        reinterpret_cast<const std::uint32_t*>(pixels + static_cast<std::ptrdiff_t>(y) * stride);
    out[0] = 1;
    std::uint32_t left = 0;
    for (int x = 0; x < width; ++x) {
      const std::uint32_t p = words[x];
      unsigned char* o = out + 1 + static_cast<std::ptrdiff_t>(x) * kBytesPerPixel;
      o[0] = static_cast<unsigned char>(((p >> 16U) - (left >> 16U)) & 0xFFU);
      o[1] = static_cast<unsigned char>(((p >> 8U) - (left >> 8U)) & 0xFFU);
      o[2] = static_cast<unsigned char>((p - left) & 0xFFU);
      left = p;
    }
    band.adler = adler32(band.adler, out, static_cast<uInt>(row_bytes));
    d.z.next_in = out;
    d.z.avail_in = static_cast<uInt>(row_bytes);
    const bool end = y + 1 == rows;
    if (!pump(!end ? Z_NO_FLUSH : last ? Z_FINISH : Z_FULL_FLUSH)) {
      return Error{ErrorKind::Internal, "PNG: zlib could not compress the image"};
    }
  }
  band.deflated.resize(written);
  return band;
}

Result<std::string> png_of_bands(int width, int height, const std::vector<PngBand>& bands) {
  if (width <= 0 || height <= 0 || bands.empty()) {
    return Error{ErrorKind::Internal, "PNG: the image is empty"};
  }
  std::string out("\x89PNG\r\n\x1a\n", 8);
  std::string header;
  put_u32(header, static_cast<std::uint32_t>(width));
  put_u32(header, static_cast<std::uint32_t>(height));
  header += std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, RGB, deflate, filtered, plain
  put_chunk(out, "IHDR", header);
  // The zlib stream: its header (deflate, 32 kB window, fastest), the bands' data, and the
  // adler32 of all the filtered rows.
  std::string data("\x78\x01", 2);
  uLong adler = adler32(0L, Z_NULL, 0);
  for (const PngBand& band : bands) {
    data += band.deflated;
    adler = adler32_combine(adler, band.adler, static_cast<z_off_t>(band.filtered_bytes));
  }
  put_u32(data, static_cast<std::uint32_t>(adler));
  put_chunk(out, "IDAT", data);
  put_chunk(out, "IEND", {});
  return out;
}

}  // namespace peermap::render
