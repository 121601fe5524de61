// Our multi-core Brandes against igraph's own betweenness and closeness, on generated
// networks with isolated people, several components and parallel ties.
#include <gtest/gtest.h>
#include <igraph.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <numeric>
#include <random>

#include "analysis/paths.hpp"
#include "sampling.hpp"
#include "support/network_builder.hpp"

namespace peermap::analysis {
namespace {

constexpr double kRelative = 1e-9;

using testing::edge;
using testing::node;

Network random_network(unsigned seed, std::size_t n, std::size_t m) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> pick(0, n - 1);
  Network network;
  for (std::size_t i = 0; i < n; ++i) network.nodes.push_back(node("n" + std::to_string(i)));
  while (network.edges.size() < m) {
    const std::size_t a = pick(rng);
    const std::size_t b =
        pick(rng) % (n - n / 10);  // the last tenth are never targets: some isolated
    if (a != b) network.edges.push_back(edge(a, b));
  }
  return network;
}

//! igraph's values for the same network, computed directly (single thread, this test only);
//! with `weighted`, a tie's length is 1 / weight, as compute_measures gives it.
PathMeasures igraph_values(const Network& network, bool weighted = false) {
  igraph_vector_int_t ends;
  igraph_vector_int_init(&ends, 0);
  for (const Edge& e : network.edges) {
    igraph_vector_int_push_back(&ends, static_cast<igraph_integer_t>(e.source));
    igraph_vector_int_push_back(&ends, static_cast<igraph_integer_t>(e.target));
  }
  igraph_t graph;
  igraph_create(&graph, &ends, static_cast<igraph_integer_t>(network.nodes.size()), false);
  igraph_vector_t lengths;
  igraph_vector_init(&lengths, 0);
  for (const Edge& e : network.edges) igraph_vector_push_back(&lengths, 1.0 / e.weight);
  const igraph_vector_t* weights = weighted ? &lengths : nullptr;
  igraph_vector_t betweenness;
  igraph_vector_t closeness;
  igraph_vector_init(&betweenness, 0);
  igraph_vector_init(&closeness, 0);
  igraph_betweenness(&graph, &betweenness, igraph_vss_all(), false, weights);
  igraph_closeness(&graph, &closeness, nullptr, nullptr, igraph_vss_all(), IGRAPH_ALL, weights,
                   true);
  PathMeasures out;
  for (igraph_integer_t i = 0; i < igraph_vector_size(&betweenness); ++i) {
    out.betweenness.push_back(VECTOR(betweenness)[i]);
    out.closeness.push_back(VECTOR(closeness)[i]);
  }
  igraph_vector_destroy(&betweenness);
  igraph_vector_destroy(&closeness);
  igraph_vector_destroy(&lengths);
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
      expect_same(ours.betweenness[v], theirs.betweenness[v],
                  "betweenness, seed " + std::to_string(seed));
      expect_same(ours.closeness[v], theirs.closeness[v],
                  "closeness, seed " + std::to_string(seed));
    }
  }
}

// Two parallel ties between a and b double the shortest paths through them:
//   x --- a === b --- y      (x..y has one route, through a and b; betweenness 1 each... and the
// parallel tie changes no distance, so the values equal the simple path's.)
TEST(Paths, ParallelTiesCountAsIgraphCountsThem) {
  Network network;
  for (const char* id : {"x", "a", "b", "y"}) network.nodes.push_back(node(id));
  network.edges = {edge(0, 1), edge(1, 2), edge(1, 2), edge(2, 3)};
  const PathMeasures ours = unweighted_path_measures(network);
  const PathMeasures theirs = igraph_values(network);
  for (std::size_t v = 0; v < 4; ++v)
    expect_same(ours.betweenness[v], theirs.betweenness[v], "node " + std::to_string(v));
  EXPECT_DOUBLE_EQ(ours.betweenness[1], 2.0);  // a lies between x and b, and x and y
}

TEST(Paths, SameBitsEveryRun) {
  const Network network = random_network(99, 400, 900);
  const PathMeasures a = unweighted_path_measures(network);
  const PathMeasures b = unweighted_path_measures(network);
  EXPECT_TRUE(a.betweenness == b.betweenness);
}

// ---- weighted (Dijkstra over lengths 1 / weight) ---------------------------------------------

