// Copies for an audience (issue 12; docs/copies.md): the table from each grading scheme's handling
// code to the audiences that may receive an item, and the copy itself, a Document holding only
// what its audience may receive. render::prepare_page applies it as part of the View, so the map,
// the record and every face read the same copy.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "model/document.hpp"

namespace peermap::model {

//! The neutral words that stand in free text for the name of someone a copy withholds.
inline constexpr std::string_view kWithheldName = "[name withheld]";

//! "Jayden Carter" -> "J. C." (the first code point of each word).
[[nodiscard]] std::string initials(std::string_view name);

//! The audience a copy's name ("partner") stands for; nullopt for any other name.
[[nodiscard]] std::optional<Audience> audience_named(std::string_view name);
//! The audience's name in the format and on the command line ("record-of-another-child").
[[nodiscard]] std::string_view audience_name(Audience audience);
//! What a copy calls itself on its face: "FAMILY COPY", "COPY FOR ANOTHER CHILD'S RECORD".
[[nodiscard]] std::string copy_title(Audience audience);

//! Whether `audience` may receive `item` (docs/copies.md's table): the internal copy every item;
//! another audience what the item's recorded handling audiences allow, else what its handling
//! code allows by default, and never what the code forbids outright (5x5x5 code 4). O(1).
[[nodiscard]] bool may_receive(const InformationItem& item, Audience audience);

//! Why a copy for `audience` with `reason` cannot be made (another child's record needs a
//! stated reason), without the parameter's name; nullopt when it can.
[[nodiscard]] std::optional<std::string> copy_fault(Audience audience, const std::string& reason);

//! A copy for an audience.
struct Copy {
  Document document;         //!< what the audience may receive
  std::size_t withheld = 0;  //!< information items withheld under their handling
};

//! The document as `audience` may receive it. Every item it may not receive is left out, and so
//! is everything resting only on such items: a tie, sighting, person, place or group that items
//! are about, none of them permitted, with no remaining tie or sighting to hold it; the risks,
//! gaps and actions about only what is gone; every pin (a copy is laid out afresh, so no gap
//! shows where someone was). A withheld name (full or known-as, and each part of it not shared
//! with a name the copy keeps) becomes kWithheldName in every free text; in the family copy,
//! children other than the subjects are named by initials, in free text too. Internal: the
//! document as it is. O(size of the document x names).
[[nodiscard]] Copy copy_for(const Document& document, Audience audience);

}  // namespace peermap::model
