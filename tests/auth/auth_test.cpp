// Passwords and tokens (src/auth): what the server relies on, through the public API only.
// argon2id is slow by design (19 MiB, 2 passes), so the tests hash only a handful of times.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "auth/auth.hpp"

namespace peermap::auth {
namespace {

constexpr std::string_view kPassword = "correct horse battery staple";

//! URL-safe base64 without padding (RFC 4648 section 5).
bool is_base64url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

bool is_lower_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

bool all_of(const std::string& s, bool (*predicate)(char)) {
  return std::all_of(s.begin(), s.end(), predicate);
}

class Auth : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(initialise().ok()); }
};

// ---- initialising

TEST_F(Auth, InitialisingAgainIsHarmless) {
  EXPECT_TRUE(initialise().ok());
  EXPECT_TRUE(initialise().ok());
}

// ---- the password policy: 12 to 1,024 characters

TEST_F(Auth, PolicyRefusesPasswordsShorterThanTwelveCharacters) {
  for (const std::string_view password : {"", "a", "eleven-char"}) {
    const Status checked = check_password_policy(password);
    ASSERT_FALSE(checked.ok()) << password;
    EXPECT_EQ(checked.error().kind, ErrorKind::Invalid);
    EXPECT_NE(checked.error().message.find("at least 12"), std::string::npos)
        << checked.error().message;
  }
}

TEST_F(Auth, PolicyAcceptsTwelveToOneThousandTwentyFourCharacters) {
  EXPECT_TRUE(check_password_policy("twelve-c4Rs!").ok());
  EXPECT_TRUE(check_password_policy(kPassword).ok());
  std::string longest;
  while (longest.size() < kMaxPasswordLength) longest += "violet kettle harbour ";
  longest.resize(kMaxPasswordLength);
  EXPECT_TRUE(check_password_policy(longest).ok());
}

TEST_F(Auth, PolicyRefusesPasswordsLongerThanOneThousandTwentyFourCharacters) {
  const Status checked = check_password_policy(std::string(kMaxPasswordLength + 1, 'x'));
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().kind, ErrorKind::Invalid);
  EXPECT_NE(checked.error().message.find("at most 1024"), std::string::npos)
      << checked.error().message;
}

// Finding: `aaaaaaaaaaaa`, 12 spaces, `passwordpass` and the username itself were all accepted;
// then `password1234` (a dictionary word with digits added, checked whole by cracklib).
TEST_F(Auth, PolicyRefusesCommonAndGuessablePasswordsAndTheUsername) {
  for (const std::string_view password :
       {"aaaaaaaaaaaa", "            ", "passwordpass", "123456789012", "abcdefghijkl",
        "abcabcabcabc", "monkeymonkeymonkey", "password1234", "Summer2024!!", "2024football!",
        "!!sunshine!!"}) {
    const Status checked = check_password_policy(password, "alice");
    ASSERT_FALSE(checked.ok()) << "'" << password << "'";
    EXPECT_EQ(checked.error().kind, ErrorKind::Invalid);
    EXPECT_NE(checked.error().message.find("too easy to guess"), std::string::npos)
        << checked.error().message;
  }
  // The username, as it is or inside the password.
  for (const std::string_view password : {"caseworker.jo", "caseworker.jo-2026"}) {
    EXPECT_FALSE(check_password_policy(password, "caseworker.jo").ok()) << password;
    EXPECT_TRUE(check_password_policy(password, "someone.else").ok()) << password;
  }
}

// NCSC: no composition rules. A long passphrase of lower-case words passes; so does one with no
// letters at all, when it is not a sequence.
TEST_F(Auth, PolicyHasNoCompositionRules) {
  for (const std::string_view password :
       {"correct horse battery", "violet kettle harbour", "9 41 07 3 88 26 5", "m0rn!ng-t1de-lamp",
        "correct horse battery 2024", "walnut harbour lantern 0123"}) {
    const Status checked = check_password_policy(password, "alice");
    EXPECT_TRUE(checked.ok()) << password << ": " << (checked ? "" : checked.error().message);
  }
}

TEST_F(Auth, PolicyDoesNotEchoThePassword) {
  const std::string password = "s3cret";
  const Status checked = check_password_policy(password);
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().message.find(password), std::string::npos);
}

