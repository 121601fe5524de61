// People and ties as two CSV files, in and out. Cells a spreadsheet would run as formulas are
// neutralised on writing (csv_cell) and restored on reading, so values round-trip.
#include <algorithm>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "analysis/csv.hpp"
#include "analysis/format_parts.hpp"
#include "analysis/formats.hpp"
#include "model/vocabulary.hpp"

namespace peermap::analysis {

using detail::at;
using detail::bool_text;
using detail::check_length;
using detail::invalid;
using detail::NetworkBuilder;
using detail::number_text;
using detail::set_edge_field;
using detail::set_node_field;

namespace {

constexpr std::string_view kFormulaStarts = "=+-@\t\r";

//! A value a spreadsheet would run as a formula, after any quotes already put before one.
bool needs_neutralising(std::string_view value) {
  const auto first = value.find_first_not_of('\'');
  return first != std::string_view::npos &&
         kFormulaStarts.find(value[first]) != std::string_view::npos;
}

//! Undoes csv_cell's neutralising quote.
std::string cell_value(std::string text) {
  if (text.starts_with('\'') && needs_neutralising(text)) text.erase(0, 1);
  return text;
}

//! A CSV file's header (lower-case names) and rows, each row as long as the header.
struct CsvTable {
  std::vector<std::string> columns;
  std::vector<csv::Record> rows;
  std::string header_where = "1:1";
};

Result<CsvTable> read_table(std::string_view text, std::string_view what,
                            const ReadLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return invalid("1:1: the file is " + std::to_string(text.size()) + " bytes; the limit is " +
                   std::to_string(limits.max_bytes));
  }
  csv::CsvReader reader(text);
  CsvTable table;
  csv::Record header;
  while (!reader.at_end() && (header.empty() || csv::blank(header))) {
    auto record = reader.next();
    if (!record) return record.error();
    header = std::move(record.value());
  }
  if (header.empty() || csv::blank(header)) {
    return invalid("1:1: no people: the " + std::string(what) + " file is empty");
  }
  table.header_where = header.front().where();
  for (const auto& field : header) table.columns.push_back(csv::lower(field.text));
  while (!reader.at_end()) {
    auto next = reader.next();
    if (!next) return next.error();
    csv::Record& row = next.value();
    if (csv::blank(row)) continue;
    if (row.size() != header.size()) {
      const csv::Field& where = row.size() > header.size() ? row[header.size()] : row.back();
      return invalid(where.where() + ": the row has " + std::to_string(row.size()) +
                     " fields; the header has " + std::to_string(header.size()));
    }
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (auto length = check_length(table.columns[i], row[i].text, limits); !length) {
        return at(row[i].where(), length.error());
      }
      row[i].text = cell_value(std::move(row[i].text));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

//! The index of a required column.
Result<std::size_t> column(const CsvTable& table, std::string_view name) {
  const auto found = std::find(table.columns.begin(), table.columns.end(), name);
  if (found == table.columns.end()) {
    return invalid(table.header_where + ": the header has no " + std::string(name) + " column");
  }
  return static_cast<std::size_t>(found - table.columns.begin());
}

std::string csv_row(std::initializer_list<std::string_view> cells) {
  std::string row;
  for (const auto cell : cells) {
    if (!row.empty()) row += ',';
    row += csv_cell(cell);
  }
  return row + "\r\n";
}

}  // namespace

std::string csv_cell(std::string_view value) {
  std::string cell = needs_neutralising(value) ? "'" + std::string(value) : std::string(value);
  const bool quote = cell.find_first_of(",\"\r\n") != std::string::npos ||
                     (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t' ||
                                        cell.back() == ' ' || cell.back() == '\t'));
  if (!quote) return cell;
  std::string quoted = "\"";
  for (const char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

PeopleAndTiesCsv write_people_and_ties_csv(const Network& network) {
  PeopleAndTiesCsv out;
  out.people = csv_row({"id", "name", "kind", "gender", "adult"});
  for (const auto& node : network.nodes) {
    out.people +=
        csv_row({node.id, node.name, node.kind ? model::role_name(*node.kind) : "",
                 model::gender_name(node.gender), node.adult ? bool_text(*node.adult) : ""});
  }
  out.ties = csv_row({"source", "target", "weight", "nature", "directed", "exploitation", "id"});
  for (const auto& edge : network.edges) {
    const std::string weight = network.weighted ? number_text(edge.weight) : "";
    out.ties +=
        csv_row({network.nodes[edge.source].id, network.nodes[edge.target].id, weight, edge.nature,
                 bool_text(edge.directed), bool_text(edge.exploitation), edge.id});
  }
  return out;
}

Result<Network> read_people_csv(std::string_view text, const ReadLimits& limits) {
  auto table = read_table(text, "people", limits);
  if (!table) return table.error();
  const auto id = column(table.value(), "id");
  if (!id) return id.error();
  NetworkBuilder builder(limits);
  for (const auto& row : table->rows) {
    if (auto added = builder.add_node(row[id.value()].text, row[id.value()].where()); !added) {
      return added.error();
    }
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i == id.value()) continue;
      if (auto set = set_node_field(builder.last_node(), table->columns[i], row[i].text); !set) {
        return at(row[i].where(), set.error());
      }
    }
  }
  return builder.finish(table->header_where);
}

Status add_ties_csv(Network& network, std::string_view text, const ReadLimits& limits) {
  auto table = read_table(text, "ties", limits);
  if (!table) return table.error();
  const auto source = column(table.value(), "source");
  if (!source) return source.error();
  const auto target = column(table.value(), "target");
  if (!target) return target.error();
  NetworkBuilder builder(limits);
  for (const auto& node : network.nodes) {
    if (auto added = builder.add_node(node.id, "1:1"); !added) return added.error();
    builder.last_node() = node;
  }
  builder.weighted() = network.weighted;
  for (const auto& row : table->rows) {
    Edge edge;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i == source.value() || i == target.value()) continue;
      if (auto set = set_edge_field(edge, table->columns[i], row[i].text, builder.weighted());
          !set) {
        return at(row[i].where(), set.error());
      }
    }
    auto added = builder.add_edge(std::move(edge), row[source.value()].text,
                                  row[target.value()].text, row[target.value()].where());
    if (!added) return added.error();
  }
  auto built = builder.finish(table->header_where);
  if (!built) return built.error();
  network = std::move(built.value());
  return ok_status();
}

}  // namespace peermap::analysis
