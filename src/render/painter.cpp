#include <algorithm>
#include <cmath>

#include "layout/pango_text.hpp"
#include "render/drawing.hpp"

namespace peermap::render {

using layout::Point;

Error cairo_error(cairo_status_t status) {
  return Error{ErrorKind::Internal, std::string("cairo: ") + cairo_status_to_string(status)};
}

TextPainter::TextPainter(cairo_t* cr, std::vector<TextRun>* runs)
    : cr_(cr), runs_(runs), context_(pango_font_map_create_context(layout::thread_font_map())) {
  layout::configure_pango_context(context_.get());
  pango_cairo_update_context(cr_, context_.get());
  layout_.reset(pango_layout_new(context_.get()));
}

double TextPainter::draw(const std::string& text, const layout::TextStyle& style, double x,
                         double y, bool centre, Colour colour) {
  layout::set_pango_text(layout_.get(), layout::label_text(text), style);
  if (!centre) pango_layout_set_alignment(layout_.get(), PANGO_ALIGN_LEFT);
  PangoRectangle logical{};
  pango_layout_get_extents(layout_.get(), nullptr, &logical);
  const double lx = static_cast<double>(logical.x) / PANGO_SCALE;
  const double lw = static_cast<double>(logical.width) / PANGO_SCALE;
  const double lh = static_cast<double>(logical.height) / PANGO_SCALE;
  const double left = (centre ? x - lw / 2 : x) - lx;
  if (runs_ != nullptr && pango_layout_is_ellipsized(layout_.get()) == 0) {
    record(style, left, y, colour);
    return lh;
  }
  // Ink may stray past the logical box (accents, italic overhang): a margin of half a line.
  if (!may_show(layout::Rect{left + lx, y, lw, lh}.inflated(std::max(lh / 2, 2.0)))) return lh;
  set_colour(cr_, colour);
  cairo_move_to(cr_, left, y);
  pango_cairo_update_layout(cr_, layout_.get());
  pango_cairo_show_layout(cr_, layout_.get());
  return lh;
}

void TextPainter::record(const layout::TextStyle& style, double x, double y, Colour colour) {
  // Runs are in page points: the map's scale and offset (cairo's matrix) applied here.
  double scale = 1;
  double unused = 0;
  cairo_user_to_device_distance(cr_, &scale, &unused);
  const char* text = pango_layout_get_text(layout_.get());
  const Handle<PangoLayoutIter, pango_layout_iter_free> line(pango_layout_get_iter(layout_.get()));
  do {
    const PangoLayoutLine* l = pango_layout_iter_get_line_readonly(line.get());
    std::string words(text + l->start_index, static_cast<std::size_t>(l->length));
    while (!words.empty() && (words.back() == ' ' || words.back() == '\n')) words.pop_back();
    if (words.empty()) continue;
    PangoRectangle logical{};
    pango_layout_iter_get_line_extents(line.get(), nullptr, &logical);
    double left = x + static_cast<double>(logical.x) / PANGO_SCALE;
    double baseline =
        y + static_cast<double>(pango_layout_iter_get_baseline(line.get())) / PANGO_SCALE;
    cairo_user_to_device(cr_, &left, &baseline);
    runs_->push_back({std::move(words), left, baseline,
                      static_cast<double>(logical.width) / PANGO_SCALE * scale,
                      style.font_size * scale, style.bold, colour});
  } while (pango_layout_iter_next_line(line.get()) != 0);
}

layout::Rect clip_box(cairo_t* cr) {
  double x0 = 0;
  double y0 = 0;
  double x1 = 0;
  double y1 = 0;
  cairo_clip_extents(cr, &x0, &y0, &x1, &y1);
  return {x0, y0, x1 - x0, y1 - y0};
}

bool TextPainter::may_show(const layout::Rect& box) const { return clip_box(cr_).overlaps(box); }

bool TextPainter::is_cut(const std::string& text, const layout::TextStyle& style) {
  layout::set_pango_text(layout_.get(), layout::label_text(text), style);
  return pango_layout_is_ellipsized(layout_.get()) != 0;
}

void set_colour(cairo_t* cr, Colour c, double alpha_factor) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * alpha_factor);
}

