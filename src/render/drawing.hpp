// Internal to render: drawing onto a cairo context, in points. The primitives (text, symbols,
// ties) are shared by the map and its key, so the key shows exactly what the map draws.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>
#include <vector>

#include "base/handle.hpp"
#include "base/result.hpp"
#include "layout/layout.hpp"
#include "layout/text_metrics.hpp"
#include "render/key.hpp"
#include "render/page.hpp"

namespace peermap::render {

//! A cairo status as the project's error (Internal).
[[nodiscard]] Error cairo_error(cairo_status_t status);

// Few distinct font sizes: cairo's SVG writes each glyph once per font and size.
inline constexpr double kPageFont = 8.5;
inline constexpr double kPageBoldFont = 10;

//! One line of text as a screen's SVG writes it (a <text> element): what pango laid out, at its
//! baseline, with the width pango gave it, so any font the viewer has fills the same space.
struct TextRun {
  std::string text;
  double x = 0;  //!< the line's left
  double baseline = 0;
  double width = 0;
  double font_size = 0;
  bool bold = false;
  Colour colour;
};

//! Writes text with pango, on the one font map layout measured with. Not thread-safe.
class TextPainter {
 public:
  //! With `runs`, a line pango can give as plain text is added there instead of drawn (a line cut
  //! with an ellipsis is still drawn, as outlines).
  explicit TextPainter(cairo_t* cr, std::vector<TextRun>* runs = nullptr);

  //! Draws `text` with its top at `y`, centred on `x` or starting there; returns its height.
  double draw(const std::string& text, const layout::TextStyle& style, double x, double y,
              bool centre, Colour colour = colours::kInk);
  //! True when `style` would cut `text` short with an ellipsis.
  [[nodiscard]] bool is_cut(const std::string& text, const layout::TextStyle& style);
  //! True when `box` (in user space now) may show within the clip (a band of a screenful
  //! draws only its own part: what lies wholly outside is measured, never drawn).
  [[nodiscard]] bool may_show(const layout::Rect& box) const;

 private:
  //! Adds the layout's lines, placed with their top-left at (x, y), to runs_.
  void record(const layout::TextStyle& style, double x, double y, Colour colour);

  cairo_t* cr_;
  std::vector<TextRun>* runs_;
  Handle<PangoContext, g_object_unref> context_;
  Handle<PangoLayout, g_object_unref> layout_;
};

void set_colour(cairo_t* cr, Colour c, double alpha_factor = 1.0);
//! Adds the outline of `shape`, `size` across and centred on `c`, to the current path.
void shape_path(cairo_t* cr, Shape shape, layout::Point c, double size);
//! A person's or a place's symbol: filled and outlined.
void draw_symbol(cairo_t* cr, const NodeStyle& style, layout::Point c, double size);
//! The clip's extents in user space now: all that can show. On an SVG or PDF page, the page.
[[nodiscard]] layout::Rect clip_box(cairo_t* cr);

//! A line between two points in a tie's style: thickness, dashes, zig-zag, arrows.
void draw_tie(cairo_t* cr, const TieStyle& style, layout::Point a, layout::Point b);
//! A tie's line through its points (bent around people it does not connect), in its style.
void draw_tie(cairo_t* cr, const TieStyle& style, const std::vector<layout::Point>& line);

struct PointOnLine {
  layout::Point at;
  layout::Point direction;  //!< unit vector along the line there
  double length = 0;        //!< of the whole line
};
//! The point `fraction` (0..1) of the way along a polyline, by length.
[[nodiscard]] PointOnLine point_along(const std::vector<layout::Point>& line, double fraction);

//! A relationship tie's nature: `code` (nature_code) on a small white tag centred on `c`,
//! edged in the line's colour.
void draw_nature_tag(cairo_t* cr, TextPainter& text, const std::string& code, layout::Point c,
                     Colour line);

//! "Date not known" (an as-of view's undated tie or person): a small white disc with a "?",
//! centred on `c`.
void draw_date_not_known(cairo_t* cr, TextPainter& text, layout::Point c);

//! Draws the whole page as draw_page does; with `runs`, its text goes there (TextPainter).
[[nodiscard]] Status draw_page_text_to(cairo_t* cr, const Page& page, std::vector<TextRun>* runs);

//! `svg` (cairo's) with `runs` added as <text> elements on top, their words escaped for XML.
[[nodiscard]] std::string with_svg_text(std::string svg, const std::vector<TextRun>& runs);

//! The map (ecomap rings, regions, ties, people, region names) where `placement` puts it
//! (place_on_page, the formula the layout route shares).
void draw_map(cairo_t* cr, TextPainter& text, const Page& page, const MapPlacement& placement);

//! The key in `column` (its frame drawn 6 pt outside on the left and top): every symbol and
//! line, and the sections for regions and the ecomap when the page's geometry has them.
void draw_key(cairo_t* cr, TextPainter& text, const Page& page, const layout::Rect& column);

}  // namespace peermap::render
