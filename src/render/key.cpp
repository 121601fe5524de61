#include "render/key.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "model/views.hpp"

namespace peermap::render {

using model::Document;

Shape shape_for(model::Gender gender) {
  switch (gender) {
    case model::Gender::Female:
      return Shape::Circle;
    case model::Gender::Male:
      return Shape::Square;
    case model::Gender::NonBinary:
      return Shape::Diamond;
    case model::Gender::Other:
    case model::Gender::Unknown:
      return Shape::Hexagon;
  }
  return Shape::Hexagon;
}

NodeStyle person_style(const Document& document, const model::Person& person) {
  NodeStyle style;
  style.shape = shape_for(person.gender);
  if (person.role == model::Role::Professional) {
    style.fill = colours::kProfessional;
  } else {
    switch (model::age_class(person, document.map.map_date)) {
      case model::AgeClass::Adult:
        style.fill = colours::kAdult;
        break;
      case model::AgeClass::Child:
        style.fill = colours::kChild;
        break;
      case model::AgeClass::NotKnown:
        style.fill = colours::kAgeNotKnown;
        break;
    }
  }
  style.stroke = colours::kInk;
  style.subject = document.is_subject(person.id);
  style.stroke_width = style.subject ? 3.0 : 1.0;
  return style;
}

NodeStyle location_style() {
  return {Shape::Triangle, colours::kLocation, colours::kInk, 1.0, false};
}

TieStyle tie_style(const Document& document, const model::Tie& tie) {
  TieStyle style;
  style.colour = tie.valence == model::Valence::Protective ? colours::kProtective : colours::kTie;
  style.width = 0.75 + 1.25 * tie.strength;
  const TieEvidence evidence = tie_evidence(document, tie.id);
  // Three states a reader must tell apart: evidenced (solid), anecdotal only (dashed), and
  // nothing recorded about the tie at all (dotted).
  style.dotted = evidence.items == 0;
  style.dashed = evidence.items > 0 && !evidence.any_evidenced;
  style.faded = evidence.items > 0 && !evidence.any_recent;
  if (tie.tension) {
    style.zigzag = true;
    style.colour = colours::kTension;
  }
  if (tie.exploitation_by) {
    style.colour = colours::kExploitation;
    style.arrow_at_target = *tie.exploitation_by == tie.from;
    style.arrow_at_source = *tie.exploitation_by == tie.to;
  }
  if (tie.influence_leader) {
    style.influence_to_target = *tie.influence_leader == tie.from;
    style.influence_to_source = *tie.influence_leader == tie.to;
  }
  return style;
}

TieStyle placement_style() {
  TieStyle style;
  style.colour = {0.55, 0.55, 0.55};
  style.width = 0.8;
  return style;
}

Colour region_colour(bool is_location, std::size_t index) {
  // Colour-blind-safe hues (Okabe-Ito): groups take the blues and purples, places the earths.
  static constexpr std::array<Colour, 4> kGroups{
      {{0.0, 0.45, 0.70}, {0.80, 0.47, 0.65}, {0.34, 0.71, 0.91}, {0.45, 0.35, 0.75}}};
  static constexpr std::array<Colour, 4> kPlaces{
      {{0.0, 0.62, 0.45}, {0.60, 0.45, 0.20}, {0.55, 0.60, 0.10}, {0.35, 0.50, 0.35}}};
  return is_location ? kPlaces[index % kPlaces.size()] : kGroups[index % kGroups.size()];
}

std::string nature_code(const std::string& nature) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kCodes{
      {{"friend", "Fr"},
       {"family", "Fa"},
       {"partner", "Pa"},
       {"associate", "As"},
       {"online", "On"},
       {"professional", "Pr"},
       {"rival", "Ri"},
       {"other", "Ot"}}};
  for (const auto& [name, code] : kCodes) {
    if (name == nature) return std::string(code);
  }
  return "Ot";
}

std::optional<Colour> region_edging(model::Valence valence) {
  // Lighter than the protective and exploitation lines, so an edging is never taken for a tie.
  switch (valence) {
    case model::Valence::Protective:
      return colours::kProtectiveEdging;
    case model::Valence::Risky:
      return colours::kRiskyEdging;
    case model::Valence::Mixed:
      return colours::kMixedEdging;
    case model::Valence::Unknown:
      break;
  }
  return std::nullopt;
}

model::Valence region_valence(const Document& document, const std::string& id) {
  if (const model::Location* l = document.find_location(id)) return l->valence;
  if (const model::Group* g = document.find_group(id)) return g->valence;
  return model::Valence::Unknown;
}

}  // namespace peermap::render
