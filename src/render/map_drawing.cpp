// The map itself: ecomap rings, regions, ties, people with their labels, region names.
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "render/drawing.hpp"

namespace peermap::render {

using layout::Point;
using layout::Rect;

namespace {

class MapPainter {
 public:
  MapPainter(cairo_t* cr, TextPainter& text, const Page& page)
      : cr_(cr), text_(text), d_(page.document), g_(page.geometry), undated_(page.date_not_known) {}

  void paint(const MapPlacement& placement) {
    cairo_save(cr_);  // no clip needed: the scale fits the drawing inside the area
    cairo_translate(cr_, placement.x, placement.y);
    cairo_scale(cr_, placement.scale, placement.scale);
    cairo_translate(cr_, -g_.x0, -g_.y0);
    shown_ = clip_box(cr_);
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
    if (g_.ecomap_centre) rings();
    regions();
    ties();
    nodes();
    region_labels();
    cairo_restore(cr_);
  }

 private:
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
      text_.draw(std::to_string(k + 1), layout::label_style::kRegion, c.x,
                 c.y - g_.ring_radii[k] + 3, true, {0.2, 0.4, 0.7});
    }
  }

  //! Each region's colour, by its position among the document's groups or places.
  [[nodiscard]] std::vector<Colour> region_colours() const {
    std::vector<Colour> out;
    std::size_t groups = 0;
    std::size_t places = 0;
    for (const auto& region : g_.regions) {
      out.push_back(region_colour(region.is_location, region.is_location ? places++ : groups++));
    }
    return out;
  }

  void regions() {
    const std::vector<Colour> colours = region_colours();
    for (std::size_t r = 0; r < g_.regions.size(); ++r) {
      const auto& region = g_.regions[r];
      // The widest thing drawn round a region: a line's band and edging, 4.5 pt off its path.
      if (!shows(region.shape == layout::RegionShape::Line ? region.line : region.polygon, 6))
        continue;
      if (region.shape == layout::RegionShape::Line) {
        region_line(region, colours[r]);
      } else {
        region_outline(region, colours[r]);
      }
    }
    member_rings(colours);
  }

  void region_outline(const layout::RegionGeometry& region, const Colour& colour) {
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
    // A place or group marked protective, risky or mixed: a wide edging in that colour under
    // its own outline (within the clearance the layout keeps around every outline).
    if (const auto edging = region_edging(region_valence(d_, region.id))) {
      set_colour(cr_, *edging);
      cairo_set_line_width(cr_, 5);
      cairo_stroke_preserve(cr_);
    }
    set_colour(cr_, colour, 0.85);
    cairo_set_line_width(cr_, 1.6);
    const double dash[] = {7, 4};
    cairo_set_dash(cr_, region.is_location ? dash : nullptr, region.is_location ? 2 : 0, 0);
    cairo_stroke(cr_);
    cairo_set_dash(cr_, nullptr, 0, 0);
  }

  //! A scattered group or place: a wide, pale band in its colour from member to member, under
  //! the ties and the people (a tie is thin and dark); dashed for a place, as its outline is.
  void region_line(const layout::RegionGeometry& region, const Colour& colour) {
    if (region.line.size() < 2) return;
    const auto path = [&] {
      cairo_new_path(cr_);
      cairo_move_to(cr_, region.line.front().x, region.line.front().y);
      for (std::size_t k = 1; k < region.line.size(); ++k) {
        cairo_line_to(cr_, region.line[k].x, region.line[k].y);
      }
    };
    const double dash[] = {10, 5};
    if (const auto edging = region_edging(region_valence(d_, region.id))) {
      path();
      set_colour(cr_, *edging);
      cairo_set_line_width(cr_, kLineWidth + 3);
      cairo_set_dash(cr_, region.is_location ? dash : nullptr, region.is_location ? 2 : 0, 0);
      cairo_stroke(cr_);
    }
    path();
    set_colour(cr_, colour, 0.55);
    cairo_set_line_width(cr_, kLineWidth);
    cairo_set_dash(cr_, region.is_location ? dash : nullptr, region.is_location ? 2 : 0, 0);
    cairo_stroke(cr_);
    cairo_set_dash(cr_, nullptr, 0, 0);
  }

  //! A ring in the line's colour round each member of a scattered group or place, one ring
  //! further out for each such region, so membership reads where lines cross.
  void member_rings(const std::vector<Colour>& colours) {
    std::map<std::string, const layout::NodeGeometry*> nodes;
    for (const auto& n : g_.nodes) nodes[n.id] = &n;
    std::map<std::string, int> rings;
    cairo_new_path(cr_);
    for (std::size_t r = 0; r < g_.regions.size(); ++r) {
      const auto& region = g_.regions[r];
      if (region.shape != layout::RegionShape::Line) continue;
      for (const auto& id : region.members) {
        const auto n = nodes.find(id);
        if (n == nodes.end()) continue;
        const double radius = n->second->w / 2 + 4.5 + 3.0 * rings[id]++;
        if (!shown_.overlaps(layout::Rect{n->second->x, n->second->y, 0, 0}.inflated(radius + 2)))
          continue;
        cairo_new_sub_path(cr_);
        cairo_arc(cr_, n->second->x, n->second->y, radius, 0, 2 * M_PI);
        set_colour(cr_, colours[r], 0.95);
        cairo_set_line_width(cr_, 2.2);
        cairo_stroke(cr_);
      }
    }
  }

