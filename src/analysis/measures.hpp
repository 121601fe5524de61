// Centrality measures and communities of a Network, as igraph 0.10 defines them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/network.hpp"
#include "base/result.hpp"

namespace peermap::analysis {

//! The measures of one node; `Measures::nodes[i]` belongs to `Network::nodes[i]`.
struct NodeMeasures {
  std::int64_t degree = 0;        //!< ties, any direction
  std::int64_t directed_out = 0;  //!< directed ties from this node (it controls or leads)
  std::int64_t directed_in = 0;   //!< directed ties to this node (it is controlled or follows)
  double betweenness = 0;         //!< unnormalised; each unordered pair of other nodes counted once
  double closeness = 0;    //!< (reachable - 1) / distance sum to them; NaN when isolated (igraph)
  double pagerank = 0;     //!< damping 0.85; sums to 1 over the network
  double eigenvector = 0;  //!< scaled so the largest is 1
  std::int64_t community = 0;  //!< 0-based, numbered in order of each community's first node
  bool operator==(const NodeMeasures&) const = default;
};

struct Measures {
  std::vector<NodeMeasures> nodes;
  std::int64_t communities = 0;
  double modularity = 0;      //!< Newman's Q of the communities; NaN when there are no edges
  bool weights_used = false;  //!< the network was weighted and the options asked for weights
  //! Betweenness and closeness were estimated from this many sampled people (0: exact); see
  //! analysis/paths.hpp. Networks above 20,000 people are sampled, weighted or not.
  std::size_t sampled_sources = 0;
  std::vector<std::string> warnings;  //!< igraph's, e.g. about a disconnected network
  bool operator==(const Measures&) const = default;
};

struct MeasureOptions {
  //! When the network is weighted: strength-based measures (PageRank, eigenvector,
  //! communities, modularity) use the weights as given; path-based ones (betweenness,
  //! closeness) use 1 / weight as the length of a tie, so a stronger tie is a shorter path.
  bool use_weights = true;
  unsigned long seed = 1;  //!< for Leiden; the same seed and network give the same communities
};

//! Every measure at once, all treating ties as undirected (directed ties also counted in
//! directed_in/out): degree; betweenness and closeness as igraph_betweenness and
//! igraph_closeness (normalised, over reachable nodes) define them, by our multi-core Brandes
//! (paths.hpp: O(n m) unweighted, O(n (m + n) log n) weighted, sampled above 20,000 people);
//! PageRank (PRPACK, damping 0.85, about O(n + m) per iteration);
//! eigenvector centrality (ARPACK, scaled, about O(n + m) per iteration); communities by
//! Leiden with the modularity objective (resolution 1/(2m), node weights = degree or
//! strength), iterated until no node moves, about O(m) per iteration; and their modularity.
//! The igraph parts are serialised with every other igraph call in the process. Memory O(n + m).
[[nodiscard]] Result<Measures> compute_measures(const Network& network,
                                                const MeasureOptions& options = {});

}  // namespace peermap::analysis
