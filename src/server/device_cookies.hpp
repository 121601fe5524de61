// Device cookies (OWASP's "Slow Down Online Guessing Attacks with Device Cookies"): a browser
// that has logged in to an account holds a cookie, signed by the server, that names the account
// and a random nonce. A login from it for that account is from a known device, throttled only
// by that device's own failures; every other login is from an unknown device (sessions.cpp).
// docs/api.md, "Sessions and CSRF", has the scheme and its settings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace peermap::server {

//! The name of the device cookie.
constexpr std::string_view kDeviceCookie = "peermap_device";

//! What a valid device cookie says.
struct DeviceCookie {
  std::string username;  //!< the account it logged in to, as stored
  std::string nonce;     //!< 32 random bytes, URL-safe base64: the device's name
};

//! A new device cookie's value for `username`: base64url(username) "." nonce "." signature, the
//! signature HMAC-SHA-512-256 under `key` (auth::sign) of the cookie's purpose, the username and
//! the nonce.
std::string device_cookie_value(std::string_view key, std::string_view username);

//! What `value` says when it is a device cookie signed with `key`; nullopt when it is malformed,
//! forged or tampered with (a signature that does not match is an unknown device).
std::optional<DeviceCookie> read_device_cookie(std::string_view key, std::string_view value);

//! The Set-Cookie value for a device cookie: HttpOnly, SameSite=Strict, Path=/api/session (only
//! a login sees it), `max_age_seconds`, and Secure behind TLS.
std::string device_cookie_header(std::string_view value, std::int64_t max_age_seconds, bool secure);

}  // namespace peermap::server
