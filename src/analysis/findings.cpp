#include "analysis/findings.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <optional>
#include <set>

#include "analysis/cuts.hpp"
#include "analysis/evidence.hpp"
#include "analysis/wording.hpp"

namespace peermap::analysis {

namespace {

using wording::fixed;
using wording::group_name;
using wording::joined;
using wording::listed;
using wording::name_in;
using wording::who;
using wording::with_id;

std::string fixed2(double value) {
  char buffer[32];
  (void)std::snprintf(buffer, sizeof buffer, "%.2f", value);  // a measure fits
  return buffer;
}

//! The recorded groups with at least two members (other than the cut person) among `people`,
//! in document order, each with whether all its members (but the cut person) are there.
std::vector<std::pair<const model::Group*, bool>> groups_among(
    const model::Document& document, const Network& network, const std::vector<std::size_t>& people,
    std::size_t cut) {
  std::set<std::string> inside;
  for (std::size_t i : people) inside.insert(network.nodes[i].id);
  std::map<std::string, int> here;  // group id -> members among `people`
  std::map<std::string, int> all;   // group id -> members but the cut person
  for (const auto& tie : document.ties) {
    if (tie.kind != model::TieKind::MemberOf || tie.from == network.nodes[cut].id) continue;
    ++all[tie.to];
    if (inside.contains(tie.from)) ++here[tie.to];
  }
  std::vector<std::pair<const model::Group*, bool>> out;
  for (const auto& group : document.groups) {
    if (here[group.id] >= 2) out.emplace_back(&group, here[group.id] == all[group.id]);
  }
  return out;
}

//! Cut points, in sentences short enough to read aloud: "Mia Kowalczyk is the only link between
//! 5 people in 3 parts and the rest of the network (the Hollybrook Year 11 friendship group)."
//! The people a cut person alone holds (everyone outside their largest part) are named when
//! there is one, else counted; only groups are named besides. Those who hold most come first.
//! Ids: the cut person, the groups named, then the people held.
std::vector<Finding> cut_findings(const model::Document& document, const Network& network) {
  struct Worded {
    std::size_t held;  // people outside the largest part
    Finding finding;
  };
  std::vector<Worded> worded;
  for (const std::size_t cut : find_cuts(network).people) {
    auto parts = parts_without(network, cut);
    std::stable_sort(parts.begin(), parts.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    std::vector<std::size_t> held;
    for (std::size_t k = 1; k < parts.size(); ++k)
      held.insert(held.end(), parts[k].begin(), parts[k].end());
    std::vector<std::string> ids{network.nodes[cut].id};
    const auto named = [&](const std::vector<std::pair<const model::Group*, bool>>& groups) {
      std::vector<std::string> names;
      for (const auto& [group, whole] : groups) {
        names.push_back((whole ? "" : "members of ") + group_name(*group));
        if (std::find(ids.begin(), ids.end(), group->id) == ids.end()) ids.push_back(group->id);
      }
      return joined(names);
    };
    std::string text = who(network.nodes[cut]) + " is the only link between ";
    if (held.size() == 1) {
      text += who(network.nodes[held.front()]);
    } else {
      text += std::to_string(held.size()) + " people";
      if (parts.size() > 2) text += " in " + std::to_string(parts.size() - 1) + " parts";
      const auto held_groups = groups_among(document, network, held, cut);
      if (!held_groups.empty()) text += " (" + named(held_groups) + ")";
    }
    text += " and the rest of the network";
    const auto rest_groups = groups_among(document, network, parts.front(), cut);
    if (!rest_groups.empty()) text += " (" + named(rest_groups) + ")";
    text += ".";
    for (std::size_t i : held) ids.push_back(network.nodes[i].id);
    worded.push_back({held.size(), {"bridge", text, ids}});
  }
  std::stable_sort(worded.begin(), worded.end(),
                   [](const Worded& a, const Worded& b) { return a.held > b.held; });
  std::vector<Finding> findings;
  findings.reserve(worded.size());
  for (auto& w : worded) findings.push_back(std::move(w.finding));
  return findings;
}

//! "; this route rests on anecdotal information": what a route's ties rest on when any of them
//! does not rest on evidenced, recent information; empty otherwise.
std::string route_basis(const Network& network, const std::vector<std::size_t>& route,
                        const std::map<std::string, const TieSupport*>& support) {
  std::vector<std::string> bases;
  const auto add = [&](const std::string& basis) {
    if (std::find(bases.begin(), bases.end(), basis) == bases.end()) bases.push_back(basis);
  };
  for (std::size_t k : route) {
    const auto found = support.find(network.edges[k].id);
    if (found == support.end() || found->second->evidenced_recent) continue;
    const TieSupport& tie = *found->second;
    if (tie.items == 0) {
      add("a tie with no information");
    } else {
      if (tie.anecdotal_only) add("anecdotal information");
      if (tie.historic_only || !tie.anecdotal_only) add("historic information");
    }
  }
  return bases.empty() ? "" : "; this route rests on " + joined(bases);
}

//! Exposure: one finding per child within two steps of an adult who exploits or controls
//! someone, naming each such adult with the distance and the route ("1 step: child - adult",
//! "2 steps: via X"). The children nearest an adult come first, then those near more adults.
//! Ids: the child, the adults, then the people between them. O(adults x (n + m)).
std::vector<Finding> exposure_findings(const Network& network,
                                       const std::map<std::string, const TieSupport*>& support) {
  struct Reach {
    std::size_t adult;
    int steps;
    std::size_t via;                 // the person between, for 2 steps
    std::vector<std::size_t> route;  // the edges, from the child
  };
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> next(network.nodes.size());
  for (std::size_t k = 0; k < network.edges.size(); ++k) {
    next[network.edges[k].source].emplace_back(network.edges[k].target, k);
    next[network.edges[k].target].emplace_back(network.edges[k].source, k);
  }
  std::map<std::size_t, std::vector<Reach>> reached;  // child -> adults within two steps
  std::set<std::size_t> exploiting_adults;
  for (const Edge& e : network.edges) {
    if (!e.exploitation || !network.nodes[e.source].adult.value_or(false)) continue;
    if (!exploiting_adults.insert(e.source).second) continue;  // one search per adult
    const std::size_t adult = e.source;
    std::vector<std::size_t> parent(network.nodes.size(), adult);
    std::vector<std::size_t> parent_edge(network.nodes.size(), 0);
    std::vector<int> depth(network.nodes.size(), -1);
    depth[adult] = 0;
    std::vector<std::size_t> queue{adult};
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const std::size_t v = queue[head];
      if (depth[v] == 2) continue;
      for (const auto& [w, k] : next[v]) {
        if (depth[w] >= 0) continue;
        depth[w] = depth[v] + 1;
        parent[w] = v;
        parent_edge[w] = k;
        queue.push_back(w);
      }
    }
    for (std::size_t child : queue) {
      if (child == adult || network.nodes[child].adult.value_or(true)) continue;
      std::vector<std::size_t> route{parent_edge[child]};
      if (depth[child] == 2) route.push_back(parent_edge[parent[child]]);
      reached[child].push_back({adult, depth[child], parent[child], std::move(route)});
    }
  }
  struct Exposed {
    std::size_t child;
    std::vector<Reach> adults;
  };
  std::vector<Exposed> exposed;
  for (auto& [child, adults] : reached) {
    std::stable_sort(adults.begin(), adults.end(),
                     [](const Reach& a, const Reach& b) { return a.steps < b.steps; });
    exposed.push_back({child, std::move(adults)});
  }
  std::stable_sort(exposed.begin(), exposed.end(), [](const Exposed& a, const Exposed& b) {
    if (a.adults.front().steps != b.adults.front().steps)
      return a.adults.front().steps < b.adults.front().steps;
    return a.adults.size() > b.adults.size();
  });
  std::vector<Finding> findings;
  for (const Exposed& e : exposed) {
    const std::string& child = network.nodes[e.child].name;
    std::vector<std::string> words;
    std::vector<std::string> ids{network.nodes[e.child].id};
    std::vector<std::string> between;
    for (const Reach& r : e.adults) {
      const std::string& adult = network.nodes[r.adult].name;
      std::string word = adult;
      if (r.steps == 1) {
        word.append(" (1 step: the tie between ").append(child).append(" and ").append(adult);
        if (!r.route.empty() && !network.edges[r.route.front()].id.empty()) {
          word.append(", ").append(network.edges[r.route.front()].id);
        }
      } else {
        word.append(" (2 steps: via ").append(network.nodes[r.via].name);
      }
      word.append(route_basis(network, r.route, support)).append(")");
      words.push_back(std::move(word));
      ids.push_back(network.nodes[r.adult].id);
      if (r.steps == 2) between.push_back(network.nodes[r.via].id);
    }
    for (const std::string& id : between) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    const std::string adults = e.adults.size() == 1 ? "an adult who exploits or controls someone"
                                                    : std::to_string(e.adults.size()) +
                                                          " adults who exploit or control someone";
    std::string text = child;
    text.append(" is within two steps of ").append(adults).append(": ").append(joined(words));
    text.append(".");
    findings.push_back({"exposure", std::move(text), ids});
  }
  return findings;
}

//! Ties whose two people no sighting shows together, in one finding grouped by person: the
//! person with the most such ties first, with all of theirs, then the next among the ties left.
//! Ids: the ties, in the order named. O(people x ties).
std::optional<Finding> never_seen_finding(const Network& network,
                                          const std::vector<TieSupport>& support) {
  std::vector<const TieSupport*> left;
  for (const TieSupport& tie : support) {
    if (tie.no_recent_sighting && !tie.last_seen) left.push_back(&tie);
  }
  if (left.empty()) return std::nullopt;
  if (left.size() == 1) {
    return Finding{"gap",
                   "No sighting together is recorded for the tie between " +
                       name_in(network, left[0]->from) + " and " + name_in(network, left[0]->to) +
                       " (" + left[0]->tie + ").",
                   {left[0]->tie}};
  }
  const auto rank = [&](const std::string& id) {
    return network.index_of(id).value_or(network.nodes.size());
  };
  const std::size_t total = left.size();
  std::vector<std::string> words;
  std::vector<std::string> ids;
  while (!left.empty()) {
    std::map<std::string, std::size_t> count;
    for (const TieSupport* tie : left) {
      ++count[tie->from];
      ++count[tie->to];
    }
    const auto most =
        std::max_element(count.begin(), count.end(), [&](const auto& a, const auto& b) {
          return a.second != b.second ? a.second < b.second : rank(a.first) > rank(b.first);
        });
    const std::string person = most->first;
    std::vector<std::string> others;
    std::vector<const TieSupport*> rest;
    for (const TieSupport* tie : left) {
      if (tie->from == person || tie->to == person) {
        others.push_back(
            with_id(name_in(network, tie->from == person ? tie->to : tie->from), tie->tie));
        ids.push_back(tie->tie);
      } else {
        rest.push_back(tie);
      }
    }
    words.push_back(name_in(network, person) + " with " + joined(others));
    left = std::move(rest);
  }
  return Finding{"gap",
                 "No sighting together is recorded for " + std::to_string(total) +
                     " ties: " + listed(words, "; ") + ".",
                 ids};
}

}  // namespace

std::vector<Finding> network_findings(const Network& network, const Measures& measures) {
  std::vector<Finding> findings;
  std::vector<std::size_t> order(network.nodes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return measures.nodes[a].betweenness > measures.nodes[b].betweenness;
  });
  for (std::size_t rank = 0; rank < std::min<std::size_t>(3, order.size()); ++rank) {
    const std::size_t i = order[rank];
    if (measures.nodes[i].betweenness <= 0) break;
    findings.push_back({"influence",
                        who(network.nodes[i]) +
                            " lies on more of the shortest routes between other people than " +
                            (rank == 0 ? "anyone else" : "most") + " (betweenness " +
                            fixed(measures.nodes[i].betweenness) + ", " +
                            std::to_string(measures.nodes[i].degree) +
                            " ties): a broker who can pass on influence or control.",
                        {network.nodes[i].id}});
  }
  return findings;
}

