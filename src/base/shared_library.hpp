// A C library loaded when first needed instead of linked (issue 10, item 7: start-up). A
// linked library and everything it needs is loaded into every process, `peermap render`
// included, for nothing when the command never calls it; the dynamic loader's work on them
// was a fifth of a small map's render. A loader (store/libpq_loader.cpp,
// analysis/igraph_loader.cpp) defines the library's functions its module calls, each with the
// signature its header declares, forwarding to the library's own found by name here.
#pragma once

#include <string>

#include "base/result.hpp"

namespace peermap {

class SharedLibrary {
 public:
  //! `soname` ("libpq.so.5"), found by the dynamic loader's usual search; `package`, the Debian
  //! package that ships it, for the error. Nothing is loaded until load() or function().
  SharedLibrary(const char* soname, const char* package) : soname_(soname), package_(package) {}

  //! Loads the library the first time (thread-safe), or says why it cannot be: Io, naming the
  //! library, its package and the loader's reason.
  [[nodiscard]] Status load() const;

  //! The library's function `name` as a pointer of type F (the type of its declaration), the
  //! library loaded first if need be. Stops the process with a message naming both when the
  //! library cannot be loaded or lacks it: a module asks load() before it calls any, and reports.
  template <typename F>
  [[nodiscard]] F function(const char* name) const {
    return reinterpret_cast<F>(symbol(name));
  }

 private:
  [[nodiscard]] void* handle() const;
  [[nodiscard]] void* symbol(const char* name) const;

  const char* soname_;
  const char* package_;
  mutable std::string why_;  //!< the loader's first reason, when it failed
};

}  // namespace peermap
