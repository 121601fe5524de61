// Checking a database (peermap verify): every revision of every map replays from its last
// whole document through its patches to a valid peermap/1 document (the model's own
// validation), revision numbers run 1..head without a gap, and, with the same scan, the
// database's manifest for comparing with a backup's.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "backup/manifest.hpp"
#include "base/result.hpp"
#include "model/json_io.hpp"
#include "store/store.hpp"

namespace peermap::backup {

struct Verification {
  Manifest manifest;                  //!< the database as it is
  std::vector<std::string> failures;  //!< one line each: what failed, naming map and revision
  std::int64_t maps = 0;
  std::int64_t revisions = 0;
};

//! Replays and validates every revision (`options`: the validation's today and limits) and
//! computes the manifest, from one snapshot. O(revisions x document size). An Error only when
//! the database cannot be read; what is wrong inside it goes in `failures`.
Result<Verification> verify_store(store::Store& store, const model::ParseOptions& options);

}  // namespace peermap::backup
