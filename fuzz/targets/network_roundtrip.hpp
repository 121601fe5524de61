// The rule every network format's target checks: what a reader accepted, written by the same
// format's writer, reads back as the same people and ties (docs/network-formats.md: names,
// kinds, genders, adult flags, tie nature, strength and direction are kept).
#pragma once

#include <cmath>
#include <cstddef>
#include <string>

#include "analysis/network.hpp"
#include "base/result.hpp"
#include "fuzz_support.hpp"

namespace peermap::fuzz {

//! Relative difference allowed between a weight and its written-and-read-back value.
inline constexpr double kWeightTolerance = 1e-9;

inline void check_read_back(const analysis::Network& read, const Result<analysis::Network>& again,
                            const std::string& format) {
  if (!again)
    broken(("a network read from " + format + " reads back once written").c_str(),
           again.error().message);
  const auto& back = again.value();
  if (back.nodes != read.nodes) broken(("people read back from " + format + " unchanged").c_str());
  if (back.edges.size() != read.edges.size()) {
    broken(("ties read back from " + format + " unchanged").c_str());
  }
  for (std::size_t i = 0; i < read.edges.size(); ++i) {
    auto expected = read.edges[i];
    auto got = back.edges[i];
    const bool same_weight = !read.weighted || std::abs(got.weight - expected.weight) <=
                                                   kWeightTolerance * std::abs(expected.weight);
    expected.weight = got.weight = 1;
    // GEXF requires edge ids: write_gexf names a tie that has none "e<index>".
    if (expected.id.empty()) got.id.clear();
    if (!same_weight || got != expected) {
      broken(("ties read back from " + format + " unchanged").c_str(), std::to_string(i));
    }
  }
}

}  // namespace peermap::fuzz
