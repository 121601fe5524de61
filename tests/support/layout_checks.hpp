// The layout's hard guarantees, checked on a Geometry: each violation as a sentence.
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "layout/layout.hpp"
#include "layout/text_metrics.hpp"
#include "model/document.hpp"

namespace peermap::testing {

inline std::vector<std::string> layout_violations(const layout::Geometry& g) {
  using layout::Rect;
  std::vector<std::string> out;
  const auto& nodes = g.nodes;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    for (std::size_t j = i + 1; j < nodes.size(); ++j) {
      if (nodes[i].symbol().overlaps(nodes[j].symbol())) {
        out.push_back("symbols of " + nodes[i].id + " and " + nodes[j].id + " overlap");
      }
      if (nodes[i].label.overlaps(nodes[j].label)) {
        out.push_back("labels of " + nodes[i].id + " and " + nodes[j].id + " overlap");
      }
      if (nodes[i].label.overlaps(nodes[j].symbol())) {
        out.push_back("label of " + nodes[i].id + " covers the symbol of " + nodes[j].id);
      }
      if (nodes[j].label.overlaps(nodes[i].symbol())) {
        out.push_back("label of " + nodes[j].id + " covers the symbol of " + nodes[i].id);
      }
    }
  }
  // A tie's line never passes through the symbol or the label of a person it does not connect
  // (half a point of either's edge may be grazed: the drawing's rounding).
  for (const auto& edge : g.edges) {
    for (const auto& node : nodes) {
      if (node.id == edge.source || node.id == edge.target) continue;
      for (std::size_t k = 1; k < edge.points.size(); ++k) {
        const layout::Point a = edge.points[k - 1];
        const layout::Point b = edge.points[k];
        if (layout::segment_meets(a, b, node.symbol().inflated(-0.5)) ||
            layout::segment_meets(a, b, node.label.inflated(-0.5))) {
          out.push_back("tie " + edge.id + " passes through " + node.id);
          break;
        }
      }
    }
  }
  // Regions (issue 10, item 2): an outline holds its members and no one else; a line passes
  // through every member's symbol and through no one else's symbol or label; nobody is inside
  // more than 3 outlines; a region's name lies on its own outline or line (within 2 pt) and
  // nearer it than any other region's.
  std::map<std::string, int> outlines_around;
  const auto path_of = [](const layout::RegionGeometry& r) -> const std::vector<layout::Point>& {
    return r.shape == layout::RegionShape::Outline ? r.polygon : r.line;
  };
  for (std::size_t r = 0; r < g.regions.size(); ++r) {
    const auto& region = g.regions[r];
    const bool outline = region.shape == layout::RegionShape::Outline;
    if (outline && region.polygon.size() < 3)
      out.push_back("region " + region.id + " has no outline");
    if (!outline && region.line.empty()) out.push_back("region " + region.id + " has no line");
    const std::set<std::string> members(region.members.begin(), region.members.end());
    for (const auto& node : nodes) {
      const bool member = members.contains(node.id);
      if (outline) {
        if (member && !layout::contains(region.polygon, node.footprint())) {
          out.push_back("member " + node.id + " is not inside region " + region.id);
        } else if (!member && layout::intersects(region.polygon, node.footprint())) {
          out.push_back("non-member " + node.id + " is inside region " + region.id);
        }
        if (layout::contains(region.polygon, layout::Point{node.x, node.y}))
          ++outlines_around[node.id];
      } else {
        const Rect symbol = node.symbol().inflated(-0.5);
        const auto meets = [&](const Rect& box) {
          if (region.line.size() == 1) return layout::distance(region.line.front(), box) == 0;
          for (std::size_t k = 1; k < region.line.size(); ++k) {
            if (layout::segment_meets(region.line[k - 1], region.line[k], box)) return true;
          }
          return false;
        };
        if (member && !meets(symbol)) {
          out.push_back("the line of region " + region.id + " misses member " + node.id);
        } else if (!member && (meets(symbol) || meets(node.label.inflated(-0.5)))) {
          out.push_back("the line of region " + region.id + " passes through " + node.id);
        }
      }
      if (region.label.overlaps(node.label) || region.label.overlaps(node.symbol())) {
        out.push_back("name of region " + region.id + " covers " + node.id);
      }
    }
    const double own = layout::distance(path_of(region), outline, region.label);
    if (own > 2.0) {
      out.push_back("name of region " + region.id + " is " + std::to_string(own) +
                    " pt off its own outline or line");
    }
    for (std::size_t s = 0; s < g.regions.size(); ++s) {
      if (s == r) continue;
      const auto& other = g.regions[s];
      const double theirs = layout::distance(
          path_of(other), other.shape == layout::RegionShape::Outline, region.label);
      if (theirs <= own) {
        out.push_back("name of region " + region.id + " is as near region " + other.id +
                      " as its own");
      }
      if (s > r && region.label.overlaps(other.label)) {
        out.push_back("names of regions " + region.id + " and " + other.id + " overlap");
      }
    }
  }
  for (const auto& [id, count] : outlines_around) {
    if (count > 3) out.push_back(id + " is inside " + std::to_string(count) + " outlines");
  }
  return out;
}

