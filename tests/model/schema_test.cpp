// docs/peermap-1.schema.json and the reader must agree: every field the schema lists is one the
// reader knows, and every enum has the same values in both.
#include <algorithm>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace peermap::model {
namespace {

using nlohmann::json;

json read_schema() {
  std::ifstream in(std::string(PEERMAP_SOURCE_DIR) + "/docs/peermap-1.schema.json");
  return json::parse(in);
}

std::string field_of(std::string pointer, const std::string& field) {
  pointer += '/';
  pointer += field;
  return pointer;
}

//! Where each schema definition sits in valid-full.json.
const std::vector<std::pair<std::string, std::string>>& definition_places() {
  static const std::vector<std::pair<std::string, std::string>> places = {
      {"map", "/map"},
      {"person", "/people/0"},
      {"location", "/locations/0"},
      {"group", "/groups/0"},
      {"tie", "/ties/0"},
      {"informationItem", "/information/0"},
      {"sighting", "/sightings/0"},
      {"riskOrStrength", "/risks/0"},
      {"informationGap", "/gaps/0"},
      {"action", "/actions/0"},
      {"meeting", "/meetings/0"},
      {"ecomap", "/ecomaps/0"},
      {"pin", "/pins/0"}};
  return places;
}

//! Problems reported exactly at `where` after setting it to `value` in valid-full.json.
std::vector<Problem> problems_at(const std::string& where, const json& value) {
  json tree = json::parse(read_data("valid-full.json"));
  tree[json::json_pointer(where)] = value;
  std::vector<Problem> found;
  for (auto& problem : parse_document(tree.dump(), test_options()).problems) {
    if (problem.where == where) {
      found.push_back(std::move(problem));
    }
  }
  return found;
}

std::set<std::string> listed_after(const std::string& message, const std::string& marker) {
  std::set<std::string> values;
  std::size_t at = message.find(marker);
  if (at == std::string::npos) {
    return values;
  }
  at += marker.size();
  while (at < message.size()) {
    const std::size_t end = std::min(message.find(", ", at), message.size());
    values.insert(message.substr(at, end - at));
    at = end + 2;
  }
  return values;
}

TEST(Schema, IsJsonSchemaDraft2020AndClosed) {
  const json schema = read_schema();
  EXPECT_EQ(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(schema["additionalProperties"], false);
  for (const auto& [name, place] : definition_places()) {
    EXPECT_EQ(schema["$defs"][name]["additionalProperties"], false) << name;
  }
}

TEST(Schema, ReaderKnowsEveryFieldTheSchemaLists) {
  const json schema = read_schema();
  const json full = json::parse(read_data("valid-full.json"));
  for (const auto& [name, place] : definition_places()) {
    const json& item = full[json::json_pointer(place)];
    for (const auto& [field, ignored] : schema["$defs"][name]["properties"].items()) {
      const json value = item.contains(field) ? item[field] : json(nullptr);
      for (const auto& problem : problems_at(field_of(place, field), value)) {
        EXPECT_EQ(problem.message.find("unknown field"), std::string::npos) << problem;
      }
    }
  }
}

// valid-full.json exercises every field, so the round trip and the tests above cover them all.
TEST(Schema, FullExampleUsesEveryField) {
  const json schema = read_schema();
  const json full = json::parse(read_data("valid-full.json"));
  for (const auto& [name, place] : definition_places()) {
    const std::string section = place.substr(0, place.rfind('/'));
    const json& items =
        name == "map" ? json::array({full["map"]}) : full[json::json_pointer(section)];
    for (const auto& property : schema["$defs"][name]["properties"].items()) {
      const std::string& field = property.key();
      const bool used = std::any_of(items.begin(), items.end(),
                                    [&](const json& item) { return item.contains(field); });
      EXPECT_TRUE(used) << name << "." << field << " is not in valid-full.json";
    }
  }
}

TEST(Schema, EnumsHaveTheSameValuesAsTheReader) {
  const json schema = read_schema();
  int enums_checked = 0;
  for (const auto& [name, place] : definition_places()) {
    for (const auto& [field, rule] : schema["$defs"][name]["properties"].items()) {
      if (!rule.contains("enum")) {
        continue;
      }
      ++enums_checked;
      const std::string where = field_of(place, field);
      std::set<std::string> in_schema;
      for (const auto& value : rule["enum"]) {
        in_schema.insert(value.get<std::string>());
        EXPECT_TRUE(problems_at(where, value).empty()) << where << " = " << value;
      }
      const auto refused = problems_at(where, "not-a-value");
      ASSERT_EQ(refused.size(), 1u) << where;
      EXPECT_EQ(listed_after(refused[0].message, "is not one of: "), in_schema) << refused[0];
    }
  }
  EXPECT_EQ(enums_checked, 16);  // with the places' and groups' valence
}

}  // namespace
}  // namespace peermap::model
