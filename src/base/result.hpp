// The project's one error policy (docs/architecture.md): expected failures are values.
// A Result<T> holds either a T or an Error with a kind and a message. Exceptions are only
// for what cannot go on; assert only for programmer errors.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace peermap {

//! Unavailable: not done for want of capacity or time (a budget spent); worth trying later.
enum class ErrorKind { Invalid, NotFound, Conflict, Forbidden, Io, Internal, Unavailable };

struct Error {
  ErrorKind kind = ErrorKind::Internal;
  std::string message;
};

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  [[nodiscard]] T& value() & { return std::get<0>(state_); }
  [[nodiscard]] const T& value() const& { return std::get<0>(state_); }
  [[nodiscard]] T&& value() && { return std::get<0>(std::move(state_)); }
  [[nodiscard]] const Error& error() const { return std::get<1>(state_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> state_;
};

//! Result of an operation with no value.
struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() { return Unit{}; }

}  // namespace peermap
