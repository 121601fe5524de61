#include "analysis/brokerage.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "analysis/wording.hpp"

namespace peermap::analysis {

namespace {

using wording::context_name;
using wording::fixed;
using wording::joined;
using wording::who;

bool share(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& id) { return b.contains(id); });
}

bool share3(const std::set<std::string>& a, const std::set<std::string>& b,
            const std::set<std::string>& c) {
  return std::any_of(a.begin(), a.end(),
                     [&](const std::string& id) { return b.contains(id) && c.contains(id); });
}

//! Whether edge `e` may be walked from `from`: undirected, or directed away from it.
bool walks_from(const Edge& e, std::size_t from) { return !e.directed || e.source == from; }

//! How two groups or places are linked on one set of ties: the one person who alone links them
//! (npos when none or several), the ties doing it, and every linking tie.
struct Link {
  std::optional<std::size_t> only;
  std::vector<std::size_t> only_ties;  // edge indices
  std::vector<std::size_t> all_ties;
};

Link link_between(const Network& network, const std::set<std::size_t>& first,
                  const std::set<std::size_t>& second) {
  Link link;
  std::vector<std::size_t> crossing;
  std::map<std::size_t, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> outside;
  for (std::size_t k = 0; k < network.edges.size(); ++k) {
    const Edge& e = network.edges[k];
    const bool s1 = first.contains(e.source);
    const bool s2 = second.contains(e.source);
    const bool t1 = first.contains(e.target);
    const bool t2 = second.contains(e.target);
    if ((s1 && t2) || (s2 && t1)) {
      crossing.push_back(k);
    } else if (!s1 && !s2 && (t1 || t2)) {
      (t1 ? outside[e.source].first : outside[e.source].second).push_back(k);
    } else if (!t1 && !t2 && (s1 || s2)) {
      (s1 ? outside[e.target].first : outside[e.target].second).push_back(k);
    }
  }
  std::vector<std::size_t> liaisons;
  for (const auto& [person, ties] : outside) {
    if (ties.first.empty() || ties.second.empty()) continue;
    liaisons.push_back(person);
    link.all_ties.insert(link.all_ties.end(), ties.first.begin(), ties.first.end());
    link.all_ties.insert(link.all_ties.end(), ties.second.begin(), ties.second.end());
  }
  link.all_ties.insert(link.all_ties.end(), crossing.begin(), crossing.end());
  std::sort(link.all_ties.begin(), link.all_ties.end());
  if (crossing.empty() && liaisons.size() == 1) {
    link.only = liaisons.front();
    link.only_ties = link.all_ties;
  } else if (!crossing.empty() && liaisons.empty() && crossing.size() > 1) {
    // The one person every tie between the two touches.
    const Edge& e = network.edges[crossing.front()];
    for (const std::size_t candidate : {e.source, e.target}) {
      if (std::all_of(crossing.begin(), crossing.end(), [&](std::size_t k) {
            return network.edges[k].source == candidate || network.edges[k].target == candidate;
          })) {
        link.only = candidate;
        link.only_ties = crossing;
        break;
      }
    }
  }
  return link;
}

//! "anecdotal information", "historic information", "no information": what the weaker of
//! `ties` rest on, in that order; empty when all rest on evidenced, recent information.
std::string weaker_basis(const Network& network, const std::vector<std::size_t>& ties,
                         const std::map<std::string, const TieSupport*>& support) {
  bool anecdotal = false;
  bool historic = false;
  bool none = false;
  for (std::size_t k : ties) {
    const auto found = support.find(network.edges[k].id);
    if (found == support.end() || found->second->evidenced_recent) continue;
    const TieSupport& tie = *found->second;
    none = none || tie.items == 0;
    anecdotal = anecdotal || (tie.items > 0 && tie.anecdotal_only);
    historic = historic || (tie.items > 0 && (tie.historic_only || !tie.anecdotal_only));
  }
  std::vector<std::string> words;
  if (anecdotal) words.emplace_back("anecdotal information");
  if (historic) words.emplace_back("historic information");
  if (none) words.emplace_back("ties with no information");
  return joined(words);
}

std::vector<std::string> tie_ids(const Network& network, const std::vector<std::size_t>& ties) {
  std::vector<std::string> ids;
  ids.reserve(ties.size());
  for (std::size_t k : ties) ids.push_back(network.edges[k].id);
  return ids;
}

}  // namespace

std::vector<std::set<std::string>> affiliations(const model::Document& document,
                                                const Network& network) {
  std::vector<std::set<std::string>> out(network.nodes.size());
  for (const auto& tie : document.ties) {
    if (tie.kind == model::TieKind::Relationship) continue;
    if (const auto i = network.index_of(tie.from)) out[*i].insert(tie.to);
  }
  return out;
}

std::vector<std::set<std::string>> brokerage_groups(const model::Document& document,
                                                    const Network& network) {
  const auto all = affiliations(document, network);
  std::vector<std::string> order;  // groups, then places, in document order
  for (const auto& group : document.groups) order.push_back(group.id);
  for (const auto& place : document.locations) order.push_back(place.id);
  std::vector<std::set<std::string>> out(network.nodes.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto first = std::find_if(order.begin(), order.end(),
                                    [&](const std::string& id) { return all[i].contains(id); });
    if (first != order.end()) out[i].insert(*first);
  }
  return out;
}

