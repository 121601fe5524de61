#include "model/date.hpp"

#include <chrono>
#include <cstdio>

namespace peermap::model {
namespace {

//! Reads exactly `count` ASCII digits at `at`; -1 if any is not a digit.
int digits(std::string_view text, std::size_t at, std::size_t count) {
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') {
      return -1;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

std::chrono::year_month_day calendar(const Date& date) {
  return std::chrono::year{date.year} / std::chrono::month{static_cast<unsigned>(date.month)} /
         std::chrono::day{static_cast<unsigned>(date.day)};
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const Date date{digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2)};
  // Year 0 is not a calendar year anyone records; month and day ranges are checked by ok().
  if (date.year < 1 || date.month < 1 || date.day < 1 || !calendar(date).ok()) {
    return std::nullopt;
  }
  return date;
}

std::string Date::to_string() const {
  char text[16];
  // The count is not needed: a real date fits, and snprintf always ends the text.
  (void)std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return text;
}

std::optional<DatePeriod> DatePeriod::parse(std::string_view text) {
  if (const auto slash = text.find('/'); slash != std::string_view::npos) {
    const auto from = Date::parse(text.substr(0, slash));
    const auto to = Date::parse(text.substr(slash + 1));
    if (!from || !to || *to < *from) return std::nullopt;
    return DatePeriod{*from, *to, DatePrecision::Range};
  }
  if (text.size() == 10) {
    const auto day = Date::parse(text);
    if (!day) return std::nullopt;
    return DatePeriod{*day, *day, DatePrecision::Day};
  }
  if (text.size() == 7 && text[4] == '-') {
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    if (year < 1 || month < 1 || month > 12) return std::nullopt;
    const auto last = std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
                      std::chrono::last;
    return DatePeriod{{year, month, 1},
                      {year, month, static_cast<int>(static_cast<unsigned>(last.day()))},
                      DatePrecision::Month};
  }
  if (text.size() == 4) {
    const int year = digits(text, 0, 4);
    if (year < 1) return std::nullopt;
    return DatePeriod{{year, 1, 1}, {year, 12, 31}, DatePrecision::Year};
  }
  return std::nullopt;
}

std::string DatePeriod::to_string() const {
  switch (precision) {
    case DatePrecision::Day:
      return from.to_string();
    case DatePrecision::Month:
      return from.to_string().substr(0, 7);
    case DatePrecision::Year:
      return from.to_string().substr(0, 4);
    case DatePrecision::Range:
      return from.to_string() + "/" + to.to_string();
  }
  return from.to_string();
}

long Date::days_since_epoch() const {
  return static_cast<long>(std::chrono::sys_days{calendar(*this)}.time_since_epoch().count());
}

long days_between(const Date& a, const Date& b) {
  return b.days_since_epoch() - a.days_since_epoch();
}

Date today_utc() {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day date{today};
  return {static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
          static_cast<int>(static_cast<unsigned>(date.day()))};
}

}  // namespace peermap::model
