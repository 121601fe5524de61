// The server's own view of an HTTP exchange: what the API logic reads and writes, free of the
// HTTP library (server.cpp adapts cpp-httplib to these), so the API is tested without sockets
// as well as through them.
#pragma once

#include <chrono>
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

//! What a streamed response sends (server-sent events), a piece at a time: the server asks for
//! the next piece until the stream ends, sends a heartbeat when there has been none for a
//! while, and ends the stream itself at its lifetime, when the client goes or the server stops.
class StreamSource {
 public:
  virtual ~StreamSource() = default;
  //! Appends to `out` what is ready to send, waiting at most `wait` for something; false once
  //! the stream has nothing more to send. Called from one thread at a time.
  virtual bool next(std::string& out, std::chrono::milliseconds wait) = 0;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  //! When set, the body instead of `body`: an immutable text shared with the cache, sent
  //! without copying.
  std::shared_ptr<const std::string> shared_body;
  std::vector<std::pair<std::string, std::string>> headers;
  //! When set, the body is streamed from it (chunked, `content_type` e.g. text/event-stream)
  //! and `body` is not sent.
  std::shared_ptr<StreamSource> stream;

  [[nodiscard]] const std::string& text() const { return shared_body ? *shared_body : body; }

  void set_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
  [[nodiscard]] std::string header(std::string_view name) const;
};

}  // namespace peermap::server
