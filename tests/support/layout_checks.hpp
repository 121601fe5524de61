// The layout's hard guarantees, checked on a Geometry: each violation as a sentence.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "layout/layout.hpp"

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
  for (std::size_t r = 0; r < g.regions.size(); ++r) {
    const auto& region = g.regions[r];
    const std::set<std::string> members(region.members.begin(), region.members.end());
    for (const auto& node : nodes) {
      if (members.contains(node.id)) {
        if (!layout::contains(region.polygon, node.footprint())) {
          out.push_back("member " + node.id + " is not inside region " + region.id);
        }
      } else if (layout::intersects(region.polygon, node.footprint())) {
        out.push_back("non-member " + node.id + " is inside region " + region.id);
      }
      if (region.label.overlaps(node.label) || region.label.overlaps(node.symbol())) {
        out.push_back("name of region " + region.id + " covers " + node.id);
      }
    }
    for (std::size_t s = r + 1; s < g.regions.size(); ++s) {
      if (region.label.overlaps(g.regions[s].label)) {
        out.push_back("names of regions " + region.id + " and " + g.regions[s].id + " overlap");
      }
    }
  }
  return out;
}

}  // namespace peermap::testing
