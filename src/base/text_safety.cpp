#include "base/text_safety.hpp"

#include <algorithm>

namespace peermap::text {

namespace {

constexpr char kHex[] = "0123456789abcdef";

bool is_control(unsigned char byte) { return byte < 0x20 || byte == 0x7f; }

bool is_continuation(unsigned char byte) { return (byte & 0xC0U) == 0x80; }

//! The length of the well-formed UTF-8 sequence at `at` (RFC 3629: no overlongs, no
//! surrogates, nothing above U+10FFFF), or 0 when the bytes there are not one.
std::size_t utf8_sequence(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[at + k]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (!is_continuation(byte(k))) return 0;
  }
  return length;
}

}  // namespace

std::string replace_non_ascii(std::string_view text) {
  std::string out(text);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c < ' ' || c > '~'; }, '?');
  return out;
}

std::string escape_controls_for_log(std::string_view text, std::size_t max_bytes) {
  const std::string_view kept = text.substr(0, max_bytes);
  std::string out;
  out.reserve(kept.size());
  for (const char c : kept) {
    const auto byte = static_cast<unsigned char>(c);
    if (is_control(byte)) {
      out += "\\x";
      out += kHex[byte >> 4U];
      out += kHex[byte & 15U];
    } else {
      out += c;
    }
  }
  return out;
}

std::string escape_controls_for_terminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (is_control(byte)) {
      out += "\\u00";
      out += kHex[byte >> 4U];
      out += kHex[byte & 15U];
    } else {
      out += c;
    }
  }
  return out;
}

std::string controls_to_spaces(std::string_view text) {
  std::string out(text);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return is_control(static_cast<unsigned char>(c)); },
      ' ');
  return out;
}

std::string mark_direction_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size(); ++at) {
    const auto b0 = static_cast<unsigned char>(text[at]);
    if (b0 == 0xE2 && at + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[at + 1]);
      const auto b2 = static_cast<unsigned char>(text[at + 2]);
      const bool embedding = b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE;  // U+202A..U+202E
      const bool isolate = b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9;    // U+2066..U+2069
      if (embedding || isolate) {
        const unsigned code = 0x2000U + ((b1 & 0x3FU) << 6U) + (b2 & 0x3FU);
        out += "[U+";
        for (const unsigned shift : {12U, 8U, 4U, 0U})
          out += "0123456789ABCDEF"[(code >> shift) & 15U];
        out += ']';
        at += 2;
        continue;
      }
    }
    out += static_cast<char>(b0);
  }
  return out;
}

std::string quote_for_message(std::string_view text, std::size_t max_characters) {
  std::string out = "\"";
  std::size_t at = 0;
  std::size_t characters = 0;
  while (at < text.size() && characters < max_characters) {
    const auto byte = static_cast<unsigned char>(text[at]);
    const std::size_t length = utf8_sequence(text, at);
    ++characters;
    if (length == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      ++at;
      continue;
    }
    if (length > 1) {
      out.append(text.substr(at, length));
      at += length;
      continue;
    }
    ++at;
    switch (byte) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (byte < 0x20) {
          out += "\\u00";
          out += kHex[byte >> 4U];
          out += kHex[byte & 15U];
        } else {
          out += static_cast<char>(byte);
        }
    }
  }
  out += '"';
  if (at < text.size()) out += "...";
  return out;
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return !is_continuation(static_cast<unsigned char>(c));
  }));
}

}  // namespace peermap::text
