// The newest revision of recently edited maps, kept parsed and validated, so that a PATCH edits
// a tree in place and validates only what it touched, instead of parsing, validating and
// serialising the whole document each time.
//
// An entry is keyed by map and names its revision; revisions never change, so an entry is never
// wrong, only old (several server processes may share one PostgreSQL database): take() of
// another revision discards it. A PATCH takes the entry out, so nobody else sees a tree while it
// is being edited, and puts the result back under the new revision. Bounded by an estimate of
// the memory the trees use; least recently used first out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/date.hpp"
#include "model/json_io.hpp"

namespace peermap::server {

// The implicit move constructor is noexcept in fact: nlohmann::json's only checks an invariant
// (assert_invariant), which clang-tidy cannot see does not throw.
struct WorkingCopy {                     // NOLINT(bugprone-exception-escape)
  nlohmann::json tree;                   //!< the revision's document
  std::vector<model::Problem> problems;  //!< its warnings, as validated on `validated_on`
  model::Date validated_on;
  std::int64_t patches_since_document = 0;     //!< revisions since the last one stored whole
  std::size_t patch_bytes_since_document = 0;  //!< the text of those revisions' patches
  std::size_t text_bytes = 0;  //!< the size of the document as a revision's text (dump(2))
};

class WorkingCopies {
 public:
  //! A parsed tree takes about this many times the bytes of its text (measured: 5.3).
  static constexpr std::size_t kTreeBytesPerTextByte = 6;

  explicit WorkingCopies(std::size_t capacity_bytes) : capacity_(capacity_bytes) {}

  //! The map's entry if it is at `revision`, taken out of the cache; nullptr otherwise.
  std::unique_ptr<WorkingCopy> take(const std::string& map_id, std::int64_t revision) {
    Entry entry;  // freed after the lock is released
    {
      const std::lock_guard lock(mutex_);
      const auto it = index_.find(map_id);
      if (it == index_.end()) return nullptr;
      entry = std::move(*it->second);
      used_ -= entry.bytes;
      order_.erase(it->second);
      index_.erase(it);
    }
    if (entry.revision != revision) return nullptr;
    return std::move(entry.copy);
  }

  void put(const std::string& map_id, std::int64_t revision, std::unique_ptr<WorkingCopy> copy) {
    const std::size_t bytes = copy->text_bytes * kTreeBytesPerTextByte + 512;
    if (bytes > capacity_ / 4) return;  // one map never takes most of the cache
    std::list<Entry> dropped;           // freed after the lock is released
    const std::lock_guard lock(mutex_);
    if (const auto it = index_.find(map_id); it != index_.end()) {
      if (it->second->revision >= revision) return;  // someone put a newer one meanwhile
      used_ -= it->second->bytes;
      dropped.splice(dropped.end(), order_, it->second);
      index_.erase(it);
    }
    order_.push_front({map_id, revision, std::move(copy), bytes});
    index_.emplace(map_id, order_.begin());
    used_ += bytes;
    while (used_ > capacity_ && !order_.empty()) {
      used_ -= order_.back().bytes;
      index_.erase(order_.back().map_id);
      dropped.splice(dropped.begin(), order_, std::prev(order_.end()));
    }
  }

  [[nodiscard]] std::size_t size() {
    const std::lock_guard lock(mutex_);
    return order_.size();
  }

 private:
  struct Entry {
    std::string map_id;
    std::int64_t revision = 0;
    std::unique_ptr<WorkingCopy> copy;
    std::size_t bytes = 0;
  };
  std::size_t capacity_;
  std::size_t used_ = 0;
  std::mutex mutex_;
  std::list<Entry> order_;
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace peermap::server
