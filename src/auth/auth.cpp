#include "auth/auth.hpp"

#include <sodium.h>

#include <array>

namespace peermap::auth {

Status initialise() {
  if (sodium_init() < 0) return Error{ErrorKind::Internal, "libsodium cannot be initialised"};
  return ok_status();
}

Result<std::string> hash_password(std::string_view password) {
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), kPasswordPasses,
                            kPasswordMemory, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error{ErrorKind::Internal, "out of memory while hashing a password"};
  }
  return std::string(out.data());
}

bool verify_password(std::string_view hash, std::string_view password) {
  const std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

std::string random_token() {
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return base64url(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

std::string random_id() {
  std::array<unsigned char, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes.data(), bytes.size());
  out.pop_back();
  return out;
}

std::string token_digest(std::string_view token) {
  std::array<unsigned char, 32> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  std::string out(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), digest.data(), digest.size());
  out.pop_back();
  return out;
}

static_assert(sizeof(crypto_hash_sha256_state) <= 128 && alignof(crypto_hash_sha256_state) <= 16);

namespace {
crypto_hash_sha256_state* sha256_state(std::array<unsigned char, 128>& bytes) {
  return reinterpret_cast<crypto_hash_sha256_state*>(bytes.data());
}
}  // namespace

ContentHash::ContentHash() { crypto_hash_sha256_init(sha256_state(state_)); }

void ContentHash::add(std::string_view piece) {
  crypto_hash_sha256_update(sha256_state(state_),
                            reinterpret_cast<const unsigned char*>(piece.data()), piece.size());
}

std::string ContentHash::hex() {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(sha256_state(state_), digest.data());
  std::string out(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), digest.data(), digest.size());
  out.pop_back();
  return out;
}

std::string base64url(std::string_view bytes) {
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), kVariant);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::optional<std::string> from_base64url(std::string_view text) {
  std::string out(text.size() * 3 / 4 + 3, '\0');
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, &end,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      end != text.data() + text.size()) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

std::string new_signing_key() {
  std::array<unsigned char, crypto_auth_KEYBYTES> key{};
  crypto_auth_keygen(key.data());
  return base64url(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
}

namespace {

//! The key's bytes, or nullopt when `key` is not a key new_signing_key() made.
std::optional<std::string> key_bytes(std::string_view key) {
  auto bytes = from_base64url(key);
  if (!bytes || bytes->size() != crypto_auth_KEYBYTES) return std::nullopt;
  return bytes;
}

}  // namespace

std::string sign(std::string_view key, std::string_view message) {
  const auto bytes = key_bytes(key);
  if (!bytes) return {};
  std::array<unsigned char, crypto_auth_BYTES> mac{};
  crypto_auth(mac.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(),
              reinterpret_cast<const unsigned char*>(bytes->data()));
  return base64url(std::string_view(reinterpret_cast<const char*>(mac.data()), mac.size()));
}

bool signature_valid(std::string_view key, std::string_view message, std::string_view signature) {
  const auto bytes = key_bytes(key);
  const auto mac = from_base64url(signature);
  if (!bytes || !mac || mac->size() != crypto_auth_BYTES) return false;
  return crypto_auth_verify(reinterpret_cast<const unsigned char*>(mac->data()),
                            reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                            reinterpret_cast<const unsigned char*>(bytes->data())) == 0;
}

bool equal_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace peermap::auth
