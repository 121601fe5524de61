// Slide 1: the map as native shapes, placed as the page places it (render::place_on_page, on
// A4), so the slide and the record's map page agree. People and places are custom shapes (the
// symbol at the top of a box, the label's lines as the shape's text below it) with one
// connection site at the symbol's centre; each tie is a straight connector glued to the two
// people's sites; regions are freeform outlines; the key is drawn with the same styles.
#include <algorithm>
#include <cmath>
#include <map>

#include "record/pptx_map_slide.hpp"
#include "record/pptx_xml.hpp"
#include "render/key.hpp"

namespace peermap::record::pptx {
namespace {

using layout::Point;
using render::Colour;
using render::Shape;

struct PathPoint {
  double x;
  double y;
};

//! The outline of `shape` of `size` centred on (cx, cy), points, as render's painter draws it.
std::vector<PathPoint> outline(Shape shape, double cx, double cy, double size) {
  const double r = size / 2;
  switch (shape) {
    case Shape::Circle: {
      std::vector<PathPoint> out;
      out.reserve(24);
      for (int k = 0; k < 24; ++k) {
        const double a = M_PI / 12 * k;
        out.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
      }
      return out;
    }
    case Shape::Square:
      return {{cx - r * 0.88, cy - r * 0.88},
              {cx + r * 0.88, cy - r * 0.88},
              {cx + r * 0.88, cy + r * 0.88},
              {cx - r * 0.88, cy + r * 0.88}};
    case Shape::Diamond:
      return {{cx, cy - r}, {cx + r, cy}, {cx, cy + r}, {cx - r, cy}};
    case Shape::Hexagon: {
      std::vector<PathPoint> out;
      out.reserve(6);
      for (int k = 0; k < 6; ++k) {
        out.push_back({cx + r * std::cos(M_PI / 3 * k), cy + r * std::sin(M_PI / 3 * k)});
      }
      return out;
    }
    case Shape::Triangle:
      return {{cx, cy - r}, {cx + r, cy + r * 0.8}, {cx - r, cy + r * 0.8}};
  }
  return {};
}

void line_style(pugi::xml_node parent, const Colour& colour, double width, const char* dash,
                bool double_line = false) {
  auto ln = parent.append_child("a:ln");
  ln.append_attribute("w") = emu(width);
  if (double_line) ln.append_attribute("cmpd") = "dbl";
  solid_fill(ln, colour);
  if (dash != nullptr) ln.append_child("a:prstDash").append_attribute("val") = dash;
}

//! A custom geometry: the polygon `points` (slide points), closed unless `open`, inside the
//! frame at (x, y) of w by h; with `site`, one connection site there (slide points).
void custom_geometry(pugi::xml_node sp_pr, const std::vector<PathPoint>& points, double x, double y,
                     double w, double h, const PathPoint* site, bool open = false) {
  auto geom = sp_pr.append_child("a:custGeom");
  geom.append_child("a:avLst");
  geom.append_child("a:gdLst");
  geom.append_child("a:ahLst");
  auto sites = geom.append_child("a:cxnLst");
  if (site != nullptr) {
    auto cxn = sites.append_child("a:cxn");
    cxn.append_attribute("ang") = 0;
    auto pos = cxn.append_child("a:pos");
    pos.append_attribute("x") = emu(site->x - x);
    pos.append_attribute("y") = emu(site->y - y);
  }
  auto rect = geom.append_child("a:rect");
  rect.append_attribute("l") = "l";
  rect.append_attribute("t") = "t";
  rect.append_attribute("r") = "r";
  rect.append_attribute("b") = "b";
  auto path = geom.append_child("a:pathLst").append_child("a:path");
  path.append_attribute("w") = emu(w);
  path.append_attribute("h") = emu(h);
  if (open) path.append_attribute("fill") = "none";
  for (std::size_t k = 0; k < points.size(); ++k) {
    auto step = path.append_child(k == 0 ? "a:moveTo" : "a:lnTo").append_child("a:pt");
    step.append_attribute("x") = emu(points[k].x - x);
    step.append_attribute("y") = emu(points[k].y - y);
  }
  if (!open) path.append_child("a:close");
}

class MapSlide {
 public:
  MapSlide(Slide& slide, const render::Page& page)
      : slide_(slide), d_(page.document), g_(page.geometry), at_(render::place_on_page(page)) {}

  void draw() {
    regions();
    people_and_places();  // first, for their ids; drawn above the ties by z-order below
    ties();
    // People above the lines: their shapes move to the end of the tree, keeping their ids.
    for (const auto& shape : people_shapes_) slide_.tree().append_move(shape);
  }

