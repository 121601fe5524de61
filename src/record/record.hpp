// The case record (issue 12; docs/record.md): the whole peer mapping exercise as one PDF for
// the subject child's file. Page 1 is the map with its key (render's draw_page); the pages after
// it give, in words and tables with full names, the exercise, meetings, people, the information
// register, sightings, risks and strengths, information gaps, the analysis's findings, outcomes
// and actions, the review and who prepared the record.
#pragma once

#include <optional>
#include <string>

#include "base/result.hpp"
#include "base/time_budget.hpp"
#include "model/date.hpp"
#include "model/document.hpp"
#include "model/view.hpp"

namespace peermap::record {

//! What the record says about itself, and whom it is for.
struct RecordOptions {
  std::optional<long long> revision;         //!< the map's revision number, if it has one
  std::optional<model::Date> revision_date;  //!< when that revision was saved
  std::string prepared_by;                   //!< the full name of who prepared the record
  unsigned seed = 1;                         //!< the map page's layout seed
  //! Who the record is for (docs/copies.md): a copy leaves out, before anything is laid out,
  //! what its audience may not receive, and says so on every page.
  model::Audience audience = model::Audience::Internal;
  std::string reason{};  //!< why a copy goes on another child's record (required for that copy)
  //! The time budget (the server's render gate), asked by the map page's layout and before the
  //! pages are drawn; when spent, the error is Unavailable (out_of_time_error()).
  OutOfTime out_of_time{};
};

//! Why `options` cannot make a record (a prepared_by that is not a full name, a copy for another
//! child's record without a reason), naming the option; nullopt when they can.
[[nodiscard]] std::optional<std::string> options_fault(const RecordOptions& options);

//! The record's PDF bytes. Same document and options, same bytes (the PDF's creation date is the
//! map date). The text is real text; the PDF has no script, links or attachments. Errors: the
//! options' (Invalid, options_fault), the layout's (Invalid) or the analysis's, cairo's
//! (Internal), the time budget's (Unavailable).
[[nodiscard]] Result<std::string> write_record_pdf(const model::Document& document,
                                                   const RecordOptions& options);

}  // namespace peermap::record
