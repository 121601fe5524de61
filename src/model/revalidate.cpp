// revalidate(): the problems of a document after an edit inside a few items, from the problems
// before it and a read of only the edited items.
#include "model/revalidate.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "model/document_reader.hpp"
#include "model/id_registry.hpp"
#include "model/json_pointer.hpp"

namespace peermap::model {
namespace {

using json = nlohmann::json;
using detail::Context;
using detail::DocumentReader;

struct AloneRead {
  std::vector<Problem> problems;
  std::string footprint;
  std::optional<Date> map_date;
};

std::optional<AloneRead> read_alone(const EditedItem& item, const json& value,
                                    const std::optional<Date>& map_date,
                                    const ParseOptions& options) {
  Context context;
  DocumentReader reader(options, context);
  const std::string pointer =
      item.section == "map" ? std::string("/map") : child("/" + item.section, item.index);
  if (!reader.read_alone(item.section, value, pointer, map_date)) return std::nullopt;
  AloneRead out;
  out.footprint = reader.footprint();
  out.map_date = reader.map_date();
  out.problems = std::move(context.log).finish();
  return out;
}

bool same(const Problem& a, const Problem& b) {
  return a.where == b.where && a.severity == b.severity && a.message == b.message;
}

}  // namespace

std::optional<std::vector<Problem>> revalidate(const std::vector<Problem>& before_problems,
                                               const json& after_root,
                                               const std::vector<ItemBefore>& edited,
                                               const ParseOptions& options) {
  if (before_problems.size() >= kMaxProblems) return std::nullopt;
  for (const auto& problem : before_problems) {
    if (problem.severity == Severity::Error) return std::nullopt;
  }
  // The map first: its date is what people's ages are checked against.
  const json* map_after = item_value(after_root, EditedItem{"map", 0});
  if (map_after == nullptr) return std::nullopt;
  std::optional<Date> map_date;
  {
    auto now = read_alone(EditedItem{"map", 0}, *map_after, std::nullopt, options);
    if (!now) return std::nullopt;
    map_date = now->map_date;
  }
  std::vector<std::pair<ProblemLog::Order, std::vector<Problem>>> replaced;  // old run -> new
  std::vector<std::vector<Problem>> olds;
  for (const auto& [item, before] : edited) {
    const json* after = item_value(after_root, item);
    if (after == nullptr) return std::nullopt;
    auto was = read_alone(item, before, map_date, options);
    auto now = read_alone(item, *after, map_date, options);
    if (!was || !now || was->footprint != now->footprint) return std::nullopt;
    for (const auto& problem : now->problems) {
      if (problem.severity == Severity::Error) return std::nullopt;
    }
    const std::string pointer =
        item.section == "map" ? "/map" : child("/" + item.section, item.index);
    const auto order = ProblemLog::order_of(pointer);
    for (const auto& [seen, ignored] : replaced) {
      if (seen == order) return std::nullopt;  // the same item twice: the caller's mistake
    }
    replaced.emplace_back(order, std::move(now->problems));
    olds.push_back(std::move(was->problems));
  }
  // Each edited item's problems are a run (they are sorted by item): its own, as read alone
  // (the first part), then those of pass 2, which no edit with an unchanged footprint alters.
  std::vector<Problem> out;
  out.reserve(before_problems.size() + 8);
  std::size_t at = 0;
  std::vector<bool> done(replaced.size(), false);
  while (at < before_problems.size()) {
    const auto order = ProblemLog::order_of(before_problems[at].where);
    std::size_t k = 0;
    while (k < replaced.size() && replaced[k].first != order) ++k;
    if (k == replaced.size()) {
      out.push_back(before_problems[at++]);
      continue;
    }
    std::size_t end = at;
    while (end < before_problems.size() &&
           ProblemLog::order_of(before_problems[end].where) == order) {
      ++end;
    }
    const auto& old_own = olds[k];
    if (old_own.size() > end - at) return std::nullopt;
    for (std::size_t i = 0; i < old_own.size(); ++i) {
      if (!same(old_own[i], before_problems[at + i])) return std::nullopt;
    }
    out.insert(out.end(), replaced[k].second.begin(), replaced[k].second.end());
    out.insert(out.end(),
               before_problems.begin() + static_cast<std::ptrdiff_t>(at + old_own.size()),
               before_problems.begin() + static_cast<std::ptrdiff_t>(end));
    done[k] = true;
    at = end;
  }
  // Items that had no problems before: their new ones go where their order puts them.
  for (std::size_t k = 0; k < replaced.size(); ++k) {
    if (done[k]) continue;
    if (!olds[k].empty()) return std::nullopt;
    if (replaced[k].second.empty()) continue;
    const auto position = std::find_if(out.begin(), out.end(), [&](const Problem& p) {
      return replaced[k].first < ProblemLog::order_of(p.where);
    });
    out.insert(position, replaced[k].second.begin(), replaced[k].second.end());
  }
  if (out.size() >= kMaxProblems) return std::nullopt;
  return out;
}

}  // namespace peermap::model