 private:
  [[nodiscard]] PathPoint at(Point p) const {
    return {(p.x - g_.x0) * at_.scale + at_.x, (p.y - g_.y0) * at_.scale + at_.y};
  }

  void regions() {
    std::size_t groups = 0;
    std::size_t places = 0;
    for (const auto& region : g_.regions) {
      const bool line = region.shape == layout::RegionShape::Line;
      const std::vector<Point>& path = line ? region.line : region.polygon;
      if (path.size() < (line ? 2 : 3)) continue;
      const Colour colour =
          render::region_colour(region.is_location, region.is_location ? places++ : groups++);
      std::vector<PathPoint> points;
      double x0 = 1e18;
      double y0 = 1e18;
      double x1 = -1e18;
      double y1 = -1e18;
      for (const Point& p : path) {
        points.push_back(at(p));
        x0 = std::min(x0, points.back().x);
        y0 = std::min(y0, points.back().y);
        x1 = std::max(x1, points.back().x);
        y1 = std::max(y1, points.back().y);
      }
      auto sp = slide_.shape((region.is_location ? "Place: " : "Group: ") + region.name,
                             slide_.next_id());
      auto pr = sp.append_child("p:spPr");
      frame(pr, x0, y0, std::max(x1 - x0, 1.0), std::max(y1 - y0, 1.0));
      custom_geometry(pr, points, x0, y0, std::max(x1 - x0, 1.0), std::max(y1 - y0, 1.0), nullptr,
                      line);
      if (line) {
        // A scattered group or place: an open freeform, the map's wide pale band.
        pr.append_child("a:noFill");
        line_style(pr, {colour.r, colour.g, colour.b, 0.55}, 6 * at_.scale,
                   region.is_location ? "dash" : nullptr);
      } else {
        solid_fill(pr, {colour.r, colour.g, colour.b, 0.15});
        line_style(pr, {colour.r, colour.g, colour.b, 0.85}, 1.4 * at_.scale,
                   region.is_location ? "dash" : nullptr);
      }
      text_body(sp, {}, Align::Centre);
      const PathPoint label = at({region.label.x, region.label.y});
      slide_.text_box(region.name, label.x, label.y, region.label.w * at_.scale + 4,
                      region.label.h * at_.scale + 2,
                      {{region.name,
                        7.5 * at_.scale,
                        true,
                        {colour.r * 0.7, colour.g * 0.7, colour.b * 0.7},
                        true}});
    }
  }

  void people_and_places() {
    for (const auto& n : g_.nodes) {
      render::NodeStyle style = render::location_style();
      std::string name = n.id;
      if (n.kind == layout::NodeKind::Person) {
        if (const model::Person* p = d_.find_person(n.id)) {
          style = render::person_style(d_, *p);
          name = p->full_name;
        }
      } else if (const model::Location* l = d_.find_location(n.id)) {
        name = l->name;
      }
      const PathPoint c = at({n.x, n.y});
      const double size = n.w * at_.scale;
      const PathPoint label = at({n.label.x, n.label.y});
      const double label_w = n.label.w * at_.scale;
      const double x = std::min(c.x - size / 2, label.x);
      const double y = c.y - size / 2;
      const double w = std::max(c.x + size / 2, label.x + label_w) - x;
      const double h = std::max(c.y + size / 2, label.y + n.label.h * at_.scale) - y;
      const unsigned id = slide_.next_id();
      shape_ids_[n.id] = id;
      auto sp = slide_.shape(name, id);
      auto pr = sp.append_child("p:spPr");
      frame(pr, x, y, w, h);
      custom_geometry(pr, outline(style.shape, c.x, c.y, size), x, y, w, h, &c);
      solid_fill(pr, style.fill);
      line_style(pr, style.stroke, (style.subject ? 2.6 : style.stroke_width) * at_.scale, nullptr,
                 style.subject);
      std::vector<TextLine> lines;
      for (std::size_t i = 0; i < n.label_lines.size(); ++i) {
        lines.push_back({n.label_lines[i], (i == 0 ? 7.5 : 6.5) * at_.scale, i == 0,
                         i == 0 ? render::colours::kInk : Colour{0.3, 0.3, 0.3}, true});
      }
      auto body = text_body(sp, lines, Align::Centre);
      // The words below the symbol: the box's top inset is the symbol's height.
      auto body_pr = body.child("a:bodyPr");
      body_pr.attribute("wrap") = "none";
      body_pr.attribute("tIns") = emu(label.y - y);
      people_shapes_.push_back(sp);
    }
  }

