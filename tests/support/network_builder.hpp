// Networks written by hand for the analysis tests: people known only by a label, ties between
// them by index. For a whole peer map document, see document_builder.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "analysis/network.hpp"

namespace peermap::testing {

//! A person known only by a label (id and name alike): no role, gender or age.
inline analysis::Node node(std::string id) {
  analysis::Node n;
  n.name = id;
  n.id = std::move(id);
  return n;
}

//! An undirected tie between the people at these indices.
inline analysis::Edge edge(std::size_t source, std::size_t target, double weight = 1) {
  analysis::Edge e;
  e.source = source;
  e.target = target;
  e.weight = weight;
  return e;
}

//! People n0 .. n<count - 1> and undirected ties between them by index, in the order given.
inline analysis::Network numbered_network(
    std::size_t count, const std::vector<std::pair<std::size_t, std::size_t>>& ties) {
  analysis::Network network;
  network.nodes.reserve(count);
  for (std::size_t i = 0; i < count; ++i) network.nodes.push_back(node("n" + std::to_string(i)));
  for (const auto& [a, b] : ties) network.edges.push_back(edge(a, b));
  return network;
}

}  // namespace peermap::testing
