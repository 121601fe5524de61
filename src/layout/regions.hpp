// Regions around groups and locations (issue 10, item 2). A membership whose members sit
// together gets one compact, smooth outline that holds every member's footprint and keeps every
// non-member's out; a scattered one gets a line that links its members (LineSets, Alper et al.
// 2011), so no corridors of boxes and no outline that snakes across the map. Graphviz and igraph
// have no such thing (their clusters are boxes that cannot overlap), so it is our own code.
#pragma once

#include <vector>

#include "layout/geometry.hpp"

namespace peermap::layout {

struct RegionParameters {
  double cell = 4.0;       //!< grid resolution, points
  double padding = 6.0;    //!< at least this much space between a member and the innermost outline
  double nesting = 5.0;    //!< each further outline around a person lies this much further out
  double clearance = 5.0;  //!< at least this much space between a non-member and an outline
  //! The outline is the members' padded footprints closed by a disc of this radius (a
  //! morphological closing): members whose footprints are at most twice this apart share one
  //! smooth outline; farther apart, they are scattered.
  double closing = 30.0;
  int most_outlines = 3;  //!< no person is inside more outlines than this
};

//! How one membership is drawn.
struct RegionPlan {
  RegionShape shape = RegionShape::Line;
  Polygon outline;         //!< Outline: closed, smooth, clockwise on screen
  std::vector<int> order;  //!< Line: the members (indices into footprints) in the line's order
};

//! One plan per membership list (indices into `footprints`). Smaller memberships are tried
//! first; each becomes an outline when its members can sit together (the closing is one piece
//! with no non-member in or near it, and none of them is already inside `most_outlines`
//! outlines), else a line through its members in a short order (nearest neighbour, then
//! 2-opt). Deterministic. Cost: O(m^2) per membership of m members for the scatter test and the
//! order, plus O(cells) over the members' own box for a compact one: no grid over the map.
[[nodiscard]] std::vector<RegionPlan> build_regions(
    const std::vector<Rect>& footprints, const std::vector<std::vector<int>>& memberships,
    const RegionParameters& parameters = {});

//! The members in a short path order: nearest neighbour from the member farthest from their
//! centre, then 2-opt (at most a few passes). Cost: O(m^2) per pass.
[[nodiscard]] std::vector<int> line_order(const std::vector<Rect>& footprints,
                                          const std::vector<int>& members);

}  // namespace peermap::layout
