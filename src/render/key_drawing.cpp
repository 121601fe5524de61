// The key beside the map, drawn with the map's own primitives and styles (render/key.hpp).
#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string>
#include <utility>

#include "model/vocabulary.hpp"
#include "render/drawing.hpp"

namespace peermap::render {

using layout::Point;

namespace {

class KeyPainter {
 public:
  KeyPainter(cairo_t* cr, TextPainter& text, const model::Document& document,
             const layout::Geometry& geometry, const layout::Rect& column)
      : cr_(cr),
        text_(text),
        d_(document),
        g_(geometry),
        x_(column.x),
        y_(column.y),
        width_(column.w) {
    cairo_rectangle(cr_, x_ - 6, y_ - 6, width_ + 6, column.h);
    cairo_set_source_rgb(cr_, 0.97, 0.97, 0.97);
    cairo_fill_preserve(cr_);
    cairo_set_source_rgb(cr_, 0.75, 0.75, 0.75);
    cairo_set_line_width(cr_, 0.8);
    cairo_stroke(cr_);
    y_ += text_.draw("Key", {kPageBoldFont, true, 0, 1}, x_, y_, false) + 4;
  }

  void people() {
    section("People");
    const std::array<std::pair<model::Gender, const char*>, 4> genders{
        {{model::Gender::Female, "Female"},
         {model::Gender::Male, "Male"},
         {model::Gender::NonBinary, "Non-binary"},
         {model::Gender::Unknown, "Other or not known"}}};
    for (const auto& [gender, name] : genders) {
      // Named captures: clang 14 cannot capture a structured binding implicitly.
      row(name, [this, &gender = gender](Point c) {
        draw_symbol(cr_, {shape_for(gender), {1, 1, 1}, colours::kInk, 1, false}, c, 12);
      });
    }
    const std::array<std::pair<Colour, const char*>, 4> fills{
        {{colours::kChild, "Child (under 18)"},
         {colours::kAdult, "Adult"},
         {colours::kAgeNotKnown, "Age not known"},
         {colours::kProfessional, "Professional or key contact"}}};
    for (const auto& [fill, name] : fills) {
      row(name, [this, &fill = fill](Point c) {
        draw_symbol(cr_, {Shape::Square, fill, colours::kInk, 1, false}, c, 12);
      });
    }
    row("Subject child (larger, double outline)", [&](Point c) {
      shape_path(cr_, Shape::Circle, c, 16);
      set_colour(cr_, colours::kInk);
      cairo_set_line_width(cr_, 1);
      cairo_stroke(cr_);
      draw_symbol(cr_, {Shape::Circle, colours::kChild, colours::kInk, 2.5, true}, c, 12);
    });
    row("ROTH: at risk outside the home (label)", [](Point) {});
  }

  void relationships() {
    section("Relationships");
    const auto line = [&](TieStyle s) {
      return [this, s](Point c) { draw_tie(cr_, s, {c.x - 16, c.y}, {c.x + 16, c.y}); };
    };
    TieStyle base;
    base.colour = colours::kTie;
    // One row for the three strengths: a weak, a moderate and a strong line side by side.
    row("Weak, moderate, strong", [this, base](Point c) {
      for (int strength = 1; strength <= 3; ++strength) {
        TieStyle s = base;
        s.width = 0.75 + 1.25 * strength;
        const double x = c.x - 16 + (strength - 1) * 11.5;
        draw_tie(cr_, s, {x, c.y}, {x + 9, c.y});
      }
    });
    TieStyle s = base;
    s.width = 2;
    row("Evidenced", line(s));
    s.dashed = true;
    row("Anecdotal only", line(s));
    s.dashed = false;
    s.dotted = true;
    row("No information recorded", line(s));
    s.dotted = false;
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
    natures();
  }

  //! The natures the map's relationship ties have, in the format's order, with their letters.
  void natures() {
    std::set<std::string> drawn;
    for (const auto& edge : g_.edges) drawn.insert(edge.id);
    std::vector<std::string> shown;
    for (const auto& nature : model::kNatures) {
      const bool on_map = std::any_of(d_.ties.begin(), d_.ties.end(), [&](const model::Tie& t) {
        return t.kind == model::TieKind::Relationship && t.nature == nature && drawn.contains(t.id);
      });
      if (on_map) shown.emplace_back(nature);
    }
    if (shown.empty()) return;
    std::string label = "Nature, in letters on the line:";
    for (std::size_t k = 0; k < shown.size(); ++k) {
      label += (k == 0 ? " " : ", ") + nature_code(shown[k]) + " " + shown[k];
    }
    row(
        label,
        [this, code = nature_code(shown.front())](Point c) {
          TieStyle plain;
          plain.colour = colours::kTie;
          plain.width = 2;
          draw_tie(cr_, plain, {c.x - 16, c.y}, {c.x + 16, c.y});
          draw_nature_tag(cr_, text_, code, c, colours::kTie);
        },
        4);
  }

  //! Only in an as-of view that marks something: what the "?" means.
  void date_not_known(const std::set<std::string>& marked) {
    if (marked.empty()) return;
    row("Date not known: nothing dated shows it was known by this date",
        [this](Point c) { draw_date_not_known(cr_, text_, c); });
  }

