// GraphML and GEXF, in and out, through pugixml: XmlInput refuses what a network file never
// needs (a DOCTYPE, deep nesting, oversized values) before either reader walks the tree.
#include <algorithm>
#include <initializer_list>
#include <pugixml.hpp>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/csv.hpp"
#include "analysis/format_parts.hpp"
#include "analysis/formats.hpp"
#include "model/json_io.hpp"
#include "model/vocabulary.hpp"

namespace peermap::analysis {

using detail::at;
using detail::bool_from;
using detail::bool_text;
using detail::check_length;
using detail::invalid;
using detail::NetworkBuilder;
using detail::number_text;
using detail::set_edge_field;
using detail::set_node_field;

namespace {

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
      return invalid("1:1: the file is " + std::to_string(text_.size()) + " bytes; the limit is " +
                     std::to_string(limits_.max_bytes));
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
    const std::size_t at =
        std::min(offset < 0 ? 0 : static_cast<std::size_t>(offset), text_.size());
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
  const bool directed_default =
      std::string_view(graph.attribute("edgedefault").value()) == "directed";

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
    FieldNames* fields = domain == "node"   ? &node_fields
                         : domain == "edge" ? &edge_fields
                                            : nullptr;
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

}  // namespace

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

}  // namespace peermap::analysis
