// The wall around igraph (private to analysis/): every igraph handle lives in an RAII type,
// every igraph error code becomes an Error, and every igraph call happens inside a Session.
//
// Debian's igraph is built without thread safety (IGRAPH_THREAD_SAFE 0): its error stack,
// warning handler and random number generator are globals. A Session holds the one mutex that
// serialises all igraph use in the process, installs error and warning handlers that never
// abort (igraph's default error handler does), and seeds igraph's RNG, so randomised methods
// (Leiden) give the same answer for the same input. Handles must be destroyed before the
// Session that made them: declare the Session first.
#pragma once

#include <igraph.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/handle.hpp"
#include "base/result.hpp"

namespace peermap::analysis::igraph_wall {

class Session {
 public:
  //! Locks out every other igraph user until destroyed, and seeds igraph's RNG with `seed`.
  explicit Session(unsigned long seed);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  //! ok for IGRAPH_SUCCESS, else an Error naming `what` and igraph's reason.
  [[nodiscard]] Status check(igraph_error_t code, std::string_view what) const;

  //! igraph's warnings since the Session began (or since the last call), oldest first.
  [[nodiscard]] std::vector<std::string> take_warnings() const;
};

//! An owned igraph_t.
class Graph {
 public:
  //! An undirected graph on `vertex_count` vertices; `ends` holds 2 vertex ids per edge. O(n + m).
  static Result<Graph> undirected(const Session& session, igraph_integer_t vertex_count,
                                  const std::vector<igraph_integer_t>& ends);
  [[nodiscard]] const igraph_t* get() const { return graph_.get(); }

 private:
  using Owned = std::unique_ptr<igraph_t, DestroyAndDelete<igraph_destroy>>;
  explicit Graph(Owned graph) : graph_(std::move(graph)) {}
  Owned graph_;
};

//! An owned igraph vector (igraph_vector_t or igraph_vector_int_t), empty until filled by igraph.
template <typename V, typename T, igraph_error_t (*Init)(V*, igraph_integer_t), void (*Destroy)(V*),
          T (*Get)(const V*, igraph_integer_t), igraph_integer_t (*Size)(const V*)>
class OwnedVector {
 public:
  static Result<OwnedVector> make(const Session& session) {
    auto vector = Owned(new V);  // NOLINT(cppcoreguidelines-owning-memory)
    if (auto status = session.check(Init(vector.get(), 0), "allocating a vector"); !status) {
      delete vector.release();  // never initialised: nothing for igraph to destroy
      return status.error();
    }
    return OwnedVector(std::move(vector));
  }
  [[nodiscard]] V* get() { return vector_.get(); }
  [[nodiscard]] const V* get() const { return vector_.get(); }
  //! A copy of the contents. O(n).
  [[nodiscard]] std::vector<T> values() const {
    std::vector<T> out(static_cast<std::size_t>(Size(get())));
    for (std::size_t i = 0; i < out.size(); ++i) {
      out[i] = Get(get(), static_cast<igraph_integer_t>(i));
    }
    return out;
  }

 private:
  using Owned = std::unique_ptr<V, DestroyAndDelete<Destroy>>;
  explicit OwnedVector(Owned vector) : vector_(std::move(vector)) {}
  Owned vector_;
};

using RealVector = OwnedVector<igraph_vector_t, igraph_real_t, igraph_vector_init,
                               igraph_vector_destroy, igraph_vector_get, igraph_vector_size>;
using IntVector =
    OwnedVector<igraph_vector_int_t, igraph_integer_t, igraph_vector_int_init,
                igraph_vector_int_destroy, igraph_vector_int_get, igraph_vector_int_size>;

//! A read-only igraph view of `values` (no copy); `values` must outlive the view and not change.
class RealView {
 public:
  explicit RealView(const std::vector<igraph_real_t>& values) {
    static const igraph_real_t kNone = 0;  // igraph asserts that a vector has storage
    igraph_vector_view(&view_, values.empty() ? &kNone : values.data(),
                       static_cast<igraph_integer_t>(values.size()));
  }
  [[nodiscard]] const igraph_vector_t* get() const { return &view_; }

 private:
  igraph_vector_t view_{};
};

}  // namespace peermap::analysis::igraph_wall
