// JSON pointer helpers: building pointers, and finding an item's value in a document tree.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "model/json_pointer.hpp"

namespace peermap::model {
namespace {

using json = nlohmann::json;

TEST(Child, EscapesTildeAndSlashInAToken) {
  EXPECT_EQ(child("", "people"), "/people");
  EXPECT_EQ(child("/map", "a/b"), "/map/a~1b");
  EXPECT_EQ(child("/map", "a~b"), "/map/a~0b");
  EXPECT_EQ(child("/map", "~/"), "/map/~0~1");
  EXPECT_EQ(child("/people", std::size_t{3}), "/people/3");
}

//   map --- people[0], people[1]        ties: not an array        no "groups"
class ItemValue : public ::testing::Test {
 protected:
  json document = {{"map", {{"title", "Park map"}}},
                   {"people", json::array({{{"id", "p1"}}, {{"id", "p2"}}})},
                   {"ties", {{"id", "t1"}}}};
};

TEST_F(ItemValue, TheMapIsTheSectionItself) {
  const json* map = item_value(document, EditedItem{"map", 0});
  ASSERT_NE(map, nullptr);
  EXPECT_EQ(map, &document["map"]);
  // The index is not looked at for the map.
  EXPECT_EQ(item_value(document, EditedItem{"map", 7}), &document["map"]);
}

TEST_F(ItemValue, ASectionsElementByIndex) {
  EXPECT_EQ(item_value(document, EditedItem{"people", 0}), &document["people"][0]);
  EXPECT_EQ(item_value(document, EditedItem{"people", 1}), &document["people"][1]);
}

TEST_F(ItemValue, NothingPastTheEndOrOutsideTheDocument) {
  EXPECT_EQ(item_value(document, EditedItem{"people", 2}), nullptr);          // past the end
  EXPECT_EQ(item_value(document, EditedItem{"groups", 0}), nullptr);          // no such section
  EXPECT_EQ(item_value(document, EditedItem{"ties", 0}), nullptr);            // not an array
  EXPECT_EQ(item_value(json::array({1, 2}), EditedItem{"map", 0}), nullptr);  // not an object
  EXPECT_EQ(item_value(json("text"), EditedItem{"people", 0}), nullptr);
}

TEST_F(ItemValue, ConstAndMutableAgree) {
  const json& read_only = document;
  for (const auto& item : {EditedItem{"map", 0}, EditedItem{"people", 1}, EditedItem{"people", 5},
                           EditedItem{"groups", 0}}) {
    EXPECT_EQ(item_value(read_only, item), item_value(document, item)) << item.section;
  }
}

TEST_F(ItemValue, TheMutableOneLetsTheCallerReplaceTheItem) {
  json* person = item_value(document, EditedItem{"people", 1});
  ASSERT_NE(person, nullptr);
  *person = {{"id", "p9"}};
  EXPECT_EQ(document["people"][1]["id"], "p9");
}

TEST(EditedItemAndItemValue, APointerInsideAnItemFindsTheItem) {
  const json document = {{"map", json::object()},
                         {"people", json::array({json::object(), {{"notes", "x"}}})}};
  const auto item = edited_item("/people/1/notes");
  ASSERT_TRUE(item);
  EXPECT_EQ(item_value(document, *item), &document["people"][1]);
}

}  // namespace
}  // namespace peermap::model
