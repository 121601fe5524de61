// The HTTP JSON API (docs/api.md, /api/openapi.json): maps with full history, rendering,
// sessions, need-to-know access and the audit trail. The API is plain request-in,
// response-out over the Store; server.cpp puts it on a socket.
//
// Access rule (guidance §5): a map belongs to its creator's team. Practitioners and managers
// of that team, and users added as members, may read and write it; admins manage accounts and
// see no map unless added. To everyone else every id-bearing route answers 404, exactly as for
// a map that does not exist, and the refusal is audited.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "server/http.hpp"
#include "server/live.hpp"
#include "server/render_gate.hpp"
#include "server/router.hpp"

#include "store/store.hpp"

namespace peermap::server {

struct ApiOptions {
  //! The clock, in unix milliseconds; tests inject their own.
  std::function<std::int64_t()> now_ms;
  std::int64_t session_seconds = std::int64_t{8} * 3600;  //!< a session ends this long after login
  bool secure_cookies = false;              //!< add Secure to the cookie (TLS in front)
  std::size_t max_body_bytes = 32u << 20u;  //!< larger bodies get 413
  // The login throttle (sessions.cpp; docs/api.md, "Sessions and CSRF"): OWASP's device
  // cookies. Counts are over the window; past a limit the next try waits 1 s after the last
  // failure, then 2, 4, ... doubling with each further failure, up to the window.
  std::int64_t throttle_window_seconds = std::int64_t{15} * 60;
  //! Failed logins at one username from unknown devices before unknown devices are slowed for
  //! it (a known device is never slowed by them).
  std::int64_t max_failures_per_account = 10;
  //! Failed logins from unknown devices at one address before the address counts as guessing:
  //! from then on its unknown devices are slowed at each username from that username's first
  //! failure there (a username not yet tried from it is still checked at once).
  std::int64_t max_failures_per_source = 100;
  //! Failed logins from one known device before it is locked for the window: its logins are
  //! then an unknown device's (OWASP's lockout list).
  std::int64_t max_failures_per_device = 10;
  //! How long a browser keeps its device cookie (180 days); each login gives it a new one.
  std::int64_t device_cookie_seconds = std::int64_t{180} * 24 * 3600;
  //! Checks a password against an argon2id hash; tests count the calls. auth::verify_password
  //! when empty.
  std::function<bool(std::string_view hash, std::string_view password)> verify_password{};
  //! Memory for the parsed newest revisions of recently edited maps (about 1 MiB for a map of
  //! 200 people), which make a PATCH cost a fraction of a millisecond instead of several.
  std::size_t working_copy_bytes = std::size_t{256} << 20u;
  //! Shown in the workspace's header (peermap serve --council-name).
  std::string council_name = "Council";
  //! The maps' event streams: head checks, presence between processes, session re-checks.
  LiveOptions live{};
  //! The bound on drawing: slots, queue, time and size budgets (render_gate.hpp).
  RenderLimits render{};
};

class Api {
 public:
  Api(store::Store& store, ApiOptions options);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  //! Answers one request. Never throws: an unexpected failure is a 500 with no detail.
  Response handle(const Request& request);

  //! The route table, for the OpenAPI check.
  [[nodiscard]] const Router& router() const;
  //! The route table, for routes added beside the API's (the workspace's pages and assets).
  Router& router();

  [[nodiscard]] const ApiOptions& options() const;

  //! Audits a refusal made outside handle(): by the HTTP library before any handler ran (413,
  //! 414, a malformed request line or oversized headers), or by the server after it (a 503 for
  //! too many open streams).
  void record_refusal(const Request& request, int status);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

//! The OpenAPI 3 description served at /api/openapi.json.
const std::string& openapi_document();

}  // namespace peermap::server
