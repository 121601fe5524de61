// Streamed responses through a real socket: the heartbeat while the source is quiet, the cap on
// open streams (503 with Retry-After beyond it), and the end of a stream at its lifetime, so a
// stream never keeps a worker.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "server/server.hpp"

namespace peermap::server {
namespace {

using namespace std::chrono_literals;

//! An event stream that says hello once, then nothing: what follows are heartbeats.
class QuietSource : public StreamSource {
 public:
  bool next(std::string& out, std::chrono::milliseconds wait) override {
    if (!greeted_) {
      greeted_ = true;
      out += "data: hello\n\n";
      return true;
    }
    std::this_thread::sleep_for(wait);
    return true;
  }

 private:
  bool greeted_ = false;
};

Response event_stream(const Request& request) {
  Response r;
  if (request.path != "/events") {
    r.body = "{}";
    return r;
  }
  r.content_type = "text/event-stream";
  r.stream = std::make_shared<QuietSource>();
  return r;
}

class StreamTest : public ::testing::Test {
 protected:
  //! Starts the server; each test picks the stream lifetime it needs.
  void start(std::chrono::milliseconds lifetime) {
    ListenOptions listen;
    listen.port = 0;
    listen.threads = 8;
    listen.streams.heartbeat = 100ms;
    listen.streams.max_open = 1;
    listen.streams.max_lifetime = lifetime;
    listen.streams.poll = 50ms;
    server_ = std::make_unique<HttpServer>(event_stream, 1u << 20u, listen, nullptr);
    auto port = server_->bind();
    ASSERT_TRUE(port) << port.error().message;
    port_ = port.value();
    thread_ = std::thread([this] { (void)server_->run(); });
  }
  void TearDown() override {
    if (!server_) return;
    server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(StreamTest, HeartbeatsACapAndAnEndAtTheLifetime) {
  start(1500ms);
  std::atomic<bool> heartbeat_seen{false};
  std::string received;
  int status = 0;
  const auto opened = std::chrono::steady_clock::now();
  std::thread reader([&] {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
    auto r = c.Get("/events", [&](const char* data, std::size_t length) {
      received.append(data, length);
      if (received.find(":\n\n") != std::string::npos) heartbeat_seen = true;
      return true;
    });
    status = r ? r->status : -1;
  });
  // Wait for the first heartbeat: the stream is open (and counted) by then.
  // Waits are generous: these machines are shared, and only the order of events is asserted.
  for (int i = 0; i < 500 && !heartbeat_seen; ++i) std::this_thread::sleep_for(20ms);
  ASSERT_TRUE(heartbeat_seen);
  // The cap is one stream: another is refused, and told when to try again.
  httplib::Client other("127.0.0.1", port_);
  auto refused = other.Get("/events");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503);
  EXPECT_EQ(refused->get_header_value("Retry-After"), "5");
  // Ordinary requests are still served while the stream is open.
  auto plain = other.Get("/other");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 200);
  // The server ends the stream at its lifetime; the client sees a complete response.
  reader.join();
  const auto lived = std::chrono::steady_clock::now() - opened;
  EXPECT_EQ(status, 200);
  EXPECT_EQ(received.rfind("data: hello\n\n", 0), 0u) << received;
  EXPECT_GE(lived, 1400ms);  // not before its lifetime
  EXPECT_LT(lived, 9s);      // ended by the lifetime, not the client's 10 s read timeout
  // Its slot is free again, once the server's worker has finished with it (just after the
  // client has seen the end): a new stream is served within a few tries.
  int status_again = 0;
  for (int i = 0; i < 50 && status_again != 200; ++i) {
    if (i > 0) std::this_thread::sleep_for(100ms);
    auto again = other.Get("/events");
    ASSERT_TRUE(again);
    status_again = again->status;
  }
  EXPECT_EQ(status_again, 200);
}

TEST_F(StreamTest, StoppingTheServerEndsAnOpenStream) {
  start(60000ms);
  std::atomic<bool> started{false};
  std::thread reader([&] {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
    (void)c.Get("/events", [&](const char*, std::size_t) {
      started = true;
      return true;
    });
  });
  for (int i = 0; i < 500 && !started; ++i) std::this_thread::sleep_for(20ms);
  ASSERT_TRUE(started);
  const auto stopping = std::chrono::steady_clock::now();
  server_->stop();
  thread_.join();
  reader.join();
  // Ended by the stop: the stream's lifetime is a minute and the client's read timeout 10 s.
  EXPECT_LT(std::chrono::steady_clock::now() - stopping, 9s);
}

}  // namespace
}  // namespace peermap::server
