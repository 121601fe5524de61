// Request parsing: what the routes read from a request before they act on it. A JSON body is
// measured for depth before it is parsed, so a hostile body is refused before a parser builds
// it; numbers and ids are read strictly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "server/http.hpp"

namespace peermap::server {

//! Login and member bodies are a few names: refused above this before they are parsed.
constexpr std::size_t kMaxSmallBody = 4096;
//! The deepest nesting a JSON body may have.
constexpr int kMaxJsonDepth = 64;

//! The deepest nesting of arrays and objects in a JSON text (strings skipped). O(n).
int nesting_depth(std::string_view text);

//! The JSON pointer of the first string or member name in `value` that holds a NUL character
//! (U+0000), under `base`; nullopt when there is none. O(size of value).
std::optional<std::string> nul_pointer(const nlohmann::json& value, const std::string& base = "");

//! Why a JSON body cannot be taken as it is, before it is parsed as what it should be: a leading
//! UTF-8 byte order mark (the 400; JSON text must not start with one, RFC 8259 §8.1) or a NUL
//! character escaped in a string (the 422 naming its pointer: PostgreSQL cannot keep one, and
//! SQLite cut titles at it). nullopt when the text is clean. O(n).
std::optional<Response> unclean_text(std::string_view text);

//! Parses a small JSON body (login, members, patch). On failure `error` holds the 400 (with
//! line:column, or a byte order mark) or the 422 (too deep, or a NUL character).
std::optional<nlohmann::json> parse_json_body(const Request& request, Response& error);

//! Whether the request's Content-Type (parameters and case aside) is `wanted`.
bool content_type_is(const Request& request, std::string_view wanted);
//! Whether a Content-Type header's value (parameters and case aside) is a type some route takes
//! as a body: application/json or application/json-patch+json. A body of any other type is a
//! 415, whatever its size.
bool body_type_taken(std::string_view content_type);
//! The answer to a body over `limit` bytes: the 415 when its type is none a route takes (a
//! form, say), else the 413.
Response too_large(std::string_view content_type, std::size_t limit);

//! The value of cookie `name`, or "" when absent.
std::string cookie_value(const Request& request, std::string_view name);

//! A decimal number of at most 18 digits, nothing else.
std::optional<std::int64_t> parse_number(std::string_view text);

//! A map id as the server makes them: 32 lower-case hex digits.
bool plausible_id(std::string_view id);

//! Whether an If-Match header names `etag` (strong comparison: W/ tags never match; `*` is not
//! accepted).
bool if_match_names(std::string_view header, std::string_view etag);

}  // namespace peermap::server
