// The password policy (NCSC's password guidance): a length of 12 to 1,024, no composition
// rules, and a deny-list check through libpwquality with cracklib's dictionary (Debian's
// cracklib-runtime): common and breached passwords, words of the dictionary, too few different
// characters, and the username.
#include <pwquality.h>

#include <array>
#include <cctype>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "auth/auth.hpp"

namespace peermap::auth {
namespace {

//! libpwquality's shortest length (PWQ_BASE_MIN_LENGTH): the part of a repeating password is
//! checked at it.
constexpr std::size_t kShortestRepeatedPart = 6;

struct SettingsDeleter {
  void operator()(pwquality_settings_t* settings) const { pwquality_free_settings(settings); }
};
using Settings = std::unique_ptr<pwquality_settings_t, SettingsDeleter>;

//! Our settings, never the host's /etc/security/pwquality.conf: the rules are the same on every
//! machine. Length and character classes earn no credit, so 12 characters means 12.
Settings peermap_settings() {
  Settings settings(pwquality_default_settings());
  if (!settings) return settings;
  for (const auto& [setting, value] :
       {std::pair{PWQ_SETTING_MIN_LENGTH, static_cast<int>(kMinPasswordLength)},
        std::pair{PWQ_SETTING_DIG_CREDIT, 0}, std::pair{PWQ_SETTING_UP_CREDIT, 0},
        std::pair{PWQ_SETTING_LOW_CREDIT, 0}, std::pair{PWQ_SETTING_OTH_CREDIT, 0},
        std::pair{PWQ_SETTING_MIN_CLASS, 0}, std::pair{PWQ_SETTING_MAX_REPEAT, 0},
        std::pair{PWQ_SETTING_MAX_CLASS_REPEAT, 0}, std::pair{PWQ_SETTING_MAX_SEQUENCE, 0},
        std::pair{PWQ_SETTING_DICT_CHECK, 1}, std::pair{PWQ_SETTING_USER_CHECK, 1},
        std::pair{PWQ_SETTING_USER_SUBSTR, 4}}) {
    if (pwquality_set_int_value(settings.get(), setting, value) != 0) return nullptr;
  }
  return settings;
}

//! The part of `password` whose repetition makes it: "password" in "passwordpass", "ab" in
//! "abababababab"; the whole password when it does not repeat itself (at least 4 characters
//! again). cracklib checks a password as it is, and finds a word in it only so.
std::string_view repeated_part(std::string_view password) {
  constexpr std::size_t kRepeatedAtLeast = 4;
  for (std::size_t period = 1; period + kRepeatedAtLeast <= password.size(); ++period) {
    bool repeats = true;
    for (std::size_t i = period; i < password.size() && repeats; ++i) {
      repeats = password[i] == password[i - period];
    }
    if (repeats) return password.substr(0, period);
  }
  return password;
}

//! The password without the digits, spaces and symbols at its ends: "password" in
//! "password1234", "Summer" in "Summer2024!". A word with a number or a symbol added is about as
//! easy to guess as the word, and cracklib checks the whole password only.
std::string_view word_within(std::string_view password) {
  const auto letter = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalpha(u) != 0 || u >= 0x80;  // any non-ASCII character counts as a letter
  };
  std::size_t begin = 0;
  std::size_t end = password.size();
  while (begin < end && !letter(password[begin])) ++begin;
  while (end > begin && !letter(password[end - 1])) --end;
  return password.substr(begin, end - begin);
}

//! libpwquality's verdict on `password`: nullopt when it passes, else its reason.
std::optional<std::string> pwquality_refusal(pwquality_settings_t* settings,
                                             const std::string& password,
                                             const std::string& username) {
  void* aux = nullptr;
  const int score = pwquality_check(settings, password.c_str(), nullptr,
                                    username.empty() ? nullptr : username.c_str(), &aux);
  if (score >= 0) return std::nullopt;
  // pwquality's own words ("The password fails the dictionary check - it is based on a
  // dictionary word"); they never quote the password.
  std::array<char, PWQ_MAX_ERROR_MESSAGE_LEN> buffer{};
  const char* reason = pwquality_strerror(buffer.data(), buffer.size(), score, aux);
  return std::string(reason != nullptr ? reason : "refused");
}

}  // namespace

Status check_password_policy(std::string_view password, std::string_view username) {
  if (password.size() < kMinPasswordLength) {
    return Error{ErrorKind::Invalid, "the password must have at least " +
                                         std::to_string(kMinPasswordLength) + " characters"};
  }
  if (password.size() > kMaxPasswordLength) {
    return Error{ErrorKind::Invalid, "the password must have at most " +
                                         std::to_string(kMaxPasswordLength) + " characters"};
  }
  // cracklib keeps state between calls: one check at a time.
  static std::mutex checking;
  const std::scoped_lock lock(checking);
  const Settings settings = peermap_settings();
  if (!settings) return Error{ErrorKind::Internal, "libpwquality cannot be set up"};
  const std::string user(username);
  auto refusal = pwquality_refusal(settings.get(), std::string(password), user);
  // A password that repeats itself is as strong as the part repeated: that part is checked too
  // (at cracklib's own shortest length, 6), and a part shorter than that is refused.
  const std::string_view part = repeated_part(password);
  if (!refusal && part.size() < password.size()) {
    if (part.size() < kShortestRepeatedPart) {
      refusal = "it repeats a few characters";
    } else if (pwquality_set_int_value(settings.get(), PWQ_SETTING_MIN_LENGTH,
                                       static_cast<int>(kShortestRepeatedPart)) != 0) {
      return Error{ErrorKind::Internal, "libpwquality cannot be set up"};
    } else {
      refusal = pwquality_refusal(settings.get(), std::string(part), user);
    }
  }
  // A word with digits or symbols added at its ends is checked as the word (at cracklib's own
  // shortest length; a shorter word is left to the check of the whole).
  const std::string_view word = word_within(password);
  if (!refusal && !word.empty() && word.size() < password.size() &&
      word.size() >= kShortestRepeatedPart) {
    if (pwquality_set_int_value(settings.get(), PWQ_SETTING_MIN_LENGTH,
                                static_cast<int>(kShortestRepeatedPart)) != 0) {
      return Error{ErrorKind::Internal, "libpwquality cannot be set up"};
    }
    refusal = pwquality_refusal(settings.get(), std::string(word), user);
  }
  if (!refusal) return ok_status();
  return Error{ErrorKind::Invalid, "the password is too easy to guess: " + *refusal};
}

}  // namespace peermap::auth
