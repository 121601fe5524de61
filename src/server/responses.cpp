#include "server/responses.hpp"

#include <cstdio>
#include <ctime>

namespace peermap::server {

using json = nlohmann::json;

int status_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Invalid:
      return 422;
    case ErrorKind::NotFound:
      return 404;
    case ErrorKind::Conflict:
      return 412;
    case ErrorKind::Forbidden:
      return 403;
    case ErrorKind::Unavailable:
      return 503;
    case ErrorKind::Io:
    case ErrorKind::Internal:
      break;
  }
  return 500;
}

Response json_response(int status, const json& body) {
  Response r;
  r.status = status;
  r.body = body.dump();
  return r;
}

Response error_response(int status, std::string message) {
  return json_response(status, {{"status", status}, {"error", std::move(message)}});
}

Response error_response(const Error& error) {
  const int status = status_for(error.kind);
  return error_response(status, status >= 500 ? std::string("internal error") : error.message);
}

Response internal_error() { return error_response(Error{ErrorKind::Internal, {}}); }

Response field_error(std::string pointer, std::string message) {
  json body = {{"status", 422},
               {"error", "the request has a problem"},
               {"problems", json::array({{{"pointer", std::move(pointer)},
                                          {"severity", "error"},
                                          {"message", std::move(message)}}})}};
  return json_response(422, body);
}

Response parameter_error(std::string_view name, std::string message) {
  return json_response(422, {{"status", 422},
                             {"error", "the request has a problem"},
                             {"problems", json::array({{{"parameter", name},
                                                        {"severity", "error"},
                                                        {"message", std::move(message)}}})}});
}

Response not_found() { return error_response(404, "no such resource"); }

Response audit_unavailable() {
  return error_response(503, "the audit trail cannot be written now; nothing was disclosed");
}

json problems_json(const std::vector<model::Problem>& problems) {
  json out = json::array();
  for (const auto& p : problems) {
    out.push_back({{"pointer", p.where},
                   {"severity", p.severity == model::Severity::Error ? "error" : "warning"},
                   {"message", p.message}});
  }
  return out;
}

json warnings_json(const std::vector<model::Problem>& problems) {
  json out = json::array();
  for (const auto& p : problems) {
    if (p.severity == model::Severity::Warning) {
      out.push_back({{"pointer", p.where}, {"severity", "warning"}, {"message", p.message}});
    }
  }
  return out;
}

namespace {

//! The problem that makes the text malformed JSON (its place is line:column), or nullptr.
const model::Problem* malformed(const std::vector<model::Problem>& problems) {
  for (const auto& p : problems) {
    if (p.severity == model::Severity::Error && !p.where.empty() && p.where.front() != '/') {
      return &p;
    }
  }
  return nullptr;
}

}  // namespace

int invalid_document_status(const std::vector<model::Problem>& problems) {
  return malformed(problems) != nullptr ? 400 : 422;
}

Response invalid_document(const std::vector<model::Problem>& problems) {
  if (const model::Problem* p = malformed(problems)) {
    json body = {{"status", 400},
                 {"error", p->message + " at " + p->where},
                 {"where", p->where},
                 {"problems", problems_json(problems)}};
    return json_response(400, body);
  }
  json body = {{"status", 422},
               {"error", "the document is not a valid peermap/1 map"},
               {"problems", problems_json(problems)}};
  return json_response(422, body);
}

json user_json(const store::User& user) {
  return {{"username", user.username},
          {"display_name", store::display_name_or_username(user)},
          {"team", user.team},
          {"role", std::string(store::role_text(user.role))}};
}

std::string iso_time(std::int64_t ms) {
  const auto seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[32];
  if (std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &tm) == 0) return {};
  char out[40];
  (void)std::snprintf(out, sizeof out, "%s.%03dZ", buffer, static_cast<int>(ms % 1000));
  return out;
}

std::string etag_of(std::int64_t revision) { return "\"r" + std::to_string(revision) + "\""; }

namespace {

HeaderSet security_headers(std::string policy) {
  return {{"Cache-Control", "no-store"},
          {"X-Content-Type-Options", "nosniff"},
          {"Referrer-Policy", "no-referrer"},
          {"X-Frame-Options", "DENY"},
          {"Content-Security-Policy", std::move(policy)}};
}

}  // namespace

const HeaderSet& api_security_headers() {
  static const HeaderSet headers = security_headers("default-src 'none'; frame-ancestors 'none'");
  return headers;
}

const HeaderSet& page_security_headers() {
  static const HeaderSet headers = security_headers(std::string(kPageCsp));
  return headers;
}

}  // namespace peermap::server
