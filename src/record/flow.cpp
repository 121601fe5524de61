// The record's flow engine: blocks down pages, tables broken between rows (and a tall row
// between its lines), header rows repeated, every text wrapped by pango and never cut.
#include "record/flow.hpp"

#include <algorithm>
#include <numeric>

#include "layout/layout.hpp"
#include "layout/pango_text.hpp"

namespace peermap::record {

namespace {

// Sizes, in points. Tables are a size below running text so wide registers stay readable.
constexpr double kTitleFont = 14;
constexpr double kSubtitleFont = 10.5;
constexpr double kTextFont = 9.5;
constexpr double kCellFont = 8.5;
constexpr double kCellPadX = 3.5;
constexpr double kCellPadY = 2.5;
constexpr double kBulletIndent = 12;
constexpr double kParagraphMaxWidth = 640;  // about 110 characters: a line a reader can follow
//! What a heading keeps on its page from the block after it (a header row and a row, or two
//! lines of text), so no heading is left alone at the bottom of a page.
constexpr double kKeepWithHeading = 34;

constexpr Ink kInk{0.13, 0.13, 0.13};
constexpr Ink kQuiet{0.38, 0.38, 0.38};
constexpr Ink kHeaderFill{0.87, 0.89, 0.92};
constexpr Ink kLabelFill{0.95, 0.95, 0.96};
constexpr Ink kRule{0.62, 0.62, 0.65};

void set_ink(cairo_t* cr, Ink ink) { cairo_set_source_rgb(cr, ink.r, ink.g, ink.b); }

}  // namespace

Flow::Flow(PangoContext* context, Column column) : context_(context), column_(column) {}

const LaidText& Flow::lay_out(const std::string& text, double font_size, bool bold, double width) {
  auto laid = std::make_unique<LaidText>();
  laid->layout.reset(pango_layout_new(context_));
  const layout::TextStyle style{font_size, bold, width, 1, false};
  layout::set_pango_text(laid->layout.get(), layout::label_text(text), style);
  pango_layout_set_alignment(laid->layout.get(), PANGO_ALIGN_LEFT);
  const Handle<PangoLayoutIter, pango_layout_iter_free> line(
      pango_layout_get_iter(laid->layout.get()));
  do {
    int top = 0;
    int bottom = 0;
    pango_layout_iter_get_line_yrange(line.get(), &top, &bottom);
    PangoRectangle logical{};
    pango_layout_iter_get_line_extents(line.get(), nullptr, &logical);
    laid->lines.push_back(
        {static_cast<double>(top) / PANGO_SCALE, static_cast<double>(bottom) / PANGO_SCALE,
         static_cast<double>(pango_layout_iter_get_baseline(line.get())) / PANGO_SCALE,
         static_cast<double>(logical.x) / PANGO_SCALE});
  } while (pango_layout_iter_next_line(line.get()) != 0);
  texts_.push_back(std::move(laid));
  return *texts_.back();
}

void Flow::new_page() {
  pages_.emplace_back();
  y_ = column_.top;
}

double Flow::opening_height(const std::vector<Block>& blocks, std::size_t from) {
  // A quiet paragraph introduces what follows it (a note above a table): kept too.
  double height = 0;
  for (std::size_t i = from; i < blocks.size(); ++i) {
    const auto* paragraph = std::get_if<Paragraph>(&blocks[i]);
    if (paragraph == nullptr || !paragraph->quiet) {
      return height + (std::holds_alternative<Heading>(blocks[i]) ? 2 : 1) * kKeepWithHeading;
    }
    height += kKeepWithHeading;
  }
  return height;
}

void Flow::paginate(const std::vector<Block>& blocks) {
  new_page();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    std::visit(
        [&](const auto& block) {
          using T = std::decay_t<decltype(block)>;
          if constexpr (std::is_same_v<T, Heading>) {
            add_heading(block, opening_height(blocks, i + 1));
          } else if constexpr (std::is_same_v<T, Paragraph>) {
            add_paragraph(block);
          } else {
            add_table(block);
          }
        },
        blocks[i]);
  }
}

