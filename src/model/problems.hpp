// Validation problems, and the log a validation collects them in.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace peermap::model {

enum class Severity { Error, Warning };

//! One validation problem: where (a JSON pointer, or "line:column" for malformed JSON) and what.
struct Problem {
  std::string where;
  Severity severity = Severity::Error;
  std::string message;
};

//! A hostile file can hold millions of faults; nobody reads past the first thousand.
inline constexpr std::size_t kMaxProblems = 1'000;

//! The problems one validation finds, kept to kMaxProblems (the rest only counted) and given
//! back in document order.
class ProblemLog {
 public:
  void error(const std::string& where, std::string message) {
    add(where, Severity::Error, std::move(message));
  }
  void warning(const std::string& where, std::string message) {
    add(where, Severity::Warning, std::move(message));
  }

  //! True once further problems are only counted: callers may skip composing costly messages.
  [[nodiscard]] bool full() const { return ordered_.size() >= kMaxProblems; }

  //! Problems in document order: by section, then item; within an item as found. A last
  //! problem at "/" counts those not kept.
  [[nodiscard]] std::vector<Problem> finish() &&;

  using Order = std::pair<std::size_t, std::size_t>;  //!< section rank, item index

  //! Where a problem at `where` sorts: the whole document and "line:column" first, then by
  //! section (in kSections order) and item.
  [[nodiscard]] static Order order_of(std::string_view where);

 private:
  void add(const std::string& where, Severity severity, std::string message) {
    if (full()) {
      ++(severity == Severity::Error ? dropped_errors_ : dropped_warnings_);
      return;
    }
    ordered_.emplace_back(order_of(where),
                          Problem{where.empty() ? "/" : where, severity, std::move(message)});
  }

  std::vector<std::pair<Order, Problem>> ordered_;
  std::size_t dropped_errors_ = 0;
  std::size_t dropped_warnings_ = 0;
};

}  // namespace peermap::model
