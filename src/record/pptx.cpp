#include "record/pptx.hpp"

#include "model/copies.hpp"
#include "record/pptx_map_slide.hpp"
#include "record/pptx_package.hpp"
#include "record/pptx_parts.hpp"
#include "record/pptx_tables.hpp"
#include "record/sections.hpp"
#include "render/page.hpp"

namespace peermap::record {

Result<std::string> write_record_pptx(const model::Document& document,
                                      const RecordOptions& options) {
  auto inputs = record_inputs(document, options);
  if (!inputs) return inputs.error();
  const render::Page& page = inputs->page;
  const model::Document& shown = page.document;
  const std::vector<Block> blocks = record_blocks(shown, inputs->report, options, page.withheld);
  std::string face;
  if (options.audience != model::Audience::Internal) {  // as the record's map page says it
    const std::size_t n = page.withheld;
    face = model::copy_title(options.audience) + ": " + std::to_string(n) +
           (n == 1 ? " information item" : " information items") +
           " withheld under their handling conditions.";
    if (!options.reason.empty()) face += " Reason: " + options.reason;
  }
  const pptx::Deck size{page.paper.width, page.paper.height, face};
  const std::vector<pptx::TablePage> tables = pptx::table_pages(blocks, size);
  const std::size_t count = 1 + tables.size();
  std::vector<std::string> slides;
  slides.push_back(pptx::map_slide(page, count, face));
  for (std::size_t k = 0; k < tables.size(); ++k) {
    slides.push_back(pptx::table_slide(shown, tables[k], k + 2, count, size));
  }
  return pptx::zip_parts(pptx::package_parts(slides, shown.map.title, shown.map.map_date, size));
}

}  // namespace peermap::record
