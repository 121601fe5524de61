#include "server/streaming.hpp"

#include <algorithm>

namespace peermap::server {

std::unique_ptr<OpenStreams::Ticket> OpenStreams::try_open() {
  std::size_t open = open_.load();
  do {
    if (open >= cap_) return nullptr;
  } while (!open_.compare_exchange_weak(open, open + 1));
  return std::make_unique<Ticket>(open_);
}

StreamPump::StreamPump(std::shared_ptr<StreamSource> source, const StreamLimits& limits,
                       std::unique_ptr<OpenStreams::Ticket> ticket,
                       const std::atomic<bool>& stopping)
    : source_(std::move(source)),
      limits_(limits),
      ticket_(std::move(ticket)),
      stopping_(stopping),
      ends_at_(Clock::now() + limits.max_lifetime),
      last_write_(Clock::now()) {}

StreamPump::Step StreamPump::step(const std::function<bool(std::string_view)>& write) {
  auto now = Clock::now();
  if (stopping_.load() || now >= ends_at_) return Step::Done;
  const auto until = std::min(ends_at_, last_write_ + limits_.heartbeat);
  const auto wait = std::clamp(std::chrono::duration_cast<std::chrono::milliseconds>(until - now),
                               std::chrono::milliseconds{0}, limits_.poll);
  pending_.clear();
  const bool more = source_->next(pending_, wait);
  now = Clock::now();
  if (pending_.empty() && now - last_write_ >= limits_.heartbeat) pending_ = ":\n\n";
  if (!pending_.empty()) {
    if (!write(pending_)) return Step::Failed;
    last_write_ = now;
  }
  return more ? Step::More : Step::Done;
}

}  // namespace peermap::server
