#include "server/device_cookies.hpp"

#include "auth/auth.hpp"

namespace peermap::server {
namespace {

//! What is signed: the purpose first, so no other signature of this key can pass for one.
std::string signed_text(std::string_view username, std::string_view nonce) {
  return "peermap device cookie 1\n" + std::string(username) + "\n" + std::string(nonce);
}

}  // namespace

std::string device_cookie_value(std::string_view key, std::string_view username) {
  const std::string nonce = auth::random_token();
  return auth::base64url(username) + "." + nonce + "." +
         auth::sign(key, signed_text(username, nonce));
}

std::optional<DeviceCookie> read_device_cookie(std::string_view key, std::string_view value) {
  const auto first = value.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  const auto second = value.find('.', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  auto username = auth::from_base64url(value.substr(0, first));
  const std::string_view nonce = value.substr(first + 1, second - first - 1);
  if (!username || username->empty() || nonce.empty()) return std::nullopt;
  if (!auth::signature_valid(key, signed_text(*username, nonce), value.substr(second + 1))) {
    return std::nullopt;
  }
  return DeviceCookie{std::move(*username), std::string(nonce)};
}

std::string device_cookie_header(std::string_view value, std::int64_t max_age_seconds,
                                 bool secure) {
  return std::string(kDeviceCookie) + "=" + std::string(value) +
         "; Path=/api/session; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(max_age_seconds) + (secure ? "; Secure" : "");
}

}  // namespace peermap::server
