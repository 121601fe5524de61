// Measures text exactly as render will draw it (pango, unhinted metrics, one font map).
#pragma once

#include <memory>
#include <string>

#include "layout/geometry.hpp"
#include "layout/style.hpp"

namespace peermap::layout {

//! Text in one style, as pango lays it out: wrapped at `max_width` (0 = no wrapping) at word
//! boundaries, and inside a word only when the word alone is wider than a line. With `cut`, at
//! most `max_lines` lines are kept and the rest is cut with an ellipsis; without, every line is
//! kept (names: the layout widens the label until the name fits `max_lines`).
struct TextStyle {
  double font_size = 9.0;
  bool bold = false;
  double max_width = 0;
  int max_lines = 1;
  bool cut = true;
};

//! The label styles layout reserves space for and render draws with.
namespace label_style {
//! A name, never cut; `max_width` is the narrowest it wraps at (TextMeasurer::fitting_width).
inline constexpr TextStyle kName{style::kNameFontSize, false, style::kLabelMaxWidth,
                                 style::kLabelMaxNameLines, false};
inline constexpr TextStyle kDetail{style::kDetailFontSize, false, style::kLabelMaxWidth, 1};
//! A group's or place's name, never cut, wrapped like a person's name.
inline constexpr TextStyle kRegion{style::kRegionFontSize, true, style::kRegionLabelMaxWidth,
                                   style::kLabelMaxNameLines, false};
//! `style` wrapped at `width` instead: how a name is drawn once its width is chosen.
[[nodiscard]] constexpr TextStyle wrapped_at(TextStyle style, double width) {
  style.max_width = width;
  return style;
}
}  // namespace label_style

//! Owns a pango context on a private cairo font map. Not thread-safe; one per thread. The
//! answers of measure, line_count and fitting_width are kept for the thread (the same text and
//! style, the same answer), so a layout after an edit measures only the labels that changed.
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
  //! How many lines `text` takes in `style`.
  [[nodiscard]] int line_count(const std::string& text, const TextStyle& style) const;
  //! True when `style` cuts `text` short with an ellipsis.
  [[nodiscard]] bool is_cut(const std::string& text, const TextStyle& style) const;
  //! The narrowest width, at least `style.max_width`, at which `text` wraps onto at most
  //! `style.max_lines` lines: the width a name's label is given so that it is never cut.
  //! Cost: one pango layout when the name fits at `style.max_width`, else O(log width) more.
  [[nodiscard]] double fitting_width(const std::string& text, const TextStyle& style) const;

 private:
  struct Impl;
  Impl& impl() const;
  [[nodiscard]] Point measure_now(const std::string& text, const TextStyle& style) const;
  [[nodiscard]] double fitting_width_now(const std::string& text, const TextStyle& style) const;
  mutable std::unique_ptr<Impl> impl_;  //!< made at the first question not answered before
};

}  // namespace peermap::layout