// ---- usernames

TEST_F(Auth, UsernamesAreTrimmedFoldedAndNormalised) {
  for (const std::string_view raw : {"p1", "P1", "p1 ", "  P1\t", "\xEF\xBD\x90\xEF\xBC\x91"}) {
    const auto name = normalise_username(raw);  // the last is full-width "ｐ１"
    ASSERT_TRUE(name.ok()) << raw;
    EXPECT_EQ(name.value(), "p1") << raw;
  }
  EXPECT_EQ(normalise_username("Zo\xC3\xAB.Smith-2_b").value(), "zo\xC3\xAB.smith-2_b");
}

TEST_F(Auth, UsernamesAreLettersDigitsDotsUnderscoresAndHyphensOnly) {
  for (const std::string_view raw : {"", "   ", "jo bloggs", "jo@council", "jo/../x", "a\x01b"}) {
    const auto name = normalise_username(raw);
    ASSERT_FALSE(name.ok()) << raw;
    EXPECT_EQ(name.error().kind, ErrorKind::Invalid);
  }
  EXPECT_FALSE(normalise_username(std::string(kMaxUsernameLength + 1, 'a')).ok());
  EXPECT_TRUE(normalise_username(std::string(kMaxUsernameLength, 'a')).ok());
}

// Finding: "p1" and Cyrillic "р1" could coexist as different accounts.
TEST_F(Auth, ConfusableUsernamesShareASkeleton) {
  const std::string cyrillic = normalise_username("\xD1\x80\x31").value();  // U+0440 "р" + "1"
  EXPECT_NE(cyrillic, "p1");
  EXPECT_EQ(username_skeleton(cyrillic).value(), username_skeleton("p1").value());
  EXPECT_EQ(username_skeleton("rn").value(), username_skeleton("m").value());
  EXPECT_NE(username_skeleton("p1").value(), username_skeleton("p2").value());
}

// ---- argon2id hashes

TEST_F(Auth, HashIsArgon2idWithTheChosenParameters) {
  const auto hash = hash_password(kPassword);
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  // libsodium's string: algorithm, version 19 (0x13), memory in KiB, passes, one lane.
  const std::string expected_prefix = "$argon2id$v=19$m=" + std::to_string(kPasswordMemory >> 10) +
                                      ",t=" + std::to_string(kPasswordPasses) + ",p=1$";
  EXPECT_EQ(expected_prefix, "$argon2id$v=19$m=19456,t=2,p=1$");
  EXPECT_EQ(hash->rfind(expected_prefix, 0), 0u) << hash.value();
  EXPECT_EQ(hash->find(kPassword), std::string::npos);  // the password is not in it
}

TEST_F(Auth, TheRightPasswordVerifiesAndWrongOnesAreRefused) {
  const auto hash = hash_password(kPassword);
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  EXPECT_TRUE(verify_password(hash.value(), kPassword));
  EXPECT_FALSE(verify_password(hash.value(), "correct horse battery stapler"));
  EXPECT_FALSE(verify_password(hash.value(), "Correct horse battery staple"));  // case counts
  EXPECT_FALSE(verify_password(hash.value(), kPassword.substr(0, kPassword.size() - 1)));
  EXPECT_FALSE(verify_password(hash.value(), ""));
}

TEST_F(Auth, EachHashHasItsOwnSalt) {
  const auto first = hash_password(kPassword);
  const auto second = hash_password(kPassword);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(first.value(), second.value());
  EXPECT_TRUE(verify_password(second.value(), kPassword));
}

TEST_F(Auth, APasswordWithABytePastAnEmbeddedNulIsAnotherPassword) {
  const std::string with_nul("twelve-chars\0tail", 17);
  const auto hash = hash_password(with_nul);
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  EXPECT_TRUE(verify_password(hash.value(), with_nul));
  EXPECT_FALSE(verify_password(hash.value(), "twelve-chars"));
}

