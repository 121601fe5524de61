// A backup's manifest: what a database held, as content hashes (docs/store.md, "Backups").
// Per table its row count and a SHA-256 over its rows in primary-key order; per revision a
// SHA-256 of its stored text (`document`, exactly as stored: a whole document or a patch).
// Two databases with equal manifests hold the same rows.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.hpp"
#include "store/store.hpp"

namespace peermap::backup {

struct TableDigest {
  std::int64_t rows = 0;
  std::string sha256;  //!< over each row's cells, each as N (NULL) or S<bytes>:<text>, then \n
};

struct Manifest {
  std::string backend;                        //!< "sqlite" or "postgresql" (not compared)
  std::map<std::string, TableDigest> tables;  //!< by table name, every one of store::kTables
  //! (map id, revision number) -> SHA-256 of the revision's stored text.
  std::map<std::pair<std::string, std::int64_t>, std::string> revisions;
};

//! Builds a manifest from Store::scan_tables' visits, one table at a time.
class ManifestBuilder {
 public:
  explicit ManifestBuilder(std::string backend);
  //! One table's rows (a store::TableVisitor's arguments).
  Status add(std::string_view table, const std::vector<store::TableRow>& rows);
  [[nodiscard]] const Manifest& manifest() const { return manifest_; }

 private:
  Manifest manifest_;
};

//! The manifest of the whole database, from one snapshot. O(size of the database).
Result<Manifest> compute_manifest(store::Store& store);

//! The manifest as JSON text ("format": "peermap-manifest/1"), tables and revisions in order.
std::string manifest_text(const Manifest& manifest);

//! Reads a manifest written by manifest_text; Invalid naming `file` and the field at fault.
Result<Manifest> parse_manifest(std::string_view text, const std::string& file);

//! How `actual` differs from `expected`, one line each ("table audit: 12 rows, the manifest
//! says 14"); empty when they agree. The backend is not compared.
std::vector<std::string> manifest_differences(const Manifest& expected, const Manifest& actual);

}  // namespace peermap::backup
