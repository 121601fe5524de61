// Bounded drawing (issue 13, item 2), on both backends: at most N renders at once per process and
// a bounded queue, past which the answer is 503 with Retry-After (audited as sent); a size budget
// (422, nothing kept); a time budget (503, nothing kept, the next render with time to spare
// succeeds); cached drawings are sent without a slot. No test measures time: renders are held
// in their slot by the gate's hook, and the time budget runs on an injected clock.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <optional>
#include <thread>

#include "api_fixture.hpp"
#include "server/map_layouts.hpp"
#include "server/render_gate.hpp"

namespace peermap::server {
namespace {

using test_api::Browser;
using test_api::json;

//! Holds every render that takes a slot until released, and counts them.
class HeldRenders {
 public:
  void enter() {
    std::unique_lock lock(mutex_);
    ++entered_;
    changed_.notify_all();
    changed_.wait(lock, [&] { return !holding_; });
  }
  //! Waits until `count` renders are held in their slots.
  void wait_for(int count) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return entered_ >= count; });
  }
  void release() {
    const std::lock_guard lock(mutex_);
    holding_ = false;
    changed_.notify_all();
  }
  void hold() {
    const std::lock_guard lock(mutex_);
    holding_ = true;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int entered_ = 0;
  bool holding_ = false;
};

class RenderBoundTest : public test_api::ApiTest {
 protected:
  //! The Api again over the same store (accounts kept), with these drawing limits. The hook
  //! holds renders while `held_` holds; the time budget runs on `clock_`, which moves on by
  //! `step_` each time it is read.
  void restart(RenderLimits limits) {
    api_.reset();
    ApiOptions options;
    options.now_ms = [this] { return now_; };
    options.max_body_bytes = 1u << 20u;
    limits.on_slot = [this] { held_.enter(); };
    limits.clock_ms = [this] { return clock_ += step_; };
    options.render = std::move(limits);
    api_ = std::make_unique<Api>(*store_, options);
  }

  //! `b` asks for `path` in another thread; its answer.
  static std::future<Response> ask(Browser& b, const std::string& path,
                                   std::multimap<std::string, std::string> query = {}) {
    return std::async(std::launch::async,
                      [&b, path, query] { return b.send("GET", path, "", {}, query); });
  }

  //! Whether a layout of revision 1 in the whole view is kept in the store.
  bool layout_kept(const std::string& id) {
    return store_->kept_layout(id, 1, MapLayouts::view_key(model::View{}), false).ok();
  }

  HeldRenders held_;
  std::atomic<std::int64_t> clock_{0};
  std::atomic<std::int64_t> step_{0};
};

//! Two slots, no queue: two renders held in their slots, a third (another view, not cached) is
//! answered 503 with Retry-After and audited as 503; once released, both held ones answer 200
//! and the refused one, asked again, is drawn.
TEST_P(RenderBoundTest, PastTheSlotsAndTheQueueTheAnswerIs503WithRetryAfter) {
  RenderLimits limits;
  limits.concurrent = 2;
  limits.queue = 0;
  limits.queue_wait_ms = 3000;
  restart(limits);
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  Browser second = browser("alice");
  held_.hold();
  auto first_drawing = ask(alice, "/api/maps/" + id + "/map.svg");
  auto second_drawing = ask(second, "/api/maps/" + id + "/layout", {{"redact", "true"}});
  held_.wait_for(2);

  Browser third = browser("alice");
  const std::multimap<std::string, std::string> as_of{{"as_of", "2026-11-01"}};
  const auto refused = third.send("GET", "/api/maps/" + id + "/map.png", "", {}, as_of);
  EXPECT_EQ(refused.status, 503) << refused.text();
  EXPECT_EQ(refused.header("Retry-After"), "3");
  EXPECT_EQ(refused.content_type, "application/json");
  EXPECT_NE(json::parse(refused.text())["error"].get<std::string>().find("try again"),
            std::string::npos);
  EXPECT_EQ(refused.header("Cache-Control"), "no-store");  // the API's headers, as ever
  const auto layout_refused = third.send("GET", "/api/maps/" + id + "/layout", "", {}, as_of);
  EXPECT_EQ(layout_refused.status, 503);
  EXPECT_EQ(layout_refused.header("Retry-After"), "3");

  held_.release();
  EXPECT_EQ(first_drawing.get().status, 200);
  EXPECT_EQ(second_drawing.get().status, 200);
  EXPECT_EQ(third.send("GET", "/api/maps/" + id + "/map.png", "", {}, as_of).status, 200);

  int busy_rows = 0;
  for (const auto& row : audit_of(id)) {
    if (row.outcome != "busy") continue;
    ++busy_rows;
    EXPECT_EQ(row.status, 503);
    EXPECT_EQ(row.username, "alice");
    EXPECT_TRUE(row.action == "map.render" || row.action == "map.layout") << row.action;
  }
  EXPECT_EQ(busy_rows, 2);
}

