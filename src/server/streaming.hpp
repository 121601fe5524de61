// Streamed responses (server-sent events) without the HTTP library: the cap on open streams and
// the pump that feeds one stream, with its heartbeat and its lifetime. server.cpp puts a pump
// behind cpp-httplib's chunked content provider.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>

#include "server/http.hpp"

namespace peermap::server {

struct StreamLimits {
  //! A comment line (":\n\n") after this long without anything sent: proxies keep the
  //! connection, and a client that went away is noticed at the next write.
  std::chrono::milliseconds heartbeat{5'000};
  //! Streams open at once; beyond it, 503 with Retry-After.
  std::size_t max_open = 32;
  //! The server ends a stream this long after it opened (the client reconnects), so a stream
  //! never holds a worker forever.
  std::chrono::milliseconds max_lifetime{10 * 60'000};
  //! The longest the pump waits for its source before it looks at the clock and the server
  //! again: how soon a stopping server ends its streams.
  std::chrono::milliseconds poll{250};
  //! Retry-After of the 503 when the cap is reached.
  int retry_after_seconds = 5;
};

//! The count of open streams, bounded.
class OpenStreams {
 public:
  explicit OpenStreams(std::size_t cap) : cap_(cap) {}

  //! One open stream, counted until it is destroyed.
  class Ticket {
   public:
    explicit Ticket(std::atomic<std::size_t>& open) : open_(open) {}
    ~Ticket() { open_.fetch_sub(1); }
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;

   private:
    std::atomic<std::size_t>& open_;
  };

  //! A ticket, or nullptr when `cap` streams are open already.
  std::unique_ptr<Ticket> try_open();
  [[nodiscard]] std::size_t open() const { return open_.load(); }

 private:
  std::size_t cap_;
  std::atomic<std::size_t> open_{0};
};

//! Feeds one stream: what its source gives, or a heartbeat, until the source ends, the lifetime
//! is over, the server stops or a write fails.
class StreamPump {
 public:
  using Clock = std::chrono::steady_clock;
  enum class Step { More, Done, Failed };

  StreamPump(std::shared_ptr<StreamSource> source, const StreamLimits& limits,
             std::unique_ptr<OpenStreams::Ticket> ticket, const std::atomic<bool>& stopping);

  //! One round: waits for the source (at most until the next heartbeat, the end of the
  //! lifetime or one poll) and writes what it gave, or a heartbeat when it is due. Failed when
  //! `write` fails (the client went away).
  Step step(const std::function<bool(std::string_view)>& write);

 private:
  std::shared_ptr<StreamSource> source_;
  StreamLimits limits_;
  std::unique_ptr<OpenStreams::Ticket> ticket_;
  const std::atomic<bool>& stopping_;
  Clock::time_point ends_at_;
  Clock::time_point last_write_;
  std::string pending_;
};

}  // namespace peermap::server
