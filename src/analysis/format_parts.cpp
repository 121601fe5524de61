#include "analysis/format_parts.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include "analysis/csv.hpp"
#include "model/vocabulary.hpp"

namespace peermap::analysis::detail {

Error invalid(std::string message) { return Error{ErrorKind::Invalid, std::move(message)}; }

Error at(const std::string& where, const Error& error) {
  return invalid(where + ": " + error.message);
}

std::string number_text(double value) {
  char buffer[32];
  auto* const end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return std::string(buffer, end);
}

Result<double> weight_from(std::string_view text) {
  double weight = 0;
  const char* end = text.data() + text.size();
  const auto [stop, code] = std::from_chars(text.data(), end, weight);
  if (text.empty() || code != std::errc{} || stop != end || !std::isfinite(weight) || weight <= 0) {
    return invalid("weight \"" + std::string(text) + "\" is not a number above 0");
  }
  return weight;
}

Result<bool> bool_from(std::string_view field, std::string_view text) {
  const std::string value = csv::lower(std::string(text));
  if (value == "true" || value == "1") return true;
  if (value == "false" || value == "0") return false;
  return invalid(std::string(field) + " \"" + std::string(text) + "\" is not true or false");
}

Status check_length(std::string_view field, std::string_view value, const ReadLimits& limits) {
  if (value.size() <= limits.max_text) return ok_status();
  return invalid("the " + std::string(field) + " is " + std::to_string(value.size()) +
                 " bytes long; the limit is " + std::to_string(limits.max_text));
}

Status set_node_field(Node& node, const std::string& field, std::string_view value) {
  if (value.empty()) return ok_status();
  if (field == "name") {
    node.name = value;
  } else if (field == "label") {
    if (node.name == node.id) node.name = value;  // a name, if the file has one, wins
  } else if (field == "kind" || field == "role") {
    const auto role = model::role_named(csv::lower(std::string(value)));
    if (!role) return invalid("kind \"" + std::string(value) + "\" is not a peermap role");
    node.kind = role;
  } else if (field == "gender") {
    const auto gender = model::gender_named(csv::lower(std::string(value)));
    if (!gender) return invalid("gender \"" + std::string(value) + "\" is not a peermap gender");
    node.gender = *gender;
  } else if (field == "adult") {
    const auto adult = bool_from("adult", value);
    if (!adult) return adult.error();
    node.adult = adult.value();
  }
  return ok_status();
}

Status set_edge_field(Edge& edge, const std::string& field, std::string_view value,
                      bool& weighted) {
  if (value.empty()) return ok_status();
  if (field == "weight" || field == "strength") {
    const auto weight = weight_from(value);
    if (!weight) return weight.error();
    edge.weight = weight.value();
    weighted = true;
  } else if (field == "nature") {
    edge.nature = value;
  } else if (field == "directed" || field == "exploitation") {
    const auto flag = bool_from(field, value);
    if (!flag) return flag.error();
    (field == "directed" ? edge.directed : edge.exploitation) = flag.value();
  } else if (field == "id") {
    edge.id = value;
  }
  return ok_status();
}

Status NetworkBuilder::add_node(std::string_view id, const std::string& where) {
  if (id.empty()) return invalid(where + ": a person has no id");
  if (auto length = check_length("id", id, limits_); !length) return at(where, length.error());
  const auto [found, added] = index_.emplace(std::string(id), network_.nodes.size());
  if (!added) return invalid(where + ": the id \"" + std::string(id) + "\" is used twice");
  network_.nodes.push_back(
      Node{std::string(id), std::string(id), std::nullopt, model::Gender::Unknown, std::nullopt});
  return ok_status();
}

Status NetworkBuilder::add_edge(Edge edge, std::string_view source, std::string_view target,
                                const std::string& where) {
  std::size_t ends[2] = {0, 0};
  const std::string_view ids[2] = {source, target};
  for (int i = 0; i < 2; ++i) {
    const char* what = i == 0 ? "source" : "target";
    if (ids[i].empty()) return invalid(where + ": a tie has no " + what);
    if (auto length = check_length(what, ids[i], limits_); !length) {
      return at(where, length.error());
    }
    const auto found = index_.find(std::string(ids[i]));
    if (found == index_.end()) {
      return invalid(where + ": the tie's " + what + " \"" + std::string(ids[i]) +
                     "\" is not a person in the file");
    }
    ends[i] = found->second;
  }
  if (ends[0] == ends[1]) {
    return invalid(where + ": \"" + std::string(source) + "\" is tied to itself");
  }
  edge.source = ends[0];
  edge.target = ends[1];
  if (edge.exploitation) edge.directed = true;
  network_.edges.push_back(std::move(edge));
  return ok_status();
}

Result<Network> NetworkBuilder::finish(const std::string& where) {
  if (network_.nodes.empty()) return invalid(where + ": no people: the network is empty");
  return std::move(network_);
}

}  // namespace peermap::analysis::detail
