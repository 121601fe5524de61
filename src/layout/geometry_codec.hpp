// A laid-out map's geometry as exact text, for keeping it (the server stores each revision's
// layout so that every process, and the same process after a restart, draws that revision
// the same). Everything the drawing reads is kept: label lines, wrap widths, edges, regions,
// the ecomap's rings and the warnings. Coordinates are rounded to 1/100 pt, and the text reads
// back to exactly the geometry it says: decode(encode(g)) encodes to the same text. So whoever
// keeps a layout draws from what it reads back, as every other process will.
#pragma once

#include <string>
#include <string_view>

#include "base/result.hpp"
#include "layout/layout.hpp"

namespace peermap::layout {

[[nodiscard]] std::string encode_geometry(const Geometry& geometry);

//! `geometry` rounded as encode_geometry rounds it: exactly what decode_geometry reads back from
//! its text, without writing and reading it.
[[nodiscard]] Geometry rounded(Geometry geometry);

//! The geometry encode_geometry wrote; Invalid for anything else (a damaged or foreign text).
[[nodiscard]] Result<Geometry> decode_geometry(std::string_view text);

}  // namespace peermap::layout
