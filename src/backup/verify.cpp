#include "backup/verify.hpp"

#include <map>

#include <nlohmann/json.hpp>

namespace peermap::backup {
namespace {

using nlohmann::json;

// Columns of Store::scan_tables' rows (store/sql_queries.hpp, kScanTables).
constexpr std::size_t kMapId = 0;
constexpr std::size_t kMapHead = 4;
constexpr std::size_t kRevisionMap = 0;
constexpr std::size_t kRevisionNumber = 1;
constexpr std::size_t kRevisionText = 7;
constexpr std::size_t kRevisionBody = 8;

std::string cell(const store::TableRow& row, std::size_t column) {
  return column < row.size() ? row[column].value_or("") : "";
}

//! Replays each map's revisions in order: a whole document starts again, a patch applies to the
//! revision before it; each result is validated as a save would be.
class Replay {
 public:
  Replay(const model::ParseOptions& options, Verification& out) : options_(options), out_(out) {}

  void maps(const std::vector<store::TableRow>& rows) {
    for (const auto& row : rows) heads_[cell(row, kMapId)] = std::stoll(cell(row, kMapHead));
    out_.maps = static_cast<std::int64_t>(rows.size());
  }

  void revisions(const std::vector<store::TableRow>& rows) {
    for (const auto& row : rows) {
      const std::string map = cell(row, kRevisionMap);
      const std::int64_t number = std::stoll(cell(row, kRevisionNumber));
      const std::string where = "map " + map + " revision " + std::to_string(number);
      ++out_.revisions;
      if (map != map_) finish_map();
      if (map != map_) {
        map_ = map;
        last_ = 0;
        tree_ = json();
      }
      if (number != last_ + 1) {
        fail(where + ": follows revision " + std::to_string(last_) + " (a gap)");
      }
      last_ = number;
      step(where, cell(row, kRevisionBody), cell(row, kRevisionText));
    }
    finish_map();
    for (const auto& [id, head] : heads_) {
      if (!seen_.contains(id)) fail("map " + id + ": has no revisions");
    }
  }

 private:
  void step(const std::string& where, const std::string& body, const std::string& text) {
    try {
      if (body == "document") {
        tree_ = json::parse(text);
      } else if (tree_.is_null()) {
        fail(where + ": a patch with no document before it");
        return;
      } else {
        tree_.patch_inplace(json::parse(text));
      }
    } catch (const json::exception& e) {
      fail(where + ": cannot be replayed: " + e.what());
      tree_ = json();
      return;
    }
    const model::ParseOutcome outcome = model::validate_tree(tree_, options_);
    if (!outcome.has_errors()) return;
    for (const auto& problem : outcome.problems) {
      if (problem.severity == model::Severity::Error) {
        fail(where + ": not a valid document: " + problem.where + ": " + problem.message);
        return;
      }
    }
  }

  void finish_map() {
    if (map_.empty()) return;
    seen_[map_] = true;
    const auto head = heads_.find(map_);
    if (head == heads_.end()) {
      fail("map " + map_ + ": revisions of a map that does not exist");
    } else if (head->second != last_) {
      fail("map " + map_ + ": head is " + std::to_string(head->second) +
           " but the last revision is " + std::to_string(last_));
    }
  }

  void fail(std::string why) { out_.failures.push_back(std::move(why)); }

  const model::ParseOptions& options_;
  Verification& out_;
  std::map<std::string, std::int64_t> heads_;
  std::map<std::string, bool> seen_;
  std::string map_;
  std::int64_t last_ = 0;
  json tree_;
};

}  // namespace

Result<Verification> verify_store(store::Store& store, const model::ParseOptions& options) {
  Verification out;
  ManifestBuilder builder{std::string(store.backend())};
  Replay replay(options, out);
  auto scanned = store.scan_tables(
      [&](std::string_view table, const std::vector<store::TableRow>& rows) -> Status {
        try {
          if (table == "maps") replay.maps(rows);
          if (table == "revisions") replay.revisions(rows);
        } catch (const std::exception& e) {  // a number column that is not a number
          return Error{ErrorKind::Invalid, std::string(table) + ": unreadable row: " + e.what()};
        }
        return builder.add(table, rows);
      });
  if (!scanned) return scanned.error();
  out.manifest = builder.manifest();
  return out;
}

}  // namespace peermap::backup