//! One slot, held by another view's render: a drawing made before is sent from the cache (200,
//! no slot), and so is the layout of its page; a format not drawn yet needs a slot (503).
TEST_P(RenderBoundTest, CachedDrawingsAreSentWithoutASlot) {
  RenderLimits limits;
  limits.concurrent = 1;
  limits.queue = 0;
  restart(limits);
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  const auto drawn = alice.send("GET", "/api/maps/" + id + "/map.svg");
  ASSERT_EQ(drawn.status, 200) << drawn.text();

  Browser other = browser("alice");
  held_.hold();
  auto holding = ask(other, "/api/maps/" + id + "/map.svg", {{"redact", "true"}});
  held_.wait_for(2);  // the first drawing's slot, then this one's

  const auto again = alice.send("GET", "/api/maps/" + id + "/map.svg");
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.text(), drawn.text());
  EXPECT_EQ(alice.send("GET", "/api/maps/" + id + "/layout").status, 200);
  const auto pdf = alice.send("GET", "/api/maps/" + id + "/map.pdf");
  EXPECT_EQ(pdf.status, 503);
  EXPECT_FALSE(pdf.header("Retry-After").empty());

  held_.release();
  EXPECT_EQ(holding.get().status, 200);
  EXPECT_EQ(alice.send("GET", "/api/maps/" + id + "/map.pdf").status, 200);
}

//! A map of 117 people, places, groups and ties under a limit of 100: 422 naming the reason,
//! audited, and nothing laid out or kept; under a limit it fits, it is drawn.
TEST_P(RenderBoundTest, AMapOverTheSizeBudgetIsRefusedAndNothingIsKept) {
  RenderLimits limits;
  limits.max_items = 100;
  restart(limits);
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  for (const char* route : {"/map.svg", "/layout"}) {
    const auto r = alice.send("GET", "/api/maps/" + id + route);
    EXPECT_EQ(r.status, 422) << route;
    EXPECT_EQ(json::parse(r.text())["error"],
              "the map is too large to draw: it has 117 people, places, groups and ties; this "
              "server draws at most 100");
  }
  EXPECT_FALSE(layout_kept(id));
  int refusals = 0;
  for (const auto& row : audit_of(id)) {
    if (row.status == 422 && (row.action == "map.render" || row.action == "map.layout")) {
      ++refusals;
    }
  }
  EXPECT_EQ(refusals, 2);

  limits.max_items = 117;
  restart(limits);
  Browser again = browser("alice");
  EXPECT_EQ(again.send("GET", "/api/maps/" + id + "/map.svg").status, 200);
  EXPECT_TRUE(layout_kept(id));
}

