// Passwords and tokens, through libsodium (never our own crypto): argon2id password hashes,
// random session and CSRF tokens, token digests for storage, constant-time comparison.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace peermap::auth {

//! argon2id parameters: t = 2 passes over m = 19 MiB (OWASP's minimum for argon2id).
inline constexpr unsigned long long kPasswordPasses = 2;
inline constexpr std::size_t kPasswordMemory = 19u << 20u;
inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordLength = 1024;

//! The longest username, in characters.
inline constexpr std::size_t kMaxUsernameLength = 64;

//! A username as it is stored and looked up: surrounding white space trimmed, NFKC with case
//! folding (NFKC_Casefold). Invalid when it is empty, longer than kMaxUsernameLength, or holds
//! anything but letters, digits, '.', '_' and '-'. username.cpp, through ICU.
Result<std::string> normalise_username(std::string_view raw);

//! The Unicode TR39 skeleton of a normalised username: two usernames with one skeleton are
//! confusable ("p1" and Cyrillic "р1", "rn" and "m").
Result<std::string> username_skeleton(std::string_view username);

//! Initialises libsodium; Internal error when it cannot. Safe to call more than once.
Status initialise();

//! Invalid (with the reason, never the password) when the password is shorter than 12 or longer
//! than 1,024 characters, or on libpwquality's deny-list with cracklib's dictionary: common and
//! breached passwords, dictionary words, too few different characters, or `username` in it
//! (NCSC guidance: no composition rules). password_policy.cpp.
Status check_password_policy(std::string_view password, std::string_view username = {});

//! The argon2id hash string (algorithm, parameters, salt and hash, as libsodium writes it).
Result<std::string> hash_password(std::string_view password);

//! True when `password` matches `hash`. Runs the full argon2id computation either way.
bool verify_password(std::string_view hash, std::string_view password);

//! 32 random bytes, URL-safe base64 without padding (43 characters).
std::string random_token();

//! 16 random bytes as 32 lower-case hex digits: identifiers that reveal nothing.
std::string random_id();

//! BLAKE2b-256 of the token, hex: what the store keeps instead of the token.
std::string token_digest(std::string_view token);

//! A new key for sign(): crypto_auth_KEYBYTES (32) random bytes, URL-safe base64.
std::string new_signing_key();

//! HMAC-SHA-512-256 (libsodium's crypto_auth) of `message` under `key` (new_signing_key()'s
//! text), URL-safe base64 without padding (43 characters).
std::string sign(std::string_view key, std::string_view message);

//! Whether `signature` is sign(key, message), compared in constant time (crypto_auth_verify).
//! False for a key or signature that is not valid base64 of the right length.
bool signature_valid(std::string_view key, std::string_view message, std::string_view signature);

//! URL-safe base64 without padding, and back (nullopt when `text` is not such base64).
std::string base64url(std::string_view bytes);
std::optional<std::string> from_base64url(std::string_view text);

//! Compares in time that depends only on the lengths.
bool equal_constant_time(std::string_view a, std::string_view b);

//! SHA-256 over pieces added in turn (libsodium's crypto_hash_sha256): the content hashes of a
//! backup's manifest, which other tools (sha256sum) can recompute.
class ContentHash {
 public:
  ContentHash();
  void add(std::string_view piece);
  //! The hash of everything added, 64 lower-case hex digits. Call once.
  std::string hex();

 private:
  alignas(16) std::array<unsigned char, 128> state_{};  // a crypto_hash_sha256_state
};

}  // namespace peermap::auth