//! The rules that need the document as well: every person drawn has the full name drawn whole (not
//! cut, at most 3 lines, inside the label's box), and every pinned person exactly on the pin unless
//! a warning names them.
inline std::vector<std::string> document_violations(const layout::Geometry& g,
                                                    const model::Document& d) {
  std::vector<std::string> out;
  const layout::TextMeasurer measurer;
  std::map<std::string, const layout::NodeGeometry*> nodes;
  for (const auto& n : g.nodes) nodes[n.id] = &n;
  for (const auto& person : d.people) {
    const auto found = nodes.find(person.id);
    if (found == nodes.end()) continue;  // not on this drawing (an ecomap shows its placements)
    const layout::NodeGeometry& n = *found->second;
    const std::string name = layout::label_text(person.full_name);
    if (n.label_lines.empty() || n.label_lines.front() != name) {
      out.push_back("the label of " + person.id + " is not the full name");
      continue;
    }
    const layout::TextStyle style =
        layout::label_style::wrapped_at(layout::label_style::kName, n.name_width);
    if (measurer.is_cut(name, style)) out.push_back("the name of " + person.id + " is cut");
    if (measurer.line_count(name, style) > layout::style::kLabelMaxNameLines) {
      out.push_back("the name of " + person.id + " takes more than 3 lines");
    }
    const layout::Point size = measurer.measure(name, style);
    if (size.x > n.label.w + 0.01 || size.y > n.label.h + 0.01) {
      out.push_back("the name of " + person.id + " is larger than its label's box");
    }
  }
  const auto pin_problems = layout::pin_problems(d);
  for (const auto& pin : d.pins) {
    const auto found = nodes.find(pin.ref);
    if (found == nodes.end()) continue;
    const bool warned = std::any_of(g.warnings.begin(), g.warnings.end(), [&](const auto& w) {
      return w.find("(" + pin.ref + ")") != std::string::npos;
    });
    const bool moved = found->second->x != pin.x || found->second->y != pin.y;
    if (moved && !warned) {
      out.push_back("pinned person " + pin.ref + " was moved off the pin without a warning");
    }
    std::string pointer;
    for (std::size_t i = 0; i < d.people.size(); ++i) {
      if (d.people[i].id == pin.ref) pointer = "(/people/" + std::to_string(i) + ")";
    }
    const bool clashes = std::any_of(
        pin_problems.begin(), pin_problems.end(),
        [&](const model::Problem& p) { return p.message.find(pointer) != std::string::npos; });
    if (moved && !clashes) {
      out.push_back("pinned person " + pin.ref + " was moved although no pin is too close");
    }
  }
  return out;
}

}  // namespace peermap::testing
