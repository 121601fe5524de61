// Internal to pptx: the package around the slides: content types, relationships, the
// presentation, one slide master and one blank layout, the theme and the document properties.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <vector>

#include "model/date.hpp"
#include "record/pptx_package.hpp"

namespace peermap::record::pptx {

//! What every slide shares: its size in points, the map page's paper (A4 landscape, or larger
//! for a map that needs it, so the map keeps its size and the words theirs), and, for a copy,
//! what the copy says on its face.
struct Deck {
  double width = 841.89;
  double height = 595.28;
  //! "FAMILY COPY: 3 information items withheld under their handling conditions." (and the
  //! reason, for another child's record); empty for the internal copy.
  std::string face;
};

//! Starts `c_sld`'s shape tree, empty, as a master, a layout or a slide begins; the tree.
pugi::xml_node empty_tree(pugi::xml_node c_sld);

//! Every part of the presentation, `slides` (each a slide part's bytes) in order. The title goes
//! in the document properties; `date` is their created and modified date.
[[nodiscard]] Parts package_parts(const std::vector<std::string>& slides, const std::string& title,
                                  const model::Date& date, const Deck& size);

}  // namespace peermap::record::pptx
