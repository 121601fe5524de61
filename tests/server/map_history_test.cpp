// Map history as the CLI's `map import` uses it, without HTTP: a map created from a document's
// text as a user, or why not (the validation problems with their pointers), audited either way.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "auth/auth.hpp"
#include "server/map_history.hpp"
#include "store/store.hpp"
#include "support/test_store.hpp"

namespace peermap::server {
namespace {

using json = nlohmann::json;

std::string example(const std::string& name) {
  std::ifstream in(std::string(PEERMAP_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class MapHistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(auth::initialise());
    ASSERT_FALSE(database_.url().empty()) << database_.error();
    auto opened = store::open_store(database_.url());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(opened.value());
    const std::string hash = auth::hash_password("correct horse battery").value();
    alice_ = store_->add_user({"alice", "exploitation", store::AccountRole::practitioner, hash, 0})
                 .value();
    root_ = store_->add_user({"root", "exploitation", store::AccountRole::admin, hash, 0}).value();
  }

  test::TestDatabase database_{"sqlite"};
  std::unique_ptr<store::Store> store_;
  store::User alice_;
  store::User root_;
};

TEST_F(MapHistoryTest, AValidDocumentBecomesRevisionOneOfANewMapAudited) {
  MapHistory history(*store_, {});
  const auto created = history.create_map(alice_, example("peer-group.json"), "cli");
  ASSERT_TRUE(created.id) << created.id.error().message;
  EXPECT_FALSE(created.audit_failed);
  const auto first = history.revision(created.id.value(), 1);
  ASSERT_TRUE(first);
  EXPECT_EQ(json::parse(first.value()->document), json::parse(example("peer-group.json")));
  EXPECT_EQ(first.value()->info.author, "alice");
  const auto rows = store_->audit_of_map(created.id.value()).value();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].action, "map.create");
  EXPECT_EQ(rows[0].outcome, "ok");
  EXPECT_EQ(rows[0].source, "cli");
}

TEST_F(MapHistoryTest, AnInvalidDocumentIsRefusedWithEveryProblemAtItsPointer) {
  MapHistory history(*store_, {});
  auto bad = json::parse(example("peer-group.json"));
  bad["people"][0]["full_name"] = 12;
  const auto refused = history.create_map(alice_, bad.dump(), "cli");
  ASSERT_FALSE(refused.id);
  EXPECT_EQ(refused.id.error().kind, ErrorKind::Invalid);
  ASSERT_FALSE(refused.problems.empty());
  EXPECT_EQ(refused.problems.front().where, "/people/0/full_name");
  EXPECT_TRUE(store_->maps_visible_to("exploitation", 0).value().empty());
}

TEST_F(MapHistoryTest, AnAdminHoldsNoMaps) {
  MapHistory history(*store_, {});
  const auto refused = history.create_map(root_, example("peer-group.json"), "cli");
  ASSERT_FALSE(refused.id);
  EXPECT_EQ(refused.id.error().kind, ErrorKind::Forbidden);
  EXPECT_TRUE(refused.problems.empty());
  EXPECT_TRUE(store_->maps_visible_to("exploitation", root_.id).value().empty());
}

}  // namespace
}  // namespace peermap::server
