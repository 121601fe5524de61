// Sessions: login with its throttle, the session cookie, and the CSRF check. The cookie value
// is 32 random bytes; the database keeps only its digest (docs/api.md "Sessions and CSRF").
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <semaphore>
#include <string>
#include <string_view>

#include "server/access.hpp"
#include "server/api.hpp"
#include "server/http.hpp"
#include "store/store.hpp"

namespace peermap::server {

//! The name of the session cookie.
constexpr std::string_view kSessionCookie = "peermap_session";

//! A logged-in caller.
struct Caller {
  store::User user;
  store::Session session;
};

//! The one Set-Cookie value for the session cookie: `token` for `max_age_seconds`, or, with an
//! empty token and 0, the value that makes the browser forget it.
std::string session_cookie(std::string_view token, std::int64_t max_age_seconds, bool secure);

//! Whether a request changes state (anything but GET, HEAD and OPTIONS).
bool state_changing(const Request& request);

//! 403 unless a state-changing request carries the session's CSRF token (constant time).
std::optional<Response> check_csrf(const Request& request, const Caller& caller);

//! How a login went.
struct LoginOutcome {
  //! Unavailable: the throttle's counts cannot be read or written; Error: the session cannot be
  //! stored.
  enum class Kind { LoggedIn, Throttled, Failed, Unavailable, AuditUnavailable, Error };
  Kind kind = Kind::Failed;
  std::int64_t retry_after_seconds = 0;  //!< Throttled: the wait
  std::optional<Caller> caller;          //!< LoggedIn
  std::string token;                     //!< LoggedIn: the cookie's value
  std::string device_token;              //!< LoggedIn: the new device cookie's value
};

class Sessions {
 public:
  //! Computes the dummy hash (an argon2id computation); throws if libsodium cannot.
  Sessions(store::Store& store, AuditTrail& audit, const ApiOptions& options);

  //! The logged-in caller, or nullopt (then `refusal` holds the 401).
  std::optional<Caller> authenticate(const Request& request, Response& refusal);

  //! Checks `password` for `username` from `source`, whose browser sent `device_cookie` (the
  //! device cookie's value, "" for none), throttled (see the .cpp), audited.
  LoginOutcome login(const std::string& username, const std::string& password,
                     const std::string& source, std::string_view device_cookie);

  //! Ends the caller's session (audited); false when it could not be removed.
  [[nodiscard]] bool logout(const std::string& source, const Caller& caller);

 private:
  [[nodiscard]] std::int64_t now_ms() const { return options_.now_ms(); }
  //! The throttle's counts one login reads and adds to (see the .cpp).
  struct ThrottleKeys {
    bool known_device = false;  //!< a valid device cookie for this username, not locked
    std::string device;         //!< known: "device:<nonce>"
    std::string untrusted;      //!< "untrusted:<username>"
    std::string source;         //!< "source:<address>"
    std::string source_user;    //!< "source-user:<address> <username>"
  };
  Result<ThrottleKeys> throttle_keys(const std::string& username, const std::string& source,
                                     std::string_view device_cookie, std::int64_t now_s);
  Result<std::int64_t> wait_for(const std::string& key, std::int64_t limit, std::int64_t now_s);
  std::optional<LoginOutcome> throttled(const ThrottleKeys& keys, const std::string& source,
                                        std::int64_t now_s);
  //! Counts a failure under each of the keys it slows; false when one cannot be written.
  [[nodiscard]] bool count_failure(const ThrottleKeys& keys, std::int64_t now_s);

  store::Store& store_;
  AuditTrail& audit_;
  const ApiOptions& options_;
  std::string dummy_hash_;  // verified against when the username is unknown: same time either way
  std::string device_key_;  // signs device cookies: kept in the database (Store::server_secret)
  std::function<bool(std::string_view, std::string_view)> verify_;
  static constexpr std::ptrdiff_t kConcurrentHashes = 4;
  std::counting_semaphore<kConcurrentHashes> hashing_{kConcurrentHashes};
};

}  // namespace peermap::server
