// Internal to pptx: slide 1, the map as native shapes with its key (map_slide.cpp says how).
#pragma once

#include <string>

#include "record/pptx_parts.hpp"
#include "record/pptx_slide.hpp"
#include "render/page.hpp"

namespace peermap::record::pptx {

//! Slide 1 of `count`: `page`'s map (its view already applied), its key and the furniture.
//! `face`: what a copy says on its face (Deck::face).
[[nodiscard]] std::string map_slide(const render::Page& page, std::size_t count,
                                    const std::string& face);

}  // namespace peermap::record::pptx
