// Internal to render: a cairo image as PNG bytes through libpng, compressed for speed (the
// workspace's first paint after a save). Files keep cairo's own PNG writer.
#pragma once

#include <cairo.h>

#include <string>

#include "base/result.hpp"

namespace peermap::render {

//! The RGB24 image `surface` (flushed) as a PNG file, with zlib level 1 and the Sub filter: a
//! few milliseconds for a screenful, where cairo's writer (adaptive filters, level 6) takes
//! several times as long.
[[nodiscard]] Result<std::string> encode_png_fast(cairo_surface_t* surface);

}  // namespace peermap::render
