// The peer map document (format peermap/1): plain types, no behaviour beyond lookups.
// docs/format.md describes every field; this header mirrors it one-to-one.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"

namespace peermap::model {

enum class Status { PreMapping, Meeting, Outcomes, ReviewDue, Closed };
enum class Gender { Female, Male, NonBinary, Other, Unknown };
enum class Role { SubjectChild, Peer, AdultOfConcern, Family, Professional, Other };
enum class NameStatus { Full, Unknown, StreetNameOnly };
enum class TieKind { Relationship, Frequents, MemberOf };
enum class Valence { Unknown, Risky, Protective, Mixed };
enum class Evidence { Evidenced, Anecdotal };
//! Who a copy of the map is for (docs/copies.md): the map's own team and the subject child's
//! record, another agency of the partnership, the child's family, or another child's record.
enum class Audience { Internal, Partner, Family, RecordOfAnotherChild };

struct MapInfo {
  std::string title;
  std::string purpose;
  std::vector<std::string> concern_types;
  std::vector<std::string> subject_children;  //!< person ids
  Status status = Status::PreMapping;
  Date map_date;
  std::optional<Date> review_date;
  std::string owning_team;
  std::string protective_marking = "OFFICIAL-SENSITIVE";
  int recent_window_days = 180;
  bool operator==(const MapInfo&) const = default;
};

struct Person {
  std::string id;
  std::string full_name;
  NameStatus name_status = NameStatus::Full;
  std::vector<std::string> known_as;
  std::optional<Date> date_of_birth;
  std::string age_band;       //!< empty when not given
  std::optional<bool> adult;  //!< as written in the file, if at all
  Gender gender = Gender::Unknown;
  Role role = Role::Peer;
  std::string school;
  std::vector<std::string> services;
  bool roth = false;
  std::string notes;
  std::string agency;     //!< a professional's agency (the school, the police, CSC)
  std::string job_title;  //!< a professional's job title ("Designated Safeguarding Lead")
  bool operator==(const Person&) const = default;
};

struct Location {
  std::string id;
  std::string name;
  std::string kind;
  std::string notes;
  //! Whether the place itself protects or endangers the children who go there (a youth club,
  //! say, or a known drug-dealing spot), apart from any one person's ties.
  Valence valence = Valence::Unknown;
  bool operator==(const Location&) const = default;
};

struct Group {
  std::string id;
  std::string name;
  std::string kind;
  std::string notes;
  Valence valence = Valence::Unknown;  //!< as Location::valence, for the group itself
  bool operator==(const Group&) const = default;
};

struct Tie {
  std::string id;
  TieKind kind = TieKind::Relationship;
  std::string from;
  std::string to;
  std::string nature = "associate";
  int strength = 1;  //!< 1 weak .. 3 strong
  bool tension = false;
  std::optional<std::string> exploitation_by;  //!< the controlling person
  std::optional<std::string> influence_leader;
  Valence valence = Valence::Unknown;
  std::string notes;
  bool operator==(const Tie&) const = default;
};

struct Grading {
  std::string scheme;            //!< "simple", "3x5x2" or "5x5x5"; empty when ungraded
  std::optional<bool> reliable;  //!< simple
  std::string source;            //!< "1".."3" (3x5x2) or "A".."E" (5x5x5)
  std::string intelligence;      //!< "A".."E" (3x5x2) or "1".."5" (5x5x5)
  std::string handling;          //!< "P"/"C" (3x5x2) or "1".."5" (5x5x5)
  bool operator==(const Grading&) const = default;
};

//! An item's handling conditions as recorded (docs/copies.md): what they say, and the
//! audiences they allow. Without `audiences` the grading's handling code decides alone.
struct Handling {
  std::string conditions;                          //!< "not to be shared with the family"
  std::optional<std::vector<Audience>> audiences;  //!< who may receive it; internal always may
  bool operator==(const Handling&) const = default;
};

struct InformationItem {
  std::string id;
  std::string summary;
  std::string source_agency;
  std::string source_person;
  //! When it happened: the first day it may have been. A month, a year or a range is known
  //! less precisely: `observed_precision` says which, and `observed_to` is its last day.
  std::optional<Date> observed;
  std::optional<Date> recorded;
  Evidence evidence = Evidence::Anecdotal;
  Grading grading;
  std::vector<std::string> about;  //!< people, places, groups, ties or sightings
  DatePrecision observed_precision = DatePrecision::Day;
  std::optional<Date> observed_to;  //!< the last day `observed` may have been; nullopt: that day
  Handling handling;
  bool operator==(const InformationItem&) const = default;
};

struct Sighting {
  std::string id;
  std::vector<std::string> people;
  std::string location;  //!< empty when not known
  Date date;             //!< the first day it may have been (date_precision)
  std::string seen_by;
  std::string notes;
  DatePrecision date_precision = DatePrecision::Day;
  std::optional<Date> date_to;  //!< the last day `date` may have been; nullopt: that day
  bool operator==(const Sighting&) const = default;
};

struct RiskOrStrength {
  std::string id;
  bool is_strength = false;
  std::string about;
  std::string description;
  bool operator==(const RiskOrStrength&) const = default;
};

struct InformationGap {
  std::string id;
  std::string question;
  std::vector<std::string> about;
  std::string owner;
  std::optional<Date> due;
  bool operator==(const InformationGap&) const = default;
};

struct Action {
  std::string id;
  std::string type;
  std::string description;
  std::vector<std::string> about;
  std::string owner;
  std::optional<Date> due;
  std::string status = "open";
  std::string owner_person;  //!< the person on the map who owns it; may be empty
  bool operator==(const Action&) const = default;
};

struct Attendee {
  std::string name;
  std::string agency;
  std::string role;
  std::string person;  //!< the person on the map this attendee is (a professional); may be empty
  bool operator==(const Attendee&) const = default;
};

struct Meeting {
  std::string id;
  Date date;
  std::string objectives;
  std::vector<Attendee> attendees;
  bool operator==(const Meeting&) const = default;
};

struct EcomapPlacement {
  std::string ref;
  int ring = 1;  //!< 1 closest .. 4 furthest
  bool operator==(const EcomapPlacement&) const = default;
};

struct Ecomap {
  std::string centre;
  std::vector<EcomapPlacement> placements;
  std::string notes;
  bool operator==(const Ecomap&) const = default;
};

struct Pin {
  std::string ref;
  double x = 0;
  double y = 0;
  bool operator==(const Pin&) const = default;
};

//! One peer mapping exercise.
struct Document {
  MapInfo map;
  std::vector<Person> people;
  std::vector<Location> locations;
  std::vector<Group> groups;
  std::vector<Tie> ties;
  std::vector<InformationItem> information;
  std::vector<Sighting> sightings;
  std::vector<RiskOrStrength> risks;
  std::vector<InformationGap> gaps;
  std::vector<Action> actions;
  std::vector<Meeting> meetings;
  std::vector<Ecomap> ecomaps;
  std::vector<Pin> pins;

