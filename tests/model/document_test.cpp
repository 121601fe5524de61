// Lookups and the adult rule (docs/format.md, Person): date of birth at the map date first,
// then the explicit flag, then the age band, then the role.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "model/document.hpp"
#include "model/views.hpp"

namespace peermap::model {
namespace {

const Date kMapDate{2024, 5, 20};

Person person_with(Role role) {
  Person person;
  person.id = "p1";
  person.full_name = "Jayden Clarke";
  person.role = role;
  return person;
}

TEST(AgeOn, CountsWholeYears) {
  EXPECT_EQ(age_on({2006, 5, 20}, kMapDate), 18);  // birthday today
  EXPECT_EQ(age_on({2006, 5, 21}, kMapDate), 17);  // birthday tomorrow
  EXPECT_EQ(age_on({2006, 6, 1}, kMapDate), 17);
  EXPECT_EQ(age_on({2006, 1, 1}, kMapDate), 18);
  EXPECT_EQ(age_on(kMapDate, kMapDate), 0);
}

TEST(AgeOn, LeapDayBirthdayFallsOnFirstMarch) {
  EXPECT_EQ(age_on({2004, 2, 29}, {2022, 2, 28}), 17);
  EXPECT_EQ(age_on({2004, 2, 29}, {2022, 3, 1}), 18);
  EXPECT_EQ(age_on({2004, 2, 29}, {2024, 2, 29}), 20);
}

TEST(IsAdult, DateOfBirthDecidesFirst) {
  Person peer = person_with(Role::AdultOfConcern);
  peer.date_of_birth = Date{2006, 5, 21};
  peer.adult = true;
  peer.age_band = "25+";
  EXPECT_FALSE(is_adult(peer, kMapDate));  // 17 on the map date, whatever else says
  peer.date_of_birth = Date{2006, 5, 20};
  peer.adult = false;
  EXPECT_TRUE(is_adult(peer, kMapDate));
}

TEST(IsAdult, ThenTheFlagThenTheAgeBandThenTheRole) {
  Person person = person_with(Role::Professional);
  person.age_band = "18-24";
  person.adult = false;
  EXPECT_FALSE(is_adult(person, kMapDate));  // the flag beats band and role
  person.adult.reset();
  person.role = Role::Peer;
  EXPECT_TRUE(is_adult(person, kMapDate));  // the band beats the role
  person.age_band = "16-17";
  person.role = Role::AdultOfConcern;
  EXPECT_FALSE(is_adult(person, kMapDate));  // a band that says child beats the role
  person.age_band = "25+";
  EXPECT_TRUE(is_adult(person, kMapDate));
}

TEST(IsAdult, RoleAloneWhenNothingElseIsKnown) {
  EXPECT_TRUE(is_adult(person_with(Role::AdultOfConcern), kMapDate));
  EXPECT_TRUE(is_adult(person_with(Role::Professional), kMapDate));
  EXPECT_FALSE(is_adult(person_with(Role::Peer), kMapDate));
  EXPECT_FALSE(is_adult(person_with(Role::SubjectChild), kMapDate));
  EXPECT_FALSE(is_adult(person_with(Role::Family), kMapDate));
  Person unknown_band = person_with(Role::AdultOfConcern);
  unknown_band.age_band = "unknown";
  EXPECT_TRUE(is_adult(unknown_band, kMapDate));
}

// issue 11, item 5: where is_adult would fall back to "a child" for want of anything known,
// age_class says the age is not known; where anything is known it agrees with is_adult.
TEST(AgeClass, NothingKnownIsNotKnownNeverAChild) {
  EXPECT_EQ(age_class(person_with(Role::Peer), kMapDate), AgeClass::NotKnown);
  EXPECT_EQ(age_class(person_with(Role::Family), kMapDate), AgeClass::NotKnown);
  EXPECT_EQ(age_class(person_with(Role::Other), kMapDate), AgeClass::NotKnown);
  Person band = person_with(Role::Peer);
  band.age_band = "unknown";
  EXPECT_EQ(age_class(band, kMapDate), AgeClass::NotKnown);
  // By role: the subject child is a child, an adult of concern and a professional adults.
  EXPECT_EQ(age_class(person_with(Role::SubjectChild), kMapDate), AgeClass::Child);
  EXPECT_EQ(age_class(person_with(Role::AdultOfConcern), kMapDate), AgeClass::Adult);
  EXPECT_EQ(age_class(person_with(Role::Professional), kMapDate), AgeClass::Adult);
  band.age_band = "13-15";
  EXPECT_EQ(age_class(band, kMapDate), AgeClass::Child);
  Person born = person_with(Role::Peer);
  born.date_of_birth = Date{2006, 5, 20};  // 18 on the map date
  EXPECT_EQ(age_class(born, kMapDate), AgeClass::Adult);
  born.date_of_birth = Date{2006, 5, 21};
  EXPECT_EQ(age_class(born, kMapDate), AgeClass::Child);
  Person flagged = person_with(Role::Peer);
  flagged.adult = false;
  EXPECT_EQ(age_class(flagged, kMapDate), AgeClass::Child);
}

TEST(IdentityNotKnown, StreetNameOnlyOrNoName) {
  Person person = person_with(Role::Peer);
  EXPECT_FALSE(identity_not_known(person));
  person.name_status = NameStatus::StreetNameOnly;
  EXPECT_TRUE(identity_not_known(person));
  person.name_status = NameStatus::Unknown;
  EXPECT_TRUE(identity_not_known(person));
}

TEST(Document, FindsItemsById) {
  Document doc;
  doc.map.subject_children = {"p1"};
  doc.people = {person_with(Role::SubjectChild)};
  doc.locations = {{"l1", "Hollins Park", "park", ""}};
  doc.groups = {{"g1", "Market Street boys", "gang", ""}};
  doc.ecomaps = {{"p1", {{"l1", 2}}, ""}};
  ASSERT_NE(doc.find_person("p1"), nullptr);
  EXPECT_EQ(doc.find_person("p1")->full_name, "Jayden Clarke");
  EXPECT_EQ(doc.find_person("l1"), nullptr);  // one namespace, but typed lookups
  EXPECT_EQ(doc.find_location("l1")->name, "Hollins Park");
  EXPECT_EQ(doc.find_group("g1")->kind, "gang");
  EXPECT_EQ(doc.find_group("nobody"), nullptr);
  EXPECT_EQ(doc.find_ecomap("p1")->placements.at(0).ring, 2);
  EXPECT_EQ(doc.find_ecomap("l1"), nullptr);
  EXPECT_TRUE(doc.is_subject("p1"));
  EXPECT_FALSE(doc.is_subject("l1"));
}

// As of 15 September 2026:
//
//   Amira (subject) ---t1--- Jay     i1 about t1, recorded 1 September: known
//   Amira ---t2--- Kai               nothing recorded about it: date not known
//   Kai ---t3--- Lee                 only seen together on 3 October (s1): not known yet
//   Amira ---t4--- Mo                i2 about t4, with no date: date not known
//   Amira ---t5--- Noor              seen together on 1 September (s2): known
//
// t3 rests only on a later sighting, so it goes, and Lee with it (nothing else about him); t2
// and t4 stay, marked, with Kai and Mo, whom nothing dated supports either.
TEST(AsKnownOn, AnUndatedTieIsShownMarkedDateNotKnownAndOneOnlyLaterSeenGoes) {
  Document d;
  d.map.map_date = {2026, 11, 20};
  d.map.subject_children = {"amira"};
  for (const char* id : {"amira", "jay", "kai", "lee", "mo", "noor"}) {
    Person p = person_with(std::string(id) == "amira" ? Role::SubjectChild : Role::Peer);
    p.id = id;
    d.people.push_back(p);
  }
  const auto tie = [](const char* id, const char* from, const char* to) {
    Tie t;
    t.id = id;
    t.from = from;
    t.to = to;
    return t;
  };
  d.ties = {tie("t1", "amira", "jay"), tie("t2", "amira", "kai"), tie("t3", "kai", "lee"),
            tie("t4", "amira", "mo"), tie("t5", "amira", "noor")};
  InformationItem recorded;
  recorded.id = "i1";
  recorded.summary = "Friends since Year 7.";
  recorded.recorded = Date{2026, 9, 1};
  recorded.about = {"t1"};
  InformationItem undated;
  undated.id = "i2";
  undated.summary = "Mo is her cousin.";
  undated.about = {"t4"};
  d.information = {recorded, undated};
  Sighting later;
  later.id = "s1";
  later.people = {"kai", "lee"};
  later.date = {2026, 10, 3};
  Sighting earlier;
  earlier.id = "s2";
  earlier.people = {"amira", "noor"};
  earlier.date = {2026, 9, 1};
  d.sightings = {later, earlier};

  const Document view = as_known_on(d, {2026, 9, 15});
  std::vector<std::string> ties;
  for (const auto& t : view.ties) ties.push_back(t.id);
  EXPECT_EQ(ties, (std::vector<std::string>{"t1", "t2", "t4", "t5"}));
  std::vector<std::string> people;
  for (const auto& p : view.people) people.push_back(p.id);
  EXPECT_EQ(people, (std::vector<std::string>{"amira", "jay", "kai", "mo", "noor"}));
  EXPECT_EQ(date_not_known(view), (std::set<std::string>{"t2", "t4", "kai", "mo"}));
  // Once the sighting is known, t3 and Lee are back, dated by it, and so is Kai.
  const Document october = as_known_on(d, {2026, 10, 3});
  EXPECT_EQ(october.ties.size(), 5u);
  EXPECT_EQ(date_not_known(october), (std::set<std::string>{"t2", "t4", "mo"}));
}

// As of a date, information observed in a month (or a year, or a range) is known only from its
// last day, and so is a sighting: an as-of date inside the period never shows what may not have
// happened yet (docs/format.md, "period").
TEST(AsKnownOn, APeriodIsKnownFromItsLastDay) {
  Document d;
  d.map.map_date = {2026, 11, 20};
  d.people = {person_with(Role::SubjectChild), person_with(Role::Peer)};
  d.people[1].id = "p2";
  Tie tie;
  tie.id = "t1";
  tie.from = "p1";
  tie.to = "p2";
  d.ties = {tie};
  InformationItem october;
  october.id = "i1";
  october.summary = "Seen together in October.";
  october.source_agency = "School";
  october.observed = Date{2026, 10, 1};
  october.observed_precision = DatePrecision::Month;
  october.observed_to = Date{2026, 10, 31};
  october.about = {"t1"};
  d.information = {october};
  Sighting spring;
  spring.id = "s1";
  spring.people = {"p1", "p2"};
  spring.date = {2026, 9, 20};
  spring.date_precision = DatePrecision::Range;
  spring.date_to = Date{2026, 10, 3};
  d.sightings = {spring};

  const Document mid = as_known_on(d, {2026, 10, 2});
  EXPECT_TRUE(mid.information.empty()) << "October was not over on 2 October";
  EXPECT_TRUE(mid.ties.empty());
  EXPECT_TRUE(mid.sightings.empty()) << "the range ends on 3 October";
  const Document after = as_known_on(d, {2026, 10, 31});
  EXPECT_EQ(after.information.size(), 1u);
  EXPECT_EQ(after.ties.size(), 1u);
  EXPECT_EQ(after.sightings.size(), 1u);
}

}  // namespace
}  // namespace peermap::model
