// The full-name rule on its own (json_io_test checks it as validation applies it).
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/full_name.hpp"

namespace peermap::model {
namespace {

TEST(Words, SplitAtSpacesTabsAndLineBreaks) {
  EXPECT_EQ(words("  Jayden \t Clarke\r\n"), (std::vector<std::string_view>{"Jayden", "Clarke"}));
  EXPECT_TRUE(words(" \t\r\n").empty());
  EXPECT_TRUE(words("").empty());
}

TEST(IsInitial, OneCharacterBetweenDotsOrALatinLetter) {
  for (const auto* initial : {"J", "j", "J.", "J.R.", "c."}) {
    EXPECT_TRUE(is_initial(initial)) << initial;
  }
  // One character is a whole given name in some scripts; "St." is an abbreviation.
  for (const auto* word : {"芳", "St.", "Jo", "O'Neill", ""}) {
    EXPECT_FALSE(is_initial(word)) << word;
  }
}

TEST(FullNameFault, SaysWhyANameIsNotAFullName) {
  EXPECT_EQ(full_name_fault("Jayden Clarke"), std::nullopt);
  EXPECT_EQ(full_name_fault("王 芳"), std::nullopt);
  EXPECT_EQ(full_name_fault("Jayden"), std::optional<std::string>("\"Jayden\" is a single word"));
  EXPECT_EQ(full_name_fault("  "), std::optional<std::string>("\"  \" is a single word"));
  EXPECT_EQ(full_name_fault("J.R. Clarke"),
            std::optional<std::string>("\"J.R. Clarke\" contains an initial (\"J.R.\")"));
  EXPECT_EQ(full_name_fault("Jayden C"),
            std::optional<std::string>("\"Jayden C\" contains an initial (\"C\")"));
}

}  // namespace
}  // namespace peermap::model
