// The child-centred ecomap (guidance Appendix 1): the child in the middle, the people and
// places that matter on rings 1 (closest) to 4, as the child placed them.
#include <algorithm>
#include <cmath>
#include <map>

#include "layout/layout_parts.hpp"
#include "layout/style.hpp"
#include "layout/tie_routes.hpp"

namespace peermap::layout {

using model::Document;

namespace {

//! Placements as recorded with the child; without a recorded ecomap, from the child's own
//! ties: strength 3 on ring 1, 2 on ring 2, 1 on ring 3, places frequented on ring 2.
std::vector<model::EcomapPlacement> placements_for(const Document& document,
                                                   const std::string& centre) {
  if (const model::Ecomap* ecomap = document.find_ecomap(centre)) return ecomap->placements;
  std::vector<model::EcomapPlacement> derived;
  std::map<std::string, bool> seen;
  for (const auto& tie : document.ties) {
    if (tie.kind == model::TieKind::MemberOf) continue;
    std::string other;
    if (tie.from == centre) {
      other = tie.to;
    } else if (tie.to == centre && tie.kind == model::TieKind::Relationship) {
      other = tie.from;
    }
    if (other.empty() || seen[other]) continue;
    seen[other] = true;
    const int ring = tie.kind == model::TieKind::Frequents ? 2 : std::clamp(4 - tie.strength, 1, 3);
    derived.push_back({other, ring});
  }
  return derived;
}

double diagonal(const NodeGeometry& node) {
  const Rect f = node.footprint();
  return std::hypot(f.w, f.h);
}

}  // namespace

Result<Geometry> ecomap_layout(const Document& document, const LayoutOptions& options,
                               const TextMeasurer& measurer) {
  const model::Person* child = document.find_person(options.ecomap_centre);
  if (child == nullptr) {
    return Error{ErrorKind::NotFound,
                 "--ecomap: no person with id \"" + options.ecomap_centre + "\""};
  }
  Geometry g;
  g.nodes.push_back(make_person_node(document, *child, options.redact, measurer));
  std::array<std::vector<std::size_t>, 4> rings;
  for (const auto& placement : placements_for(document, child->id)) {
    if (placement.ref == child->id) continue;
    if (const model::Person* person = document.find_person(placement.ref)) {
      g.nodes.push_back(make_person_node(document, *person, options.redact, measurer));
    } else if (const model::Location* location = document.find_location(placement.ref)) {
      g.nodes.push_back(make_location_node(*location, measurer));
    } else {
      continue;
    }
    rings[static_cast<std::size_t>(std::clamp(placement.ring, 1, 4) - 1)].push_back(g.nodes.size() -
                                                                                    1);
  }

  // Each ring far enough out that its nodes clear the ring inside and each other.
  double radius = 0;
  double previous_reach = diagonal(g.nodes[0]) / 2;
  for (std::size_t r = 0; r < rings.size(); ++r) {
    double widest = diagonal(g.nodes[0]);
    for (std::size_t n : rings[r]) widest = std::max(widest, diagonal(g.nodes[n]));
    // Footprints are wide and short, and sit on the ring at every angle: half the diagonal
    // plus the separation is enough band for most, and the separation pass settles the rest.
    const double spacing = 0.5 * widest + style::kNodeSeparation;
    double ring_radius = previous_reach + spacing / 2;
    const auto count = static_cast<double>(rings[r].size());
    if (count > 1) ring_radius = std::max(ring_radius, spacing / (2 * std::sin(M_PI / count)));
    radius = ring_radius;
    previous_reach = radius + spacing / 2;
    g.ring_radii.push_back(previous_reach);  // the band's outer edge; its nodes sit mid-band
    for (std::size_t k = 0; k < rings[r].size(); ++k) {
      const double angle = -M_PI / 2 + 0.35 * static_cast<double>(r) +
                           2 * M_PI * static_cast<double>(k) / std::max(count, 1.0);
      place_node(g.nodes[rings[r][k]], {radius * std::cos(angle), radius * std::sin(angle)});
    }
  }
  // Rings leave room by construction; this pass only makes the guarantee certain.
  std::vector<Rect> footprints;
  std::vector<bool> pinned;
  for (const auto& node : g.nodes) {
    footprints.push_back(node.footprint());
    pinned.push_back(&node == g.nodes.data());
  }
  std::vector<std::string> moved;
  separate_footprints(footprints, pinned, style::kNodeSeparation, moved);
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const Point offset = footprint_offset(g.nodes[i]);
    place_node(g.nodes[i],
               {footprints[i].centre().x - offset.x, footprints[i].centre().y - offset.y});
  }
  g.ecomap_centre = Point{g.nodes[0].x, g.nodes[0].y};

  std::map<std::string, std::string> tie_to;
  for (const auto& tie : document.ties) {
    if (tie.kind == model::TieKind::MemberOf) continue;
    if (tie.from == child->id && !tie_to.contains(tie.to)) tie_to[tie.to] = tie.id;
    if (tie.to == child->id && !tie_to.contains(tie.from)) tie_to[tie.from] = tie.id;
  }
  for (std::size_t i = 1; i < g.nodes.size(); ++i) {
    const auto tie = tie_to.find(g.nodes[i].id);
    const std::string id = tie != tie_to.end() ? tie->second : "ecomap:" + g.nodes[i].id;
    g.edges.push_back(straight_edge(id, g.nodes[0], g.nodes[i]));
  }
  route_ties(g);
  frame_geometry(g, false);
  return g;
}

}  // namespace peermap::layout
