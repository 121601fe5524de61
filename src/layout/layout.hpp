// The automatic layout of a peer map: where every person sits, where their label goes, the
// lines between them and the regions around groups and locations.
//
// Guarantees for every valid document (checked by tests/layout over generated documents):
// no two symbols overlap; no label overlaps another label or another node's symbol; a group or
// location drawn as an outline holds every member, and no non-member; one drawn as a line
// passes through every member's symbol and through no non-member's symbol or label; nobody is
// inside more than 3 outlines; a region's name sits on its own outline or line. Same document
// and seed, same geometry.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "base/time_budget.hpp"
#include "layout/geometry.hpp"
#include "layout/style.hpp"
#include "model/document.hpp"
#include "model/problems.hpp"

namespace peermap::layout {

enum class NodeKind { Person, Location };

struct NodeGeometry {
  std::string id;
  NodeKind kind = NodeKind::Person;
  double x = 0;  //!< centre of the symbol
  double y = 0;
  double w = 0;  //!< symbol size
  double h = 0;
  Rect label;  //!< top-left corner and size
  //! The label as drawn: the name (wrapped at `name_width`, never cut), then the details.
  std::vector<std::string> label_lines;
  //! The width the name wraps at: 104 pt, or more for a name that needs more than 3 lines.
  double name_width = style::kLabelMaxWidth;
  bool pinned = false;

  [[nodiscard]] Rect symbol() const { return {x - w / 2, y - h / 2, w, h}; }
  //! Symbol and label together: what must not overlap anything else.
  [[nodiscard]] Rect footprint() const { return symbol().united(label); }
};

struct EdgeGeometry {
  std::string id;
  std::string source;
  std::string target;
  std::vector<Point> points;
};

struct RegionGeometry {
  std::string id;
  bool is_location = false;
  std::string name;
  std::vector<std::string> members;
  RegionShape shape = RegionShape::Outline;
  Polygon polygon;          //!< Outline: closed (the last point joins the first); else empty
  std::vector<Point> line;  //!< Line: through every member's symbol centre, in order; else empty
  Rect label;               //!< where the region's name is written
  double name_width = style::kRegionLabelMaxWidth;  //!< the width the name wraps at
};

struct Geometry {
  double x0 = 0;  //!< top-left of the frame; 0 unless pinned positions put it elsewhere
  double y0 = 0;
  double width = 0;
  double height = 0;
  std::vector<NodeGeometry> nodes;
  std::vector<EdgeGeometry> edges;
  std::vector<RegionGeometry> regions;
  //! Ecomap only: the centre and the outer radius of the bands of rings 1..4.
  std::optional<Point> ecomap_centre;
  std::vector<double> ring_radii;
  //! e.g. a pinned person who had to be moved off the pin, named; `render` prints them.
  std::vector<std::string> warnings;
};

struct LayoutOptions {
  unsigned seed = 1;
  std::string ecomap_centre;  //!< person id; empty for the network map
  bool redact = false;        //!< children other than the subjects by initials only
  //! Where people's symbols were centred in an earlier layout of this map (NodeGeometry x, y),
  //! by person id. Those people stay put unless a guarantee needs them moved; new people are
  //! placed around them, and coordinates are kept (no shift to the origin). Empty: a full layout.
  std::map<std::string, Point> previous;
  //! The earlier layout itself, when the caller has it (prepare_page's anchored layouts): a tie
  //! whose two people and everything near its earlier line stayed put keeps that line instead
  //! of being routed again. Not owned; it must outlive the call. Null: every tie is routed.
  const Geometry* earlier = nullptr;
  //! Checked before and after Graphviz (whose own run cannot be stopped), between the overlap
  //! and region passes and their retries, and before the labels: a true answer abandons the
  //! layout with out_of_time_error().
  OutOfTime out_of_time{};
};

//! Lays out `document` (already filtered by any --as-of view). Cost: Graphviz stress
//! majorisation (O(n^2) per iteration below 400 people; sfdp above), then per region O(m^2) for m
//! members plus O(cells) over a compact region's own box, and a routed line for a scattered one.
//! Errors: Internal; Unavailable when `options.out_of_time` says the budget is spent.
[[nodiscard]] Result<Geometry> compute_layout(const model::Document& document,
                                              const LayoutOptions& options);

//! Pinned people too close together for both symbols and labels to stay apart (closer than
//! the layout's 24 pt between footprints): one warning a pair, at the later pin's pointer,
//! naming both people by full name and pointer. The layout would move one of them (and warn).
[[nodiscard]] std::vector<model::Problem> pin_problems(const model::Document& document);

//! The geometry as the JSON that `peermap layout --json` prints.
[[nodiscard]] std::string geometry_to_json(const Geometry& geometry);

//! User text made safe to draw: control characters become spaces, broken UTF-8 is mended.
[[nodiscard]] std::string label_text(std::string_view text);

//! The text drawn under a person's symbol (name; age and ROTH on a second line).
[[nodiscard]] std::vector<std::string> person_label(const model::Document& document,
                                                    const model::Person& person, bool redact);

}  // namespace peermap::layout
