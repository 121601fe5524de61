// How well each relationship tie of a document is evidenced (guidance: "the strength of the
// evidence" and "gaps in information"): a score from the grading and the age of the information
// items about it, whether it rests only on anecdotal or historic information, and when its two
// people were last seen together. docs/analysis.md gives the formula and the thresholds.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/document.hpp"

namespace peermap::analysis {

//! A tie whose two people have not been seen together for longer than this before the map date
//! (or never) has "no recent sighting": an information gap.
inline constexpr int kSightingWindowDays = 90;

//! The least an item's age leaves of its worth: a 2023 arrest together is weak evidence in 2026,
//! not no evidence.
inline constexpr double kRecencyFloor = 0.1;

//! What the document says for one relationship tie.
struct TieSupport {
  std::string tie;   //!< the tie's id
  std::string from;  //!< its two people's ids, as the tie gives them
  std::string to;
  //! 0 (nothing) .. 1: 1 - prod(1 - grade x recency) over the tie's information items.
  double evidence = 0;
  int items = 0;                //!< information items naming the tie
  bool anecdotal_only = false;  //!< items, none of them evidenced
  bool historic_only = false;   //!< items, all dated before the recent window
  //! At least one evidenced item that is not historic: the tie rests on evidenced, recent
  //! information (the "firm" network of docs/analysis.md).
  bool evidenced_recent = false;
  std::optional<model::Date> newest;     //!< the newest item's date (observed, else recorded)
  std::optional<model::Date> last_seen;  //!< the newest sighting with both people in it
  std::string last_sighting;             //!< that sighting's id; empty when never seen together
  //! Not seen together within kSightingWindowDays of the map date. Ties to a professional are
  //! never flagged: their contact is recorded as work, not as sightings.
  bool no_recent_sighting = false;
};

//! The state of a tie's evidence, in words: "no information" (no item names it), "anecdotal
//! only", "historic only", "anecdotal and historic only" "evidenced and recent", or
//! "evidenced only historically" (its evidenced items are old, its recent ones anecdotal).
[[nodiscard]] std::string evidence_state(const TieSupport& tie);

//! A tie's evidence strength as the findings print it: "0.16", or "no information".
[[nodiscard]] std::string evidence_text(const TieSupport& tie);

//! How much one information item is worth, 0 .. 1: source reliability x how well the
//! information is known, by its grading scheme (3x5x2, 5x5x5, simple) or, ungraded, as an
//! untested source. Where the scheme does not grade the information itself, evidenced counts
//! as known indirectly but corroborated (0.8) and anecdotal as known indirectly (0.6).
[[nodiscard]] double item_grade(const model::InformationItem& item);

//! How much an item's age leaves of its worth, 0 .. 1: halved for every recent window
//! (`recent_window_days`, default 180) between its date (observed, else recorded) and the map
//! date, but never below kRecencyFloor (old information still counts for something); 1 for items
//! dated on or after the map date; 0.5 for undated items.
[[nodiscard]] double item_recency(const model::InformationItem& item, const model::MapInfo& map);

//! Every relationship tie in document order. O(ties + items x about + sightings x people^2).
[[nodiscard]] std::vector<TieSupport> tie_support(const model::Document& document);

}  // namespace peermap::analysis