//! A time budget of 1 ms on a clock that moves on a second at each look: the layout is
//! abandoned (503, Retry-After, audited "over-budget"), nothing is kept; with the clock still,
//! the same render succeeds. A drawing over budget after its layout was made is abandoned too.
TEST_P(RenderBoundTest, ARenderOverItsTimeBudgetIsAbandonedAndNothingIsKept) {
  RenderLimits limits;
  limits.budget_ms = 1;
  restart(limits);
  Browser alice = browser("alice");
  const std::string id = create_map(alice);
  step_ = 1000;
  const auto slow = alice.send("GET", "/api/maps/" + id + "/map.svg");
  EXPECT_EQ(slow.status, 503) << slow.text();
  EXPECT_FALSE(slow.header("Retry-After").empty());
  EXPECT_NE(json::parse(slow.text())["error"].get<std::string>().find("took longer"),
            std::string::npos);
  EXPECT_FALSE(layout_kept(id));
  bool audited = false;
  for (const auto& row : audit_of(id)) {
    audited = audited || (row.outcome == "over-budget" && row.status == 503 &&
                          row.action == "map.render" && row.revision == 1);
  }
  EXPECT_TRUE(audited);

  step_ = 0;
  EXPECT_EQ(alice.send("GET", "/api/maps/" + id + "/layout").status, 200);
  EXPECT_TRUE(layout_kept(id));
  step_ = 1000;  // laid out now; the drawing alone runs over
  EXPECT_EQ(alice.send("GET", "/api/maps/" + id + "/map.svg").status, 503);
  step_ = 0;
  const auto drawn = alice.send("GET", "/api/maps/" + id + "/map.svg");
  EXPECT_EQ(drawn.status, 200);
  EXPECT_NE(drawn.text().find("<svg"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, RenderBoundTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

// The gate alone.

//! One slot and a queue of one: the first render holds the slot, the second waits, a third is
//! refused at once; when the slot is given back, the waiting one takes it.
TEST(RenderGate, AQueuedRenderTakesTheSlotWhenItIsGivenBack) {
  RenderLimits limits;
  limits.concurrent = 1;
  limits.queue = 1;
  limits.queue_wait_ms = 600'000;  // never runs out here
  RenderGate gate(limits);
  std::optional<RenderGate::Slot> first = gate.enter();
  ASSERT_TRUE(first.has_value());
  auto waiting = std::async(std::launch::async, [&] { return gate.enter().has_value(); });
  while (gate.waiting() == 0) std::this_thread::yield();
  EXPECT_FALSE(gate.enter().has_value());  // the queue is full
  first.reset();
  EXPECT_TRUE(waiting.get());
  EXPECT_EQ(gate.running(), 0u);
  EXPECT_EQ(gate.waiting(), 0u);
}

//! A wait that runs out is refused; the slot's holder is not disturbed.
TEST(RenderGate, AWaitThatRunsOutIsRefused) {
  RenderLimits limits;
  limits.concurrent = 1;
  limits.queue = 4;
  limits.queue_wait_ms = 1;
  RenderGate gate(limits);
  auto held = gate.enter();
  ASSERT_TRUE(held.has_value());
  EXPECT_FALSE(gate.enter().has_value());
  EXPECT_EQ(gate.running(), 1u);
  EXPECT_EQ(gate.waiting(), 0u);
  EXPECT_EQ(gate.retry_after_seconds(), 1);
}

//! Without a number of slots there is one per core, at least one; Retry-After is the queue's
//! wait in whole seconds, rounded up.
TEST(RenderGate, DefaultsToOneSlotPerCore) {
  RenderLimits limits;
  limits.queue_wait_ms = 2500;
  const RenderGate gate(limits);
  EXPECT_EQ(gate.slots(), std::max(1u, std::thread::hardware_concurrency()));
  EXPECT_EQ(gate.retry_after_seconds(), 3);
}

//! A budget counts from the slot taken: before it, never spent; after it, spent once the clock
//! passes the deadline.
TEST(RenderGate, ABudgetCountsFromItsSlot) {
  std::int64_t now = 100;
  RenderLimits limits;
  limits.budget_ms = 50;
  limits.clock_ms = [&] { return now; };
  RenderGate gate(limits);
  RenderBudget budget(gate);
  const OutOfTime out_of_time = budget.out_of_time();
  now = 1000;
  EXPECT_FALSE(out_of_time());  // no slot yet: nothing counted
  ASSERT_TRUE(budget.start());
  EXPECT_TRUE(budget.in_slot());
  now = 1049;
  EXPECT_FALSE(out_of_time());
  now = 1050;
  EXPECT_TRUE(out_of_time());
  limits.budget_ms = 0;
  RenderGate unbounded(limits);
  EXPECT_FALSE(static_cast<bool>(RenderBudget(unbounded).out_of_time()));  // no budget: no check
}

}  // namespace
}  // namespace peermap::server
