// Our multi-core Brandes against igraph's own betweenness and closeness, on generated
// networks with isolated people, several components and parallel ties.
#include <gtest/gtest.h>
#include <igraph.h>

#include <cmath>
#include <random>

#include "analysis/paths.hpp"

namespace peermap::analysis {
namespace {

constexpr double kRelative = 1e-9;

Edge tie(std::size_t a, std::size_t b) {
  Edge e;
  e.source = a;
  e.target = b;
  return e;
}

Node person(const std::string& id) {
  Node node;
  node.id = id;
  node.name = id;
  return node;
}

Network random_network(unsigned seed, std::size_t n, std::size_t m) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> pick(0, n - 1);
  Network network;
  for (std::size_t i = 0; i < n; ++i) network.nodes.push_back(person("n" + std::to_string(i)));
  while (network.edges.size() < m) {
    const std::size_t a = pick(rng);
    const std::size_t b = pick(rng) % (n - n / 10);  // the last tenth are never targets: some isolated
    if (a != b) network.edges.push_back(tie(a, b));
  }
  return network;
}

//! igraph's values for the same network, computed directly (single thread, this test only).
PathMeasures igraph_values(const Network& network) {
  igraph_vector_int_t ends;
  igraph_vector_int_init(&ends, 0);
  for (const Edge& e : network.edges) {
    igraph_vector_int_push_back(&ends, static_cast<igraph_integer_t>(e.source));
    igraph_vector_int_push_back(&ends, static_cast<igraph_integer_t>(e.target));
  }
  igraph_t graph;
  igraph_create(&graph, &ends, static_cast<igraph_integer_t>(network.nodes.size()), false);
  igraph_vector_t betweenness;
  igraph_vector_t closeness;
  igraph_vector_init(&betweenness, 0);
  igraph_vector_init(&closeness, 0);
  igraph_betweenness(&graph, &betweenness, igraph_vss_all(), false, nullptr);
  igraph_closeness(&graph, &closeness, nullptr, nullptr, igraph_vss_all(), IGRAPH_ALL, nullptr, true);
  PathMeasures out;
  for (igraph_integer_t i = 0; i < igraph_vector_size(&betweenness); ++i) {
    out.betweenness.push_back(VECTOR(betweenness)[i]);
    out.closeness.push_back(VECTOR(closeness)[i]);
  }
  igraph_vector_destroy(&betweenness);
  igraph_vector_destroy(&closeness);
  igraph_destroy(&graph);
  igraph_vector_int_destroy(&ends);
  return out;
}

void expect_same(double ours, double theirs, const std::string& what) {
  if (std::isnan(theirs)) {
    EXPECT_TRUE(std::isnan(ours)) << what;
  } else {
    EXPECT_NEAR(ours, theirs, kRelative * std::max(1.0, std::abs(theirs))) << what;
  }
}

TEST(Paths, MatchIgraphOnGeneratedNetworks) {
  for (unsigned seed = 1; seed <= 12; ++seed) {
    const Network network = random_network(seed, 20 + seed * 23, 30 + seed * 40);
    const PathMeasures ours = unweighted_path_measures(network);
    const PathMeasures theirs = igraph_values(network);
    ASSERT_EQ(ours.betweenness.size(), theirs.betweenness.size());
    for (std::size_t v = 0; v < network.nodes.size(); ++v) {
      expect_same(ours.betweenness[v], theirs.betweenness[v], "betweenness, seed " + std::to_string(seed));
      expect_same(ours.closeness[v], theirs.closeness[v], "closeness, seed " + std::to_string(seed));
    }
  }
}

// Two parallel ties between a and b double the shortest paths through them:
//   x --- a === b --- y      (x..y has one route, through a and b; betweenness 1 each... and the
// parallel tie changes no distance, so the values equal the simple path's.)
TEST(Paths, ParallelTiesCountAsIgraphCountsThem) {
  Network network;
  for (const char* id : {"x", "a", "b", "y"}) network.nodes.push_back(person(id));
  network.edges = {tie(0, 1), tie(1, 2), tie(1, 2), tie(2, 3)};
  const PathMeasures ours = unweighted_path_measures(network);
  const PathMeasures theirs = igraph_values(network);
  for (std::size_t v = 0; v < 4; ++v) expect_same(ours.betweenness[v], theirs.betweenness[v], "node " + std::to_string(v));
  EXPECT_DOUBLE_EQ(ours.betweenness[1], 2.0);  // a lies between x and b, and x and y
}

TEST(Paths, SameBitsEveryRun) {
  const Network network = random_network(99, 400, 900);
  const PathMeasures a = unweighted_path_measures(network);
  const PathMeasures b = unweighted_path_measures(network);
  EXPECT_TRUE(a.betweenness == b.betweenness);
}

}  // namespace
}  // namespace peermap::analysis
