#include "server/request_parsing.hpp"

#include <algorithm>

#include "model/json_io.hpp"
#include "server/responses.hpp"

namespace peermap::server {

using json = nlohmann::json;

int nesting_depth(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

std::optional<json> parse_json_body(const Request& request, Response& error) {
  if (nesting_depth(request.body) > kMaxJsonDepth) {
    error = field_error(
        "/", "nesting is deeper than " + std::to_string(kMaxJsonDepth) + " levels, the limit");
    return std::nullopt;
  }
  try {
    return json::parse(request.body);
  } catch (const json::parse_error& e) {
    const std::size_t at = e.byte == 0 ? 0 : e.byte - 1;
    std::string what = e.what();
    if (const auto cut = what.find(": "); cut != std::string::npos) what.erase(0, cut + 2);
    what = what.substr(0, what.find("; last read:"));
    json body = {{"status", 400},
                 {"error", "malformed JSON at " + model::line_column(request.body, at)},
                 {"where", model::line_column(request.body, at)},
                 {"detail", what}};
    error = json_response(400, body);
    return std::nullopt;
  }
}

bool content_type_is(const Request& request, std::string_view wanted) {
  std::string type = request.header("content-type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type == wanted;
}

std::string cookie_value(const Request& request, std::string_view name) {
  const std::string cookies = request.header("cookie");
  std::size_t start = 0;
  while (start < cookies.size()) {
    std::size_t end = cookies.find(';', start);
    if (end == std::string::npos) end = cookies.size();
    std::string_view part(cookies.data() + start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    start = end + 1;
  }
  return {};
}

std::optional<std::int64_t> parse_number(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool plausible_id(std::string_view id) {
  return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool if_match_names(std::string_view header, std::string_view etag) {
  std::size_t start = 0;
  while (start <= header.size()) {
    std::size_t end = header.find(',', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view tag = header.substr(start, end - start);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag == etag) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace peermap::server
