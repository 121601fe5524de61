#include "server/live.hpp"

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "auth/auth.hpp"

namespace peermap::server {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

//! The PostgreSQL channel the processes of one database talk on.
constexpr std::string_view kChannel = "peermap_live";
//! Usernames one presence event names at most (a NOTIFY payload is short).
constexpr std::size_t kMaxViewers = 100;
//! The bytes of names one announcement carries at most: PostgreSQL's NOTIFY payload is under
//! 8,000 bytes, and display names may be long.
constexpr std::size_t kMaxAnnouncedNames = 6'000;
//! How long the watcher waits for announcements (or sleeps) in one round.
constexpr std::chrono::milliseconds kRound{100};
//! How long after a failed LISTEN connection the watcher tries again.
constexpr std::chrono::milliseconds kListenRetry{1'000};

//! One server-sent event: `event: NAME` and its JSON on one `data:` line.
std::string event_text(std::string_view name, const json& data) {
  return "event: " + std::string(name) + "\ndata: " + data.dump() + "\n\n";
}

json news_json(const RevisionNews& news) {
  return {{"map", news.map_id},
          {"revision", news.revision},
          {"username", news.username},
          {"name", news.name},
          {"action", news.action}};
}

}  // namespace

//! One open stream as the hub sees it: its map and user, and the events not yet taken.
struct Subscriber {
  std::string map_id;
  std::string username;
  std::string name;  //!< the user's display name
  std::string pending;
  std::condition_variable ready;
};

//! What another process said of a map's presence, and when.
struct RemotePresence {
  std::vector<std::string> usernames;
  std::vector<std::string> names;  //!< each username's display name, in the same order
  Clock::time_point heard;
};

//! A map with open streams here.
struct MapChannel {
  std::int64_t last_revision = 0;  //!< the newest revision its streams were told of
  std::vector<Subscriber*> local;
  std::map<std::string, RemotePresence> remote;  //!< by the other process's origin id
  std::string presence;                          //!< the last presence event sent
};

struct LiveUpdates::Hub {
  store::Store& store;
  LiveOptions options;
  const std::string origin = auth::random_id();  //!< this process, in its announcements
  mutable std::mutex mutex;
  std::condition_variable wake;  //!< the watcher's sleep, cut short by stopping
  bool stopping = false;
  std::size_t streams = 0;
  std::map<std::string, MapChannel> maps;
  //! Heads the deferred check saw ahead of what was told, by map (the watcher's thread only).
  std::map<std::string, std::int64_t> heads_seen;

  Hub(store::Store& s, LiveOptions o) : store(s), options(o) {}

  // ---- presence (the mutex held)

  //! The presence event of `channel`: each username, with its display name and how many
  //! streams it has open.
  static std::string presence_of(const std::string& map_id, const MapChannel& channel) {
    std::map<std::string, int> counts;
    std::map<std::string, std::string> names;
    for (const Subscriber* s : channel.local) {
      ++counts[s->username];
      names[s->username] = s->name;
    }
    for (const auto& [origin, remote] : channel.remote) {
      for (std::size_t i = 0; i < remote.usernames.size(); ++i) {
        const std::string& u = remote.usernames[i];
        ++counts[u];
        if (i < remote.names.size()) names.try_emplace(u, remote.names[i]);
      }
    }
    json viewers = json::array();
    for (const auto& [username, n] : counts) {
      if (viewers.size() == kMaxViewers) break;
      const auto name = names.find(username);
      viewers.push_back(
          {{"username", username},
           {"name", name == names.end() || name->second.empty() ? username : name->second},
           {"streams", n}});
    }
    return event_text("presence", {{"map", map_id}, {"viewers", viewers}});
  }

  //! Tells the map's streams who has it open, when that changed since they were last told.
  static void refresh_presence(const std::string& map_id, MapChannel& channel) {
    std::string now = presence_of(map_id, channel);
    if (now == channel.presence) return;
    channel.presence = std::move(now);
    for (Subscriber* s : channel.local) {
      s->pending += channel.presence;
      s->ready.notify_all();
    }
  }

