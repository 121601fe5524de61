// Zachary's karate club (W. W. Zachary, J. Anthropol. Res. 33, 1977): 34 members, 78 ties,
// the standard edge list in data/karate.csv (members numbered 1..34 as in the paper).
// Published values: igraph / networkx on the same list, as printed to four decimals.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>

#include "analysis/measures.hpp"
#include "analysis/network.hpp"

namespace peermap::analysis {
namespace {

//! A value published to four decimals is right when it rounds to them: within half a unit
//! of the last place. (A relative 1e-4 would be tighter than the rounding for values near 0.1.)
constexpr double kFourDecimals = 0.5e-4;
constexpr double kThreeDecimals = 0.5e-3;
constexpr double kExact = 1e-9;

Network karate() {
  const std::string path = std::string(PEERMAP_SOURCE_DIR) + "/tests/analysis/data/karate.csv";
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::ostringstream text;
  text << in.rdbuf();
  auto network = parse_edge_list_csv(text.str());
  EXPECT_TRUE(network.ok()) << (network.ok() ? "" : network.error().message);
  return network.ok() ? network.value() : Network{};
}

class KarateClub : public ::testing::Test {
 protected:
  void SetUp() override {
    network_ = karate();
    auto measures = compute_measures(network_);
    ASSERT_TRUE(measures.ok()) << measures.error().message;
    measures_ = measures.value();
  }
  //! The measures of member `number` (1-based, as in the paper).
  [[nodiscard]] const NodeMeasures& member(int number) const {
    const auto index = network_.index_of(std::to_string(number));
    EXPECT_TRUE(index.has_value()) << "no member " << number;
    return measures_.nodes.at(index.value_or(0));
  }
  Network network_;
  Measures measures_;
};

TEST_F(KarateClub, HasThirtyFourMembersAndSeventyEightTies) {
  EXPECT_EQ(network_.nodes.size(), 34u);
  EXPECT_EQ(network_.edges.size(), 78u);
  EXPECT_FALSE(network_.weighted);
  EXPECT_FALSE(measures_.weights_used);
}

TEST_F(KarateClub, DegreeOfTheInstructorAndTheAdministrator) {
  EXPECT_EQ(member(34).degree, 17);
  EXPECT_EQ(member(1).degree, 16);
  const auto most = std::max_element(
      measures_.nodes.begin(), measures_.nodes.end(),
      [](const NodeMeasures& x, const NodeMeasures& y) { return x.degree < y.degree; });
  EXPECT_EQ(most->degree, 17);
}

TEST_F(KarateClub, Betweenness) {
  EXPECT_NEAR(member(1).betweenness, 231.0714, kFourDecimals);
  EXPECT_NEAR(member(34).betweenness, 160.5516, kFourDecimals);
  EXPECT_NEAR(member(33).betweenness, 76.6905, kFourDecimals);
  EXPECT_NEAR(member(3).betweenness, 75.8508, kFourDecimals);
  EXPECT_NEAR(member(12).betweenness, 0, kExact);  // a pendant of member 1
}

TEST_F(KarateClub, Closeness) {
  // Member 1's distances to the other 33 sum to 58, member 34's to 60.
  EXPECT_NEAR(member(1).closeness, 33.0 / 58, kExact);
  EXPECT_NEAR(member(34).closeness, 33.0 / 60, kExact);
}

TEST_F(KarateClub, EigenvectorCentrality) {
  EXPECT_NEAR(member(34).eigenvector, 1, kExact);
  EXPECT_NEAR(member(1).eigenvector, 0.952, kThreeDecimals);
  for (const auto& node : measures_.nodes) EXPECT_LE(node.eigenvector, 1 + kExact);
}

TEST_F(KarateClub, PageRank) {
  const double sum =
      std::accumulate(measures_.nodes.begin(), measures_.nodes.end(), 0.0,
                      [](double total, const NodeMeasures& node) { return total + node.pagerank; });
  EXPECT_NEAR(sum, 1, kExact);
  EXPECT_NEAR(member(34).pagerank, 0.1009, kFourDecimals);
  EXPECT_NEAR(member(1).pagerank, 0.0970, kFourDecimals);
}

TEST_F(KarateClub, LeidenFindsAHighModularitySplit) {
  // The best partition known has Q = 0.4198 (4 communities).
  EXPECT_GE(measures_.modularity, 0.41);
  EXPECT_LE(measures_.modularity, 0.4198 + kFourDecimals);
  EXPECT_GE(measures_.communities, 3);
  // The two leaders end up apart.
  EXPECT_NE(member(1).community, member(34).community);
}

TEST_F(KarateClub, SameNetworkSameResults) {
  for (int run = 0; run < 3; ++run) {
    const auto again = compute_measures(network_);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value(), measures_) << "run " << run;
  }
}

}  // namespace
}  // namespace peermap::analysis
