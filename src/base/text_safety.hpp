// Text safety: user text made safe for the one place it is going (a problem message, a log
// line, a terminal line, a drawn label). Each function says what it does to the text; none
// of them is a general "sanitiser". No third-party dependencies.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace peermap::text {

//! Every byte outside printable ASCII (' '..'~') becomes '?'. For third-party messages that
//! may echo raw input bytes (nlohmann's parse errors), so a problem stays one ASCII line.
[[nodiscard]] std::string replace_non_ascii(std::string_view text);

//! Control characters (below 0x20, and DEL) as \xNN, the text cut to `max_bytes`: a request
//! line's parts for a log, where a forged new line must not start a log entry of its own.
[[nodiscard]] std::string escape_controls_for_log(std::string_view text,
                                                  std::size_t max_bytes = 200);

//! Control characters (below 0x20, and DEL) as \u00XX: document text on one terminal line.
[[nodiscard]] std::string escape_controls_for_terminal(std::string_view text);

//! Control characters (below 0x20, and DEL) as spaces: text that will be drawn (a label).
[[nodiscard]] std::string controls_to_spaces(std::string_view text);

//! Unicode's direction overrides, embeddings and isolates (U+202A..U+202E, U+2066..U+2069)
//! written out as "[U+202E]": in a name they can make "gnp.exe" read as "exe.png", so what is
//! drawn or shown must show them rather than obey them. Other text is unchanged.
[[nodiscard]] std::string mark_direction_controls(std::string_view text);

//! A user's value inside a message: JSON-quoted (so control characters cannot break the line,
//! bytes that are not UTF-8 become U+FFFD) and cut after `max_characters` code points ("...").
[[nodiscard]] std::string quote_for_message(std::string_view text, std::size_t max_characters = 60);

//! The number of UTF-8 code points in `text` (continuation bytes are not counted).
[[nodiscard]] std::size_t code_points(std::string_view text);

}  // namespace peermap::text
