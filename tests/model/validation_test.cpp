// One scenario per validation rule: a small file under data/ with one fault (or, for the
// reference rules, one fault per reference field), and exactly the problems it must produce.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace peermap::model {
namespace {

struct Expected {
  std::string where;
  Severity severity;
  std::string says;  //!< a part of the message that tells the user what to fix
};

struct Scenario {
  std::string file;
  std::vector<Expected> problems;  //!< all of them, in order: nothing else may be reported
};

constexpr Severity E = Severity::Error;
constexpr Severity W = Severity::Warning;

// The files all start from valid-minimal.json: Amira Haddad (p1, subject), Jayden Clarke (p2),
// a relationship t1 between them and an information item i1 about it; map date 2024-05-20,
// today 2024-06-01.
std::vector<Scenario> scenarios() {
  return {
      // --- structure and types
      {"bad-malformed.json", {{"6:3", E, "malformed JSON"}}},
      {"bad-duplicate-key.json", {{"/people/1/role", E, "duplicate key \"role\""}}},
      {"bad-format.json", {{"/format", E, "expected \"peermap/1\""}}},
      {"bad-unknown-field.json", {{"/people/1/nickname", E, "unknown field \"nickname\""}}},
      {"bad-missing-required.json", {{"/people/1/role", E, "missing required field \"role\""}}},
      {"bad-wrong-type.json",
       {{"/ties/0/strength", E, "must be a whole number from 1 to 3, not a string"}}},
      {"bad-out-of-range.json", {{"/ties/0/strength", E, "allowed: 1 to 3"}}},
      {"bad-recent-window.json", {{"/map/recent_window_days", E, "allowed: 1 to 3650"}}},
      {"bad-enum.json",
       {{"/people/1/gender", E, "not one of: female, male, non-binary, other, unknown"}}},
      {"bad-action-type.json", {{"/actions/0/type", E, "not one of: csc-referral"}}},
      {"bad-subject-children-empty.json", {{"/map/subject_children", E, "at least 1 item"}}},
      {"bad-date.json", {{"/map/map_date", E, "not a calendar date"}}},
      {"bad-review-before-map.json",
       {{"/map/review_date", E, "2024-05-19 is before map_date 2024-05-20"}}},
      // --- ids and references
      {"bad-id-pattern.json", {{"/information/0/id", E, "not a valid id"}}},
      {"bad-duplicate-id.json",
       {{"/locations/0/id", E, "duplicate id \"p2\"; first used at /people/1/id"}}},
      {"bad-dangling-references.json",
       {{"/map/subject_children/1", E, "\"x-subject\" is not the id of a person"},
        {"/ties/1/from", E, "\"x-from\" is not the id of a person"},
        {"/ties/1/to", E, "\"x-to\" is not the id of a person"},
        {"/information/0/about/2", E, "\"x-about\" is not the id of"},
        {"/sightings/0/people/2", E, "\"x-seen\" is not the id of a person"},
        {"/sightings/0/location", E, "\"x-place\" is not the id of a location"},
        {"/risks/0/about", E, "\"x-risk\" is not the id of"},
        {"/gaps/0/about/0", E, "\"x-gap\" is not the id of anything"},
        {"/actions/0/about/0", E, "\"x-action\" is not the id of anything"},
        {"/ecomaps/0/centre", E, "\"x-centre\" is not the id of a person"},
        {"/ecomaps/0/placements/0/ref", E, "\"x-placed\" is not the id of a person or a location"},
        {"/pins/0/ref", E, "\"x-pinned\" is not the id of"}}},
      {"bad-reference-kinds.json",
       {{"/map/subject_children/1", E, "\"l1\" is a location, not a person"},
        {"/ties/1/to", E, "\"l1\" is a location, not a group"},
        {"/ties/2/to", E, "\"g1\" is a group, not a person"},
        {"/information/0/about/2", E, "\"i1\" is an information item, not"},
        {"/sightings/0/location", E, "\"g1\" is a group, not a location"},
        {"/risks/0/about", E, "\"t1\" is a tie, not"},
        {"/ecomaps/0/centre", E, "\"l1\" is a location, not a person"},
        {"/ecomaps/0/placements/0/ref", E, "\"g1\" is a group, not a person or a location"},
        {"/pins/0/ref", E, "\"i1\" is an information item"}}},
      // --- ties
      {"bad-tie-target-kind.json", {{"/ties/1/to", E, "\"p2\" is a person, not a location"}}},
      {"bad-self-tie.json", {{"/ties/1/to", E, "cannot join \"p2\" to itself"}}},
      {"bad-duplicate-relationship.json", {{"/ties/1", E, "first at /ties/0"}}},
      {"bad-exploitation-true.json", {{"/ties/0/exploitation", E, "needs a direction"}}},
      {"bad-exploitation-empty.json", {{"/ties/0/exploitation", E, "the controlling person"}}},
      {"bad-exploitation-not-an-end.json",
       {{"/ties/0/exploitation/by", E, "neither this tie's \"from\""}}},
      {"bad-influence-not-an-end.json",
       {{"/ties/0/influence/leader", E, "neither this tie's \"from\""}}},
      {"bad-relationship-only-field.json",
       {{"/ties/1/tension", E, "only allowed on relationship ties"}}},
      // --- people
      {"bad-name-single-word.json",
       {{"/people/1/full_name", E, "single word; use the full name, or set name_status"}}},
      {"bad-name-initial.json",
       {{"/people/1/full_name", E, "contains an initial (\"J.\"); use the full name"}}},
      {"bad-name-initials-run.json",
       {{"/people/1/full_name", E, "contains an initial (\"J.R.\")"}}},
      {"bad-attendee-initial.json",
       {{"/meetings/0/attendees/1/name", E,
         "contains an initial (\"D\"); use the attendee's full name"}}},
      {"bad-dob-after-map.json",
       {{"/people/1/date_of_birth", E, "2024-05-21 is after map_date 2024-05-20"}}},
      {"bad-adult-contradicts-dob.json",
       {{"/people/1/adult", E,
         "adult is true but date_of_birth 2008-05-21 gives age 15 on map_date 2024-05-20"}}},
      // --- information and grading
      {"bad-information-no-source.json",
       {{"/information/0/source", E, "missing required field \"source\""}}},
      {"bad-information-empty-agency.json",
       {{"/information/0/source/agency", E, "must not be empty"}}},
      {"bad-observed-future.json", {{"/information/0/observed", E, "2024-06-02 is in the future"}}},
      {"bad-recorded-before-observed.json",
       {{"/information/0/recorded", E, "2024-05-09 is before observed 2024-05-10"}}},
      {"bad-grading-scheme.json",
       {{"/information/0/grading/scheme", E, "not one of: simple, 3x5x2, 5x5x5"}}},
      {"bad-grading-3x5x2-source.json", {{"/information/0/grading/source", E, "allowed: 1 to 3"}}},
      {"bad-grading-3x5x2-handling.json",
       {{"/information/0/grading/handling", E, "not one of: P, C"}}},
      {"bad-grading-5x5x5-intelligence.json",
       {{"/information/0/grading/intelligence", E, "allowed: 1 to 5"}}},
      {"bad-grading-5x5x5-missing.json",
       {{"/information/0/grading/handling", E, "missing required field"}}},
      {"bad-grading-wrong-scheme-field.json",
       {{"/information/0/grading/handling", E, "unknown field \"handling\""}}},
      {"bad-grading-simple-type.json",
       {{"/information/0/grading/reliable", E, "must be true or false"}}},
      // --- sightings, ecomaps, pins
      {"bad-sighting-future.json",
       {{"/sightings/0/date", E, "2024-06-02 is in the future (today is 2024-06-01)"}}},
      {"bad-sighting-one-person.json", {{"/sightings/0/people", E, "at least 2 items, has 1"}}},
      {"bad-sighting-person-twice.json", {{"/sightings/0/people/1", E, "\"p1\" is listed twice"}}},
      {"bad-ecomap-twice.json",
       {{"/ecomaps/1/centre", E, "one ecomap per centre; first at /ecomaps/0/centre"}}},
      {"bad-ecomap-ring.json", {{"/ecomaps/0/placements/0/ring", E, "allowed: 1 to 4"}}},
      {"bad-pin-twice.json", {{"/pins/1/ref", E, "pinned twice; first at /pins/0/ref"}}},
      // --- warnings: the file is usable, the picture looks incomplete
      {"warn-tie-without-information.json",
       {{"/ties/0", W,
         "the relationship tie between \"Amira Haddad\" (p1) and \"Jayden Clarke\" (p2) (t1) has "
         "no information item"}}},
      {"warn-person-without-ties.json", {{"/people/2", W, "\"Kyle Mercer\" (p3) has no ties"}}},
      {"warn-sighting-untied.json",
       {{"/sightings/0/people", W,
         "no relationship tie between \"Amira Haddad\" (p1) and \"Kyle Mercer\" (p3); \"Jayden "
         "Clarke\" (p2) and \"Kyle Mercer\" (p3)"}}},
  };
}

class FileValidation : public testing::TestWithParam<Scenario> {};

TEST_P(FileValidation, ReportsExactlyTheExpectedProblems) {
  const Scenario& scenario = GetParam();
  const ParseOutcome outcome = parse_data(scenario.file);
  ASSERT_EQ(outcome.problems.size(), scenario.problems.size()) << listing(outcome);
  for (std::size_t i = 0; i < scenario.problems.size(); ++i) {
    const Expected& expected = scenario.problems[i];
    const Problem& actual = outcome.problems[i];
    EXPECT_EQ(actual.where, expected.where) << listing(outcome);
    EXPECT_EQ(actual.severity, expected.severity) << actual;
    EXPECT_NE(actual.message.find(expected.says), std::string::npos)
        << actual << "\n  should say: " << expected.says;
  }
  const bool any_error = std::any_of(scenario.problems.begin(), scenario.problems.end(),
                                     [](const Expected& e) { return e.severity == E; });
  EXPECT_EQ(outcome.has_errors(), any_error);
}

std::string scenario_name(const testing::TestParamInfo<Scenario>& info) {
  std::string name = info.param.file.substr(0, info.param.file.rfind(".json"));
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(DataFiles, FileValidation, testing::ValuesIn(scenarios()), scenario_name);

TEST(Validation, GoodFilesHaveNoProblems) {
  for (const char* file : {"valid-minimal.json", "valid-full.json"}) {
    const ParseOutcome outcome = parse_data(file);
    EXPECT_TRUE(outcome.problems.empty()) << file << "\n" << listing(outcome);
  }
}

// Every file in data/ is covered by a scenario above, so a new file cannot go untested.
TEST(Validation, EveryDataFileHasAScenario) {
  std::set<std::string> covered{"valid-minimal.json", "valid-full.json"};
  for (const auto& scenario : scenarios()) {
    covered.insert(scenario.file);
  }
  for (const auto& entry : std::filesystem::directory_iterator(data_path(""))) {
    EXPECT_TRUE(covered.contains(entry.path().filename().string())) << entry.path();
  }
}

}  // namespace
}  // namespace peermap::model
