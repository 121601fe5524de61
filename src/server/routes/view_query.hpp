// The view a drawing or its layout shows, as the query names it (revision, as_of, redact,
// ecomap): one parser, so map.svg / .png / .pdf and the layout route agree on every view and
// the workspace's hit areas match what it draws.
#pragma once

#include <cstdint>
#include <optional>

#include "model/view.hpp"
#include "server/http.hpp"

namespace peermap::server::routes {

//! What selects a drawing: the revision (default the head) and the View.
struct ViewQuery {
  std::int64_t revision = 0;
  model::View view;
};

//! The query's view of a map whose newest revision is `head`; nullopt with the 422 naming the
//! parameter in `error`. The ecomap centre is checked later, against the viewed map.
std::optional<ViewQuery> view_query(const Request& request, std::int64_t head, Response& error);

}  // namespace peermap::server::routes
