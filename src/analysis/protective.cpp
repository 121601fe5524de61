#include "analysis/protective.hpp"

#include <algorithm>
#include <string>

#include "analysis/wording.hpp"

namespace peermap::analysis {
namespace {

//! The valence recorded for a place or a group itself (model::Location::valence).
model::Valence context_valence(const model::Document& document, const std::string& id) {
  if (const model::Location* l = document.find_location(id)) return l->valence;
  if (const model::Group* g = document.find_group(id)) return g->valence;
  return model::Valence::Unknown;
}

}  // namespace

std::vector<Finding> protective_findings(const model::Document& document, const Network& network) {
  std::vector<Finding> findings;
  for (const auto& subject : document.map.subject_children) {
    std::vector<std::string> ids{subject};
    const auto note = [&](const std::string& id) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    };
    std::vector<std::string> people;
    std::vector<std::string> marked;  // places and groups recorded as protective in themselves
    std::vector<std::string> contexts;
    for (const auto& tie : document.ties) {
      if (tie.from != subject && tie.to != subject) continue;
      const std::string& other = tie.from == subject ? tie.to : tie.from;
      if (tie.kind == model::TieKind::Relationship && tie.valence == model::Valence::Protective) {
        people.push_back(wording::name_in(network, other) + " (" + tie.id + ")");
        note(other);
        note(tie.id);
      } else if (tie.kind != model::TieKind::Relationship) {
        if (context_valence(document, other) == model::Valence::Protective) {
          marked.push_back(wording::context_name(document, other) + " (" + other + ")");
          note(other);
        }
        for (const auto& strength : document.risks) {
          if (!strength.is_strength || strength.about != other) continue;
          contexts.push_back(wording::context_name(document, other) + " (" + strength.id + ")");
          note(other);
          note(strength.id);
        }
      }
    }
    std::vector<std::string> own;
    for (const auto& strength : document.risks) {
      if (!strength.is_strength || strength.about != subject) continue;
      own.push_back("\"" + strength.description + "\" (" + strength.id + ")");
      note(strength.id);
    }
    if (people.empty() && marked.empty() && contexts.empty() && own.empty()) continue;
    std::vector<std::string> parts;
    if (!people.empty())
      parts.push_back("people with a protective tie: " + wording::joined(people));
    if (!marked.empty())
      parts.push_back("protective places and groups: " + wording::joined(marked));
    if (!contexts.empty())
      parts.push_back("places and groups with a recorded strength: " + wording::joined(contexts));
    if (!own.empty()) parts.push_back("recorded strengths: " + wording::joined(own));
    findings.push_back({"protective",
                        "Protective for " + wording::name_in(network, subject) +
                            " (subject): " + wording::listed(parts, "; ") + ".",
                        ids});
  }
  return findings;
}

}  // namespace peermap::analysis
