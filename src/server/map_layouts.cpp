#include "server/map_layouts.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace peermap::server {

struct MapLayouts::Entry {
  std::mutex laying_out;  //!< one layout of a view at a time: the map.svg and layout requests
                          //!< after a save wait for one another instead of both laying out
  std::map<std::int64_t, LaidOut> pages;  //!< by revision, the newest kKeptRevisions
  std::uint64_t used = 0;                 //!< MapLayouts::clock_ when last asked for
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

Result<LaidOut> MapLayouts::page(const std::string& id, std::int64_t number, bool tidy,
                                 const model::View& view,
                                 const std::function<Result<model::Document>()>& document) {
  const std::string key = id + "#" + view_key(view);
  const std::shared_ptr<Entry> e = entry(key);
  const std::lock_guard lock(e->laying_out);
  if (const auto it = e->pages.find(number); it != e->pages.end()) return it->second;
  // The basis: the newest earlier revision laid out here (none for a tidy revision).
  std::shared_ptr<const render::Page> earlier;
  std::int64_t basis = 0;
  if (!tidy) {
    const auto after = e->pages.lower_bound(number);
    if (after != e->pages.begin()) {
      earlier = std::prev(after)->second.page;
      basis = std::prev(after)->first;
    }
  }
  auto viewed = document();
  if (!viewed) return viewed.error();
  auto prepared = render::prepare_page(std::move(viewed.value()), view, earlier.get());
  if (!prepared) return prepared.error();
  LaidOut out{std::make_shared<const render::Page>(std::move(prepared.value())), basis,
              key + "#" + std::to_string(number) + "#" + std::to_string(basis)};
  e->pages.emplace(number, out);
  while (e->pages.size() > kKeptRevisions) e->pages.erase(e->pages.begin());
  return out;
}

}  // namespace peermap::server