  [[nodiscard]] const Person* find_person(const std::string& id) const;
  [[nodiscard]] const Location* find_location(const std::string& id) const;
  [[nodiscard]] const Group* find_group(const std::string& id) const;
  [[nodiscard]] const Ecomap* find_ecomap(const std::string& centre) const;
  [[nodiscard]] bool is_subject(const std::string& person_id) const;
  bool operator==(const Document&) const = default;  //!< for round trips and revision diffs
};

//! Adult at the map date: date of birth first, then the explicit flag, then age band, then role.
[[nodiscard]] bool is_adult(const Person& person, const Date& map_date);

//! What is known of a person's age.
enum class AgeClass { Child, Adult, NotKnown };

//! A person's age class at `on`: from the date of birth, else the explicit adult flag, else a
//! known age band, else by role (an adult of concern or a professional is an adult, a subject
//! child a child); anyone else is NotKnown, never silently a child. Where it is Child or Adult
//! it agrees with is_adult.
[[nodiscard]] AgeClass age_class(const Person& person, const Date& on);

//! The person's identity is not known: their name is not known, or only a street name is.
[[nodiscard]] inline bool identity_not_known(const Person& person) {
  return person.name_status != NameStatus::Full;
}

//! Age in whole years on `on`.
[[nodiscard]] int age_on(const Date& birth, const Date& on);

}  // namespace peermap::model
