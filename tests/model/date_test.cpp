// Calendar dates: strict parsing, printing and day arithmetic.
#include <string>

#include <gtest/gtest.h>

#include "model/date.hpp"

namespace peermap::model {
namespace {

TEST(Date, ParsesRealCalendarDates) {
  EXPECT_EQ(Date::parse("2024-05-20"), (Date{2024, 5, 20}));
  EXPECT_EQ(Date::parse("0001-01-01"), (Date{1, 1, 1}));
  EXPECT_EQ(Date::parse("9999-12-31"), (Date{9999, 12, 31}));
  EXPECT_EQ(Date::parse("2024-01-31"), (Date{2024, 1, 31}));
  EXPECT_EQ(Date::parse("2024-04-30"), (Date{2024, 4, 30}));
}

TEST(Date, KnowsLeapYears) {
  EXPECT_TRUE(Date::parse("2024-02-29"));  // divisible by 4
  EXPECT_FALSE(Date::parse("2023-02-29"));
  EXPECT_FALSE(Date::parse("1900-02-29"));  // divisible by 100, not 400
  EXPECT_TRUE(Date::parse("2000-02-29"));   // divisible by 400
  EXPECT_FALSE(Date::parse("2024-02-30"));
}

TEST(Date, RejectsAnythingButYyyyMmDd) {
  for (const char* text :
       {"",           "2024-5-20",   "2024-05-2",   "24-05-20",         "2024/05/20",
        "20240520",   " 2024-05-20", "2024-05-20 ", "2024-05-20T00:00", "+024-05-20",
        "2024-+5-20", "2024-05--1",  "0000-01-01",  "2024-00-10",       "2024-13-01",
        "2024-04-31", "2024-01-00",  "2024-01-32",  "abcd-ef-gh",       "2024-05-2\x00"}) {
    EXPECT_FALSE(Date::parse(text)) << '"' << text << '"';
  }
  EXPECT_FALSE(Date::parse(std::string_view("2024-05-2\0", 10)));
}

TEST(Date, PrintsWithLeadingZeros) {
  EXPECT_EQ((Date{2024, 5, 3}).to_string(), "2024-05-03");
  EXPECT_EQ((Date{999, 1, 5}).to_string(), "0999-01-05");
  EXPECT_EQ(Date::parse((Date{999, 1, 5}).to_string()), (Date{999, 1, 5}));
}

TEST(Date, CountsDaysFromTheEpoch) {
  EXPECT_EQ((Date{1970, 1, 1}).days_since_epoch(), 0);
  EXPECT_EQ((Date{1970, 1, 2}).days_since_epoch(), 1);
  EXPECT_EQ((Date{1969, 12, 31}).days_since_epoch(), -1);
  EXPECT_EQ((Date{2000, 3, 1}).days_since_epoch(), 11'017);
  EXPECT_EQ((Date{2024, 5, 20}).days_since_epoch(), 19'863);
}

TEST(Date, DaysBetweenIsSignedAndCrossesLeapDays) {
  EXPECT_EQ(days_between({2024, 2, 28}, {2024, 3, 1}), 2);
  EXPECT_EQ(days_between({2023, 2, 28}, {2023, 3, 1}), 1);
  EXPECT_EQ(days_between({2024, 3, 1}, {2024, 2, 28}), -2);
  EXPECT_EQ(days_between({2023, 12, 31}, {2024, 12, 31}), 366);
  EXPECT_EQ(days_between({2024, 5, 20}, {2024, 5, 20}), 0);
}

TEST(DatePeriod, ReadsADayAMonthAYearAndARangeAndWritesThemBack) {
  const auto day = DatePeriod::parse("2026-10-03");
  ASSERT_TRUE(day);
  EXPECT_EQ(day->precision, DatePrecision::Day);
  EXPECT_EQ(day->from, day->to);
  const auto month = DatePeriod::parse("2024-02");
  ASSERT_TRUE(month);
  EXPECT_EQ(month->precision, DatePrecision::Month);
  EXPECT_EQ(month->from, (Date{2024, 2, 1}));
  EXPECT_EQ(month->to, (Date{2024, 2, 29}));  // a leap year
  const auto year = DatePeriod::parse("2025");
  ASSERT_TRUE(year);
  EXPECT_EQ(year->to, (Date{2025, 12, 31}));
  const auto range = DatePeriod::parse("2026-09-20/2026-10-03");
  ASSERT_TRUE(range);
  EXPECT_EQ(range->precision, DatePrecision::Range);
  EXPECT_EQ(range->to, (Date{2026, 10, 3}));
  for (const char* text : {"2026-10-03", "2024-02", "2025", "2026-09-20/2026-10-03"}) {
    EXPECT_EQ(DatePeriod::parse(text)->to_string(), text);
  }
  for (const char* text : {"", "2026-1", "2026-13", "0000", "26", "2026-10-03/2026-10-02",
                           "2026-10/2026-11", "2026-10-03/", "2026-02-30", "20x6"}) {
    EXPECT_FALSE(DatePeriod::parse(text)) << text;
  }
}

TEST(Date, OrdersByCalendar) {
  EXPECT_LT((Date{2023, 12, 31}), (Date{2024, 1, 1}));
  EXPECT_LT((Date{2024, 1, 31}), (Date{2024, 2, 1}));
  EXPECT_EQ((Date{2024, 2, 1}), (Date{2024, 2, 1}));
}

}  // namespace
}  // namespace peermap::model