//! The same random network with a weight on every tie: a document's strengths 1..3 (many routes
//! of equal length, which only compare equal within igraph's tolerance: 1/3 + 1/3 + 1/3 is not 1
//! in floating point) or, with `continuous`, any weight from 0.1 to 10.
Network random_weighted_network(unsigned seed, std::size_t n, std::size_t m, bool continuous) {
  Network network = random_network(seed, n, m);
  network.weighted = true;
  std::mt19937 rng(static_cast<std::mt19937::result_type>(seed) * 7919);
  std::uniform_int_distribution<int> strength(1, 3);
  std::uniform_real_distribution<double> weight(0.1, 10);
  for (Edge& e : network.edges) e.weight = continuous ? weight(rng) : strength(rng);
  return network;
}

TEST(Paths, WeightedMatchIgraphOnGeneratedNetworks) {
  for (const bool continuous : {false, true}) {
    for (unsigned seed = 1; seed <= 12; ++seed) {
      const Network network =
          random_weighted_network(seed, 20 + seed * 23, 30 + seed * 40, continuous);
      const PathMeasures ours = weighted_path_measures(network);
      const PathMeasures theirs = igraph_values(network, true);
      ASSERT_EQ(ours.betweenness.size(), theirs.betweenness.size());
      EXPECT_FALSE(ours.sampled);
      const std::string what =
          (continuous ? "continuous" : "strengths") + std::string(", seed ") + std::to_string(seed);
      for (std::size_t v = 0; v < network.nodes.size(); ++v) {
        expect_same(ours.betweenness[v], theirs.betweenness[v], "betweenness, " + what);
        expect_same(ours.closeness[v], theirs.closeness[v], "closeness, " + what);
      }
    }
  }
}

// Strength 3 is length 1/3, strength 1 length 1. From a to d there are two shortest routes of
// length 1: the direct tie and a-b-c-d (1/3 + 1/3 + 1/3, which floating point makes
// 0.9999999999999998 or so, and which must still count as equally short):
//
//   a ==3== b ==3== c ==3== d
//    \_________1___________/
//
// betweenness: a..d has 2 routes, one through b and c: 1/2 each; a..c runs only through b
// (2/3 against 1 + 1/3) and b..d only through c: b = c = 1 + 1/2 = 3/2; a = d = 0.
// closeness: a reaches b, c, d at 1/3 + 2/3 + 1 = 2, so 3/2; b at 1/3 + 1/3 + 2/3, so 9/4.
TEST(Paths, WeightedRoutesOfEqualLengthAreAllShortest) {
  Network network;
  network.weighted = true;
  for (const char* id : {"a", "b", "c", "d"}) network.nodes.push_back(node(id));
  network.edges = {edge(0, 1), edge(1, 2), edge(2, 3), edge(0, 3)};
  for (std::size_t k = 0; k < 3; ++k) network.edges[k].weight = 3;
  const PathMeasures ours = weighted_path_measures(network);
  EXPECT_NEAR(ours.betweenness[0], 0, 1e-12);
  EXPECT_NEAR(ours.betweenness[1], 1.5, 1e-12);
  EXPECT_NEAR(ours.betweenness[2], 1.5, 1e-12);
  EXPECT_NEAR(ours.betweenness[3], 0, 1e-12);
  EXPECT_NEAR(ours.closeness[0], 1.5, 1e-12);
  EXPECT_NEAR(ours.closeness[1], 2.25, 1e-12);
  const PathMeasures theirs = igraph_values(network, true);
  for (std::size_t v = 0; v < 4; ++v)
    expect_same(ours.betweenness[v], theirs.betweenness[v], "node " + std::to_string(v));
}

// A strong tie is shorter than two weak ones, and a parallel tie adds a route of its own:
//
//   x --1-- a ==2== b --1-- y       a-b twice (strengths 2 and 2): two routes from x to y
//            ==2==
TEST(Paths, WeightedParallelTiesCountAsIgraphCountsThem) {
  Network network;
  network.weighted = true;
  for (const char* id : {"x", "a", "b", "y"}) network.nodes.push_back(node(id));
  network.edges = {edge(0, 1), edge(1, 2), edge(1, 2), edge(2, 3)};
  network.edges[1].weight = network.edges[2].weight = 2;
  const PathMeasures ours = weighted_path_measures(network);
  const PathMeasures theirs = igraph_values(network, true);
  for (std::size_t v = 0; v < 4; ++v) {
    expect_same(ours.betweenness[v], theirs.betweenness[v], "betweenness " + std::to_string(v));
    expect_same(ours.closeness[v], theirs.closeness[v], "closeness " + std::to_string(v));
  }
  EXPECT_DOUBLE_EQ(ours.betweenness[1], 2.0);  // a lies between x and b, and x and y
}

