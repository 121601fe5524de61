// Network formats: GraphML, GEXF and people-and-ties CSV round trips, formula-safe cells, and
// hostile files refused with a located error.
#include <gtest/gtest.h>

#include <string>

#include "analysis/formats.hpp"
#include "analysis/measures.hpp"
#include "analysis/network.hpp"

namespace peermap::analysis {
namespace {

constexpr double kExact = 1e-12;  //!< measures of the same network, read back: rounding only

// The network every round trip carries: a child exploited by an adult, a leader and a follower,
// a person the file says nothing about, and names that need escaping in XML and CSV.
//
//   Tia =influence(2)=> Ava --friend(1)-- Jayden <=exploitation(3)= Marcus (adult)
//     \____________ strong (3), family _____/
//   "=cmd|' /C calc'!A0"  (no ties; a name a spreadsheet would run)
Network sample() {
  Network network;
  network.weighted = true;
  network.nodes = {
      Node{"p-jayden", "Jayden \"JJ\" Carter, <Oak>", model::Role::SubjectChild,
           model::Gender::Male, false},
      Node{"p-ava", "Ava Brown", model::Role::Peer, model::Gender::Female, false},
      Node{"p-tia", "Tia Green", model::Role::Peer, model::Gender::NonBinary, std::nullopt},
      Node{"p-marcus", "Marcus Reid", model::Role::AdultOfConcern, model::Gender::Male, true},
      Node{"p-x", "=cmd|' /C calc'!A0", std::nullopt, model::Gender::Unknown, std::nullopt}};
  network.edges = {
      Edge{1, 0, 1, false, false, "t-1", "friend"}, Edge{2, 1, 2, true, false, "t-2", "associate"},
      Edge{2, 0, 3, false, false, "t-3", "family"}, Edge{3, 0, 3, true, true, "t-4", "associate"},
      Edge{1, 2, 0.5, false, false, "t-5", ""}};
  return network;
}

void expect_same_measures(const Network& a, const Network& b) {
  const auto ma = compute_measures(a);
  const auto mb = compute_measures(b);
  ASSERT_TRUE(ma && mb);
  ASSERT_EQ(ma->nodes.size(), mb->nodes.size());
  for (std::size_t i = 0; i < ma->nodes.size(); ++i) {
    EXPECT_EQ(ma->nodes[i].degree, mb->nodes[i].degree);
    EXPECT_NEAR(ma->nodes[i].betweenness, mb->nodes[i].betweenness, kExact);
    EXPECT_NEAR(ma->nodes[i].pagerank, mb->nodes[i].pagerank, kExact);
    EXPECT_EQ(ma->nodes[i].community, mb->nodes[i].community);
  }
}

Network csv_round_trip(const Network& network) {
  const auto files = write_people_and_ties_csv(network);
  auto read = read_people_csv(files.people);
  EXPECT_TRUE(read) << read.error().message;
  auto ties = add_ties_csv(read.value(), files.ties);
  EXPECT_TRUE(ties) << ties.error().message;
  return read.value();
}

TEST(Formats, GraphmlRoundTripKeepsPeopleTiesAndAttributes) {
  const Network network = sample();
  const std::string text = write_graphml(network);
  const auto read = read_graphml(text);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read.value(), network);
  EXPECT_EQ(write_graphml(read.value()), text);  // GraphML -> Network -> GraphML
  expect_same_measures(network, read.value());
}

TEST(Formats, GexfRoundTripKeepsPeopleTiesAndAttributes) {
  const Network network = sample();
  const std::string text = write_gexf(network);
  EXPECT_NE(text.find("xmlns=\"http://gexf.net/1.3\""), std::string::npos);
  const auto read = read_gexf(text);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read.value(), network);
  EXPECT_EQ(write_gexf(read.value()), text);
  expect_same_measures(network, read.value());
}

TEST(Formats, CsvRoundTripKeepsPeopleTiesAndAttributes) {
  const Network network = sample();
  const Network read = csv_round_trip(network);
  EXPECT_EQ(read, network);
  expect_same_measures(network, read);
}

TEST(Formats, AnUnweightedNetworkStaysUnweighted) {
  Network network = sample();
  network.weighted = false;
  for (auto& edge : network.edges) edge.weight = 1;
  EXPECT_EQ(read_graphml(write_graphml(network)).value(), network);
  EXPECT_EQ(csv_round_trip(network), network);
  EXPECT_EQ(read_gexf(write_gexf(network)).value().weighted, false);
}

