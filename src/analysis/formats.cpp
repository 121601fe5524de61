// The format of a file by its name. The readers and writers live by format: graphml_gexf.cpp
// (GraphML, GEXF) and csv_format.cpp (people and ties); what they share, in format_parts.*.
#include "analysis/formats.hpp"

#include <string>
#include <string_view>

#include "analysis/csv.hpp"

namespace peermap::analysis {

namespace {

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         csv::lower(std::string(text.substr(text.size() - suffix.size()))) == suffix;
}

}  // namespace

std::optional<NetworkFormat> network_format_for_path(std::string_view path) {
  if (ends_with_ignoring_case(path, ".json")) return NetworkFormat::Document;
  if (ends_with_ignoring_case(path, ".graphml")) return NetworkFormat::GraphML;
  if (ends_with_ignoring_case(path, ".gexf")) return NetworkFormat::Gexf;
  if (ends_with_ignoring_case(path, ".csv")) return NetworkFormat::Csv;
  return std::nullopt;
}

}  // namespace peermap::analysis
