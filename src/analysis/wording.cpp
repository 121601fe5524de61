#include "analysis/wording.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace peermap::analysis::wording {

std::string fixed(double value) {
  char buffer[32];
  (void)std::snprintf(buffer, sizeof buffer, "%.1f", value);  // a measure fits
  return buffer;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

std::string listed(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
  return out;
}

std::string who(const Node& node) {
  return node.name + (node.adult.value_or(false) ? " (adult)" : "");
}

std::string with_id(const std::string& name, const std::string& id) {
  if (id.empty()) return name;
  if (!name.empty() && name.back() == ')') return name.substr(0, name.size() - 1) + ", " + id + ")";
  return name + " (" + id + ")";
}

std::string name_in(const Network& network, const std::string& id) {
  const auto i = network.index_of(id);
  return i ? who(network.nodes[*i]) : id;
}

std::string group_name(const model::Group& group) {
  std::string lower = group.name;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // "the Juniors football team", not "... team group": a name that already says what it is.
  bool says = false;
  for (const char* word : {"group", "team", "squad", "gang", "crew"}) {
    says = says || lower.find(word) != std::string::npos;
  }
  return "the " + group.name + (says ? "" : " group");
}

std::string context_name(const model::Document& document, const std::string& id) {
  if (const model::Group* group = document.find_group(id)) return group_name(*group);
  if (const model::Location* place = document.find_location(id)) return place->name;
  return id;
}

std::string the_tie(const Network& network, const TieSupport& tie) {
  return "the tie between " + name_in(network, tie.from) + " and " + name_in(network, tie.to) +
         " (" + tie.tie + ")";
}

}  // namespace peermap::analysis::wording
