// Measures text exactly as render will draw it (pango, unhinted metrics, one font map).
#pragma once

#include <memory>
#include <string>

#include "layout/geometry.hpp"
#include "layout/style.hpp"

namespace peermap::layout {

//! One line of text in one style, as pango lays it out: wrapped at `max_width` (0 = no
//! wrapping) onto at most `max_lines` lines, the rest cut with an ellipsis.
struct TextStyle {
  double font_size = 9.0;
  bool bold = false;
  double max_width = 0;
  int max_lines = 1;
};

//! The label styles layout reserves space for and render draws with.
namespace label_style {
inline constexpr TextStyle kName{style::kNameFontSize, false, style::kLabelMaxWidth,
                                 style::kLabelMaxNameLines};
inline constexpr TextStyle kDetail{style::kDetailFontSize, false, style::kLabelMaxWidth, 1};
inline constexpr TextStyle kRegion{style::kRegionFontSize, true, style::kRegionLabelMaxWidth, 1};
}  // namespace label_style

//! Owns a pango context on a private cairo font map. Not thread-safe; one per thread.
class TextMeasurer {
 public:
  TextMeasurer();
  ~TextMeasurer();
  TextMeasurer(const TextMeasurer&) = delete;
  TextMeasurer& operator=(const TextMeasurer&) = delete;

  //! Width and height, in points, of `text` drawn in `style`.
  [[nodiscard]] Point measure(const std::string& text, const TextStyle& style) const;
  //! How many characters of `text` no available font can draw (shown as boxes).
  [[nodiscard]] int missing_glyphs(const std::string& text, const TextStyle& style) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace peermap::layout
