// A kept layout (layout/geometry_codec.hpp): what is written reads back as the same geometry,
// everything the drawing reads included, and a damaged text is refused, never half-read.
#include "layout/geometry_codec.hpp"

#include <gtest/gtest.h>

#include "support/random_document.hpp"

namespace peermap::layout {
namespace {

Geometry laid_out(unsigned seed) {
  testing::RandomMapShape shape;
  shape.people = 40;
  shape.groups = 2;
  shape.locations = 2;
  auto geometry = compute_layout(testing::random_document(seed, shape), {});
  EXPECT_TRUE(geometry.ok());
  return geometry.ok() ? geometry.value() : Geometry{};
}

TEST(GeometryCodec, ReadsBackTheGeometryItWrote) {
  for (const unsigned seed : {3U, 5U, 8U}) {
    Geometry g = laid_out(seed);
    ASSERT_FALSE(g.nodes.empty());
    ASSERT_FALSE(g.regions.empty());
    g.warnings.push_back("pinned person p1 was moved 30 pt");
    g.ecomap_centre = Point{10.5, 20.25};
    g.ring_radii = {100, 200.125};
    const std::string text = encode_geometry(g);
    auto back = decode_geometry(text);
    ASSERT_TRUE(back.ok()) << back.error().message;
    // Exactly what it says: written again, the same text; and rounded() is what it reads back.
    EXPECT_EQ(encode_geometry(back.value()), text);
    const Geometry same = rounded(g);
    EXPECT_EQ(encode_geometry(same), text);
    ASSERT_EQ(same.nodes.size(), back->nodes.size());
    for (std::size_t i = 0; i < same.nodes.size(); ++i) {
      EXPECT_EQ(same.nodes[i].x, back->nodes[i].x);  // the same bits, not just near
      EXPECT_EQ(same.nodes[i].label.y, back->nodes[i].label.y);
    }
    for (std::size_t i = 0; i < same.regions.size(); ++i) {
      const auto& path = same.regions[i].shape == RegionShape::Outline ? same.regions[i].polygon
                                                                       : same.regions[i].line;
      const auto& read = back->regions[i].shape == RegionShape::Outline ? back->regions[i].polygon
                                                                        : back->regions[i].line;
      ASSERT_FALSE(path.empty());
      ASSERT_EQ(path.size(), read.size());
      EXPECT_EQ(path.back().x, read.back().x);
    }
    const Geometry& r = back.value();
    ASSERT_EQ(r.nodes.size(), g.nodes.size());
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
      EXPECT_EQ(r.nodes[i].id, g.nodes[i].id);
      EXPECT_EQ(r.nodes[i].kind, g.nodes[i].kind);
      EXPECT_EQ(r.nodes[i].label_lines, g.nodes[i].label_lines);
      EXPECT_EQ(r.nodes[i].pinned, g.nodes[i].pinned);
      EXPECT_NEAR(r.nodes[i].x, g.nodes[i].x, 0.005);
      EXPECT_NEAR(r.nodes[i].label.w, g.nodes[i].label.w, 0.005);
      EXPECT_NEAR(r.nodes[i].name_width, g.nodes[i].name_width, 0.005);
    }
    ASSERT_EQ(r.edges.size(), g.edges.size());
    for (std::size_t i = 0; i < g.edges.size(); ++i) {
      EXPECT_EQ(r.edges[i].id, g.edges[i].id);
      EXPECT_EQ(r.edges[i].source, g.edges[i].source);
      EXPECT_EQ(r.edges[i].points.size(), g.edges[i].points.size());
    }
    ASSERT_EQ(r.regions.size(), g.regions.size());
    for (std::size_t i = 0; i < g.regions.size(); ++i) {
      EXPECT_EQ(r.regions[i].name, g.regions[i].name);
      EXPECT_EQ(r.regions[i].members, g.regions[i].members);
      EXPECT_EQ(r.regions[i].is_location, g.regions[i].is_location);
      EXPECT_EQ(r.regions[i].shape, g.regions[i].shape);
      EXPECT_EQ(r.regions[i].polygon.size(), g.regions[i].polygon.size());
      EXPECT_EQ(r.regions[i].line.size(), g.regions[i].line.size());
    }
    EXPECT_EQ(r.warnings, g.warnings);
    ASSERT_TRUE(r.ecomap_centre.has_value());
    EXPECT_DOUBLE_EQ(r.ecomap_centre->y, 20.25);
    EXPECT_EQ(r.ring_radii, (std::vector<double>{100, 200.13}));
  }
}

// A layout kept before scattered regions became lines has no "line": its regions read back as
// the outlines they were, so a kept revision draws as it always did.
TEST(GeometryCodec, ALayoutKeptBeforeLinesReadsAsOutlines) {
  const std::string text =
      R"({"version":1,"frame":[0,0,100,100],"nodes":[],"edges":[],"regions":[{"id":"g1",)"
      R"("location":false,"name":"Group","members":[],"polygon":[[0,0],[10,0],[10,10]],)"
      R"("label":[0,0,5,5],"wrap":260}],"rings":[],"warnings":[]})";
  auto back = decode_geometry(text);
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->regions.size(), 1u);
  EXPECT_EQ(back->regions[0].shape, RegionShape::Outline);
  EXPECT_EQ(back->regions[0].polygon.size(), 3u);
  EXPECT_EQ(encode_geometry(back.value()).find("\"line\""), std::string::npos);
  // And a line is kept as a line.
  Geometry g = back.value();
  g.regions[0].shape = RegionShape::Line;
  g.regions[0].polygon.clear();
  g.regions[0].line = {{1, 2}, {3.25, 4}};
  auto line = decode_geometry(encode_geometry(g));
  ASSERT_TRUE(line.ok());
  EXPECT_EQ(line->regions[0].shape, RegionShape::Line);
  EXPECT_EQ(line->regions[0].line.size(), 2u);
  EXPECT_DOUBLE_EQ(line->regions[0].line[1].x, 3.25);
}

TEST(GeometryCodec, RefusesADamagedOrForeignText) {
  const std::string text = encode_geometry(laid_out(3));
  for (const std::string& bad :
       {std::string(), std::string("{}"), text.substr(0, text.size() / 2),
        std::string(R"({"version":2,"frame":[0,0,1,1],"nodes":[],"edges":[],"regions":[],)"
                    R"("rings":[],"warnings":[]})"),
        std::string(R"({"version":1,"frame":[0,0,1],"nodes":[],"edges":[],"regions":[],)"
                    R"("rings":[],"warnings":[]})"),
        std::string(R"({"version":1,"frame":[0,0,1,1],"nodes":[{"id":7}],"edges":[],)"
                    R"("regions":[],"rings":[],"warnings":[]})")}) {
    auto back = decode_geometry(bad);
    ASSERT_FALSE(back.ok()) << bad;
    EXPECT_EQ(back.error().kind, ErrorKind::Invalid);
  }
}

}  // namespace
}  // namespace peermap::layout
