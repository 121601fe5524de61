// Building the Network: from a peer map document and from a CSV edge list.
#include <gtest/gtest.h>

#include <string>

#include "analysis/measures.hpp"
#include "analysis/network.hpp"
#include "support/document_builder.hpp"

namespace peermap::analysis {
namespace {

constexpr double kExact = 1e-9;

using testing::DocumentBuilder;

// A small peer map: Jayden is the only link between the Oakfield pair and Marcus, an adult
// who exploits him; Tia leads Ava. Both children frequent the park and are in a group, which
// the measures leave out.
//
//   Tia ==influence==> Ava --- Jayden <==exploitation== Marcus (adult)
//     \________________________/
//          (Tia - Jayden, strong)
//   [park]  [Oakfield group]   (frequents / member-of: not edges)
model::Document peer_map() {
  using model::Gender;
  using model::Role;
  return DocumentBuilder(model::Date{2024, 6, 1})
      .person("p-jayden", "Jayden Carter", Role::SubjectChild,
              {.gender = Gender::Male, .born = model::Date{2009, 3, 14}})
      .person("p-ava", "Ava Brown", Role::Peer, {.gender = Gender::Female})
      .person("p-tia", "Tia Green", Role::Peer, {.gender = Gender::Female})
      .person("p-marcus", "Marcus Reid", Role::AdultOfConcern, {.gender = Gender::Male})
      .location("l-park", "Oakfield Park", "park")
      .group("g-oak", "Oakfield group", "friendship")
      .relationship("t-1", "p-ava", "p-jayden")
      .relationship("t-2", "p-tia", "p-ava", {.strength = 2, .influence_leader = "p-tia"})
      .relationship("t-3", "p-tia", "p-jayden", {.strength = 3})
      .relationship("t-4", "p-jayden", "p-marcus", {.strength = 3, .exploitation_by = "p-marcus"})
      .frequents("t-5", "p-jayden", "l-park")
      .member_of("t-6", "p-ava", "g-oak")
      .build();
}

TEST(NetworkFromDocument, PeopleAreNodesAndRelationshipsAreEdges) {
  const auto built = network_from_document(peer_map());
  ASSERT_TRUE(built.ok()) << built.error().message;
  const Network& network = built.value();
  ASSERT_EQ(network.nodes.size(), 4u);
  EXPECT_EQ(network.nodes[0].id, "p-jayden");
  EXPECT_EQ(network.nodes[0].name, "Jayden Carter");
  EXPECT_EQ(network.nodes[0].kind, model::Role::SubjectChild);
  EXPECT_EQ(network.nodes[0].gender, model::Gender::Male);
  EXPECT_EQ(network.nodes[0].adult, false);
  EXPECT_EQ(network.nodes[3].adult, true);  // an adult of concern with no date of birth
  EXPECT_TRUE(network.weighted);

  ASSERT_EQ(network.edges.size(), 4u);  // frequents and member-of left out
  const Edge& influence = network.edges[1];
  EXPECT_EQ(influence.id, "t-2");
  EXPECT_TRUE(influence.directed);
  EXPECT_FALSE(influence.exploitation);
  EXPECT_EQ(network.nodes[influence.source].id, "p-tia");
  EXPECT_EQ(network.nodes[influence.target].id, "p-ava");
  EXPECT_EQ(influence.weight, 2);

  const Edge& exploitation = network.edges[3];
  EXPECT_TRUE(exploitation.directed);
  EXPECT_TRUE(exploitation.exploitation);
  EXPECT_EQ(network.nodes[exploitation.source].id, "p-marcus");  // from the controller
  EXPECT_EQ(network.nodes[exploitation.target].id, "p-jayden");
  EXPECT_FALSE(network.edges[0].directed);
}

// Jayden is the only way to Marcus: he lies on the paths from Ava and Tia to Marcus: 2.
// With ties as long as 1/strength, Ava's shortest way to Jayden runs through Tia
// (1/2 + 1/3 < 1), so Tia is between Ava and Jayden, and Ava and Marcus: 2 too.
TEST(NetworkFromDocument, MeasuresFindTheOnlyLinkToTheAdult) {
  const auto network = network_from_document(peer_map());
  ASSERT_TRUE(network.ok());
  const auto measures = compute_measures(network.value());
  ASSERT_TRUE(measures.ok()) << measures.error().message;
  EXPECT_TRUE(measures->weights_used);
  const auto& jayden = measures->nodes[0];
  EXPECT_EQ(jayden.degree, 3);
  EXPECT_NEAR(jayden.betweenness, 2, kExact);
  EXPECT_EQ(jayden.directed_in, 1);               // controlled by Marcus
  EXPECT_EQ(measures->nodes[2].directed_out, 1);  // Tia leads Ava
  EXPECT_EQ(measures->nodes[1].directed_in, 1);
  EXPECT_EQ(measures->nodes[3].directed_out, 1);
  EXPECT_NEAR(measures->nodes[2].betweenness, 2, kExact);
  EXPECT_NEAR(measures->nodes[3].betweenness, 0, kExact);
}

TEST(NetworkFromDocument, TieToSomeoneWhoIsNotAPersonIsAnError) {
  auto doc = peer_map();
  doc.ties[0].to = "p-nobody";
  const auto network = network_from_document(doc);
  ASSERT_FALSE(network.ok());
  EXPECT_EQ(network.error().kind, ErrorKind::Invalid);
  EXPECT_NE(network.error().message.find("t-1"), std::string::npos) << network.error().message;
  EXPECT_NE(network.error().message.find("p-nobody"), std::string::npos);
}

TEST(NetworkFromDocument, ControllerMustBeOnTheTie) {
  auto doc = peer_map();
  doc.ties[3].exploitation_by = "p-ava";
  const auto network = network_from_document(doc);
  ASSERT_FALSE(network.ok());
  EXPECT_NE(network.error().message.find("t-4"), std::string::npos) << network.error().message;
}

TEST(EdgeListCsv, ReadsQuotedFieldsWeightsAndBlankRows) {
  const auto network = parse_edge_list_csv(
      "\xEF\xBB\xBFSource,Target,Weight\r\n"
      "\"Reid, Marcus\",Jayden,2.5\r\n"
      "\r\n"
      "Jayden, \"Ava \"\"AJ\"\" Brown\" ,1\r\n");
  ASSERT_TRUE(network.ok()) << network.error().message;
  ASSERT_EQ(network->nodes.size(), 3u);
  EXPECT_EQ(network->nodes[0].name, "Reid, Marcus");
  EXPECT_EQ(network->nodes[2].id, "Ava \"AJ\" Brown");
  EXPECT_TRUE(network->weighted);
  ASSERT_EQ(network->edges.size(), 2u);
  EXPECT_EQ(network->edges[0].weight, 2.5);
  EXPECT_EQ(network->edges[1].source, 1u);
  EXPECT_EQ(network->edges[1].target, 2u);
  EXPECT_FALSE(network->edges[0].directed);
}

TEST(EdgeListCsv, WithoutAWeightColumnIsUnweighted) {
  const auto network = parse_edge_list_csv("source,target\na,b\nb,c");
  ASSERT_TRUE(network.ok()) << network.error().message;
  EXPECT_FALSE(network->weighted);
  EXPECT_EQ(network->edges.size(), 2u);
  EXPECT_EQ(network->edges[1].weight, 1);
}

//! The error message of parsing `csv`, which must fail.
std::string error_of(const std::string& csv) {
  const auto network = parse_edge_list_csv(csv);
  EXPECT_FALSE(network.ok()) << "accepted:\n" << csv;
  if (network.ok()) return {};
  EXPECT_EQ(network.error().kind, ErrorKind::Invalid);
  return network.error().message;
}

TEST(EdgeListCsv, ErrorsNameLineAndColumn) {
  EXPECT_EQ(error_of("source,target,weight\na,b,1\nb,c,heavy\n").substr(0, 6), "3:5: w");
  EXPECT_EQ(error_of("source,target,weight\na,b,0\n").substr(0, 4), "2:5:");
  EXPECT_EQ(error_of("source,target,weight\na,b,-1\n").substr(0, 4), "2:5:");
  EXPECT_EQ(error_of("source,target,weight\na,b,inf\n").substr(0, 4), "2:5:");
  EXPECT_EQ(error_of("source,target\na,b\nc\n").substr(0, 4), "3:1:");
  EXPECT_EQ(error_of("source,target\na,b,c\n").substr(0, 4), "2:5:");
  EXPECT_EQ(error_of("source,target\na,\n").substr(0, 4), "2:3:");
  EXPECT_EQ(error_of("source,target\na,a\n").substr(0, 4), "2:3:");
  EXPECT_EQ(error_of("from,to\na,b\n").substr(0, 4), "1:1:");
  EXPECT_EQ(error_of("source,dest\n").substr(0, 4), "1:8:");
  EXPECT_EQ(error_of("source,target\n\"a,b\n").substr(0, 4), "2:1:");
  EXPECT_EQ(error_of("source,target\n\"a\"x,b\n").substr(0, 4), "2:4:");
  EXPECT_EQ(error_of("").substr(0, 4), "1:1:");
  EXPECT_EQ(error_of("\n\n").substr(0, 4), "1:1:");
}

TEST(EdgeListCsv, ErrorMessagesSayWhatIsWrong) {
  EXPECT_EQ(error_of("source,target,weight\na,b,1\nb,c,heavy\n"),
            "3:5: weight \"heavy\" is not a number above 0");
  EXPECT_EQ(error_of("source,target\na,b\nc\n"), "3:1: the row has 1 field; the header has 2");
  EXPECT_EQ(error_of("source,target\n\"a,b\n"), "2:1: quoted field is never closed");
}

}  // namespace
}  // namespace peermap::analysis
