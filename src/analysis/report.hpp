// What `peermap analyze` reports, once: the measures of every person, the findings in plain
// language and, for a peer map document, each tie's evidence. The CLI prints it (text or JSON);
// the server's GET /api/maps/{id}/analysis sends the same JSON.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/brokerage.hpp"
#include "analysis/evidence.hpp"
#include "analysis/findings.hpp"
#include "analysis/measures.hpp"
#include "analysis/network.hpp"
#include "base/result.hpp"
#include "model/document.hpp"

namespace peermap::analysis {

struct Report {
  Network network;
  Measures measures;
  std::vector<Finding> findings;  //!< network findings, then the document's, then groupings
  std::vector<TieSupport> ties;   //!< peer map documents only, in document order
  //! Peer map documents only, by person: betweenness with the subject children's ties left out
  //! (NaN for a subject child), and on the evidenced, recent ties alone (subjects' ties left out
  //! too); each person's Gould-Fernandez brokerage roles (brokerage.hpp).
  std::vector<double> betweenness_without_subjects;
  std::vector<double> betweenness_evidenced_recent;
  std::vector<BrokerageRoles> brokerage;
  bool from_document = false;
};

//! Measures and findings of `network`; with `document` (which `network` came from) also the
//! document's findings and each tie's evidence. Cost: compute_measures + document_findings.
[[nodiscard]] Result<Report> analyze(Network network, const model::Document* document);

//! The report as `peermap analyze --json` prints it (docs/analysis.md, "Output").
[[nodiscard]] nlohmann::ordered_json report_json(const Report& report);

}  // namespace peermap::analysis
