// Internal to record: the record's tables (record_blocks) as native PowerPoint tables, a slide
// per page of rows, the header row repeated on each.
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"
#include "record/flow.hpp"
#include "record/pptx_parts.hpp"

namespace peermap::record::pptx {

//! One slide's worth of a table: its title ("Information register, 2 of 3") and rows.
struct TablePage {
  std::string title;
  const Table* table = nullptr;
  std::size_t first = 0;  //!< the first row on this slide
  std::size_t count = 0;  //!< rows on this slide
};

//! The register, the risks and strengths, the gaps and the actions from `blocks`, cut into
//! slides of rows that fit (a row taller than a slide goes alone).
[[nodiscard]] std::vector<TablePage> table_pages(const std::vector<Block>& blocks,
                                                 const Deck& size);

//! The slide `number` of `count` holding `page`.
[[nodiscard]] std::string table_slide(const model::Document& document, const TablePage& page,
                                      std::size_t number, std::size_t count, const Deck& size);

}  // namespace peermap::record::pptx
