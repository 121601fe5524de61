#include "server/map_layouts.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "layout/geometry_codec.hpp"
#include "model/copies.hpp"

namespace peermap::server {

struct MapLayouts::Entry {
  std::mutex laying_out;  //!< one layout of a view at a time: the map.svg and layout requests
                          //!< after a save wait for one another instead of both laying out
  std::map<std::int64_t, LaidOut> pages;  //!< by revision, the newest kKeptRevisions
  //! The kept text of each page's geometry (never a reference), to notice an unchanged layout.
  std::map<std::int64_t, std::pair<std::int64_t, std::string>>
      texts;               //!< revision -> (holder, text)
  std::uint64_t used = 0;  //!< MapLayouts::clock_ when last asked for
};

std::string MapLayouts::view_key(const model::View& view) {
  return (view.as_of ? view.as_of->to_string() : std::string()) + "#" + (view.redact ? "r" : "") +
         "#" + view.ecomap_centre + "#" + std::to_string(view.seed) +
         // A copy is its own view (its layout never mixes with the full map's); the internal
         // copy keeps the key it had before copies.
         (view.audience == model::Audience::Internal
              ? std::string()
              : "#" + std::string(model::audience_name(view.audience)));
}

std::shared_ptr<MapLayouts::Entry> MapLayouts::entry(const std::string& key) {
  const std::lock_guard lock(mutex_);
  auto& slot = entries_[key];
  if (!slot) slot = std::make_shared<Entry>();
  slot->used = ++clock_;
  if (entries_.size() > max_views_) {  // the view asked for longest ago goes
    auto oldest = entries_.end();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (oldest == entries_.end() || it->second->used < oldest->second->used) oldest = it;
    }
    if (oldest != entries_.end() && oldest->second != slot) entries_.erase(oldest);
  }
  return slot;
}

namespace {

//! A kept layout read: the geometry, the text it was read from and the revision that holds
//! that text (itself, or K for a reference "=K").
struct ReadLayout {
  std::int64_t holder = 0;
  layout::Geometry geometry;
  std::string text;
};

Result<ReadLayout> read_kept(store::Store& store, const std::string& id, const std::string& view,
                             store::KeptLayout kept) {
  std::int64_t holder = kept.number;
  if (kept.geometry.starts_with('=')) {
    holder = std::strtoll(kept.geometry.c_str() + 1, nullptr, 10);
    if (holder < 1 || holder >= kept.number) {
      return Error{ErrorKind::Internal, "a kept layout refers to a later revision"};
    }
    auto held = store.kept_layout(id, holder, view, false);
    if (!held) return Error{ErrorKind::Internal, "a kept layout refers to one not kept"};
    if (held->geometry.starts_with('=')) {
      return Error{ErrorKind::Internal, "a kept layout refers to a reference"};
    }
    kept = std::move(held.value());
  }
  auto geometry = layout::decode_geometry(kept.geometry);
  if (!geometry) return Error{ErrorKind::Internal, geometry.error().message};
  return ReadLayout{holder, std::move(geometry.value()), std::move(kept.geometry)};
}

}  // namespace

Result<LaidOut> MapLayouts::page(const std::string& id, std::int64_t number, bool tidy,
                                 const model::View& view,
                                 const std::function<Result<model::Document>()>& document,
                                 store::Store* store, const OutOfTime& out_of_time) {
  const std::string key = id + "#" + view_key(view);
  const std::shared_ptr<Entry> e = entry(key);
  const std::lock_guard lock(e->laying_out);
  if (const auto it = e->pages.find(number); it != e->pages.end()) return it->second;
  auto viewed = document();
  if (!viewed) return viewed.error();
  auto out =
      lay_out(*e, id, key, number, tidy, view, std::move(viewed.value()), store, out_of_time);
  if (!out) return out.error();
  e->pages.emplace(number, out.value());
  while (e->pages.size() > kKeptRevisions) {
    e->texts.erase(e->pages.begin()->first);
    e->pages.erase(e->pages.begin());
  }
  return out;
}

