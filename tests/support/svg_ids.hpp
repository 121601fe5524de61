// Cairo numbers the ids of an SVG (`surface12`, `glyph3-7`, `clip4`) from process-wide
// counters, so the same drawing made twice, or by another process, has other ids. Tests compare
// SVGs after renumbering them.
#pragma once

#include <cstddef>
#include <map>
#include <string>

namespace peermap::testing {

//! Cairo's generated ids (`glyph3-7`, `surface12`, `clip4`, ...) renumbered per prefix in
//! order of first appearance (`glyph#0`, `glyph#1`, ...), so which use names which symbol is
//! kept. A prefix inside a longer word (`subsurface1`, `glyphs2`) is left alone. O(n).
inline std::string normalise_svg_ids(const std::string& svg) {
  static const char* const kPrefixes[] = {"glyph", "surface", "clip",   "mask",  "pattern",
                                          "image", "linear",  "radial", "filter"};
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto is_word = [&](char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  };
  std::map<std::string, std::map<std::string, std::size_t>>
      renamed;  // prefix -> old suffix -> new number
  std::string out;
  out.reserve(svg.size());
  std::size_t i = 0;
  while (i < svg.size()) {
    bool replaced = false;
    if (i == 0 || !is_word(svg[i - 1])) {
      for (const char* prefix : kPrefixes) {
        const std::string p = prefix;
        if (svg.compare(i, p.size(), p) != 0) continue;
        std::size_t end = i + p.size();
        while (end < svg.size() &&
               (is_digit(svg[end]) ||
                (svg[end] == '-' && end + 1 < svg.size() && is_digit(svg[end + 1]))))
          ++end;
        if (end == i + p.size() || (end < svg.size() && is_word(svg[end]))) continue;
        const std::string suffix = svg.substr(i + p.size(), end - i - p.size());
        auto& numbers = renamed[p];
        const auto [it, inserted] = numbers.try_emplace(suffix, numbers.size());
        out += p + "#" + std::to_string(it->second);
        i = end;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += svg[i++];
  }
  return out;
}

}  // namespace peermap::testing
