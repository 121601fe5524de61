#include "layout/geometry_codec.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace peermap::layout {
namespace {

using nlohmann::json;

//! Written as the format's first member: a text of another version is refused, not misread.
constexpr int kVersion = 1;

//! To the hundredth of a point, far below what a drawing shows: the text is half the size.
double round(double v) { return std::round(v * 100.0) / 100.0; }

json rect(const Rect& r) { return json::array({round(r.x), round(r.y), round(r.w), round(r.h)}); }

json points(const std::vector<Point>& list) {
  json out = json::array();
  for (const Point& p : list) out.push_back(json::array({round(p.x), round(p.y)}));
  return out;
}

Rect rect_from(const json& j) {
  return {j.at(0).get<double>(), j.at(1).get<double>(), j.at(2).get<double>(),
          j.at(3).get<double>()};
}

std::vector<Point> points_from(const json& j) {
  std::vector<Point> out;
  out.reserve(j.size());
  for (const json& p : j) out.push_back({p.at(0).get<double>(), p.at(1).get<double>()});
  return out;
}

void round_rect(Rect& r) { r = {round(r.x), round(r.y), round(r.w), round(r.h)}; }

void round_points(std::vector<Point>& list) {
  for (Point& p : list) p = {round(p.x), round(p.y)};
}

}  // namespace

Geometry rounded(Geometry g) {
  g.x0 = round(g.x0);
  g.y0 = round(g.y0);
  g.width = round(g.width);
  g.height = round(g.height);
  for (NodeGeometry& n : g.nodes) {
    n.x = round(n.x);
    n.y = round(n.y);
    n.w = round(n.w);
    n.h = round(n.h);
    round_rect(n.label);
    n.name_width = round(n.name_width);
  }
  for (EdgeGeometry& e : g.edges) round_points(e.points);
  for (RegionGeometry& r : g.regions) {
    round_points(r.polygon);
    round_points(r.line);
    round_rect(r.label);
    r.name_width = round(r.name_width);
  }
  if (g.ecomap_centre)
    g.ecomap_centre = Point{round(g.ecomap_centre->x), round(g.ecomap_centre->y)};
  for (double& r : g.ring_radii) r = round(r);
  return g;
}

std::string encode_geometry(const Geometry& g) {
  json out;
  out["version"] = kVersion;
  out["frame"] = rect({g.x0, g.y0, g.width, g.height});
  out["nodes"] = json::array();
  for (const NodeGeometry& n : g.nodes) {
    out["nodes"].push_back({{"id", n.id},
                            {"location", n.kind == NodeKind::Location},
                            {"symbol", rect({n.x, n.y, n.w, n.h})},
                            {"label", rect(n.label)},
                            {"lines", n.label_lines},
                            {"wrap", round(n.name_width)},
                            {"pinned", n.pinned}});
  }
  out["edges"] = json::array();
  for (const EdgeGeometry& e : g.edges) {
    out["edges"].push_back(
        {{"id", e.id}, {"source", e.source}, {"target", e.target}, {"points", points(e.points)}});
  }
  out["regions"] = json::array();
  for (const RegionGeometry& r : g.regions) {
    out["regions"].push_back({{"id", r.id},
                              {"location", r.is_location},
                              {"name", r.name},
                              {"members", r.members},
                              {"polygon", points(r.polygon)},
                              {"label", rect(r.label)},
                              {"wrap", round(r.name_width)}});
    // Written only for a line, so that a layout kept before lines existed reads the same.
    if (r.shape == RegionShape::Line) out["regions"].back()["line"] = points(r.line);
  }
  if (g.ecomap_centre) out["ecomap"] = points({*g.ecomap_centre});
  out["rings"] = json::array();
  for (const double r : g.ring_radii) out["rings"].push_back(round(r));
  out["warnings"] = g.warnings;
  // The rounded doubles are written shortest-exact (nlohmann): they read back to the same bits.
  return out.dump();
}

Result<Geometry> decode_geometry(std::string_view text) {
  try {
    const json in = json::parse(text);
    if (in.at("version").get<int>() != kVersion) {
      return Error{ErrorKind::Invalid, "a kept layout of another version"};
    }
    Geometry g;
    const Rect frame = rect_from(in.at("frame"));
    g.x0 = frame.x;
    g.y0 = frame.y;
    g.width = frame.w;
    g.height = frame.h;
    for (const json& n : in.at("nodes")) {
      NodeGeometry node;
      node.id = n.at("id").get<std::string>();
      node.kind = n.at("location").get<bool>() ? NodeKind::Location : NodeKind::Person;
      const Rect symbol = rect_from(n.at("symbol"));
      node.x = symbol.x;
      node.y = symbol.y;
      node.w = symbol.w;
      node.h = symbol.h;
      node.label = rect_from(n.at("label"));
      node.label_lines = n.at("lines").get<std::vector<std::string>>();
      node.name_width = n.at("wrap").get<double>();
      node.pinned = n.at("pinned").get<bool>();
      g.nodes.push_back(std::move(node));
    }
    for (const json& e : in.at("edges")) {
      g.edges.push_back({e.at("id").get<std::string>(), e.at("source").get<std::string>(),
                         e.at("target").get<std::string>(), points_from(e.at("points"))});
    }
    for (const json& r : in.at("regions")) {
      RegionGeometry region;
      region.id = r.at("id").get<std::string>();
      region.is_location = r.at("location").get<bool>();
      region.name = r.at("name").get<std::string>();
      region.members = r.at("members").get<std::vector<std::string>>();
      region.polygon = points_from(r.at("polygon"));
      region.label = rect_from(r.at("label"));
      region.name_width = r.at("wrap").get<double>();
      if (const auto line = r.find("line"); line != r.end()) {
        region.shape = RegionShape::Line;
        region.line = points_from(*line);
      }
      g.regions.push_back(std::move(region));
    }
    if (const auto it = in.find("ecomap"); it != in.end()) {
      g.ecomap_centre = points_from(*it).at(0);
    }
    g.ring_radii = in.at("rings").get<std::vector<double>>();
    g.warnings = in.at("warnings").get<std::vector<std::string>>();
    return g;
  } catch (const json::exception& e) {
    return Error{ErrorKind::Invalid, std::string("a kept layout that cannot be read: ") + e.what()};
  } catch (const std::out_of_range& e) {
    return Error{ErrorKind::Invalid, std::string("a kept layout that cannot be read: ") + e.what()};
  }
}

}  // namespace peermap::layout
