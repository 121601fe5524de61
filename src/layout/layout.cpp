#include "layout/layout.hpp"

#include <glib.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include <nlohmann/json.hpp>

#include "base/handle.hpp"
#include "base/text_safety.hpp"
#include "layout/geometry_json.hpp"
#include "layout/graphviz_base.hpp"
#include "layout/layout_parts.hpp"
#include "layout/region_paths.hpp"
#include "layout/regions.hpp"
#include "layout/style.hpp"
#include "layout/text_metrics.hpp"
#include "layout/tie_routes.hpp"
#include "model/copies.hpp"
#include "model/full_name.hpp"

namespace peermap::layout {

using model::Document;
using model::Person;

namespace {

//! A name no valid document holds (longer than the validator accepts; only an in-process
//! caller that skipped validation can pass one) is cut there, so a label stays a label.
std::string name_text(std::string_view name) {
  std::string text = label_text(name);
  std::size_t at = 0;
  for (std::size_t points = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80 && points++ == model::kMaxNameLength)
      break;
  }
  if (at < text.size()) text = text.substr(0, at) + "\u2026";
  return text;
}

NodeGeometry sized_node(std::string id, NodeKind kind, double symbol,
                        std::vector<std::string> lines, const TextMeasurer& measurer) {
  NodeGeometry node;
  node.id = std::move(id);
  node.kind = kind;
  node.w = node.h = symbol;
  node.name_width = lines.empty() ? label_style::kName.max_width
                                  : measurer.fitting_width(lines.front(), label_style::kName);
  double width = 0;
  double height = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Point size = measurer.measure(
        lines[i], i == 0 ? label_style::wrapped_at(label_style::kName, node.name_width)
                         : label_style::kDetail);
    width = std::max(width, size.x);
    height += size.y;
  }
  node.label = {0, 0, width, height};
  node.label_lines = std::move(lines);
  place_node(node, {0, 0});
  return node;
}

}  // namespace

std::string label_text(std::string_view text) {
  // Control characters have no business in a label; they would confuse pango and readers.
  // The parser rejects broken UTF-8, but in-process callers may not have parsed.
  const std::string spaced = text::mark_direction_controls(text::controls_to_spaces(text));
  const Handle<gchar, g_free> valid(
      g_utf8_make_valid(spaced.data(), static_cast<gssize>(spaced.size())));
  return valid.get();
}

std::vector<std::string> person_label(const Document& document, const Person& person, bool redact) {
  const bool adult = model::is_adult(person, document.map.map_date);
  const bool hide = redact && !adult && !document.is_subject(person.id);
  std::vector<std::string> lines{
      name_text(hide ? model::initials(person.full_name) : person.full_name)};
  std::string detail;
  if (person.role == model::Role::Professional) {
    detail = "professional";
  } else if (person.date_of_birth) {
    detail = std::to_string(model::age_on(*person.date_of_birth, document.map.map_date));
  } else if (!person.age_band.empty() && person.age_band != "unknown") {
    detail = person.age_band;
  } else {
    detail = adult ? "adult" : "age?";
  }
  if (person.roth) detail += " \u00b7 ROTH";
  lines.push_back(detail);
  return lines;
}

NodeGeometry make_person_node(const Document& document, const Person& person, bool redact,
                              const TextMeasurer& measurer) {
  const double symbol =
      document.is_subject(person.id) ? style::kSubjectSymbolSize : style::kSymbolSize;
  return sized_node(person.id, NodeKind::Person, symbol, person_label(document, person, redact),
                    measurer);
}

NodeGeometry make_location_node(const model::Location& location, const TextMeasurer& measurer) {
  return sized_node(location.id, NodeKind::Location, style::kSymbolSize,
                    {name_text(location.name), label_text(location.kind)}, measurer);
}

void place_node(NodeGeometry& node, Point centre) {
  node.x = centre.x;
  node.y = centre.y;
  node.label.x = centre.x - node.label.w / 2;
  node.label.y = centre.y + node.h / 2 + style::kLabelGap;
}

Point footprint_offset(const NodeGeometry& node) {
  NodeGeometry copy = node;
  place_node(copy, {0, 0});
  return copy.footprint().centre();
}

EdgeGeometry straight_edge(const std::string& id, const NodeGeometry& from,
                           const NodeGeometry& to) {
  const double dx = to.x - from.x;
  const double dy = to.y - from.y;
  const double length = std::max(std::hypot(dx, dy), 1e-9);
  const double r_from = std::min(from.w / 2, length / 2);
  const double r_to = std::min(to.w / 2, length / 2);
  return {id,
          from.id,
          to.id,
          {{from.x + dx / length * r_from, from.y + dy / length * r_from},
           {to.x - dx / length * r_to, to.y - dy / length * r_to}}};
}

