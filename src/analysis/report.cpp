#include "analysis/report.hpp"

#include <cmath>
#include <utility>

namespace peermap::analysis {

Result<Report> analyze(Network network, const model::Document* document) {
  Report report;
  auto measures = compute_measures(network);
  if (!measures) return measures.error();
  report.measures = std::move(measures.value());
  report.findings = network_findings(network, report.measures);
  if (document != nullptr) {
    auto more = document_findings(*document, network);
    report.findings.insert(report.findings.end(), more.begin(), more.end());
    auto groupings = grouping_findings(*document, network, report.measures);
    report.findings.insert(report.findings.end(), groupings.begin(), groupings.end());
    report.ties = tie_support(*document);
    report.from_document = true;
  }
  report.network = std::move(network);
  return report;
}

nlohmann::ordered_json report_json(const Report& report) {
  using nlohmann::ordered_json;
  const auto date = [](const std::optional<model::Date>& d) {
    return d ? ordered_json(d->to_string()) : ordered_json(nullptr);
  };
  const auto number = [](double v) {
    return std::isfinite(v) ? ordered_json(v) : ordered_json(nullptr);
  };
  const Network& network = report.network;
  const Measures& measures = report.measures;
  ordered_json j;
  j["nodes"] = ordered_json::array();
  for (std::size_t i = 0; i < network.nodes.size(); ++i) {
    const auto& m = measures.nodes[i];
    j["nodes"].push_back({{"id", network.nodes[i].id},
                          {"name", network.nodes[i].name},
                          {"degree", m.degree},
                          {"betweenness", number(m.betweenness)},
                          {"closeness", number(m.closeness)},
                          {"pagerank", number(m.pagerank)},
                          {"eigenvector", number(m.eigenvector)},
                          {"community", m.community},
                          {"leads_or_controls", m.directed_out},
                          {"follows_or_controlled", m.directed_in}});
  }
  j["communities"] = measures.communities;
  j["modularity"] = number(measures.modularity);
  j["weights_used"] = measures.weights_used;
  j["betweenness_sampled_from"] =
      measures.sampled_sources > 0 ? ordered_json(measures.sampled_sources) : ordered_json(nullptr);
  j["warnings"] = measures.warnings;
  if (report.from_document) {
    j["ties"] = ordered_json::array();
    for (const auto& t : report.ties) {
      j["ties"].push_back(
          {{"id", t.tie},
           {"source", t.from},
           {"target", t.to},
           {"evidence", std::round(t.evidence * 1000) / 1000},
           {"items", t.items},
           {"anecdotal_only", t.anecdotal_only},
           {"historic_only", t.historic_only},
           {"newest_information", date(t.newest)},
           {"last_seen", date(t.last_seen)},
           {"last_sighting",
            t.last_sighting.empty() ? ordered_json(nullptr) : ordered_json(t.last_sighting)},
           {"no_recent_sighting", t.no_recent_sighting}});
    }
  }
  j["findings"] = ordered_json::array();
  for (const auto& f : report.findings)
    j["findings"].push_back({{"kind", f.kind}, {"text", f.text}, {"ids", f.ids}});
  return j;
}

}  // namespace peermap::analysis
