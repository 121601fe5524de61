// A geometry made by hand for a document, without the automatic layout, so the render tests
// test the renderer alone and stay fast whatever the layout does:
//
//   network map: people evenly round a circle, each relationship a straight line, each group
//                or place a rectangle round its members' footprints;
//   ecomap:      the child in the middle, each placement on the middle of its ring band.
//
// Labels are the real ones (layout::person_label); their boxes are a rough size.
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "layout/layout.hpp"

namespace peermap::testing {

namespace hand {

inline layout::NodeGeometry node(const std::string& id, layout::NodeKind kind, layout::Point at,
                                 double size, std::vector<std::string> lines) {
  layout::NodeGeometry n;
  n.id = id;
  n.kind = kind;
  n.x = at.x;
  n.y = at.y;
  n.w = n.h = size;
  std::size_t longest = 0;
  for (const auto& line : lines) longest = std::max(longest, line.size());
  const double width = std::min(104.0, 5.0 * static_cast<double>(longest) + 4);
  n.label = {at.x - width / 2, at.y + size / 2 + 2, width,
             2.0 + 9.0 * static_cast<double>(std::max<std::size_t>(lines.size(), 1))};
  n.label_lines = std::move(lines);
  return n;
}

inline layout::EdgeGeometry edge(const std::string& id, const layout::NodeGeometry& a,
                                 const layout::NodeGeometry& b) {
  return {id, a.id, b.id, {{a.x, a.y}, {b.x, b.y}}};
}

//! Moves everything so the frame starts at (0, 0) with a 24 pt margin.
inline void frame(layout::Geometry& g) {
  double x0 = 1e300;
  double y0 = 1e300;
  double x1 = -1e300;
  double y1 = -1e300;
  const auto add = [&](const layout::Rect& r) {
    x0 = std::min(x0, r.x);
    y0 = std::min(y0, r.y);
    x1 = std::max(x1, r.right());
    y1 = std::max(y1, r.bottom());
  };
  for (const auto& n : g.nodes) add(n.footprint());
  for (const auto& r : g.regions) {
    add(layout::bounds(r.polygon));
    add(r.label);
  }
  if (g.ecomap_centre) {
    const double r = g.ring_radii.back();
    add({g.ecomap_centre->x - r, g.ecomap_centre->y - r, 2 * r, 2 * r});
  }
  const double dx = 24 - x0;
  const double dy = 24 - y0;
  const auto shift = [&](layout::Point& p) {
    p.x += dx;
    p.y += dy;
  };
  for (auto& n : g.nodes) {
    n.x += dx;
    n.y += dy;
    n.label.x += dx;
    n.label.y += dy;
  }
  for (auto& e : g.edges) std::for_each(e.points.begin(), e.points.end(), shift);
  for (auto& r : g.regions) {
    std::for_each(r.polygon.begin(), r.polygon.end(), shift);
    r.label.x += dx;
    r.label.y += dy;
  }
  if (g.ecomap_centre) shift(*g.ecomap_centre);
  g.width = x1 - x0 + 48;
  g.height = y1 - y0 + 48;
}

}  // namespace hand

inline layout::Geometry hand_geometry(const model::Document& d, bool redact = false) {
  using layout::NodeKind;
  layout::Geometry g;
  const double n = static_cast<double>(std::max<std::size_t>(d.people.size(), 1));
  const double radius = 60 + 30 * n;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < d.people.size(); ++i) {
    const model::Person& p = d.people[i];
    const double angle = 2 * M_PI * static_cast<double>(i) / n;
    index[p.id] = i;
    g.nodes.push_back(hand::node(p.id, NodeKind::Person,
                                 {radius * std::cos(angle), radius * std::sin(angle)},
                                 d.is_subject(p.id) ? 30 : 22, layout::person_label(d, p, redact)));
  }
  std::map<std::string, layout::RegionGeometry> regions;
  for (const auto& t : d.ties) {
    if (!index.contains(t.from)) continue;
    if (t.kind == model::TieKind::Relationship) {
      if (index.contains(t.to))
        g.edges.push_back(hand::edge(t.id, g.nodes[index[t.from]], g.nodes[index[t.to]]));
      continue;
    }
    auto& region = regions[t.to];
    region.id = t.to;
    region.is_location = t.kind == model::TieKind::Frequents;
    region.members.push_back(t.from);
  }
  for (auto& [id, region] : regions) {
    const model::Group* group = d.find_group(id);
    const model::Location* location = d.find_location(id);
    region.name = group != nullptr ? group->name : location != nullptr ? location->name : id;
    layout::Rect box = g.nodes[index[region.members.front()]].footprint();
    for (const auto& member : region.members) box = box.united(g.nodes[index[member]].footprint());
    box = box.inflated(8);
    region.polygon = {
        {box.x, box.y}, {box.right(), box.y}, {box.right(), box.bottom()}, {box.x, box.bottom()}};
    region.label = {box.x, box.y - 14,
                    std::min(180.0, 6.0 * static_cast<double>(region.name.size())), 12};
    g.regions.push_back(region);
  }
  hand::frame(g);
  return g;
}

//! The ecomap of `centre`: its placements on rings of 90, 180, 270 and 360 pt.
inline layout::Geometry hand_ecomap(const model::Document& d, const std::string& centre,
                                    bool redact = false) {
  using layout::NodeKind;
  layout::Geometry g;
  const model::Person* child = d.find_person(centre);
  const model::Ecomap* ecomap = d.find_ecomap(centre);
  if (child == nullptr || ecomap == nullptr) return g;
  g.ring_radii = {90, 180, 270, 360};
  g.ecomap_centre = layout::Point{0, 0};
  g.nodes.push_back(
      hand::node(child->id, NodeKind::Person, {0, 0}, 30, layout::person_label(d, *child, redact)));
  const double count = static_cast<double>(std::max<std::size_t>(ecomap->placements.size(), 1));
  for (std::size_t i = 0; i < ecomap->placements.size(); ++i) {
    const auto& placement = ecomap->placements[i];
    const double r = 90.0 * (placement.ring - 0.5);
    const double angle = 2 * M_PI * static_cast<double>(i) / count;
    const layout::Point at{r * std::cos(angle), r * std::sin(angle)};
    if (const model::Person* p = d.find_person(placement.ref)) {
      g.nodes.push_back(
          hand::node(p->id, NodeKind::Person, at, 22, layout::person_label(d, *p, redact)));
    } else if (const model::Location* l = d.find_location(placement.ref)) {
      g.nodes.push_back(hand::node(l->id, NodeKind::Location, at, 22, {l->name, l->kind}));
    } else {
      continue;
    }
    std::string id = "ecomap:" + placement.ref;
    for (const auto& t : d.ties) {
      if (t.kind != model::TieKind::MemberOf && ((t.from == centre && t.to == placement.ref) ||
                                                 (t.to == centre && t.from == placement.ref))) {
        id = t.id;
        break;
      }
    }
    g.edges.push_back(hand::edge(id, g.nodes.front(), g.nodes.back()));
  }
  hand::frame(g);
  return g;
}

}  // namespace peermap::testing
