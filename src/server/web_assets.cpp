#include "server/web_assets.hpp"

#include <string>

namespace peermap::server {

namespace {

constexpr std::string_view kCouncilPlaceholder = "{{COUNCIL_NAME}}";

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

//! The council's name as HTML text: it goes into an attribute and the title.
std::string html_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

bool is_map_id(std::string_view text) {
  if (text.size() != 32) return false;
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

//! The paths the single page answers itself (web/src/main.tsx's routes).
bool is_page_route(std::string_view path) {
  if (path == "/" || path == "/sign-in" || path == "/maps" || path == "/maps/new") return true;
  if (starts_with(path, "/maps/")) {
    const std::string_view rest = path.substr(6);
    return is_map_id(rest.substr(0, rest.find('/')));
  }
  return false;
}

std::string_view content_type_of(std::string_view name) {
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

const WebAsset* find_asset(std::string_view name) {
  for (const auto& asset : web_assets()) {
    if (asset.name == name) return &asset;
  }
  return nullptr;
}

void set_page_headers(Response& response) {
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("X-Frame-Options", "DENY");
  response.set_header("Content-Security-Policy", std::string(kPageCsp));
}

}  // namespace

std::optional<Response> web_response(const Request& request, std::string_view council_name) {
  if (request.method != "GET" && request.method != "HEAD") return std::nullopt;
  const std::string_view path = request.path;
  if (starts_with(path, "/assets/")) {
    const WebAsset* asset = find_asset(path.substr(1));
    if (asset == nullptr) return std::nullopt;
    Response response;
    response.content_type = std::string(content_type_of(asset->name));
    response.body = std::string(asset->body);
    // The name carries the content's hash, so a new build is a new name.
    response.set_header("Cache-Control", "public, max-age=31536000, immutable");
    set_page_headers(response);
    return response;
  }
  if (!is_page_route(path)) return std::nullopt;
  const WebAsset* page = find_asset("index.html");
  if (page == nullptr) return std::nullopt;
  std::string body(page->body);
  const std::string name = html_text(council_name.empty() ? "Council" : council_name);
  for (auto at = body.find(kCouncilPlaceholder); at != std::string::npos;
       at = body.find(kCouncilPlaceholder, at + name.size())) {
    body.replace(at, kCouncilPlaceholder.size(), name);
  }
  Response response;
  response.content_type = "text/html; charset=utf-8";
  response.body = std::move(body);
  response.set_header("Cache-Control", "no-cache");
  set_page_headers(response);
  return response;
}

}  // namespace peermap::server
