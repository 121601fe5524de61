// The vocabulary of peermap/1: the names the document gives its enumerated fields and sections
// (docs/format.md). Reader and writer both spell every name from these tables.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "model/document.hpp"

namespace peermap::model {

//! The format's own name, the first field of every document.
inline constexpr std::string_view kFormat = "peermap/1";

//! The names one enumerated field accepts. Where the field has an enum, the names are in the
//! enum's declaration order, so a name's index is the enum value.
using Names = std::span<const std::string_view>;

inline constexpr std::array<std::string_view, 5> kStatusNames{"pre-mapping", "meeting", "outcomes",
                                                              "review-due", "closed"};
inline constexpr std::array<std::string_view, 5> kGenderNames{"female", "male", "non-binary",
                                                              "other", "unknown"};
inline constexpr std::array<std::string_view, 6> kRoleNames{
    "subject-child", "peer", "adult-of-concern", "family", "professional", "other"};
inline constexpr std::array<std::string_view, 3> kNameStatusNames{"full", "unknown",
                                                                  "street-name-only"};
inline constexpr std::array<std::string_view, 3> kTieKindNames{"relationship", "frequents",
                                                               "member-of"};
inline constexpr std::array<std::string_view, 4> kValenceNames{"unknown", "risky", "protective",
                                                               "mixed"};
inline constexpr std::array<std::string_view, 2> kEvidenceNames{"evidenced", "anecdotal"};
inline constexpr std::array<std::string_view, 7> kAgeBands{"under-10", "10-12", "13-15",  "16-17",
                                                           "18-24",    "25+",   "unknown"};
inline constexpr std::array<std::string_view, 12> kLocationKinds{
    "school",          "park",          "shop",       "home",
    "hotel",           "transport-hub", "youth-club", "sports-club",
    "shopping-centre", "estate",        "online",     "other"};
inline constexpr std::array<std::string_view, 6> kGroupKinds{"friendship",  "gang",   "school-year",
                                                             "sports-team", "online", "other"};
inline constexpr std::array<std::string_view, 8> kNatures{
    "friend", "family", "partner", "associate", "online", "professional", "rival", "other"};
inline constexpr std::array<std::string_view, 2> kRiskKinds{"risk", "strength"};
inline constexpr std::array<std::string_view, 10> kActionTypes{
    "csc-referral",          "ypdas-referral", "yps-referral",        "pimm-referral",
    "strategy-meeting",      "cefh-meeting",   "disruption-planning", "safety-plan",
    "information-gathering", "other"};
inline constexpr std::array<std::string_view, 4> kAudienceNames{"internal", "partner", "family",
                                                                "record-of-another-child"};
inline constexpr std::array<std::string_view, 3> kActionStatuses{"open", "done", "cancelled"};

//! An information item's grading scheme; the scheme decides which grades it has.
enum class GradingScheme { Simple, ThreeByFiveByTwo, FiveByFiveByFive };
inline constexpr std::array<std::string_view, 3> kSchemeNames{"simple", "3x5x2", "5x5x5"};
inline constexpr std::array<std::string_view, 5> kLettersAE{"A", "B", "C", "D", "E"};
inline constexpr std::array<std::string_view, 2> kHandling3x5x2{"P", "C"};

//! The top-level fields in document order; problems are sorted by this order.
inline constexpr std::array<std::string_view, 14> kSections{
    "format",    "map",   "people", "locations", "groups",   "ties",    "information",
    "sightings", "risks", "gaps",   "actions",   "meetings", "ecomaps", "pins"};

//! The name of an enum value, from its field's table.
template <typename E>
[[nodiscard]] std::string_view name_of(Names names, E value) {
  return names[static_cast<std::size_t>(value)];
}

//! The enum value a name stands for in its field's table; nullopt for a name it does not have.
template <typename E>
[[nodiscard]] std::optional<E> named(Names names, std::string_view name) {
  const auto found = std::find(names.begin(), names.end(), name);
  if (found == names.end()) return std::nullopt;
  return static_cast<E>(found - names.begin());
}

//! The document's names for a role ("subject-child", ...) and a gender ("non-binary", ...), and
//! back; nullopt for a name the format does not have.
[[nodiscard]] std::string_view role_name(Role role);
[[nodiscard]] std::optional<Role> role_named(std::string_view name);
[[nodiscard]] std::string_view gender_name(Gender gender);
[[nodiscard]] std::optional<Gender> gender_named(std::string_view name);

}  // namespace peermap::model
