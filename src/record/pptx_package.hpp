// Internal to pptx: an Open Packaging Conventions zip in memory, through libzip. Every entry
// carries the same fixed time, so the same parts give the same bytes.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/result.hpp"

namespace peermap::record::pptx {

//! (part name, bytes), in the order written; "[Content_Types].xml" first, as Office expects.
using Parts = std::vector<std::pair<std::string, std::string>>;

//! The zip of `parts`, deflated. Errors: libzip's (Internal).
[[nodiscard]] Result<std::string> zip_parts(const Parts& parts);

}  // namespace peermap::record::pptx
