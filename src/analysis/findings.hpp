// Findings in plain language for practitioners (guidance §2: influence and control, leaders and
// followers, exposure to harm, information gaps), each naming people by full name and pointing
// at the document's ids.
#pragma once

#include <string>
#include <vector>

#include "analysis/measures.hpp"
#include "analysis/network.hpp"
#include "model/document.hpp"

namespace peermap::analysis {

struct Finding {
  //! "influence", "broker", "link", "bridge", "leaders", "exposure", "evidence", "age", "gap"
  //! or "grouping"
  std::string kind;
  std::string text;              //!< one plain sentence, full names
  std::vector<std::string> ids;  //!< the people, ties, groups it is about
  //! "detected" by the analysis, or "recorded" in the document (an information gap the meeting
  //! wrote down, echoed)
  std::string origin = "detected";
};

//! Findings from the measures alone (any network): who holds most influence. O(n log n).
[[nodiscard]] std::vector<Finding> network_findings(const Network& network,
                                                    const Measures& measures);

//! Findings that need the document: people who are the only link between parts of the
//! network (cut points, with the recorded groups, adults of concern and people on each side;
//! those holding the most people to the rest first), leaders and followers, one finding per
//! child within two steps of an adult who exploits or controls someone (every such adult, with
//! the distance and the route; nearest first, then the children near most adults), ties with no
//! information item, resting only on anecdotal or only on historic information (one finding for
//! each, with evidence strengths, weakest first; evidence.hpp), and information gaps: people no
//! item names (one finding), ties whose people were never seen together (one finding, grouped by
//! person), each tie last seen together more than kSightingWindowDays ago, and the rest. A
//! grouped finding of one names it as a sentence of its own. `network` must come from
//! `document`. O(cut points x (n + m + memberships) + exploiting adults x (n + m) + items +
//! sightings x people^2 + people x ties).
[[nodiscard]] std::vector<Finding> document_findings(const model::Document& document,
                                                     const Network& network);

//! The information gaps the meeting recorded (the document's `gaps`), echoed as findings of
//! kind "gap" and origin "recorded": "Recorded gap (q1): Who is Smokey? About Smokey (adult);
//! owner: Sam Patel, due 2026-12-01." O(gaps x about).
[[nodiscard]] std::vector<Finding> recorded_gap_findings(const model::Document& document,
                                                         const Network& network);

//! Communities the measures found that no recorded group matches (fewer than half of the
//! community's members in any one group): groupings the practitioners may not have named.
//! Communities of fewer than three people are left out. O(n + memberships).
[[nodiscard]] std::vector<Finding> grouping_findings(const model::Document& document,
                                                     const Network& network,
                                                     const Measures& measures);

}  // namespace peermap::analysis