TEST_F(Auth, AHashThatIsNotOneRefusesEveryPassword) {
  EXPECT_FALSE(verify_password("", kPassword));
  EXPECT_FALSE(verify_password("$argon2id$v=19$m=19456,t=2,p=1$", kPassword));
  EXPECT_FALSE(verify_password("not a hash at all", kPassword));
  const auto hash = hash_password(kPassword);
  ASSERT_TRUE(hash.ok());
  std::string damaged = hash.value();
  char& inside = damaged[damaged.size() - 10];  // a character of the hash itself
  inside = inside == 'A' ? 'B' : 'A';
  EXPECT_FALSE(verify_password(damaged, kPassword));
}

// ---- random tokens and ids

TEST_F(Auth, TokenIs43UrlSafeBase64CharactersOf32Bytes) {
  for (int i = 0; i < 200; ++i) {
    const std::string token = random_token();
    ASSERT_EQ(token.size(), 43u) << token;
    EXPECT_TRUE(all_of(token, is_base64url)) << token;
    // 43 characters carry 258 bits; 32 bytes leave the last character's low 2 bits zero.
    EXPECT_NE(std::string_view("AEIMQUYcgkosw048").find(token.back()), std::string_view::npos)
        << token;
  }
}

TEST_F(Auth, TokensDoNotRepeat) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) seen.insert(random_token());
  EXPECT_EQ(seen.size(), 10000u);
}

TEST_F(Auth, TokensUseTheWholeAlphabet) {
  // 64 symbols over 100 x 42 free positions: a missing one would mean a broken encoder.
  std::set<char> symbols;
  for (int i = 0; i < 100; ++i) {
    const std::string token = random_token();
    symbols.insert(token.begin(), token.end());
  }
  EXPECT_EQ(symbols.size(), 64u);
}

TEST_F(Auth, IdIs32LowerCaseHexDigitsAndDoesNotRepeat) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) {
    const std::string id = random_id();
    ASSERT_EQ(id.size(), 32u) << id;
    ASSERT_TRUE(all_of(id, is_lower_hex)) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 10000u);
}

// ---- token digests: what the store keeps

TEST_F(Auth, DigestIsBlake2b256InHex) {
  // RFC 7693's BLAKE2b with a 32-byte output (as Python's hashlib.blake2b(digest_size=32)).
  EXPECT_EQ(token_digest(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  EXPECT_EQ(token_digest("abc"),
            "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

TEST_F(Auth, DigestIsStableAndTellsTokensApart) {
  const std::string token = random_token();
  const std::string digest = token_digest(token);
  EXPECT_EQ(digest.size(), 64u);
  EXPECT_TRUE(all_of(digest, is_lower_hex)) << digest;
  EXPECT_EQ(token_digest(token), digest);
  EXPECT_EQ(token_digest(std::string(token)), digest);  // the bytes count, not the object
  EXPECT_EQ(digest.find(token), std::string::npos);
  std::string other = token;
  other.back() = other.back() == 'A' ? 'E' : 'A';
  EXPECT_NE(token_digest(other), digest);
  EXPECT_NE(token_digest(token + "x"), digest);
}

// ---- constant-time comparison: the answers (its timing is libsodium's sodium_memcmp)

TEST_F(Auth, EqualConstantTimeIsEqualityOfBytes) {
  const std::string token = random_token();
  EXPECT_TRUE(equal_constant_time(token, std::string(token)));
  EXPECT_TRUE(equal_constant_time("", ""));
  std::string last = token;
  last.back() = last.back() == 'A' ? 'E' : 'A';
  EXPECT_FALSE(equal_constant_time(token, last));
  std::string first = token;
  first.front() = first.front() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(equal_constant_time(token, first));
  EXPECT_FALSE(equal_constant_time(std::string("a\0b", 3), std::string("a\0c", 3)));
  EXPECT_TRUE(equal_constant_time(std::string("a\0b", 3), std::string("a\0b", 3)));
}

TEST_F(Auth, EqualConstantTimeRefusesDifferentLengths) {
  const std::string token = random_token();
  EXPECT_FALSE(equal_constant_time(token, token.substr(0, 42)));
  EXPECT_FALSE(equal_constant_time(token, token + "A"));
  EXPECT_FALSE(equal_constant_time(token, ""));
  EXPECT_FALSE(equal_constant_time("", token));
}

}  // namespace
}  // namespace peermap::auth