std::vector<Finding> document_findings(const model::Document& document, const Network& network) {
  std::vector<Finding> findings;
  const auto name_of = [&](const std::string& id) { return name_in(network, id); };

  // Brokers and bridges: the only link between parts of the network.
  findings = cut_findings(document, network);

  // Leaders and followers, from directed influence ties.
  std::map<std::size_t, std::vector<std::pair<std::size_t, std::string>>> followers;
  for (const Edge& e : network.edges) {
    if (e.directed && !e.exploitation) followers[e.source].emplace_back(e.target, e.id);
  }
  for (const auto& [leader, led] : followers) {
    std::vector<std::string> names;
    std::vector<std::string> ids{network.nodes[leader].id};
    for (const auto& [f, tie] : led) {
      names.push_back(with_id(network.nodes[f].name, tie));
      ids.push_back(network.nodes[f].id);
    }
    findings.push_back(
        {"leaders", who(network.nodes[leader]) + " leads " + joined(names) + ".", ids});
  }

  // Exposure: one finding per child within two steps of an adult who exploits or controls
  // someone, naming every such adult with the distance and the route.
  const std::vector<TieSupport> support = tie_support(document);
  std::map<std::string, const TieSupport*> support_of;
  for (const TieSupport& tie : support) support_of[tie.tie] = &tie;
  for (auto& finding : exposure_findings(network, support_of))
    findings.push_back(std::move(finding));

  // Evidence: ties with no information item, resting only on anecdotal or only on historic
  // information, each kind grouped in one finding, weakest first.
  const std::string window = std::to_string(document.map.recent_window_days);
  const auto pair_of = [&](const TieSupport& tie) {
    return name_of(tie.from) + " and " + name_of(tie.to);
  };
  const auto weakest_first = [&](auto wanted) {
    std::vector<const TieSupport*> out;
    for (const TieSupport& tie : support) {
      if (wanted(tie)) out.push_back(&tie);
    }
    std::stable_sort(out.begin(), out.end(), [](const TieSupport* a, const TieSupport* b) {
      return a->evidence < b->evidence;
    });
    return out;
  };
  {
    std::vector<std::string> pairs;
    std::vector<std::string> ids;
    for (const TieSupport& tie : support) {
      if (tie.items != 0) continue;
      pairs.push_back(pair_of(tie) + " (" + tie.tie + ")");
      ids.push_back(tie.tie);
    }
    if (pairs.size() == 1) {
      findings.push_back(
          {"evidence",
           "The tie between " + pairs[0] +
               " has no information item behind it (no information, not weak evidence).",
           ids});
    } else if (!pairs.empty()) {
      findings.push_back({"evidence",
                          std::to_string(pairs.size()) +
                              " ties have no information item behind them: " + listed(pairs, "; ") +
                              ".",
                          ids});
    }
  }
  const auto graded = [&](const std::vector<const TieSupport*>& ties, const std::string& resting) {
    if (ties.empty()) return;
    std::vector<std::string> ids;
    ids.reserve(ties.size());
    for (const TieSupport* tie : ties) ids.push_back(tie->tie);
    if (ties.size() == 1) {
      findings.push_back({"evidence",
                          "The tie between " + pair_of(*ties[0]) + " (" + ties[0]->tie +
                              ") rests only on " + resting + "; evidence strength " +
                              fixed2(ties[0]->evidence) + ".",
                          ids});
      return;
    }
    std::vector<std::string> pairs;
    pairs.reserve(ties.size());
    for (const TieSupport* tie : ties)
      pairs.push_back(pair_of(*tie) + " (" + tie->tie + ", " + fixed2(tie->evidence) + ")");
    findings.push_back({"evidence",
                        std::to_string(ties.size()) + " ties rest only on " + resting +
                            "; evidence strength (0 none .. 1 strong), weakest first: " +
                            listed(pairs, "; ") + ".",
                        ids});
  };
  graded(weakest_first([](const TieSupport& t) { return t.anecdotal_only; }),
         "anecdotal information");
  graded(weakest_first([](const TieSupport& t) { return t.historic_only; }),
         "historic information (older than " + window + " days)");

  // Information gaps the document shows by itself.
  std::set<std::string> informed;
  for (const auto& item : document.information)
    informed.insert(item.about.begin(), item.about.end());
  {
    std::vector<std::string> names;
    std::vector<std::string> ids;
    for (const auto& person : document.people) {
      if (person.role == model::Role::Professional || informed.contains(person.id)) continue;
      names.push_back(name_of(person.id));
      ids.push_back(person.id);
    }
    if (names.size() == 1) {
      findings.push_back({"gap", names[0] + " has no information item naming a source.", ids});
    } else if (!names.empty()) {
      findings.push_back({"gap",
                          std::to_string(names.size()) +
                              " people have no information item naming a source: " + joined(names) +
                              ".",
                          ids});
    }
  }
  std::map<std::string, int> members;
  for (const auto& tie : document.ties) {
    if (tie.kind == model::TieKind::MemberOf) ++members[tie.to];
  }
  for (const auto& group : document.groups) {
    if (members[group.id] == 1)
      findings.push_back({"gap", "The group " + group.name + " has only one member.", {group.id}});
  }
  // Ties whose two people were never seen together: one finding, grouped by person. Ties last
  // seen together too long ago: one finding each, with the date.
  if (auto finding = never_seen_finding(network, support)) findings.push_back(std::move(*finding));
  for (const TieSupport& tie : support) {
    if (!tie.no_recent_sighting || !tie.last_seen) continue;
    const long days = model::days_between(*tie.last_seen, document.map.map_date);
    findings.push_back({"gap",
                        "The tie between " + pair_of(tie) + " (" + tie.tie +
                            "): last seen together on " + tie.last_seen->to_string() +
                            " (sighting " + tie.last_sighting + "), " + std::to_string(days) +
                            " days before the map date; no sighting within " +
                            std::to_string(kSightingWindowDays) + " days.",
                        {tie.tie, tie.last_sighting}});
  }
  for (const auto& subject : document.map.subject_children) {
    const bool protected_tie =
        std::any_of(document.ties.begin(), document.ties.end(), [&](const model::Tie& t) {
          return t.valence == model::Valence::Protective && (t.from == subject || t.to == subject);
        });
    if (!protected_tie) {
      findings.push_back(
          {"gap", name_of(subject) + " (subject) has no protective tie recorded.", {subject}});
    }
  }
  return findings;
}