void Flow::add_heading(const Heading& heading, double keep) {
  const bool title = heading.level == 1;
  const LaidText& text = lay_out(heading.text, title ? kTitleFont : kSubtitleFont, true,
                                 std::min(column_.width, kParagraphMaxWidth));
  const double before = y_ > column_.top ? (title ? 16 : 9) : 0;
  const double after = title ? 7 : 4;
  if (y_ + before + text.height() + after + keep > column_.bottom) {
    new_page();
  } else {
    y_ += before;
  }
  pages_.back().pieces.push_back({&text, 0, text.lines.size(), column_.x, y_, kInk});
  if (title) pages_.back().sections.push_back(heading.text);
  y_ += text.height();
  if (title) {
    pages_.back().boxes.push_back({column_.x, y_ + 2, column_.width, 0.8, true, kInk, false});
  }
  y_ += after;
}

void Flow::add_paragraph(const Paragraph& paragraph) {
  const double indent = paragraph.bullet ? kBulletIndent : 0;
  const double width = std::min(column_.width, kParagraphMaxWidth) - indent;
  const LaidText& text = lay_out(paragraph.text, kTextFont, false, width);
  const Ink ink = paragraph.quiet ? kQuiet : kInk;
  std::size_t first = 0;
  bool bullet_drawn = !paragraph.bullet;
  while (first < text.lines.size()) {
    std::size_t end = first;
    while (end < text.lines.size() &&
           y_ + text.lines[end].bottom - text.lines[first].top <= column_.bottom) {
      ++end;
    }
    if (end == first) {
      if (y_ == column_.top)
        ++end;  // a line taller than a page: drawn, never lost
      else {
        new_page();
        continue;
      }
    }
    if (!bullet_drawn) {
      const LaidText& dot = lay_out("\u2022", kTextFont, false, 0);
      pages_.back().pieces.push_back({&dot, 0, dot.lines.size(), column_.x + 2, y_, ink});
      bullet_drawn = true;
    }
    pages_.back().pieces.push_back({&text, first, end, column_.x + indent, y_, ink});
    y_ += text.lines[end - 1].bottom - text.lines[first].top;
    first = end;
    if (first < text.lines.size()) new_page();
  }
  y_ += 4;
}

