#include "render/render.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <string_view>

#include "layout/pango_text.hpp"
#include "layout/style.hpp"
#include "render/key.hpp"

namespace peermap::render {

using layout::Geometry;
using layout::Point;
using layout::Rect;
using layout::TextStyle;

namespace {

// ---- RAII for the C libraries -------------------------------------------------------------

struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDestroy {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct GObjectUnref {
  void operator()(void* o) const { g_object_unref(o); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
using CairoPtr = std::unique_ptr<cairo_t, ContextDestroy>;
template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// ---- Page furniture sizes -------------------------------------------------------------------

constexpr double kPageMargin = 24;
constexpr double kHeaderHeight = 66;
constexpr double kFooterHeight = 24;
constexpr double kKeyWidth = 196;
constexpr double kMinScale = 0.6;  // below this, 9 pt names print smaller than ~5.4 pt
constexpr double kMaxScale = 1.5;
// Few distinct font sizes: cairo's SVG writes each glyph once per font and size.
constexpr double kPageFont = 8.5;
constexpr double kPageBoldFont = 10;

struct PageArea {
  Rect map;
  double scale = 1;
};

constexpr std::array<Page, 5> kPages{{{"A4", 841.89, 595.28},
                                      {"A3", 1190.55, 841.89},
                                      {"A2", 1683.78, 1190.55},
                                      {"A1", 2383.94, 1683.78},
                                      {"A0", 3370.39, 2383.94}}};

PageArea map_area(const Page& page, const Geometry& g) {
  PageArea area;
  area.map = {kPageMargin, kHeaderHeight, page.width - 2 * kPageMargin - kKeyWidth - 12,
              page.height - kHeaderHeight - kFooterHeight};
  const double sx = area.map.w / std::max(g.width, 1.0);
  const double sy = area.map.h / std::max(g.height, 1.0);
  area.scale = std::min({sx, sy, kMaxScale});
  return area;
}

// ---- Drawing helpers ------------------------------------------------------------------------

void set_colour(cairo_t* cr, Colour c, double alpha_factor = 1.0) {
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

//! A line between two points in a tie's style: thickness, dashes, zig-zag, arrows.
void draw_tie(cairo_t* cr, const TieStyle& style, Point a, Point b) {
  const double fade = style.faded ? 0.35 : 1.0;
  set_colour(cr, style.colour, fade);
  cairo_set_line_width(cr, style.width);
  const double dash[] = {6, 4};
  cairo_set_dash(cr, style.dashed ? dash : nullptr, style.dashed ? 2 : 0, 0);
  const double head = 5 + style.width * 1.6;
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double length = std::max(std::hypot(dx, dy), 1e-9);
  const double ux = dx / length;
  const double uy = dy / length;
  // Stop the line short of an arrow so the point stays sharp.
  const Point start = style.arrow_at_source ? Point{a.x + ux * head * 0.8, a.y + uy * head * 0.8} : a;
  const Point end = style.arrow_at_target ? Point{b.x - ux * head * 0.8, b.y - uy * head * 0.8} : b;
  cairo_move_to(cr, start.x, start.y);
  if (style.zigzag) {
    const double span = std::hypot(end.x - start.x, end.y - start.y);
    const int teeth = std::max(2, static_cast<int>(span / 6));
    for (int k = 1; k < teeth; ++k) {
      const double t = static_cast<double>(k) / teeth;
      const double side = (k % 2 == 0 ? 1.0 : -1.0) * 3.0;
      cairo_line_to(cr, start.x + (end.x - start.x) * t - uy * side, start.y + (end.y - start.y) * t + ux * side);
    }
  }
  cairo_line_to(cr, end.x, end.y);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
  if (style.arrow_at_target) arrow_head(cr, b, a, head);
  if (style.arrow_at_source) arrow_head(cr, a, b, head);
  if (style.influence_to_target || style.influence_to_source) {
    // A chevron half-way along, pointing from leader to follower, outlined so it reads on any line.
    const Point mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
    const Point tip = style.influence_to_target ? Point{mid.x + ux * 5, mid.y + uy * 5}
                                                : Point{mid.x - ux * 5, mid.y - uy * 5};
    const Point tail = style.influence_to_target ? a : b;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, 1.2);
    arrow_head(cr, tip, tail, 10);
    set_colour(cr, colours::kInk, fade);
    arrow_head(cr, tip, tail, 9);
  }
}

//! Writes text with pango; returns its height. `centre` aligns on x, else x is the left edge.
class TextPainter {
 public:
  explicit TextPainter(cairo_t* cr) : cr_(cr) {
    layout::configure_pango_context(context_.get());
    pango_cairo_update_context(cr_, context_.get());
    layout_.reset(pango_layout_new(context_.get()));
  }

  double draw(const std::string& text, const TextStyle& style, double x, double y, bool centre,
              Colour colour = colours::kInk) {
    layout::set_pango_text(layout_.get(), layout::printable(text), style);
    if (!centre) pango_layout_set_alignment(layout_.get(), PANGO_ALIGN_LEFT);
    PangoRectangle logical{};
    pango_layout_get_extents(layout_.get(), nullptr, &logical);
    const double lx = static_cast<double>(logical.x) / PANGO_SCALE;
    const double lw = static_cast<double>(logical.width) / PANGO_SCALE;
    const double lh = static_cast<double>(logical.height) / PANGO_SCALE;
    set_colour(cr_, colour);
    cairo_move_to(cr_, (centre ? x - lw / 2 : x) - lx, y);
    pango_cairo_update_layout(cr_, layout_.get());
    pango_cairo_show_layout(cr_, layout_.get());
    return lh;
  }

 private:
  cairo_t* cr_;
  GPtr<PangoContext> context_{pango_font_map_create_context(layout::thread_font_map())};
  GPtr<PangoLayout> layout_;
};


std::string joined_subjects(const model::Document& d) {
  std::string out;
  for (const auto& id : d.map.subject_children) {
    const model::Person* p = d.find_person(id);
    if (!out.empty()) out += ", ";
    out += p != nullptr ? p->full_name : id;
  }
  return out;
}

const char* status_text(model::Status s) {
  switch (s) {
    case model::Status::PreMapping: return "pre-mapping";
    case model::Status::Meeting: return "meeting";
    case model::Status::Outcomes: return "outcomes";
    case model::Status::ReviewDue: return "review due";
    case model::Status::Closed: return "closed";
  }
  return "";
}

// ---- The page -------------------------------------------------------------------------------

class PagePainter {
 public:
  PagePainter(cairo_t* cr, const model::Document& d, const Geometry& g, const RenderOptions& o,
              const Page& page)
      : cr_(cr), text_(cr), d_(d), g_(g), o_(o), page_(page) {}

  void paint() {
    cairo_set_source_rgb(cr_, 1, 1, 1);
    cairo_paint(cr_);
    header();
    map();
    key();
    footer();
  }

 private:
  void header() {
    const double width = page_.width - 2 * kPageMargin - 200;
    double y = 14;
    y += text_.draw(d_.map.title, {15, true, width, 1}, kPageMargin, y, false);
    std::string line = "Subject: " + joined_subjects(d_) + "   Map date: " + d_.map.map_date.to_string() +
                       "   Review date: " + (d_.map.review_date ? d_.map.review_date->to_string() : "not set") +
                       "   Status: " + status_text(d_.map.status);
    if (!d_.map.owning_team.empty()) line += "   Team: " + d_.map.owning_team;
    y += text_.draw(line, {kPageFont, false, page_.width - 2 * kPageMargin, 1}, kPageMargin, y + 3, false) + 3;
    std::string view;
    if (!o_.ecomap_centre.empty()) {
      const model::Person* p = d_.find_person(o_.ecomap_centre);
      view += "Ecomap centred on " + (p != nullptr ? p->full_name : o_.ecomap_centre) + ".   ";
    }
    if (o_.as_of) view += "As known on " + o_.as_of->to_string() + ".   ";
    if (o_.redact) view += "DISCLOSURE COPY: children other than the subject shown by initials.";
    if (!view.empty()) text_.draw(view, {kPageBoldFont, true, page_.width - 2 * kPageMargin, 1}, kPageMargin, y + 2, false, colours::kMarking);
    text_.draw(marking(), {kPageBoldFont, true, 200, 1}, page_.width - kPageMargin - 200, 14, false, colours::kMarking);
  }

  //! The protective marking, printed at the top and the bottom of every page.
  [[nodiscard]] std::string marking() const {
    return d_.map.protective_marking.empty() ? "OFFICIAL-SENSITIVE" : d_.map.protective_marking;
  }

  void footer() {
    const double y = page_.height - kFooterHeight + 6;
    text_.draw("peermap  \u00b7  " + std::to_string(d_.people.size()) + " people  \u00b7  page " + page_.name +
                   " landscape",
               {kPageFont, false, page_.width / 2 - 150, 1}, kPageMargin, y + 2, false, {0.4, 0.4, 0.4});
    text_.draw(marking(), {kPageBoldFont, true, 260, 1}, page_.width / 2, y, true, colours::kMarking);
  }

  void map() {
    const MapPlacement placement = place_on_page(g_);  // the one formula the layout route shares
    cairo_save(cr_);  // no clip needed: the scale fits the drawing inside the area
    cairo_translate(cr_, placement.x, placement.y);
    cairo_scale(cr_, placement.scale, placement.scale);
    cairo_translate(cr_, -g_.x0, -g_.y0);
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
    if (g_.ecomap_centre) rings();
    regions();
    ties();
    nodes();
    region_labels();
    cairo_restore(cr_);
  }

  void rings() {
    const Point c = *g_.ecomap_centre;
    for (std::size_t k = 0; k < g_.ring_radii.size(); ++k) {
      cairo_new_sub_path(cr_);
      cairo_arc(cr_, c.x, c.y, g_.ring_radii[k], 0, 2 * M_PI);
      cairo_set_source_rgba(cr_, 0.2, 0.4, 0.7, 0.06 * static_cast<double>(4 - k));
      cairo_fill_preserve(cr_);
      cairo_set_source_rgba(cr_, 0.2, 0.4, 0.7, 0.5);
      cairo_set_line_width(cr_, 1);
      const double dash[] = {3, 3};
      cairo_set_dash(cr_, dash, 2, 0);
      cairo_stroke(cr_);
      cairo_set_dash(cr_, nullptr, 0, 0);
      text_.draw(std::to_string(k + 1), layout::label_style::kRegion, c.x, c.y - g_.ring_radii[k] + 3, true, {0.2, 0.4, 0.7});
    }
  }

  void regions() {
    std::size_t groups = 0;
    std::size_t places = 0;
    for (const auto& region : g_.regions) {
      const Colour colour = region_colour(region.is_location, region.is_location ? places++ : groups++);
      for (std::size_t k = 0; k < region.polygon.size(); ++k) {
        if (k == 0) {
          cairo_move_to(cr_, region.polygon[k].x, region.polygon[k].y);
        } else {
          cairo_line_to(cr_, region.polygon[k].x, region.polygon[k].y);
        }
      }
      cairo_close_path(cr_);
      set_colour(cr_, colour, 0.10);
      cairo_fill_preserve(cr_);
      set_colour(cr_, colour, 0.85);
      cairo_set_line_width(cr_, 1.6);
      const double dash[] = {7, 4};
      cairo_set_dash(cr_, region.is_location ? dash : nullptr, region.is_location ? 2 : 0, 0);
      cairo_stroke(cr_);
      cairo_set_dash(cr_, nullptr, 0, 0);
    }
  }

  //! Region names go on top of the lines so no tie hides them.
  void region_labels() {
    std::size_t groups = 0;
    std::size_t places = 0;
    for (const auto& region : g_.regions) {
      const Colour colour = region_colour(region.is_location, region.is_location ? places++ : groups++);
      const Rect& l = region.label;
      cairo_rectangle(cr_, l.x, l.y, l.w, l.h);
      cairo_set_source_rgba(cr_, 1, 1, 1, 0.9);
      cairo_fill(cr_);
      text_.draw(region.name, layout::label_style::kRegion, l.x + l.w / 2, l.y, true, {colour.r * 0.7, colour.g * 0.7, colour.b * 0.7});
    }
  }

  void ties() {
    std::map<std::string, const layout::NodeGeometry*> nodes;
    for (const auto& n : g_.nodes) nodes[n.id] = &n;
    std::map<std::string, const model::Tie*> ties;
    for (const auto& t : d_.ties) ties[t.id] = &t;
    for (const auto& edge : g_.edges) {
      if (edge.points.size() < 2) continue;
      const auto tie = ties.find(edge.id);
      TieStyle style = tie != ties.end() ? tie_style(d_, *tie->second) : placement_style();
      const Point a = edge.points.front();
      const Point b = edge.points.back();
      // The geometry's source is the tie's `from` except in the ecomap, where it is the child.
      if (tie != ties.end() && edge.source != tie->second->from) {
        std::swap(style.arrow_at_source, style.arrow_at_target);
        std::swap(style.influence_to_source, style.influence_to_target);
      }
      draw_tie(cr_, style, a, b);
    }
  }

  void nodes() {
    for (const auto& n : g_.nodes) {
      NodeStyle style = location_style();
      if (n.kind == layout::NodeKind::Person) {
        if (const model::Person* p = d_.find_person(n.id)) style = person_style(d_, *p);
      }
      if (style.subject) {
        shape_path(cr_, style.shape, {n.x, n.y}, n.w + 5);
        set_colour(cr_, colours::kInk);
        cairo_set_line_width(cr_, 1.2);
        cairo_stroke(cr_);
      }
      draw_symbol(cr_, style, {n.x, n.y}, n.w - (style.subject ? 3 : 0));
      cairo_rectangle(cr_, n.label.x - 1, n.label.y, n.label.w + 2, n.label.h);
      cairo_set_source_rgba(cr_, 1, 1, 1, 0.8);
      cairo_fill(cr_);
      double y = n.label.y;
      for (std::size_t i = 0; i < n.label_lines.size(); ++i) {
        y += text_.draw(n.label_lines[i], i == 0 ? layout::label_style::kName : layout::label_style::kDetail, n.label.x + n.label.w / 2, y, true,
                        i == 0 ? colours::kInk : Colour{0.3, 0.3, 0.3});
      }
    }
  }

  // ---- Key ----

  double key_row_text(const std::string& text, double x, double y) {
    return text_.draw(text, {kPageFont, false, kKeyWidth - 50, 2}, x + 44, y, false);
  }

  void key() {
    const double x = page_.width - kPageMargin - kKeyWidth;
    double y = kHeaderHeight;
    cairo_rectangle(cr_, x - 6, y - 6, kKeyWidth + 6, page_.height - kHeaderHeight - kFooterHeight);
    cairo_set_source_rgb(cr_, 0.97, 0.97, 0.97);
    cairo_fill_preserve(cr_);
    cairo_set_source_rgb(cr_, 0.75, 0.75, 0.75);
    cairo_set_line_width(cr_, 0.8);
    cairo_stroke(cr_);
    y += text_.draw("Key", {kPageBoldFont, true, 0, 1}, x, y, false) + 4;
    const auto section = [&](const char* title) { y += text_.draw(title, {kPageBoldFont, true, 0, 1}, x, y + 3, false) + 5; };
    const auto row = [&](const std::string& label, auto sample) {
      sample(Point{x + 18, y + 7});
      y += std::max(15.0, key_row_text(label, x, y + 1) + 4);
    };
    section("People");
    const std::array<std::pair<model::Gender, const char*>, 4> genders{
        {{model::Gender::Female, "Female"}, {model::Gender::Male, "Male"},
         {model::Gender::NonBinary, "Non-binary"}, {model::Gender::Unknown, "Other or not known"}}};
    for (const auto& [gender, name] : genders) {
      row(name, [&](Point c) { draw_symbol(cr_, {shape_for(gender), {1, 1, 1}, colours::kInk, 1, false}, c, 12); });
    }
    const std::array<std::pair<Colour, const char*>, 3> fills{
        {{colours::kChild, "Child (under 18)"}, {colours::kAdult, "Adult"}, {colours::kProfessional, "Professional or key contact"}}};
    for (const auto& [fill, name] : fills) {
      row(name, [&](Point c) { draw_symbol(cr_, {Shape::Square, fill, colours::kInk, 1, false}, c, 12); });
    }
    row("Subject child (larger, double outline)", [&](Point c) {
      shape_path(cr_, Shape::Circle, c, 16);
      set_colour(cr_, colours::kInk);
      cairo_set_line_width(cr_, 1);
      cairo_stroke(cr_);
      draw_symbol(cr_, {Shape::Circle, colours::kChild, colours::kInk, 2.5, true}, c, 12);
    });
    row("ROTH: at risk outside the home (label)", [](Point) {});
    section("Relationships");
    const auto line = [&](TieStyle s) { return [this, s](Point c) { draw_tie(cr_, s, {c.x - 16, c.y}, {c.x + 16, c.y}); }; };
    TieStyle base;
    base.colour = colours::kTie;
    for (int strength = 1; strength <= 3; ++strength) {
      TieStyle s = base;
      s.width = 0.75 + 1.25 * strength;
      row(strength == 1 ? "Weak" : strength == 2 ? "Moderate" : "Strong", line(s));
    }
    TieStyle s = base;
    s.width = 2;
    row("Evidenced", line(s));
    s.dashed = true;
    row("Anecdotal only", line(s));
    s.dashed = false;
    s.faded = true;
    row("Historic information only", line(s));
    s = base;
    s.width = 2;
    s.zigzag = true;
    s.colour = colours::kTension;
    row("Tension", line(s));
    s = base;
    s.width = 2;
    s.colour = colours::kExploitation;
    s.arrow_at_target = true;
    row("Exploitation or control (arrow from the controlling person)", line(s));
    s = base;
    s.width = 2;
    s.influence_to_target = true;
    row("Influence: leader \u25b8 follower", line(s));
    s = base;
    s.width = 2;
    s.colour = colours::kProtective;
    row("Protective relationship", line(s));
    if (!g_.regions.empty()) section("Groups and places");
    const auto blob = [&](bool location) {
      return [this, location](Point c) {
        cairo_new_sub_path(cr_);
        cairo_arc(cr_, c.x, c.y, 7, 0, 2 * M_PI);
        const Colour colour = region_colour(location, 0);
        set_colour(cr_, colour, 0.15);
        cairo_fill_preserve(cr_);
        set_colour(cr_, colour, 0.85);
        cairo_set_line_width(cr_, 1.4);
        const double dash[] = {3, 2};
        cairo_set_dash(cr_, location ? dash : nullptr, location ? 2 : 0, 0);
        cairo_stroke(cr_);
        cairo_set_dash(cr_, nullptr, 0, 0);
      };
    };
    if (!g_.regions.empty()) {
      row("Group: members inside the line", blob(false));
      row("Place: people who frequent it inside the line", blob(true));
    }
    if (g_.ecomap_centre) {
      section("Ecomap");
      row("Place", [&](Point c) { draw_symbol(cr_, location_style(), c, 12); });
      row("Rings 1 (closest) to 4, as the child placed them", [&](Point c) {
        cairo_new_sub_path(cr_);
        cairo_arc(cr_, c.x, c.y, 7, 0, 2 * M_PI);
        cairo_set_source_rgba(cr_, 0.2, 0.4, 0.7, 0.5);
        cairo_set_line_width(cr_, 1);
        cairo_stroke(cr_);
      });
    }
  }

  cairo_t* cr_;
  TextPainter text_;
  const model::Document& d_;
  const Geometry& g_;
  const RenderOptions& o_;
  Page page_;
};

//! cairo numbers SVG surfaces from a process-wide counter; renumbering them in order of first
//! appearance makes the same map give the same bytes in a long-running process too. No user
//! text appears in the SVG (text is drawn as glyph outlines), so the word is always an id.
std::string renumber_svg_surfaces(const std::string& svg) {
  static constexpr std::string_view kWord = "surface";
  std::string out;
  out.reserve(svg.size());
  std::map<std::string, std::size_t, std::less<>> ids;
  std::size_t at = 0;
  while (at < svg.size()) {
    const std::size_t hit = svg.find(kWord, at);
    if (hit == std::string::npos) {
      out.append(svg, at, std::string::npos);
      break;
    }
    const std::size_t digits = hit + kWord.size();
    std::size_t end = digits;
    while (end < svg.size() && std::isdigit(static_cast<unsigned char>(svg[end])) != 0) ++end;
    out.append(svg, at, digits - at);
    if (end > digits) {
      const auto [id, inserted] = ids.emplace(svg.substr(digits, end - digits), ids.size() + 1);
      out += std::to_string(id->second);
    }
    at = end;
  }
  return out;
}

}  // namespace

std::optional<Format> format_for_path(std::string_view path) {
  const auto ends = [&](std::string_view suffix) {
    if (path.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(path[path.size() - suffix.size() + i])) != suffix[i]) return false;
    }
    return true;
  };
  if (ends(".svg")) return Format::Svg;
  if (ends(".png")) return Format::Png;
  if (ends(".pdf")) return Format::Pdf;
  return std::nullopt;
}

Page choose_page(const Geometry& geometry) {
  for (const Page& page : kPages) {
    if (map_area(page, geometry).scale >= kMinScale) return page;
  }
  return kPages.back();
}

MapPlacement place_on_page(const Geometry& geometry) {
  MapPlacement placement;
  placement.page = choose_page(geometry);
  const PageArea area = map_area(placement.page, geometry);
  placement.scale = area.scale;
  // As the drawing does it: the map centred in its area.
  placement.x = area.map.x + (area.map.w - geometry.width * area.scale) / 2;
  placement.y = area.map.y + (area.map.h - geometry.height * area.scale) / 2;
  return placement;
}

Result<std::string> render_map(const model::Document& document, const Geometry& geometry,
                               const RenderOptions& options) {
  const Page page = choose_page(geometry);
  std::string bytes;
  SurfacePtr surface;
  double pixel_scale = 1;
  switch (options.format) {
    case Format::Svg:
      surface.reset(cairo_svg_surface_create_for_stream(append_to_string, &bytes, page.width, page.height));
      cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PT);
      break;
    case Format::Pdf:
      surface.reset(cairo_pdf_surface_create_for_stream(append_to_string, &bytes, page.width, page.height));
      // A fixed creation date keeps the bytes reproducible; the map's own date is the honest one.
      cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
                                     (document.map.map_date.to_string() + "T00:00:00Z").c_str());
      cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "peermap");
      break;
    case Format::Png:
      pixel_scale = options.png_dpi / 72.0;
      surface.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(std::ceil(page.width * pixel_scale)),
                                               static_cast<int>(std::ceil(page.height * pixel_scale))));
      break;
  }
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return Error{ErrorKind::Internal, std::string("cairo: ") + cairo_status_to_string(cairo_surface_status(surface.get()))};
  }
  {
    CairoPtr cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), pixel_scale, pixel_scale);
    PagePainter(cr.get(), document, geometry, options, page).paint();
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
      return Error{ErrorKind::Internal, std::string("cairo: ") + cairo_status_to_string(cairo_status(cr.get()))};
    }
  }
  if (options.format == Format::Png) {
    cairo_surface_flush(surface.get());
    if (cairo_surface_write_to_png_stream(surface.get(), append_to_string, &bytes) != CAIRO_STATUS_SUCCESS) {
      return Error{ErrorKind::Internal, "cairo: cannot write PNG"};
    }
  }
  cairo_surface_finish(surface.get());
  if (options.format == Format::Svg) return renumber_svg_surfaces(bytes);
  return bytes;
}

}  // namespace peermap::render
