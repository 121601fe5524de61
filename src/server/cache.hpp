// A small thread-safe LRU cache bounded by bytes, for what never changes once written: a
// revision's document and a revision's rendered drawing. (A map's head does change, so it is
// always read from the store; only the immutable revision it names comes from here.)
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace peermap::server {

template <typename Value>
class ByteBoundedCache {
 public:
  explicit ByteBoundedCache(std::size_t capacity_bytes) : capacity_(capacity_bytes) {}

  std::shared_ptr<const Value> find(const std::string& key) {
    const std::lock_guard lock(mutex_);
    const auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->value;
  }

  void put(const std::string& key, std::shared_ptr<const Value> value, std::size_t bytes) {
    if (bytes > capacity_ / 4) return;  // one entry never takes most of the cache
    const std::lock_guard lock(mutex_);
    if (const auto it = index_.find(key); it != index_.end()) return;
    order_.push_front({key, std::move(value), bytes});
    index_.emplace(key, order_.begin());
    used_ += bytes;
    while (used_ > capacity_ && !order_.empty()) {
      used_ -= order_.back().bytes;
      index_.erase(order_.back().key);
      order_.pop_back();
    }
  }

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const Value> value;
    std::size_t bytes = 0;
  };
  std::size_t capacity_;
  std::size_t used_ = 0;
  std::mutex mutex_;
  std::list<Entry> order_;
  std::unordered_map<std::string, typename std::list<Entry>::iterator> index_;
};

}  // namespace peermap::server
