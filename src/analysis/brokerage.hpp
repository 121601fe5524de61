// Brokers between the recorded groups and places (guidance §2: "who links which groups"):
// Gould and Fernandez's (1989) brokerage roles, the people who alone link two groups or places,
// on every tie and on the ties resting on evidenced, recent information, and the broker ranking
// with the subject children's own ties left out (the map is drawn around them, so their
// betweenness says more about the drawing than about influence). docs/analysis.md, "Brokers".
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "analysis/evidence.hpp"
#include "analysis/findings.hpp"
#include "analysis/measures.hpp"
#include "analysis/network.hpp"
#include "model/document.hpp"

namespace peermap::analysis {

//! How often one person is the middle of a two-step route a - b - c (a and c not tied) of each
//! Gould-Fernandez kind, "sharing" meaning being in one recorded group or frequenting one place.
//! Directed ties (exploitation, influence) give the route its direction, a -> b -> c; a route of
//! undirected ties has none, and then, as in the undirected variant, gatekeeper and
//! representative cannot be told apart and are counted together.
struct BrokerageRoles {
  int coordinator = 0;                   //!< all three share a group or place
  int itinerant = 0;                     //!< a and c share one; b is in neither's
  int gatekeeper = 0;                    //!< a -> b -> c, b shares with c, not with a
  int representative = 0;                //!< a -> b -> c, b shares with a, not with c
  int gatekeeper_or_representative = 0;  //!< undirected: b shares with one end only
  int liaison = 0;                       //!< no two of them share; a and c in groups of their own
  [[nodiscard]] int between_groups() const {
    return gatekeeper + representative + gatekeeper_or_representative + liaison;
  }
  bool operator==(const BrokerageRoles&) const = default;
};

//! The recorded groups (member-of) and places (frequents) of each person of `network`, by id.
//! O(ties).
[[nodiscard]] std::vector<std::set<std::string>> affiliations(const model::Document& document,
                                                              const Network& network);

//! The one group of each person that Gould-Fernandez brokerage needs (it partitions people):
//! the first recorded group they are a member of, in document order, else the first place they
//! frequent, else none. (A school nearly everyone attends would otherwise make every route a
//! coordinator's.) O(ties).
[[nodiscard]] std::vector<std::set<std::string>> brokerage_groups(const model::Document& document,
                                                                  const Network& network);

//! Each person's brokerage roles. Only routes whose two ends are each in some group or place
//! count (people in none belong to no group to broker between); a route matching none of the
//! five patterns (b shares with each end, but no one group with both) is not counted.
//! O(sum of degree^2 x affiliations).
[[nodiscard]] std::vector<BrokerageRoles> brokerage_roles(
    const Network& network, const std::vector<std::set<std::string>>& affiliations);

//! `network` with only the ties resting on evidenced, recent information (TieSupport
//! ::evidenced_recent); the people stay, so indices agree. O(n + m).
[[nodiscard]] Network evidenced_recent_network(const Network& network,
                                               const std::vector<TieSupport>& support);

//! `network` without the ties of `people` (indices); the people stay, untied. O(n + m).
[[nodiscard]] Network without_ties_of(const Network& network, const std::set<std::size_t>& people);

//! Kind "link": for every two recorded groups or places with no member in common, the one person
//! who alone links them, if there is one ("X is the only person linking the A group and B",
//! with the ties that do it): either a person in neither tied to members of both, or the one
//! person every tie between their members touches. Found on every tie and on the evidenced,
//! recent ties; a link that holds only on the latter, or rests on weaker ties, says so.
//! O(contexts^2 x (m + memberships)).
[[nodiscard]] std::vector<Finding> group_link_findings(const model::Document& document,
                                                       const Network& network,
                                                       const std::vector<TieSupport>& support);

//! Kind "influence" for a document: the three people on the most shortest routes between
//! others with the subject children's own ties left out (`without_subjects`: betweenness on
//! without_ties_of the subjects; the subjects are not ranked); the subject children's
//! betweenness on every tie (`measures`) in a finding of its own; and who is first on the
//! evidenced, recent ties alone (`evidenced_recent`, subjects' ties left out too), when that is
//! someone else. Kind "broker": who brokers between groups most often (`roles`). O(n log n).
[[nodiscard]] std::vector<Finding> broker_findings(const model::Document& document,
                                                   const Network& network, const Measures& measures,
                                                   const std::vector<double>& without_subjects,
                                                   const std::vector<double>& evidenced_recent,
                                                   const std::vector<BrokerageRoles>& roles);

}  // namespace peermap::analysis
