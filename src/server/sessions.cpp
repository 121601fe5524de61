#include "server/sessions.hpp"

#include <algorithm>
#include <stdexcept>

#include "auth/auth.hpp"
#include "server/device_cookies.hpp"
#include "server/request_parsing.hpp"
#include "server/responses.hpp"

namespace peermap::server {
namespace {

//! One of the hashing slots, given back however the scope ends.
template <typename Semaphore>
class HashingSlot {
 public:
  explicit HashingSlot(Semaphore& slots) : slots_(slots) { slots_.acquire(); }
  ~HashingSlot() { slots_.release(); }
  HashingSlot(const HashingSlot&) = delete;
  HashingSlot& operator=(const HashingSlot&) = delete;

 private:
  Semaphore& slots_;
};

LoginOutcome outcome(LoginOutcome::Kind kind, std::int64_t retry_after_seconds = 0) {
  LoginOutcome out;
  out.kind = kind;
  out.retry_after_seconds = retry_after_seconds;
  return out;
}

}  // namespace

std::string session_cookie(std::string_view token, std::int64_t max_age_seconds, bool secure) {
  return std::string(kSessionCookie) + "=" + std::string(token) +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_seconds) +
         (secure ? "; Secure" : "");
}

bool state_changing(const Request& request) {
  return request.method != "GET" && request.method != "HEAD" && request.method != "OPTIONS";
}

std::optional<Response> check_csrf(const Request& request, const Caller& caller) {
  if (!state_changing(request)) return std::nullopt;
  const std::string token = request.header("x-csrf-token");
  if (token.empty() || !auth::equal_constant_time(token, caller.session.csrf_token)) {
    return error_response(403, "missing or wrong X-CSRF-Token header");
  }
  return std::nullopt;
}

Sessions::Sessions(store::Store& store, AuditTrail& audit, const ApiOptions& options)
    : store_(store),
      audit_(audit),
      options_(options),
      verify_(options.verify_password ? options.verify_password : auth::verify_password) {
  auto hash = auth::hash_password(auth::random_token());
  if (!hash) throw std::runtime_error("cannot compute the dummy password hash");
  dummy_hash_ = hash.value();
  // One key for every process on the database: the first to start makes it.
  auto key = store_.server_secret("device-cookie-key", auth::new_signing_key());
  if (!key) throw std::runtime_error("cannot read the device cookies' key: " + key.error().message);
  device_key_ = std::move(key.value());
}

std::optional<Caller> Sessions::authenticate(const Request& request, Response& refusal) {
  refusal = error_response(401, "log in first");
  const std::string token = cookie_value(request, kSessionCookie);
  if (token.empty()) return std::nullopt;
  auto session = store_.session(auth::token_digest(token));
  if (!session) return std::nullopt;
  if (session->expires_at * 1000 <= now_ms()) {
    // Unchecked: an expired session is refused by its time whether or not its row goes now,
    // and the next login's delete_expired_sessions() removes it.
    (void)store_.delete_session(session->token_hash);
    refusal = error_response(401, "the session has expired; log in again");
    return std::nullopt;
  }
  auto user = store_.user_by_id(session->user_id);
  if (!user || user->disabled) return std::nullopt;
  return Caller{std::move(user.value()), std::move(session.value())};
}

// The throttle: OWASP's device cookies ("Slow Down Online Guessing Attacks with Device
// Cookies"), so that nobody's guesses can keep an account's owner out.
// - A browser that has logged in to an account holds a device cookie for it. A login from it
//   for that account is a known device's: it is checked at once, whatever others have guessed,
//   and only its own failures count ("device:<nonce>"). After max_failures_per_device of them
//   in the window the device is locked (OWASP's lockout list): its logins are an unknown
//   device's until they age out.
// - Every other login is an unknown device's. Its failures count against the username
//   ("untrusted:<username>"): past max_failures_per_account, unknown devices are slowed for that
//   username (known ones are not).
// - The per-address limit applies to unknown devices only. Past max_failures_per_source
//   failures from one address, the address is guessing, and its unknown devices are slowed at
//   each username from that username's first failure there ("source-user:<address>
//   <username>"). A username not yet tried from the address is still checked at once, so a
//   first-ever login from a shared (NAT, proxy) address gets in while someone there sprays
//   random names. The trade-off: such an address is not capped in total; each username it
//   tries is (unknown devices' limit, then doubling waits), and the password policy refuses
//   the common passwords spraying lives on.
// Slowed, not locked: past a limit the next try must wait 1 s after the last failure, then 2,
// 4, ... doubling with each further failure, up to the whole window; a guesser gets about 40
// tries an hour at one username. Throttled answers are the same for every username, and an
// unknown username is checked against a dummy hash: the same work and the same answers.
Result<Sessions::ThrottleKeys> Sessions::throttle_keys(const std::string& username,
                                                       const std::string& source,
                                                       std::string_view device_cookie,
                                                       std::int64_t now_s) {
  ThrottleKeys keys;
  keys.untrusted = "untrusted:" + username;
  keys.source = "source:" + source;
  keys.source_user = "source-user:" + source + " " + username;
  const auto device = read_device_cookie(device_key_, device_cookie);
  if (!device || device->username != username) return keys;
  keys.device = "device:" + device->nonce;
  const auto failures =
      store_.login_failures_since(keys.device, now_s - options_.throttle_window_seconds);
  if (!failures) return failures.error();
  keys.known_device = failures.value() < options_.max_failures_per_device;
  return keys;
}

