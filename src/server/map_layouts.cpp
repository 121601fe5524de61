#include "server/map_layouts.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "layout/geometry_codec.hpp"

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
         "#" + view.ecomap_centre + "#" + std::to_string(view.seed);
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

//! A kept layout's geometry: its own text, or the text of revision K for a reference "=K".
//! The holder's number comes back with the geometry.
Result<std::pair<std::int64_t, layout::Geometry>> read_kept(store::Store& store,
                                                            const std::string& id,
                                                            const std::string& view,
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
  return std::pair{holder, std::move(geometry.value())};
}

}  // namespace

Result<LaidOut> MapLayouts::page(const std::string& id, std::int64_t number, bool tidy,
                                 const model::View& view,
                                 const std::function<Result<model::Document>()>& document,
                                 store::Store* store) {
  const std::string key = id + "#" + view_key(view);
  const std::shared_ptr<Entry> e = entry(key);
  const std::lock_guard lock(e->laying_out);
  if (const auto it = e->pages.find(number); it != e->pages.end()) return it->second;
  auto viewed = document();
  if (!viewed) return viewed.error();
  auto out = lay_out(*e, id, key, number, tidy, view, std::move(viewed.value()), store);
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
                                    model::Document document, store::Store* store) {
  const std::string vkey = view_key(view);
  const auto from_kept = [&](store::KeptLayout kept) -> Result<LaidOut> {
    const std::int64_t kept_basis = kept.basis;
    auto geometry = read_kept(*store, id, vkey, std::move(kept));
    if (!geometry) return geometry.error();
    e.texts[number] = {geometry->first, layout::encode_geometry(geometry->second)};
    auto page = render::page_with_geometry(document, view, std::move(geometry->second));
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
        auto geometry = read_kept(*store, id, vkey, std::move(earlier.value()));
        if (!geometry) return geometry.error();
        e.texts[basis] = {geometry->first, layout::encode_geometry(geometry->second)};
        earlier_kept = std::move(geometry->second);
      }
    }
  }
  auto prepared =
      earlier_page != nullptr ? render::prepare_page(std::move(document), view, earlier_page)
      : earlier_kept          ? render::prepare_page_from(std::move(document), view, *earlier_kept)
                              : render::prepare_page(std::move(document), view);
  if (!prepared) return prepared.error();
  if (store == nullptr) {
    return LaidOut{std::make_shared<const render::Page>(std::move(prepared.value())), basis,
                   key + "#" + std::to_string(number) + "#" + std::to_string(basis)};
  }
  // Kept for everyone: a reference when the layout is the basis's, else the text.
  const std::string text = layout::encode_geometry(prepared->geometry);
  std::string stored = text;
  if (const auto held = e.texts.find(basis);
      basis != 0 && held != e.texts.end() && held->second.second == text) {
    stored = "=" + std::to_string(held->second.first);
  }
  auto kept = store->keep_layout(id, vkey, {number, basis, std::move(stored)});
  if (!kept) {  // not kept: drawn from memory, under a key of its own
    return LaidOut{std::make_shared<const render::Page>(std::move(prepared.value())), basis,
                   key + "#" + std::to_string(number) + "#" + std::to_string(basis)};
  }
  // Drawn from what was kept (ours, or another process's that came first), as everyone will.
  basis = kept->basis;
  auto geometry = read_kept(*store, id, vkey, std::move(kept.value()));
  if (!geometry) return geometry.error();
  e.texts[number] = {geometry->first, layout::encode_geometry(geometry->second)};
  return LaidOut{std::make_shared<const render::Page>(std::move(prepared->document),
                                                      std::move(geometry->second), view),
                 basis, key + "#" + std::to_string(number) + "#kept"};
}

}  // namespace peermap::server
