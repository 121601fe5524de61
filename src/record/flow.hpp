// Private to record: a small flow layout engine for the record's pages. Content is a list of
// blocks (headings, paragraphs, tables); paginate() lays them out down A4 pages with pango (every
// text wrapped at its width, never cut), breaking tables between rows, and a row taller than a
// page between its lines, and repeating a table's header row at the top of each page it runs
// onto. The pages are then drawn, when their number is known, with draw_flow_page().
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>
#include <variant>
#include <vector>

#include "base/handle.hpp"

namespace peermap::record {

struct Ink {
  double r = 0;
  double g = 0;
  double b = 0;
};

//! A section's title (level 1) or a part's (level 2); kept on the page of what follows it.
struct Heading {
  std::string text;
  int level = 1;
};

//! Running text; a bullet is indented with a "•" before it.
struct Paragraph {
  std::string text;
  bool bullet = false;
  bool quiet = false;  //!< grey, for "None recorded." and notes about the table
};

//! Rows of wrapped cells under an optional header row (repeated on every page the table runs
//! onto). Widths are fractions of the text column. A label table (fields) has no header and
//! its first column in bold.
struct Table {
  std::vector<std::string> header;
  std::vector<double> widths;
  std::vector<std::vector<std::string>> rows;
  bool label_column = false;
};

using Block = std::variant<Heading, Paragraph, Table>;

//! The text column of a record page, in points (A4 landscape).
struct Column {
  double x = 0;
  double width = 0;
  double top = 0;
  double bottom = 0;
};

//! A laid-out text and its lines, with their tops, bottoms and baselines from its top.
struct LaidText {
  Handle<PangoLayout, g_object_unref> layout;
  struct Line {
    double top = 0;
    double bottom = 0;
    double baseline = 0;
    double x = 0;
  };
  std::vector<Line> lines;
  [[nodiscard]] double height() const { return lines.empty() ? 0 : lines.back().bottom; }
};

//! Lines [first, end) of a laid text, drawn with the top of line `first` at (x, y).
struct TextPiece {
  const LaidText* text = nullptr;
  std::size_t first = 0;
  std::size_t end = 0;
  double x = 0;
  double y = 0;
  Ink ink;
};

//! A rectangle filled and/or outlined.
struct Box {
  double x = 0;
  double y = 0;
  double w = 0;
  double h = 0;
  bool filled = false;
  Ink fill;
  bool outlined = false;
};

struct FlowPage {
  std::vector<Box> boxes;  //!< drawn first
  std::vector<TextPiece> pieces;
  std::vector<std::string> sections;  //!< the titles of the sections starting on this page
};

//! The laid-out pages of a list of blocks; owns every pango layout they draw.
class Flow {
 public:
  //! Layouts are made in `context` (pango on the target's cairo context).
  Flow(PangoContext* context, Column column);

  //! Lays out `blocks` on as many pages as they need. Cost: one pango layout per text.
  void paginate(const std::vector<Block>& blocks);

  [[nodiscard]] const std::vector<FlowPage>& pages() const { return pages_; }

  //! One text laid out at `width` (0: one line), wrapped, never cut.
  const LaidText& lay_out(const std::string& text, double font_size, bool bold, double width);

 private:
  void new_page();
  //! `keep`: the height of what must stay on the heading's page after it.
  void add_heading(const Heading& heading, double keep);
  void add_paragraph(const Paragraph& paragraph);
  void add_table(const Table& table);
  //! The height the blocks from `from` need on a page for a heading before them not to stand
  //! alone: their first part, and any quiet paragraph introducing it.
  static double opening_height(const std::vector<Block>& blocks, std::size_t from);

  PangoContext* context_;
  Column column_;
  std::vector<std::unique_ptr<LaidText>> texts_;
  std::vector<FlowPage> pages_;
  double y_ = 0;
};

//! Draws one laid-out page's boxes and text onto `cr`.
void draw_flow_page(cairo_t* cr, const FlowPage& page);

//! Draws `text` (pango) in the box from x to x + width with its top at y, aligned in it, on at
//! most `max_lines` lines (the rest cut with an ellipsis); returns its height.
double draw_text(cairo_t* cr, PangoContext* context, const std::string& text, double font_size,
                 bool bold, double x, double y, double width, Ink ink, PangoAlignment align,
                 int max_lines = 1);

}  // namespace peermap::record
