// Brokers between recorded groups and places (issue 11, item 1): Gould-Fernandez roles, the one
// person linking two groups (on every tie, and on the evidenced, recent ties alone), and the
// broker ranking with the subject children's own ties left out.
#include <gtest/gtest.h>

#include <algorithm>

#include "analysis/brokerage.hpp"
#include "analysis/report.hpp"
#include "support/document_builder.hpp"

namespace peermap::analysis {
namespace {

using model::Role;
using testing::DocumentBuilder;

constexpr model::Date kMapDate{2026, 11, 1};
constexpr model::Date kChildBorn{2011, 5, 1};  // 15 on the map date
constexpr model::Date kRecent{2026, 10, 1};
constexpr model::Date kHistoric{2025, 6, 1};  // more than 180 days before the map date

testing::ItemDetails evidenced(model::Date when) {
  return {.summary = "Seen together by police",
          .source_agency = "Police",
          .observed = when,
          .evidence = model::Evidence::Evidenced};
}

std::vector<Finding> of_kind(const std::vector<Finding>& findings, const std::string& kind) {
  std::vector<Finding> out;
  std::copy_if(findings.begin(), findings.end(), std::back_inserter(out),
               [&](const Finding& f) { return f.kind == kind; });
  return out;
}

// Oakfield group: Ava, Ben, Fay. Moorside group: Cal, Dee, Gus. Eve is in no group. Ben leads
// Cal (an influence tie, directed Ben -> Cal); every other tie is undirected:
//
//   Fay --- Ava --- Ben ==leads==> Cal --- Dee
//             \                          /
//              `-------- Eve ----------'
//                         |
//                        Gus
//
// Ava: Fay - Ava - Ben, all Oakfield: coordinator. Ben: Ava -> Ben -> Cal, Ben shares with the
// sender: representative. Cal: Ben -> Cal -> Dee, Cal shares with the receiver: gatekeeper.
// Eve: Ava - Eve - Dee and Ava - Eve - Gus link two groups she is in neither of: liaison twice;
// Dee - Eve - Gus, both Moorside: itinerant. Without the influence tie, Ben's route has no
// direction: gatekeeper or representative.
model::Document two_groups(bool ben_leads) {
  return DocumentBuilder(kMapDate)
      .subject("ava")  // a subject child is not ranked as a broker (Ava has no between-group route)
      .people({{"ava", "Ava Cole"},
               {"ben", "Ben Diaz"},
               {"fay", "Fay Ford"},
               {"cal", "Cal Gray"},
               {"dee", "Dee Hart"},
               {"gus", "Gus Ives"},
               {"eve", "Eve Jones"}},
              Role::Peer, {.born = kChildBorn})
      .group("oak", "Oakfield group")
      .group("moor", "Moorside group")
      .relationship("t1", "ava", "ben")
      .relationship(
          "t2", "ben", "cal",
          {.influence_leader = ben_leads ? std::optional<std::string>("ben") : std::nullopt})
      .relationship("t3", "cal", "dee")
      .relationship("t4", "ava", "eve")
      .relationship("t5", "eve", "dee")
      .relationship("t6", "fay", "ava")
      .relationship("t7", "eve", "gus")
      .member_of("m1", "ava", "oak")
      .member_of("m2", "ben", "oak")
      .member_of("m3", "fay", "oak")
      .member_of("m4", "cal", "moor")
      .member_of("m5", "dee", "moor")
      .member_of("m6", "gus", "moor")
      .build();
}

TEST(Brokerage, GouldFernandezRolesFollowTheDirectionOfATie) {
  const model::Document d = two_groups(true);
  const Network network = network_from_document(d).value();
  const auto roles = brokerage_roles(network, affiliations(d, network));
  EXPECT_EQ(roles[0], (BrokerageRoles{.coordinator = 1}));              // Ava
  EXPECT_EQ(roles[1], (BrokerageRoles{.representative = 1}));           // Ben
  EXPECT_EQ(roles[2], BrokerageRoles{});                                // Fay
  EXPECT_EQ(roles[3], (BrokerageRoles{.gatekeeper = 1}));               // Cal
  EXPECT_EQ(roles[4], BrokerageRoles{});                                // Dee
  EXPECT_EQ(roles[6], (BrokerageRoles{.itinerant = 1, .liaison = 2}));  // Eve
}

TEST(Brokerage, AnUndirectedRouteCannotTellGatekeeperFromRepresentative) {
  const model::Document d = two_groups(false);
  const Network network = network_from_document(d).value();
  const auto roles = brokerage_roles(network, affiliations(d, network));
  EXPECT_EQ(roles[1], (BrokerageRoles{.gatekeeper_or_representative = 1}));  // Ben
  EXPECT_EQ(roles[3], (BrokerageRoles{.gatekeeper_or_representative = 1}));  // Cal
}

TEST(Brokerage, WhoBrokersBetweenGroupsMostIsNamedWithTheRoles) {
  const model::Document d = two_groups(true);
  const auto report = analyze(network_from_document(d).value(), &d);
  ASSERT_TRUE(report.ok());
  const auto brokers = of_kind(report->findings, "broker");
  ASSERT_EQ(brokers.size(), 1u);
  EXPECT_EQ(
      brokers[0].text,
      "Leaving out the subject children, Eve Jones brokers between recorded groups and places "
      "more often than anyone else: 2 two-step routes (Gould-Fernandez: 2 as a liaison).");
  EXPECT_EQ(brokers[0].ids, std::vector<std::string>{"eve"});
}

// The scenario: a bridge between two groups that only appears once anecdotal and
// historic ties are set aside. Hollybrook friendship group: Ava, Ben. Moorside older group:
// Kyle, Lee (adults of concern). Jay, in neither, knows Ben and Kyle (evidenced, recent: t1,
// t2). Ava and Lee are said to know each other (t3, anecdotal only); Cy knew Ava and Lee
// (t4, t5, evidenced but historic only):
//
//   Ava --t6-- Ben --t1-- Jay --t2-- Kyle (adult) --t7-- Lee (adult)
//    | \                                                /  |
//    |  `------------------ t3 (anecdotal) ----------'   |
//    `---t4 (historic)--- Cy ---t5 (historic)------------'
//
// On every tie Jay, Cy and the Ava-Lee tie all link the groups: no one person does. On the
// evidenced, recent ties only Jay does.
model::Document hidden_bridge() {
  return DocumentBuilder(kMapDate)
      .people({{"ava", "Ava Cole"}, {"ben", "Ben Diaz"}, {"jay", "Jay Hunt"}, {"cy", "Cy Lowe"}},
              Role::Peer, {.born = kChildBorn})
      .people({{"kyle", "Kyle Moss"}, {"lee", "Lee Nash"}}, Role::AdultOfConcern)
      .group("holly", "Hollybrook friendship group")
      .group("moor", "Moorside older group")
      .relationship("t1", "ben", "jay")
      .relationship("t2", "jay", "kyle")
      .relationship("t3", "ava", "lee")
      .relationship("t4", "ava", "cy")
      .relationship("t5", "cy", "lee")
      .relationship("t6", "ava", "ben")
      .relationship("t7", "kyle", "lee")
      .member_of("m1", "ava", "holly")
      .member_of("m2", "ben", "holly")
      .member_of("m3", "kyle", "moor")
      .member_of("m4", "lee", "moor")
      .information("i1", {"t1", "t2", "t6", "t7"}, evidenced(kRecent))
      .information("i2", {"t3"},
                   {.summary = "Heard they talk online",
                    .source_agency = "School",
                    .observed = kRecent,
                    .evidence = model::Evidence::Anecdotal})
      .information("i3", {"t4", "t5"}, evidenced(kHistoric))
      .build();
}

TEST(Brokerage, ABridgeBetweenGroupsAppearsOnceWeakTiesAreSetAside) {
  const model::Document d = hidden_bridge();
  const Network network = network_from_document(d).value();
  const auto links = group_link_findings(d, network, tie_support(d));
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].text,
            "On evidenced, recent information, Jay Hunt is the only person linking the Hollybrook "
            "friendship group and the Moorside older group: the tie between Ben Diaz and Jay Hunt "
            "(t1) and the tie between Jay Hunt and Kyle Moss (adult) (t2); the other links rest on "
            "anecdotal information and historic information (t3, t4, t5).");
  EXPECT_EQ(links[0].ids,
            (std::vector<std::string>{"jay", "holly", "moor", "t1", "t2", "t3", "t4", "t5"}));
}

