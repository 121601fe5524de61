// Padgett's Florentine families (marriage ties, 15 families, 20 ties; Pucci, with no marriage
// ties, left out as in networkx and igraph's examples), data in data/florentine.csv. The
// published betweenness (networkx, normalised by 2/((n-1)(n-2)) = 1/91) is checked
// unnormalised, as igraph reports it: the Medici broker 47.5 of the 91 pairs' routes.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "analysis/measures.hpp"
#include "analysis/network.hpp"

namespace peermap::analysis {
namespace {

constexpr double kPublished = 1e-3;  // published to 4 decimals of a normalised value

struct Florentine : ::testing::Test {
  void SetUp() override {
    std::ifstream in(std::string(PEERMAP_SOURCE_DIR) + "/tests/analysis/data/florentine.csv");
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = parse_edge_list_csv(text.str());
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    network = std::move(parsed).value();
    auto computed = compute_measures(network);
    ASSERT_TRUE(computed.ok()) << computed.error().message;
    measures = std::move(computed).value();
  }
  [[nodiscard]] const NodeMeasures& of(const std::string& family) const {
    return measures.nodes[*network.index_of(family)];
  }
  Network network;
  Measures measures;
};

TEST_F(Florentine, HasFifteenFamiliesAndTwentyMarriages) {
  EXPECT_EQ(network.nodes.size(), 15u);
  EXPECT_EQ(network.edges.size(), 20u);
  EXPECT_EQ(of("Medici").degree, 6);
  EXPECT_EQ(of("Guadagni").degree, 4);
  EXPECT_EQ(of("Strozzi").degree, 4);
  EXPECT_EQ(of("Pazzi").degree, 1);
}

TEST_F(Florentine, BetweennessMatchesThePublishedValues) {
  const std::map<std::string, double> published{
      {"Medici", 47.5},       {"Guadagni", 23.1667}, {"Albizzi", 19.3333}, {"Salviati", 13.0},
      {"Ridolfi", 10.3333},   {"Bischeri", 9.5},     {"Strozzi", 9.3333},  {"Barbadori", 8.5},
      {"Tornabuoni", 8.3333}, {"Castellani", 5.0},   {"Peruzzi", 2.0},     {"Acciaiuoli", 0.0},
      {"Ginori", 0.0},        {"Lamberteschi", 0.0}, {"Pazzi", 0.0}};
  for (const auto& [family, value] : published) {
    EXPECT_NEAR(of(family).betweenness, value, kPublished) << family;
  }
}

TEST_F(Florentine, TheMediciAreClosestToEveryone) {
  // 14 other families at distances summing to 25: closeness 14/25.
  EXPECT_NEAR(of("Medici").closeness, 14.0 / 25.0, 1e-12);
  for (const auto& node : network.nodes) {
    EXPECT_LE(of(node.id).closeness, of("Medici").closeness + 1e-12) << node.id;
  }
}

}  // namespace
}  // namespace peermap::analysis
