// Cut points and bridges: small networks by hand, generated ones against igraph
// (igraph_articulation_points, igraph_bridges, and the components left without each person).
#include <gtest/gtest.h>
#include <igraph.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "analysis/cuts.hpp"
#include "support/network_builder.hpp"

namespace peermap::analysis {
namespace {

using Parts = std::vector<std::vector<std::size_t>>;

using testing::numbered_network;

// A path: the middle person is the only link, both ties are bridges.
//
//   0 --- 1 --- 2
TEST(Cuts, APathHangsOnItsMiddle) {
  const Network network = numbered_network(3, {{0, 1}, {1, 2}});
  const Cuts cuts = find_cuts(network);
  EXPECT_EQ(cuts.people, std::vector<std::size_t>{1});
  EXPECT_EQ(cuts.bridges, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(parts_without(network, 1), (Parts{{0}, {2}}));
  EXPECT_EQ(parts_without(network, 0), (Parts{{1, 2}}));
}

// A triangle has no cut point and no bridge: every pair has a second route.
//
//   0 --- 1
//    \   /
//      2
TEST(Cuts, ATriangleHasNone) {
  const Cuts cuts = find_cuts(numbered_network(3, {{0, 1}, {1, 2}, {2, 0}}));
  EXPECT_TRUE(cuts.people.empty());
  EXPECT_TRUE(cuts.bridges.empty());
}

// Parallel ties: 0 and 1 are tied twice, so neither of those ties is a bridge; 1 is still the
// only link between 0 and 2. Ties (by index): 0: 0-1, 1: 1-0, 2: 1-2.
//
//   0 === 1 --- 2
TEST(Cuts, AParallelTieIsNoBridgeButTheCutPointStays) {
  const Network network = numbered_network(3, {{0, 1}, {1, 0}, {1, 2}});
  const Cuts cuts = find_cuts(network);
  EXPECT_EQ(cuts.people, std::vector<std::size_t>{1});
  EXPECT_EQ(cuts.bridges, std::vector<std::size_t>{2});
}

// Two triangles sharing person 2, a tail 5-6 on 4, another component 7-8 and a loner 9:
//
//   0 --- 1
//    \   /
//      2          (two triangles: 0-1-2 and 2-3-4)
//    /   \        (7-8 a pair of their own, 9 alone)
//   3 --- 4 --- 5 --- 6       7 --- 8      9
//
// Cut points: 2 (between the triangles), 4 (holds 5 and 6), 5 (holds 6); not 7 or 8 (a pair).
// Bridges: the ties 4-5, 5-6 and 7-8 (indices 6, 7, 8).
TEST(Cuts, TrianglesSharingAPersonAndATail) {
  const Network network = numbered_network(
      10, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {4, 2}, {4, 5}, {5, 6}, {7, 8}});
  const Cuts cuts = find_cuts(network);
  EXPECT_EQ(cuts.people, (std::vector<std::size_t>{2, 4, 5}));
  EXPECT_EQ(cuts.bridges, (std::vector<std::size_t>{6, 7, 8}));
  EXPECT_EQ(parts_without(network, 2), (Parts{{0, 1}, {3, 4, 5, 6}}));
  EXPECT_EQ(parts_without(network, 4), (Parts{{0, 1, 2, 3}, {5, 6}}));
  EXPECT_TRUE(parts_without(network, 9).empty());
}

// A chain of 300,000 people: a recursive search would overflow the stack.
TEST(Cuts, ALongChainNeedsNoRecursion) {
  const std::size_t n = 300000;
  std::vector<std::pair<std::size_t, std::size_t>> ties;
  for (std::size_t i = 0; i + 1 < n; ++i) ties.emplace_back(i, i + 1);
  const Cuts cuts = find_cuts(numbered_network(n, ties));
  EXPECT_EQ(cuts.people.size(), n - 2);
  EXPECT_EQ(cuts.bridges.size(), n - 1);
}

//! igraph's answers for the same network (this test only; no wall, one thread).
struct IgraphCuts {
  std::vector<std::size_t> people;
  std::vector<std::size_t> bridges;
};

IgraphCuts igraph_cuts(const Network& network) {
  igraph_vector_int_t ends;
  igraph_vector_int_init(&ends, 0);
  for (const Edge& e : network.edges) {
    igraph_vector_int_push_back(&ends, static_cast<igraph_integer_t>(e.source));
    igraph_vector_int_push_back(&ends, static_cast<igraph_integer_t>(e.target));
  }
  igraph_t graph;
  igraph_create(&graph, &ends, static_cast<igraph_integer_t>(network.nodes.size()), false);
  igraph_vector_int_t people;
  igraph_vector_int_t bridges;
  igraph_vector_int_init(&people, 0);
  igraph_vector_int_init(&bridges, 0);
  igraph_articulation_points(&graph, &people);
  igraph_bridges(&graph, &bridges);
  IgraphCuts out;
  for (igraph_integer_t i = 0; i < igraph_vector_int_size(&people); ++i) {
    out.people.push_back(static_cast<std::size_t>(VECTOR(people)[i]));
  }
  for (igraph_integer_t i = 0; i < igraph_vector_int_size(&bridges); ++i) {
    out.bridges.push_back(static_cast<std::size_t>(VECTOR(bridges)[i]));
  }
  std::sort(out.people.begin(), out.people.end());
  std::sort(out.bridges.begin(), out.bridges.end());
  igraph_vector_int_destroy(&bridges);
  igraph_vector_int_destroy(&people);
  igraph_destroy(&graph);
  igraph_vector_int_destroy(&ends);
  return out;
}

//! The components left when `person` is taken out, by igraph, as parts_without gives them.
Parts igraph_parts_without(const Network& network, std::size_t person) {
  igraph_vector_int_t ends;
  igraph_vector_int_init(&ends, 0);
  for (const Edge& e : network.edges) {
    if (e.source == person || e.target == person) continue;
    igraph_vector_int_push_back(&ends, static_cast<igraph_integer_t>(e.source));
    igraph_vector_int_push_back(&ends, static_cast<igraph_integer_t>(e.target));
  }
  igraph_t graph;
  igraph_create(&graph, &ends, static_cast<igraph_integer_t>(network.nodes.size()), false);
  igraph_vector_int_t membership;
  igraph_vector_int_init(&membership, 0);
  igraph_integer_t count = 0;
  igraph_connected_components(&graph, &membership, nullptr, &count, IGRAPH_WEAK);
  // Only the components of person's neighbours: the rest of the network is not theirs.
  std::set<igraph_integer_t> theirs;
  for (const Edge& e : network.edges) {
    if (e.source == person && e.target != person) theirs.insert(VECTOR(membership)[e.target]);
    if (e.target == person && e.source != person) theirs.insert(VECTOR(membership)[e.source]);
  }
  Parts parts;
  for (igraph_integer_t c : theirs) {
    std::vector<std::size_t> part;
    for (std::size_t v = 0; v < network.nodes.size(); ++v) {
      if (v != person && VECTOR(membership)[static_cast<igraph_integer_t>(v)] == c)
        part.push_back(v);
    }
    parts.push_back(part);
  }
  std::sort(parts.begin(), parts.end());  // by first node: the parts are disjoint
  igraph_vector_int_destroy(&membership);
  igraph_destroy(&graph);
  igraph_vector_int_destroy(&ends);
  return parts;
}

TEST(Cuts, MatchIgraphOnGeneratedNetworks) {
  for (unsigned seed = 1; seed <= 40; ++seed) {
    std::mt19937 rng(seed);
    const std::size_t n = 10 + seed * 3;
    // Sparse (about one tie a person), so there are cut points, bridges, several components
    // and loners; some parallel ties.
    std::uniform_int_distribution<std::size_t> pick(0, n - 1);
    std::vector<std::pair<std::size_t, std::size_t>> ties;
    while (ties.size() < n + seed % 7) {
      const std::size_t a = pick(rng);
      const std::size_t b = pick(rng);
      if (a == b) continue;
      ties.emplace_back(a, b);
      if (pick(rng) % 9 == 0) ties.emplace_back(b, a);  // a parallel twin
    }
    const Network network = numbered_network(n, ties);
    const Cuts ours = find_cuts(network);
    const IgraphCuts theirs = igraph_cuts(network);
    EXPECT_EQ(ours.people, theirs.people) << "seed " << seed;
    EXPECT_EQ(ours.bridges, theirs.bridges) << "seed " << seed;
    for (std::size_t v = 0; v < n; ++v) {
      const Parts parts = parts_without(network, v);
      EXPECT_EQ(parts, igraph_parts_without(network, v)) << "seed " << seed << ", person " << v;
      const bool cut = std::binary_search(ours.people.begin(), ours.people.end(), v);
      EXPECT_EQ(parts.size() >= 2, cut) << "seed " << seed << ", person " << v;
    }
  }
}

}  // namespace
}  // namespace peermap::analysis
