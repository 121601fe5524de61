// Regions around groups and locations: a closed smooth outline that holds every member's
// footprint and keeps every non-member's footprint out. Graphviz and igraph have no such
// thing (their clusters are boxes that cannot overlap), so it is our own code.
#pragma once

#include <vector>

#include "base/result.hpp"
#include "layout/geometry.hpp"

namespace peermap::layout {

struct RegionParameters {
  double cell = 4.0;       //!< grid resolution, points
  double padding = 4.0;    //!< at least this much space between a member and the outline
  double clearance = 4.0;  //!< at least this much space between a non-member and the outline
  double reach = 48.0;     //!< how far outside the members' box a corridor may first look
};

//! One outline per membership list (indices into `footprints`). Fails with Conflict when the
//! footprints are too close to separate; the caller then spreads the layout and tries again.
//! Cost: O(cells) per region (a few sweeps), cells covering the members' box plus `reach`.
[[nodiscard]] Result<std::vector<Polygon>> build_regions(
    const std::vector<Rect>& footprints, const std::vector<std::vector<int>>& memberships,
    const RegionParameters& parameters = {});

}  // namespace peermap::layout
