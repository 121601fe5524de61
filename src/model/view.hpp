// What a drawing of a map shows (DESIGN.md §2, "One view pipeline"): every face (CLI, server,
// export) describes its drawing as a View and passes it, with the document, to
// render::prepare_page, which applies it once.
#pragma once

#include <optional>
#include <string>

#include "model/date.hpp"
#include "model/document.hpp"

namespace peermap::model {

struct View {
  std::optional<Date> as_of;  //!< only what was known on this date (as_known_on); else all
  bool redact = false;        //!< disclosure copy: children other than the subjects by initials
  std::string ecomap_centre;  //!< person id: that person's ecomap; empty: the network map
  unsigned seed = 1;          //!< the layout's random start; same seed, same drawing
  //! Who the copy is for (model/copies.hpp): what its audience may not receive is left out
  //! before anything is laid out.
  Audience audience = Audience::Internal;
  std::string reason{};  //!< why a copy goes on another child's record (required for that copy)
};

}  // namespace peermap::model
