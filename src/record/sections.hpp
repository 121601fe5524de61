// Private to record: the record's sections (docs/record.md) as flow blocks, in words and
// tables, with full names throughout.
#pragma once

#include <cstddef>
#include <vector>

#include "analysis/report.hpp"
#include "model/document.hpp"
#include "record/flow.hpp"
#include "record/record.hpp"
#include "render/page.hpp"

namespace peermap::record {

//! Every section after the map page, in order: a copy's statement (which copy, `withheld` items
//! withheld, the reason), the exercise, meetings, people, places and
//! groups, the information register, sightings, risks and strengths, information gaps (recorded
//! and detected), the analysis's findings, outcomes and actions, the review, and this record.
//! `report` is the analysis of `document`. O(size of the document + findings).
[[nodiscard]] std::vector<Block> record_blocks(const model::Document& document,
                                               const analysis::Report& report,
                                               const RecordOptions& options, std::size_t withheld);

//! What the record and the PowerPoint are made from: the map page as the copy's audience may
//! receive it (model::copy_for, in the view), and the analysis of that page's document.
struct RecordInputs {
  render::Page page;
  analysis::Report report;
};

//! options_fault's error (Invalid), then the page (render::prepare_page, within
//! options.out_of_time) and its analysis; their errors.
[[nodiscard]] Result<RecordInputs> record_inputs(const model::Document& document,
                                                 const RecordOptions& options);

//! "revision 12", or empty when the record has no revision: the footer's words for it.
[[nodiscard]] std::string revision_words(const RecordOptions& options);

}  // namespace peermap::record
