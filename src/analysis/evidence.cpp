#include "analysis/evidence.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <utility>

namespace peermap::analysis {

namespace {

constexpr double kUntested = 0.5;  //!< a source nobody has graded, or graded as untested

//! How reliable the source is, 0 .. 1.
double source_factor(const model::Grading& grading) {
  if (grading.scheme == "simple") {
    if (!grading.reliable) return kUntested;
    return *grading.reliable ? 0.8 : 0.2;  // as 5x5x5 B "mostly reliable" and D "unreliable"
  }
  if (grading.scheme == "3x5x2") {
    static const std::map<std::string, double> kSource{{"1", 1.0}, {"2", kUntested}, {"3", 0.2}};
    const auto found = kSource.find(grading.source);
    return found == kSource.end() ? kUntested : found->second;
  }
  if (grading.scheme == "5x5x5") {
    static const std::map<std::string, double> kSource{
        {"A", 1.0}, {"B", 0.8}, {"C", 0.5}, {"D", 0.2}, {"E", kUntested}};
    const auto found = kSource.find(grading.source);
    return found == kSource.end() ? kUntested : found->second;
  }
  return kUntested;  // ungraded
}

//! How well the information itself is known, 0 .. 1; suspected false is worth nothing.
double content_factor(const model::InformationItem& item) {
  const model::Grading& grading = item.grading;
  if (grading.scheme == "3x5x2") {
    static const std::map<std::string, double> kKnown{
        {"A", 1.0}, {"B", 0.8}, {"C", 0.6}, {"D", 0.4}, {"E", 0.0}};
    const auto found = kKnown.find(grading.intelligence);
    if (found != kKnown.end()) return found->second;
  } else if (grading.scheme == "5x5x5") {
    static const std::map<std::string, double> kKnown{
        {"1", 1.0}, {"2", 0.8}, {"3", 0.6}, {"4", 0.4}, {"5", 0.0}};
    const auto found = kKnown.find(grading.intelligence);
    if (found != kKnown.end()) return found->second;
  }
  // Not graded by the scheme: as "known indirectly, but corroborated" or "known indirectly".
  return item.evidence == model::Evidence::Evidenced ? 0.8 : 0.6;
}

//! The date an item's age is counted from: when it happened, else when it was recorded.
std::optional<model::Date> item_date(const model::InformationItem& item) {
  return item.observed ? item.observed : item.recorded;
}

}  // namespace

double item_grade(const model::InformationItem& item) {
  return source_factor(item.grading) * content_factor(item);
}

double item_recency(const model::InformationItem& item, const model::MapInfo& map) {
  const auto when = item_date(item);
  if (!when) return 0.5;  // not known to be recent or historic: as if one window old
  const auto age = std::max(0L, model::days_between(*when, map.map_date));
  const double half_life = std::max(1, map.recent_window_days);
  return std::max(kRecencyFloor, std::exp2(-static_cast<double>(age) / half_life));
}

std::string evidence_state(const TieSupport& tie) {
  if (tie.items == 0) return "no information";
  if (tie.anecdotal_only && tie.historic_only) return "anecdotal and historic only";
  if (tie.anecdotal_only) return "anecdotal only";
  if (tie.historic_only) return "historic only";
  return tie.evidenced_recent ? "evidenced and recent" : "evidenced only historically";
}

std::string evidence_text(const TieSupport& tie) {
  if (tie.items == 0) return "no information";
  char buffer[32];
  (void)std::snprintf(buffer, sizeof buffer, "%.2f", tie.evidence);  // 0 .. 1 fits
  return buffer;
}

std::vector<TieSupport> tie_support(const model::Document& document) {
  std::map<std::string, std::vector<const model::InformationItem*>> about;
  for (const auto& item : document.information) {
    // An item naming the same tie twice counts once.
    const std::set<std::string> ids(item.about.begin(), item.about.end());
    for (const auto& id : ids) about[id].push_back(&item);
  }
  // The newest sighting of every pair of people seen together (the pair in id order).
  std::map<std::pair<std::string, std::string>, const model::Sighting*> seen;
  for (const auto& sighting : document.sightings) {
    for (std::size_t i = 0; i < sighting.people.size(); ++i) {
      for (std::size_t j = i + 1; j < sighting.people.size(); ++j) {
        auto pair = std::minmax(sighting.people[i], sighting.people[j]);
        const model::Sighting*& newest = seen[{pair.first, pair.second}];
        if (newest == nullptr || newest->date < sighting.date) newest = &sighting;
      }
    }
  }
  const auto professional = [&](const std::string& id) {
    const model::Person* person = document.find_person(id);
    return person != nullptr && person->role == model::Role::Professional;
  };

  std::vector<TieSupport> out;
  for (const auto& tie : document.ties) {
    if (tie.kind != model::TieKind::Relationship) continue;
    TieSupport support;
    support.tie = tie.id;
    support.from = tie.from;
    support.to = tie.to;
    double nothing = 1;  // the chance that every item is wrong
    bool any_evidenced = false;
    bool any_recent = false;
    if (const auto found = about.find(tie.id); found != about.end()) {
      for (const model::InformationItem* item : found->second) {
        ++support.items;
        nothing *= 1 - item_grade(*item) * item_recency(*item, document.map);
        const bool evidenced = item->evidence == model::Evidence::Evidenced;
        any_evidenced = any_evidenced || evidenced;
        // As model::tie_evidence: undated information is not known to be historic.
        const auto when = item_date(*item);
        const bool recent = !when || model::days_between(*when, document.map.map_date) <=
                                         document.map.recent_window_days;
        any_recent = any_recent || recent;
        support.evidenced_recent = support.evidenced_recent || (evidenced && recent);
        if (when && (!support.newest || *support.newest < *when)) support.newest = when;
      }
    }
    support.evidence = 1 - nothing;
    support.anecdotal_only = support.items > 0 && !any_evidenced;
    support.historic_only = support.items > 0 && !any_recent;
    const auto pair = std::minmax(tie.from, tie.to);
    if (const auto found = seen.find({pair.first, pair.second}); found != seen.end()) {
      support.last_seen = found->second->date;
      support.last_sighting = found->second->id;
    }
    support.no_recent_sighting =
        !professional(tie.from) && !professional(tie.to) &&
        (!support.last_seen ||
         model::days_between(*support.last_seen, document.map.map_date) > kSightingWindowDays);
    out.push_back(std::move(support));
  }
  return out;
}

}  // namespace peermap::analysis
