#include "analysis/formats.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <pugixml.hpp>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/csv.hpp"
#include "model/json_io.hpp"
#include "model/vocabulary.hpp"

namespace peermap::analysis {

namespace {

Error invalid(std::string message) { return Error{ErrorKind::Invalid, std::move(message)}; }

//! An error of a value, placed: "where: message".
Error at(const std::string& where, const Error& error) {
  return invalid(where + ": " + error.message);
}

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         csv::lower(std::string(text.substr(text.size() - suffix.size()))) == suffix;
}

// ---- values ----------------------------------------------------------------------------------

std::string number_text(double value) {
  char buffer[32];
  auto* const end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return std::string(buffer, end);
}

Result<double> weight_from(std::string_view text) {
  double weight = 0;
  const char* end = text.data() + text.size();
  const auto [stop, code] = std::from_chars(text.data(), end, weight);
  if (text.empty() || code != std::errc{} || stop != end || !std::isfinite(weight) ||
      weight <= 0) {
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

//! Refuses a value longer than the limit, before it is copied anywhere.
Status check_length(std::string_view field, std::string_view value, const ReadLimits& limits) {
  if (value.size() <= limits.max_text) return ok_status();
  return invalid("the " + std::string(field) + " is " + std::to_string(value.size()) +
                 " bytes long; the limit is " + std::to_string(limits.max_text));
}

//! Sets one of a node's attributes from its name in a file; unknown attributes are ignored.
//! An empty value means "not said".
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

//! Sets one of an edge's attributes from its name in a file; unknown attributes are ignored.
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

//! Collects people and ties, checking ids as they come.
class NetworkBuilder {
 public:
  explicit NetworkBuilder(const ReadLimits& limits) : limits_(limits) {}

  Status add_node(std::string_view id, const std::string& where) {
    if (id.empty()) return invalid(where + ": a person has no id");
    if (auto length = check_length("id", id, limits_); !length) return at(where, length.error());
    const auto [found, added] = index_.emplace(std::string(id), network_.nodes.size());
    if (!added) return invalid(where + ": the id \"" + std::string(id) + "\" is used twice");
    network_.nodes.push_back(Node{std::string(id), std::string(id), std::nullopt,
                                  model::Gender::Unknown, std::nullopt});
    return ok_status();
  }
  Node& last_node() { return network_.nodes.back(); }
  bool& weighted() { return network_.weighted; }

  //! An edge between two known people; an exploitation tie is directed.
  Status add_edge(Edge edge, std::string_view source, std::string_view target,
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

  Result<Network> finish(const std::string& where) {
    if (network_.nodes.empty()) return invalid(where + ": no people: the network is empty");
    return std::move(network_);
  }

 private:
  Network network_;
  ReadLimits limits_;
  std::unordered_map<std::string, std::size_t> index_;
};

// ---- XML -------------------------------------------------------------------------------------

//! pugixml keeps a DOCTYPE as a node (so it can be refused) and never loads DTDs or external
//! entities; it expands only the five predefined and numeric character references.
constexpr unsigned kParseFlags = pugi::parse_default | pugi::parse_doctype;

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

//! A parsed XML file, refused if it is too large, has a DOCTYPE or nests too deep.
class XmlInput {
 public:
  XmlInput(std::string_view text, const ReadLimits& limits) : text_(text), limits_(limits) {}

  Status load() {
    if (text_.size() > limits_.max_bytes) {
      return invalid("1:1: the file is " + std::to_string(text_.size()) +
                     " bytes; the limit is " + std::to_string(limits_.max_bytes));
    }
    const auto parsed =
        document_.load_buffer(text_.data(), text_.size(), kParseFlags, pugi::encoding_utf8);
    if (!parsed) {
      return invalid(where(parsed.offset) + ": not well-formed XML: " + parsed.description());
    }
    return check_tree();
  }

  [[nodiscard]] pugi::xml_node root() const { return document_.document_element(); }
  [[nodiscard]] const ReadLimits& limits() const { return limits_; }
  //! "line:column" of a byte offset. Each element's location is made as it is read, so lines
  //! are found by binary search over the line starts (listed once), not by a scan each time.
  [[nodiscard]] std::string where(std::ptrdiff_t offset) const {
    const std::size_t at = std::min(offset < 0 ? 0 : static_cast<std::size_t>(offset), text_.size());
    if (line_starts_.empty()) {
      line_starts_.push_back(0);
      for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
      }
    }
    const auto line = static_cast<std::size_t>(
        std::upper_bound(line_starts_.begin(), line_starts_.end(), at) - line_starts_.begin());
    const std::size_t start = line_starts_[line - 1];
    const std::string column = model::line_column(text_.substr(start), at - start);  // "1:column"
    return std::to_string(line) + column.substr(column.find(':'));
  }
  //! Where a node's markup starts: pugixml gives the offset of its name or contents, after the '<'.
  [[nodiscard]] std::string where(const pugi::xml_node& node) const {
    const std::ptrdiff_t offset = node.offset_debug();
    if (offset <= 0) return where(0);
    const auto start = text_.rfind('<', static_cast<std::size_t>(offset));
    return where(start == std::string_view::npos ? offset : static_cast<std::ptrdiff_t>(start));
  }

  //! A value, refused when longer than the limit.
  Result<std::string_view> value(const pugi::xml_node& node, std::string_view field,
                                 const char* text) const {
    const std::string_view value = text;
    if (auto length = check_length(field, value, limits_); !length) {
      return at(where(node), length.error());
    }
    return value;
  }

 private:
  //! Walks the tree without recursion, so depth costs no stack.
  Status check_tree() const {
    std::size_t depth = 1;
    pugi::xml_node node = document_.first_child();
    while (node) {
      if (node.type() == pugi::node_doctype) {
        return invalid(where(node) +
                       ": a DOCTYPE is not accepted: network files need no DTD or entities");
      }
      if (depth > limits_.max_depth) {
        return invalid(where(node) + ": elements are nested more than " +
                       std::to_string(limits_.max_depth) + " deep");
      }
      if (node.first_child()) {
        node = node.first_child();
        ++depth;
        continue;
      }
      while (node && !node.next_sibling()) {
        node = node.parent();
        --depth;
      }
      if (node) node = node.next_sibling();
    }
    return ok_status();
  }

  std::string_view text_;
  mutable std::vector<std::size_t> line_starts_;
  ReadLimits limits_;
  pugi::xml_document document_;
};

struct StringWriter final : pugi::xml_writer {
  std::string text;
  void write(const void* data, std::size_t size) override {
    text.append(static_cast<const char*>(data), size);
  }
};

std::string saved(const pugi::xml_document& document) {
  StringWriter writer;
  document.save(writer, "  ", pugi::format_default, pugi::encoding_utf8);
  return std::move(writer.text);
}

pugi::xml_document with_declaration() {
  pugi::xml_document document;
  auto declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  return document;
}

const char* bool_text(bool value) { return value ? "true" : "false"; }

//! Attribute ids (GraphML key ids, GEXF attribute ids) to the lower-case names they stand for.
using FieldNames = std::unordered_map<std::string, std::string>;

// ---- GraphML ---------------------------------------------------------------------------------

Result<Network> graphml_network(const XmlInput& in) {
  const pugi::xml_node root = in.root();
  if (local_name(root) != "graphml") {
    return invalid(in.where(root) + ": the root element is <" + std::string(root.name()) +
                   ">, not <graphml>");
  }
  FieldNames node_fields;
  FieldNames edge_fields;
  pugi::xml_node graph;
  for (const auto& child : root.children()) {
    if (local_name(child) == "graph" && !graph) graph = child;
    if (local_name(child) != "key") continue;
    const std::string id = child.attribute("id").value();
    std::string name = csv::lower(child.attribute("attr.name").value());
    if (name.empty()) name = csv::lower(id);
    const std::string_view domain = child.attribute("for").value();
    if (domain == "node" || domain == "all") node_fields[id] = name;
    if (domain == "edge" || domain == "all") edge_fields[id] = name;
  }
  if (!graph) return invalid(in.where(root) + ": no people: the file has no <graph>");
  const bool directed_default = std::string_view(graph.attribute("edgedefault").value()) == "directed";

  NetworkBuilder builder(in.limits());
  std::vector<pugi::xml_node> edges;
  for (const auto& child : graph.children()) {
    const std::string_view kind = local_name(child);
    if (kind == "edge") edges.push_back(child);
    if (kind != "node") continue;
    const auto id = in.value(child, "id", child.attribute("id").value());
    if (!id) return id.error();
    if (auto added = builder.add_node(id.value(), in.where(child)); !added) return added.error();
    for (const auto& data : child.children()) {
      if (local_name(data) != "data") continue;
      const auto field = node_fields.find(data.attribute("key").value());
      if (field == node_fields.end()) continue;
      const auto value = in.value(data, field->second, data.child_value());
      if (!value) return value.error();
      if (auto set = set_node_field(builder.last_node(), field->second, value.value()); !set) {
        return at(in.where(data), set.error());
      }
    }
  }
  for (const auto& element : edges) {
    Edge edge;
    edge.directed = directed_default;
    const std::string_view directed = element.attribute("directed").value();
    if (!directed.empty()) {
      const auto flag = bool_from("directed", directed);
      if (!flag) return at(in.where(element), flag.error());
      edge.directed = flag.value();
    }
    const auto id = in.value(element, "id", element.attribute("id").value());
    if (!id) return id.error();
    edge.id = id.value();
    for (const auto& data : element.children()) {
      if (local_name(data) != "data") continue;
      const auto field = edge_fields.find(data.attribute("key").value());
      if (field == edge_fields.end() || field->second == "id" || field->second == "directed") {
        continue;
      }
      const auto value = in.value(data, field->second, data.child_value());
      if (!value) return value.error();
      if (auto set = set_edge_field(edge, field->second, value.value(), builder.weighted()); !set) {
        return at(in.where(data), set.error());
      }
    }
    auto added = builder.add_edge(std::move(edge), element.attribute("source").value(),
                                  element.attribute("target").value(), in.where(element));
    if (!added) return added.error();
  }
  return builder.finish(in.where(graph));
}

// ---- GEXF ------------------------------------------------------------------------------------

//! The <attvalues> of a GEXF node or edge as (field name, value, element) triples.
template <typename Set>
Status read_attvalues(const XmlInput& in, const pugi::xml_node& owner, const FieldNames& fields,
                      Set&& set) {
  for (const auto& values : owner.children()) {
    if (local_name(values) != "attvalues") continue;
    for (const auto& entry : values.children()) {
      if (local_name(entry) != "attvalue") continue;
      pugi::xml_attribute key = entry.attribute("for");
      if (!key) key = entry.attribute("id");  // GEXF 1.1
      const auto field = fields.find(key.value());
      if (field == fields.end()) continue;
      const auto value = in.value(entry, field->second, entry.attribute("value").value());
      if (!value) return value.error();
      if (auto done = set(field->second, value.value()); !done) {
        return at(in.where(entry), done.error());
      }
    }
  }
  return ok_status();
}

Result<Network> gexf_network(const XmlInput& in) {
  const pugi::xml_node root = in.root();
  if (local_name(root) != "gexf") {
    return invalid(in.where(root) + ": the root element is <" + std::string(root.name()) +
                   ">, not <gexf>");
  }
  pugi::xml_node graph;
  for (const auto& child : root.children()) {
    if (local_name(child) == "graph") {
      graph = child;
      break;
    }
  }
  if (!graph) return invalid(in.where(root) + ": no people: the file has no <graph>");
  FieldNames node_fields;
  FieldNames edge_fields;
  pugi::xml_node nodes;
  pugi::xml_node edges;
  for (const auto& child : graph.children()) {
    const std::string_view kind = local_name(child);
    if (kind == "nodes" && !nodes) nodes = child;
    if (kind == "edges" && !edges) edges = child;
    if (kind != "attributes") continue;
    const std::string_view domain = child.attribute("class").value();
    FieldNames* fields =
        domain == "node" ? &node_fields : domain == "edge" ? &edge_fields : nullptr;
    if (fields == nullptr) continue;
    for (const auto& attribute : child.children()) {
      if (local_name(attribute) != "attribute") continue;
      std::string title = csv::lower(attribute.attribute("title").value());
      if (title.empty()) title = csv::lower(attribute.attribute("id").value());
      (*fields)[attribute.attribute("id").value()] = title;
    }
  }
  const bool directed_default =
      std::string_view(graph.attribute("defaultedgetype").value()) == "directed";

  NetworkBuilder builder(in.limits());
  for (const auto& element : nodes.children()) {
    if (local_name(element) != "node") continue;
    const auto id = in.value(element, "id", element.attribute("id").value());
    if (!id) return id.error();
    if (auto added = builder.add_node(id.value(), in.where(element)); !added) {
      return added.error();
    }
    Node& node = builder.last_node();
    const auto label = in.value(element, "label", element.attribute("label").value());
    if (!label) return label.error();
    if (!label->empty()) node.name = label.value();
    auto read = read_attvalues(in, element, node_fields,
                               [&](const std::string& field, std::string_view value) {
                                 return set_node_field(node, field, value);
                               });
    if (!read) return read.error();
  }
  for (const auto& element : edges.children()) {
    if (local_name(element) != "edge") continue;
    Edge edge;
    const std::string_view type = element.attribute("type").value();
    edge.directed = type.empty() ? directed_default : type == "directed";
    const auto id = in.value(element, "id", element.attribute("id").value());
    if (!id) return id.error();
    edge.id = id.value();
    if (const auto weight = element.attribute("weight")) {
      if (auto set = set_edge_field(edge, "weight", weight.value(), builder.weighted()); !set) {
        return at(in.where(element), set.error());
      }
    }
    auto read = read_attvalues(in, element, edge_fields,
                               [&](const std::string& field, std::string_view value) -> Status {
                                 if (field != "nature" && field != "exploitation") {
                                   return ok_status();
                                 }
                                 return set_edge_field(edge, field, value, builder.weighted());
                               });
    if (!read) return read.error();
    auto added = builder.add_edge(std::move(edge), element.attribute("source").value(),
                                  element.attribute("target").value(), in.where(element));
    if (!added) return added.error();
  }
  return builder.finish(in.where(graph));
}

// ---- CSV -------------------------------------------------------------------------------------

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

std::optional<NetworkFormat> network_format_for_path(std::string_view path) {
  if (ends_with_ignoring_case(path, ".json")) return NetworkFormat::Document;
  if (ends_with_ignoring_case(path, ".graphml")) return NetworkFormat::GraphML;
  if (ends_with_ignoring_case(path, ".gexf")) return NetworkFormat::Gexf;
  if (ends_with_ignoring_case(path, ".csv")) return NetworkFormat::Csv;
  return std::nullopt;
}

Result<Network> read_graphml(std::string_view text, const ReadLimits& limits) {
  XmlInput in(text, limits);
  if (auto loaded = in.load(); !loaded) return loaded.error();
  return graphml_network(in);
}

std::string write_graphml(const Network& network) {
  pugi::xml_document document = with_declaration();
  auto root = document.append_child("graphml");
  root.append_attribute("xmlns") = "http://graphml.graphdrawing.org/xmlns";
  const auto key = [&](const char* id, const char* domain, const char* type) {
    auto k = root.append_child("key");
    k.append_attribute("id") = id;
    k.append_attribute("for") = domain;
    k.append_attribute("attr.name") = id;
    k.append_attribute("attr.type") = type;
  };
  key("name", "node", "string");
  key("kind", "node", "string");
  key("gender", "node", "string");
  key("adult", "node", "boolean");
  if (network.weighted) key("weight", "edge", "double");
  key("nature", "edge", "string");
  key("exploitation", "edge", "boolean");

  auto graph = root.append_child("graph");
  graph.append_attribute("id") = "G";
  graph.append_attribute("edgedefault") = "undirected";
  const auto data = [](pugi::xml_node owner, const char* key_id, const std::string& value) {
    auto d = owner.append_child("data");
    d.append_attribute("key") = key_id;
    d.text() = value.c_str();
  };
  for (const auto& node : network.nodes) {
    auto element = graph.append_child("node");
    element.append_attribute("id") = node.id.c_str();
    data(element, "name", node.name);
    if (node.kind) data(element, "kind", std::string(model::role_name(*node.kind)));
    data(element, "gender", std::string(model::gender_name(node.gender)));
    if (node.adult) data(element, "adult", bool_text(*node.adult));
  }
  for (const auto& edge : network.edges) {
    auto element = graph.append_child("edge");
    if (!edge.id.empty()) element.append_attribute("id") = edge.id.c_str();
    element.append_attribute("source") = network.nodes[edge.source].id.c_str();
    element.append_attribute("target") = network.nodes[edge.target].id.c_str();
    if (edge.directed) element.append_attribute("directed") = "true";
    if (network.weighted) data(element, "weight", number_text(edge.weight));
    if (!edge.nature.empty()) data(element, "nature", edge.nature);
    if (edge.exploitation) data(element, "exploitation", "true");
  }
  return saved(document);
}

Result<Network> read_gexf(std::string_view text, const ReadLimits& limits) {
  XmlInput in(text, limits);
  if (auto loaded = in.load(); !loaded) return loaded.error();
  return gexf_network(in);
}

std::string write_gexf(const Network& network) {
  pugi::xml_document document = with_declaration();
  auto root = document.append_child("gexf");
  root.append_attribute("xmlns") = "http://gexf.net/1.3";
  root.append_attribute("version") = "1.3";
  auto graph = root.append_child("graph");
  graph.append_attribute("defaultedgetype") = "undirected";
  graph.append_attribute("mode") = "static";
  const auto declare = [&](const char* domain,
                           std::initializer_list<std::pair<const char*, const char*>> fields) {
    auto attributes = graph.append_child("attributes");
    attributes.append_attribute("class") = domain;
    for (const auto& [id, type] : fields) {
      auto attribute = attributes.append_child("attribute");
      attribute.append_attribute("id") = id;
      attribute.append_attribute("title") = id;
      attribute.append_attribute("type") = type;
    }
  };
  declare("node", {{"kind", "string"}, {"gender", "string"}, {"adult", "boolean"}});
  declare("edge", {{"nature", "string"}, {"exploitation", "boolean"}});
  const auto attvalue = [](pugi::xml_node& values, const char* field, const char* value) {
    auto entry = values.append_child("attvalue");
    entry.append_attribute("for") = field;
    entry.append_attribute("value") = value;
  };
  auto nodes = graph.append_child("nodes");
  for (const auto& node : network.nodes) {
    auto element = nodes.append_child("node");
    element.append_attribute("id") = node.id.c_str();
    element.append_attribute("label") = node.name.c_str();
    auto values = element.append_child("attvalues");
    if (node.kind) attvalue(values, "kind", std::string(model::role_name(*node.kind)).c_str());
    attvalue(values, "gender", std::string(model::gender_name(node.gender)).c_str());
    if (node.adult) attvalue(values, "adult", bool_text(*node.adult));
  }
  auto edges = graph.append_child("edges");
  for (std::size_t i = 0; i < network.edges.size(); ++i) {
    const Edge& edge = network.edges[i];
    auto element = edges.append_child("edge");
    // GEXF requires an id; "e<index>" when the network has none (read back as that id).
    const std::string id = edge.id.empty() ? "e" + std::to_string(i) : edge.id;
    element.append_attribute("id") = id.c_str();
    element.append_attribute("source") = network.nodes[edge.source].id.c_str();
    element.append_attribute("target") = network.nodes[edge.target].id.c_str();
    if (edge.directed) element.append_attribute("type") = "directed";
    if (network.weighted) element.append_attribute("weight") = number_text(edge.weight).c_str();
    if (edge.nature.empty() && !edge.exploitation) continue;
    auto values = element.append_child("attvalues");
    if (!edge.nature.empty()) attvalue(values, "nature", edge.nature.c_str());
    if (edge.exploitation) attvalue(values, "exploitation", "true");
  }
  return saved(document);
}

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
    out.people += csv_row({node.id, node.name, node.kind ? model::role_name(*node.kind) : "",
                           model::gender_name(node.gender),
                           node.adult ? bool_text(*node.adult) : ""});
  }
  out.ties = csv_row({"source", "target", "weight", "nature", "directed", "exploitation", "id"});
  for (const auto& edge : network.edges) {
    const std::string weight = network.weighted ? number_text(edge.weight) : "";
    out.ties += csv_row({network.nodes[edge.source].id, network.nodes[edge.target].id, weight,
                         edge.nature, bool_text(edge.directed), bool_text(edge.exploitation),
                         edge.id});
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
