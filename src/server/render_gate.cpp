#include "server/render_gate.hpp"

#include <algorithm>
#include <chrono>
#include <thread>
#include <utility>

namespace peermap::server {

RenderGate::RenderGate(RenderLimits limits)
    : limits_(std::move(limits)),
      slots_(limits_.concurrent > 0
                 ? limits_.concurrent
                 : std::max<std::size_t>(1, std::thread::hardware_concurrency())) {}

RenderGate::Slot::~Slot() {
  if (gate_ != nullptr) gate_->leave();
}

std::optional<RenderGate::Slot> RenderGate::enter() {
  std::unique_lock lock(mutex_);
  if (running_ < slots_ && waiting_ == 0) {
    ++running_;
    return Slot(*this);
  }
  if (waiting_ >= limits_.queue) return std::nullopt;
  ++waiting_;
  const bool free = freed_.wait_for(lock, std::chrono::milliseconds(limits_.queue_wait_ms),
                                    [&] { return running_ < slots_; });
  --waiting_;
  if (!free) return std::nullopt;
  ++running_;
  return Slot(*this);
}

void RenderGate::leave() {
  {
    const std::lock_guard lock(mutex_);
    --running_;
  }
  freed_.notify_one();
}

std::size_t RenderGate::running() const {
  const std::lock_guard lock(mutex_);
  return running_;
}

std::size_t RenderGate::waiting() const {
  const std::lock_guard lock(mutex_);
  return waiting_;
}

std::int64_t RenderGate::retry_after_seconds() const {
  return std::max<std::int64_t>(1, (limits_.queue_wait_ms + 999) / 1000);
}

std::int64_t RenderGate::now_ms() const {
  if (limits_.clock_ms) return limits_.clock_ms();
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

Status RenderBudget::start() {
  if (slot_) return ok_status();
  auto slot = gate_.enter();
  if (!slot) return Error{ErrorKind::Unavailable, "the server is drawing as many maps as it can"};
  slot_.emplace(std::move(*slot));
  deadline_ms_ = gate_.now_ms() + gate_.limits().budget_ms;
  if (gate_.limits().on_slot) gate_.limits().on_slot();
  return ok_status();
}

OutOfTime RenderBudget::out_of_time() const {
  if (gate_.limits().budget_ms <= 0) return {};
  return [this] { return slot_.has_value() && gate_.now_ms() >= deadline_ms_; };
}

}  // namespace peermap::server
