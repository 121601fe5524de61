// Private to store/: a pool of database connections shared by many threads. Connections are
// opened when needed, up to a maximum; a caller that finds them all in use waits (mutex and
// condition variable) until one comes back. A connection that comes back unusable (a broken
// link, a transaction left open) is closed instead of being reused.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "base/result.hpp"

namespace peermap::store::sql {

//! C must have `bool reusable() const`.
template <typename C>
class Pool {
 public:
  using Open = std::function<Result<std::unique_ptr<C>>()>;

  //! Lends one connection; gives it back to the pool when destroyed.
  class Lease {
   public:
    Lease(Pool& pool, std::unique_ptr<C> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept : pool_(other.pool_), connection_(std::move(other.connection_)) {}
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      if (connection_) pool_->give_back(std::move(connection_));
    }
    C& operator*() const { return *connection_; }
    C* operator->() const { return connection_.get(); }

   private:
    Pool* pool_;
    std::unique_ptr<C> connection_;
  };

  Pool(Open open, unsigned max_size) : open_(std::move(open)), max_size_(max_size) {}

  //! Puts an already open connection in the pool (the one used to migrate, say).
  void adopt(std::unique_ptr<C> connection) {
    std::lock_guard lock(mutex_);
    ++open_count_;
    idle_.push_back(std::move(connection));
  }

  //! An idle connection, a new one if fewer than max_size are open, else the next one back.
  Result<Lease> acquire() {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [&] { return !idle_.empty() || open_count_ < max_size_; });
    if (!idle_.empty()) {
      std::unique_ptr<C> connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(connection));
    }
    ++open_count_;
    lock.unlock();  // opening may take a while: others may use the pool meanwhile
    auto opened = open_();
    if (!opened) {
      forget();
      return opened.error();
    }
    return Lease(*this, std::move(opened).value());
  }

 private:
  void give_back(std::unique_ptr<C> connection) {
    if (!connection->reusable()) {
      connection.reset();  // closed outside the lock
      forget();
      return;
    }
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
    returned_.notify_one();
  }

  void forget() {
    std::lock_guard lock(mutex_);
    --open_count_;
    returned_.notify_one();
  }

  Open open_;
  const unsigned max_size_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<C>> idle_;
  unsigned open_count_ = 0;
};

}  // namespace peermap::store::sql