TEST(Paths, WeightedSameBitsEveryRun) {
  const Network network = random_weighted_network(99, 400, 900, true);
  const PathMeasures a = weighted_path_measures(network);
  const PathMeasures b = weighted_path_measures(network);
  EXPECT_TRUE(a.betweenness == b.betweenness);
  EXPECT_TRUE(
      std::equal(a.closeness.begin(), a.closeness.end(), b.closeness.begin(),
                 [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); }));
}

}  // namespace
}  // namespace peermap::analysis

namespace peermap::analysis {
namespace {

using testing::preferential_attachment;
using testing::spearman;

// The Spearman helper itself, on lists small enough to check by hand. Ranks of (10, 20, 30, 40)
// against (1, 3, 2, 4): d = (0, 1, -1, 0), so rho = 1 - 6 * 2 / (4 * 15) = 0.8. With ties,
// (0, 0, 1, 2) ranks as (1.5, 1.5, 3, 4): against itself rho is 1, against (0, 1, 0, 2) (ranks
// 1.5, 3, 1.5, 4) the centred ranks are (-1, -1, .5, 1.5) and (-1, .5, -1, 1.5): rho = 2.25/4.5.
TEST(Paths, SpearmanByHand) {
  EXPECT_NEAR(spearman({10, 20, 30, 40}, {1, 3, 2, 4}), 0.8, 1e-12);
  EXPECT_NEAR(spearman({0, 0, 1, 2}, {0, 0, 1, 2}), 1, 1e-12);
  EXPECT_NEAR(spearman({0, 0, 1, 2}, {0, 1, 0, 2}), 0.5, 1e-12);
  EXPECT_NEAR(spearman({1, 2, 3}, {3, 2, 1}), -1, 1e-12);
}

// The sampled estimators are unbiased: "sampling" every person as a source must give the exact
// values (linear scaling shares each pair between its two ends, and the shares add up to 1).
TEST(Paths, TheSampledEstimatorsFromEverySourceAreExact) {
  PathOptions every;
  every.sample_above = 0;
  every.samples = 1000000;
  for (const bool weighted : {false, true}) {
    for (unsigned seed = 1; seed <= 4; ++seed) {
      const Network network =
          weighted ? random_weighted_network(seed, 60 + seed * 20, 120 + seed * 40, seed % 2 == 0)
                   : random_network(seed, 60 + seed * 20, 120 + seed * 40);
      const PathMeasures ours = weighted ? weighted_path_measures(network, every)
                                         : unweighted_path_measures(network, every);
      ASSERT_TRUE(ours.sampled);
      EXPECT_EQ(ours.sources, network.nodes.size());
      const PathMeasures theirs = igraph_values(network, weighted);
      const std::string what =
          (weighted ? "weighted" : "unweighted") + std::string(", seed ") + std::to_string(seed);
      for (std::size_t v = 0; v < network.nodes.size(); ++v) {
        expect_same(ours.betweenness[v], theirs.betweenness[v], "betweenness, " + what);
        expect_same(ours.closeness[v], theirs.closeness[v], "closeness, " + what);
      }
    }
  }
}

// A sampled estimate must rank people as the exact values do, weighted or not. (The 20,000-person
// check the issue asks for, with the default sample, is paths_scale_test.cpp, in release builds
// only; here smaller networks keep the test quick under ASan.)
TEST(Paths, SampledBetweennessRanksPeopleAsTheExactValuesDo) {
  for (const bool weighted : {false, true}) {
    // A quarter of the people sampled (the default samples a tenth of 20,000); Dijkstra costs
    // more, so fewer people weighted.
    const std::size_t n = weighted ? 1600 : 3000;
    const Network network = preferential_attachment(n, 7, weighted);
    PathOptions exact_options;
    exact_options.sample_above = n;
    PathOptions options;
    options.sample_above = n / 2;
    options.samples = n / 4;
    const auto measure = weighted ? weighted_path_measures : unweighted_path_measures;
    const PathMeasures exact = measure(network, exact_options);
    const PathMeasures sampled = measure(network, options);
    ASSERT_FALSE(exact.sampled);
    ASSERT_TRUE(sampled.sampled);
    EXPECT_EQ(sampled.sources, n / 4);
    const double betweenness = spearman(exact.betweenness, sampled.betweenness);
    const double closeness = spearman(exact.closeness, sampled.closeness);
    std::cout << "  " << (weighted ? "weighted" : "unweighted") << ", " << n << " people, " << n / 4
              << " sampled: Spearman betweenness " << betweenness << ", closeness " << closeness
              << "\n";
    EXPECT_GE(betweenness, 0.95) << (weighted ? "weighted" : "unweighted");
    EXPECT_GE(closeness, 0.95) << (weighted ? "weighted" : "unweighted");
  }
}

}  // namespace
}  // namespace peermap::analysis
