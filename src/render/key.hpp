// The visual key (DESIGN.md §5): one definition of how each thing is drawn, used for the map
// and for the key printed beside it, so the two can never disagree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/document.hpp"
#include "model/views.hpp"

namespace peermap::render {

struct Colour {
  double r = 0;
  double g = 0;
  double b = 0;
  double a = 1;
};

enum class Shape { Circle, Square, Diamond, Hexagon, Triangle };

struct NodeStyle {
  Shape shape = Shape::Hexagon;
  Colour fill;
  Colour stroke;
  double stroke_width = 1;
  bool subject = false;  //!< drawn with a second, outer ring
};

struct TieStyle {
  Colour colour;
  double width = 1;
  bool dashed = false;           //!< anecdotal only
  bool dotted = false;           //!< no information recorded about it at all
  bool zigzag = false;           //!< tension
  bool faded = false;            //!< historic information only
  bool arrow_at_target = false;  //!< exploitation/control pointing away from the controller
  bool arrow_at_source = false;
  bool influence_to_target = false;  //!< leader -> follower chevron
  bool influence_to_source = false;
};

using model::tie_evidence;
using model::TieEvidence;

[[nodiscard]] Shape shape_for(model::Gender gender);
[[nodiscard]] NodeStyle person_style(const model::Document& document, const model::Person& person);
[[nodiscard]] NodeStyle location_style();
[[nodiscard]] TieStyle tie_style(const model::Document& document, const model::Tie& tie);
//! A faint line for an ecomap placement with no recorded tie.
[[nodiscard]] TieStyle placement_style();
//! Region fill and outline, by position in the document so colours are stable.
[[nodiscard]] Colour region_colour(bool is_location, std::size_t index);
//! The letters drawn on a relationship tie for its nature ("Fr" friend, "Fa" family, "Pa"
//! partner, "As" associate, "On" online, "Pr" professional, "Ri" rival, "Ot" other).
[[nodiscard]] std::string nature_code(const std::string& nature);
//! The edging a place or group marked protective, risky or mixed gets outside its own outline
//! (light green, red or amber); nullopt for one not marked (model::Location::valence).
[[nodiscard]] std::optional<Colour> region_edging(model::Valence valence);
//! The valence recorded for region `id` (a location or a group of `document`).
[[nodiscard]] model::Valence region_valence(const model::Document& document, const std::string& id);

namespace colours {
inline constexpr Colour kChild{0.56, 0.79, 0.98};
inline constexpr Colour kAdult{0.84, 0.62, 0.87};
inline constexpr Colour kProfessional{0.77, 0.89, 0.65};
//! Age not known (model::AgeClass::NotKnown): never drawn as a child or an adult.
inline constexpr Colour kAgeNotKnown{1.0, 0.88, 0.55};
inline constexpr Colour kLocation{0.85, 0.85, 0.85};
inline constexpr Colour kInk{0.13, 0.13, 0.13};
inline constexpr Colour kTie{0.25, 0.25, 0.25};
inline constexpr Colour kProtective{0.13, 0.55, 0.13};
inline constexpr Colour kTension{0.93, 0.49, 0.0};
inline constexpr Colour kExploitation{0.80, 0.0, 0.0};
inline constexpr Colour kMarking{0.70, 0.0, 0.0};
//! The edgings of places and groups marked protective, risky or mixed (region_edging).
inline constexpr Colour kProtectiveEdging{0.50, 0.78, 0.50};
inline constexpr Colour kRiskyEdging{0.93, 0.52, 0.52};
inline constexpr Colour kMixedEdging{0.98, 0.74, 0.42};
}  // namespace colours

}  // namespace peermap::render
