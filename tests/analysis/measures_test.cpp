// Measures of small networks, each worked out by hand in the comment above its test.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <string>

#include "analysis/measures.hpp"
#include "analysis/network.hpp"
#include "support/network_builder.hpp"

namespace peermap::analysis {
namespace {

//! Hand-worked values are exact fractions or solved to 10+ digits; this is rounding only.
constexpr double kExact = 1e-9;

Network network_of(const std::string& csv) {
  auto network = parse_edge_list_csv(csv);
  EXPECT_TRUE(network.ok()) << (network.ok() ? "" : network.error().message);
  return network.ok() ? network.value() : Network{};
}

Measures measures_of(const Network& network) {
  auto measures = compute_measures(network);
  EXPECT_TRUE(measures.ok()) << (measures.ok() ? "" : measures.error().message);
  return measures.ok() ? measures.value() : Measures{};
}

double pagerank_sum(const Measures& measures) {
  return std::accumulate(measures.nodes.begin(), measures.nodes.end(), 0.0,
                         [](double sum, const NodeMeasures& node) { return sum + node.pagerank; });
}

// A path of four:
//
//   a --- b --- c --- d
//
// betweenness: b sits on a-c and a-d, c on a-d and b-d: 2 each; the ends 0.
// closeness: a reaches b, c, d at 1+2+3 = 6, so 3/6; b at 1+1+2 = 4, so 3/4.
// PageRank (n = 4, d = 0.85): a = 0.15/4 + 0.85 b/2 and b = 0.15/4 + 0.85 (a + b/2) give
//   a = 10/57, b = 37/114 (and a + b = 1/2).
// eigenvector: the largest eigenvalue of a path of 4 is 2 cos(pi/5) = phi; the vector is
//   (sin 36°, sin 72°, sin 72°, sin 36°), so the ends are 1/phi of the middle.
// communities: {a,b} {c,d}: Q = 2 (1/3 - (3/6)^2) = 1/6, the best split.
TEST(Measures, PathOfFour) {
  const auto network = network_of("source,target\na,b\nb,c\nc,d\n");
  const auto m = measures_of(network);
  ASSERT_EQ(m.nodes.size(), 4u);
  const double phi = (1 + std::sqrt(5.0)) / 2;
  EXPECT_EQ(m.nodes[0].degree, 1);
  EXPECT_EQ(m.nodes[1].degree, 2);
  EXPECT_NEAR(m.nodes[0].betweenness, 0, kExact);
  EXPECT_NEAR(m.nodes[1].betweenness, 2, kExact);
  EXPECT_NEAR(m.nodes[2].betweenness, 2, kExact);
  EXPECT_NEAR(m.nodes[0].closeness, 0.5, kExact);
  EXPECT_NEAR(m.nodes[1].closeness, 0.75, kExact);
  EXPECT_NEAR(m.nodes[0].pagerank, 10.0 / 57, kExact);
  EXPECT_NEAR(m.nodes[1].pagerank, 37.0 / 114, kExact);
  EXPECT_NEAR(m.nodes[3].pagerank, 10.0 / 57, kExact);
  EXPECT_NEAR(m.nodes[1].eigenvector, 1, kExact);
  EXPECT_NEAR(m.nodes[0].eigenvector, 1 / phi, kExact);
  EXPECT_EQ(m.communities, 2);
  EXPECT_EQ(m.nodes[0].community, m.nodes[1].community);
  EXPECT_EQ(m.nodes[2].community, m.nodes[3].community);
  EXPECT_NE(m.nodes[0].community, m.nodes[2].community);
  EXPECT_NEAR(m.modularity, 1.0 / 6, kExact);
  EXPECT_FALSE(m.weights_used);
}

// A star: a hub and four leaves.
//
//        l1
//        |
//   l4 - hub - l2
//        |
//        l3
//
// betweenness: the hub is on all C(4,2) = 6 leaf pairs.
// closeness: hub 4/4 = 1; a leaf reaches the hub at 1 and three leaves at 2: 4/7.
// PageRank (n = 5): hub = 0.03 + 0.85 (4 leaf), leaf = 0.03 + 0.85 hub/4
//   give hub = 0.132 / 0.2775, each leaf = (1 - hub) / 4.
// eigenvector: eigenvalue 2 = sqrt(4); a leaf is hub / 2.
// communities: no split of a star has positive modularity: one community, Q = 0.
TEST(Measures, Star) {
  const auto network = network_of("source,target\nhub,l1\nhub,l2\nhub,l3\nhub,l4\n");
  const auto m = measures_of(network);
  ASSERT_EQ(m.nodes.size(), 5u);
  const double hub_rank = 0.132 / 0.2775;
  EXPECT_EQ(m.nodes[0].degree, 4);
  EXPECT_NEAR(m.nodes[0].betweenness, 6, kExact);
  EXPECT_NEAR(m.nodes[1].betweenness, 0, kExact);
  EXPECT_NEAR(m.nodes[0].closeness, 1, kExact);
  EXPECT_NEAR(m.nodes[1].closeness, 4.0 / 7, kExact);
  EXPECT_NEAR(m.nodes[0].pagerank, hub_rank, kExact);
  EXPECT_NEAR(m.nodes[4].pagerank, (1 - hub_rank) / 4, kExact);
  EXPECT_NEAR(m.nodes[0].eigenvector, 1, kExact);
  EXPECT_NEAR(m.nodes[2].eigenvector, 0.5, kExact);
  EXPECT_EQ(m.communities, 1);
  EXPECT_NEAR(m.modularity, 0, kExact);
}

// A triangle with a pendant:
//
//   a
//   | \   (a-b, b-c, c-a)
//   |  c --- d
//   | /
//   b
//
// betweenness: c is on a-d and b-d: 2; nobody else is between anyone.
// closeness: c reaches all at 1: 1; a reaches b, c at 1 and d at 2: 3/4; d: 1+2+2 = 5, so 3/5.
// PageRank: with a = b = x, c = y, d = z and n = 4,
//   x = 0.0375 + 0.85 (x/2 + y/3), y = 0.0375 + 0.85 (x + z), z = 0.0375 + 0.85 y/3,
//   solved: x = 0.245927818588, y = 0.366735867135, z = 0.141408495688.
// eigenvector: with a = b = x, c = 1 (the largest), d = z, and eigenvalue L:
//   L x = x + 1, L = 2x + z, L z = 1, so (L - 1)^2 (L + 1) = 2L, i.e. L^3 - L^2 - 3L + 1 = 0,
//   largest root L = 2.170086486626; x = 1/(L - 1), z = 1/L.
TEST(Measures, TriangleWithPendant) {
  const auto network = network_of("source,target\na,b\nb,c\nc,a\nc,d\n");
  const auto m = measures_of(network);
  ASSERT_EQ(m.nodes.size(), 4u);
  const auto a = *network.index_of("a");
  const auto b = *network.index_of("b");
  const auto c = *network.index_of("c");
  const auto d = *network.index_of("d");
  const double largest = 2.170086486626034;
  EXPECT_EQ(m.nodes[c].degree, 3);
  EXPECT_EQ(m.nodes[d].degree, 1);
  EXPECT_NEAR(m.nodes[c].betweenness, 2, kExact);
  EXPECT_NEAR(m.nodes[a].betweenness, 0, kExact);
  EXPECT_NEAR(m.nodes[d].betweenness, 0, kExact);
  EXPECT_NEAR(m.nodes[c].closeness, 1, kExact);
  EXPECT_NEAR(m.nodes[a].closeness, 0.75, kExact);
  EXPECT_NEAR(m.nodes[d].closeness, 0.6, kExact);
  EXPECT_NEAR(m.nodes[a].pagerank, 0.245927818588, kExact);
  EXPECT_NEAR(m.nodes[b].pagerank, 0.245927818588, kExact);
  EXPECT_NEAR(m.nodes[c].pagerank, 0.366735867135, kExact);
  EXPECT_NEAR(m.nodes[d].pagerank, 0.141408495688, kExact);
  EXPECT_NEAR(pagerank_sum(m), 1, kExact);
  EXPECT_NEAR(m.nodes[c].eigenvector, 1, kExact);
  EXPECT_NEAR(m.nodes[a].eigenvector, 1 / (largest - 1), kExact);
  EXPECT_NEAR(m.nodes[d].eigenvector, 1 / largest, kExact);
}

// Two triangles joined by one bridge:
//
//   a           d
//   | \       / |
//   |  c --- e  |     (the bridge is c - e)
//   | /       \ |
//   b           f
//
// betweenness: every path from {a,b} to {e,d,f} crosses c: 2 x 3 = 6; likewise e.
// communities: the two triangles, Q = 2 (3/7 - (7/14)^2) = 5/14.
TEST(Measures, TwoTrianglesSplitAtTheBridge) {
  const auto network = network_of("source,target\na,b\nb,c\nc,a\nd,e\ne,f\nf,d\nc,e\n");
  const auto m = measures_of(network);
  ASSERT_EQ(m.nodes.size(), 6u);
  const auto at = [&](const char* id) { return m.nodes[*network.index_of(id)]; };
  EXPECT_NEAR(at("c").betweenness, 6, kExact);
  EXPECT_NEAR(at("e").betweenness, 6, kExact);
  EXPECT_NEAR(at("a").betweenness, 0, kExact);
  EXPECT_EQ(m.communities, 2);
  EXPECT_EQ(at("a").community, 0);
  EXPECT_EQ(at("b").community, 0);
  EXPECT_EQ(at("c").community, 0);
  EXPECT_EQ(at("d").community, 1);
  EXPECT_EQ(at("e").community, 1);
  EXPECT_EQ(at("f").community, 1);
  EXPECT_NEAR(m.modularity, 5.0 / 14, kExact);
}

// Weights: a triangle whose a-b tie is weak (1) and the others strong (3).
//
//      a
//   1 / \ 3
//    b---c
//      3
//
// As lengths 1/w: a-b direct costs 1, a-c-b costs 2/3, so the shortest a-b path runs through
// c: c's betweenness is 1. Unweighted, every pair is adjacent and nobody is between.
TEST(Measures, WeightsShortenStrongTiesAndCanBeSwitchedOff) {
  const auto network = network_of("source,target,weight\na,b,1\nb,c,3\nc,a,3\n");
  ASSERT_TRUE(network.weighted);
  const auto weighted = measures_of(network);
  EXPECT_TRUE(weighted.weights_used);
  EXPECT_NEAR(weighted.nodes[2].betweenness, 1, kExact);
  EXPECT_NEAR(pagerank_sum(weighted), 1, kExact);

  const auto plain = compute_measures(network, MeasureOptions{.use_weights = false});
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->weights_used);
  EXPECT_NEAR(plain->nodes[2].betweenness, 0, kExact);
}

// A pair and a loner: the loner reaches nobody, so closeness is undefined (NaN, as igraph);
// with no path through anyone, all betweenness is 0.
//
//   a --- b      c
TEST(Measures, IsolatedPersonHasNoCloseness) {
  Network network = network_of("source,target\na,b\n");
  network.nodes.push_back(testing::node("c"));
  const auto m = measures_of(network);
  ASSERT_EQ(m.nodes.size(), 3u);
  EXPECT_EQ(m.nodes[2].degree, 0);
  EXPECT_TRUE(std::isnan(m.nodes[2].closeness));
  EXPECT_NEAR(m.nodes[0].closeness, 1, kExact);
  EXPECT_NEAR(pagerank_sum(m), 1, kExact);
  EXPECT_EQ(m.communities, 2);
}

TEST(Measures, EmptyAndEdgelessNetworks) {
  const auto empty = compute_measures(Network{});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->nodes.empty());
  EXPECT_EQ(empty->communities, 0);

  Network loners;
  loners.nodes = {testing::node("a"), testing::node("b")};
  for (const bool weighted : {false, true}) {
    loners.weighted = weighted;
    const auto m = compute_measures(loners);
    ASSERT_TRUE(m.ok()) << m.error().message;
    EXPECT_EQ(m->communities, 2);  // everyone alone
    EXPECT_TRUE(std::isnan(m->modularity));
    EXPECT_NEAR(pagerank_sum(m.value()), 1, kExact);
  }
}

}  // namespace
}  // namespace peermap::analysis
