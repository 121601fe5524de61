// The scale check: on a 20,000-person network, betweenness sampled exactly as
// compute_measures samples it above 20,000 people (2,000 sources, the default seed) ranks people
// as the exact values do, Spearman >= 0.95. Exact betweenness of 20,000 people is 20,000 searches:
// seconds in a release build, minutes under ASan, so this runs in release builds only (label
// "scale").
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <limits>

#include "analysis/paths.hpp"
#include "sampling.hpp"

namespace peermap::analysis {
namespace {

using testing::preferential_attachment;
using testing::spearman;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(PathsAtScale, SampledBetweennessOfTwentyThousandPeopleRanksThemAsTheExactValuesDo) {
  // 20,001 people: one above the threshold, so the default options sample.
  const Network network = preferential_attachment(20001, 20261129, false);
  PathOptions exact_options;
  exact_options.sample_above = std::numeric_limits<std::size_t>::max();
  auto start = std::chrono::steady_clock::now();
  const PathMeasures exact = unweighted_path_measures(network, exact_options);
  const double exact_seconds = seconds_since(start);
  start = std::chrono::steady_clock::now();
  const PathMeasures sampled = unweighted_path_measures(network);  // the defaults
  const double sampled_seconds = seconds_since(start);
  ASSERT_FALSE(exact.sampled);
  ASSERT_TRUE(sampled.sampled);
  EXPECT_EQ(sampled.sources, PathOptions{}.samples);
  const double betweenness = spearman(exact.betweenness, sampled.betweenness);
  const double closeness = spearman(exact.closeness, sampled.closeness);
  std::cout << "  " << network.nodes.size() << " people, " << network.edges.size()
            << " ties: exact " << exact_seconds << " s, sampled from " << sampled.sources
            << " people " << sampled_seconds << " s; Spearman betweenness " << betweenness
            << ", closeness " << closeness << "\n";
  EXPECT_GE(betweenness, 0.95);
  EXPECT_GE(closeness, 0.95);
}

}  // namespace
}  // namespace peermap::analysis
