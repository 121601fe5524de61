#include "record/pptx.hpp"

#include "analysis/network.hpp"
#include "analysis/report.hpp"
#include "record/pptx_map_slide.hpp"
#include "record/pptx_package.hpp"
#include "record/pptx_parts.hpp"
#include "record/pptx_tables.hpp"
#include "record/sections.hpp"
#include "render/page.hpp"

namespace peermap::record {

Result<std::string> write_record_pptx(const model::Document& document,
                                      const RecordOptions& options) {
  if (auto fault = options_fault(options)) return Error{ErrorKind::Invalid, *fault};
  model::View view;
  view.seed = options.seed;
  view.audience = options.audience;
  auto page = render::prepare_page(document, view);
  if (!page) return page.error();
  const model::Document& shown = page->document;
  auto network = analysis::network_from_document(shown);
  if (!network) return network.error();
  auto report = analysis::analyze(std::move(network.value()), &shown);
  if (!report) return report.error();
  const std::vector<Block> blocks = record_blocks(shown, report.value(), options);
  const pptx::SlideSize size{page->paper.width, page->paper.height};
  const std::vector<pptx::TablePage> tables = pptx::table_pages(blocks, size);
  const std::size_t count = 1 + tables.size();
  std::vector<std::string> slides;
  slides.push_back(pptx::map_slide(page.value(), count));
  for (std::size_t k = 0; k < tables.size(); ++k) {
    slides.push_back(pptx::table_slide(shown, tables[k], k + 2, count, size));
  }
  return pptx::zip_parts(pptx::package_parts(slides, shown.map.title, shown.map.map_date, size));
}

}  // namespace peermap::record
