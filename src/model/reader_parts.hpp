// Private to the model: what the reader's units share (limits, and how a value is quoted in a
// problem message). Not for other modules; they see json_io.hpp and the public unit headers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/text_safety.hpp"
#include "model/full_name.hpp"

namespace peermap::model::detail {

// Limits from docs/format.md, "Rules that apply everywhere".
constexpr std::size_t kMaxText = 10'000;
constexpr std::size_t kMaxName = kMaxNameLength;
constexpr std::size_t kMaxItems = 100'000;
constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kQuoteLength = 60;

//! A user's value for a message (text_safety.hpp): JSON-quoted and cut short.
inline std::string quote(std::string_view value) {
  return text::quote_for_message(value, kQuoteLength);
}

}  // namespace peermap::model::detail