  void ties() {
    std::map<std::string, const model::Tie*> ties;
    for (const auto& t : d_.ties) ties[t.id] = &t;
    for (const auto& edge : g_.edges) {
      if (edge.points.size() < 2) continue;
      const auto tie = ties.find(edge.id);
      render::TieStyle style =
          tie != ties.end() ? render::tie_style(d_, *tie->second) : render::placement_style();
      if (tie != ties.end() && edge.source != tie->second->from) {
        std::swap(style.arrow_at_source, style.arrow_at_target);
        std::swap(style.influence_to_source, style.influence_to_target);
      }
      const PathPoint a = at(edge.points.front());
      const PathPoint b = at(edge.points.back());
      auto cxn = slide_.tree().append_child("p:cxnSp");
      auto nv = cxn.append_child("p:nvCxnSpPr");
      auto c = nv.append_child("p:cNvPr");
      c.append_attribute("id") = slide_.next_id();
      c.append_attribute("name") = clean("Tie " + edge.id).c_str();
      auto glue = nv.append_child("p:cNvCxnSpPr");
      for (const auto& [end, person] :
           {std::pair{"a:stCxn", edge.source}, std::pair{"a:endCxn", edge.target}}) {
        const auto found = shape_ids_.find(person);
        if (found == shape_ids_.end()) continue;
        auto link = glue.append_child(end);
        link.append_attribute("id") = found->second;
        link.append_attribute("idx") = 0;
      }
      nv.append_child("p:nvPr");
      auto pr = cxn.append_child("p:spPr");
      frame(pr, std::min(a.x, b.x), std::min(a.y, b.y), std::abs(b.x - a.x), std::abs(b.y - a.y),
            b.x < a.x, b.y < a.y);
      pr.append_child("a:prstGeom").append_attribute("prst") = "straightConnector1";
      pr.child("a:prstGeom").append_child("a:avLst");
      Colour colour = style.colour;
      if (style.faded) colour.a = 0.35;
      const char* dash = style.dotted ? "sysDot" : style.dashed ? "dash" : nullptr;
      line_style(pr, colour, style.width * at_.scale, dash);
      auto ln = pr.child("a:ln");
      // Exploitation: a filled arrow away from the controlling person; influence: an open arrow
      // at the follower (the connector cannot hold the map's mid-line chevron).
      const auto end = [&](const char* which, const char* type) {
        auto e = ln.append_child(which);
        e.append_attribute("type") = type;
        e.append_attribute("w") = "med";
        e.append_attribute("len") = "med";
      };
      if (style.arrow_at_source) end("a:headEnd", "triangle");
      if (style.influence_to_source && !style.arrow_at_source) end("a:headEnd", "arrow");
      if (style.arrow_at_target) end("a:tailEnd", "triangle");
      if (style.influence_to_target && !style.arrow_at_target) end("a:tailEnd", "arrow");
    }
  }

  Slide& slide_;
  const model::Document& d_;
  const layout::Geometry& g_;
  render::MapPlacement at_;
  std::map<std::string, unsigned> shape_ids_;
  std::vector<pugi::xml_node> people_shapes_;
};

//! The key, in the page's key column: a sample drawn with the map's own styles, and its words.
class KeyShapes {
 public:
  explicit KeyShapes(Slide& slide) : slide_(slide), x_(slide.size().width - 24 - 196) {}

  void draw(const layout::Geometry& g) {
    heading("Key");
    heading("People");
    for (const auto& [shape, words] : {std::pair{Shape::Circle, "Female"},
                                       {Shape::Square, "Male"},
                                       {Shape::Diamond, "Non-binary"},
                                       {Shape::Hexagon, "Other or not known"}}) {
      symbol(shape, {1, 1, 1}, words);
    }
    symbol(Shape::Square, render::colours::kChild, "Child (under 18)");
    symbol(Shape::Square, render::colours::kAdult, "Adult");
    symbol(Shape::Square, render::colours::kAgeNotKnown, "Age not known");
    symbol(Shape::Square, render::colours::kProfessional, "Professional or key contact");
    symbol(Shape::Circle, render::colours::kChild, "Subject child (double outline)", true);
    heading("Relationships");
    const Colour tie = render::colours::kTie;
    const Colour faded{tie.r, tie.g, tie.b, 0.35};
    line(tie, 3.5, nullptr, nullptr, "Strong (thick) to weak (thin)");
    line(tie, 2, nullptr, nullptr, "Evidenced");
    line(tie, 2, "dash", nullptr, "Anecdotal only");
    line(tie, 2, "sysDot", nullptr, "No information recorded");
    line(faded, 2, nullptr, nullptr, "Historic information only");
    line(render::colours::kTension, 2, nullptr, nullptr, "Tension (orange)");
    line(render::colours::kExploitation, 2, nullptr, "triangle",
         "Exploitation or control (arrow from the controlling person)");
    line(tie, 2, nullptr, "arrow", "Influence: leader to follower");
    line(render::colours::kProtective, 2, nullptr, nullptr, "Protective relationship");
    if (!g.regions.empty()) {
      heading("Groups and places");
      const auto drawn = [&](bool location, layout::RegionShape shape) {
        return std::any_of(g.regions.begin(), g.regions.end(), [&](const auto& r) {
          return r.is_location == location && r.shape == shape;
        });
      };
      if (drawn(false, layout::RegionShape::Outline))
        region(false, "Group: members inside the line");
      if (drawn(true, layout::RegionShape::Outline))
        region(true, "Place: people who frequent it inside the line (dashed)");
      if (drawn(false, layout::RegionShape::Line))
        band(false, "Group, members far apart: a wide coloured band links them");
      if (drawn(true, layout::RegionShape::Line))
        band(true, "Place, people far apart: a wide dashed band links them");
    }
  }

