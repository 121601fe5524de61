// The bound on drawing (issue 13, item 2; docs/api.md, "Bounded drawing"): at most `concurrent`
// renders at once in a process, at most `queue` more waiting for a slot, each for at most
// `queue_wait_ms`, and each render within a time budget. Past that the answer is 503 with
// Retry-After. A drawing or layout already made (cached) takes no slot.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>

#include "base/result.hpp"
#include "base/time_budget.hpp"

namespace peermap::server {

//! The settings (peermap serve --render-*).
struct RenderLimits {
  std::size_t concurrent = 0;         //!< renders at once per process; 0: one per core
  std::size_t queue = 8;              //!< renders that may wait for a slot; more get 503
  std::int64_t queue_wait_ms = 5000;  //!< the longest wait for a slot; then 503
  //! A render's time from taking its slot (layout and drawing); over it, 503. 0: no budget.
  std::int64_t budget_ms = 20'000;
  //! The largest map drawn, in people, places, groups and ties; a larger one gets 422.
  std::size_t max_items = 20'000;
  //! Monotonic milliseconds for the time budget; empty: std::chrono::steady_clock. Tests
  //! inject their own.
  std::function<std::int64_t()> clock_ms{};
  //! Called in the slot each time a render takes one; tests hold a render there.
  std::function<void()> on_slot{};
};

//! At most `concurrent` slots, and a bounded wait for one. Thread-safe.
class RenderGate {
 public:
  explicit RenderGate(RenderLimits limits);
  ~RenderGate() = default;
  RenderGate(const RenderGate&) = delete;
  RenderGate& operator=(const RenderGate&) = delete;
  RenderGate(RenderGate&&) = delete;
  RenderGate& operator=(RenderGate&&) = delete;

  //! A slot held; given back when destroyed.
  class Slot {
   public:
    explicit Slot(RenderGate& gate) : gate_(&gate) {}
    ~Slot();
    Slot(Slot&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Slot& operator=(Slot&&) = delete;
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

   private:
    RenderGate* gate_;
  };

  //! A slot, at once or after waiting behind fewer than `queue` others for at most
  //! `queue_wait_ms`; nullopt when the queue is full or the wait ran out. Waiters are not
  //! served in order of arrival.
  std::optional<Slot> enter();

  [[nodiscard]] const RenderLimits& limits() const { return limits_; }
  //! The slots there are (`concurrent`, or the cores).
  [[nodiscard]] std::size_t slots() const { return slots_; }
  //! Renders in a slot now, and waiting for one now.
  [[nodiscard]] std::size_t running() const;
  [[nodiscard]] std::size_t waiting() const;
  //! What a 503 says in Retry-After: the queue's wait in whole seconds, at least 1.
  [[nodiscard]] std::int64_t retry_after_seconds() const;
  //! Monotonic milliseconds (RenderLimits::clock_ms).
  [[nodiscard]] std::int64_t now_ms() const;

 private:
  void leave();

  RenderLimits limits_;
  std::size_t slots_;
  mutable std::mutex mutex_;
  std::condition_variable freed_;
  std::size_t running_ = 0;
  std::size_t waiting_ = 0;
};

//! One request's render: its slot, taken when the first costly step starts (so a cached
//! drawing takes none) and held to the end of the request, and its time budget, counted from
//! then. Not thread-safe; lives on the request's stack.
class RenderBudget {
 public:
  explicit RenderBudget(RenderGate& gate) : gate_(gate) {}

  //! Takes a slot unless one is held; Unavailable when the gate is full.
  Status start();
  //! Whether a slot is held (an Unavailable error after start() is then the time budget's).
  [[nodiscard]] bool in_slot() const { return slot_.has_value(); }
  //! The budget's check, for layout::LayoutOptions and render::FileOptions: true once the
  //! budget since start() is spent. Valid while this RenderBudget lives.
  [[nodiscard]] OutOfTime out_of_time() const;

 private:
  RenderGate& gate_;
  std::optional<RenderGate::Slot> slot_;
  std::int64_t deadline_ms_ = 0;
};

}  // namespace peermap::server
