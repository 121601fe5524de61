// The login throttle cannot be turned on the owner (issue 13, item 3): OWASP's device cookies.
// A browser that has logged in holds a signed device cookie; its logins are checked at once
// whatever anyone else guesses, while unknown devices are slowed per username and, past the
// address's limit, per username at that address. In-process on both backends, with an
// injected clock: no test measures time.
#include <gtest/gtest.h>

#include <atomic>

#include "api_fixture.hpp"
#include "server/device_cookies.hpp"

namespace peermap::server {
namespace {

using test_api::Browser;
using test_api::json;
using test_api::kPassword;

class ThrottleTest : public test_api::ApiTest {
 protected:
  //! Ten wrong passwords for `username` from `b`, each answered 401.
  static void guess_ten_times(Browser& b, const std::string& username) {
    for (int i = 0; i < 10; ++i) {
      ASSERT_EQ(b.login(username, "guess " + std::to_string(i)).status, 401) << i;
    }
  }
};

//   owner (known device) ----.
//                             +--> 192.0.2.10 --> alice
//   guesser (unknown device) -'
//   guesser elsewhere (unknown device) -----------> alice
TEST_P(ThrottleTest, TheOwnersKnownBrowserLogsInAtOnceWhileGuessesAreThrottled) {
  Browser owner = browser("alice");
  ASSERT_FALSE(owner.device.empty()) << "a login gives the browser a device cookie";
  Browser guesser = browser();  // the same address as the owner's
  guess_ten_times(guesser, "alice");
  // The trade-off (OWASP's): a browser the owner never logged in from is an unknown device, and
  // waits like the guesser's.
  Browser new_laptop = browser();
  const auto unknown = new_laptop.login("alice");
  EXPECT_EQ(unknown.status, 429);
  EXPECT_EQ(unknown.header("Retry-After"), "1");
  Browser elsewhere = browser();
  elsewhere.remote = "203.0.113.50";
  // Someone guessing at each expiry of the wait, for an hour: each of their tries is slowed,
  // and the owner's known browser gets in at once every time in between.
  int owner_logins = 0;
  for (const std::int64_t end = now_ + 3600 * 1000; now_ < end;) {
    const auto slowed = guesser.login("alice", "another guess");
    if (slowed.status == 401) continue;
    ASSERT_EQ(slowed.status, 429);
    const std::string wait = slowed.header("Retry-After");
    ASSERT_FALSE(wait.empty());
    EXPECT_EQ(elsewhere.login("alice", "a guess from elsewhere").status, 429)
        << "an unknown device anywhere waits too";
    ASSERT_EQ(owner.login("alice").status, 200) << "the owner is never slowed";
    ++owner_logins;
    now_ += std::stoll(wait) * 1000;
  }
  EXPECT_GT(owner_logins, 20);
  // Slowed, never locked: the owner's new browser gets in once the guesses age out.
  now_ += 16 * 60 * 1000;
  EXPECT_EQ(new_laptop.login("alice").status, 200);
}

// The finding: 100 failed logins with random usernames from one address made a first-ever
// correct login from that address answer 429. Behind a NAT that address is everyone.
TEST_P(ThrottleTest, AFirstEverLoginFromAnAddressSprayingRandomNamesGetsIn) {
  Browser bobs_own = browser("bob");  // a known device at the same address
  Browser sprayer = browser();
  for (int i = 0; i < 100; ++i) {
    ASSERT_EQ(sprayer.login("random" + std::to_string(i * 7919), "Summer2026!").status, 401);
  }
  Browser colleague = browser();  // the same address, never logged in before
  EXPECT_EQ(colleague.login("mary").status, 200);
  // The address is over its limit: each name it tries is slowed from its first failure there.
  const auto again = sprayer.login("random7919", "Autumn2026!");
  EXPECT_EQ(again.status, 429);
  EXPECT_EQ(again.header("Retry-After"), "1");
  EXPECT_EQ(sprayer.login("bob", "Autumn2026!").status, 401) << "a name not yet tried here";
  EXPECT_EQ(sprayer.login("bob", "Winter2026!").status, 429);
  // Bob's own known browser, elsewhere or here, is not slowed by any of it.
  EXPECT_EQ(bobs_own.login("bob").status, 200);
}

TEST_P(ThrottleTest, AForgedOrTamperedDeviceCookieIsAnUnknownDevice) {
  Browser owner = browser("alice");
  Browser mary_browser = browser("mary");
  Browser guesser = browser();
  guess_ten_times(guesser, "alice");
  const std::string genuine = owner.device;
  std::string flipped = genuine;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  const std::string other_key = device_cookie_value(auth::new_signing_key(), "alice");
  // alice's username with mary's cookie's nonce and signature, and the other way round.
  const std::string spliced = genuine.substr(0, genuine.find('.')) +
                              mary_browser.device.substr(mary_browser.device.find('.'));
  for (const auto& [what, value] : std::vector<std::pair<std::string, std::string>>{
           {"a flipped signature", flipped},
           {"another key's", other_key},
           {"mary's cookie", mary_browser.device},
           {"alice's name on mary's cookie", spliced},
           {"junk", "not.a.cookie"},
           {"no signature", genuine.substr(0, genuine.rfind('.'))}}) {
    Browser forger = browser();
    forger.device = value;
    EXPECT_EQ(forger.login("alice").status, 429) << what;
  }
  EXPECT_EQ(owner.login("alice").status, 200) << "the genuine cookie";
}

TEST_P(ThrottleTest, AKnownDeviceThatFailsTenTimesIsLockedAndThenUnknown) {
  Browser stolen = browser("alice");  // a known device in the wrong hands
  Browser owner = browser("alice");   // the owner's own
  guess_ten_times(stolen, "alice");   // never slowed: a known device's own failures
  EXPECT_EQ(stolen.login("alice", "eleventh").status, 401) << "now locked: an unknown device";
  Browser guesser = browser();
  for (int i = 0; i < 9; ++i) ASSERT_EQ(guesser.login("alice", "guess").status, 401);
  // Locked, the stolen cookie is an unknown device's, and unknown devices wait now.
  EXPECT_EQ(stolen.login("alice").status, 429);
  EXPECT_EQ(owner.login("alice").status, 200) << "another known device is not locked";
  now_ += 16 * 60 * 1000;  // the failures age out of the window
  EXPECT_EQ(stolen.login("alice").status, 200);
}

// The unknown-username path does the same work as a known one: one argon2id verification
// (against a dummy hash), the same counts and the same answers. Counted, never timed.
TEST_P(ThrottleTest, AnUnknownUsernameChecksAPasswordHashAsAKnownOneDoes) {
  std::atomic<int> checks{0};
  std::string last_hash;
  ApiOptions options = api_->options();
  options.verify_password = [&](std::string_view hash, std::string_view password) {
    ++checks;
    last_hash = std::string(hash);
    return auth::verify_password(hash, password);
  };
  Api counted(*store_, options);
  const std::string alices = store_->user_by_name("alice").value().password_hash;
  Browser b;
  b.api = &counted;
  for (int i = 0; i < 10; ++i) {
    const auto known = b.login("alice", "wrong " + std::to_string(i));
    EXPECT_EQ(checks.exchange(0), 1);
    EXPECT_EQ(last_hash, alices);
    const auto unknown = b.login("nobody", "wrong " + std::to_string(i));
    EXPECT_EQ(checks.exchange(0), 1) << "a hash is checked for an unknown name too";
    EXPECT_EQ(last_hash.rfind("$argon2id$", 0), 0u);
    EXPECT_NE(last_hash, alices);
    EXPECT_EQ(known.status, 401);
    EXPECT_EQ(unknown.text(), known.text());
  }
  // Throttled, neither checks anything, and both answer alike.
  const auto known = b.login("alice");
  const auto unknown = b.login("nobody", kPassword);
  EXPECT_EQ(checks.load(), 0);
  EXPECT_EQ(known.status, 429);
  EXPECT_EQ(known.text(), unknown.text());
  EXPECT_EQ(known.header("Retry-After"), unknown.header("Retry-After"));
}

TEST_P(ThrottleTest, TheDeviceCookieIsHttpOnlyStrictForLoginsOnlyAndLong) {
  Browser b;
  b.api = api_.get();
  const auto r = b.login("alice");
  ASSERT_EQ(r.status, 200);
  std::vector<std::string> cookies;
  for (const auto& [name, value] : r.headers) {
    if (name == "Set-Cookie") cookies.push_back(value);
  }
  ASSERT_EQ(cookies.size(), 2u);
  EXPECT_EQ(cookies[0].rfind("peermap_session=", 0), 0u);
  const std::string& device = cookies[1];
  EXPECT_EQ(device.rfind("peermap_device=", 0), 0u);
  for (const char* part :
       {"; HttpOnly", "; SameSite=Strict", "; Path=/api/session", "; Max-Age=15552000"}) {
    EXPECT_NE(device.find(part), std::string::npos) << part << " in " << device;
  }
  EXPECT_EQ(device.find("Secure"), std::string::npos);
  ApiOptions tls = api_->options();
  tls.secure_cookies = true;
  Api secure(*store_, tls);
  Browser over_tls;
  over_tls.api = &secure;
  const auto secured = over_tls.login("alice");
  ASSERT_EQ(secured.status, 200);
  bool secure_device_cookie = false;
  for (const auto& [name, value] : secured.headers) {
    secure_device_cookie =
        secure_device_cookie || (name == "Set-Cookie" && value.rfind("peermap_device=", 0) == 0 &&
                                 value.find("; Secure") != std::string::npos);
  }
  EXPECT_TRUE(secure_device_cookie);
  // Each login gives a new cookie; the old one stays good until it expires.
  Browser again = b;
  ASSERT_EQ(again.login("alice").status, 200);
  EXPECT_NE(again.device, b.device);
}

INSTANTIATE_TEST_SUITE_P(Backends, ThrottleTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace peermap::server
