// Reading and writing whole documents: defaults, every field, the round trip, malformed and
// hostile input.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace peermap::model {
namespace {

using nlohmann::json;

//! valid-minimal.json as a tree, for tests that change one thing in it.
json minimal() { return json::parse(read_data("valid-minimal.json")); }

ParseOutcome parse_tree(const json& tree) { return parse_document(tree.dump(), test_options()); }

//! The only problem reported; fails the test when there is not exactly one.
Problem only_problem(const ParseOutcome& outcome) {
  EXPECT_EQ(outcome.problems.size(), 1u) << listing(outcome);
  return outcome.problems.empty() ? Problem{} : outcome.problems.front();
}

//! "p3", "c10": ids for generated items. (Built with += because GCC 12 -O3 gives a false
//! -Wrestrict for "literal" + std::string.)
std::string numbered(std::string prefix, int n) {
  prefix += std::to_string(n);
  return prefix;
}

bool mentions(const Problem& problem, const std::string& text) {
  return problem.message.find(text) != std::string::npos;
}

// ------------------------------------------------------------------------- reading

TEST(ParseDocument, MinimalFileGetsTheFormatsDefaults) {
  const ParseOutcome outcome = parse_data("valid-minimal.json");
  ASSERT_FALSE(outcome.has_errors()) << listing(outcome);
  const Document& doc = outcome.document;
  EXPECT_EQ(doc.map.protective_marking, "OFFICIAL-SENSITIVE");
  EXPECT_EQ(doc.map.recent_window_days, 180);
  EXPECT_EQ(doc.map.status, Status::Meeting);
  EXPECT_EQ(doc.map.map_date, (Date{2024, 5, 20}));
  EXPECT_FALSE(doc.map.review_date);
  ASSERT_EQ(doc.people.size(), 2u);
  EXPECT_EQ(doc.people[1].name_status, NameStatus::Full);
  EXPECT_EQ(doc.people[1].gender, Gender::Unknown);
  EXPECT_FALSE(doc.people[1].adult);
  EXPECT_FALSE(doc.people[1].roth);
  ASSERT_EQ(doc.ties.size(), 1u);
  EXPECT_EQ(doc.ties[0].nature, "associate");
  EXPECT_EQ(doc.ties[0].strength, 1);
  EXPECT_EQ(doc.ties[0].valence, Valence::Unknown);
  EXPECT_FALSE(doc.ties[0].tension);
  EXPECT_TRUE(doc.information[0].grading.scheme.empty());
}

TEST(ParseDocument, FullFileReadsEveryField) {
  const ParseOutcome outcome = parse_data("valid-full.json");
  ASSERT_TRUE(outcome.problems.empty()) << listing(outcome);
  const Document& doc = outcome.document;

  EXPECT_EQ(doc.map.purpose, "Understand who is linked to Amira and where she is at risk.");
  EXPECT_EQ(doc.map.concern_types,
            (std::vector<std::string>{"criminal exploitation", "county lines"}));
  EXPECT_EQ(doc.map.subject_children, (std::vector<std::string>{"p1", "p2"}));
  EXPECT_EQ(doc.map.status, Status::Outcomes);
  EXPECT_EQ(doc.map.review_date, (Date{2024, 8, 20}));
  EXPECT_EQ(doc.map.owning_team, "Exploitation Hub North");
  EXPECT_EQ(doc.map.recent_window_days, 90);

  const Person& amira = doc.people[0];
  EXPECT_EQ(amira.known_as, std::vector<std::string>{"Mira"});
  EXPECT_EQ(amira.date_of_birth, (Date{2009, 3, 14}));
  EXPECT_EQ(amira.adult, false);
  EXPECT_EQ(amira.gender, Gender::Female);
  EXPECT_EQ(amira.role, Role::SubjectChild);
  EXPECT_EQ(amira.school, "Hollins Academy");
  EXPECT_EQ(amira.services, (std::vector<std::string>{"CSC", "YOT"}));
  EXPECT_TRUE(amira.roth);
  EXPECT_EQ(amira.notes, "Missing twice in April.");
  EXPECT_EQ(doc.people[1].age_band, "16-17");
  EXPECT_EQ(doc.people[2].name_status, NameStatus::StreetNameOnly);
  EXPECT_EQ(doc.people[2].adult, true);
  EXPECT_EQ(doc.people[3].gender, Gender::NonBinary);
  EXPECT_EQ(doc.people[4].name_status, NameStatus::Unknown);
  EXPECT_EQ(doc.people[5].role, Role::Family);

  EXPECT_EQ(doc.locations[2].kind, "youth-club");
  EXPECT_EQ(doc.locations[0].notes, "Behind the skate ramp.");
  EXPECT_EQ(doc.groups[0].kind, "gang");
  EXPECT_EQ(doc.groups[0].valence, Valence::Risky);
  EXPECT_EQ(doc.groups[1].valence, Valence::Unknown);  // not given
  EXPECT_EQ(doc.locations[2].valence, Valence::Protective);
  EXPECT_EQ(doc.locations[0].valence, Valence::Unknown);

  const Tie& control = doc.ties[1];
  EXPECT_EQ(control.kind, TieKind::Relationship);
  EXPECT_EQ(control.strength, 2);
  EXPECT_TRUE(control.tension);
  EXPECT_EQ(control.exploitation_by, "p3");
  EXPECT_EQ(control.influence_leader, "p3");
  EXPECT_EQ(control.valence, Valence::Risky);
  EXPECT_EQ(doc.ties[6].kind, TieKind::Frequents);
  EXPECT_EQ(doc.ties[8].kind, TieKind::MemberOf);

  const InformationItem& phone = doc.information[1];
  EXPECT_EQ(phone.source_agency, "Police");
  EXPECT_EQ(phone.source_person, "PCSO Dan Reid");
  EXPECT_EQ(phone.evidence, Evidence::Evidenced);
  EXPECT_EQ(phone.grading.scheme, "3x5x2");
  EXPECT_EQ(phone.grading.source, "1");
  EXPECT_EQ(phone.grading.intelligence, "B");
  EXPECT_EQ(phone.grading.handling, "C");
  EXPECT_EQ(phone.about, (std::vector<std::string>{"t2", "p3", "l2", "s1"}));  // s1: a sighting
  EXPECT_EQ(doc.information[0].grading.reliable, true);
  EXPECT_EQ(doc.information[2].grading.source, "C");
  EXPECT_EQ(doc.information[2].grading.intelligence, "3");
  EXPECT_EQ(doc.information[3].grading.scheme, "simple");
  EXPECT_FALSE(doc.information[3].grading.reliable);  // null: not known
  EXPECT_EQ(doc.information[4].recorded, (Date{2024, 5, 15}));

  EXPECT_EQ(doc.sightings[0].location, "l2");
  EXPECT_EQ(doc.sightings[0].seen_by, "PCSO Dan Reid");
  EXPECT_TRUE(doc.risks[1].is_strength);
  EXPECT_EQ(doc.gaps[0].due, (Date{2024, 6, 14}));
  EXPECT_EQ(doc.actions[0].status, "done");
  EXPECT_EQ(doc.actions[1].type, "disruption-planning");
  ASSERT_EQ(doc.meetings[0].attendees.size(), 3u);
  EXPECT_EQ(doc.meetings[0].attendees[2].role, "designated safeguarding lead");
  ASSERT_NE(doc.find_ecomap("p1"), nullptr);
  EXPECT_EQ(doc.find_ecomap("p1")->placements[3].ring, 4);
  EXPECT_DOUBLE_EQ(doc.pins[0].x, 120.5);
  EXPECT_DOUBLE_EQ(doc.pins[1].y, 80.25);
}

TEST(ParseDocument, ProblemsComeInDocumentOrder) {
  json tree = minimal();
  for (int i = 0; i < 10; ++i) {
    const std::string id = numbered("p", i + 3);
    tree["people"].push_back({{"id", id}, {"full_name", "Kyle Mercer"}, {"role", "peer"}});
    tree["ties"].push_back(
        {{"id", numbered("f", i)}, {"kind", "frequents"}, {"from", id}, {"to", "l1"}});
  }
  tree["locations"] = json::array({{{"id", "l1"}, {"name", "Hollins Park"}, {"kind", "park"}}});
  tree["people"][11]["role"] = "boss";  // /people/11
  tree["people"][2]["gender"] = "f";    // /people/2
  tree["map"]["status"] = "done";       // /map
  tree["ties"][0]["to"] = "nobody";     // /ties/0, found in the second pass
  const ParseOutcome outcome = parse_tree(tree);
  std::vector<std::string> where;
  for (const auto& problem : outcome.problems) {
    where.push_back(problem.where);
  }
  // /people/1 lost its only tie, so it also gets a warning, in its place.
  EXPECT_EQ(where, (std::vector<std::string>{"/map/status", "/people/1", "/people/2/gender",
                                             "/people/11/role", "/ties/0/to"}))
      << listing(outcome);
}

TEST(ParseDocument, UnknownFieldSuggestsTheNearestOne) {
  json tree = minimal();
  tree["people"][1]["fullname"] = tree["people"][1]["full_name"];
  tree["people"][1].erase("full_name");
  const ParseOutcome outcome = parse_tree(tree);
  ASSERT_EQ(outcome.problems.size(), 2u) << listing(outcome);
  EXPECT_EQ(outcome.problems[0].where, "/people/1/fullname");
  EXPECT_TRUE(mentions(outcome.problems[0], "did you mean \"full_name\"?"));
  EXPECT_EQ(outcome.problems[1].where, "/people/1/full_name");
}

TEST(ParseDocument, TodayIsInjectedAndNotInTheFuture) {
  json tree = minimal();
  tree["sightings"] = json::array({{{"id", "s1"},
                                    {"people", {"p1", "p2"}},
                                    {"date", "2024-06-01"},
                                    {"seen_by", "Helen Ward"}}});
  EXPECT_TRUE(parse_tree(tree).problems.empty());
  ParseOptions yesterday = test_options();
  yesterday.today = {2024, 5, 31};
  const Problem problem = only_problem(parse_document(tree.dump(), yesterday));
  EXPECT_EQ(problem.where, "/sightings/0/date");
  EXPECT_TRUE(mentions(problem, "in the future (today is 2024-05-31)"));
}

TEST(ParseDocument, AdultFlagThatAgreesWithTheDateOfBirthIsAccepted) {
  json tree = minimal();
  tree["people"][1]["date_of_birth"] = "2006-05-20";  // 18 on the map date, to the day
  tree["people"][1]["adult"] = true;
  EXPECT_TRUE(parse_tree(tree).problems.empty()) << listing(parse_tree(tree));
  tree["people"][1]["adult"] = false;
  EXPECT_EQ(only_problem(parse_tree(tree)).where, "/people/1/adult");
}

TEST(ParseDocument, APlaceOrGroupValenceMustBeOneOfTheFour) {
  json tree = minimal();
  tree["locations"] = json::array({{{"id", "l1"},
                                    {"name", "Oakfield Youth Club"},
                                    {"kind", "sports-club"},
                                    {"valence", "protective"}}});
  tree["groups"] = json::array({{{"id", "g1"},
                                 {"name", "Juniors football team"},
                                 {"kind", "sports-team"},
                                 {"valence", "safe"}}});
  const Problem problem = only_problem(parse_tree(tree));
  EXPECT_EQ(problem.where, "/groups/0/valence");
  EXPECT_TRUE(mentions(problem, "protective")) << problem.message;
  tree["groups"][0]["valence"] = "mixed";
  EXPECT_TRUE(parse_tree(tree).problems.empty()) << listing(parse_tree(tree));
}

// Issue 11, item 7: the format grows compatibly.
TEST(ParseDocument, AProfessionalsAgencyAndJobTitleAndWhoIsOnTheMap) {
  const Document doc = parse_data("valid-full.json").document;
  EXPECT_EQ(doc.people[3].agency, "Hollins Youth Service");
  EXPECT_EQ(doc.people[3].job_title, "Senior Youth Worker");
  EXPECT_EQ(doc.actions[0].owner_person, "p4");
  EXPECT_EQ(doc.actions[1].owner_person, "");
  EXPECT_EQ(doc.meetings[0].attendees[0].person, "p4");
  EXPECT_EQ(doc.meetings[0].attendees[1].person, "");

  json tree = minimal();
  tree["people"][1]["agency"] = "Police";  // a peer
  Problem problem = only_problem(parse_tree(tree));
  EXPECT_EQ(problem.where, "/people/1/agency");
  EXPECT_TRUE(mentions(problem, "is for a professional")) << problem.message;
  tree = minimal();
  tree["actions"] = json::array({{{"id", "a1"},
                                  {"type", "other"},
                                  {"description", "Ask."},
                                  {"owner", "Police"},
                                  {"owner_person", "p99"}}});
  EXPECT_EQ(only_problem(parse_tree(tree)).where, "/actions/0/owner_person");
}

TEST(ParseDocument, ObservationsAndSightingsAreDatedAsPreciselyAsTheyAreKnown) {
  const Document doc = parse_data("valid-full.json").document;
  const InformationItem& older = doc.information[2];  // "2023-09"
  EXPECT_EQ(older.observed, (Date{2023, 9, 1}));
  EXPECT_EQ(older.observed_precision, DatePrecision::Month);
  EXPECT_EQ(older.observed_to, (Date{2023, 9, 30}));
  EXPECT_EQ(doc.information[0].observed_precision, DatePrecision::Day);
  EXPECT_EQ(doc.information[0].observed_to, std::nullopt);
  const Sighting& april = doc.sightings[2];  // "2024-04-01/2024-04-20"
  EXPECT_EQ(april.date, (Date{2024, 4, 1}));
  EXPECT_EQ(april.date_precision, DatePrecision::Range);
  EXPECT_EQ(april.date_to, (Date{2024, 4, 20}));
  EXPECT_EQ(doc.sightings[3].date_precision, DatePrecision::Year);  // "2023"
  EXPECT_EQ(doc.sightings[3].date_to, (Date{2023, 12, 31}));

  json tree = json::parse(read_data("valid-full.json"));
  tree["sightings"][2]["date"] = "2024-04-20/2024-04-01";
  Problem problem = only_problem(parse_tree(tree));
  EXPECT_EQ(problem.where, "/sightings/2/date");
  EXPECT_TRUE(mentions(problem, "ends before it starts")) << problem.message;
  tree["sightings"][2]["date"] = "2024-13";
  problem = only_problem(parse_tree(tree));
  EXPECT_EQ(problem.where, "/sightings/2/date");
  EXPECT_TRUE(mentions(problem, "a month (YYYY-MM)")) << problem.message;
}

// ------------------------------------------------------------------------- names

struct NameCase {
  std::string name;
  std::string name_status;  // empty: not given
  bool accepted;
};

TEST(ParseDocument, FullNamesAreRequiredUnlessTheNameIsNotKnown) {
  const std::vector<NameCase> cases = {
      {"Jayden Clarke", "", true},
      {"Mary-Jane O'Neill", "", true},
      {"St. John Rivers", "", true},  // an abbreviation, not an initial
      {"Jayden", "", false},
      {"  Jayden  ", "", false},
      {"J Clarke", "", false},
      {"Jayden C", "", false},
      {"Jayden c.", "", false},
      {"J.R. Clarke", "", false},
      {"Smith, J", "", false},
      {"Smokey", "street-name-only", true},
      {"J. Clarke", "unknown", true},
      {"Jayden", "full", false},
      // Other scripts: not initials, whatever their length.
      {"محمد علي", "", true},
      {"Zoë Ó Súilleabháin", "", true},
      {"Наталья Петрова", "", true},
      {"王 芳", "", true},
      {"Nguyễn Thị Minh Khai", "", true},
      // Markup is only text to the model; the renderer escapes it.
      {"<script>alert('x')</script> Clarke", "", true},
  };
  for (const auto& c : cases) {
    json tree = minimal();
    tree["people"][1]["full_name"] = c.name;
    if (!c.name_status.empty()) {
      tree["people"][1]["name_status"] = c.name_status;
    }
    const ParseOutcome outcome = parse_tree(tree);
    if (c.accepted) {
      EXPECT_TRUE(outcome.problems.empty()) << c.name << "\n" << listing(outcome);
      EXPECT_EQ(outcome.document.people[1].full_name, c.name);
    } else {
      const Problem problem = only_problem(outcome);
      EXPECT_EQ(problem.where, "/people/1/full_name") << c.name;
      EXPECT_TRUE(mentions(problem, "name_status")) << problem.message;
    }
  }
}

TEST(ParseDocument, NameLengthCountsCharactersNotBytes) {
  const auto with_name_of = [](int extra_characters) {
    std::string name = "Zoë ";  // 4 characters
    for (int i = 0; i < extra_characters; ++i) {
      name += "ë";  // 2 bytes, 1 character
    }
    json tree = minimal();
    tree["people"][1]["full_name"] = name;
    return parse_tree(tree);
  };
  EXPECT_TRUE(with_name_of(196).problems.empty());  // 200 characters, 397 bytes
  const Problem problem = only_problem(with_name_of(197));
  EXPECT_TRUE(mentions(problem, "is 201 characters long")) << problem.message;
}

// ------------------------------------------------------------------------- writing

TEST(WriteDocument, RoundTripKeepsEveryField) {
  const ParseOutcome first = parse_data("valid-full.json");
  ASSERT_FALSE(first.has_errors()) << listing(first);
  const std::string written = write_document(first.document);
  const ParseOutcome second = parse_document(written, test_options());
  ASSERT_TRUE(second.problems.empty()) << listing(second) << written;
  EXPECT_EQ(second.document, first.document);
  EXPECT_EQ(write_document(second.document), written);  // stable bytes
}

TEST(WriteDocument, RoundTripOfTheMinimalFile) {
  const ParseOutcome first = parse_data("valid-minimal.json");
  const ParseOutcome second = parse_document(write_document(first.document), test_options());
  ASSERT_TRUE(second.problems.empty()) << listing(second);
  EXPECT_EQ(second.document, first.document);
}

TEST(WriteDocument, LeavesOutDefaultsButKeepsTheMarking) {
  const json written = json::parse(write_document(parse_data("valid-minimal.json").document));
  EXPECT_EQ(written["map"]["protective_marking"], "OFFICIAL-SENSITIVE");
  EXPECT_FALSE(written["map"].contains("recent_window_days"));
  EXPECT_FALSE(written["people"][1].contains("name_status"));
  EXPECT_FALSE(written["people"][1].contains("gender"));
  EXPECT_FALSE(written["people"][1].contains("known_as"));
  EXPECT_FALSE(written["ties"][0].contains("valence"));
  EXPECT_FALSE(written.contains("pins"));
  EXPECT_EQ(written["ties"][0]["strength"], 1);
}

TEST(WriteDocument, KeysFollowTheFormatsOrder) {
  const std::string written = write_document(parse_data("valid-full.json").document);
  const std::vector<std::string> in_order = {
      "\"format\"",  "\"map\"",         "\"people\"",    "\"locations\"", "\"groups\"",
      "\"ties\"",    "\"information\"", "\"sightings\"", "\"risks\"",     "\"gaps\"",
      "\"actions\"", "\"meetings\"",    "\"ecomaps\"",   "\"pins\""};
  std::size_t last = 0;
  for (const auto& key : in_order) {
    const std::size_t at = written.find("\n  " + key);
    ASSERT_NE(at, std::string::npos) << key;
    EXPECT_GT(at, last) << key;
    last = at;
  }
  EXPECT_LT(written.find("\"id\": \"p1\""), written.find("\"full_name\": \"Amira Haddad\""));
}

TEST(WriteDocument, NonRelationshipTiesCarryNoRelationshipFields) {
  Document doc = parse_data("valid-full.json").document;
  doc.ties[6].tension = true;  // a frequents tie: not representable, so not written
  const json written = json::parse(write_document(doc));
  EXPECT_FALSE(written["ties"][6].contains("tension"));
  EXPECT_FALSE(written["ties"][6].contains("nature"));
}

TEST(WriteDocument, NeverThrowsOnBytesThatAreNotUtf8) {
  Document doc = parse_data("valid-minimal.json").document;
  doc.people[1].notes = "bad \xff byte";
  const std::string written = write_document(doc);
  EXPECT_FALSE(parse_document(written, test_options()).has_errors());
}

TEST(TodayUtc, IsARealCalendarDate) {
  const Date today = today_utc();
  EXPECT_EQ(Date::parse(today.to_string()), today);
  EXPECT_GE(today.year, 2024);
}

// ------------------------------------------------------------------------- malformed input

TEST(LineColumn, CountsLinesAndCharacters) {
  EXPECT_EQ(line_column("", 0), "1:1");
  EXPECT_EQ(line_column("abc", 2), "1:3");
  EXPECT_EQ(line_column("ab\ncd", 3), "2:1");
  EXPECT_EQ(line_column("ab\ncd", 4), "2:2");
  EXPECT_EQ(line_column("ab\nëd", 5), "2:2");  // ë is two bytes, one column
  EXPECT_EQ(line_column("ab", 99), "1:3");     // past the end: just after it
}

TEST(MalformedJson, NamesTheLineAndColumn) {
  const Problem problem = only_problem(parse_data("bad-malformed.json"));
  EXPECT_EQ(problem.where, "6:3");
  EXPECT_EQ(problem.severity, Severity::Error);
  EXPECT_TRUE(mentions(problem, "malformed JSON: ")) << problem.message;
  EXPECT_TRUE(mentions(problem, "unexpected '}'")) << problem.message;
}

TEST(MalformedJson, EmptyAndTruncatedInput) {
  EXPECT_EQ(only_problem(parse_document("", test_options())).where, "1:1");
  EXPECT_EQ(only_problem(parse_document("{\n  \"format\": ", test_options())).where, "2:13");
}

TEST(MalformedJson, InvalidUtf8IsAnErrorWithAPrintableMessage) {
  const std::string text = "{\"format\": \"peermap/1\",\n \"map\": {\"title\": \"Am\xff\xfera\"}}";
  const Problem problem = only_problem(parse_document(text, test_options()));
  EXPECT_EQ(problem.where, "2:22");
  EXPECT_TRUE(mentions(problem, "UTF-8")) << problem.message;
  for (const char c : problem.message) {
    EXPECT_TRUE(c >= ' ' && c <= '~') << "unprintable byte in: " << problem.message;
  }
}

TEST(MalformedJson, NumberTooLargeForADouble) {
  const std::string text = "{\"format\": \"peermap/1\",\n \"pins\": [{\"x\": 1e400}]}";
  const Problem problem = only_problem(parse_document(text, test_options()));
  EXPECT_EQ(problem.where, "2:17");
  EXPECT_TRUE(mentions(problem, "1e400")) << problem.message;
}

TEST(MalformedJson, TopLevelMustBeAnObject) {
  const Problem problem = only_problem(parse_document("[1, 2]", test_options()));
  EXPECT_EQ(problem.where, "/");
  EXPECT_TRUE(mentions(problem, "must be an object, not an array"));
}

// ------------------------------------------------------------------------- hostile input

TEST(HostileInput, MillionDeepNestingStopsAtTheLimit) {
  for (const std::string& text :
       {std::string(1'000'000, '['), std::string(500'000, '[') + std::string(500'000, ']'), [] {
          std::string objects;
          for (int i = 0; i < 200'000; ++i) {
            objects += "{\"a\":";
          }
          return objects;
        }()}) {
    const Problem problem = only_problem(parse_document(text, test_options()));
    EXPECT_EQ(problem.where, "/");
    EXPECT_TRUE(mentions(problem, "deeper than 32 levels")) << problem.message;
  }
}

TEST(HostileInput, NestingLimitIsExact) {
  // root object 1, people 2, person 3, then `extra` arrays: depth 3 + extra.
  const auto nested_notes = [](int extra) {
    json tree = minimal();
    json value = "Jayden";
    for (int i = 0; i < extra; ++i) {
      value = json::array({value});
    }
    tree["people"][1]["notes"] = value;
    return parse_tree(tree);
  };
  const Problem at_limit = only_problem(nested_notes(29));
  EXPECT_EQ(at_limit.where, "/people/1/notes");
  EXPECT_TRUE(mentions(at_limit, "must be a string"));
  const Problem over = only_problem(nested_notes(30));
  EXPECT_EQ(over.where, "/");
  EXPECT_TRUE(mentions(over, "deeper than 32"));
}

TEST(HostileInput, FortyMebibytesIsRefusedBeforeParsing) {
  const std::string text(40u << 20u, ' ');
  const Problem problem = only_problem(parse_document(text, test_options()));
  EXPECT_EQ(problem.where, "/");
  EXPECT_TRUE(mentions(problem, "the limit is 33554432 bytes (32 MiB)")) << problem.message;
}

TEST(HostileInput, TenKilobyteNameIsAnError) {
  json tree = minimal();
  tree["people"][1]["full_name"] = std::string(10'240, 'x');
  const Problem problem = only_problem(parse_tree(tree));
  EXPECT_EQ(problem.where, "/people/1/full_name");
  EXPECT_TRUE(mentions(problem, "is 10240 characters long; the limit is 200"));
  EXPECT_LT(problem.message.size(), 200u);  // the value is not echoed whole
}

TEST(HostileInput, TextLimitIsTenThousandCharacters) {
  json tree = minimal();
  tree["people"][1]["notes"] = std::string(10'000, 'x');
  EXPECT_TRUE(parse_tree(tree).problems.empty());
  tree["people"][1]["notes"] = std::string(10'001, 'x');
  EXPECT_EQ(only_problem(parse_tree(tree)).where, "/people/1/notes");
}

TEST(HostileInput, ArrayLimitIsAHundredThousandItems) {
  json tree = minimal();
  tree["people"][1]["known_as"] = json::array();
  for (int i = 0; i < 100'001; ++i) {
    tree["people"][1]["known_as"].push_back("J");
  }
  const Problem problem = only_problem(parse_tree(tree));
  EXPECT_EQ(problem.where, "/people/1/known_as");
  EXPECT_TRUE(mentions(problem, "the limit is 100000"));
}

TEST(HostileInput, IdLongerThanSixtyFourIsAnError) {
  json tree = minimal();
  tree["information"][0]["id"] = std::string(65, 'i');
  EXPECT_EQ(only_problem(parse_tree(tree)).where, "/information/0/id");
  tree["information"][0]["id"] = std::string(64, 'i');
  EXPECT_TRUE(parse_tree(tree).problems.empty());
}

TEST(HostileInput, ControlCharactersInAKeyStayInsideOneMessageLine) {
  json tree = minimal();
  tree["people"][1]["x\ny~/z"] = 1;
  const Problem problem = only_problem(parse_tree(tree));
  EXPECT_EQ(problem.where, "/people/1/x\ny~0~1z");  // RFC 6901 escapes
  EXPECT_EQ(problem.message.find('\n'), std::string::npos) << problem.message;
}

TEST(HostileInput, ProblemsAreCappedAtAThousand) {
  json tree = minimal();
  for (int i = 0; i < 5'000; ++i) {
    tree["people"][1][numbered("junk", i)] = i;
  }
  const ParseOutcome outcome = parse_tree(tree);
  ASSERT_EQ(outcome.problems.size(), 1'001u);
  EXPECT_EQ(outcome.problems.back().where, "/");
  EXPECT_TRUE(mentions(outcome.problems.back(), "4000 more problems not shown"));
  EXPECT_TRUE(outcome.has_errors());
}

TEST(HostileInput, CrowdedSightingIsNotCheckedPairByPair) {
  json tree = minimal();
  json people = json::array();
  for (int i = 0; i < 2'000; ++i) {
    const std::string id = numbered("c", i);
    tree["people"].push_back({{"id", id}, {"full_name", "Crowd Member"}, {"role", "peer"}});
    people.push_back(id);
  }
  tree["sightings"] = json::array(
      {{{"id", "s1"}, {"people", people}, {"date", "2024-05-01"}, {"seen_by", "Helen Ward"}}});
  const ParseOutcome outcome = parse_tree(tree);
  EXPECT_FALSE(outcome.has_errors());
  for (const auto& problem : outcome.problems) {
    EXPECT_NE(problem.where, "/sightings/0/people");
  }
}

}  // namespace
}  // namespace peermap::model