 private:
  void heading(const char* words) {
    slide_.text_box(std::string("Key: ") + words, x_, y_, 196, 14, {{words, 9.5, true}});
    y_ += 15;
  }
  void words(const std::string& text) {
    slide_.text_box("Key: " + text, x_ + 34, y_ - 1, 196 - 36, 20, {{text, 7.5}});
    y_ += text.size() > 38 ? 23 : 14;  // about 38 characters a line in the column
  }
  void symbol(Shape shape, const Colour& fill, const std::string& text, bool subject = false) {
    const PathPoint c{x_ + 14, y_ + 6};
    auto sp = slide_.shape("Key: " + text, slide_.next_id());
    auto pr = sp.append_child("p:spPr");
    frame(pr, c.x - 6, c.y - 6, 12, 12);
    custom_geometry(pr, outline(shape, c.x, c.y, 11), c.x - 6, c.y - 6, 12, 12, nullptr);
    solid_fill(pr, fill);
    line_style(pr, render::colours::kInk, subject ? 2.2 : 1, nullptr, subject);
    text_body(sp, {}, Align::Centre);
    words(text);
  }
  void line(const Colour& colour, double width, const char* dash, const char* arrow,
            const std::string& text) {
    auto cxn = slide_.tree().append_child("p:cxnSp");
    auto nv = cxn.append_child("p:nvCxnSpPr");
    auto c = nv.append_child("p:cNvPr");
    c.append_attribute("id") = slide_.next_id();
    c.append_attribute("name") = clean("Key: " + text).c_str();
    nv.append_child("p:cNvCxnSpPr");
    nv.append_child("p:nvPr");
    auto pr = cxn.append_child("p:spPr");
    frame(pr, x_ + 2, y_ + 6, 24, 0);
    pr.append_child("a:prstGeom").append_attribute("prst") = "straightConnector1";
    pr.child("a:prstGeom").append_child("a:avLst");
    line_style(pr, colour, width, dash);
    if (arrow != nullptr)
      pr.child("a:ln").append_child("a:tailEnd").append_attribute("type") = arrow;
    words(text);
  }
  void region(bool place, const std::string& text) {
    const Colour colour = render::region_colour(place, 0);
    auto sp = slide_.shape("Key: " + text, slide_.next_id());
    auto pr = sp.append_child("p:spPr");
    frame(pr, x_ + 6, y_, 16, 12);
    pr.append_child("a:prstGeom").append_attribute("prst") = "roundRect";
    pr.child("a:prstGeom").append_child("a:avLst");
    solid_fill(pr, {colour.r, colour.g, colour.b, 0.15});
    line_style(pr, {colour.r, colour.g, colour.b, 0.85}, 1.4, place ? "dash" : nullptr);
    text_body(sp, {}, Align::Centre);
    words(text);
  }

  void band(bool place, const std::string& text) {
    const Colour colour = render::region_colour(place, 0);
    line({colour.r, colour.g, colour.b, 0.55}, 6, place ? "dash" : nullptr, nullptr, text);
  }

  Slide& slide_;
  double x_;  //!< the key's column, as on the page
  double y_ = 72;
};

}  // namespace

std::string map_slide(const render::Page& page, std::size_t count, const std::string& face) {
  Slide slide({page.paper.width, page.paper.height, face});
  furniture(slide, page.document, 1, count);
  MapSlide(slide, page).draw();
  KeyShapes(slide).draw(page.geometry);
  return slide.bytes();
}

}  // namespace peermap::record::pptx
