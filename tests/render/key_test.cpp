// The visual key (render/key.hpp): how each person and tie is drawn follows from the document,
// and the label under a person (layout::person_label) carries the age and ROTH detail.
#include <gtest/gtest.h>

#include <set>

#include "layout/layout.hpp"
#include "render/key.hpp"

namespace peermap::render {
namespace {

using model::Date;
using model::Document;
using model::Evidence;
using model::Person;
using model::Tie;

bool same(Colour a, Colour b) { return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a; }

// A small map dated 2026-11-01 with the default 180-day "recent" window:
//
//   Amira (subject, 15) ---t1--- Jayden (16)
//     |
//     t2 (from Marcus to Amira)
//     |
//   Marcus (adult of concern)
Document base_document() {
  Document d;
  d.map.title = "Peer map: Amira Haddad";
  d.map.map_date = {2026, 11, 1};
  d.map.subject_children = {"p1"};
  Person amira;
  amira.id = "p1";
  amira.full_name = "Amira Haddad";
  amira.role = model::Role::SubjectChild;
  amira.gender = model::Gender::Female;
  amira.date_of_birth = Date{2011, 4, 22};
  Person jayden;
  jayden.id = "p2";
  jayden.full_name = "Jayden Clarke";
  jayden.gender = model::Gender::Male;
  jayden.date_of_birth = Date{2010, 9, 1};
  Person marcus;
  marcus.id = "p3";
  marcus.full_name = "Marcus Reid";
  marcus.role = model::Role::AdultOfConcern;
  marcus.gender = model::Gender::Male;
  d.people = {amira, jayden, marcus};
  Tie t1;
  t1.id = "t1";
  t1.from = "p1";
  t1.to = "p2";
  Tie t2;
  t2.id = "t2";
  t2.from = "p3";
  t2.to = "p1";
  d.ties = {t1, t2};
  return d;
}

model::InformationItem item(const std::string& id, const std::string& about, Evidence evidence,
                            std::optional<Date> observed,
                            std::optional<Date> recorded = std::nullopt) {
  model::InformationItem i;
  i.id = id;
  i.summary = "Seen together after school.";
  i.source_agency = "School";
  i.evidence = evidence;
  i.observed = observed;
  i.recorded = recorded;
  i.about = {about};
  return i;
}

const Tie& tie(const Document& d, const std::string& id) {
  for (const auto& t : d.ties) {
    if (t.id == id) return t;
  }
  throw std::runtime_error("no tie " + id);
}

// ---- Evidence: dashed and faded -------------------------------------------------------------

TEST(TieStyle, EvidencedRecentInformationGivesASolidFullStrengthLine) {
  Document d = base_document();
  d.information = {item("i1", "t1", Evidence::Evidenced, Date{2026, 10, 20})};
  const TieStyle s = tie_style(d, tie(d, "t1"));
  EXPECT_FALSE(s.dashed);
  EXPECT_FALSE(s.faded);
  EXPECT_FALSE(s.zigzag);
  EXPECT_TRUE(same(s.colour, colours::kTie));
  const TieEvidence e = tie_evidence(d, "t1");
  EXPECT_EQ(e.items, 1);
  EXPECT_TRUE(e.any_evidenced);
  EXPECT_TRUE(e.any_recent);
}

TEST(TieStyle, AnecdotalOnlyInformationIsDashed) {
  Document d = base_document();
  d.information = {item("i1", "t1", Evidence::Anecdotal, Date{2026, 10, 20}),
                   item("i2", "t1", Evidence::Anecdotal, Date{2026, 10, 25})};
  EXPECT_TRUE(tie_style(d, tie(d, "t1")).dashed);
  EXPECT_FALSE(tie_style(d, tie(d, "t1")).faded);
  // One evidenced item among anecdotal ones is enough for a solid line.
  d.information.push_back(item("i3", "t1", Evidence::Evidenced, Date{2026, 10, 26}));
  EXPECT_FALSE(tie_style(d, tie(d, "t1")).dashed);
}

TEST(TieStyle, ATieWithNoInformationIsDottedNotDashedAndNotFaded) {
  // Nothing is recorded about it: dotted, which the key calls "No information recorded", not
  // the dashes of "Anecdotal only" (a reader would take it for a tie someone spoke of); and
  // nothing says it is old, so not faded.
  const Document d = base_document();
  const TieStyle s = tie_style(d, tie(d, "t1"));
  EXPECT_EQ(tie_evidence(d, "t1").items, 0);
  EXPECT_TRUE(s.dotted);
  EXPECT_FALSE(s.dashed);
  EXPECT_FALSE(s.faded);
}

TEST(TieStyle, AnecdotalOnlyIsDashedAndEvidencedIsSolid) {
  Document d = base_document();
  d.information = {item("i1", "t1", Evidence::Anecdotal, Date{2026, 10, 20})};
  EXPECT_TRUE(tie_style(d, tie(d, "t1")).dashed);
  EXPECT_FALSE(tie_style(d, tie(d, "t1")).dotted);
  d.information.push_back(item("i2", "t1", Evidence::Evidenced, Date{2026, 10, 21}));
  EXPECT_FALSE(tie_style(d, tie(d, "t1")).dashed);
  EXPECT_FALSE(tie_style(d, tie(d, "t1")).dotted);
}

TEST(TieStyle, InformationOnlyAboutOtherThingsDoesNotCount) {
  Document d = base_document();
  d.information = {item("i1", "t2", Evidence::Evidenced, Date{2026, 10, 20}),
                   item("i2", "p1", Evidence::Evidenced, Date{2026, 10, 20})};
  EXPECT_EQ(tie_evidence(d, "t1").items, 0);
  EXPECT_EQ(tie_evidence(d, "t2").items, 1);
  EXPECT_TRUE(tie_style(d, tie(d, "t1")).dotted);
  EXPECT_FALSE(tie_style(d, tie(d, "t2")).dotted);
  EXPECT_FALSE(tie_style(d, tie(d, "t2")).dashed);
}

//   map date 2026-11-01, window 180 days:
//   ... 2026-05-04 (181 days: historic) | 2026-05-05 (180 days: recent) ... 2026-11-01
TEST(TieStyle, HistoricOnlyInformationIsFadedAtTheWindowBoundary) {
  Document d = base_document();
  ASSERT_EQ(model::days_between({2026, 5, 5}, d.map.map_date), 180);
  d.information = {item("i1", "t1", Evidence::Evidenced, Date{2026, 5, 5})};
  EXPECT_FALSE(tie_style(d, tie(d, "t1")).faded)
      << "exactly recent_window_days before is still recent";
  d.information = {item("i1", "t1", Evidence::Evidenced, Date{2026, 5, 4})};
  EXPECT_TRUE(tie_style(d, tie(d, "t1")).faded);
  EXPECT_FALSE(tie_style(d, tie(d, "t1")).dashed) << "old but evidenced: faded, not dashed";
  // Anecdotal and old: both.
  d.information = {item("i1", "t1", Evidence::Anecdotal, Date{2024, 1, 1})};
  EXPECT_TRUE(tie_style(d, tie(d, "t1")).faded);
  EXPECT_TRUE(tie_style(d, tie(d, "t1")).dashed);
  // One recent item among old ones: not faded.
  d.information.push_back(item("i2", "t1", Evidence::Anecdotal, Date{2026, 10, 1}));
  EXPECT_FALSE(tie_style(d, tie(d, "t1")).faded);
}

TEST(TieStyle, TheRecentWindowComesFromTheMap) {
  Document d = base_document();
  d.information = {item("i1", "t1", Evidence::Evidenced, Date{2026, 9, 1})};  // 61 days before
  EXPECT_FALSE(tie_style(d, tie(d, "t1")).faded);
  d.map.recent_window_days = 60;
  EXPECT_TRUE(tie_style(d, tie(d, "t1")).faded);
  d.map.recent_window_days = 61;
  EXPECT_FALSE(tie_style(d, tie(d, "t1")).faded);
}

TEST(TieStyle, AnItemWithoutAnObservedDateIsDatedByWhenItWasRecorded) {
  Document d = base_document();
  d.information = {item("i1", "t1", Evidence::Evidenced, std::nullopt, Date{2026, 10, 30})};
  EXPECT_FALSE(tie_style(d, tie(d, "t1")).faded);
  d.information = {item("i1", "t1", Evidence::Evidenced, std::nullopt, Date{2025, 1, 1})};
  EXPECT_TRUE(tie_style(d, tie(d, "t1")).faded);
  // The observed date wins over a later recorded date: it happened long ago.
  d.information = {item("i1", "t1", Evidence::Evidenced, Date{2024, 1, 1}, Date{2026, 10, 30})};
  EXPECT_TRUE(tie_style(d, tie(d, "t1")).faded);
}

// ---- Tension, exploitation, influence, valence, strength ------------------------------------

TEST(TieStyle, TensionIsAnOrangeZigzag) {
  Document d = base_document();
  d.ties[0].tension = true;
  const TieStyle s = tie_style(d, tie(d, "t1"));
  EXPECT_TRUE(s.zigzag);
  EXPECT_TRUE(same(s.colour, colours::kTension));
  EXPECT_FALSE(tie_style(d, tie(d, "t2")).zigzag);
}

//   t2: from Marcus (p3) to Amira (p1)
//   by == from (Marcus):  Marcus ------> Amira   arrow at the target
//   by == to   (Amira):   Marcus <------ Amira   arrow at the source
TEST(TieStyle, ExploitationArrowPointsAwayFromTheControllingPerson) {
  Document d = base_document();
  d.ties[1].exploitation_by = "p3";
  TieStyle s = tie_style(d, tie(d, "t2"));
  EXPECT_TRUE(same(s.colour, colours::kExploitation));
  EXPECT_TRUE(s.arrow_at_target);
  EXPECT_FALSE(s.arrow_at_source);
  d.ties[1].exploitation_by = "p1";
  s = tie_style(d, tie(d, "t2"));
  EXPECT_TRUE(same(s.colour, colours::kExploitation));
  EXPECT_FALSE(s.arrow_at_target);
  EXPECT_TRUE(s.arrow_at_source);
  // Without exploitation, no arrows at all.
  d.ties[1].exploitation_by.reset();
  s = tie_style(d, tie(d, "t2"));
  EXPECT_FALSE(s.arrow_at_target || s.arrow_at_source);
  EXPECT_FALSE(same(s.colour, colours::kExploitation));
}

TEST(TieStyle, ExploitationRedWinsOverTensionAndProtectiveColours) {
  Document d = base_document();
  d.ties[1].exploitation_by = "p3";
  d.ties[1].tension = true;
  d.ties[1].valence = model::Valence::Protective;
  const TieStyle s = tie_style(d, tie(d, "t2"));
  EXPECT_TRUE(same(s.colour, colours::kExploitation));
  EXPECT_TRUE(s.zigzag) << "the tension is still shown, by shape";
}

TEST(TieStyle, InfluenceChevronPointsFromLeaderToFollower) {
  Document d = base_document();
  d.ties[0].influence_leader = "p1";  // from leads
  TieStyle s = tie_style(d, tie(d, "t1"));
  EXPECT_TRUE(s.influence_to_target);
  EXPECT_FALSE(s.influence_to_source);
  d.ties[0].influence_leader = "p2";  // to leads
  s = tie_style(d, tie(d, "t1"));
  EXPECT_FALSE(s.influence_to_target);
  EXPECT_TRUE(s.influence_to_source);
  d.ties[0].influence_leader.reset();
  s = tie_style(d, tie(d, "t1"));
  EXPECT_FALSE(s.influence_to_target || s.influence_to_source);
  // Influence is not exploitation: no arrows, no red.
  EXPECT_FALSE(s.arrow_at_target || s.arrow_at_source);
}

TEST(TieStyle, ProtectiveRelationshipsAreGreenAndOthersAreNot) {
  Document d = base_document();
  for (const auto valence :
       {model::Valence::Unknown, model::Valence::Risky, model::Valence::Mixed}) {
    d.ties[0].valence = valence;
    EXPECT_TRUE(same(tie_style(d, tie(d, "t1")).colour, colours::kTie));
  }
  d.ties[0].valence = model::Valence::Protective;
  EXPECT_TRUE(same(tie_style(d, tie(d, "t1")).colour, colours::kProtective));
}

TEST(TieStyle, StrongerTiesAreThicker) {
  Document d = base_document();
  double previous = 0;
  for (int strength = 1; strength <= 3; ++strength) {
    d.ties[0].strength = strength;
    const double width = tie_style(d, tie(d, "t1")).width;
    EXPECT_GT(width, previous) << "strength " << strength;
    previous = width;
  }
  // An ecomap placement with no tie is thinner than the weakest tie and plain.
  const TieStyle placement = placement_style();
  d.ties[0].strength = 1;
  EXPECT_LT(placement.width, tie_style(d, tie(d, "t1")).width);
  EXPECT_FALSE(placement.dashed || placement.zigzag || placement.arrow_at_source ||
               placement.arrow_at_target);
}

// ---- People ---------------------------------------------------------------------------------

TEST(PersonStyle, ShapeShowsGender) {
  EXPECT_EQ(shape_for(model::Gender::Female), Shape::Circle);
  EXPECT_EQ(shape_for(model::Gender::Male), Shape::Square);
  EXPECT_EQ(shape_for(model::Gender::NonBinary), Shape::Diamond);
  EXPECT_EQ(shape_for(model::Gender::Unknown), Shape::Hexagon);
  EXPECT_EQ(shape_for(model::Gender::Other), Shape::Hexagon);
  // Places are a shape no person has.
  std::set<Shape> person_shapes;
  for (const auto g : {model::Gender::Female, model::Gender::Male, model::Gender::NonBinary,
                       model::Gender::Other, model::Gender::Unknown}) {
    person_shapes.insert(shape_for(g));
  }
  EXPECT_EQ(person_shapes.size(), 4u);
  EXPECT_FALSE(person_shapes.contains(location_style().shape));
  // person_style uses it.
  Document d = base_document();
  EXPECT_EQ(person_style(d, d.people[0]).shape, Shape::Circle);
  EXPECT_EQ(person_style(d, d.people[1]).shape, Shape::Square);
}

TEST(PersonStyle, ChildrenAdultsAndProfessionalsHaveDifferentFills) {
  Document d = base_document();
  const NodeStyle child = person_style(d, d.people[1]);  // Jayden, 16
  const NodeStyle adult = person_style(d, d.people[2]);  // Marcus, adult of concern
  EXPECT_TRUE(same(child.fill, colours::kChild));
  EXPECT_TRUE(same(adult.fill, colours::kAdult));
  EXPECT_FALSE(same(child.fill, adult.fill));
  Person helen;
  helen.id = "p4";
  helen.full_name = "Helen Okoro";
  helen.role = model::Role::Professional;
  d.people.push_back(helen);
  const NodeStyle professional = person_style(d, d.people.back());
  EXPECT_TRUE(same(professional.fill, colours::kProfessional));
  EXPECT_FALSE(same(professional.fill, adult.fill));
  EXPECT_FALSE(same(professional.fill, child.fill));
}

TEST(PersonStyle, AdulthoodIsAgeAtTheMapDate) {
  Document d = base_document();
  d.people[1].date_of_birth = Date{2008, 11, 2};  // 17 on 2026-11-01
  EXPECT_TRUE(same(person_style(d, d.people[1]).fill, colours::kChild));
  d.people[1].date_of_birth = Date{2008, 11, 1};  // 18 that day
  EXPECT_TRUE(same(person_style(d, d.people[1]).fill, colours::kAdult));
  // A peer with no date of birth but an adult age band is an adult.
  d.people[1].date_of_birth.reset();
  d.people[1].age_band = "18-24";
  EXPECT_TRUE(same(person_style(d, d.people[1]).fill, colours::kAdult));
}

// issue 11, item 5: a peer with no date of birth, adult flag or known age band has an age that
// is not known, drawn in a fill of its own (and the key's row), never as a child.
TEST(PersonStyle, AgeNotKnownHasAFillOfItsOwn) {
  Document d = base_document();
  d.people[1].date_of_birth.reset();
  d.people[1].age_band = "unknown";
  const NodeStyle unknown = person_style(d, d.people[1]);
  EXPECT_TRUE(same(unknown.fill, colours::kAgeNotKnown));
  EXPECT_FALSE(same(unknown.fill, colours::kChild));
  EXPECT_FALSE(same(unknown.fill, colours::kAdult));
  EXPECT_FALSE(same(unknown.fill, colours::kProfessional));
  d.people[1].age_band = "13-15";  // a known band: a child
  EXPECT_TRUE(same(person_style(d, d.people[1]).fill, colours::kChild));
}

TEST(PersonStyle, SubjectChildIsEmphasised) {
  Document d = base_document();
  const NodeStyle subject = person_style(d, d.people[0]);
  const NodeStyle peer = person_style(d, d.people[1]);
  EXPECT_TRUE(subject.subject);
  EXPECT_FALSE(peer.subject);
  EXPECT_GT(subject.stroke_width, peer.stroke_width);
  // Emphasis follows map.subject_children, not the role.
  d.map.subject_children = {"p2"};
  EXPECT_TRUE(person_style(d, d.people[1]).subject);
  EXPECT_FALSE(person_style(d, d.people[0]).subject);
}

TEST(RegionColour, IsStableAndGroupsDifferFromPlaces) {
  EXPECT_TRUE(same(region_colour(false, 0), region_colour(false, 0)));
  EXPECT_FALSE(same(region_colour(false, 0), region_colour(true, 0)));
  EXPECT_FALSE(same(region_colour(false, 0), region_colour(false, 1)));
  // It cycles instead of running off the end of the palette.
  EXPECT_TRUE(same(region_colour(true, 1), region_colour(true, 1 + 4 * 1000)));
}

// ---- The label under a person ---------------------------------------------------------------

TEST(PersonLabel, ShowsAgeAtTheMapDateAndRoth) {
  Document d = base_document();
  auto lines = layout::person_label(d, d.people[0], false);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "Amira Haddad");
  EXPECT_EQ(lines[1], "15");  // born 2011-04-22
  d.people[0].roth = true;
  lines = layout::person_label(d, d.people[0], false);
  EXPECT_EQ(lines[1], "15 \u00b7 ROTH");
  // The age is at the map date, not today.
  d.map.map_date = {2027, 4, 22};
  EXPECT_EQ(layout::person_label(d, d.people[0], false)[1], "16 \u00b7 ROTH");
}

TEST(PersonLabel, FallsBackToAgeBandThenAdultOrUnknown) {
  Document d = base_document();
  Person& p = d.people[1];
  p.date_of_birth.reset();
  p.age_band = "13-15";
  EXPECT_EQ(layout::person_label(d, p, false)[1], "13-15");
  p.age_band = "unknown";
  EXPECT_EQ(layout::person_label(d, p, false)[1], "age?");
  p.age_band.clear();
  EXPECT_EQ(layout::person_label(d, p, false)[1], "age?");
  // Marcus: adult of concern with nothing else known.
  EXPECT_EQ(layout::person_label(d, d.people[2], false)[1], "adult");
  d.people[2].roth = true;
  EXPECT_EQ(layout::person_label(d, d.people[2], false)[1], "adult \u00b7 ROTH");
  Person helen;
  helen.id = "p4";
  helen.full_name = "Helen Okoro";
  helen.role = model::Role::Professional;
  helen.date_of_birth = Date{1980, 1, 1};
  EXPECT_EQ(layout::person_label(d, helen, false)[1], "professional");
}

TEST(PersonLabel, RedactionShowsOtherChildrenByInitialsOnly) {
  Document d = base_document();
  d.people[1].full_name = "\u0141ukasz \u017buk-Nowak";  // Łukasz Żuk-Nowak, a child
  EXPECT_EQ(layout::person_label(d, d.people[0], true)[0], "Amira Haddad")
      << "the subject keeps the name";
  EXPECT_EQ(layout::person_label(d, d.people[1], true)[0], "\u0141. \u017b.");
  EXPECT_EQ(layout::person_label(d, d.people[2], true)[0], "Marcus Reid")
      << "adults keep their names";
  EXPECT_EQ(layout::person_label(d, d.people[1], false)[0], "\u0141ukasz \u017buk-Nowak");
  // The age is not a name: it stays in a disclosure copy.
  EXPECT_EQ(layout::person_label(d, d.people[1], true)[1], "16");
}

TEST(PersonLabel, ControlCharactersNeverReachTheLabel) {
  Document d = base_document();
  const char raw[] = "Jayden\x1b[31m\nClarke\x7f\0!";
  d.people[1].full_name = std::string(raw, sizeof raw - 1);
  const auto lines = layout::person_label(d, d.people[1], false);
  for (const char c : lines[0]) {
    const auto byte = static_cast<unsigned char>(c);
    EXPECT_TRUE(byte >= 0x20 && byte != 0x7f) << "byte " << static_cast<int>(byte);
  }
  EXPECT_NE(lines[0].find("Jayden"), std::string::npos);
  EXPECT_NE(lines[0].find("Clarke"), std::string::npos);
}

}  // namespace
}  // namespace peermap::render
