// The one view pipeline (DESIGN.md §2): a document and a View become a Page, the map as the
// view shows it, laid out and on its paper. Every face draws a Page: render/render.hpp writes
// it as an SVG, PNG or PDF file; render/draw.hpp draws it onto a caller's cairo context.
#pragma once

#include <cstddef>
#include <set>
#include <string>

#include "base/result.hpp"
#include "base/time_budget.hpp"
#include "layout/layout.hpp"
#include "model/document.hpp"
#include "model/view.hpp"

namespace peermap::render {

//! A sheet of paper, landscape: "A4" .. "A0", in points.
//! The smallest size a person's name prints at on the chosen paper (issue 10: 7 pt), points.
inline constexpr double kMinNamePrint = 7.0;

struct Paper {
  std::string name;
  double width = 0;
  double height = 0;
};

//! The smallest landscape A-size on which the map's names print at kMinNamePrint points or
//! more (A0 at most).
[[nodiscard]] Paper choose_paper(const layout::Geometry& geometry);

//! A map ready to draw.
struct Page {
  //! `viewed` must already be as `shown` shows it; prepare_page makes one from any document.
  Page(model::Document viewed, layout::Geometry laid_out, model::View shown);

  model::Document document;  //!< as the view shows it (e.g. as known on the as-of date)
  layout::Geometry geometry;
  model::View view;          //!< what the header says about the view
  Paper paper;               //!< choose_paper(geometry)
  std::size_t withheld = 0;  //!< a copy's information items withheld under their handling
  //! In an as-of view, the ties and people nothing dated supports (model::date_not_known):
  //! drawn marked "date not known". Empty in any other view.
  std::set<std::string> date_not_known;
};

//! Where a Page puts its map: page point = (geometry point - (x0, y0)) * scale + (x, y), in
//! points. The drawing (draw_map) and the layout route (GET /api/maps/{id}/layout, hit areas
//! over map.svg) both use it, so they agree.
struct MapPlacement {
  double scale = 1;
  double x = 0;
  double y = 0;
};
//! The map centred in its area of `paper`, at the largest scale that fits (1.5 at most).
[[nodiscard]] MapPlacement place_on_page(const Paper& paper, const layout::Geometry& geometry);
//! The same for a Page, on its own paper.
[[nodiscard]] MapPlacement place_on_page(const Page& page);

//! Applies `view` to `document` (as_known_on, then the audience's copy, model::copy_for), lays it
//! out and chooses the paper. A copy for an audience other than Internal is always laid out
//! afresh, never from an earlier picture, so no gap shows where a withheld person stood. Errors:
//! Invalid when the view's copy cannot be made (model::copy_fault, "reason: ..."), NotFound when
//! the ecomap centre is not on the viewed map, else compute_layout's.
[[nodiscard]] Result<Page> prepare_page(model::Document document, const model::View& view);
//! The same, laid out from `earlier` (a Page of an earlier revision of this map, seen through the
//! same view) so the picture stays put: people keep their places (layout::LayoutOptions::
//! previous), and when nothing the layout reads has changed (layout_reads_the_same) `earlier`'s
//! geometry is kept as it is and only the drawing changes. nullptr: a full layout.
//! `out_of_time`: the layout's time budget (layout::LayoutOptions::out_of_time); when it is
//! spent, the error is Unavailable (out_of_time_error()).
[[nodiscard]] Result<Page> prepare_page(model::Document document, const model::View& view,
                                        const Page* earlier, const OutOfTime& out_of_time = {});

//! As prepare_page with an earlier page, from an earlier layout's geometry alone (one kept by
//! the server, whose document is not at hand): people keep their places; the geometry is not
//! reused whole, since what the layout reads cannot be compared. `out_of_time` as above.
[[nodiscard]] Result<Page> prepare_page_from(model::Document document, const model::View& view,
                                             const layout::Geometry& earlier,
                                             const OutOfTime& out_of_time = {});

//! Applies `view` to `document` and takes `geometry` (a layout kept from an earlier drawing of
//! the same revision and view) as it is. Errors: NotFound as prepare_page.
[[nodiscard]] Result<Page> page_with_geometry(model::Document document, const model::View& view,
                                              layout::Geometry geometry);

//! Whether two viewed documents are the same to the layout: the people's names, ages, roles and
//! ROTH, the places' names and kinds, the groups, ties, ecomaps, pins, the map date and the
//! subject children (a person's notes, school or services, say, are not drawn by the layout).
[[nodiscard]] bool layout_reads_the_same(const model::Document& a, const model::Document& b);

}  // namespace peermap::render
