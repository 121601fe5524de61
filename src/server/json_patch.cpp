#include "server/json_patch.hpp"

#include <algorithm>

#include "server/diff.hpp"

namespace peermap::server {
namespace {

using json = nlohmann::json;

using model::item_value;

}  // namespace

std::size_t copy_cost(const json& root, std::size_t limit) {
  constexpr std::size_t kBytesPerUnit = 64;
  std::size_t cost = 0;
  std::vector<const json*> stack{&root};
  while (!stack.empty() && cost <= limit) {
    const json* node = stack.back();
    stack.pop_back();
    ++cost;
    if (node->is_string()) {
      cost += node->get_ref<const std::string&>().size() / kBytesPerUnit;
    } else if (node->is_object()) {
      for (const auto& [key, child] : node->items()) {
        cost += key.size() / kBytesPerUnit;
        stack.push_back(&child);
      }
    } else if (node->is_array()) {
      for (const auto& child : *node) stack.push_back(&child);
    }
  }
  return cost;
}

std::size_t text_size_at(const json& value, std::size_t depth) {
  const std::string text = value.dump(2);
  return text.size() +
         2 * depth * static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

std::size_t json_depth(const json& root, std::size_t limit) {
  std::size_t deepest = 0;
  std::vector<std::pair<const json*, std::size_t>> stack{{&root, 0}};
  while (!stack.empty()) {
    const auto [node, depth] = stack.back();
    stack.pop_back();
    if (!node->is_structured()) continue;
    deepest = std::max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const auto& child : *node) stack.emplace_back(&child, depth + 1);
  }
  return deepest;
}

std::optional<TouchedItems> items_touched(const json& patch, const json& tree) {
  TouchedItems touched;
  const auto text_of = [](const json& op, const char* field) {
    const auto it = op.find(field);
    return it != op.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  for (const auto& op : patch) {
    if (!op.is_object()) break;  // refused when applied, with its index
    const std::string kind = text_of(op, "op");
    if (kind == "test") continue;  // changes nothing
    std::vector<std::string> changed{text_of(op, "path")};
    if (kind == "move") changed.push_back(text_of(op, "from"));
    for (const auto& pointer : changed) {
      const auto item = model::edited_item(pointer);
      // Adding, removing or moving a whole item moves the items after it.
      const bool whole_item =
          item && (item->section == "map"
                       ? pointer == "/map"
                       : pointer.find('/', pointer.find('/', 1) + 1) == std::string::npos);
      const json* value = item ? item_value(tree, *item) : nullptr;
      if (value == nullptr || (whole_item && kind != "replace")) return std::nullopt;
      if (std::none_of(touched.begin(), touched.end(),
                       [&](const auto& t) { return t.first == *item; })) {
        touched.emplace_back(*item, *value);
      }
    }
  }
  return touched;
}

namespace {

//! The refusal of operation `where` when it would nest too deep or copy too much.
std::optional<PatchRefusal> over_bounds(const std::string& where, const std::string& kind,
                                        std::size_t path_depth, const json& source,
                                        std::size_t& copied) {
  if (path_depth + json_depth(source, kMaxDocumentDepth + 1) > kMaxDocumentDepth) {
    return PatchRefusal{where, "the result would be nested deeper than " +
                                   std::to_string(kMaxDocumentDepth) + " levels"};
  }
  if (kind == "copy" || kind == "move" || kind == "test") {
    copied += copy_cost(source, kMaxCopiedNodes - copied + 1);
    if (copied > kMaxCopiedNodes) {
      return PatchRefusal{where, "the patch copies more than " + std::to_string(kMaxCopiedNodes) +
                                     " values in all (one for every 64 bytes of text)"};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<PatchRefusal> apply_patch(const json& patch, json& tree) {
  std::size_t copied = 0;
  for (std::size_t i = 0; i < patch.size(); ++i) {
    const json& op = patch[i];
    const std::string where = "/" + std::to_string(i);
    if (!op.is_object()) return PatchRefusal{where, "an operation is an object"};
    for (const auto* field : {"op", "path"}) {
      const auto it = op.find(field);
      if (it == op.end() || !it->is_string()) {
        return PatchRefusal{where + "/" + field, "a string is required"};
      }
    }
    try {
      const std::string kind = op["op"].get<std::string>();
      const std::string& path = op["path"].get_ref<const std::string&>();
      const auto path_depth = static_cast<std::size_t>(std::count(path.begin(), path.end(), '/'));
      const json* source = nullptr;
      if (kind == "copy" || kind == "move") {
        const auto from = op.find("from");
        if (from == op.end() || !from->is_string()) {
          return PatchRefusal{where + "/from", "a string is required"};
        }
        source = &tree.at(json::json_pointer(from->get<std::string>()));
      } else if (const auto value = op.find("value"); value != op.end()) {
        source = &*value;
      }
      if (source != nullptr) {
        if (auto refusal = over_bounds(where, kind, path_depth, *source, copied)) return refusal;
      }
      tree.patch_inplace(json::array({op}));
    } catch (const json::exception& e) {
      std::string what = e.what();
      if (const auto cut = what.find("] "); cut != std::string::npos) what.erase(0, cut + 2);
      return PatchRefusal{where, "the operation cannot be applied: " + what};
    }
  }
  return std::nullopt;
}

bool items_unchanged(const json& tree, const TouchedItems& touched) {
  return std::all_of(touched.begin(), touched.end(), [&](const auto& entry) {
    return *item_value(tree, entry.first) == entry.second;
  });
}

void restore_items(json& tree, TouchedItems& touched) {
  for (auto& [item, value] : touched) *item_value(tree, item) = std::move(value);
}

ItemsEdit describe_items_edit(const json& tree, const TouchedItems& touched,
                              std::size_t text_bytes) {
  json old_items = json::object();
  json new_items = json::object();
  for (const auto& [item, value] : touched) {
    const json& now_value = *item_value(tree, item);
    if (item.section == "map") {
      old_items["map"] = value;
      new_items["map"] = now_value;
    } else {
      old_items[item.section].push_back(value);
      new_items[item.section].push_back(now_value);
    }
    // Items sit 2 levels deep (a section's array), the map 1.
    const std::size_t depth = item.section == "map" ? 1 : 2;
    text_bytes = text_bytes + text_size_at(now_value, depth) -
                 std::min(text_bytes, text_size_at(value, depth));
  }
  DocumentDiff diff = diff_documents(old_items, new_items);
  std::string summary = diff_summary(diff);
  return {std::move(diff), std::move(summary), text_bytes};
}

}  // namespace peermap::server
