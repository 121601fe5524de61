// Shared by the sampling tests (paths_test.cpp, and the 20,000-person check in
// paths_scale_test.cpp): a network like real ones, and Spearman's rank correlation.
#pragma once

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "analysis/network.hpp"
#include "support/network_builder.hpp"

namespace peermap::testing {

//! Preferential attachment (Barabási–Albert): each new person ties to 3 earlier ones picked in
//! proportion to their ties so far, so a few hubs and many on the edge, as in real networks.
//! With `weighted`, each tie has a strength 1..3, as a document's ties do. No one is tied to
//! themself; a repeated pair stays a parallel tie.
inline analysis::Network preferential_attachment(std::size_t n, unsigned seed, bool weighted) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> strength(1, 3);
  analysis::Network network = numbered_network(n, {});
  network.weighted = weighted;
  std::vector<std::size_t> ends{0, 1};
  for (std::size_t v = 2; v < n; ++v) {
    const std::size_t earlier = ends.size();  // only people who came before v
    for (int k = 0; k < 3; ++k) {
      analysis::Edge e =
          edge(v, ends[std::uniform_int_distribution<std::size_t>(0, earlier - 1)(rng)]);
      if (weighted) e.weight = strength(rng);
      network.edges.push_back(e);
      ends.push_back(e.target);
      ends.push_back(v);
    }
  }
  return network;
}

//! Ranks 1..n, tied values sharing the mean of their ranks.
inline std::vector<double> ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t x, std::size_t y) { return values[x] < values[y]; });
  std::vector<double> rank(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    const double mean = (static_cast<double>(i) + static_cast<double>(j)) / 2 + 1;
    for (std::size_t k = i; k <= j; ++k) rank[order[k]] = mean;
    i = j + 1;
  }
  return rank;
}

//! Spearman's rank correlation: Pearson's correlation of the ranks, ties given mean ranks (so
//! people tied in both lists, say at 0, do not make the lists look more alike than they are).
inline double spearman(const std::vector<double>& a, const std::vector<double>& b) {
  const auto ra = ranks(a);
  const auto rb = ranks(b);
  const auto n = static_cast<double>(a.size());
  const double mean = (n + 1) / 2;
  double ab = 0;
  double aa = 0;
  double bb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ab += (ra[i] - mean) * (rb[i] - mean);
    aa += (ra[i] - mean) * (ra[i] - mean);
    bb += (rb[i] - mean) * (rb[i] - mean);
  }
  return ab / std::sqrt(aa * bb);
}

}  // namespace peermap::testing
