// The browser workspace (web/, docs/workspace.md): the single page and its built assets,
// embedded in the binary so that `peermap serve` stays one file a council can deploy. The
// page and its assets get their own headers (the pages' CSP); the API keeps its own.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "server/http.hpp"

namespace peermap::server {

//! One file that web/build.mjs wrote; the generated web_assets_data.cpp holds them all.
struct WebAsset {
  std::string_view name;  //!< "index.html", "assets/app-3f2a9c1d.js", ...
  std::string_view body;
};

//! Every built file, in the order of web/build.mjs's manifest.
std::span<const WebAsset> web_assets();

//! The Content-Security-Policy of the workspace's page (issue 9): nothing inline, no eval.
inline constexpr std::string_view kPageCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

//! What a browser gets for a GET or HEAD outside /api/: the page (for "/" and the page routes,
//! with the council's name written in as text) or an asset (immutable: its name holds its
//! hash). nullopt for every other request, which the API answers.
std::optional<Response> web_response(const Request& request, std::string_view council_name);

}  // namespace peermap::server
