// Compressed answers (gzip, RFC 1952, by zlib): a map's SVG drawing is mostly glyph outlines and
// shrinks several times over, which is most of what the browser waits for after a save.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "server/http.hpp"

namespace peermap::server {

//! The request's Accept-Encoding allows gzip (RFC 9110 §12.5.3: "gzip" or "*", q above 0).
[[nodiscard]] bool accepts_gzip(const Request& request);

//! `text` as a gzip file, at zlib's `level` (1 fastest .. 9 smallest); nullopt if zlib fails.
[[nodiscard]] std::optional<std::string> gzip(std::string_view text, int level = 6);

}  // namespace peermap::server
