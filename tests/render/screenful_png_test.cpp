// The screenful's PNG writer (render/screenful_png.hpp): bands compressed apart and joined make
// one PNG that libpng (through cairo) reads back pixel for pixel.
#include "render/screenful_png.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "support/png_pixels.hpp"

namespace peermap::render {
namespace {

//! The PNG's pixels as 0x00RRGGBB words, and its size; empty when it cannot be read.
std::vector<std::uint32_t> decoded(const std::string& png, int& width, int& height) {
  testing::PngPixels read = testing::png_pixels(png);
  width = read.width;
  height = read.height;
  if (!read.read) return {};
  for (std::uint32_t& p : read.pixels) p &= 0xFFFFFFu;
  return std::move(read.pixels);
}

//! An image like a screenful: white, with runs of colour and some noise, `stride` a row.
std::vector<std::uint32_t> picture(int width, int height, int stride_words) {
  std::vector<std::uint32_t> pixels(static_cast<std::size_t>(stride_words) * height, 0xFFFFFFu);
  std::mt19937 random(7);  // 32-bit words
  const auto next = [&] { return static_cast<std::uint32_t>(random()); };
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      std::uint32_t& p = pixels[static_cast<std::size_t>(y) * stride_words + x];
      if ((x / 9 + y / 5) % 4 == 0) p = 0x1D70B8u;  // runs
      if (next() % 7 == 0) p = next() & 0xFFFFFFu;  // noise
      p |= (next() & 0xFFu) << 24u;                 // the unused byte is never written
    }
  }
  return pixels;
}

//! The image's bands of `rows` rows each (the last the rest) as one PNG.
std::string banded(const std::vector<std::uint32_t>& pixels, int width, int height,
                   int stride_words, const std::vector<int>& rows) {
  std::vector<PngBand> bands;
  int first = 0;
  for (std::size_t k = 0; k <= rows.size(); ++k) {
    const int n = k < rows.size() ? rows[k] : height - first;
    const auto* start = reinterpret_cast<const unsigned char*>(
        pixels.data() + static_cast<std::size_t>(first) * stride_words);
    auto band = deflate_band(start, width, n, stride_words * 4, k == rows.size());
    EXPECT_TRUE(band.ok());
    if (!band) return {};
    bands.push_back(std::move(band.value()));
    first += n;
  }
  auto png = png_of_bands(width, height, bands);
  EXPECT_TRUE(png.ok());
  return png ? png.value() : std::string();
}

TEST(ScreenfulPng, BandsJoinedReadBackPixelForPixel) {
  constexpr int kWidth = 301;  // odd, and rows padded: the stride is wider than the image
  constexpr int kHeight = 97;
  constexpr int kStride = 320;
  const std::vector<std::uint32_t> pixels = picture(kWidth, kHeight, kStride);
  for (const std::vector<int>& rows : {std::vector<int>{}, {48}, {1, 60}, {30, 30, 30}}) {
    const std::string png = banded(pixels, kWidth, kHeight, kStride, rows);
    int width = 0;
    int height = 0;
    const std::vector<std::uint32_t> back = decoded(png, width, height);
    ASSERT_EQ(width, kWidth) << rows.size() << " bands";
    ASSERT_EQ(height, kHeight);
    long wrong = 0;
    for (int y = 0; y < kHeight; ++y) {
      for (int x = 0; x < kWidth; ++x) {
        wrong += back[static_cast<std::size_t>(y) * kWidth + x] !=
                 (pixels[static_cast<std::size_t>(y) * kStride + x] & 0xFFFFFFu);
      }
    }
    EXPECT_EQ(wrong, 0) << rows.size() + 1 << " bands";
  }
}

TEST(ScreenfulPng, ACorruptedByteIsCaughtByTheChecksums) {
  const std::vector<std::uint32_t> pixels = picture(64, 40, 64);
  std::string png = banded(pixels, 64, 40, 64, {20});
  int width = 0;
  int height = 0;
  ASSERT_FALSE(decoded(png, width, height).empty());
  png[png.size() / 2] = static_cast<char>(png[png.size() / 2] ^ 0x10);  // inside the image data
  EXPECT_TRUE(decoded(png, width, height).empty()) << "CRC-32 or adler32 catches it";
}

TEST(ScreenfulPng, AnEmptyImageOrBandIsRefused) {
  EXPECT_FALSE(deflate_band(nullptr, 10, 10, 40, true).ok());
  const std::vector<std::uint32_t> pixels(100, 0xFFFFFFu);
  const auto* bytes = reinterpret_cast<const unsigned char*>(pixels.data());
  EXPECT_FALSE(deflate_band(bytes, 10, 0, 40, true).ok());
  EXPECT_FALSE(deflate_band(bytes, 10, 10, 20, true).ok()) << "a stride narrower than a row";
  EXPECT_FALSE(png_of_bands(10, 10, {}).ok());
}

}  // namespace
}  // namespace peermap::render