Result<std::int64_t> Sessions::wait_for(const std::string& key, std::int64_t limit,
                                        std::int64_t now_s) {
  const std::int64_t since = now_s - options_.throttle_window_seconds;
  const auto failures = store_.login_failures_since(key, since);
  if (!failures) return failures.error();
  if (failures.value() < limit) return std::int64_t{0};
  const std::int64_t over = failures.value() - limit;
  const std::int64_t window = options_.throttle_window_seconds;
  const std::int64_t wait = over >= 30 ? window : std::min(window, std::int64_t{1} << over);
  const auto recent = store_.login_failures_since(key, now_s - wait + 1);
  if (!recent) return recent.error();
  return recent.value() > 0 ? wait : 0;
}

// Throttled: answered at once, the same for every username, without checking the password.
std::optional<LoginOutcome> Sessions::throttled(const ThrottleKeys& keys, const std::string& source,
                                                std::int64_t now_s) {
  if (keys.known_device) return std::nullopt;
  const auto account_wait = wait_for(keys.untrusted, options_.max_failures_per_account, now_s);
  const auto source_failures =
      store_.login_failures_since(keys.source, now_s - options_.throttle_window_seconds);
  if (!account_wait || !source_failures) return outcome(LoginOutcome::Kind::Unavailable);
  std::int64_t wait = account_wait.value();
  if (source_failures.value() >= options_.max_failures_per_source) {
    const auto pair_wait = wait_for(keys.source_user, 1, now_s);
    if (!pair_wait) return outcome(LoginOutcome::Kind::Unavailable);
    wait = std::max(wait, pair_wait.value());
  }
  if (wait == 0) return std::nullopt;
  audit_.record_refusal(source, nullptr, "session.login", "", 0, "throttled", 429);
  return outcome(LoginOutcome::Kind::Throttled, wait);
}

bool Sessions::count_failure(const ThrottleKeys& keys, std::int64_t now_s) {
  if (keys.known_device) return store_.record_login_failure(keys.device, now_s).ok();
  bool counted = true;
  for (const std::string* key : {&keys.untrusted, &keys.source, &keys.source_user}) {
    counted = store_.record_login_failure(*key, now_s).ok() && counted;
  }
  return counted;
}

LoginOutcome Sessions::login(const std::string& username, const std::string& password,
                             const std::string& source, std::string_view device_cookie) {
  const std::int64_t now_s = now_ms() / 1000;
  const auto keys = throttle_keys(username, source, device_cookie, now_s);
  if (!keys) return outcome(LoginOutcome::Kind::Unavailable);
  if (auto refused = throttled(*keys, source, now_s)) return *refused;
  auto user = store_.user_by_name(username);
  // Verify against a dummy hash when there is no such user, so the time taken does not tell.
  // At most kConcurrentHashes argon2id computations (19 MiB each) at once, so a burst of
  // logins cannot exhaust memory. The counts are checked again once a slot is ours and a
  // failure is recorded before the slot is given up, so a burst of guesses sent together
  // gets no more tries than guesses sent one by one (give or take the slots).
  bool password_ok = false;
  {
    const HashingSlot slot(hashing_);
    if (auto refused = throttled(*keys, source, now_s)) return *refused;
    password_ok = verify_(user ? user->password_hash : dummy_hash_, password);
    // A failure that cannot be counted would escape the throttle: refused as when the counts
    // cannot be read, the same for every username.
    if ((!user || !password_ok || user->disabled) && !count_failure(*keys, now_s)) {
      return outcome(LoginOutcome::Kind::Unavailable);
    }
  }
  if (!user || !password_ok || user->disabled) {
    audit_.record_refusal(source, nullptr, "session.login", "", 0, "failed", 401);
    return outcome(LoginOutcome::Kind::Failed);
  }
  // Unchecked: housekeeping. Failures left counted only slow this device's later failures, and
  // expired sessions are refused by their time.
  if (keys->known_device) (void)store_.clear_login_failures(keys->device);
  (void)store_.delete_expired_sessions(now_s);
  LoginOutcome out = outcome(LoginOutcome::Kind::LoggedIn);
  out.token = auth::random_token();
  // A new device cookie each time (OWASP): the browser is now a known device for this user.
  out.device_token = device_cookie_value(device_key_, user->username);
  store::Session session;
  session.token_hash = auth::token_digest(out.token);
  session.user_id = user->id;
  session.csrf_token = auth::random_token();
  session.created_at = now_s;
  session.expires_at = now_s + options_.session_seconds;
  if (!store_.create_session(session)) return outcome(LoginOutcome::Kind::Error);
  out.caller = Caller{std::move(user.value()), std::move(session)};
  if (!audit_.record(source, &out.caller->user, "session.login", "", 0,
                     keys->known_device ? "ok-known-device" : "ok", 200)) {
    // A login that cannot be audited does not happen: its session goes again (if even that
    // fails, the cookie was never sent, so nobody holds the token).
    (void)store_.delete_session(out.caller->session.token_hash);
    return outcome(LoginOutcome::Kind::AuditUnavailable);
  }
  return out;
}

bool Sessions::logout(const std::string& source, const Caller& caller) {
  if (!store_.delete_session(caller.session.token_hash)) return false;
  // Unchecked: the session has ended whether or not its row is written, and refusing to say so
  // would leave the browser believing it is still logged in.
  (void)audit_.record(source, &caller.user, "session.logout", "", 0, "ok", 204);
  return true;
}

}  // namespace peermap::server
