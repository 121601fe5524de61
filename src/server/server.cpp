#include "server/server.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <chrono>
#include <mutex>
#include <ostream>

#include "base/text_safety.hpp"
#include "server/api.hpp"
#include "server/request_parsing.hpp"
#include "server/responses.hpp"

namespace peermap::server {

// Streams and the worker pool. cpp-httplib serves each connection on one worker of a fixed
// pool (`ListenOptions::threads`), and a chunked response keeps its worker until the provider
// says it is done: an open stream holds a worker for its whole life, and a pool full of streams
// would answer nothing else (new connections would queue behind them). So:
// - the cap on open streams is at most half the workers: the other half always serve requests;
// - a stream lives at most `max_lifetime`, then the server ends it and the client reconnects;
// - the pump never waits on its source longer than `poll`, so it sees a stopping server soon,
//   and a client that went away is noticed at the next write (the heartbeat's at the latest),
//   which fails and gives the worker back.

// Refusals the library makes itself. cpp-httplib answers some requests before any handler of
// ours runs: 414 (a request line over 8 KiB), 400 (a malformed request line, oversized or too
// many headers, a method it does not route), 413 (a body over set_payload_max_length). It
// passes each to the error handler, as it does our own answers of 400 and more: a thread-local
// flag, set by serve() and cleared by the pre-routing stage and the logger (which runs after
// every answer), tells the two apart. The library's own are audited (Api::record_refusal) and
// get a JSON body and the API's security headers. For a refusal of the request line or the
// headers the library has not yet read the peer's address: the row's source is empty then.
namespace {

thread_local bool answered_by_us = false;

//! The request as the API sees it: header names in lower case, the address as the proxy says
//! when it is trusted.
Request adapt(const httplib::Request& in, bool trust_forwarded_for) {
  Request request;
  request.method = in.method;
  request.path = in.path;
  request.query.insert(in.params.begin(), in.params.end());
  for (const auto& [name, value] : in.headers) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    request.headers.emplace(std::move(lower), value);
  }
  request.body = in.body;
  request.remote = in.remote_addr;
  if (trust_forwarded_for) {
    const std::string forwarded = request.header("x-forwarded-for");
    std::string last = forwarded.substr(forwarded.rfind(',') + 1);  // npos + 1 == 0
    last.erase(0, last.find_first_not_of(' '));
    last.erase(last.find_last_not_of(' ') + 1);
    if (!last.empty() && last.size() <= 64) request.remote = last;
  }
  return request;
}

//! The API's security headers on `out`, unless it has them (our own answers do).
void add_security_headers(httplib::Response& out) {
  for (const auto& [name, value] : api_security_headers()) {
    if (!out.has_header(name)) out.set_header(name, value);
  }
}

}  // namespace

struct HttpServer::Impl {
  std::function<Response(const Request&)> handle;
  std::function<void(const Request&, int)> refused;
  std::size_t max_body_bytes;
  ListenOptions options;
  std::ostream* log;
  std::mutex log_mutex;
  std::unique_ptr<httplib::Server> http;
  int port = 0;
  int listen_socket = -1;
  std::atomic<bool> stopping{false};
  OpenStreams streams{std::min(options.streams.max_open, options.threads / 2)};

  Impl(std::function<Response(const Request&)> h, std::function<void(const Request&, int)> r,
       std::size_t max_body, ListenOptions o, std::ostream* l)
      : handle(std::move(h)),
        refused(std::move(r)),
        max_body_bytes(max_body),
        options(std::move(o)),
        log(l) {}

  //! One access line: the route's shape only (ids are random and carry no case content,
  //! queries may).
  void log_line(const std::string& method, const std::string& path, int status, std::size_t sent,
                double ms) {
    if (log == nullptr) return;
    const std::lock_guard lock(log_mutex);
    *log << "peermap: " << text::escape_controls_for_log(method) << " "
         << text::escape_controls_for_log(path) << " " << status << " " << sent << "B "
         << static_cast<double>(static_cast<long>(ms * 1000)) / 1000.0 << "ms\n"
         << std::flush;
  }

