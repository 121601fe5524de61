// Private to the model's copies: the names in a copy's free text (issue 12: "no names leak
// through free text").
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"

namespace peermap::model {

//! In every free text of `copy` (the title and purpose, the names and notes of places and groups,
//! notes, summaries, sources, conditions, descriptions, questions, owners, objectives and
//! attendees): each name of `withheld_people`
//! (full and known-as, any case; each part of three letters or more, as written, unless a name
//! the copy shows has it too) and each of `withheld_names` (places, groups) becomes
//! kWithheldName. `family`: children other than the subjects are named by initials, in their own
//! entry and in free text. Names match whole words only. O(text x names).
void scrub_names(Document& copy, const std::vector<const Person*>& withheld_people,
                 const std::vector<std::string>& withheld_names, bool family);

}  // namespace peermap::model