  //! Only when the map has regions: the key explains what is drawn.
  void regions() {
    if (g_.regions.empty()) return;
    section("Groups and places");
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
    const auto drawn = [&](bool location, layout::RegionShape shape) {
      return std::any_of(g_.regions.begin(), g_.regions.end(), [&](const auto& r) {
        return r.is_location == location && r.shape == shape;
      });
    };
    // A scattered group or place: its band from member to member, a ring round each member.
    const auto band = [&](bool location) {
      return [this, location](Point c) {
        const Colour colour = region_colour(location, 0);
        const double dash[] = {10, 5};
        cairo_new_path(cr_);  // nothing left over from the words drawn before
        cairo_move_to(cr_, c.x - 16, c.y + 3);
        cairo_line_to(cr_, c.x + 2, c.y - 3);
        set_colour(cr_, colour, 0.55);
        cairo_set_line_width(cr_, 6);
        cairo_set_dash(cr_, location ? dash : nullptr, location ? 2 : 0, 0);
        cairo_stroke(cr_);
        cairo_set_dash(cr_, nullptr, 0, 0);
        cairo_new_sub_path(cr_);
        cairo_arc(cr_, c.x + 8, c.y - 3, 6.5, 0, 2 * M_PI);
        set_colour(cr_, colour, 0.95);
        cairo_set_line_width(cr_, 2.2);
        cairo_stroke(cr_);
        cairo_new_sub_path(cr_);  // the member
        cairo_arc(cr_, c.x + 8, c.y - 3, 4, 0, 2 * M_PI);
        cairo_set_source_rgb(cr_, 1, 1, 1);
        cairo_fill_preserve(cr_);
        set_colour(cr_, colours::kInk);
        cairo_set_line_width(cr_, 1);
        cairo_stroke(cr_);
      };
    };
    if (drawn(false, layout::RegionShape::Outline))
      row("Group: members inside the line", blob(false));
    if (drawn(true, layout::RegionShape::Outline))
      row("Place: people who frequent it inside the line", blob(true));
    if (drawn(false, layout::RegionShape::Line))
      row("Group far apart: a band and a ring on each member", band(false));
    if (drawn(true, layout::RegionShape::Line))
      row("Place far apart: a dashed band, a ring on each", band(true));
    // The edgings, each only when the map shows it.
    const std::array<std::pair<model::Valence, const char*>, 3> edgings{
        {{model::Valence::Protective, "Protective place or group (green edging)"},
         {model::Valence::Risky, "Risky place or group (red edging)"},
         {model::Valence::Mixed, "Mixed: protective and risky (amber edging)"}}};
    for (const auto& edging : edgings) {
      const model::Valence valence = edging.first;
      const bool shown = std::any_of(g_.regions.begin(), g_.regions.end(), [&](const auto& r) {
        return region_valence(d_, r.id) == valence;
      });
      if (!shown) continue;
      row(edging.second, [this, valence](Point c) {
        cairo_new_sub_path(cr_);
        cairo_arc(cr_, c.x, c.y, 7, 0, 2 * M_PI);
        set_colour(cr_, region_colour(false, 0), 0.15);
        cairo_fill_preserve(cr_);
        set_colour(cr_, *region_edging(valence));
        cairo_set_line_width(cr_, 4);
        cairo_stroke_preserve(cr_);
        set_colour(cr_, region_colour(false, 0), 0.85);
        cairo_set_line_width(cr_, 1.4);
        cairo_stroke(cr_);
      });
    }
  }

  void ecomap(const std::string& centre) {
    if (!g_.ecomap_centre) return;
    section("Ecomap");
    row("Place", [&](Point c) { draw_symbol(cr_, location_style(), c, 12); });
    // Who put each person on a ring: the child, in the ecomap recorded with them, or peermap,
    // from the strength of the child's ties when none was recorded.
    const bool by_child = d_.find_ecomap(centre) != nullptr;
    row(by_child ? "Rings 1 (closest) to 4, as the child placed them"
                 : "Rings placed by peermap from the ties: no ecomap recorded",
        [&](Point c) {
          cairo_new_sub_path(cr_);
          cairo_arc(cr_, c.x, c.y, 7, 0, 2 * M_PI);
          cairo_set_source_rgba(cr_, 0.2, 0.4, 0.7, 0.5);
          cairo_set_line_width(cr_, 1);
          cairo_stroke(cr_);
        });
  }

 private:
  void section(const char* title) {
    y_ += text_.draw(title, {kPageBoldFont, true, 0, 1}, x_, y_ + 3, false) + 5;
  }

  //! A sample drawn by `sample` at the left, the label beside it.
  template <typename Sample>
  void row(const std::string& label, Sample sample, int max_lines = 2) {
    sample(Point{x_ + 18, y_ + 7});
    const double text_height =
        text_.draw(label, {kPageFont, false, width_ - 50, max_lines}, x_ + 44, y_ + 1, false);
    y_ += std::max(15.0, text_height + 4);
  }

  cairo_t* cr_;
  TextPainter& text_;
  const model::Document& d_;
  const layout::Geometry& g_;
  double x_;
  double y_;
  double width_;
};

}  // namespace

void draw_key(cairo_t* cr, TextPainter& text, const Page& page, const layout::Rect& column) {
  KeyPainter key(cr, text, page.document, page.geometry, column);
  key.people();
  key.relationships();
  key.date_not_known(page.date_not_known);
  key.regions();
  key.ecomap(page.view.ecomap_centre);
}

}  // namespace peermap::render
