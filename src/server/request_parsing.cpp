#include "server/request_parsing.hpp"

#include <algorithm>
#include <vector>

#include "model/json_io.hpp"
#include "model/json_pointer.hpp"
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

std::optional<std::string> nul_pointer(const json& value, const std::string& base) {
  // Depth first in the document's order, on a stack of its own: a document may nest deeply.
  struct Visit {
    const json* node;
    std::string pointer;
    bool named_with_nul;  // its member name holds the NUL
  };
  std::vector<Visit> stack{{&value, base, false}};
  while (!stack.empty()) {
    Visit visit = std::move(stack.back());
    stack.pop_back();
    const json& node = *visit.node;
    if (visit.named_with_nul) return visit.pointer;
    if (node.is_string()) {
      if (node.get_ref<const std::string&>().find('\0') != std::string::npos) return visit.pointer;
    } else if (node.is_object()) {
      const std::size_t first = stack.size();
      for (const auto& [key, item] : node.items()) {
        stack.push_back(
            {&item, model::child(visit.pointer, key), key.find('\0') != std::string::npos});
      }
      std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(first), stack.end());
    } else if (node.is_array()) {
      for (std::size_t i = node.size(); i-- > 0;) {
        stack.push_back({&node[i], model::child(visit.pointer, i), false});
      }
    }
  }
  return std::nullopt;
}

std::optional<Response> unclean_text(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) {
    return json_response(400, {{"status", 400},
                               {"error",
                                "the body starts with a byte order mark (U+FEFF): send "
                                "UTF-8 without one"},
                               {"where", "1:1"}});
  }
  // Valid JSON writes a NUL only as the escape backslash-u-0000: the tree is read only then.
  if (text.find("\\u0000") == std::string_view::npos) return std::nullopt;
  const json tree = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (tree.is_discarded()) return std::nullopt;  // malformed: the parser's own 400 says where
  if (auto pointer = nul_pointer(tree)) {
    return field_error(*pointer, "a NUL character (U+0000) cannot be stored");
  }
  return std::nullopt;
}

std::optional<json> parse_json_body(const Request& request, Response& error) {
  if (auto unclean = unclean_text(request.body)) {
    error = std::move(*unclean);
    return std::nullopt;
  }
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

namespace {

//! A Content-Type's media type, lower case, without parameters.
std::string media_type(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type;
}

}  // namespace

bool content_type_is(const Request& request, std::string_view wanted) {
  return media_type(request.header("content-type")) == wanted;
}

bool body_type_taken(std::string_view content_type) {
  const std::string type = media_type(content_type);
  return type == "application/json" || type == "application/json-patch+json";
}

Response too_large(std::string_view content_type, std::size_t limit) {
  if (!body_type_taken(content_type)) {
    return error_response(415,
                          "send application/json (a JSON Patch as application/json-patch+json)");
  }
  return error_response(413, "the request body is larger than " + std::to_string(limit) + " bytes");
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
