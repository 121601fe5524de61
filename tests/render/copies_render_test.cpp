// A copy's map (docs/copies.md): laid out as if what it withholds had never been on the map, so
// no gap or leftover line shows where a withheld person stood, and never from an earlier picture.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>

#include "model/copies.hpp"
#include "render/page.hpp"
#include "support/copies_document.hpp"

namespace peermap::render {
namespace {

using model::Audience;

//! Where each node stands, by id.
std::map<std::string, std::pair<double, double>> positions(const layout::Geometry& g) {
  std::map<std::string, std::pair<double, double>> out;
  for (const auto& node : g.nodes) out[node.id] = {node.x, node.y};
  return out;
}

TEST(CopyPage, IsLaidOutAsTheCopyAloneWouldBe) {
  model::Document d = testing::copies_document();
  d.pins.push_back({"kyle", 10, 10});  // a pinned picture is the full map's, not a copy's
  for (const auto audience :
       {Audience::Partner, Audience::Family, Audience::RecordOfAnotherChild}) {
    SCOPED_TRACE(std::string(model::audience_name(audience)));
    model::View view;
    view.audience = audience;
    view.reason = "to support a referral";
    const auto copy = prepare_page(d, view);
    ASSERT_TRUE(copy) << copy.error().message;
    const auto alone = prepare_page(model::copy_for(d, audience).document, model::View{});
    ASSERT_TRUE(alone) << alone.error().message;
    EXPECT_EQ(positions(copy->geometry), positions(alone->geometry));
    EXPECT_EQ(copy->geometry.edges.size(), alone->geometry.edges.size());
    EXPECT_EQ(copy->geometry.width, alone->geometry.width);
    EXPECT_EQ(copy->geometry.height, alone->geometry.height);
    EXPECT_EQ(copy->withheld,
              d.information.size() - testing::copies_expected_items().at(audience).size());
  }
}

TEST(CopyPage, IsNeverLaidOutFromAnEarlierPicture) {
  const model::Document d = testing::copies_document();
  const auto full = prepare_page(d, model::View{});
  ASSERT_TRUE(full);
  model::View view;
  view.audience = Audience::Partner;
  const auto from_earlier = prepare_page(d, view, &full.value());
  const auto afresh = prepare_page(d, view);
  ASSERT_TRUE(from_earlier && afresh);
  EXPECT_EQ(positions(from_earlier->geometry), positions(afresh->geometry));
}

TEST(CopyPage, AnotherChildsRecordWithoutAReasonIsInvalidNamingTheReason) {
  model::View view;
  view.audience = Audience::RecordOfAnotherChild;
  const auto page = prepare_page(testing::copies_document(), view);
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(page.error().message.rfind("reason: ", 0), 0u);
}

}  // namespace
}  // namespace peermap::render