  //! This process's usernames of a map, as an announcement to the others.
  std::string presence_announcement(const std::string& map_id, const MapChannel* channel,
                                    bool ask) const {
    json usernames = json::array();
    json names = json::array();
    std::size_t bytes = 0;
    if (channel != nullptr) {
      for (const Subscriber* s : channel->local) {
        bytes += s->username.size() + s->name.size();
        if (usernames.size() == kMaxViewers || bytes > kMaxAnnouncedNames) break;
        usernames.push_back(s->username);
        names.push_back(s->name);
      }
    }
    return json{{"kind", "presence"},     {"origin", origin}, {"map", map_id},
                {"usernames", usernames}, {"names", names},   {"ask", ask}}
        .dump();
  }

  // ---- streams

  //! A stream's first read: it is told the newest revision and who is here, and counts.
  void join(Subscriber& s, std::int64_t head) {
    std::string announcement;
    {
      const std::lock_guard lock(mutex);
      MapChannel& channel = maps[s.map_id];
      channel.last_revision = std::max(channel.last_revision, head);
      s.pending += event_text("hello", {{"map", s.map_id},
                                        {"revision", channel.last_revision},
                                        {"username", s.username},
                                        {"name", s.name}});
      channel.local.push_back(&s);
      ++streams;
      const std::string before = channel.presence;
      refresh_presence(s.map_id, channel);
      if (channel.presence == before) s.pending += channel.presence;
      announcement = presence_announcement(s.map_id, &channel, /*ask=*/true);
    }
    (void)store.announce(kChannel, announcement);
  }

  void leave(Subscriber& s) {
    std::string announcement;
    {
      const std::lock_guard lock(mutex);
      --streams;
      if (stopping) return;  // the store may be gone: nobody is told any more
      const auto found = maps.find(s.map_id);
      if (found == maps.end()) return;
      MapChannel& channel = found->second;
      std::erase(channel.local, &s);
      refresh_presence(s.map_id, channel);
      announcement = presence_announcement(s.map_id, &channel, /*ask=*/false);
      if (channel.local.empty()) maps.erase(found);
    }
    (void)store.announce(kChannel, announcement);
  }

  //! Tells a map's streams of a revision, unless they were told of it (or a newer one) already.
  void deliver(const RevisionNews& news) {
    const std::lock_guard lock(mutex);
    const auto found = maps.find(news.map_id);
    if (found == maps.end() || news.revision <= found->second.last_revision) return;
    MapChannel& channel = found->second;
    channel.last_revision = news.revision;
    const std::string text = event_text("revision", news_json(news));
    for (Subscriber* s : channel.local) {
      s->pending += text;
      s->ready.notify_all();
    }
  }

  // ---- other processes

  //! One announcement from a process on the same database (this one's own come back too).
  void heard(const std::string& payload) {
    const json message = json::parse(payload, nullptr, /*allow_exceptions=*/false);
    if (!message.is_object()) return;
    const std::string kind = message.value("kind", "");
    const std::string map_id = message.value("map", "");
    if (kind == "revision") {
      deliver({map_id, message.value("revision", std::int64_t{0}), message.value("username", ""),
               message.value("name", ""), message.value("action", "")});
      return;
    }
    const std::string from = message.value("origin", "");
    if (kind != "presence" || from == origin || from.empty()) return;
    std::string reply;
    {
      const std::lock_guard lock(mutex);
      const auto found = maps.find(map_id);
      if (found == maps.end()) return;  // nobody here has it open
      MapChannel& channel = found->second;
      std::vector<std::string> usernames;
      std::vector<std::string> names;
      const auto list = message.find("usernames");
      const auto said = message.find("names");
      const bool named = said != message.end() && said->is_array();
      if (list != message.end() && list->is_array()) {
        for (std::size_t i = 0; i < list->size() && usernames.size() < kMaxViewers; ++i) {
          if (!(*list)[i].is_string()) continue;
          usernames.push_back((*list)[i]);
          const bool has_name = named && i < said->size() && (*said)[i].is_string();
          names.push_back(has_name ? (*said)[i].get<std::string>() : std::string());
        }
      }
      if (usernames.empty()) {
        channel.remote.erase(from);
      } else {
        channel.remote[from] = {std::move(usernames), std::move(names), Clock::now()};
      }
      refresh_presence(map_id, channel);
      if (message.value("ask", false)) reply = presence_announcement(map_id, &channel, false);
    }
    if (!reply.empty()) (void)store.announce(kChannel, reply);
  }

