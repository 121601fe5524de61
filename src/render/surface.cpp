// The surface: a Page as file bytes. cairo's SVG, PDF and image surfaces write through one
// callback into a string; the PDF carries the map date as its creation date, not the clock.
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <map>
#include <string_view>

#include "base/handle.hpp"
#include "render/draw.hpp"
#include "render/drawing.hpp"
#include "render/png_writer.hpp"
#include "render/render.hpp"

namespace peermap::render {

namespace {

using Surface = Handle<cairo_surface_t, cairo_surface_destroy>;
using Context = Handle<cairo_t, cairo_destroy>;

//! How far a screenful's flattened curves may stray, in pixels (cairo's default is 0.1).
constexpr double kScreenfulTolerance = 0.5;

//! cairo numbers SVG surfaces from a process-wide counter; renumbering them in order of first
//! appearance makes the same map give the same bytes in a long-running process too. No user
//! text appears in cairo's SVG (text is drawn as glyph outlines, or added after), so the word is
//! always an id.
std::string renumber_svg_surfaces(const std::string& svg) {
  static constexpr std::string_view kWord = "surface";
  std::string out;
  out.reserve(svg.size());
  std::map<std::string, std::size_t, std::less<>> ids;
  std::size_t at = 0;
  while (at < svg.size()) {
    const std::size_t hit = svg.find(kWord, at);
    if (hit == std::string::npos) {
      out.append(svg, at, std::string::npos);
      break;
    }
    const std::size_t digits = hit + kWord.size();
    std::size_t end = digits;
    while (end < svg.size() && std::isdigit(static_cast<unsigned char>(svg[end])) != 0) ++end;
    out.append(svg, at, digits - at);
    if (end > digits) {
      const auto [id, inserted] = ids.emplace(svg.substr(digits, end - digits), ids.size() + 1);
      out += std::to_string(id->second);
    }
    at = end;
  }
  return out;
}

//! A surface of the page's size writing into `bytes` (SVG, PDF) or an image (PNG).
Surface make_surface(const Page& page, const FileOptions& options, std::string& bytes) {
  const Paper& paper = page.paper;
  switch (options.format) {
    case Format::Svg: {
      Surface surface(
          cairo_svg_surface_create_for_stream(append_to_string, &bytes, paper.width, paper.height));
      cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PT);
      return surface;
    }
    case Format::Pdf: {
      Surface surface(
          cairo_pdf_surface_create_for_stream(append_to_string, &bytes, paper.width, paper.height));
      // A fixed creation date keeps the bytes reproducible; the map's own date is the honest one.
      cairo_pdf_surface_set_metadata(
          surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
          (page.document.map.map_date.to_string() + "T00:00:00Z").c_str());
      cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "peermap");
      return surface;
    }
    case Format::Png: {
      if (options.png_area) {
        const auto [width, height] = area_pixels(*options.png_area);
        return Surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
      }
      const double pixel_scale = options.png_dpi / 72.0;
      return Surface(cairo_image_surface_create(
          CAIRO_FORMAT_RGB24, static_cast<int>(std::ceil(paper.width * pixel_scale)),
          static_cast<int>(std::ceil(paper.height * pixel_scale))));
    }
  }
  return nullptr;
}

}  // namespace

std::optional<Format> format_for_path(std::string_view path) {
  const auto ends = [&](std::string_view suffix) {
    if (path.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
      const auto c = static_cast<unsigned char>(path[path.size() - suffix.size() + i]);
      if (std::tolower(c) != suffix[i]) return false;
    }
    return true;
  };
  if (ends(".svg")) return Format::Svg;
  if (ends(".png")) return Format::Png;
  if (ends(".pdf")) return Format::Pdf;
  return std::nullopt;
}

std::pair<int, int> area_pixels(const PageArea& area) {
  const int width = std::max(area.pixels_wide, 1);
  const double height = area.width > 0 ? std::ceil(area.height * width / area.width) : 1;
  return {width, std::max(static_cast<int>(height), 1)};
}

Result<std::string> write_page(const Page& page, const FileOptions& options) {
  std::string bytes;
  const bool svg_text = options.format == Format::Svg && options.svg_text;
  std::vector<TextRun> runs;
  if (spent(options.out_of_time)) return out_of_time_error();
  const Surface surface = make_surface(page, options, bytes);
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return cairo_error(cairo_surface_status(surface.get()));
  }
  {
    const Context cr(cairo_create(surface.get()));
    if (options.format == Format::Png && options.png_area) {
      const PageArea& area = *options.png_area;
      const double pixel_scale = area.pixels_wide / area.width;
      cairo_scale(cr.get(), pixel_scale, pixel_scale);
      cairo_translate(cr.get(), -area.x, -area.y);
      // A screenful is shown only until the whole SVG has come: its curves flattened to half
      // a pixel and its lines and shapes smoothed more coarsely, a third quicker to draw. Its
      // words are smoothed as every file's are.
      cairo_set_tolerance(cr.get(), kScreenfulTolerance);
      cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_FAST);
    } else {
      const double pixel_scale = options.format == Format::Png ? options.png_dpi / 72.0 : 1;
      cairo_scale(cr.get(), pixel_scale, pixel_scale);
    }
    if (auto drawn = draw_page_text_to(cr.get(), page, svg_text ? &runs : nullptr); !drawn) {
      return drawn.error();
    }
  }
  if (spent(options.out_of_time)) return out_of_time_error();  // the file is not written out
  if (options.format == Format::Png) {
    cairo_surface_flush(surface.get());
    if (options.png_area) return encode_png_fast(surface.get());
    const auto status = cairo_surface_write_to_png_stream(surface.get(), append_to_string, &bytes);
    if (status != CAIRO_STATUS_SUCCESS) {
      return Error{ErrorKind::Internal, "cairo: cannot write PNG"};
    }
  }
  cairo_surface_finish(surface.get());  // SVG and PDF surfaces write most of their bytes here
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return cairo_error(cairo_surface_status(surface.get()));
  }
  // Renumbered before the words go in: only cairo's own ids hold the word "surface".
  if (svg_text) return with_svg_text(renumber_svg_surfaces(bytes), runs);
  if (options.format == Format::Svg) return renumber_svg_surfaces(bytes);
  return bytes;
}

cairo_status_t append_to_string(void* closure, const unsigned char* data,
                                unsigned int length) noexcept {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (...) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

}  // namespace peermap::render
