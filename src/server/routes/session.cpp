// /api/session: log in, who is logged in, log out.
#include "auth/auth.hpp"
#include "server/device_cookies.hpp"
#include "server/request_parsing.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"

namespace peermap::server::routes {
namespace {

using json = nlohmann::json;

json session_json(const Caller& caller) {
  json body = user_json(caller.user);
  body["csrf_token"] = caller.session.csrf_token;
  body["expires_at"] = iso_time(caller.session.expires_at * 1000);
  return body;
}

//! The login body's username and password; nullopt with the refusal in `error`.
std::optional<std::pair<std::string, std::string>> credentials(const Request& request,
                                                               Response& error) {
  auto body = parse_json_body(request, error);
  if (!body) return std::nullopt;
  if (!body->is_object()) {
    error = field_error("", "expected an object with username and password");
    return std::nullopt;
  }
  const auto username = body->find("username");
  const auto password = body->find("password");
  if (username == body->end() || !username->is_string() || username->get<std::string>().empty()) {
    error = field_error("/username", "a non-empty string is required");
    return std::nullopt;
  }
  if (password == body->end() || !password->is_string()) {
    error = field_error("/password", "a string is required");
    return std::nullopt;
  }
  std::pair<std::string, std::string> out{username->get<std::string>(),
                                          password->get<std::string>()};
  if (out.first.size() > 200) {
    error = field_error("/username", "at most 200 characters");
    return std::nullopt;
  }
  if (out.second.size() > auth::kMaxPasswordLength) {
    error = field_error("/password",
                        "at most " + std::to_string(auth::kMaxPasswordLength) + " characters");
    return std::nullopt;
  }
  return out;
}

}  // namespace

Response login(RouteContext& ctx, const Request& request) {
  // application/json only: a cross-site form cannot send it without a CORS preflight, so no
  // other site can log a browser in to an account of its choosing.
  if (!content_type_is(request, "application/json")) {
    return error_response(415, "send the login as application/json");
  }
  if (request.body.size() > kMaxSmallBody) {
    return error_response(413, "a login is at most " + std::to_string(kMaxSmallBody) + " bytes");
  }
  Response error;
  const auto given = credentials(request, error);
  if (!given) return error;
  // Looked up as stored (normalised, as at `user add`): "Alice " is alice, and so is her
  // throttle. A name that cannot be normalised is tried as typed, through the same checks and
  // time as any unknown name, and finds nobody.
  std::string username = given->first;
  if (auto normal = auth::normalise_username(username)) username = std::move(normal.value());
  auto outcome = ctx.sessions.login(username, given->second, request.remote,
                                    cookie_value(request, kDeviceCookie));
  switch (outcome.kind) {
    case LoginOutcome::Kind::LoggedIn:
      break;
    case LoginOutcome::Kind::Throttled: {
      Response r = error_response(429, "too many failed logins; wait and try again");
      r.set_header("Retry-After", std::to_string(outcome.retry_after_seconds));
      return r;
    }
    case LoginOutcome::Kind::Failed:
      return error_response(401, "wrong username or password");
    case LoginOutcome::Kind::Unavailable:
      return error_response(503, "logins cannot be checked now; try again");
    case LoginOutcome::Kind::AuditUnavailable:
      return audit_unavailable();
    case LoginOutcome::Kind::Error:
      return internal_error();
  }
  Response r = json_response(200, session_json(*outcome.caller));
  r.set_header("Set-Cookie", session_cookie(outcome.token, ctx.options.session_seconds,
                                            ctx.options.secure_cookies));
  r.set_header("Set-Cookie",
               device_cookie_header(outcome.device_token, ctx.options.device_cookie_seconds,
                                    ctx.options.secure_cookies));
  return r;
}

Response read_session(RouteContext&, const Request&, const Params&, const Caller& caller) {
  return json_response(200, session_json(caller));
}

Response logout(RouteContext& ctx, const Request& request, const Params&, const Caller& caller) {
  // A session that cannot be removed is still valid: the browser keeps its cookie and may try
  // again.
  if (!ctx.sessions.logout(request.remote, caller)) return internal_error();
  Response r;
  r.status = 204;
  r.content_type.clear();
  r.set_header("Set-Cookie", session_cookie("", 0, ctx.options.secure_cookies));
  return r;
}

}  // namespace peermap::server::routes
