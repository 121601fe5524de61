// A time budget for long work (a layout, a drawing), checked at the work's own stages: the
// caller says when its time is spent, and the work stops there with out_of_time_error().
#pragma once

#include <functional>

#include "base/result.hpp"

namespace peermap {

//! Asked between stages of long work: true when the caller's time budget is spent, and the work
//! is then abandoned. Empty: no budget.
using OutOfTime = std::function<bool()>;

//! Whether `out_of_time` says the budget is spent (an empty one never does).
[[nodiscard]] inline bool spent(const OutOfTime& out_of_time) {
  return out_of_time && out_of_time();
}

//! The error of work abandoned because its OutOfTime said so.
[[nodiscard]] inline Error out_of_time_error() {
  return Error{ErrorKind::Unavailable, "the drawing ran over its time budget"};
}

}  // namespace peermap
