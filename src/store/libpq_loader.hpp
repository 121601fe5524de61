// libpq, loaded only when a PostgreSQL database is opened (base/shared_library.hpp): linked, it
// and the 17 libraries it needs (Kerberos, LDAP, GnuTLS, ...) were loaded into every `peermap
// render`. libpq_loader.cpp defines the libpq functions postgres_store.cpp calls, each
// forwarding to libpq.so.5's own. Internal to the store module.
#pragma once

#include "base/result.hpp"

namespace peermap::store::sql {

//! Loads libpq.so.5 the first time, or says why it cannot be (Io, naming the library).
[[nodiscard]] Status load_libpq();

}  // namespace peermap::store::sql
