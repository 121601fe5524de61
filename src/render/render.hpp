// Writes a Page (render/page.hpp) as an SVG, PNG or PDF file, with cairo and pango. The
// browser, the exports and the CLI all use this one renderer; render/draw.hpp draws a Page onto
// a caller's own cairo surface instead.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/result.hpp"
#include "base/time_budget.hpp"
#include "layout/layout.hpp"
#include "model/document.hpp"
#include "render/page.hpp"

namespace peermap::render {

enum class Format { Svg, Png, Pdf };

//! The format an output path asks for, by its extension (.svg, .png, .pdf).
[[nodiscard]] std::optional<Format> format_for_path(std::string_view path);

//! A part of the page, in points, drawn `pixels_wide` pixels wide: a screenful of the workspace.
struct PageArea {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  int pixels_wide = 0;
};

//! The pixels a PageArea is drawn in, its height following its shape (at least 1 by 1).
[[nodiscard]] std::pair<int, int> area_pixels(const PageArea& area);

struct FileOptions {
  Format format = Format::Svg;
  double png_dpi = 200;  //!< pixels per inch of the PNG page
  //! SVG only: the words as <text> elements in the layout's font, for a screen (the workspace),
  //! rather than as glyph outlines, which draw the same everywhere (files, the record).
  bool svg_text = false;
  //! PNG only: just this part of the page (which it must lie within), compressed for speed
  //! rather than size: the workspace's first paint of a new revision, before its SVG.
  std::optional<PageArea> png_area{};
  //! The drawing's time budget, asked before drawing and before the file is finished (cairo's
  //! own drawing is not interrupted): when spent, the error is Unavailable (out_of_time_error()).
  OutOfTime out_of_time{};
};

//! The file's bytes, one page. Same page, same bytes; a PDF's creation date is the map date.
[[nodiscard]] Result<std::string> write_page(const Page& page, const FileOptions& options);

}  // namespace peermap::render
