// Every measure of the real networks in data/ (Zachary's karate club, Padgett's Florentine
// families) against python3-igraph's values for the same edge lists, to 1e-6 relative. The
// values were computed once by data/igraph_expected.py (Debian's python3-igraph 0.10.2, igraph's
// defaults) and are kept in data/NAME.igraph.csv, so the test needs no Python.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/measures.hpp"
#include "analysis/network.hpp"

namespace peermap::analysis {
namespace {

constexpr double kRelative = 1e-6;
constexpr double kZero = 1e-12;  //!< a value igraph gives as 0 must be 0 to this

std::string read(const std::string& name) {
  const std::string path = std::string(PEERMAP_SOURCE_DIR) + "/tests/analysis/data/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Expected {
  std::string id;
  double degree = 0;
  double betweenness = 0;
  double closeness = 0;
  double pagerank = 0;
  double eigenvector = 0;
};

//! NAME.igraph.csv: a "#" comment line, the header, then id and five numbers a row.
std::vector<Expected> expected(const std::string& name) {
  std::istringstream lines(read(name + ".igraph.csv"));
  std::string line;
  std::vector<Expected> rows;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("id,", 0) == 0) continue;
    std::istringstream cells(line);
    Expected row;
    std::getline(cells, row.id, ',');
    char comma = 0;
    cells >> row.degree >> comma >> row.betweenness >> comma >> row.closeness >> comma >>
        row.pagerank >> comma >> row.eigenvector;
    EXPECT_FALSE(cells.fail()) << name << ": cannot read \"" << line << "\"";
    rows.push_back(row);
  }
  return rows;
}

//! Checks one value; returns its relative difference (0 for values igraph gives as 0).
double expect_close(double ours, double theirs, const std::string& what) {
  const double tolerance = theirs == 0 ? kZero : kRelative * std::abs(theirs);
  EXPECT_NEAR(ours, theirs, tolerance) << what;
  return theirs == 0 ? 0 : std::abs(ours - theirs) / std::abs(theirs);
}

class IgraphReference : public ::testing::TestWithParam<std::string> {};

TEST_P(IgraphReference, EveryMeasureMatchesPythonIgraph) {
  const std::string name = GetParam();
  const auto network = parse_edge_list_csv(read(name + ".csv"));
  ASSERT_TRUE(network.ok()) << network.error().message;
  const auto measures = compute_measures(network.value());
  ASSERT_TRUE(measures.ok()) << measures.error().message;
  const auto rows = expected(name);
  ASSERT_EQ(rows.size(), network->nodes.size()) << name << ": the expected values are stale";
  double largest = 0;
  for (const Expected& row : rows) {
    const auto index = network->index_of(row.id);
    ASSERT_TRUE(index.has_value()) << name << ": no node " << row.id;
    const NodeMeasures& m = measures->nodes[*index];
    const std::string who = name + " " + row.id + ": ";
    EXPECT_EQ(static_cast<double>(m.degree), row.degree) << who << "degree";
    for (const double difference :
         {expect_close(m.betweenness, row.betweenness, who + "betweenness"),
          expect_close(m.closeness, row.closeness, who + "closeness"),
          expect_close(m.pagerank, row.pagerank, who + "pagerank"),
          expect_close(m.eigenvector, row.eigenvector, who + "eigenvector")}) {
      largest = std::max(largest, difference);
    }
  }
  std::cout << "  " << name << ": largest relative difference from python3-igraph " << largest
            << "\n";
}

INSTANTIATE_TEST_SUITE_P(RealNetworks, IgraphReference, ::testing::Values("karate", "florentine"),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           return param.param;
                         });

}  // namespace
}  // namespace peermap::analysis
