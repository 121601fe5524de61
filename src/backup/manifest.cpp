#include "backup/manifest.hpp"

#include <nlohmann/json.hpp>

#include "auth/auth.hpp"
#include "store/backup.hpp"

namespace peermap::backup {
namespace {

using nlohmann::json;

constexpr std::string_view kFormat = "peermap-manifest/1";
constexpr std::size_t kRevisionMap = 0;
constexpr std::size_t kRevisionNumber = 1;
constexpr std::size_t kRevisionText = 7;  // kScanTables' revisions columns: ..., document, body

//! One row as hashed: each cell N (NULL) or S<length>:<bytes>, then a newline; unambiguous.
void add_row(auth::ContentHash& hash, const store::TableRow& row) {
  for (const auto& cell : row) {
    if (!cell) {
      hash.add("N");
      continue;
    }
    hash.add("S" + std::to_string(cell->size()) + ":");
    hash.add(*cell);
  }
  hash.add("\n");
}

std::string revision_name(const std::pair<std::string, std::int64_t>& key) {
  return "revision " + std::to_string(key.second) + " of map " + key.first;
}

}  // namespace

ManifestBuilder::ManifestBuilder(std::string backend) { manifest_.backend = std::move(backend); }

Status ManifestBuilder::add(std::string_view table, const std::vector<store::TableRow>& rows) {
  auth::ContentHash hash;
  for (const auto& row : rows) add_row(hash, row);
  manifest_.tables[std::string(table)] = {static_cast<std::int64_t>(rows.size()), hash.hex()};
  if (table != "revisions") return ok_status();
  for (const auto& row : rows) {
    if (row.size() <= kRevisionText || !row[kRevisionMap] || !row[kRevisionNumber]) {
      return Error{ErrorKind::Internal, "a revisions row without its key"};
    }
    auth::ContentHash text;
    text.add(row[kRevisionText].value_or(""));
    manifest_.revisions[{*row[kRevisionMap], std::stoll(*row[kRevisionNumber])}] = text.hex();
  }
  return ok_status();
}

Result<Manifest> compute_manifest(store::Store& store) {
  ManifestBuilder builder{std::string(store.backend())};
  auto scanned = store.scan_tables(
      [&](std::string_view table, const auto& rows) { return builder.add(table, rows); });
  if (!scanned) return scanned.error();
  return builder.manifest();
}

std::string manifest_text(const Manifest& manifest) {
  json tables = json::object();
  for (const auto& [name, digest] : manifest.tables) {
    tables[name] = {{"rows", digest.rows}, {"sha256", digest.sha256}};
  }
  json revisions = json::array();
  for (const auto& [key, sha256] : manifest.revisions) {
    revisions.push_back({{"map", key.first}, {"number", key.second}, {"sha256", sha256}});
  }
  const json out = {{"format", kFormat},
                    {"backend", manifest.backend},
                    {"tables", tables},
                    {"revisions", revisions}};
  return out.dump(2) + "\n";
}

Result<Manifest> parse_manifest(std::string_view text, const std::string& file) {
  const auto fault = [&](const std::string& where, const std::string& what) {
    return Error{ErrorKind::Invalid, file + ": " + where + ": " + what};
  };
  const json root = json::parse(text, nullptr, false);
  if (root.is_discarded() || !root.is_object()) return fault("/", "not a JSON object");
  if (root.value("format", "") != kFormat) {
    return fault("/format", "expected \"" + std::string(kFormat) + "\"");
  }
  Manifest out;
  if (root.contains("backend") && root["backend"].is_string()) out.backend = root["backend"];
  if (!root.contains("tables") || !root["tables"].is_object()) {
    return fault("/tables", "expected an object");
  }
  for (const auto& [name, digest] : root["tables"].items()) {
    const std::string where = "/tables/" + name;
    if (!digest.is_object() || !digest.contains("rows") || !digest["rows"].is_number_unsigned()) {
      return fault(where + "/rows", "expected a count");
    }
    if (!digest.contains("sha256") || !digest["sha256"].is_string() ||
        digest["sha256"].get<std::string>().size() != 64) {
      return fault(where + "/sha256", "expected 64 hex digits");
    }
    out.tables[name] = {digest["rows"].get<std::int64_t>(), digest["sha256"]};
  }
  if (!root.contains("revisions") || !root["revisions"].is_array()) {
    return fault("/revisions", "expected an array");
  }
  for (std::size_t i = 0; i < root["revisions"].size(); ++i) {
    const json& item = root["revisions"][i];
    const std::string where = "/revisions/" + std::to_string(i);
    if (!item.is_object() || !item.contains("map") || !item["map"].is_string()) {
      return fault(where + "/map", "expected a map id");
    }
    if (!item.contains("number") || !item["number"].is_number_unsigned()) {
      return fault(where + "/number", "expected a revision number");
    }
    if (!item.contains("sha256") || !item["sha256"].is_string()) {
      return fault(where + "/sha256", "expected 64 hex digits");
    }
    out.revisions[{item["map"], item["number"].get<std::int64_t>()}] = item["sha256"];
  }
  return out;
}

std::vector<std::string> manifest_differences(const Manifest& expected, const Manifest& actual) {
  std::vector<std::string> out;
  for (std::string_view name : store::kTables) {
    const std::string table(name);
    const auto want = expected.tables.find(table);
    const auto have = actual.tables.find(table);
    if (want == expected.tables.end()) {
      out.push_back("table " + table + ": not in the manifest");
    } else if (have == actual.tables.end()) {
      out.push_back("table " + table + ": not in the database");
    } else if (want->second.rows != have->second.rows) {
      out.push_back("table " + table + ": " + std::to_string(have->second.rows) +
                    " rows, the manifest says " + std::to_string(want->second.rows));
    } else if (want->second.sha256 != have->second.sha256) {
      out.push_back("table " + table + ": sha256 " + have->second.sha256 + ", the manifest says " +
                    want->second.sha256);
    }
  }
  for (const auto& [key, sha256] : expected.revisions) {
    const auto have = actual.revisions.find(key);
    if (have == actual.revisions.end()) {
      out.push_back(revision_name(key) + ": missing");
    } else if (have->second != sha256) {
      out.push_back(revision_name(key) + ": sha256 differs from the manifest's");
    }
  }
  for (const auto& [key, sha256] : actual.revisions) {
    if (!expected.revisions.contains(key))
      out.push_back(revision_name(key) + ": not in the manifest");
  }
  return out;
}

}  // namespace peermap::backup
