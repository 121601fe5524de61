// Pins kept exactly: which pinned people are too close for their symbols and labels to stay
// apart (validation says so before anything is drawn), and the warning when the layout had to
// move one of them after all.
#include <cmath>
#include <map>
#include <string>

#include "base/text_safety.hpp"
#include "layout/layout.hpp"
#include "layout/layout_parts.hpp"
#include "layout/style.hpp"
#include "model/full_name.hpp"

namespace peermap::layout {

namespace {

//! A person as messages name them: the full name, whole, then where they are in the file.
std::string named(const std::string& full_name, const std::string& where) {
  return text::quote_for_message(full_name, model::kMaxNameLength) + " (" + where + ")";
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> clashing_pins(
    const std::vector<NodeGeometry>& nodes, const std::vector<bool>& pinned, double gap) {
  std::vector<std::size_t> at_pins;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (pinned[i]) at_pins.push_back(i);
  }
  std::vector<std::pair<std::size_t, std::size_t>> clashes;
  for (std::size_t a = 0; a < at_pins.size(); ++a) {
    const Rect fa = nodes[at_pins[a]].footprint().inflated(gap / 2);
    for (std::size_t b = a + 1; b < at_pins.size(); ++b) {
      if (fa.overlaps(nodes[at_pins[b]].footprint().inflated(gap / 2)))
        clashes.emplace_back(at_pins[a], at_pins[b]);
    }
  }
  return clashes;
}

std::vector<model::Problem> pin_problems(const model::Document& document) {
  const TextMeasurer measurer;
  std::map<std::string, std::size_t> pin_of;
  for (std::size_t k = 0; k < document.pins.size(); ++k) pin_of[document.pins[k].ref] = k;
  std::vector<NodeGeometry> nodes;
  std::vector<bool> pinned;
  for (const auto& person : document.people) {
    nodes.push_back(make_person_node(document, person, false, measurer));
    const auto pin = pin_of.find(person.id);
    pinned.push_back(pin != pin_of.end());
    if (pinned.back()) {
      place_node(nodes.back(), {document.pins[pin->second].x, document.pins[pin->second].y});
    }
  }
  std::vector<model::Problem> problems;
  for (const auto& [a, b] : clashing_pins(nodes, pinned, style::kNodeSeparation)) {
    const auto& pa = document.people[a];
    const auto& pb = document.people[b];
    problems.push_back(
        {"/pins/" + std::to_string(pin_of.at(pb.id)), model::Severity::Warning,
         named(pa.full_name, "/people/" + std::to_string(a)) + " and " +
             named(pb.full_name, "/people/" + std::to_string(b)) +
             " are pinned too close together for both symbols and labels to stay apart (they "
             "need " +
             std::to_string(static_cast<int>(style::kNodeSeparation)) +
             " pt between them): the map will move " +
             text::quote_for_message(pb.full_name, model::kMaxNameLength) +
             " off the pin. Move one of the pins further away"});
  }
  return problems;
}

void keep_pins(Geometry& g, const model::Document& document,
               const std::map<std::string, Point>& pins) {
  std::vector<NodeGeometry> at_pins = g.nodes;
  std::vector<bool> pinned(g.nodes.size(), false);
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const auto pin = pins.find(g.nodes[i].id);
    if (pin == pins.end()) continue;
    pinned[i] = true;
    place_node(at_pins[i], pin->second);
  }
  const auto clashes = clashing_pins(at_pins, pinned, style::kNodeSeparation);
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    if (!pinned[i]) continue;
    const Point pin = pins.at(g.nodes[i].id);
    const double moved = std::hypot(g.nodes[i].x - pin.x, g.nodes[i].y - pin.y);
    if (moved < 1e-6) {  // rounding on the way through footprint centres: exactly on the pin
      place_node(g.nodes[i], pin);
      continue;
    }
    const model::Person* person = document.find_person(g.nodes[i].id);
    std::string warning =
        "pinned person " +
        named(person != nullptr ? person->full_name : g.nodes[i].id, g.nodes[i].id) +
        " was moved " + std::to_string(static_cast<int>(std::lround(moved))) + " pt from the pin";
    for (const auto& [a, b] : clashes) {
      if (a != i && b != i) continue;
      const model::Person* other = document.find_person(g.nodes[a == i ? b : a].id);
      if (other == nullptr) continue;
      warning += ": it is pinned too close to " + named(other->full_name, other->id) +
                 " for both symbols and labels to stay apart";
      break;
    }
    g.warnings.push_back(warning);
  }
}

}  // namespace peermap::layout