std::vector<BrokerageRoles> brokerage_roles(
    const Network& network, const std::vector<std::set<std::string>>& affiliations) {
  const auto& groups = affiliations;
  const std::size_t n = network.nodes.size();
  std::vector<std::map<std::size_t, std::size_t>> next(n);  // neighbour -> edge
  for (std::size_t k = 0; k < network.edges.size(); ++k) {
    next[network.edges[k].source].emplace(network.edges[k].target, k);
    next[network.edges[k].target].emplace(network.edges[k].source, k);
  }
  std::vector<BrokerageRoles> roles(n);
  for (std::size_t b = 0; b < n; ++b) {
    for (auto first = next[b].begin(); first != next[b].end(); ++first) {
      for (auto second = std::next(first); second != next[b].end(); ++second) {
        std::size_t a = first->first;
        std::size_t c = second->first;
        if (next[a].contains(c) || groups[a].empty() || groups[c].empty()) continue;
        const Edge& ab = network.edges[first->second];
        const Edge& bc = network.edges[second->second];
        const bool forward = walks_from(ab, a) && walks_from(bc, b);   // a -> b -> c
        const bool backward = walks_from(bc, c) && walks_from(ab, b);  // c -> b -> a
        if (!forward && !backward) continue;
        const bool directed = !(forward && backward);
        if (!forward) std::swap(a, c);  // now a -> b -> c
        const bool with_a = share(groups[a], groups[b]);
        const bool with_c = share(groups[b], groups[c]);
        const bool ends = share(groups[a], groups[c]);
        BrokerageRoles& r = roles[b];
        if (share3(groups[a], groups[b], groups[c])) {
          ++r.coordinator;
        } else if (ends && !with_a && !with_c) {
          ++r.itinerant;
        } else if (!ends && !with_a && !with_c) {
          ++r.liaison;
        } else if (!ends && with_a != with_c) {
          if (!directed) {
            ++r.gatekeeper_or_representative;
          } else if (with_c) {
            ++r.gatekeeper;
          } else {
            ++r.representative;
          }
        }
      }
    }
  }
  return roles;
}

Network evidenced_recent_network(const Network& network, const std::vector<TieSupport>& support) {
  std::set<std::string> firm;
  for (const TieSupport& tie : support) {
    if (tie.evidenced_recent) firm.insert(tie.tie);
  }
  Network out = network;
  std::erase_if(out.edges, [&](const Edge& e) { return !firm.contains(e.id); });
  return out;
}

Network without_ties_of(const Network& network, const std::set<std::size_t>& people) {
  Network out = network;
  std::erase_if(out.edges, [&](const Edge& e) {
    return people.contains(e.source) || people.contains(e.target);
  });
  return out;
}

std::vector<Finding> group_link_findings(const model::Document& document, const Network& network,
                                         const std::vector<TieSupport>& support) {
  std::map<std::string, const TieSupport*> support_of;
  for (const TieSupport& tie : support) support_of[tie.tie] = &tie;
  std::vector<std::string> contexts;
  for (const auto& group : document.groups) contexts.push_back(group.id);
  for (const auto& place : document.locations) contexts.push_back(place.id);
  std::map<std::string, std::set<std::size_t>> members;
  const auto groups = affiliations(document, network);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    for (const auto& id : groups[i]) members[id].insert(i);
  }
  const Network firm = evidenced_recent_network(network, support);
  std::vector<Finding> findings;
  for (std::size_t x = 0; x < contexts.size(); ++x) {
    for (std::size_t y = x + 1; y < contexts.size(); ++y) {
      const auto& first = members[contexts[x]];
      const auto& second = members[contexts[y]];
      if (first.empty() || second.empty() ||
          std::any_of(first.begin(), first.end(),
                      [&](std::size_t i) { return second.contains(i); }))
        continue;
      const Link all = link_between(network, first, second);
      const Link evidenced = link_between(firm, first, second);
      const std::string pair =
          context_name(document, contexts[x]) + " and " + context_name(document, contexts[y]);
      const auto ties_words = [&](const Network& on, const std::vector<std::size_t>& ties) {
        std::vector<std::string> words;
        words.reserve(ties.size());
        for (std::size_t k : ties) {
          words.push_back(wording::the_tie(network, *support_of.at(on.edges[k].id)));
        }
        return joined(words);
      };
      if (all.only) {
        std::vector<std::string> ids{network.nodes[*all.only].id, contexts[x], contexts[y]};
        const auto ties = tie_ids(network, all.only_ties);
        ids.insert(ids.end(), ties.begin(), ties.end());
        std::string text = who(network.nodes[*all.only]) + " is the only person linking " + pair +
                           ": " + ties_words(network, all.only_ties);
        const std::string basis = weaker_basis(network, all.only_ties, support_of);
        if (!basis.empty()) text += "; this link rests on " + basis;
        findings.push_back({"link", text + ".", ids});
      } else if (evidenced.only) {
        std::vector<std::string> ids{firm.nodes[*evidenced.only].id, contexts[x], contexts[y]};
        const auto ties = tie_ids(firm, evidenced.only_ties);
        ids.insert(ids.end(), ties.begin(), ties.end());
        std::vector<std::size_t> others;  // the links that are set aside
        const auto firm_ids = tie_ids(firm, evidenced.all_ties);
        for (std::size_t k : all.all_ties) {
          if (std::find(firm_ids.begin(), firm_ids.end(), network.edges[k].id) == firm_ids.end())
            others.push_back(k);
        }
        const auto other_ids = tie_ids(network, others);
        ids.insert(ids.end(), other_ids.begin(), other_ids.end());
        findings.push_back({"link",
                            "On evidenced, recent information, " +
                                who(firm.nodes[*evidenced.only]) + " is the only person linking " +
                                pair + ": " + ties_words(firm, evidenced.only_ties) +
                                "; the other links rest on " +
                                weaker_basis(network, others, support_of) + " (" +
                                wording::listed(other_ids, ", ") + ").",
                            ids});
      }
    }
  }
  return findings;
}

