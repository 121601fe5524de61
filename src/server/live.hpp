// Live updates (docs/workspace.md, "Live updates"): the news of a map's new revisions and who
// has the map open, told to every open event stream of the map as server-sent events. The news
// carries ids, revision numbers, usernames with display names and a few words from change_phrase(),
// never case content: a client fetches the change itself through the audited routes.
//
// Delivery: a revision stored by this process is told to its streams at once (publish()). Other
// processes hear it through the database: on PostgreSQL by NOTIFY to a process-wide LISTEN
// connection, and on both backends by a light check of the heads of the maps that have open
// streams (every `head_check`: the only way on SQLite, a safety net on PostgreSQL). Each map's
// streams are told a revision once, in order: news of a revision no newer than the last told
// is dropped, whichever way it came.
//
// Presence: the usernames of a map's open streams, here and (PostgreSQL) in the other processes,
// which announce theirs when they change, when a process asks, and every `presence_refresh`;
// what another process said lapses after `presence_expiry` unless said again.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "server/http.hpp"
#include "store/store.hpp"

namespace peermap::server {

struct LiveOptions {
  //! How often the heads of the maps with open streams are read, to see other processes' saves.
  std::chrono::milliseconds head_check{500};
  //! The same where the database announces saves itself (PostgreSQL NOTIFY): a safety net.
  std::chrono::milliseconds head_check_announced{5'000};
  //! How often this process tells the others who has its streams open (PostgreSQL).
  std::chrono::milliseconds presence_refresh{5'000};
  //! How long another process's word on presence lasts unless said again (a process that died).
  std::chrono::milliseconds presence_expiry{15'000};
  //! How often an open stream checks that its session is still valid and the map still visible.
  std::chrono::milliseconds recheck{30'000};
};

//! A new revision as the streams tell it.
struct RevisionNews {
  std::string map_id;
  std::int64_t revision = 0;
  std::string username;  //!< who saved it
  std::string name;      //!< their display name (store::display_name_or_username)
  std::string action;    //!< change_phrase(): "added a sighting", "changed person p3"
};

class LiveUpdates {
 public:
  //! Starts the thread that listens to the other processes and checks heads.
  LiveUpdates(store::Store& store, LiveOptions options);
  ~LiveUpdates();
  LiveUpdates(const LiveUpdates&) = delete;
  LiveUpdates& operator=(const LiveUpdates&) = delete;

  //! The event stream of map `map_id` (newest revision `head`) for `username` (display name
  //! `name`): first a `hello`
  //! with the newest revision, then `revision` and `presence` events. It counts in the map's
  //! presence from its first read to its end. It ends when `still_allowed` (asked every
  //! `recheck`, on the stream's own thread) says no, or when this object goes.
  std::shared_ptr<StreamSource> open_stream(std::string map_id, std::int64_t head,
                                            std::string username, std::string name,
                                            std::function<bool()> still_allowed);

  //! Tells the map's streams here, and every other process through the database, of a revision
  //! this process stored.
  void publish(const RevisionNews& news);

  //! Event streams open here now (for tests and the log).
  [[nodiscard]] std::size_t open_streams() const;

  struct Hub;

 private:
  std::shared_ptr<Hub> hub_;
  std::thread watcher_;
};

}  // namespace peermap::server
