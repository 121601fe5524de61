// The network that analysis works on: people as nodes, ties between them as edges. Plain
// data, independent of igraph; built from a peer map document or read from a CSV edge list.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "model/document.hpp"

namespace peermap::analysis {

struct Node {
  std::string id;                   //!< the document's person id, or the CSV's node label
  std::string name;                 //!< full name; the label when the input has no names
  std::optional<model::Role> kind;  //!< nullopt when the input does not say
  model::Gender gender = model::Gender::Unknown;
  std::optional<bool> adult;  //!< at the map date; nullopt when the input does not say or
                              //!< the age is not known (model::age_class)
  bool operator==(const Node&) const = default;
};

struct Edge {
  std::size_t source = 0;     //!< index into Network::nodes; the controller or leader when directed
  std::size_t target = 0;     //!< index into Network::nodes
  double weight = 1;          //!< > 0; the tie's strength (1 weak .. 3 strong) for a document
  bool directed = false;      //!< an exploitation/control or influence (leader -> follower) tie
  bool exploitation = false;  //!< directed because of exploitation or control
  std::string id;             //!< the document's tie id; empty for a CSV edge list
  std::string nature;         //!< the tie's nature ("friend", "family", ...); empty when not said
  bool operator==(const Edge&) const = default;
};

struct Network {
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  bool weighted = false;  //!< the input carried weights (a CSV weight column, a tie strength)

  //! Index of the node with this id. O(n).
  [[nodiscard]] std::optional<std::size_t> index_of(std::string_view id) const;
  bool operator==(const Network&) const = default;
};

//! The people of a document as nodes (in document order) and its relationship ties as edges,
//! weighted by strength; "frequents" and "member of" ties are left out. An exploitation tie
//! points from the controlling person, an influence tie from the leader. A relationship tie
//! naming someone who is not a person is an Invalid error. O(n + m).
[[nodiscard]] Result<Network> network_from_document(const model::Document& document);

//! Reads a CSV edge list: a header row `source,target` or `source,target,weight` (any case),
//! then one edge a row. Fields may be double-quoted ("" inside quotes is a quote); blank rows
//! are skipped. Nodes are numbered in order of first appearance and named by their label.
//! Weights must be finite and > 0; a node tied to itself is an error. Edges are undirected;
//! a repeated pair stays a parallel edge (as igraph reads it).
//! Errors are Invalid and start with "line:column: ". O(bytes + m).
[[nodiscard]] Result<Network> parse_edge_list_csv(std::string_view text);

}  // namespace peermap::analysis
