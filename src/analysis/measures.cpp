#include "analysis/measures.hpp"

#include <cassert>
#include <map>

#include "analysis/igraph_loader.hpp"
#include "analysis/igraph_wall.hpp"
#include "analysis/paths.hpp"

namespace peermap::analysis {

namespace {

using igraph_wall::Graph;
using igraph_wall::IntVector;
using igraph_wall::RealVector;
using igraph_wall::RealView;
using igraph_wall::Session;

constexpr igraph_real_t kDamping = 0.85;
constexpr igraph_real_t kLeidenBeta = 0.01;  // igraph's default randomness of refinement
constexpr igraph_integer_t kUntilStable = -1;

//! Calls `fill(out)` with a fresh vector, then copies the result into `set(node, value)`.
template <typename Vector, typename Fill, typename Set>
Status collect(const Session& session, std::vector<NodeMeasures>& nodes, std::string_view what,
               Fill fill, Set set) {
  auto vector = Vector::make(session);
  if (!vector) return vector.error();
  if (auto status = session.check(fill(vector->get()), what); !status) return status;
  const auto values = vector->values();
  if (values.size() != nodes.size()) {
    return Error{ErrorKind::Internal, "igraph: " + std::string(what) + ": wrong result size"};
  }
  for (std::size_t i = 0; i < nodes.size(); ++i) set(nodes[i], values[i]);
  return ok_status();
}

//! Leiden with the modularity objective: node weights are degrees (strengths when weighted)
//! and the resolution 1/(2m), which makes its quality function exactly modularity.
Status find_communities(const Session& session, const Graph& graph, const igraph_vector_t* weights,
                        std::vector<NodeMeasures>& nodes, Measures& measures) {
  auto strength = RealVector::make(session);
  if (!strength) return strength.error();
  if (auto status = session.check(igraph_strength(graph.get(), strength->get(), igraph_vss_all(),
                                                  IGRAPH_ALL, true, weights),
                                  "strength");
      !status) {
    return status;
  }
  const double total = igraph_vector_sum(strength->get());  // 2m, or twice the total weight
  auto membership = IntVector::make(session);
  if (!membership) return membership.error();
  if (total > 0) {
    igraph_integer_t clusters = 0;
    igraph_real_t quality = 0;
    if (auto status = session.check(
            igraph_community_leiden(graph.get(), weights, strength->get(), 1.0 / total, kLeidenBeta,
                                    false, kUntilStable, membership->get(), &clusters, &quality),
            "Leiden communities");
        !status) {
      return status;
    }
  } else {  // no ties: everyone is their own community
    if (auto status =
            session.check(igraph_vector_int_range(membership->get(), 0,
                                                  static_cast<igraph_integer_t>(nodes.size())),
                          "communities");
        !status) {
      return status;
    }
  }
  if (auto status = session.check(igraph_modularity(graph.get(), membership->get(), weights, 1.0,
                                                    false, &measures.modularity),
                                  "modularity");
      !status) {
    return status;
  }
  // Renumber by first appearance, so the numbering depends only on the partition.
  std::map<igraph_integer_t, std::int64_t> renumbered;
  const auto raw = membership->values();
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const auto [it, added] =
        renumbered.emplace(raw[i], static_cast<std::int64_t>(renumbered.size()));
    nodes[i].community = it->second;
  }
  measures.communities = static_cast<std::int64_t>(renumbered.size());
  return ok_status();
}

}  // namespace

Result<Measures> compute_measures(const Network& network, const MeasureOptions& options) {
  Measures measures;
  measures.weights_used = network.weighted && options.use_weights;
  auto& nodes = measures.nodes;
  nodes.resize(network.nodes.size());
  std::vector<igraph_integer_t> ends;
  ends.reserve(2 * network.edges.size());
  std::vector<igraph_real_t> strengths;
  for (const auto& edge : network.edges) {
    assert(edge.source < nodes.size() && edge.target < nodes.size());
    ends.push_back(static_cast<igraph_integer_t>(edge.source));
    ends.push_back(static_cast<igraph_integer_t>(edge.target));
    strengths.push_back(edge.weight);
    if (edge.directed) {
      ++nodes[edge.source].directed_out;
      ++nodes[edge.target].directed_in;
    }
  }
  if (nodes.empty()) return measures;

  // Betweenness and closeness: our Brandes on every core (paths.hpp), breadth-first or, with
  // weights, Dijkstra over lengths 1 / weight; checked against igraph in the tests. Outside
  // the igraph lock: it needs none.
  const PathMeasures paths =
      measures.weights_used ? weighted_path_measures(network) : unweighted_path_measures(network);
  if (paths.sampled) {
    measures.sampled_sources = paths.sources;
    measures.warnings.push_back("betweenness and closeness estimated from " +
                                std::to_string(paths.sources) +
                                " sampled people (network above 20,000 people)");
  }
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    nodes[i].betweenness = paths.betweenness[i];
    nodes[i].closeness = paths.closeness[i];
  }

  if (auto loaded = load_igraph(); !loaded) return loaded.error();
  const Session session(options.seed);
  auto built = Graph::undirected(session, static_cast<igraph_integer_t>(nodes.size()), ends);
  if (!built) return built.error();
  const Graph& graph = built.value();
  const RealView strength_view(strengths);
  const igraph_vector_t* weights = measures.weights_used ? strength_view.get() : nullptr;
  const igraph_t* g = graph.get();

  Status status = collect<IntVector>(
      session, nodes, "degree",
      [&](igraph_vector_int_t* out) {
        return igraph_degree(g, out, igraph_vss_all(), IGRAPH_ALL, true);
      },
      [](NodeMeasures& node, igraph_integer_t value) { node.degree = value; });
  if (!status) return status.error();

  status = collect<RealVector>(
      session, nodes, "PageRank",
      [&](igraph_vector_t* out) {
        igraph_real_t eigenvalue = 0;
        return igraph_pagerank(g, IGRAPH_PAGERANK_ALGO_PRPACK, out, &eigenvalue, igraph_vss_all(),
                               false, kDamping, weights, nullptr);
      },
      [](NodeMeasures& node, double value) { node.pagerank = value; });
  if (!status) return status.error();

  status = collect<RealVector>(
      session, nodes, "eigenvector centrality",
      [&](igraph_vector_t* out) {
        igraph_arpack_options_t arpack;
        igraph_arpack_options_init(&arpack);
        igraph_real_t eigenvalue = 0;
        return igraph_eigenvector_centrality(g, out, &eigenvalue, false, true, weights, &arpack);
      },
      [](NodeMeasures& node, double value) { node.eigenvector = value; });
  if (!status) return status.error();

  status = find_communities(session, graph, weights, nodes, measures);
  if (!status) return status.error();

  auto igraph_warnings = session.take_warnings();
  measures.warnings.insert(measures.warnings.end(), igraph_warnings.begin(), igraph_warnings.end());
  return measures;
}

}  // namespace peermap::analysis
