#include "server/sessions.hpp"

#include <algorithm>
#include <stdexcept>

#include "auth/auth.hpp"
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
    : store_(store), audit_(audit), options_(options) {
  auto hash = auth::hash_password(auth::random_token());
  if (!hash) throw std::runtime_error("cannot compute the dummy password hash");
  dummy_hash_ = hash.value();
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

// Past its limit an account (or an address) is slowed, not locked: its next try must wait 1 s
// after its last failure, then 2, 4, ... doubling with each further failure, up to the whole
// window. Someone guessing at an account gets about as many tries an hour as with a lockout
// (about 40), and its owner can still log in between the guesses.
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
std::optional<LoginOutcome> Sessions::throttled(const std::string& account_key,
                                                const std::string& source_key,
                                                const std::string& source, std::int64_t now_s) {
  const auto account_wait = wait_for(account_key, options_.max_failures_per_account, now_s);
  const auto source_wait = wait_for(source_key, options_.max_failures_per_source, now_s);
  if (!account_wait || !source_wait) return outcome(LoginOutcome::Kind::Unavailable);
  const std::int64_t wait = std::max(account_wait.value(), source_wait.value());
  if (wait == 0) return std::nullopt;
  audit_.record_refusal(source, nullptr, "session.login", "", 0, "throttled", 429);
  return outcome(LoginOutcome::Kind::Throttled, wait);
}

LoginOutcome Sessions::login(const std::string& username, const std::string& password,
                             const std::string& source) {
  const std::int64_t now_s = now_ms() / 1000;
  const std::string account_key = "user:" + username;
  const std::string source_key = "source:" + source;
  if (auto refused = throttled(account_key, source_key, source, now_s)) return *refused;
  auto user = store_.user_by_name(username);
  // Verify against a dummy hash when there is no such user, so the time taken does not tell.
  // At most kConcurrentHashes argon2id computations (19 MiB each) at once, so a burst of
  // logins cannot exhaust memory. The counts are checked again once a slot is ours and a
  // failure is recorded before the slot is given up, so a burst of guesses sent together
  // gets no more tries than guesses sent one by one (give or take the slots).
  bool password_ok = false;
  {
    const HashingSlot slot(hashing_);
    if (auto refused = throttled(account_key, source_key, source, now_s)) return *refused;
    password_ok = auth::verify_password(user ? user->password_hash : dummy_hash_, password);
    if (!user || !password_ok || user->disabled) {
      // A failure that cannot be counted would escape the throttle: refused as when the counts
      // cannot be read, the same for every username.
      const bool counted = store_.record_login_failure(account_key, now_s).ok();
      if (!store_.record_login_failure(source_key, now_s) || !counted) {
        return outcome(LoginOutcome::Kind::Unavailable);
      }
    }
  }
  if (!user || !password_ok || user->disabled) {
    audit_.record_refusal(source, nullptr, "session.login", "", 0, "failed", 401);
    return outcome(LoginOutcome::Kind::Failed);
  }
  // Unchecked: housekeeping. Failures left counted only slow this account's later failures,
  // and expired sessions are refused by their time.
  (void)store_.clear_login_failures(account_key);
  (void)store_.delete_expired_sessions(now_s);
  LoginOutcome out = outcome(LoginOutcome::Kind::LoggedIn);
  out.token = auth::random_token();
  store::Session session;
  session.token_hash = auth::token_digest(out.token);
  session.user_id = user->id;
  session.csrf_token = auth::random_token();
  session.created_at = now_s;
  session.expires_at = now_s + options_.session_seconds;
  if (!store_.create_session(session)) return outcome(LoginOutcome::Kind::Error);
  out.caller = Caller{std::move(user.value()), std::move(session)};
  if (!audit_.record(source, &out.caller->user, "session.login", "", 0, "ok", 200)) {
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