  //! A refusal the library made before (or instead of) serve(): audited, with a JSON body and
  //! the API's security headers.
  void library_refusal(const httplib::Request& in, httplib::Response& out) {
    // The library refuses a form over 8 KiB as too large before any route sees it: a type no
    // route takes is a 415, whatever its size.
    if (out.status == 413 && !body_type_taken(in.get_header_value("Content-Type"))) {
      out.status = 415;
    }
    const std::string message = out.status == 415   ? "send application/json"
                                : out.status == 413 ? "the request body is too large"
                                : out.status == 414 ? "the request line is too long"
                                : out.status >= 500 ? "internal error"
                                                    : "the request cannot be handled";
    out.set_content("{\"status\":" + std::to_string(out.status) + ",\"error\":\"" + message + "\"}",
                    "application/json");
    add_security_headers(out);
    if (refused) refused(adapt(in, options.trust_forwarded_for), out.status);
    log_line(in.method, in.path, out.status, out.body.size(), 0.0);
  }

  //! Sends `response`'s stream through `out`, or the 503 when enough streams are open.
  void send_stream(const Request& request, Response& response, httplib::Response& out) {
    auto ticket = streams.try_open();
    if (!ticket) {
      if (refused) refused(request, 503);
      out.status = 503;
      out.set_header("Retry-After", std::to_string(options.streams.retry_after_seconds));
      out.set_content(R"({"status":503,"error":"too many open streams; try again later"})",
                      "application/json");
      return;
    }
    auto pump = std::make_shared<StreamPump>(std::move(response.stream), options.streams,
                                             std::move(ticket), stopping);
    out.set_chunked_content_provider(
        response.content_type, [pump](std::size_t, httplib::DataSink& sink) {
          const auto step = pump->step([&sink](std::string_view text) {
            return sink.is_writable() && sink.write(text.data(), text.size());
          });
          if (step == StreamPump::Step::Done) sink.done();
          return step != StreamPump::Step::Failed;
        });
  }

  void serve(const httplib::Request& in, httplib::Response& out) {
    answered_by_us = true;
    const auto start = std::chrono::steady_clock::now();
    const Request request = adapt(in, options.trust_forwarded_for);
    Response response = handle(request);
    const std::size_t sent = response.text().size();
    out.status = response.status;
    for (const auto& [name, value] : response.headers) out.set_header(name, value);
    if (response.stream) {
      send_stream(request, response, out);
    } else if (response.shared_body) {
      // Sent straight from the cached text: no copy of a document of a few hundred kB.
      auto shared = std::move(response.shared_body);
      const std::size_t size = shared->size();
      out.set_content_provider(
          size, response.content_type,
          [shared](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            return sink.write(shared->data() + offset, length);
          });
    } else if (!response.body.empty() || !response.content_type.empty()) {
      // Moved, not set_content(), which copies: a map's JSON is a few hundred kB.
      out.body = std::move(response.body);
      out.set_header("Content-Type", response.content_type);
    }
    const auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    log_line(in.method, in.path, out.status, sent, ms);
  }
};

HttpServer::HttpServer(Api& api, ListenOptions options, std::ostream* log)
    : impl_(std::make_unique<Impl>(
          [&api](const Request& request) { return api.handle(request); },
          [&api](const Request& request, int status) { api.record_refusal(request, status); },
          api.options().max_body_bytes, std::move(options), log)) {}

HttpServer::HttpServer(std::function<Response(const Request&)> handle, std::size_t max_body_bytes,
                       ListenOptions options, std::ostream* log)
    : impl_(std::make_unique<Impl>(std::move(handle), nullptr, max_body_bytes, std::move(options),
                                   log)) {}
HttpServer::~HttpServer() = default;

