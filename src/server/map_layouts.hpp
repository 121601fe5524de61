// The layouts the server draws from (DESIGN.md §2, "The map stays put"): an edited map is laid
// out from the positions of its previous layout, so adding a person does not reshuffle the
// room's picture; a full layout happens only when someone asks (POST /api/maps/{id}/relayout
// makes a revision with kTidySummary as its summary).
//
// The rule, which makes every process draw a revision the same: revision N seen through a view
// is drawn with the layout kept for it in the store (table layouts), whoever kept it. When none
// is kept yet, the first process to draw N lays it out from the newest earlier layout of the
// same map and view that it knows (its own memory, else the newest one kept), in full when
// there is none or when N is a tidy revision, and keeps it; if another process kept one first,
// that one is drawn. An edit that changes nothing the layout reads keeps a reference to the
// earlier layout ("=K"), not a copy. Without a store (or when the store cannot be written)
// layouts live in this process's memory only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/result.hpp"
#include "model/document.hpp"
#include "model/view.hpp"
#include "render/page.hpp"
#include "store/store.hpp"

namespace peermap::server {

//! The summary of a revision made by POST /api/maps/{id}/relayout (the document unchanged):
//! such a revision is laid out in full.
inline constexpr std::string_view kTidySummary = "the whole map tidied (a full re-layout)";

//! One revision's page, and what it was laid out from.
struct LaidOut {
  std::shared_ptr<const render::Page> page;
  std::int64_t basis = 0;  //!< the revision whose positions it started from; 0: a full layout
  //! Names the geometry: the same key, the same geometry (drawings are cached under it).
  std::string key;
};

class MapLayouts {
 public:
  //! Keeps the pages of the last kKeptRevisions revisions of at most `max_views` map views.
  explicit MapLayouts(std::size_t max_views = 256) : max_views_(max_views) {}

  static constexpr std::size_t kKeptRevisions = 4;

  //! Revision `number` of map `id` through `view`, laid out by the rule above; `document` is
  //! called (once, only when it is not laid out yet) for the revision's validated document.
  //! `tidy`: the revision asks for a full layout. `store`: where layouts are kept for every
  //! process (nullptr: this process's memory only). `out_of_time`: the layout's time budget;
  //! nothing is kept of a layout abandoned. Errors: `document`'s, prepare_page's.
  Result<LaidOut> page(const std::string& id, std::int64_t number, bool tidy,
                       const model::View& view,
                       const std::function<Result<model::Document>()>& document,
                       store::Store* store = nullptr, const OutOfTime& out_of_time = {});

  //! What names a view in keys: as-of date, redaction, ecomap centre and seed.
  [[nodiscard]] static std::string view_key(const model::View& view);

 private:
  struct Entry;
  std::shared_ptr<Entry> entry(const std::string& key);
  //! Lays revision `number` out (by the rule above) and keeps it when `store` is given.
  Result<LaidOut> lay_out(Entry& e, const std::string& id, const std::string& key,
                          std::int64_t number, bool tidy, const model::View& view,
                          model::Document document, store::Store* store,
                          const OutOfTime& out_of_time);

  std::size_t max_views_;
  std::mutex mutex_;
  std::uint64_t clock_ = 0;
  std::unordered_map<std::string, std::shared_ptr<Entry>> entries_;
};

}  // namespace peermap::server
