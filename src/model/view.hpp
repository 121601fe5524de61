// What a drawing of a map shows (DESIGN.md §2, "One view pipeline"): every face (CLI, server,
// export) describes its drawing as a View and passes it, with the document, to
// render::prepare_page, which applies it once.
#pragma once

#include <optional>
#include <string>

#include "model/date.hpp"

namespace peermap::model {

//! Who a copy is for. Only Internal (everything on the map) so far; copies for partners,
//! families and other records, by handling code, come with the handling table.
enum class Audience { Internal };

struct View {
  std::optional<Date> as_of;  //!< only what was known on this date (as_known_on); else all
  bool redact = false;        //!< disclosure copy: children other than the subjects by initials
  std::string ecomap_centre;  //!< person id: that person's ecomap; empty: the network map
  unsigned seed = 1;          //!< the layout's random start; same seed, same drawing
  Audience audience = Audience::Internal;
};

}  // namespace peermap::model
