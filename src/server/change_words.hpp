// What a revision changed, in a few words for the people watching a map live ("added a
// sighting", "changed person p3"): built from the sections and ids of a diff only, never from
// what the items say, so the event stream that carries it holds no case content.
#pragma once

#include <string>

#include "server/diff.hpp"

namespace peermap::server {

//! "added a sighting", "changed person p3", "removed 2 ties and changed the map's details";
//! "saved without a change" for an empty diff. At most four parts, then "and more".
std::string change_phrase(const DocumentDiff& diff);

}  // namespace peermap::server
