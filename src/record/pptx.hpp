// The map and the record as an editable PowerPoint (issue 12; docs/record.md, "PowerPoint").
// Slide 1 is the map as native shapes: a shape per person with their name as its text, a
// connector per tie glued to both people's shapes (moving a person in PowerPoint keeps its lines
// attached), regions as freeform shapes and the key as shapes; the marking at the top and the
// bottom of every slide. The slides after it hold the information register, the risks and
// strengths, the information gaps and the outcomes and actions as native tables, in the
// record's own words (record_blocks).
#pragma once

#include <string>

#include "base/result.hpp"
#include "model/document.hpp"
#include "record/record.hpp"

namespace peermap::record {

//! The .pptx file's bytes: a plain presentation (no macros, no external relationships, no
//! embedded objects; all user text is XML text). Same document and options, same bytes.
//! Errors: options_fault's (Invalid), the layout's or the analysis's, libzip's (Internal).
[[nodiscard]] Result<std::string> write_record_pptx(const model::Document& document,
                                                    const RecordOptions& options);

}  // namespace peermap::record
