// Puts the Api on a socket with cpp-httplib: one worker per connection from a fixed pool,
// keep-alive, request size limits, TLS when given a certificate, and an access log that
// carries no case content (method, route, status, size, time).
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "base/result.hpp"
#include "server/http.hpp"
#include "server/streaming.hpp"

namespace peermap::server {

class Api;

struct ListenOptions {
  std::string host = "127.0.0.1";
  int port = 8080;              //!< 0 picks a free port
  std::size_t threads = 96;     //!< connections served at once
  std::string tls_certificate;  //!< PEM files; both empty for plain HTTP
  std::string tls_private_key;
  //! Behind a reverse proxy that terminates TLS: the client's address is the last one in
  //! X-Forwarded-For (the one the proxy added). Never set this without such a proxy: a client
  //! could then choose the address the audit and the throttle see.
  bool trust_forwarded_for = false;
  //! Streamed responses: heartbeat, lifetime and the cap on open streams (at most half the
  //! workers, whatever is asked: see server.cpp).
  StreamLimits streams;
};

class HttpServer {
 public:
  //! `log` receives one access line per request (may be null for none).
  HttpServer(Api& api, ListenOptions options, std::ostream* log);
  //! Serves `handle` instead of an Api (tests), with bodies up to `max_body_bytes`.
  HttpServer(std::function<Response(const Request&)> handle, std::size_t max_body_bytes,
             ListenOptions options, std::ostream* log);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  //! Binds the socket; the port actually bound, or an Io error.
  Result<int> bind();
  //! Serves until stop(); call bind() first.
  Status run();
  //! Thread-safe; run() returns soon after.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

//! "HOST:PORT" ("127.0.0.1:8080", "[::1]:8080", ":8080") into the options; Invalid otherwise.
Status parse_listen(std::string_view text, ListenOptions& options);

}  // namespace peermap::server
