#include "base/shared_library.hpp"

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace peermap {

// (Documented in shared_library.hpp.) dlopen of a library already loaded only returns its
// handle again; it is never closed, so the library stays for the process's life, as a linked
// one would. Each forwarder asks once (its pointer is a function-local static).
void* SharedLibrary::handle() const {
  static std::mutex guard;  // dlerror's message is per thread but why_ is shared
  const std::scoped_lock lock(guard);
  // RTLD_LOCAL: the library's symbols stay out of the global scope, so they never meet the
  // forwarders of the same names.
  void* opened = dlopen(soname_, RTLD_NOW | RTLD_LOCAL);
  if (opened == nullptr && why_.empty()) {
    const char* reason = dlerror();  // NOLINT(concurrency-mt-unsafe): under the guard
    why_ = reason != nullptr ? reason : "unknown reason";
  }
  return opened;
}

Status SharedLibrary::load() const {
  if (handle() != nullptr) return ok_status();
  return Error{ErrorKind::Io, std::string("cannot load the library ") + soname_ +
                                  " (Debian's package " + package_ + "): " + why_};
}

void* SharedLibrary::symbol(const char* name) const {
  void* library = handle();
  void* found = library != nullptr ? dlsym(library, name) : nullptr;
  if (found == nullptr) {
    static_cast<void>(std::fprintf(stderr, "peermap: %s (Debian's package %s): no %s\n", soname_,
                                   package_, name));
    std::abort();
  }
  return found;
}

}  // namespace peermap
