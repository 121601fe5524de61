// Private to analysis: what the network-format units share (formats.cpp, graphml_gexf.cpp,
// csv_format.cpp): placed errors, the value rules and the NetworkBuilder every reader fills.
// Not for other modules; they see formats.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "analysis/formats.hpp"
#include "analysis/network.hpp"
#include "base/result.hpp"

namespace peermap::analysis::detail {

Error invalid(std::string message);

//! An error of a value, placed: "where: message".
Error at(const std::string& where, const Error& error);

// ---- values ----------------------------------------------------------------------------------

//! The shortest text that reads back as the same double.
std::string number_text(double value);

Result<double> weight_from(std::string_view text);

Result<bool> bool_from(std::string_view field, std::string_view text);

inline const char* bool_text(bool value) { return value ? "true" : "false"; }

//! Refuses a value longer than the limit, before it is copied anywhere.
Status check_length(std::string_view field, std::string_view value, const ReadLimits& limits);

//! Sets one of a node's attributes from its name in a file; unknown attributes are ignored.
//! An empty value means "not said".
Status set_node_field(Node& node, const std::string& field, std::string_view value);

//! Sets one of an edge's attributes from its name in a file; unknown attributes are ignored.
Status set_edge_field(Edge& edge, const std::string& field, std::string_view value, bool& weighted);

//! Collects people and ties, checking ids as they come.
class NetworkBuilder {
 public:
  explicit NetworkBuilder(const ReadLimits& limits) : limits_(limits) {}

  Status add_node(std::string_view id, const std::string& where);
  Node& last_node() { return network_.nodes.back(); }
  bool& weighted() { return network_.weighted; }

  //! An edge between two known people; an exploitation tie is directed.
  Status add_edge(Edge edge, std::string_view source, std::string_view target,
                  const std::string& where);

  Result<Network> finish(const std::string& where);

 private:
  Network network_;
  ReadLimits limits_;
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace peermap::analysis::detail
