// Draws a laid-out map onto a page with its header, key and protective marking, as SVG, PNG
// or PDF, with cairo and pango. The browser, the exports and the CLI all use this one renderer.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "layout/layout.hpp"
#include "model/document.hpp"
#include "model/result.hpp"

namespace peermap::render {

enum class Format { Svg, Png, Pdf };

struct RenderOptions {
  Format format = Format::Svg;
  double png_dpi = 200;                 //!< pixels per inch of the PNG page
  std::optional<model::Date> as_of;     //!< shown in the header when the view is historical
  bool redact = false;                  //!< shown in the header: a disclosure copy
  std::string ecomap_centre;            //!< person id when the geometry is an ecomap
};

//! The format an output path asks for, by its extension (.svg, .png, .pdf).
[[nodiscard]] std::optional<Format> format_for_path(std::string_view path);

//! Paper size chosen for a map: the smallest landscape A-size that keeps text legible.
struct Page {
  std::string name;  //!< "A4" .. "A0"
  double width = 0;  //!< points
  double height = 0;
};
[[nodiscard]] Page choose_page(const layout::Geometry& geometry);

//! Where render_map puts a geometry on its page, so a client can lay hit areas over the
//! drawing: page point = (geometry point - (x0, y0)) * scale + (x, y), in points.
struct MapPlacement {
  Page page;
  double scale = 1;
  double x = 0;
  double y = 0;
};
[[nodiscard]] MapPlacement place_on_page(const layout::Geometry& geometry);

//! The rendered file's bytes. Same inputs, same bytes.
[[nodiscard]] Result<std::string> render_map(const model::Document& document,
                                             const layout::Geometry& geometry,
                                             const RenderOptions& options);

}  // namespace peermap::render
