// The line of a scattered group or place, and where every region's name goes (issue 10,
// item 2). Internal to the layout module.
#pragma once

#include <vector>

#include "layout/layout.hpp"
#include "layout/text_metrics.hpp"
#include "layout/tie_routes.hpp"

namespace peermap::layout {

//! The line through the members `order` (indices into g.nodes), from symbol centre to symbol
//! centre, each step bent round everyone else's symbol and label as a tie is (`obstacles`, made
//! from `g`); for one member, a short tab up from the symbol.
//! Cost: a grid walk a step plus the route's own search.
[[nodiscard]] std::vector<Point> region_line(const Geometry& g, const std::vector<int>& order,
                                             const NodeObstacles& obstacles);

//! The line moved `by` points to its left (each corner along the mean of its sides' normals),
//! so that two regions' lines through the same members lie side by side, not on each other.
[[nodiscard]] std::vector<Point> offset_line(const std::vector<Point>& line, double by);

//! Puts each region's name on its own outline or line: touching the outline at its top, or
//! across the line near one end, where it covers no person and no other name and no other
//! region's outline or line comes near it; failing that, the nearest free place. Cost: O(path
//! length / 3 pt) candidates a region, each tested against a bucket index.
void place_region_labels(Geometry& g, const TextMeasurer& measurer);

}  // namespace peermap::layout
