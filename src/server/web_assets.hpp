// The browser workspace (web/, docs/workspace.md): the single page and its built assets,
// embedded in the binary so that `peermap serve` stays one file a council can deploy. The
// routes that serve them are in routes/workspace.cpp, with page_security_headers().
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "server/responses.hpp"

namespace peermap::server {

//! One file that web/build.mjs wrote; the generated web_assets_data.cpp holds them all.
struct WebAsset {
  std::string_view name;  //!< "index.html", "assets/app-3f2a9c1d.js", ...
  std::string_view body;
};

//! Every built file, in the order of web/build.mjs's manifest.
std::span<const WebAsset> web_assets();

//! The built file named `name` ("assets/app-3f2a9c1d.js"); nullptr when there is none.
const WebAsset* find_web_asset(std::string_view name);

//! The Content-Type of a built file, by its extension.
std::string_view web_content_type(std::string_view name);

//! The single page with `council_name` written in as HTML text ("Council" when empty); empty
//! when the build holds no page.
std::string workspace_html(std::string_view council_name);

//! Whether `text` is a map id as the store makes them: 32 lower-case hex digits.
bool is_map_id(std::string_view text);

}  // namespace peermap::server
