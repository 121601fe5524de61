// Findings about age and identity (guidance §5, "ages"): someone who turned 18 within the period
// the map's information covers or turns 18 before the review date, partner ties between a child
// and an adult, large age gaps between children, and the people whose age or identity is not
// known, never silently counted as children. docs/analysis.md, "Age and identity".
#pragma once

#include <optional>
#include <vector>

#include "analysis/findings.hpp"
#include "model/date.hpp"
#include "model/document.hpp"

namespace peermap::analysis {

//! Children whose ages differ by at least this many whole years have a "large age gap".
inline constexpr int kLargeAgeGapYears = 3;

//! The day someone with this date of birth turns 18 (29 February: 1 March in other years).
[[nodiscard]] model::Date eighteenth_birthday(const model::Date& born);

//! The earliest date of the map's information: its items (observed, else recorded) and
//! sightings; nullopt when none is dated. O(items + sightings).
[[nodiscard]] std::optional<model::Date> information_start(const model::Document& document);

//! Kind "age": turning 18 (within the information's period, or before the review date), partner
//! ties between a child and an adult (or someone whose age is not known), and ties between
//! children at least kLargeAgeGapYears apart (family ties excepted); ages at the map date, with
//! the information's dates where a person's status as child or adult differed then. Kind "gap":
//! "identity not known" (street name only, or no name), "age not known", and a child with no
//! date of birth. O(people + ties x items about them).
[[nodiscard]] std::vector<Finding> age_findings(const model::Document& document);

}  // namespace peermap::analysis
