// The case record as a PDF: the map page drawn by render (on its own paper, A4 unless the map
// needs a larger sheet to stay legible), then the sections on A4 landscape pages, every page
// with the marking at the top and bottom, the title, the map date and "page N of M".
#include "record/record.hpp"

#include <cairo-pdf.h>

#include "analysis/network.hpp"
#include "analysis/report.hpp"
#include "base/handle.hpp"
#include "layout/pango_text.hpp"
#include "model/copies.hpp"
#include "model/full_name.hpp"
#include "record/flow.hpp"
#include "record/sections.hpp"
#include "render/draw.hpp"

namespace peermap::record {

namespace {

using Surface = Handle<cairo_surface_t, cairo_surface_destroy>;
using Context = Handle<cairo_t, cairo_destroy>;

// A4 landscape, in points, and the furniture around the text column.
constexpr double kPageWidth = 841.89;
constexpr double kPageHeight = 595.28;
constexpr double kMargin = 36;
constexpr double kHeaderRule = 58;
constexpr double kFooterRule = kPageHeight - 38;
constexpr double kFurnitureFont = 8.5;
constexpr double kMarkingFont = 10;
constexpr Ink kInk{0.13, 0.13, 0.13};
constexpr Ink kQuiet{0.4, 0.4, 0.4};
constexpr Ink kMarking{0.70, 0.0, 0.0};  // render's marking colour (render/key.hpp)

Error cairo_failure(cairo_status_t status) {
  return Error{ErrorKind::Internal, std::string("cairo: ") + cairo_status_to_string(status)};
}

std::string marking_of(const model::Document& d) {
  return d.map.protective_marking.empty() ? "OFFICIAL-SENSITIVE" : d.map.protective_marking;
}

std::string page_words(std::size_t n, std::size_t of) {
  return "page " + std::to_string(n) + " of " + std::to_string(of);
}

//! A record page's header and footer: the marking at the top and the bottom, the title and the
//! map date, "Case record" with the revision, and the page number.
void draw_furniture(cairo_t* cr, PangoContext* context, const model::Document& d,
                    const std::string& revision, std::size_t page, std::size_t pages) {
  const std::string marking = marking_of(d);
  const double inner = kPageWidth - 2 * kMargin;
  draw_text(cr, context, marking, kMarkingFont, true, kMargin, 12, inner, kMarking,
            PANGO_ALIGN_CENTER);
  // The title in full would need three lines at worst; the header holds two (the exercise
  // section has it whole).
  draw_text(cr, context, d.map.title, 10, true, kMargin, 29, inner - 190, kInk, PANGO_ALIGN_LEFT,
            2);
  draw_text(cr, context, "Map date: " + d.map.map_date.to_string(), kFurnitureFont + 0.5, false,
            kMargin, 30, inner, kInk, PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb(cr, kQuiet.r, kQuiet.g, kQuiet.b);
  cairo_rectangle(cr, kMargin, kHeaderRule, inner, 0.6);
  cairo_rectangle(cr, kMargin, kFooterRule, inner, 0.6);
  cairo_fill(cr);
  const double y = kFooterRule + 7;
  draw_text(cr, context, "Case record" + (revision.empty() ? "" : " \u00b7 " + revision),
            kFurnitureFont, false, kMargin, y + 1, inner / 2 - 120, kQuiet, PANGO_ALIGN_LEFT);
  draw_text(cr, context, marking, kMarkingFont, true, kMargin, y, inner, kMarking,
            PANGO_ALIGN_CENTER);
  draw_text(cr, context, page_words(page, pages), kFurnitureFont, false, kMargin, y + 1, inner,
            kInk, PANGO_ALIGN_RIGHT);
}

}  // namespace

std::optional<std::string> options_fault(const RecordOptions& options) {
  if (auto fault = options.prepared_by.empty() ? std::nullopt
                                               : model::full_name_fault(options.prepared_by)) {
    return "--prepared-by: " + *fault + "; the record names who prepared it in full";
  }
  if (options.revision && *options.revision < 1) {
    return "--revision: " + std::to_string(*options.revision) + " is not a revision number";
  }
  if (auto fault = model::copy_fault(options.audience, options.reason))
    return "--reason: " + *fault;
  return std::nullopt;
}

Result<RecordInputs> record_inputs(const model::Document& document, const RecordOptions& options) {
  if (auto fault = options_fault(options)) return Error{ErrorKind::Invalid, *fault};
  // The copy's document (model::copy_for, in the view): the map page and every section read
  // only what the audience may receive.
  model::View view;
  view.seed = options.seed;
  view.audience = options.audience;
  view.reason = options.reason;
  auto page = render::prepare_page(document, view, nullptr, options.out_of_time);
  if (!page) return page.error();
  auto network = analysis::network_from_document(page->document);
  if (!network) return network.error();
  auto report = analysis::analyze(std::move(network.value()), &page->document);
  if (!report) return report.error();
  return RecordInputs{std::move(page.value()), std::move(report.value())};
}

Result<std::string> write_record_pdf(const model::Document& document,
                                     const RecordOptions& options) {
  auto inputs = record_inputs(document, options);
  if (!inputs) return inputs.error();
  const render::Page* page = &inputs->page;
  const model::Document& shown = page->document;
  const analysis::Report* report = &inputs->report;

  std::string bytes;
  const Surface surface(cairo_pdf_surface_create_for_stream(render::append_to_string, &bytes,
                                                            page->paper.width, page->paper.height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return cairo_failure(cairo_surface_status(surface.get()));
  }
  // A fixed creation date keeps the bytes reproducible; the map's own date is the honest one.
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
                                 (shown.map.map_date.to_string() + "T00:00:00Z").c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "peermap");
  {
    const Context cr(cairo_create(surface.get()));
    const Handle<PangoContext, g_object_unref> context(
        pango_font_map_create_context(layout::thread_font_map()));
    layout::configure_pango_context(context.get());
    pango_cairo_update_context(cr.get(), context.get());

    Flow flow(context.get(),
              {kMargin, kPageWidth - 2 * kMargin, kHeaderRule + 10, kFooterRule - 8});
    flow.paginate(record_blocks(shown, *report, options, page->withheld));
    if (spent(options.out_of_time)) return out_of_time_error();
    const std::size_t pages = 1 + flow.pages().size();

    if (auto drawn = render::draw_page(cr.get(), *page); !drawn) return drawn.error();
    // The map page has its own marking, title and dates; it gets the page number beside its
    // footer's marking.
    draw_text(cr.get(), context.get(), page_words(1, pages), kFurnitureFont, false, 0,
              page->paper.height - 16, page->paper.width - 24, kInk, PANGO_ALIGN_RIGHT);
    cairo_show_page(cr.get());
    // The outline (bookmarks) a viewer shows beside the pages: links inside the document only,
    // by page number, and the section titles are the record's own words, never user text.
    cairo_pdf_surface_add_outline(surface.get(), CAIRO_PDF_OUTLINE_ROOT, "The map", "page=1",
                                  static_cast<cairo_pdf_outline_flags_t>(0));
    for (std::size_t n = 0; n < flow.pages().size(); ++n) {
      for (const auto& section : flow.pages()[n].sections) {
        cairo_pdf_surface_add_outline(surface.get(), CAIRO_PDF_OUTLINE_ROOT, section.c_str(),
                                      ("page=" + std::to_string(n + 2)).c_str(),
                                      static_cast<cairo_pdf_outline_flags_t>(0));
      }
    }
    cairo_pdf_surface_set_size(surface.get(), kPageWidth, kPageHeight);
    std::string revision = revision_words(options);
    if (options.audience != model::Audience::Internal) {  // which copy, on every page
      revision += (revision.empty() ? "" : " \u00b7 ") + model::copy_title(options.audience);
    }
    for (std::size_t n = 0; n < flow.pages().size(); ++n) {
      cairo_set_source_rgb(cr.get(), 1, 1, 1);
      cairo_paint(cr.get());
      draw_furniture(cr.get(), context.get(), shown, revision, n + 2, pages);
      draw_flow_page(cr.get(), flow.pages()[n]);
      cairo_show_page(cr.get());
    }
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
      return cairo_failure(cairo_status(cr.get()));
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return cairo_failure(cairo_surface_status(surface.get()));
  }
  return bytes;
}

}  // namespace peermap::record