void Flow::add_table(const Table& table) {
  const std::size_t columns = table.widths.size();
  const double total = std::accumulate(table.widths.begin(), table.widths.end(), 0.0);
  std::vector<double> xs{column_.x};
  std::vector<double> widths;
  for (const double w : table.widths) {
    widths.push_back(w / total * column_.width);
    xs.push_back(xs.back() + widths.back());
  }
  const auto lay_out_row = [&](const std::vector<std::string>& cells, bool header) {
    std::vector<const LaidText*> laid;
    for (std::size_t c = 0; c < columns; ++c) {
      const std::string& cell = c < cells.size() ? cells[c] : std::string();
      const bool bold = header || (table.label_column && c == 0);
      laid.push_back(&lay_out(cell, kCellFont, bold, widths[c] - 2 * kCellPadX));
    }
    return laid;
  };
  const bool has_header = !table.header.empty();
  std::vector<const LaidText*> header;
  double header_height = 0;
  if (has_header) {
    header = lay_out_row(table.header, true);
    for (const LaidText* cell : header) {
      header_height = std::max(header_height, cell->height() + 2 * kCellPadY);
    }
  }
  const auto place_header = [&] {
    if (!has_header) return;
    FlowPage& page = pages_.back();
    for (std::size_t c = 0; c < columns; ++c) {
      page.boxes.push_back({xs[c], y_, widths[c], header_height, true, kHeaderFill, true});
      page.pieces.push_back(
          {header[c], 0, header[c]->lines.size(), xs[c] + kCellPadX, y_ + kCellPadY, kInk});
    }
    y_ += header_height;
  };
  if (y_ > column_.top) y_ += 3;
  if (y_ + header_height + kKeepWithHeading > column_.bottom) new_page();
  place_header();
  for (const auto& row : table.rows) {
    const std::vector<const LaidText*> cells = lay_out_row(row, false);
    double row_height = 0;
    for (const LaidText* cell : cells) {
      row_height = std::max(row_height, cell->height() + 2 * kCellPadY);
    }
    // A row that fits on a page is never broken: it goes whole onto the next one.
    if (y_ + row_height > column_.bottom &&
        row_height <= column_.bottom - column_.top - header_height) {
      new_page();
      place_header();
    }
    std::vector<std::size_t> next(columns, 0);
    for (;;) {
      const double room = column_.bottom - y_ - 2 * kCellPadY;
      std::vector<std::size_t> end(columns, 0);
      double piece = 0;
      bool progress = false;
      bool done = true;
      for (std::size_t c = 0; c < columns; ++c) {
        const auto& lines = cells[c]->lines;
        std::size_t e = next[c];
        while (e < lines.size() && lines[e].bottom - lines[next[c]].top <= room) ++e;
        if (e == next[c] && e < lines.size() && y_ == column_.top + header_height) ++e;
        if (e > next[c]) {
          piece = std::max(piece, lines[e - 1].bottom - lines[next[c]].top);
          progress = true;
        }
        end[c] = e;
        done = done && e == lines.size();
      }
      if (!progress) {
        new_page();
        place_header();
        continue;
      }
      const double height = piece + 2 * kCellPadY;
      FlowPage& page = pages_.back();
      for (std::size_t c = 0; c < columns; ++c) {
        const bool label = table.label_column && c == 0;
        page.boxes.push_back({xs[c], y_, widths[c], height, label, kLabelFill, true});
        if (end[c] > next[c]) {
          page.pieces.push_back(
              {cells[c], next[c], end[c], xs[c] + kCellPadX, y_ + kCellPadY, kInk});
        }
      }
      y_ += height;
      next = end;
      if (done) break;
      new_page();
      place_header();
    }
  }
  y_ += 6;
}

void draw_flow_page(cairo_t* cr, const FlowPage& page) {
  cairo_set_line_width(cr, 0.5);
  for (const Box& box : page.boxes) {
    cairo_rectangle(cr, box.x, box.y, box.w, box.h);
    if (box.filled) {
      set_ink(cr, box.fill);
      if (box.outlined) {
        cairo_fill_preserve(cr);
      } else {
        cairo_fill(cr);
      }
    }
    if (box.outlined) {
      set_ink(cr, kRule);
      cairo_stroke(cr);
    }
  }
  for (const TextPiece& piece : page.pieces) {
    set_ink(cr, piece.ink);
    const double top = piece.text->lines[piece.first].top;
    for (std::size_t i = piece.first; i < piece.end; ++i) {
      const LaidText::Line& line = piece.text->lines[i];
      cairo_move_to(cr, piece.x + line.x, piece.y + line.baseline - top);
      pango_cairo_show_layout_line(
          cr, pango_layout_get_line_readonly(piece.text->layout.get(), static_cast<int>(i)));
    }
  }
}

double draw_text(cairo_t* cr, PangoContext* context, const std::string& text, double font_size,
                 bool bold, double x, double y, double width, Ink ink, PangoAlignment align,
                 int max_lines) {
  const Handle<PangoLayout, g_object_unref> laid(pango_layout_new(context));
  const layout::TextStyle style{font_size, bold, width, max_lines, true};
  layout::set_pango_text(laid.get(), layout::label_text(text), style);
  pango_layout_set_alignment(laid.get(), align);
  set_ink(cr, ink);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, laid.get());
  PangoRectangle logical{};
  pango_layout_get_extents(laid.get(), nullptr, &logical);
  return static_cast<double>(logical.height) / PANGO_SCALE;
}

}  // namespace peermap::record