void frame_geometry(Geometry& g, bool keep_coordinates) {
  std::optional<Rect> box;
  const auto add = [&](const Rect& r) { box = box ? box->united(r) : r; };
  for (const auto& node : g.nodes) add(node.footprint());
  for (const auto& region : g.regions) {
    if (!region.polygon.empty()) add(bounds(region.polygon));
    if (!region.line.empty()) add(bounds(region.line));
    add(region.label);
  }
  if (g.ecomap_centre && !g.ring_radii.empty()) {
    const double r = g.ring_radii.back();
    add({g.ecomap_centre->x - r, g.ecomap_centre->y - r, 2 * r, 2 * r});
  }
  const Rect frame = (box ? *box : Rect{}).inflated(style::kMargin);
  g.width = frame.w;
  g.height = frame.h;
  if (keep_coordinates) {
    g.x0 = frame.x;
    g.y0 = frame.y;
    return;
  }
  const double dx = -frame.x;
  const double dy = -frame.y;
  const auto shift = [&](Point& p) {
    p.x += dx;
    p.y += dy;
  };
  for (auto& node : g.nodes) {
    node.x += dx;
    node.y += dy;
    node.label.x += dx;
    node.label.y += dy;
  }
  for (auto& edge : g.edges) std::for_each(edge.points.begin(), edge.points.end(), shift);
  for (auto& region : g.regions) {
    std::for_each(region.polygon.begin(), region.polygon.end(), shift);
    std::for_each(region.line.begin(), region.line.end(), shift);
    region.label.x += dx;
    region.label.y += dy;
  }
  if (g.ecomap_centre) shift(*g.ecomap_centre);
  g.x0 = g.y0 = 0;
}

// (Documented in layout_parts.hpp.)
void stretch_to_page(std::vector<Rect>& footprints, double least, double most, double limit) {
  if (footprints.size() < 2) return;
  Rect box = footprints.front();
  Rect centres{footprints.front().centre().x, footprints.front().centre().y, 0, 0};
  for (const Rect& f : footprints) {
    box = box.united(f);
    centres = centres.united({f.centre().x, f.centre().y, 0, 0});
  }
  // The new extent along the stretched axis is k * (spread of centres) + (what the boxes add).
  const auto factor = [&](double extent, double spread, double wanted) {
    if (spread < 1 || wanted <= extent) return 1.0;
    return std::clamp((wanted - (extent - spread)) / spread, 1.0, limit);
  };
  const double kx = factor(box.w, centres.w, least * box.h);
  const double ky = factor(box.h, centres.h, box.w / most);
  if (kx <= 1 && ky <= 1) return;
  const Point middle = centres.centre();
  for (Rect& f : footprints) {
    const Point c = f.centre();
    f.x = middle.x + (c.x - middle.x) * kx - f.w / 2;
    f.y = middle.y + (c.y - middle.y) * ky - f.h / 2;
  }
}

