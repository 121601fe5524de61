// Views of a document: what was known on a date ("--as-of").
#pragma once

#include <set>
#include <string>

#include "model/date.hpp"
#include "model/document.hpp"

namespace peermap::model {

//! The date information was known: when recorded, else when observed (the last day of a month,
//! a year or a range observed); nullopt if undated.
[[nodiscard]] std::optional<Date> known_since(const InformationItem& item);

//! Only what was known on `date`: information and sightings known later are dropped; a tie
//! whose every support came later is dropped (its information items, and the sightings of its
//! two people together), and so is a person (other than a subject child) about whom
//! everything came later. Undated things are kept: nothing says they were not known
//! (date_not_known names them). The map date becomes `date` when earlier.
[[nodiscard]] Document as_known_on(const Document& document, const Date& date);

//! In a view as known on a date, the relationship ties and the people (other than the subject
//! children) that nothing dated supports: no dated information about them, no sighting (of a
//! tie: of its two people together), and, for a person, no such tie of theirs. They are shown,
//! marked "date not known", never silently as known.
[[nodiscard]] std::set<std::string> date_not_known(const Document& viewed);

//! What the information items say about one tie (or anything else they are about).
struct TieEvidence {
  int items = 0;
  bool any_evidenced = false;
  bool any_recent = false;  //!< observed within recent_window_days of the map date, or undated
};

//! The evidence for `id` from every information item that names it. O(items).
[[nodiscard]] TieEvidence tie_evidence(const Document& document, const std::string& id);

}  // namespace peermap::model