void shape_path(cairo_t* cr, Shape shape, Point c, double size) {
  const double r = size / 2;
  switch (shape) {
    case Shape::Circle:
      cairo_new_sub_path(cr);
      cairo_arc(cr, c.x, c.y, r, 0, 2 * M_PI);
      break;
    case Shape::Square:
      cairo_rectangle(cr, c.x - r * 0.88, c.y - r * 0.88, r * 1.76, r * 1.76);
      break;
    case Shape::Diamond:
      cairo_move_to(cr, c.x, c.y - r);
      cairo_line_to(cr, c.x + r, c.y);
      cairo_line_to(cr, c.x, c.y + r);
      cairo_line_to(cr, c.x - r, c.y);
      cairo_close_path(cr);
      break;
    case Shape::Hexagon:
      for (int k = 0; k < 6; ++k) {
        const double a = M_PI / 3 * k;
        if (k == 0) {
          cairo_move_to(cr, c.x + r * std::cos(a), c.y + r * std::sin(a));
        } else {
          cairo_line_to(cr, c.x + r * std::cos(a), c.y + r * std::sin(a));
        }
      }
      cairo_close_path(cr);
      break;
    case Shape::Triangle:
      cairo_move_to(cr, c.x, c.y - r);
      cairo_line_to(cr, c.x + r, c.y + r * 0.8);
      cairo_line_to(cr, c.x - r, c.y + r * 0.8);
      cairo_close_path(cr);
      break;
  }
}

void draw_symbol(cairo_t* cr, const NodeStyle& style, Point c, double size) {
  shape_path(cr, style.shape, c, size);
  set_colour(cr, style.fill);
  cairo_fill_preserve(cr);
  set_colour(cr, style.stroke);
  cairo_set_line_width(cr, style.stroke_width);
  cairo_set_dash(cr, nullptr, 0, 0);
  cairo_stroke(cr);
}

namespace {

void arrow_head(cairo_t* cr, Point tip, Point from, double size) {
  const double dx = tip.x - from.x;
  const double dy = tip.y - from.y;
  const double length = std::max(std::hypot(dx, dy), 1e-9);
  const double ux = dx / length;
  const double uy = dy / length;
  cairo_move_to(cr, tip.x, tip.y);
  cairo_line_to(cr, tip.x - ux * size - uy * size * 0.55, tip.y - uy * size + ux * size * 0.55);
  cairo_line_to(cr, tip.x - ux * size + uy * size * 0.55, tip.y - uy * size - ux * size * 0.55);
  cairo_close_path(cr);
  cairo_fill(cr);
}

}  // namespace

PointOnLine point_along(const std::vector<Point>& line, double fraction) {
  double total = 0;
  for (std::size_t k = 1; k < line.size(); ++k)
    total += std::hypot(line[k].x - line[k - 1].x, line[k].y - line[k - 1].y);
  double left = total * fraction;
  for (std::size_t k = 1; k < line.size(); ++k) {
    const double dx = line[k].x - line[k - 1].x;
    const double dy = line[k].y - line[k - 1].y;
    const double length = std::hypot(dx, dy);
    if (left <= length || k + 1 == line.size()) {
      const double unit = std::max(length, 1e-9);
      const double t = std::min(left, length) / unit;
      return {{line[k - 1].x + dx * t, line[k - 1].y + dy * t}, {dx / unit, dy / unit}, total};
    }
    left -= length;
  }
  return {line.empty() ? Point{} : line.front(), {1, 0}, 0};
}

void draw_tie(cairo_t* cr, const TieStyle& style, Point a, Point b) {
  draw_tie(cr, style, std::vector<Point>{a, b});
}