namespace {

struct RegionSpec {
  std::string id;
  std::string name;
  bool is_location = false;
  std::vector<int> members;  // indices into the person nodes
};

std::vector<RegionSpec> region_specs(const Document& document,
                                     const std::map<std::string, int>& person_index) {
  std::vector<RegionSpec> specs;
  std::map<std::string, std::size_t> by_id;
  for (const auto& group : document.groups) {
    by_id[group.id] = specs.size();
    specs.push_back({group.id, group.name, false, {}});
  }
  for (const auto& location : document.locations) {
    by_id[location.id] = specs.size();
    specs.push_back({location.id, location.name, true, {}});
  }
  for (const auto& tie : document.ties) {
    if (tie.kind == model::TieKind::Relationship) continue;
    const auto person = person_index.find(tie.from);
    const auto region = by_id.find(tie.to);
    if (person == person_index.end() || region == by_id.end()) continue;
    auto& members = specs[region->second].members;
    if (std::find(members.begin(), members.end(), person->second) == members.end()) {
      members.push_back(person->second);
    }
  }
  for (auto& spec : specs) std::sort(spec.members.begin(), spec.members.end());
  std::erase_if(specs, [](const RegionSpec& s) { return s.members.empty(); });
  return specs;
}

//! For a layout from earlier positions: every free node goes to the centre of its placed
//! neighbours, round by round outwards from the fixed ones; overlap removal then makes room.
//! The centres of all nodes when that reaches every person; otherwise nullopt, and the free
//! nodes have their `start` set for the stress layout. Cost: O(rounds * edges).
std::optional<std::vector<Point>> place_beside_anchors(std::vector<BaseNode>& base,
                                                       const std::vector<BaseEdge>& edges,
                                                       std::size_t people) {
  std::vector<std::optional<Point>> placed(base.size());
  for (std::size_t i = 0; i < base.size(); ++i) placed[i] = base[i].pin;
  const auto centre_of_placed_neighbours = [&](std::size_t node) -> std::optional<Point> {
    Point sum;
    int count = 0;
    for (const BaseEdge& e : edges) {
      const auto a = static_cast<std::size_t>(e.a);
      const auto b = static_cast<std::size_t>(e.b);
      if (a != node && b != node) continue;
      const std::optional<Point>& other = placed[a == node ? b : a];
      if (!other) continue;
      sum.x += other->x;
      sum.y += other->y;
      ++count;
    }
    if (count == 0) return std::nullopt;
    return Point{sum.x / count, sum.y / count};
  };
  for (bool progress = true; progress;) {
    progress = false;
    std::vector<std::optional<Point>> next = placed;
    for (std::size_t i = 0; i < base.size(); ++i) {
      if (placed[i]) continue;
      next[i] = centre_of_placed_neighbours(i);
      progress = progress || next[i].has_value();
    }
    placed = std::move(next);
  }
  const bool everyone =
      std::all_of(placed.begin(), placed.begin() + static_cast<std::ptrdiff_t>(people),
                  [](const std::optional<Point>& p) { return p.has_value(); });
  if (!everyone) {
    for (std::size_t i = 0; i < base.size(); ++i) {
      if (!base[i].pin) base[i].start = placed[i];
    }
    return std::nullopt;
  }
  std::vector<Point> positions;
  positions.reserve(base.size());
  for (const auto& p : placed) positions.push_back(p.value_or(Point{}));
  return positions;
}

//! Ties each member of a group or place who has no relationship tie (and so no place in the
//! stress layout's graph) to the first member who has one, or to the region's first member.
//! Such an edge ends at a leaf, so it shortens no other distance. Cost: O(memberships + edges).
void tie_untied_members(const std::vector<RegionSpec>& specs, std::vector<BaseEdge>& edges) {
  std::vector<bool> tied;
  for (const BaseEdge& e : edges) {
    const auto most = static_cast<std::size_t>(std::max(e.a, e.b));
    if (tied.size() <= most) tied.resize(most + 1, false);
    tied[static_cast<std::size_t>(e.a)] = tied[static_cast<std::size_t>(e.b)] = true;
  }
  const auto is_tied = [&](int m) {
    return static_cast<std::size_t>(m) < tied.size() && tied[static_cast<std::size_t>(m)];
  };
  std::vector<BaseEdge> added;
  for (const auto& spec : specs) {
    const auto anchor = std::find_if(spec.members.begin(), spec.members.end(), is_tied);
    const int to = anchor != spec.members.end() ? *anchor : spec.members.front();
    for (int m : spec.members) {
      if (m != to && !is_tied(m)) added.push_back({m, to, 110.0, 1.0});
    }
  }
  edges.insert(edges.end(), added.begin(), added.end());
}

Result<Geometry> network_layout(const Document& document, const LayoutOptions& options,
                                const TextMeasurer& measurer) {
  Geometry g;
  std::map<std::string, int> person_index;
  for (const auto& person : document.people) {
    person_index[person.id] = static_cast<int>(g.nodes.size());
    g.nodes.push_back(make_person_node(document, person, options.redact, measurer));
  }
  std::map<std::string, Point> pins;
  for (const auto& pin : document.pins) pins[pin.ref] = {pin.x, pin.y};

  const auto specs = region_specs(document, person_index);
  std::vector<BaseNode> base;
  std::vector<bool> fixed;  // pinned, or anchored where an earlier layout put them
  for (auto& node : g.nodes) {
    const Rect f = node.footprint();
    BaseNode b{f.w, f.h, std::nullopt, std::nullopt};
    const auto pin = pins.find(node.id);
    const auto earlier = options.previous.find(node.id);
    node.pinned = pin != pins.end();
    const Point offset = footprint_offset(node);
    if (node.pinned) {
      b.pin = Point{pin->second.x + offset.x, pin->second.y + offset.y};
    } else if (earlier != options.previous.end()) {
      b.pin = Point{earlier->second.x + offset.x, earlier->second.y + offset.y};
    }
    fixed.push_back(b.pin.has_value());
    base.push_back(b);
  }
  const bool anchored = !options.previous.empty();
  std::vector<BaseEdge> edges;
  for (const auto& tie : document.ties) {
    if (tie.kind != model::TieKind::Relationship) continue;
    const auto a = person_index.find(tie.from);
    const auto b = person_index.find(tie.to);
    if (a == person_index.end() || b == person_index.end()) continue;
    edges.push_back({a->second, b->second, 150.0 - 15.0 * tie.strength, 1.0 + tie.strength});
  }
  // No hidden hub pulls a region's members together: its edges were shortcuts in the stress
  // layout's graph distances (members of a place 2 x 100 pt apart, nearer than tied friends),
  // which tangled the map (docs/benchmarks-legibility.md). Only a member with no relationship
  // ties is tied to a fellow member, so that they are drawn beside their group or place.
  tie_untied_members(specs, edges);
  std::optional<std::vector<Point>> beside = std::nullopt;
  if (anchored) beside = place_beside_anchors(base, edges, g.nodes.size());
  const BaseEngine engine = g.nodes.size() <= 400 ? BaseEngine::Stress : BaseEngine::MultiLevel;
  if (spent(options.out_of_time)) return out_of_time_error();
  Result<std::vector<Point>> positions =
      beside ? Result<std::vector<Point>>(std::move(*beside))
             : graphviz_positions(base, edges, engine, options.seed, options.out_of_time,
                                  style::kNodeSeparation);
  if (!positions) return positions.error();
  if (spent(options.out_of_time)) return out_of_time_error();

  std::vector<Rect> footprints;
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const Rect f = g.nodes[i].footprint();
    const Point c = positions.value()[i];
    footprints.push_back({c.x - f.w / 2, c.y - f.h / 2, f.w, f.h});
  }
  std::vector<std::string> moved;
  // Laid out from earlier places, a newcomer goes into a gap beside their ties, pushing nobody.
  if (anchored) settle_in_free_space(footprints, fixed, style::kNodeSeparation, 100.0);
  separate_footprints(footprints, fixed, style::kNodeSeparation, moved);
  // A fresh layout fills the page; one from earlier places, or with pins, keeps its shape.
  if (!anchored && pins.empty()) {
    if (engine == BaseEngine::Stress) {
      // A hair more than the gap: positions rounded to 0.01 pt (geometry_codec) and read back
      // as an edit's anchors still keep the gap, and so the edit pushes nobody.
      const double gap = style::kNodeSeparation + 0.05;
      compact_footprints(footprints, true, style::kCompaction, gap);
      compact_footprints(footprints, false, style::kCompaction, gap);
    }
    stretch_to_page(footprints, style::kPageAspectLeast, style::kPageAspectMost,
                    style::kMaxStretch);
  }
  if (spent(options.out_of_time)) return out_of_time_error();

