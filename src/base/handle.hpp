// Owners for C library handles (docs/architecture.md, "The C-library walls"): one deleter
// template instead of a struct per handle type per file. Header-only, no third-party headers:
// the free function is a template argument, so each user names its own library's function.
#pragma once

#include <memory>

namespace peermap {

//! Calls the C library's `Free` (destroy, close, unref ...) on a non-null pointer; never throws.
template <auto Free>
struct Deleter {
  template <class T>
  void operator()(T* handle) const noexcept {
    if (handle != nullptr) Free(handle);
  }
};

//! An owned C handle, e.g. `Handle<sqlite3_stmt, sqlite3_finalize>`.
template <class T, auto Free>
using Handle = std::unique_ptr<T, Deleter<Free>>;

//! For a struct we allocate and the library fills in (igraph_t, igraph_vector_t): `Destroy`
//! frees what the library put in it, then the struct itself is deleted.
template <auto Destroy>
struct DestroyAndDelete {
  template <class T>
  void operator()(T* object) const noexcept {
    if (object == nullptr) return;
    Destroy(object);
    delete object;  // NOLINT(cppcoreguidelines-owning-memory)
  }
};

}  // namespace peermap
