// libpq, loaded only when a PostgreSQL database is opened (issue 10, item 7: start-up). Linking
// it would load it and the 17 libraries it needs (Kerberos, LDAP, GnuTLS, ...) into every
// `peermap render`, for nothing: the dynamic loader's work on them was a tenth of a small
// map's render. libpq_loader.cpp defines the libpq functions postgres_store.cpp calls, each
// forwarding to libpq.so.5's own, found with dlopen and dlsym the first time one is called.
// Internal to the store module.
#pragma once

#include "base/result.hpp"

namespace peermap::store::sql {

//! Loads libpq.so.5 the first time (thread-safe), or says why it cannot be: Io, naming the
//! library and the loader's reason. A libpq function called first loads it too, but stops the
//! process with a message when it cannot: so the store asks this before any, and reports it.
[[nodiscard]] Status load_libpq();

}  // namespace peermap::store::sql