  // Regions never move anyone: members who sit together get an outline, scattered ones a line.
  std::vector<std::vector<int>> memberships;
  memberships.reserve(specs.size());
  for (const auto& spec : specs) memberships.push_back(spec.members);
  RegionParameters parameters;
  parameters.cell = style::kRegionCell;
  parameters.padding = style::kRegionPadding;
  parameters.nesting = style::kRegionNesting;
  parameters.clearance = style::kRegionClearance;
  parameters.closing = style::kRegionClosing;
  parameters.most_outlines = style::kMostOutlines;
  const std::vector<RegionPlan> plans = build_regions(footprints, memberships, parameters);
  if (spent(options.out_of_time)) return out_of_time_error();
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const Point offset = footprint_offset(g.nodes[i]);
    place_node(g.nodes[i],
               {footprints[i].centre().x - offset.x, footprints[i].centre().y - offset.y});
  }
  // Pins stay exactly where the practitioner put them; one that could not is named. Anchored
  // people (earlier positions) may move quietly.
  keep_pins(g, document, pins);
  std::vector<std::set<std::pair<int, int>>> taken_steps;  // each line's member-to-member steps
  std::unique_ptr<const NodeObstacles> line_obstacles;     // made for the first line
  for (std::size_t r = 0; r < specs.size(); ++r) {
    RegionGeometry region;
    region.id = specs[r].id;
    region.is_location = specs[r].is_location;
    region.name = name_text(specs[r].name);
    for (int m : specs[r].members)
      region.members.push_back(g.nodes[static_cast<std::size_t>(m)].id);
    region.shape = plans[r].shape;
    if (region.shape == RegionShape::Outline) {
      region.polygon = plans[r].outline;
    } else {
      // Lines that go from one member to another as an earlier line does lie beside it,
      // 3.5 pt to one side or the other (within the 4 pt a route keeps off everyone).
      std::set<std::pair<int, int>> steps;
      const auto& order = plans[r].order;
      for (std::size_t k = 1; k < order.size(); ++k)
        steps.insert(std::minmax(order[k - 1], order[k]));
      int shared = 0;
      for (const auto& earlier : taken_steps) {
        shared += std::any_of(steps.begin(), steps.end(),
                              [&](const auto& s) { return earlier.contains(s); });
      }
      taken_steps.push_back(std::move(steps));
      static constexpr std::array<double, 3> kBeside{0.0, 3.5, -3.5};
      if (!line_obstacles) line_obstacles = std::make_unique<const NodeObstacles>(g);
      region.line =
          offset_line(region_line(g, order, *line_obstacles), kBeside[shared % kBeside.size()]);
    }
    g.regions.push_back(std::move(region));
  }
  for (const auto& tie : document.ties) {
    if (tie.kind != model::TieKind::Relationship) continue;
    const auto a = person_index.find(tie.from);
    const auto b = person_index.find(tie.to);
    if (a == person_index.end() || b == person_index.end()) continue;
    g.edges.push_back(straight_edge(tie.id, g.nodes[static_cast<std::size_t>(a->second)],
                                    g.nodes[static_cast<std::size_t>(b->second)]));
  }
  route_ties(g, anchored ? options.earlier : nullptr);
  place_region_labels(g, measurer);
  frame_geometry(g, !pins.empty() || anchored);
  return g;
}

}  // namespace