Result<LaidOut> MapLayouts::lay_out(Entry& e, const std::string& id, const std::string& key,
                                    std::int64_t number, bool tidy, const model::View& view,
                                    model::Document document, store::Store* store,
                                    const OutOfTime& out_of_time) {
  const std::string vkey = view_key(view);
  const auto from_kept = [&](store::KeptLayout kept) -> Result<LaidOut> {
    const std::int64_t kept_basis = kept.basis;
    auto read = read_kept(*store, id, vkey, std::move(kept));
    if (!read) return read.error();
    e.texts[number] = {read->holder, std::move(read->text)};
    auto page = render::page_with_geometry(document, view, std::move(read->geometry));
    if (!page) return page.error();
    return LaidOut{std::make_shared<const render::Page>(std::move(page.value())), kept_basis,
                   key + "#" + std::to_string(number) + "#kept"};
  };
  // Kept already, by this process before or by another: drawn as it was.
  if (store != nullptr) {
    auto kept = store->kept_layout(id, number, vkey, false);
    if (kept) return from_kept(std::move(kept.value()));
    if (kept.error().kind != ErrorKind::NotFound) store = nullptr;  // memory only, this once
  }
  // The basis: the newest earlier revision laid out here, else the newest kept.
  std::int64_t basis = 0;
  const render::Page* earlier_page = nullptr;
  std::optional<layout::Geometry> earlier_kept;
  if (!tidy) {
    if (const auto after = e.pages.lower_bound(number); after != e.pages.begin()) {
      basis = std::prev(after)->first;
      earlier_page = std::prev(after)->second.page.get();
    } else if (store != nullptr) {
      if (auto earlier = store->kept_layout(id, number, vkey, true)) {
        basis = earlier->number;
        auto read = read_kept(*store, id, vkey, std::move(earlier.value()));
        if (!read) return read.error();
        e.texts[basis] = {read->holder, std::move(read->text)};
        earlier_kept = std::move(read->geometry);
      }
    }
  }
  auto prepared =
      earlier_page != nullptr
          ? render::prepare_page(std::move(document), view, earlier_page, out_of_time)
      : earlier_kept
          ? render::prepare_page_from(std::move(document), view, *earlier_kept, out_of_time)
          : render::prepare_page(std::move(document), view, nullptr, out_of_time);
  if (!prepared) return prepared.error();
  if (store == nullptr) {
    return LaidOut{std::make_shared<const render::Page>(std::move(prepared.value())), basis,
                   key + "#" + std::to_string(number) + "#" + std::to_string(basis)};
  }
  // Kept for everyone: a reference when the layout is the basis's, else the text. Drawn from
  // the geometry as kept (rounded), as every other process will draw it.
  layout::Geometry geometry = layout::rounded(std::move(prepared->geometry));
  std::string text = layout::encode_geometry(geometry);
  std::int64_t holder = number;
  std::string stored = text;
  if (const auto held = e.texts.find(basis);
      basis != 0 && held != e.texts.end() && held->second.second == text) {
    holder = held->second.first;
    stored = "=" + std::to_string(holder);
  }
  auto kept = store->keep_layout(id, vkey, {number, basis, stored});
  if (!kept) {  // not kept: drawn from memory, under a key of its own
    return LaidOut{std::make_shared<const render::Page>(std::move(prepared->document),
                                                        std::move(geometry), view),
                   basis, key + "#" + std::to_string(number) + "#" + std::to_string(basis)};
  }
  if (kept->geometry != stored) {  // another process kept its layout first: that one is drawn
    basis = kept->basis;
    auto read = read_kept(*store, id, vkey, std::move(kept.value()));
    if (!read) return read.error();
    holder = read->holder;
    geometry = std::move(read->geometry);
    text = std::move(read->text);
  }
  e.texts[number] = {holder, std::move(text)};
  return LaidOut{std::make_shared<const render::Page>(std::move(prepared->document),
                                                      std::move(geometry), view),
                 basis, key + "#" + std::to_string(number) + "#kept"};
}

}  // namespace peermap::server
