// JSON pointers (RFC 6901) into a peermap/1 document, and the items they lie in.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace peermap::model {

//! `pointer` with one more reference token, "~" and "/" in it escaped ("~0", "~1").
[[nodiscard]] std::string child(std::string_view pointer, std::string_view token);
//! `pointer` with an array index appended.
[[nodiscard]] std::string child(std::string_view pointer, std::size_t index);

//! One item of a document: the map ("map", index 0), or element `index` of a section.
struct EditedItem {
  std::string section;
  std::size_t index = 0;
  bool operator==(const EditedItem&) const = default;
};

//! The item a JSON pointer lies in ("/people/3/notes" and "/people/3" are in people 3,
//! "/map/purpose" in the map); nullopt for a pointer outside every item ("", "/people",
//! "/people/-", "/format").
[[nodiscard]] std::optional<EditedItem> edited_item(std::string_view pointer);

//! The value of `item` in `document` (the "map" object itself, or the section's element), or
//! nullptr when the document has no such item: not an object, no such section, or an index
//! past the end (or a section that is not an array).
[[nodiscard]] const nlohmann::json* item_value(const nlohmann::json& document,
                                               const EditedItem& item);
[[nodiscard]] nlohmann::json* item_value(nlohmann::json& document, const EditedItem& item);

}  // namespace peermap::model
