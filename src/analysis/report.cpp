#include "analysis/report.hpp"

#include "analysis/ages.hpp"
#include "analysis/protective.hpp"

#include <cmath>
#include <set>
#include <utility>

namespace peermap::analysis {

Result<Report> analyze(Network network, const model::Document* document) {
  Report report;
  auto measures = compute_measures(network);
  if (!measures) return measures.error();
  report.measures = std::move(measures.value());
  if (document == nullptr) {
    report.findings = network_findings(network, report.measures);
  } else {
    report.ties = tie_support(*document);
    std::set<std::size_t> subjects;
    for (std::size_t i = 0; i < network.nodes.size(); ++i) {
      if (document->is_subject(network.nodes[i].id)) subjects.insert(i);
    }
    const Network ego = without_ties_of(network, subjects);
    auto ego_measures = compute_measures(ego);
    if (!ego_measures) return ego_measures.error();
    auto firm_measures =
        compute_measures(without_ties_of(evidenced_recent_network(network, report.ties), subjects));
    if (!firm_measures) return firm_measures.error();
    for (std::size_t i = 0; i < network.nodes.size(); ++i) {
      report.betweenness_without_subjects.push_back(
          subjects.contains(i) ? std::nan("") : ego_measures->nodes[i].betweenness);
      report.betweenness_evidenced_recent.push_back(
          subjects.contains(i) ? std::nan("") : firm_measures->nodes[i].betweenness);
    }
    report.brokerage = brokerage_roles(network, brokerage_groups(*document, network));
    report.findings =
        broker_findings(*document, network, report.measures, report.betweenness_without_subjects,
                        report.betweenness_evidenced_recent, report.brokerage);
    const auto append = [&](std::vector<Finding> more) {
      report.findings.insert(report.findings.end(), more.begin(), more.end());
    };
    append(group_link_findings(*document, network, report.ties));
    append(document_findings(*document, network));
    append(age_findings(*document));
    append(protective_findings(*document, network));
    append(recorded_gap_findings(*document, network));
    append(grouping_findings(*document, network, report.measures));
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
    if (report.from_document) {
      const BrokerageRoles& r = report.brokerage[i];
      auto& node = j["nodes"].back();
      node["betweenness_without_subjects"] = number(report.betweenness_without_subjects[i]);
      node["betweenness_evidenced_recent"] = number(report.betweenness_evidenced_recent[i]);
      node["brokerage"] = {{"coordinator", r.coordinator},
                           {"itinerant", r.itinerant},
                           {"gatekeeper", r.gatekeeper},
                           {"representative", r.representative},
                           {"gatekeeper_or_representative", r.gatekeeper_or_representative},
                           {"liaison", r.liaison}};
    }
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
           {"evidence", t.items == 0 ? ordered_json(nullptr)
                                     : ordered_json(std::round(t.evidence * 1000) / 1000)},
           {"evidence_state", evidence_state(t)},
           {"items", t.items},
           {"anecdotal_only", t.anecdotal_only},
           {"historic_only", t.historic_only},
           {"evidenced_recent", t.evidenced_recent},
           {"newest_information", date(t.newest)},
           {"last_seen", date(t.last_seen)},
           {"last_sighting",
            t.last_sighting.empty() ? ordered_json(nullptr) : ordered_json(t.last_sighting)},
           {"no_recent_sighting", t.no_recent_sighting}});
    }
  }
  j["findings"] = ordered_json::array();
  for (const auto& f : report.findings)
    j["findings"].push_back(
        {{"kind", f.kind}, {"text", f.text}, {"ids", f.ids}, {"origin", f.origin}});
  return j;
}

}  // namespace peermap::analysis
