// The layouts the server draws from (DESIGN.md §2, "The map stays put"): an edited map is laid
// out from the positions of its previous layout, so adding a person does not reshuffle the
// room's picture; a full layout happens only when someone asks (POST /api/maps/{id}/relayout
// makes a revision with kTidySummary as its summary).
//
// The rule, which makes a drawing deterministic: revision N seen through a view is laid out
// from the positions of the newest earlier revision of the same map and view that this process
// has laid out (its *basis*); in full when there is none (a fresh process: exactly the drawing
// `peermap render` makes) or when N is a tidy revision. The same document drawn from the same
// basis gives the same geometry and the same bytes; the basis is part of the key the drawings
// are cached under. Positions live in memory only (see docs/workspace.md, "A stable map").
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
  //! `tidy`: the revision asks for a full layout. Errors: prepare_page's.
  Result<LaidOut> page(const std::string& id, std::int64_t number, bool tidy,
                       const model::View& view,
                       const std::function<Result<model::Document>()>& document);

  //! What names a view in keys: as-of date, redaction, ecomap centre and seed.
  [[nodiscard]] static std::string view_key(const model::View& view);

 private:
  struct Entry;
  std::shared_ptr<Entry> entry(const std::string& key);

  std::size_t max_views_;
  std::mutex mutex_;
  std::uint64_t clock_ = 0;
  std::unordered_map<std::string, std::shared_ptr<Entry>> entries_;
};

}  // namespace peermap::server
