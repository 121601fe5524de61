// Pieces shared by the network map and the ecomap layouts. Internal to the layout module.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "layout/layout.hpp"
#include "layout/text_metrics.hpp"

namespace peermap::layout {

//! A person's node with its symbol and label sized, placed at the origin.
[[nodiscard]] NodeGeometry make_person_node(const model::Document& document,
                                            const model::Person& person, bool redact,
                                            const TextMeasurer& measurer);

//! A location's node (ecomap only), sized, at the origin.
[[nodiscard]] NodeGeometry make_location_node(const model::Location& location,
                                              const TextMeasurer& measurer);

//! Moves a node so its symbol is centred on `centre`; the label follows underneath.
void place_node(NodeGeometry& node, Point centre);

//! The footprint's centre relative to the symbol's centre.
[[nodiscard]] Point footprint_offset(const NodeGeometry& node);

//! Moves the unpinned footprints away from their centroid by `factor` (1.25 = 25 % further).
void spread_footprints(std::vector<Rect>& footprints, const std::vector<bool>& pinned,
                       double factor);

//! Stretches the footprints' centres along one axis so that the drawing's width over height
//! comes within [least, most]: a narrow map sideways, a wide one upwards, by at most `limit`.
//! The page's scale is then still set by the longer side, so the map fills more of the page and
//! prints no smaller. A stretch along one axis brings no two boxes closer and keeps every
//! crossing (straight lines stay straight and meet where they met). O(n).
void stretch_to_page(std::vector<Rect>& footprints, double least, double most, double limit);

//! Draws the footprints together along one axis (x when `along_x`): each box goes to `factor`
//! of its distance from the first box's start, or further on where a box before it along the
//! axis that it faces across the axis (within `gap`) holds it back by `gap`. The order along
//! the axis of any two boxes that face each other is kept, and no two come closer than `gap`
//! if none was. Deterministic. Cost: O(n^2), for the maps a stress layout draws (<= 400).
void compact_footprints(std::vector<Rect>& footprints, bool along_x, double factor, double gap);

//! Puts each footprint that is not `fixed` and comes closer than `gap` to a fixed one, or to one
//! put before it, in the nearest place that is clear of them all, in index order: a person new
//! to a map laid out from earlier places goes into a gap beside their tie and pushes nobody.
//! The places tried are where the box would touch a neighbour within `reach` (doubling up to 8
//! times), one side and the other; a box with no such place stays. Deterministic. Cost:
//! O(k^2 n) for k neighbours within reach of each of the n unfixed boxes.
void settle_in_free_space(std::vector<Rect>& footprints, const std::vector<bool>& fixed, double gap,
                          double reach);

//! Moves unpinned footprints until no two are closer than `gap`; pinned ones only when two
//! pinned footprints overlap (a warning names them). Deterministic. Cost: O(n log n) a round.
void separate_footprints(std::vector<Rect>& footprints, const std::vector<bool>& pinned, double gap,
                         std::vector<std::string>& moved_pins);

//! Pairs (i < j) of pinned nodes, as placed in `nodes`, whose footprints come closer than
//! `gap`. Cost: O(pins^2), pins being few.
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> clashing_pins(
    const std::vector<NodeGeometry>& nodes, const std::vector<bool>& pinned, double gap);

//! Puts every pinned node that is within rounding of its pin exactly on it, and adds a warning
//! to `g` naming each one that had to be moved off its pin (and the pin it was too close to).
void keep_pins(Geometry& g, const model::Document& document,
               const std::map<std::string, Point>& pins);

//! A straight line between two symbols, stopping at their outlines.
[[nodiscard]] EdgeGeometry straight_edge(const std::string& id, const NodeGeometry& from,
                                         const NodeGeometry& to);

//! Sets the frame to the drawing's bounds plus a margin; without pins, moves it to the origin.
void frame_geometry(Geometry& geometry, bool keep_coordinates);

//! Lays out the child-centred ecomap (guidance Appendix 1).
[[nodiscard]] Result<Geometry> ecomap_layout(const model::Document& document,
                                             const LayoutOptions& options,
                                             const TextMeasurer& measurer);

}  // namespace peermap::layout
