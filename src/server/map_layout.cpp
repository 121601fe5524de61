#include "server/map_layout.hpp"

#include "layout/layout.hpp"
#include "render/render.hpp"

namespace peermap::server {

using nlohmann::json;

Result<json> layout_body(const model::Document& document) {
  auto geometry = layout::compute_layout(document, layout::LayoutOptions{});
  if (!geometry) return geometry.error();
  json body = json::parse(layout::geometry_to_json(geometry.value()));
  const render::MapPlacement placement = render::place_on_page(geometry.value());
  body["page"] = {{"name", placement.page.name},
                  {"width", placement.page.width},
                  {"height", placement.page.height}};
  body["placement"] = {{"scale", placement.scale}, {"x", placement.x}, {"y", placement.y}};
  return body;
}

json map_list_fields(std::string_view document) {
  const json doc = json::parse(document, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object() || !doc.contains("map") || !doc["map"].is_object()) return json::object();
  const json& map = doc["map"];
  json out = json::object();
  for (const char* field : {"status", "map_date", "review_date", "protective_marking"}) {
    if (map.contains(field) && map[field].is_string()) out[field] = map[field];
  }
  json subjects = json::array();
  if (map.contains("subject_children") && map["subject_children"].is_array() &&
      doc.contains("people") && doc["people"].is_array()) {
    for (const auto& id : map["subject_children"]) {
      for (const auto& person : doc["people"]) {
        if (person.is_object() && person.value("id", json()) == id) {
          subjects.push_back({{"id", id}, {"full_name", person.value("full_name", "")}});
          break;
        }
      }
    }
  }
  out["subject_children"] = subjects;
  return out;
}

}  // namespace peermap::server