std::vector<Finding> broker_findings(const model::Document& document, const Network& network,
                                     const Measures& measures,
                                     const std::vector<double>& without_subjects,
                                     const std::vector<double>& evidenced_recent,
                                     const std::vector<BrokerageRoles>& roles) {
  std::vector<Finding> findings;
  std::vector<std::size_t> order;
  std::vector<std::size_t> subjects;
  for (std::size_t i = 0; i < network.nodes.size(); ++i) {
    (document.is_subject(network.nodes[i].id) ? subjects : order).push_back(i);
  }
  const auto by = [](const std::vector<double>& values) {
    return [&values](std::size_t a, std::size_t b) { return values[a] > values[b]; };
  };
  std::stable_sort(order.begin(), order.end(), by(without_subjects));
  const std::string left_out =
      "Leaving out the subject children's own ties (the map is drawn "
      "around them), ";
  for (std::size_t rank = 0; rank < std::min<std::size_t>(3, order.size()); ++rank) {
    const std::size_t i = order[rank];
    if (without_subjects[i] <= 0) break;
    findings.push_back({"influence",
                        (rank == 0 ? left_out : std::string()) + who(network.nodes[i]) +
                            " lies on more of the shortest routes between other people than " +
                            (rank == 0 ? "anyone else" : "most") + " (betweenness " +
                            fixed(without_subjects[i]) +
                            "): a broker who can pass on influence or control.",
                        {network.nodes[i].id}});
  }
  if (!subjects.empty()) {
    std::vector<std::string> words;
    std::vector<std::string> ids;
    for (std::size_t i : subjects) {
      words.push_back(who(network.nodes[i]) + " (" + fixed(measures.nodes[i].betweenness) + ")");
      ids.push_back(network.nodes[i].id);
    }
    findings.push_back({"influence",
                        "Reported apart: the subject children's betweenness on every tie, " +
                            joined(words) +
                            ", is high partly because the map is drawn around them.",
                        ids});
  }
  if (!order.empty()) {
    const auto firm =
        *std::max_element(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
          return evidenced_recent[a] < evidenced_recent[b] ||
                 (evidenced_recent[a] == evidenced_recent[b] && a > b);
        });
    if (evidenced_recent[firm] > 0 && firm != order.front()) {
      findings.push_back({"influence",
                          "On evidenced, recent ties alone (the subject children's left out), " +
                              who(network.nodes[firm]) +
                              " lies on the most shortest routes between other people "
                              "(betweenness " +
                              fixed(evidenced_recent[firm]) + ").",
                          {network.nodes[firm].id}});
    }
  }
  const std::vector<std::size_t>& brokers = order;  // the subject children left out here too
  const auto top =
      std::max_element(brokers.begin(), brokers.end(), [&](std::size_t a, std::size_t b) {
        return roles[a].between_groups() < roles[b].between_groups() ||
               (roles[a].between_groups() == roles[b].between_groups() && a > b);
      });
  if (top != brokers.end() && roles[*top].between_groups() > 0) {
    const BrokerageRoles& r = roles[*top];
    std::vector<std::string> kinds;
    const auto add = [&](int count, const std::string& name) {
      if (count > 0) kinds.push_back(std::to_string(count) + " " + name);
    };
    add(r.liaison, "as a liaison");
    add(r.gatekeeper, "as a gatekeeper");
    add(r.representative, "as a representative");
    add(r.gatekeeper_or_representative, "as a gatekeeper or representative");
    findings.push_back({"broker",
                        "Leaving out the subject children, " + who(network.nodes[*top]) +
                            " brokers between recorded groups and places more often than anyone "
                            "else: " +
                            std::to_string(r.between_groups()) +
                            " two-step routes (Gould-Fernandez: " + joined(kinds) + ").",
                        {network.nodes[*top].id}});
  }
  return findings;
}

}  // namespace peermap::analysis