TEST(Brokerage, TheOnlyPersonLinkingTwoGroupsSaysWhatTheLinkRestsOn) {
  model::Document d = hidden_bridge();
  // Without Cy and the Ava-Lee tie, Jay links the groups on every tie. Make t2 anecdotal.
  std::erase_if(d.ties,
                [](const model::Tie& t) { return t.id == "t3" || t.id == "t4" || t.id == "t5"; });
  d.information[0].about = {"t1", "t6", "t7"};
  d.information[1].about = {"t2"};
  d.information.pop_back();
  const Network network = network_from_document(d).value();
  const auto links = group_link_findings(d, network, tie_support(d));
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].text,
            "Jay Hunt is the only person linking the Hollybrook friendship group and the Moorside "
            "older group: the tie between Ben Diaz and Jay Hunt (t1) and the tie between Jay Hunt "
            "and Kyle Moss (adult) (t2); this link rests on anecdotal information.");
}

// The ego-network bias. Sam, the subject child, knows Ava, Ben, Cal and Dee; Cal knows Jay, who
// alone knows Eve and Fay:
//
//        Ava   Ben   Dee
//          \    |    /
//           Sam (subject) --- Cal --- Jay --- Eve
//                                       \__
//                                        Fay
//
// On every tie Sam lies on most routes (15), then Cal (12), then Jay (11): the map is drawn
// around Sam. Without Sam's own ties only Jay links anyone (Cal, Eve and Fay: 3).
TEST(Brokerage, TheSubjectChildrensOwnTiesAreLeftOutOfTheBrokerRanking) {
  const model::Document d = DocumentBuilder(kMapDate)
                                .subject("sam")
                                .people({{"sam", "Sam Ward"},
                                         {"ava", "Ava Cole"},
                                         {"ben", "Ben Diaz"},
                                         {"cal", "Cal Gray"},
                                         {"dee", "Dee Hart"},
                                         {"jay", "Jay Hunt"},
                                         {"eve", "Eve Jones"},
                                         {"fay", "Fay Ford"}},
                                        Role::Peer, {.born = kChildBorn})
                                .relationships({{"sam", "ava"},
                                                {"sam", "ben"},
                                                {"sam", "cal"},
                                                {"sam", "dee"},
                                                {"cal", "jay"},
                                                {"jay", "eve"},
                                                {"jay", "fay"}})
                                .build();
  const auto report = analyze(network_from_document(d).value(), &d);
  ASSERT_TRUE(report.ok());
  const auto influence = of_kind(report->findings, "influence");
  ASSERT_EQ(influence.size(), 2u);
  EXPECT_EQ(influence[0].text,
            "Leaving out the subject children's own ties (the map is drawn around them), Jay Hunt "
            "lies on more of the shortest routes between other people than anyone else "
            "(betweenness 3.0): a broker who can pass on influence or control.");
  EXPECT_EQ(influence[0].ids, std::vector<std::string>{"jay"});
  EXPECT_EQ(influence[1].text,
            "Reported apart: the subject children's betweenness on every tie, Sam Ward (15.0), is "
            "high partly because the map is drawn around them.");
  EXPECT_EQ(report->measures.nodes[3].betweenness, 12);  // Cal, on every tie
  EXPECT_TRUE(std::isnan(report->betweenness_without_subjects[0]));
  EXPECT_EQ(report->betweenness_without_subjects[5], 3);
}

