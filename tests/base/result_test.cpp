// Result<T>: a value or an Error with a kind, never both.
#include "base/result.hpp"

#include <gtest/gtest.h>

#include <string>

namespace peermap {
namespace {

Result<int> half(int n) {
  if (n % 2 != 0) return Error{ErrorKind::Invalid, "odd"};
  return n / 2;
}

TEST(Result, HoldsAValueOrAnError) {
  const Result<int> even = half(8);
  ASSERT_TRUE(even.ok());
  EXPECT_EQ(*even, 4);
  const Result<int> odd = half(7);
  ASSERT_FALSE(odd);
  EXPECT_EQ(odd.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(odd.error().message, "odd");
}

TEST(Result, MovesItsValueOut) {
  Result<std::string> text = std::string("Mia Kowalczyk");
  const std::string taken = std::move(text).value();
  EXPECT_EQ(taken, "Mia Kowalczyk");
  EXPECT_TRUE(ok_status().ok());
}

}  // namespace
}  // namespace peermap
