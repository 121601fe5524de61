// Tie lines that go around the people they do not connect (issue 10, item 3): a straight line
// that would pass through another person's symbol or label bends around it instead, so a
// reader never sees a chain that is not there. Internal to the layout module.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "layout/layout.hpp"

namespace peermap::layout {

//! The line of a tie from `from` to `to`: the straight line between the two symbols when it
//! passes through no other footprint in `obstacles`, else the polyline that goes around them
//! (bending at their corners, `style::kRouteClearance` off), from outline to outline, that is
//! shortest when each crossing of one of `lines` (other ties' segments, as point pairs) counts
//! as 40 pt more. The straight line stays only when no way round is found among the footprints
//! within 320 pt of it, or more than 160 of them lie that near, or an end sits in another
//! person's clearance (pins set too close). Cost: an A* search over the visibility graph of
//! the k footprints near the line, O(k^2 (k + l)) at worst for l lines; O(n) when it is clear.
[[nodiscard]] EdgeGeometry routed_edge(const std::string& id, const NodeGeometry& from,
                                       const NodeGeometry& to, const std::vector<Rect>& obstacles,
                                       const std::vector<Point>& lines = {});

class Obstacles;

//! Every node's footprint in a geometry, grown by the clearance and indexed once, for many
//! routes between its nodes (routed_edge makes them afresh for each route). The geometry must
//! outlive it and its nodes stay put.
class NodeObstacles {
 public:
  explicit NodeObstacles(const Geometry& g);
  ~NodeObstacles();
  NodeObstacles(const NodeObstacles&) = delete;
  NodeObstacles& operator=(const NodeObstacles&) = delete;
  NodeObstacles(NodeObstacles&&) = delete;
  NodeObstacles& operator=(NodeObstacles&&) = delete;

  //! routed_edge's line from node `from` to node `to` (indices into the geometry's nodes)
  //! around every other node, with no other lines weighed: the same line routed_edge gives
  //! with the others' footprints as obstacles.
  [[nodiscard]] EdgeGeometry route(std::size_t from, std::size_t to) const;

 private:
  const Geometry* g_;
  std::unique_ptr<const Obstacles> obstacles_;
};

//! Reroutes every edge of `g` around the footprints of the nodes it does not connect. With
//! `earlier` (the layout this one was anchored on), a tie whose two people stayed put, near
//! whose earlier line no footprint moved, grew, came or went, keeps that line (checked again
//! against every footprint); the others are routed. Deterministic. Cost: O(edges) grid walks
//! plus the routes' own cost.
void route_ties(Geometry& g, const Geometry* earlier = nullptr);

}  // namespace peermap::layout