  //! Reads the heads of the maps with open streams and tells them of revisions stored elsewhere.
  //! What such a revision changed is not known here: its news says "saved a change". With
  //! `defer` (the safety net while announcements are heard), a head first seen now is told only
  //! at the next check, so the announcement that says what was done, racing this read, wins.
  void check_heads(bool defer = false) {
    std::vector<std::pair<std::string, std::int64_t>> watched;
    {
      const std::lock_guard lock(mutex);
      for (const auto& [id, channel] : maps) watched.emplace_back(id, channel.last_revision);
    }
    std::map<std::string, std::int64_t> seen;
    for (const auto& [id, last] : watched) {
      auto record = store.map_record(id);
      if (!record || record->head <= last) continue;
      if (defer) {
        seen[id] = record->head;
        const auto before = heads_seen.find(id);
        if (before == heads_seen.end() || before->second < record->head) continue;
      }
      auto infos = store.revisions(id);
      if (!infos || infos->empty()) continue;
      const store::RevisionInfo& newest = infos->back();
      auto author = store.user_by_id(newest.author_id);
      deliver(
          {id, newest.number, newest.author,
           author ? std::string(store::display_name_or_username(author.value())) : newest.author,
           "saved a change"});
    }
    heads_seen = std::move(seen);
  }

  //! Says again who is here (the others forget what is not said again), and forgets what the
  //! others said too long ago.
  void renew_presence() {
    std::vector<std::string> announcements;
    {
      const std::lock_guard lock(mutex);
      const auto now = Clock::now();
      for (auto& [id, channel] : maps) {
        std::erase_if(channel.remote, [&](const auto& entry) {
          return now - entry.second.heard > options.presence_expiry;
        });
        refresh_presence(id, channel);
        announcements.push_back(presence_announcement(id, &channel, /*ask=*/false));
      }
    }
    for (const auto& a : announcements) (void)store.announce(kChannel, a);
  }

  //! Asks every other process who has the maps open here (after a new LISTEN connection).
  void ask_presence() {
    std::vector<std::string> announcements;
    {
      const std::lock_guard lock(mutex);
      for (const auto& [id, channel] : maps) {
        announcements.push_back(presence_announcement(id, &channel, /*ask=*/true));
      }
    }
    for (const auto& a : announcements) (void)store.announce(kChannel, a);
  }

  //! The watcher's loop: announcements as they arrive, heads and presence on their clocks.
  void watch() {
    std::unique_ptr<store::Listener> listener;
    bool announced = false;  // the store carries announcements between processes
    bool may_listen = true;
    auto next_listen = Clock::now();
    auto next_heads = Clock::now();
    auto next_presence = Clock::now() + options.presence_refresh;
    for (;;) {
      {
        const std::lock_guard lock(mutex);
        if (stopping) return;
      }
      if (!listener && may_listen && Clock::now() >= next_listen) {
        auto opened = store.listen(kChannel);
        if (opened && !opened.value()) {
          may_listen = false;  // this backend has no announcements (SQLite)
        } else if (opened) {
          listener = std::move(opened.value());
          announced = true;
          check_heads();  // what was missed while not listening
          ask_presence();
        } else {
          next_listen = Clock::now() + kListenRetry;
        }
      }
      if (listener) {
        std::vector<std::string> payloads;
        if (!listener->wait(kRound, payloads)) listener.reset();
        for (const auto& p : payloads) heard(p);
      } else {
        std::unique_lock lock(mutex);
        wake.wait_for(lock, kRound, [&] { return stopping; });
      }
      const auto now = Clock::now();
      if (now >= next_heads) {
        check_heads(/*defer=*/announced && listener != nullptr);
        next_heads =
            now + (announced && listener ? options.head_check_announced : options.head_check);
      }
      if (announced && now >= next_presence) {
        renew_presence();
        next_presence = now + options.presence_refresh;
      }
    }
  }