void draw_tie(cairo_t* cr, const TieStyle& style, const std::vector<Point>& line) {
  if (line.size() < 2) return;
  const double fade = style.faded ? 0.35 : 1.0;
  set_colour(cr, style.colour, fade);
  cairo_set_line_width(cr, style.width);
  const double dash[] = {6, 4};
  // Round caps make each dot as wide as the line; the gaps grow with it so a strong tie's
  // dots stay apart.
  const double dots[] = {0.1, 2.5 + style.width * 1.6};
  if (style.dotted) {
    cairo_set_dash(cr, dots, 2, 0);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  } else {
    cairo_set_dash(cr, style.dashed ? dash : nullptr, style.dashed ? 2 : 0, 0);
  }
  // A line bent around a person joins its pieces with round corners.
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  const double head = 5 + style.width * 1.6;
  const Point a = line.front();
  const Point b = line.back();
  const auto towards = [](Point from, Point to, double by) {
    const double length = std::max(std::hypot(to.x - from.x, to.y - from.y), 1e-9);
    return Point{from.x + (to.x - from.x) / length * by, from.y + (to.y - from.y) / length * by};
  };
  // Stop the line short of an arrow so the point stays sharp.
  std::vector<Point> drawn = line;
  if (style.arrow_at_source) drawn.front() = towards(a, line[1], head * 0.8);
  if (style.arrow_at_target) drawn.back() = towards(b, line[line.size() - 2], head * 0.8);
  cairo_move_to(cr, drawn.front().x, drawn.front().y);
  for (std::size_t k = 1; k < drawn.size(); ++k) {
    const Point start = drawn[k - 1];
    const Point end = drawn[k];
    if (style.zigzag) {
      const double span = std::max(std::hypot(end.x - start.x, end.y - start.y), 1e-9);
      const double ux = (end.x - start.x) / span;
      const double uy = (end.y - start.y) / span;
      const int teeth = std::max(2, static_cast<int>(span / 6));
      for (int j = 1; j < teeth; ++j) {
        const double t = static_cast<double>(j) / teeth;
        const double side = (j % 2 == 0 ? 1.0 : -1.0) * 3.0;
        cairo_line_to(cr, start.x + (end.x - start.x) * t - uy * side,
                      start.y + (end.y - start.y) * t + ux * side);
      }
    }
    cairo_line_to(cr, end.x, end.y);
  }
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
  if (style.arrow_at_target) arrow_head(cr, b, line[line.size() - 2], head);
  if (style.arrow_at_source) arrow_head(cr, a, line[1], head);
  if (style.influence_to_target || style.influence_to_source) {
    // A chevron half-way along, pointing from leader to follower, outlined so it reads on any
    // line.
    const PointOnLine mid = point_along(line, 0.5);
    const double ux = mid.direction.x;
    const double uy = mid.direction.y;
    const Point tip = style.influence_to_target ? Point{mid.at.x + ux * 5, mid.at.y + uy * 5}
                                                : Point{mid.at.x - ux * 5, mid.at.y - uy * 5};
    const Point tail = style.influence_to_target ? Point{mid.at.x - ux * 50, mid.at.y - uy * 50}
                                                 : Point{mid.at.x + ux * 50, mid.at.y + uy * 50};
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, 1.2);
    arrow_head(cr, tip, tail, 10);
    set_colour(cr, colours::kInk, fade);
    arrow_head(cr, tip, tail, 9);
  }
}

void draw_nature_tag(cairo_t* cr, TextPainter& text, const std::string& code, Point c,
                     Colour line) {
  cairo_rectangle(cr, c.x - 6, c.y - 4, 12, 8);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill_preserve(cr);
  set_colour(cr, line);
  cairo_set_line_width(cr, 0.6);
  cairo_stroke(cr);
  text.draw(code, {5.5, true, 0, 1}, c.x, c.y - 3.6, true, colours::kInk);
}

void draw_date_not_known(cairo_t* cr, TextPainter& text, Point c) {
  cairo_new_sub_path(cr);
  cairo_arc(cr, c.x, c.y, 4.4, 0, 2 * M_PI);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill_preserve(cr);
  set_colour(cr, colours::kInk);
  cairo_set_line_width(cr, 0.8);
  cairo_stroke(cr);
  text.draw("?", {6.5, true, 0, 1}, c.x, c.y - 4.2, true, colours::kInk);
}

}  // namespace peermap::render
