// The people and ties a network hangs on: cut points (articulation points), whose removal splits
// their part of the network, and bridges, ties whose removal does. "Jayden Carter is the only
// link between the Oakfield group and Marcus Reid": findings.cpp words them.
#pragma once

#include <cstddef>
#include <vector>

#include "analysis/network.hpp"

namespace peermap::analysis {

struct Cuts {
  std::vector<std::size_t> people;   //!< cut points: indices into Network::nodes, in order
  std::vector<std::size_t> bridges;  //!< indices into Network::edges, in order; a tie with a
                                     //!< parallel twin is never a bridge
};

//! Hopcroft and Tarjan's depth-first search, iterative (no recursion however long the chains),
//! ties taken as undirected. O(n + m).
[[nodiscard]] Cuts find_cuts(const Network& network);

//! The parts that `person`'s part of the network falls into without them: each in node order,
//! the parts in order of their first node. Two or more for a cut point, one (or none, for
//! someone with no ties) otherwise. O(n + m).
[[nodiscard]] std::vector<std::vector<std::size_t>> parts_without(const Network& network,
                                                                  std::size_t person);

}  // namespace peermap::analysis
