// Protective factors (guidance §2: "protective features as well as risks"): for each subject
// child, the people, places and groups that protect them and the strengths the meeting
// recorded. docs/analysis.md, "Protective factors".
#pragma once

#include <vector>

#include "analysis/findings.hpp"
#include "analysis/network.hpp"
#include "model/document.hpp"

namespace peermap::analysis {

//! Kind "protective", one finding per subject child with anything protective: the people whose
//! relationship tie with them is marked protective (with the tie), the places they frequent and
//! groups they belong to that are marked protective themselves (Location::valence) or have a
//! recorded strength, and the strengths recorded about the
//! child. A subject child with none of these gets the gap "has no protective tie recorded"
//! (document_findings). O(subjects x (ties + risks)).
[[nodiscard]] std::vector<Finding> protective_findings(const model::Document& document,
                                                       const Network& network);

}  // namespace peermap::analysis
