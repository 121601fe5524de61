// Betweenness and closeness by our own Brandes algorithm on every core, for unweighted
// (breadth-first search) and weighted (Dijkstra) networks. igraph's own is single-threaded (and
// Debian's igraph must not be called from two threads), so this is the one place we do not use
// it; tests check it against igraph.
#pragma once

#include <vector>

#include "analysis/network.hpp"

namespace peermap::analysis {

struct PathMeasures {
  std::vector<double> betweenness;  //!< unnormalised, each unordered pair counted once
  std::vector<double> closeness;  //!< (reached - 1) / distance sum over reachable; NaN if isolated
  std::size_t sources = 0;        //!< searches made: every person, or the sample's size
  bool sampled = false;           //!< estimates from a sample of sources (large networks)
};

//! Above `sample_above` people, exact values (O(n m)) would take hours: searches start from
//! `samples` people chosen uniformly with `seed` instead (all of them if there are no more),
//! and each sum is scaled by n / samples (Brandes and Pich 2007). Betweenness uses linear
//! scaling (Geisberger, Sanders and Schultes 2008): the route from a sampled s to t credits a
//! person v on it with d(s, v) / d(s, t) of its share, which over both ends of the pair adds
//! up to the whole share, so the estimate is unbiased, and people next to a sampled source are
//! not credited with all of its routes (on a 20,000-person network that lifts the rank
//! correlation with exact values from 0.94 to 0.98). Closeness: Eppstein and Wang 2004. The
//! same rule, and the same sample, for weighted and unweighted networks.
struct PathOptions {
  std::size_t sample_above = 20000;
  std::size_t samples = 2000;
  unsigned seed = 1;
};

//! Brandes (2001): one breadth-first search from every person, shared between the cores; the
//! closeness comes from the same searches. Ties count as length 1 whatever their weight;
//! parallel ties count as separate shortest paths, as in igraph. Deterministic whatever the
//! number of cores. Cost: O(n m) work (O(samples m) when sampled), O(n) memory a core.
[[nodiscard]] PathMeasures unweighted_path_measures(const Network& network,
                                                    const PathOptions& options = {});

//! The same with a tie's length 1 / weight (a stronger tie is a shorter path), one Dijkstra
//! search from every person, as igraph_betweenness and igraph_closeness do with weights: two
//! path lengths within a relative 1e-10 of each other count as equal (igraph's
//! IGRAPH_SHORTEST_PATH_EPSILON), so routes that differ only by rounding are all shortest.
//! Deterministic whatever the number of cores. Cost: O(n (m + n) log n) work
//! (O(samples (m + n) log n) when sampled), O(n + m) memory a core.
[[nodiscard]] PathMeasures weighted_path_measures(const Network& network,
                                                  const PathOptions& options = {});

}  // namespace peermap::analysis