TEST(Formats, FormulaCellsAreNeutralisedAndQuoted) {
  EXPECT_EQ(csv_cell("=SUM(A1)"), "'=SUM(A1)");
  EXPECT_EQ(csv_cell("+44 7700"), "'+44 7700");
  EXPECT_EQ(csv_cell("-1"), "'-1");
  EXPECT_EQ(csv_cell("@here"), "'@here");
  EXPECT_EQ(csv_cell("\tx"), "'\tx");
  EXPECT_EQ(csv_cell("\rx"), "\"'\rx\"");
  EXPECT_EQ(csv_cell("'=x"), "''=x");  // a real leading quote survives the round trip
  EXPECT_EQ(csv_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_cell("O'Neil"), "O'Neil");
  const auto files = write_people_and_ties_csv(sample());
  EXPECT_NE(files.people.find(",'=cmd|' /C calc'!A0,"), std::string::npos) << files.people;
  for (const std::string_view file : {files.people, files.ties}) {
    for (std::size_t start = 0; start < file.size();) {
      const auto end = file.find("\r\n", start);
      for (std::size_t cell = start; cell < end;) {  // no cell starts a formula
        const char first = file[cell] == '"' ? file[cell + 1] : file[cell];
        EXPECT_EQ(std::string_view("=+-@").find(first), std::string_view::npos) << file;
        const auto comma = file.find(',', cell);
        cell = comma == std::string_view::npos || comma > end ? end : comma + 1;
      }
      start = end + 2;
    }
  }
}

TEST(Formats, ExtensionsNameTheFormat) {
  EXPECT_EQ(network_format_for_path("a/b.GraphML"), NetworkFormat::GraphML);
  EXPECT_EQ(network_format_for_path("b.gexf"), NetworkFormat::Gexf);
  EXPECT_EQ(network_format_for_path("b.csv"), NetworkFormat::Csv);
  EXPECT_EQ(network_format_for_path("b.json"), NetworkFormat::Document);
  EXPECT_EQ(network_format_for_path("b.xml"), std::nullopt);
}

// ---- hostile and malformed files -------------------------------------------------------------

std::string error_of(const Result<Network>& read) {
  EXPECT_FALSE(read) << "accepted";
  return read ? std::string() : read.error().message;
}

constexpr const char* kGraphmlHead =
    "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";

TEST(Formats, BillionLaughsIsRefusedNotExpanded) {
  std::string text = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    text += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j)
      text += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    text += "\">\n";
  }
  text +=
      "]>\n<graphml><graph><node id=\"a\"><data "
      "key=\"name\">&lol9;</data></node></graph></graphml>\n";
  const std::string message = error_of(read_graphml(text));
  EXPECT_EQ(message.rfind("2:1: a DOCTYPE is not accepted", 0), 0u) << message;
  EXPECT_FALSE(read_gexf(text));
}