std::vector<Finding> recorded_gap_findings(const model::Document& document,
                                           const Network& network) {
  std::vector<Finding> findings;
  for (const auto& gap : document.gaps) {
    std::string text = "Recorded gap (" + gap.id + "): " + gap.question;
    std::vector<std::string> ids{gap.id};
    std::vector<std::string> about;
    for (const auto& id : gap.about) {
      const auto tie = std::find_if(document.ties.begin(), document.ties.end(),
                                    [&](const model::Tie& t) { return t.id == id; });
      if (const model::Person* person = document.find_person(id)) {
        about.push_back(name_in(network, person->id));
      } else if (tie != document.ties.end() && tie->kind == model::TieKind::Relationship) {
        about.push_back("the tie between " + name_in(network, tie->from) + " and " +
                        name_in(network, tie->to) + " (" + id + ")");
      } else {
        about.push_back(wording::context_name(document, id));
      }
      ids.push_back(id);
    }
    if (!about.empty())
      text += (text.ends_with(".") || text.ends_with("?") ? " About " : ". About ") + joined(about);
    if (!gap.owner.empty()) text += "; owner: " + gap.owner;
    if (gap.due) text += ", due " + gap.due->to_string();
    if (!text.ends_with(".") && !text.ends_with("?")) text += ".";
    findings.push_back({"gap", text, ids, "recorded"});
  }
  return findings;
}

