// The server's own view of an HTTP exchange: what the API logic reads and writes, free of the
// HTTP library (server.cpp adapts cpp-httplib to these), so the API is tested without sockets
// as well as through them.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace peermap::server {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query string
  std::multimap<std::string, std::string> query;
  std::multimap<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string remote;  // the client's address

  //! The first value of a header (name in any case), or "" when absent.
  [[nodiscard]] std::string header(std::string_view name) const;
  [[nodiscard]] bool has_header(std::string_view name) const;
  //! The first value of a query parameter, or nullptr when absent.
  [[nodiscard]] const std::string* param(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  //! When set, the body instead of `body`: an immutable text shared with the cache, sent
  //! without copying.
  std::shared_ptr<const std::string> shared_body;
  std::vector<std::pair<std::string, std::string>> headers;

  [[nodiscard]] const std::string& text() const { return shared_body ? *shared_body : body; }

  void set_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
  [[nodiscard]] std::string header(std::string_view name) const;
};

}  // namespace peermap::server
