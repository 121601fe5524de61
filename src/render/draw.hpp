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

}  // namespace peermap::render