std::vector<Finding> grouping_findings(const model::Document& document, const Network& network,
                                       const Measures& measures) {
  std::map<std::string, std::set<std::string>> groups;  // group id -> member ids
  for (const auto& tie : document.ties) {
    if (tie.kind == model::TieKind::MemberOf) groups[tie.to].insert(tie.from);
  }
  std::map<std::int64_t, std::vector<std::size_t>> communities;
  for (std::size_t i = 0; i < network.nodes.size(); ++i)
    communities[measures.nodes[i].community].push_back(i);
  std::vector<Finding> findings;
  for (const auto& [community, members] : communities) {
    if (members.size() < 3) continue;
    std::size_t best = 0;
    for (const auto& [group, ids] : groups) {
      const auto inside = static_cast<std::size_t>(std::count_if(
          members.begin(), members.end(),
          [&network, &ids = ids](std::size_t i) { return ids.contains(network.nodes[i].id); }));
      best = std::max(best, inside);
    }
    if (2 * best >= members.size()) continue;
    std::vector<std::string> names;
    std::vector<std::string> ids;
    for (std::size_t i : members) {
      names.push_back(network.nodes[i].name);
      ids.push_back(network.nodes[i].id);
    }
    findings.push_back({"grouping",
                        joined(names) + " are more closely tied to each other than to others, but "
                                        "are not recorded as a group.",
                        ids});
  }
  return findings;
}

}  // namespace peermap::analysis