TEST(Formats, ExternalEntitiesAreRefusedNeverFetched) {
  const std::string text =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE gexf [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
      "<gexf><graph><nodes><node id=\"a\" label=\"&xxe;\"/></nodes></graph></gexf>\n";
  const std::string message = error_of(read_gexf(text));
  EXPECT_NE(message.find("DOCTYPE"), std::string::npos) << message;
  EXPECT_EQ(message.find("root:"), std::string::npos) << message;
  // Without a DTD an entity reference is inert text, never expanded.
  const auto inert =
      read_gexf("<gexf><graph><nodes><node id=\"a\" label=\"&xxe;\"/></nodes></graph></gexf>");
  ASSERT_TRUE(inert) << inert.error().message;
  EXPECT_EQ(inert->nodes[0].name, "&xxe;");
}

TEST(Formats, AMillionDeepNestingIsRefusedWithoutOverflowingTheStack) {
  constexpr int kDepth = 1'000'000;
  std::string text = kGraphmlHead;
  text.reserve(text.size() + 7 * static_cast<std::size_t>(kDepth) + 20);
  for (int i = 0; i < kDepth; ++i) text += "<a>";
  for (int i = 0; i < kDepth; ++i) text += "</a>";
  text += "</graphml>";
  const std::string message = error_of(read_graphml(text));
  EXPECT_NE(message.find("nested more than 64 deep"), std::string::npos) << message;
  EXPECT_EQ(message.rfind("3:", 0), 0u) << message;
}

TEST(Formats, OversizedFilesAndValuesAreRefused) {
  ReadLimits small;
  small.max_bytes = 100;
  const std::string text = write_graphml(sample());
  EXPECT_NE(error_of(read_graphml(text, small)).find("the limit is 100"), std::string::npos);
  const std::string huge(20'000, 'x');
  const std::string message = error_of(read_graphml(
      std::string(kGraphmlHead) + "<key id=\"n\" for=\"node\" attr.name=\"name\"/>\n<graph>\n" +
      "<node id=\"a\"><data key=\"n\">" + huge + "</data></node></graph></graphml>"));
  EXPECT_EQ(message.rfind("5:14: the name is 20000 bytes long; the limit is 10000", 0), 0u)
      << message;
  EXPECT_NE(error_of(read_people_csv("id,name\na," + huge + "\n")).find("2:3: the name is 20000"),
            std::string::npos);
}

TEST(Formats, ATieToAnUnknownIdNamesTheId) {
  const std::string message = error_of(read_graphml(
      std::string(kGraphmlHead) +
      "<graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"ghost\"/>\n</graph></graphml>"));
  EXPECT_EQ(message, "5:1: the tie's target \"ghost\" is not a person in the file");
  auto people = read_people_csv("id\na\nb\n");
  ASSERT_TRUE(people);
  const auto ties = add_ties_csv(people.value(), "source,target\na,b\nb,nobody\n");
  ASSERT_FALSE(ties);
  EXPECT_EQ(ties.error().message, "3:3: the tie's target \"nobody\" is not a person in the file");
}

TEST(Formats, ADuplicateIdIsRefused) {
  EXPECT_EQ(error_of(read_gexf("<gexf><graph><nodes><node id=\"a\"/>\n<node id=\"a\"/>"
                               "</nodes></graph></gexf>")),
            "2:1: the id \"a\" is used twice");
  EXPECT_EQ(error_of(read_people_csv("id,name\na,A\na,B\n")), "3:1: the id \"a\" is used twice");
}

TEST(Formats, AnEmptyGraphHasNoPeople) {
  for (const auto& message :
       {error_of(read_graphml(std::string(kGraphmlHead) + "<graph/></graphml>")),
        error_of(read_gexf("<gexf><graph><nodes/></graph></gexf>")),
        error_of(read_people_csv("id,name\n")), error_of(read_people_csv(""))}) {
    EXPECT_NE(message.find("no people"), std::string::npos) << message;
  }
}

TEST(Formats, MalformedXmlAndBadValuesGiveLineAndColumn) {
  EXPECT_EQ(error_of(read_graphml("<graphml>\n  <graph>\n  </grap>")).rfind("3:", 0), 0u);
  EXPECT_EQ(error_of(read_graphml("<svg/>")), "1:1: the root element is <svg>, not <graphml>");
  const std::string bad_weight = error_of(read_graphml(
      std::string(kGraphmlHead) +
      "<key id=\"w\" for=\"edge\" attr.name=\"weight\"/>\n<graph>"
      "<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\">-2</data>"
      "</edge></graph></graphml>"));
  EXPECT_NE(bad_weight.find("weight \"-2\" is not a number above 0"), std::string::npos);
  EXPECT_EQ(bad_weight.rfind("5:", 0), 0u) << bad_weight;
  EXPECT_NE(
      error_of(read_people_csv("id,kind\na,wizard\n")).find("\"wizard\" is not a peermap role"),
      std::string::npos);
  EXPECT_NE(error_of(read_gexf("<gexf><graph><nodes><node id=\"a\"/></nodes><edges>"
                               "<edge source=\"a\" target=\"a\"/></edges></graph></gexf>"))
                .find("tied to itself"),
            std::string::npos);
}

TEST(Formats, GephiStyleFilesAreRead) {
  // Gephi writes labels, not names, and keys with its own ids.
  const auto read = read_graphml(
      std::string(kGraphmlHead) +
      "<key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
      "<key id=\"d1\" for=\"edge\" attr.name=\"Weight\" attr.type=\"double\"/>"
      "<graph edgedefault=\"directed\"><node id=\"n0\"><data key=\"d0\">Ann</data></node>"
      "<node id=\"n1\"/><edge source=\"n0\" target=\"n1\"><data key=\"d1\">2.5</data></edge>"
      "</graph></graphml>");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->nodes[0].name, "Ann");
  EXPECT_EQ(read->nodes[1].name, "n1");
  EXPECT_TRUE(read->weighted);
  EXPECT_DOUBLE_EQ(read->edges[0].weight, 2.5);
  EXPECT_TRUE(read->edges[0].directed);
}

}  // namespace
}  // namespace peermap::analysis
