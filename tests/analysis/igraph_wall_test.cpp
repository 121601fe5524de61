// The igraph wall: errors come back as values instead of aborting the process, and igraph
// keeps working after one.
#include <gtest/gtest.h>

#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "analysis/igraph_wall.hpp"
#include "analysis/measures.hpp"
#include "support/network_builder.hpp"

namespace peermap::analysis {
namespace {

TEST(IgraphWall, AnIgraphErrorIsAnErrorValueAndIgraphStillWorks) {
  const igraph_wall::Session session(1);
  // Three ends do not make edges: igraph_create fails with EINVAL.
  const auto bad = igraph_wall::Graph::undirected(session, 2, {0, 1, 1});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(bad.error().message.rfind("igraph: building the graph: ", 0), 0u)
      << bad.error().message;
  std::cout << "  igraph's error, as reported: " << bad.error().message << "\n";

  const auto good = igraph_wall::Graph::undirected(session, 2, {0, 1});
  ASSERT_TRUE(good.ok()) << good.error().message;
  EXPECT_EQ(igraph_ecount(good->get()), 1);
}

// A bad weight reaches igraph (the Network was built by hand, not parsed): an error, no abort.
//
//   a --(-1)-- b
TEST(IgraphWall, NegativeWeightIsReportedNotFatal) {
  Network network;
  network.nodes = {testing::node("a"), testing::node("b")};
  network.edges = {testing::edge(0, 1, -1.0)};
  network.weighted = true;
  const auto measures = compute_measures(network);
  ASSERT_FALSE(measures.ok());
  EXPECT_NE(measures.error().message.find("igraph"), std::string::npos);
}

// Two threads at once: the wall serialises them, and both get the single-threaded answer.
//
//   a --- b --- c --- d --- e      (and e --- a: a ring of five)
TEST(IgraphWall, ConcurrentCallersGetTheSameAnswers) {
  Network ring;
  for (const char* id : {"a", "b", "c", "d", "e"}) ring.nodes.push_back(testing::node(id));
  for (std::size_t i = 0; i < 5; ++i) ring.edges.push_back(testing::edge(i, (i + 1) % 5));
  const auto expected = compute_measures(ring);
  ASSERT_TRUE(expected.ok());
  std::vector<int> matches(2, 0);
  std::vector<std::thread> threads;
  for (int& count : matches) {
    threads.emplace_back([&ring, &expected, &count] {
      for (int run = 0; run < 50; ++run) {
        const auto got = compute_measures(ring);
        if (got.ok() && got.value() == expected.value()) ++count;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(matches[0], 50);
  EXPECT_EQ(matches[1], 50);
}

}  // namespace
}  // namespace peermap::analysis
