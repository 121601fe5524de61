// Map history: a map's revisions read (rebuilt from the chain of patches, kept in a byte-bounded
// cache), created and stored, each save with its audit row in one transaction; and the working
// copies that make a PATCH cheap. Results are values, not HTTP answers: the API and the CLI's
// `map import` both use it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/result.hpp"
#include "model/json_io.hpp"
#include "server/access.hpp"
#include "server/api.hpp"
#include "server/cache.hpp"
#include "server/diff.hpp"
#include "server/working_copies.hpp"
#include "store/store.hpp"

namespace peermap::server {

//! A revision is stored whole after this many stored as patches.
constexpr std::int64_t kPatchesBetweenDocuments = 50;

//! The unix time in milliseconds, from the system clock.
std::int64_t system_now_ms();
//! `options` with the system clock when it has none.
ApiOptions with_clock(ApiOptions options);

//! The document at the end of a chain from store::revision_chain(): the first row's document
//! with every later row's patch applied in turn. Internal when it cannot be rebuilt.
Result<nlohmann::json> rebuild(const std::vector<store::Revision>& chain);

//! A map created from a document's text, or why not.
struct MapCreation {
  //! The new map's id; or Forbidden (an admin), Invalid (the document: see `problems`), or
  //! Internal (the store failed).
  Result<std::string> id = Error{ErrorKind::Internal, {}};
  //! Every problem the validation found: the warnings of a created map, the errors of a refused
  //! one, in document order.
  std::vector<model::Problem> problems;
  //! The map was stored but its audit row could not be written: its id is not disclosed.
  bool audit_failed = false;
};

class MapHistory {
 public:
  //! `options.now_ms` may be empty: the system clock.
  MapHistory(store::Store& store, ApiOptions options);

  //! Revision `number` (>= 1) of a map, from the cache when it was read before: revisions never
  //! change once written. A revision stored as a patch is rebuilt from the last one stored whole.
  Result<std::shared_ptr<const store::Revision>> revision(const std::string& id,
                                                          std::int64_t number);

  //! Validation as every write gets it: today's date, the body limit.
  [[nodiscard]] model::ParseOptions parse_options() const;
  [[nodiscard]] model::ParseOutcome validate(std::string_view text) const;

  //! Validates and stores a new map of `author`'s team, audited (map.create) as from `source`.
  MapCreation create_map(const store::User& author, std::string_view text,
                         const std::string& source);

  //! A revision by `author` with `text` as its body (a whole document unless set otherwise).
  [[nodiscard]] store::Revision make_revision(const store::User& author, std::string title,
                                              std::string text, std::string summary) const;

  //! What `text` (a whole document) changes as the revision after `head`: the diff, empty
  //! when either cannot be read as JSON.
  Result<DocumentDiff> diff_after(const std::string& id, std::int64_t head,
                                  const std::string& text);

  //! Stores `next` as revision map.head + 1 with its audit row (`action`, outcome ok, 200) in
  //! the same transaction: the revision stored, or Conflict when someone else saved first.
  Result<store::RevisionInfo> store_revision(const std::string& source, const store::User& author,
                                             const store::MapRecord& map,
                                             const store::Revision& next,
                                             const std::string& action);

  //! The map's newest revision (`head`) as a working copy, validated under `parse`: from the
  //! working copies when it is there, else read and validated. Nobody else sees it until it is
  //! put back.
  Result<std::unique_ptr<WorkingCopy>> take_working_copy(const std::string& id, std::int64_t head,
                                                         const model::ParseOptions& parse);
  //! Puts a working copy back as revision `revision` of map `id`.
  void put_working_copy(const std::string& id, std::int64_t revision,
                        std::unique_ptr<WorkingCopy> copy);

  //! The revision a PATCH makes of `work`, now `tree` (`text_bytes` long as a revision's text,
  //! `whole_text` when it was written already): the patch itself, or the whole document every
  //! kPatchesBetweenDocuments revisions and when the patches since the last whole one add up to
  //! the document (or this one is a quarter of it), so reading a revision replays a few at most.
  [[nodiscard]] store::Revision patch_revision(const store::User& author, const WorkingCopy& work,
                                               nlohmann::json& tree, std::string summary,
                                               const std::string& patch_text,
                                               std::string whole_text,
                                               std::size_t text_bytes) const;

  //! Keeps revision `number` of map `id`, just saved as `next` from `tree`, as revision() would
  //! read it back, so the drawing asked for next does not replay the patches from the store.
  void remember_saved(const std::string& id, std::int64_t number, const store::Revision& next,
                      const nlohmann::json& tree);

  //! Brings `work` up to date after `next` (from patch_revision()) was saved.
  static void note_saved(WorkingCopy& work, const store::Revision& next, std::size_t text_bytes,
                         std::size_t patch_bytes, std::vector<model::Problem> problems);

 private:
  store::Store& store_;
  ApiOptions options_;
  AuditTrail audit_;
  ByteBoundedCache<store::Revision> revisions_{64u << 20u};
  WorkingCopies working_copies_;
};

}  // namespace peermap::server
