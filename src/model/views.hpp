// Views of a document: what was known on a date ("--as-of").
#pragma once

#include "model/date.hpp"
#include "model/document.hpp"

namespace peermap::model {

//! The date information was known: when recorded, else when observed; nullopt if undated.
[[nodiscard]] std::optional<Date> known_since(const InformationItem& item);

//! Only what was known on `date`: information and sightings known later are dropped; a tie
//! whose every information item came later is dropped, and so is a person (other than a
//! subject child) about whom everything came later. Undated things are kept: nothing says
//! they were not known. The map date becomes `date` when earlier.
[[nodiscard]] Document as_known_on(const Document& document, const Date& date);

}  // namespace peermap::model
