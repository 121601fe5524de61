#include "model/json_pointer.hpp"

#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

#include "model/vocabulary.hpp"

namespace peermap::model {
namespace {

template <typename Json>  // json or const json
Json* item_in(Json& document, const EditedItem& item) {
  if (!document.is_object()) return nullptr;
  const auto section = document.find(item.section);
  if (section == document.end()) return nullptr;
  if (item.section == "map") return &*section;
  if (!section->is_array() || item.index >= section->size()) return nullptr;
  return &(*section)[item.index];
}

}  // namespace

std::string child(std::string_view pointer, std::string_view token) {
  std::string out(pointer);
  out += '/';
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string child(std::string_view pointer, std::size_t index) {
  return std::string(pointer) + '/' + std::to_string(index);
}

std::optional<EditedItem> edited_item(std::string_view pointer) {
  if (pointer.size() < 2 || pointer.front() != '/') return std::nullopt;
  const std::size_t slash = pointer.find('/', 1);
  const std::string_view section = pointer.substr(1, slash - 1);
  if (section == "map") return EditedItem{"map", 0};
  if (slash == std::string_view::npos ||
      std::find(kSections.begin(), kSections.end(), section) == kSections.end() ||
      section == "format") {
    return std::nullopt;
  }
  const std::size_t end = pointer.find('/', slash + 1);
  const std::string_view index = pointer.substr(slash + 1, end - slash - 1);
  // An array index as RFC 6901 writes it: digits, no leading zero ("-" is not an item).
  if (index.empty() || index.size() > 9 || (index.size() > 1 && index.front() == '0') ||
      !std::all_of(index.begin(), index.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::size_t number = 0;
  std::from_chars(index.data(), index.data() + index.size(), number);
  return EditedItem{std::string(section), number};
}

const nlohmann::json* item_value(const nlohmann::json& document, const EditedItem& item) {
  return item_in(document, item);
}

nlohmann::json* item_value(nlohmann::json& document, const EditedItem& item) {
  return item_in(document, item);
}

}  // namespace peermap::model
