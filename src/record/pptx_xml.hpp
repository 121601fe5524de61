// Internal to pptx: DrawingML units and colours, and pugixml documents as part bytes.
#pragma once

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>

#include "base/text_safety.hpp"
#include "render/key.hpp"

namespace peermap::record::pptx {

inline constexpr const char* kA = "http://schemas.openxmlformats.org/drawingml/2006/main";
inline constexpr const char* kR =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* kP = "http://schemas.openxmlformats.org/presentationml/2006/main";

//! Points as EMU (English Metric Units, 12,700 a point), DrawingML's length.
[[nodiscard]] inline long long emu(double points) { return std::llround(points * 12700.0); }

//! "RRGGBB".
[[nodiscard]] inline std::string hex(const render::Colour& c) {
  const auto byte = [](double v) {
    return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
  };
  char out[8];
  (void)std::snprintf(out, sizeof out, "%02X%02X%02X", byte(c.r), byte(c.g), byte(c.b));
  return out;
}

//! User text as a part may hold it: control characters (which XML 1.0 cannot carry) become
//! spaces, direction overrides are shown ("[U+202E]") rather than obeyed, as on the map and in
//! the PDF; pugixml escapes the rest (&, <, > and quotes).
[[nodiscard]] inline std::string clean(std::string_view text) {
  return text::mark_direction_controls(text::controls_to_spaces(text));
}

//! The part's bytes: the XML declaration (UTF-8, standalone) and the document, unindented.
[[nodiscard]] inline std::string part_bytes(const pugi::xml_document& xml) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  xml.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

}  // namespace peermap::record::pptx
