// Betweenness and closeness of an unweighted, undirected network by our own Brandes algorithm
// on every core. igraph's own is single-threaded (and Debian's igraph must not be called from
// two threads), so this is the one place we do not use it; tests check it against igraph.
#pragma once

#include <vector>

#include "analysis/network.hpp"

namespace peermap::analysis {

struct PathMeasures {
  std::vector<double> betweenness;  //!< unnormalised, each unordered pair counted once
  std::vector<double> closeness;    //!< (reached - 1) / distance sum over reachable; NaN if isolated
  std::size_t sources = 0;          //!< searches made: every person, or the sample's size
  bool sampled = false;             //!< estimates from a sample of sources (large networks)
};

//! Above `sample_above` people, exact values (O(n m)) would take hours: searches start from
//! `samples` people chosen with `seed` instead, and each sum is scaled by n / samples
//! (Brandes and Pich 2007 for betweenness, Eppstein and Wang 2004 for closeness).
struct PathOptions {
  std::size_t sample_above = 20000;
  std::size_t samples = 2000;
  unsigned seed = 1;
};

//! Brandes (2001): one breadth-first search from every person, shared between the cores; the
//! closeness comes from the same searches. Ties count as length 1 whatever their weight;
//! parallel ties count as separate shortest paths, as in igraph. Deterministic whatever the
//! number of cores. Cost: O(n m) work (O(samples m) when sampled), O(n) memory a core.
[[nodiscard]] PathMeasures unweighted_path_measures(const Network& network, const PathOptions& options = {});

}  // namespace peermap::analysis
