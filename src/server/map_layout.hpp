// The bodies of two workspace reads (docs/api.md): a map's layout geometry, for hit areas over
// map.svg, and the map-list fields read from a map's document.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/document.hpp"
#include "model/result.hpp"

namespace peermap::server {

//! GET /api/maps/{id}/layout: the geometry `peermap layout --json` gives (docs/layout-json.md)
//! plus "page" {name, width, height} and "placement" {scale, x, y}, where map.svg's page puts
//! it: page point = (geometry point - (x0, y0)) * scale + (x, y), in points.
Result<nlohmann::json> layout_body(const model::Document& document);

//! What the maps list shows of a map's document: subject children's full names, status, map
//! and review dates, protective marking. An empty object when the text is not a document.
nlohmann::json map_list_fields(std::string_view document);

}  // namespace peermap::server