// Measures on the evidenced, recent ties: Ava - Ben - Cal - Dee, where only Ben - Cal and
// Cal - Dee rest on evidenced, recent information (Ava - Ben on nothing). On every tie Ben and
// Cal lie on 2 routes each (Ben first, in document order); on the evidenced ties only Cal does.
TEST(Brokerage, MeasuresAreAlsoComputedOnTheEvidencedRecentTies) {
  const model::Document d =
      DocumentBuilder(kMapDate)
          .people(
              {{"ava", "Ava Cole"}, {"ben", "Ben Diaz"}, {"cal", "Cal Gray"}, {"dee", "Dee Hart"}},
              Role::Peer, {.born = kChildBorn})
          .relationships({{"ava", "ben"}, {"ben", "cal"}, {"cal", "dee"}})
          .information("i1", {"t2", "t3"}, evidenced(kRecent))
          .build();
  const auto report = analyze(network_from_document(d).value(), &d);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->betweenness_evidenced_recent, (std::vector<double>{0, 0, 1, 0}));
  const auto influence = of_kind(report->findings, "influence");
  ASSERT_EQ(influence.size(), 3u);
  EXPECT_EQ(influence[0].ids, std::vector<std::string>{"ben"});
  EXPECT_EQ(influence[2].text,
            "On evidenced, recent ties alone (the subject children's left out), Cal Gray lies on "
            "the most shortest routes between other people (betweenness 1.0).");
}

}  // namespace
}  // namespace peermap::analysis
