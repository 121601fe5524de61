// Responses: every answer's JSON body, the statuses an Error's kind maps to, and the security
// headers a route sends. The only place where an ErrorKind becomes an HTTP status
// (docs/architecture.md, "Error policy").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/result.hpp"
#include "model/json_io.hpp"
#include "server/http.hpp"
#include "store/store.hpp"

namespace peermap::server {

//! The HTTP status for an expected failure of this kind (Invalid 422, NotFound 404, Conflict
//! 412, Forbidden 403, Unavailable 503, Io and Internal 500).
int status_for(ErrorKind kind);

Response json_response(int status, const nlohmann::json& body);
//! {"status": N, "error": message}.
Response error_response(int status, std::string message);
//! The answer to `error`; a 5xx says only "internal error" (nothing of the cause goes out).
Response error_response(const Error& error);
//! A failure the caller cannot help: 500 with no detail.
Response internal_error();
//! 422 naming the field by its JSON pointer.
Response field_error(std::string pointer, std::string message);
//! 422 naming a query parameter.
Response parameter_error(std::string_view name, std::string message);
Response not_found();
//! An access that cannot be written to the audit trail is not allowed to happen.
Response audit_unavailable();

//! Every problem as {"pointer","severity","message"}.
nlohmann::json problems_json(const std::vector<model::Problem>& problems);
//! The warnings only, in the same form.
nlohmann::json warnings_json(const std::vector<model::Problem>& problems);
//! 400 for malformed JSON (line:column), 422 with every problem otherwise.
Response invalid_document(const std::vector<model::Problem>& problems);
//! The status invalid_document(problems) answers with (what its audit row records).
int invalid_document_status(const std::vector<model::Problem>& problems);

//! An account as {"username","team","role"}.
nlohmann::json user_json(const store::User& user);

//! Unix milliseconds as "2026-11-18T09:33:20.000Z".
std::string iso_time(std::int64_t ms);
//! The ETag of a revision: "r12", quoted.
std::string etag_of(std::int64_t revision);

//! Headers a route sends with every answer, whatever its status.
using HeaderSet = std::vector<std::pair<std::string, std::string>>;
//! The API's: case data must not linger in caches, be sniffed into something else or be
//! framed; `default-src 'none'`, since a JSON answer loads nothing.
const HeaderSet& api_security_headers();
//! The Content-Security-Policy of the workspace's page and assets (issue 9): scripts, styles
//! and connections from this origin only, no inline script or style, no eval, images also from
//! data: and blob: (drawings made in the page).
inline constexpr std::string_view kPageCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
//! The browser workspace's pages: the API's set with kPageCsp. A page route may send its own
//! Cache-Control (the assets are immutable), which then stands instead of `no-store`.
const HeaderSet& page_security_headers();

}  // namespace peermap::server
