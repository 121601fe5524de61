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

//! How precisely a date is known (observations and sightings): a day, a month, a year, or a
//! range of days.
enum class DatePrecision { Day, Month, Year, Range };

//! A date as precisely as it is known. In the format: "2026-10-03" (a day), "2026-10" (a month),
//! "2026" (a year) or "2026-09-20/2026-10-03" (a range, ISO 8601's interval).
struct DatePeriod {
  Date from;  //!< the first day it may have been
  Date to;    //!< the last day it may have been (`from` for a day)
  DatePrecision precision = DatePrecision::Day;

  //! One of the four forms above, each a real calendar date, a range not ending before it
  //! starts; nullopt otherwise.
  [[nodiscard]] static std::optional<DatePeriod> parse(std::string_view text);
  //! The form it was written in.
  [[nodiscard]] std::string to_string() const;
  bool operator==(const DatePeriod&) const = default;
};

//! Whole days from `a` to `b` (positive when b is later).
[[nodiscard]] long days_between(const Date& a, const Date& b);

//! Today's date from the system clock (UTC), for the CLI; tests inject their own.
[[nodiscard]] Date today_utc();

}  // namespace peermap::model