Result<Geometry> compute_layout(const Document& document, const LayoutOptions& options) {
  if (spent(options.out_of_time)) return out_of_time_error();
  const TextMeasurer measurer;
  if (!options.ecomap_centre.empty()) return ecomap_layout(document, options, measurer);
  return network_layout(document, options, measurer);
}

nlohmann::ordered_json geometry_json(const Geometry& g) {
  using nlohmann::ordered_json;
  const auto round = [](double v) { return std::round(v * 100.0) / 100.0; };
  const auto point = [&](Point p) { return ordered_json::array({round(p.x), round(p.y)}); };
  ordered_json out;
  out["width"] = round(g.width);
  out["height"] = round(g.height);
  out["x0"] = round(g.x0);
  out["y0"] = round(g.y0);
  out["nodes"] = ordered_json::array();
  for (const auto& n : g.nodes) {
    out["nodes"].push_back({{"id", n.id},
                            {"kind", n.kind == NodeKind::Person ? "person" : "location"},
                            {"x", round(n.x)},
                            {"y", round(n.y)},
                            {"w", round(n.w)},
                            {"h", round(n.h)},
                            {"label",
                             {{"x", round(n.label.x)},
                              {"y", round(n.label.y)},
                              {"w", round(n.label.w)},
                              {"h", round(n.label.h)}}},
                            {"pinned", n.pinned}});
  }
  out["edges"] = ordered_json::array();
  for (const auto& e : g.edges) {
    ordered_json points = ordered_json::array();
    for (const Point& p : e.points) points.push_back(point(p));
    out["edges"].push_back(
        {{"id", e.id}, {"source", e.source}, {"target", e.target}, {"points", points}});
  }
  out["regions"] = ordered_json::array();
  for (const auto& r : g.regions) {
    ordered_json polygon = ordered_json::array();
    for (const Point& p : r.polygon) polygon.push_back(point(p));
    ordered_json line = ordered_json::array();
    for (const Point& p : r.line) line.push_back(point(p));
    out["regions"].push_back({{"id", r.id},
                              {"kind", r.is_location ? "location" : "group"},
                              {"members", r.members},
                              {"shape", r.shape == RegionShape::Outline ? "outline" : "line"},
                              {"polygon", polygon},
                              {"line", line},
                              {"label",
                               {{"x", round(r.label.x)},
                                {"y", round(r.label.y)},
                                {"w", round(r.label.w)},
                                {"h", round(r.label.h)}}}});
  }
  if (g.ecomap_centre) {
    out["ecomap"] = {{"centre", point(*g.ecomap_centre)}, {"rings", g.ring_radii}};
  }
  if (!g.warnings.empty()) out["warnings"] = g.warnings;
  return out;
}

std::string geometry_to_json(const Geometry& g) { return geometry_json(g).dump() + "\n"; }

}  // namespace peermap::layout
