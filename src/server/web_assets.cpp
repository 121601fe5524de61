#include "server/web_assets.hpp"

#include <algorithm>

#include <string>

namespace peermap::server {

namespace {

constexpr std::string_view kCouncilPlaceholder = "{{COUNCIL_NAME}}";

//! The council's name as HTML text: it goes into an attribute and the title.
std::string html_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

const WebAsset* find_web_asset(std::string_view name) {
  for (const auto& asset : web_assets()) {
    if (asset.name == name) return &asset;
  }
  return nullptr;
}

std::string_view web_content_type(std::string_view name) {
  const auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
  };
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  return "application/octet-stream";
}

std::string workspace_html(std::string_view council_name) {
  const WebAsset* page = find_web_asset("index.html");
  if (page == nullptr) return {};
  std::string body(page->body);
  const std::string name = html_text(council_name.empty() ? "Council" : council_name);
  for (auto at = body.find(kCouncilPlaceholder); at != std::string::npos;
       at = body.find(kCouncilPlaceholder, at + name.size())) {
    body.replace(at, kCouncilPlaceholder.size(), name);
  }
  return body;
}

bool is_map_id(std::string_view text) {
  return text.size() == 32 && std::ranges::all_of(text, [](const char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace peermap::server
