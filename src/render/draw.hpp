// Drawing a Page onto a caller's cairo context, so a document of several pages (a PDF record)
// can put the map on one page and its own pages around it.
#pragma once

#include <cairo.h>

#include "base/result.hpp"
#include "render/page.hpp"

namespace peermap::render {

//! Draws the whole page (header, map, key, footer, on white) at the context's current
//! transformation, one unit a point, over page.paper's width and height. Does not show the
//! page (cairo_show_page is the caller's) and leaves the context's state as it was. Errors:
//! the context's cairo status, as Internal.
[[nodiscard]] Status draw_page(cairo_t* cr, const Page& page);

//! cairo's write callback (cairo_*_surface_create_for_stream): appends to the std::string at
//! `closure`. A C callback, so nothing is thrown across it; a failed append is reported to
//! cairo, which puts the surface in error.
cairo_status_t append_to_string(void* closure, const unsigned char* data,
                                unsigned int length) noexcept;

}  // namespace peermap::render