  //! Region names go on top of the lines so no tie hides them.
  void region_labels() {
    const std::vector<Colour> colours = region_colours();
    for (std::size_t r = 0; r < g_.regions.size(); ++r) {
      const auto& region = g_.regions[r];
      const Colour& colour = colours[r];
      const Rect& l = region.label;
      if (!shown_.overlaps(l.inflated(2))) continue;
      cairo_rectangle(cr_, l.x, l.y, l.w, l.h);
      cairo_set_source_rgba(cr_, 1, 1, 1, 0.9);
      cairo_fill(cr_);
      text_.draw(region.name,
                 layout::label_style::wrapped_at(layout::label_style::kRegion, region.name_width),
                 l.x + l.w / 2, l.y, true, {colour.r * 0.7, colour.g * 0.7, colour.b * 0.7});
    }
  }

  void ties() {
    std::map<std::string, const model::Tie*> ties;
    for (const auto& t : d_.ties) ties[t.id] = &t;
    for (const auto& edge : g_.edges) {
      // Arrows, chevrons, zig-zags, tags and the "?" all lie within 14 pt of the line.
      if (edge.points.size() < 2 || !shows(edge.points, 14)) continue;
      const auto tie = ties.find(edge.id);
      TieStyle style = tie != ties.end() ? tie_style(d_, *tie->second) : placement_style();
      // The geometry's source is the tie's `from` except in the ecomap, where it is the child.
      if (tie != ties.end() && edge.source != tie->second->from) {
        std::swap(style.arrow_at_source, style.arrow_at_target);
        std::swap(style.influence_to_source, style.influence_to_target);
      }
      draw_tie(cr_, style, edge.points);
      if (tie != ties.end() && tie->second->kind == model::TieKind::Relationship) {
        nature_tag(*tie->second, style, edge.points);
        if (undated_.contains(edge.id)) date_mark(style, edge.points);
      }
    }
  }

  //! The tie's nature in two letters (nature_code) on a small white tag on the line: half-way,
  //! or a third of the way when the influence chevron holds the middle. A line too short to
  //! hold a tag clear of its two people has none (the list view and the record still say it).
  void nature_tag(const model::Tie& tie, const TieStyle& style, const std::vector<Point>& route) {
    const double t = style.influence_to_source || style.influence_to_target ? 0.3 : 0.5;
    const PointOnLine along = point_along(route, t);
    if (along.length < 30) return;
    const Point m = along.at;
    Colour line = style.colour;
    if (style.faded)
      line = {1 - (1 - line.r) * 0.35, 1 - (1 - line.g) * 0.35, 1 - (1 - line.b) * 0.35};
    draw_nature_tag(cr_, text_, nature_code(tie.nature), m, line);
  }

  //! An undated tie's "?" (as-of views): just past its nature tag, or half-way on a short line.
  void date_mark(const TieStyle& style, const std::vector<Point>& route) {
    const double length = point_along(route, 0.5).length;
    double t = 0.5;
    if (length >= 30) {
      t = std::min(
          0.9, (style.influence_to_source || style.influence_to_target ? 0.3 : 0.5) + 12 / length);
    }
    draw_date_not_known(cr_, text_, point_along(route, t).at);
  }

  void nodes() {
    for (const auto& n : g_.nodes) {
      // The symbol with its subject's ring and "?" mark, and the label.
      const Rect symbol{n.x - n.w / 2, n.y - n.h / 2, n.w, n.h};
      if (!shown_.overlaps(symbol.united(n.label).inflated(8))) continue;
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
      if (undated_.contains(n.id)) {
        draw_date_not_known(cr_, text_, {n.x + n.w * 0.4, n.y - n.h * 0.4});
      }
      cairo_rectangle(cr_, n.label.x - 1, n.label.y, n.label.w + 2, n.label.h);
      cairo_set_source_rgba(cr_, 1, 1, 1, 0.8);
      cairo_fill(cr_);
      double y = n.label.y;
      const layout::TextStyle name =
          layout::label_style::wrapped_at(layout::label_style::kName, n.name_width);
      for (std::size_t i = 0; i < n.label_lines.size(); ++i) {
        y += text_.draw(n.label_lines[i], i == 0 ? name : layout::label_style::kDetail,
                        n.label.x + n.label.w / 2, y, true,
                        i == 0 ? colours::kInk : Colour{0.3, 0.3, 0.3});
      }
    }
  }

  //! True when the polyline `points`, drawn up to `reach` points off it, may show.
  [[nodiscard]] bool shows(const std::vector<Point>& points, double reach) const {
    if (points.empty()) return false;
    Rect box{points.front().x, points.front().y, 0, 0};
    for (const Point& p : points) box = box.united({p.x, p.y, 0, 0});
    return shown_.overlaps(box.inflated(reach));
  }

  static constexpr double kLineWidth = 6;  //!< a scattered region's band, points

  cairo_t* cr_;
  TextPainter& text_;
  const model::Document& d_;
  const layout::Geometry& g_;
  const std::set<std::string>& undated_;
  Rect shown_;  //!< the clip in the map's own coordinates: what can show
};

}  // namespace

void draw_map(cairo_t* cr, TextPainter& text, const Page& page, const MapPlacement& placement) {
  MapPainter(cr, text, page).paint(placement);
}

}  // namespace peermap::render
