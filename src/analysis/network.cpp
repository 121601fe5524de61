#include "analysis/network.hpp"

#include "analysis/csv.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>
#include <unordered_map>
#include <utility>

namespace peermap::analysis {

std::optional<std::size_t> Network::index_of(std::string_view id) const {
  const auto found =
      std::find_if(nodes.begin(), nodes.end(), [&](const Node& node) { return node.id == id; });
  if (found == nodes.end()) return std::nullopt;
  return static_cast<std::size_t>(found - nodes.begin());
}

// ---- from a document -------------------------------------------------------------------------

namespace {

Error invalid(std::string message) { return Error{ErrorKind::Invalid, std::move(message)}; }

//! Points a directed tie from `by` (the controller or leader), who must be one of its ends.
Status orient(Edge& edge, const model::Tie& tie, const std::string& by, std::size_t from,
              std::size_t to, std::string_view what) {
  if (by == tie.from) {
    edge.source = from;
    edge.target = to;
  } else if (by == tie.to) {
    edge.source = to;
    edge.target = from;
  } else {
    return invalid("tie " + tie.id + ": the " + std::string(what) + " \"" + by +
                   "\" is not one of its two people");
  }
  edge.directed = true;
  return ok_status();
}

}  // namespace

Result<Network> network_from_document(const model::Document& document) {
  Network network;
  network.weighted = true;  // every relationship tie has a strength
  network.nodes.reserve(document.people.size());
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& person : document.people) {
    index.emplace(person.id, network.nodes.size());
    // Age not known stays not known (nullopt): never silently a child.
    const auto age = model::age_class(person, document.map.map_date);
    network.nodes.push_back(Node{person.id, person.full_name, person.role, person.gender,
                                 age == model::AgeClass::NotKnown
                                     ? std::nullopt
                                     : std::optional<bool>(age == model::AgeClass::Adult)});
  }
  for (const auto& tie : document.ties) {
    if (tie.kind != model::TieKind::Relationship) continue;
    const auto from = index.find(tie.from);
    const auto to = index.find(tie.to);
    if (from == index.end() || to == index.end()) {
      const auto& missing = from == index.end() ? tie.from : tie.to;
      return invalid("tie " + tie.id + ": \"" + missing + "\" is not a person");
    }
    if (tie.strength <= 0) {
      return invalid("tie " + tie.id + ": strength must be at least 1");
    }
    Edge edge{from->second, to->second, static_cast<double>(tie.strength), false, false,
              tie.id,       tie.nature};
    if (tie.exploitation_by) {
      auto oriented =
          orient(edge, tie, *tie.exploitation_by, from->second, to->second, "controlling person");
      if (!oriented) return oriented.error();
      edge.exploitation = true;
    } else if (tie.influence_leader) {
      auto oriented = orient(edge, tie, *tie.influence_leader, from->second, to->second, "leader");
      if (!oriented) return oriented.error();
    }
    network.edges.push_back(std::move(edge));
  }
  return network;
}

// ---- CSV edge list ---------------------------------------------------------------------------

namespace {

using csv::blank;
using csv::CsvReader;
using csv::Field;
using csv::lower;
using csv::Record;

//! The number of columns the header names (2 or 3).
Result<std::size_t> read_header(const Record& header) {
  constexpr std::array<std::string_view, 3> kColumns{"source", "target", "weight"};
  const std::string expected = "the header row must be source,target or source,target,weight";
  if (header.size() < 2 || header.size() > kColumns.size()) {
    return invalid(header.front().where() + ": " + expected);
  }
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (lower(header[i].text) != kColumns[i]) {
      return invalid(header[i].where() + ": column " + std::to_string(i + 1) + " is \"" +
                     header[i].text + "\"; " + expected);
    }
  }
  return header.size();
}

Result<double> read_weight(const Field& field) {
  double weight = 0;
  const char* begin = field.text.data();
  const char* end = begin + field.text.size();
  const auto [stop, code] = std::from_chars(begin, end, weight);
  if (field.text.empty() || code != std::errc{} || stop != end || !std::isfinite(weight) ||
      weight <= 0) {
    return invalid(field.where() + ": weight \"" + field.text + "\" is not a number above 0");
  }
  return weight;
}

}  // namespace

Result<Network> parse_edge_list_csv(std::string_view text) {
  CsvReader reader(text);
  Record header;
  while (!reader.at_end() && (header.empty() || blank(header))) {
    auto record = reader.next();
    if (!record) return record.error();
    header = std::move(record.value());
  }
  if (header.empty() || blank(header)) {
    return invalid("1:1: the edge list is empty; it needs a header row source,target[,weight]");
  }
  const auto columns = read_header(header);
  if (!columns) return columns.error();

  Network network;
  network.weighted = columns.value() == 3;
  std::unordered_map<std::string, std::size_t> index;
  const auto node_for = [&](const std::string& label) {
    const auto [found, added] = index.emplace(label, network.nodes.size());
    if (added)
      network.nodes.push_back(Node{label, label, std::nullopt, model::Gender::Unknown, {}});
    return found->second;
  };
  while (!reader.at_end()) {
    auto next = reader.next();
    if (!next) return next.error();
    const Record& row = next.value();
    if (blank(row)) continue;
    if (row.size() != columns.value()) {
      const Field& at = row.size() > columns.value() ? row[columns.value()] : row.back();
      return invalid(at.where() + ": the row has " + std::to_string(row.size()) +
                     (row.size() == 1 ? " field" : " fields") + "; the header has " +
                     std::to_string(columns.value()));
    }
    for (std::size_t i = 0; i < 2; ++i) {
      if (row[i].text.empty()) {
        return invalid(row[i].where() + ": the " + (i == 0 ? "source" : "target") + " is empty");
      }
    }
    if (row[0].text == row[1].text) {
      return invalid(row[1].where() + ": \"" + row[1].text + "\" is tied to itself");
    }
    Edge edge;
    if (network.weighted) {
      const auto weight = read_weight(row[2]);
      if (!weight) return weight.error();
      edge.weight = weight.value();
    }
    edge.source = node_for(row[0].text);
    edge.target = node_for(row[1].text);
    network.edges.push_back(std::move(edge));
  }
  return network;
}

}  // namespace peermap::analysis
