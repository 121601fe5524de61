// The wall around Graphviz: an abstract graph in, centre positions out. Graphviz handles are
// RAII-owned here and never leave this file; calls are serialised (Graphviz is not re-entrant).
#pragma once

#include <optional>
#include <vector>

#include "base/result.hpp"
#include "base/time_budget.hpp"
#include "layout/geometry.hpp"

namespace peermap::layout {

struct BaseNode {
  double width = 10;  //!< points, the box overlap removal keeps clear
  double height = 10;
  std::optional<Point> pin;    //!< fixed centre, in layout coordinates (y down)
  std::optional<Point> start;  //!< where an unpinned node starts (else a seeded random place)
};

struct BaseEdge {
  int a = 0;
  int b = 0;
  double length = 72;  //!< preferred length, points
  double weight = 1;
};

enum class BaseEngine { Stress, MultiLevel };  //!< neato stress majorisation, or sfdp

//! Centres of the nodes, y growing downwards, pinned nodes exactly at their pins. With `gap` > 0,
//! no pin and the Stress engine, Graphviz's prism removes the boxes' overlaps, leaving `gap`
//! between them (it keeps the layout's proximity graph, so it adds few crossings); otherwise
//! overlaps are left to the caller. `out_of_time` is asked once Graphviz is free (the wait behind
//! another layout counts); Graphviz's own run cannot be stopped.
[[nodiscard]] Result<std::vector<Point>> graphviz_positions(const std::vector<BaseNode>& nodes,
                                                            const std::vector<BaseEdge>& edges,
                                                            BaseEngine engine, unsigned seed,
                                                            const OutOfTime& out_of_time = {},
                                                            double gap = 0);

}  // namespace peermap::layout
