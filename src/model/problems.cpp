#include "model/problems.hpp"

#include <algorithm>
#include <charconv>

#include "model/vocabulary.hpp"

namespace peermap::model {

std::vector<Problem> ProblemLog::finish() && {
  std::stable_sort(ordered_.begin(), ordered_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Problem> problems;
  problems.reserve(ordered_.size() + 1);
  for (auto& entry : ordered_) {
    problems.push_back(std::move(entry.second));
  }
  if (dropped_errors_ + dropped_warnings_ > 0) {
    problems.push_back(
        {"/", dropped_errors_ > 0 ? Severity::Error : Severity::Warning,
         std::to_string(dropped_errors_ + dropped_warnings_) + " more problems not shown"});
  }
  return problems;
}

ProblemLog::Order ProblemLog::order_of(std::string_view where) {
  if (where.empty() || where.front() != '/') {
    return {0, 0};  // the whole document, or "line:column"
  }
  const std::size_t slash = where.find('/', 1);
  const std::string_view section = where.substr(1, slash - 1);
  const auto rank = static_cast<std::size_t>(
      std::find(kSections.begin(), kSections.end(), section) - kSections.begin());
  std::size_t index = 0;
  if (slash != std::string_view::npos) {
    const std::string_view rest = where.substr(slash + 1);
    std::from_chars(rest.data(), rest.data() + rest.size(), index);
  }
  return {rank + 1, index};
}

}  // namespace peermap::model