  void stop() {
    const std::lock_guard lock(mutex);
    stopping = true;
    wake.notify_all();
    for (auto& [id, channel] : maps) {
      for (Subscriber* s : channel.local) s->ready.notify_all();
    }
  }
};

namespace {

//! One open event stream: joins its map's channel at its first read, leaves at its end.
class LiveStream final : public StreamSource {
 public:
  LiveStream(std::shared_ptr<LiveUpdates::Hub> hub, std::string map_id, std::int64_t head,
             std::string username, std::string name, std::function<bool()> still_allowed)
      : hub_(std::move(hub)), head_(head), still_allowed_(std::move(still_allowed)) {
    subscriber_.map_id = std::move(map_id);
    subscriber_.username = std::move(username);
    subscriber_.name = std::move(name);
  }
  ~LiveStream() override {
    // Leaving tells the others who is still here; a failure to (a lock, memory) must not end
    // the process from a destructor, and the presence lapses by itself on the others' clocks.
    try {
      if (joined_) hub_->leave(subscriber_);
    } catch (...) {  // NOLINT(bugprone-empty-catch): see above
    }
  }
  LiveStream(const LiveStream&) = delete;
  LiveStream& operator=(const LiveStream&) = delete;

  bool next(std::string& out, std::chrono::milliseconds wait) override {
    {
      const std::lock_guard lock(hub_->mutex);
      if (hub_->stopping) return false;  // what `still_allowed` reads may be gone
    }
    const auto now = Clock::now();
    if (!joined_) {
      hub_->join(subscriber_, head_);
      joined_ = true;
      next_check_ = now + hub_->options.recheck;
    } else if (now >= next_check_) {
      if (still_allowed_ && !still_allowed_()) return false;
      next_check_ = now + hub_->options.recheck;
    }
    std::unique_lock lock(hub_->mutex);
    subscriber_.ready.wait_for(lock, wait,
                               [&] { return !subscriber_.pending.empty() || hub_->stopping; });
    out += subscriber_.pending;
    subscriber_.pending.clear();
    return !hub_->stopping;
  }

 private:
  std::shared_ptr<LiveUpdates::Hub> hub_;
  std::int64_t head_;
  std::function<bool()> still_allowed_;
  Subscriber subscriber_;
  bool joined_ = false;
  Clock::time_point next_check_;
};

}  // namespace

LiveUpdates::LiveUpdates(store::Store& store, LiveOptions options)
    : hub_(std::make_shared<Hub>(store, options)), watcher_([hub = hub_] { hub->watch(); }) {}

LiveUpdates::~LiveUpdates() {
  hub_->stop();
  if (watcher_.joinable()) watcher_.join();
}

std::shared_ptr<StreamSource> LiveUpdates::open_stream(std::string map_id, std::int64_t head,
                                                       std::string username, std::string name,
                                                       std::function<bool()> still_allowed) {
  return std::make_shared<LiveStream>(hub_, std::move(map_id), head, std::move(username),
                                      std::move(name), std::move(still_allowed));
}

void LiveUpdates::publish(const RevisionNews& news) {
  hub_->deliver(news);
  json message = news_json(news);
  message["kind"] = "revision";
  message["origin"] = hub_->origin;
  (void)hub_->store.announce(kChannel, message.dump());
}

std::size_t LiveUpdates::open_streams() const {
  const std::lock_guard lock(hub_->mutex);
  return hub_->streams;
}

}  // namespace peermap::server
