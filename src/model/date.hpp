// Calendar dates (YYYY-MM-DD), no time zone: the domain only ever records days.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace peermap::model {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  //! Parses a strict YYYY-MM-DD real calendar date; nullopt otherwise.
  [[nodiscard]] static std::optional<Date> parse(std::string_view text);
  [[nodiscard]] std::string to_string() const;
  //! Days since 1970-01-01 (proleptic Gregorian).
  [[nodiscard]] long days_since_epoch() const;
  // clang-tidy 14 takes the literal 0 of the defaulted <=>'s comparison for a null pointer.
  auto operator<=>(const Date&) const = default;  // NOLINT(modernize-use-nullptr)
};

//! Whole days from `a` to `b` (positive when b is later).
[[nodiscard]] long days_between(const Date& a, const Date& b);

//! Today's date from the system clock (UTC), for the CLI; tests inject their own.
[[nodiscard]] Date today_utc();

}  // namespace peermap::model
