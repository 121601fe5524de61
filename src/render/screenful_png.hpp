// Internal to render: the workspace's screenful (its first paint after a save) as PNG bytes,
// quickly. The image is drawn in horizontal bands, each on its own thread; each band's rows are
// filtered and deflated where they were drawn, and the PNG joins the bands' compressed data into
// its one zlib stream (every band but the last ends on a full flush, the checksums combined as
// zlib's adler32_combine does), so two cores draw and compress one screenful. Files keep cairo's
// own PNG writer.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/result.hpp"

namespace peermap::render {

//! One band of an image's rows, filtered (PNG's Sub filter) and deflated (zlib level 1, run
//! lengths only): a part of the image data of a PNG.
struct PngBand {
  std::string deflated;            //!< raw deflate, ending on a full flush unless the last
  unsigned long adler = 1;         //!< the adler32 of the filtered rows (zlib's uLong)
  std::size_t filtered_bytes = 0;  //!< how many bytes were filtered (for adler32_combine)
};

//! `rows` rows of cairo RGB24 pixels (one native-endian 0xXXRRGGBB word a pixel, `stride` bytes
//! a row, `width` pixels) as a band; `last`: the image's last band (its stream is finished).
[[nodiscard]] Result<PngBand> deflate_band(const unsigned char* pixels, int width, int rows,
                                           int stride, bool last);

//! The PNG file (8-bit RGB, not interlaced) of `width` by `height` pixels whose rows are the
//! `bands`' in order.
[[nodiscard]] Result<std::string> png_of_bands(int width, int height,
                                               const std::vector<PngBand>& bands);

}  // namespace peermap::render
