// The geometry as a JSON value (docs/layout-json.md), for a caller that adds to it before writing
// it once (the server's layout route); layout.hpp's geometry_to_json is its text.
#pragma once

#include <nlohmann/json.hpp>

#include "layout/layout.hpp"

namespace peermap::layout {

//! What `peermap layout --json` prints, as a value: coordinates rounded to 0.01.
[[nodiscard]] nlohmann::ordered_json geometry_json(const Geometry& geometry);

}  // namespace peermap::layout