Result<int> HttpServer::bind() {
  auto& o = impl_->options;
  if (!o.tls_certificate.empty()) {
    auto tls =
        std::make_unique<httplib::SSLServer>(o.tls_certificate.c_str(), o.tls_private_key.c_str());
    if (!tls->is_valid()) {
      return Error{ErrorKind::Io, "the TLS certificate or private key cannot be loaded"};
    }
    impl_->http = std::move(tls);
  } else {
    impl_->http = std::make_unique<httplib::Server>();
  }
  auto& http = *impl_->http;
  const std::size_t threads = o.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(impl_->max_body_bytes);
  // Headers and body go out in separate writes: without TCP_NODELAY the body waits for the
  // client's delayed ACK (up to 40 ms). Accepted sockets inherit it from the listening one.
  http.set_tcp_nodelay(true);
  http.set_socket_options([this](socket_t socket) {
    int yes = 1;
    ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    impl_->listen_socket = socket;
  });
  http.set_keep_alive_max_count(1000);
  http.set_keep_alive_timeout(5);
  // A slow client holds a worker thread: it gets 10 s for each read (run a reverse proxy in
  // front on a public network; docs/api.md).
  http.set_read_timeout(10, 0);
  http.set_write_timeout(30, 0);
  const auto handler = [this](const httplib::Request& in, httplib::Response& out) {
    impl_->serve(in, out);
  };
  http.Get(".*", handler);
  http.Post(".*", handler);
  http.Put(".*", handler);
  http.Patch(".*", handler);
  http.Delete(".*", handler);
  http.Options(".*", handler);
  // What the library answers itself (see the comment at the top): audited, a JSON body and the
  // security headers. Our own answers reach the error handler too, already complete.
  http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    answered_by_us = false;
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& in, httplib::Response& out) {
        if (answered_by_us) return httplib::Server::HandlerResponse::Unhandled;
        impl_->library_refusal(in, out);
        return httplib::Server::HandlerResponse::Handled;
      }));
  // serve() catches what the API throws; this is for what escapes it (std::bad_alloc).
  http.set_exception_handler(
      [this](const httplib::Request& in, httplib::Response& out, const std::exception_ptr&) {
        out = httplib::Response();
        out.status = 500;
        impl_->library_refusal(in, out);
        answered_by_us = true;  // complete now: the error handler leaves it as it is
      });
  http.set_logger(
      [](const httplib::Request&, const httplib::Response&) { answered_by_us = false; });
  const int port = o.port == 0 ? http.bind_to_any_port(o.host)
                               : (http.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port < 0) {
    return Error{ErrorKind::Io, "cannot listen on " + o.host + ":" + std::to_string(o.port)};
  }
  // Debian's cpp-httplib listens with a backlog of 5: a burst of new connections overflows it
  // and clients wait seconds to retry. listen() again raises the backlog on the bound socket.
  if (impl_->listen_socket >= 0) ::listen(impl_->listen_socket, SOMAXCONN);
  impl_->port = port;
  return port;
}

Status HttpServer::run() {
  if (!impl_->http) return Error{ErrorKind::Internal, "bind() first"};
  if (!impl_->http->listen_after_bind()) {
    return Error{ErrorKind::Io, "the server stopped listening"};
  }
  return ok_status();
}

void HttpServer::stop() {
  impl_->stopping = true;
  if (impl_->http) impl_->http->stop();
}

Status parse_listen(std::string_view text, ListenOptions& options) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos) {
    return Error{ErrorKind::Invalid, "--listen: expected HOST:PORT, e.g. 127.0.0.1:8080"};
  }
  std::string_view host = text.substr(0, colon);
  const std::string_view port = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  int value = -1;
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc() || end != port.data() + port.size() || value < 0 || value > 65535) {
    return Error{ErrorKind::Invalid, "--listen: the port must be a number from 0 to 65535"};
  }
  options.host = host.empty() ? "127.0.0.1" : std::string(host);
  options.port = value;
  return ok_status();
}

}  // namespace peermap::server
