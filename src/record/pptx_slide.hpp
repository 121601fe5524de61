// Internal to pptx: one slide's shape tree, built shape by shape, and the furniture every slide
// carries (the title and map date, the protective marking at the top and the bottom, "slide N
// of M").
#pragma once

#include <pugixml.hpp>

#include <string>
#include <vector>

#include "model/document.hpp"
#include "record/pptx_parts.hpp"
#include "render/key.hpp"

namespace peermap::record::pptx {

//! A line of text in a shape: its words, size in points, bold, colour.
struct TextLine {
  std::string text;
  double size = 9;
  bool bold = false;
  render::Colour colour{0.13, 0.13, 0.13};
  bool on_white = false;  //!< highlighted white, so a line under the words does not cross them
};

enum class Align { Left, Centre, Right };

class Slide {
 public:
  explicit Slide(Deck size);
  Slide(const Slide&) = delete;
  Slide& operator=(const Slide&) = delete;
  Slide(Slide&&) = delete;
  Slide& operator=(Slide&&) = delete;
  ~Slide() = default;

  [[nodiscard]] pugi::xml_node tree() const { return tree_; }
  [[nodiscard]] const Deck& size() const { return size_; }
  //! A new shape id (1 is the tree's own); connectors refer to shapes by it.
  unsigned next_id() { return next_id_++; }
  //! A new <p:sp> named `name`, with its id; the caller adds p:spPr and p:txBody.
  pugi::xml_node shape(const std::string& name, unsigned id);
  //! A text box (no fill, no line) at (x, y), w by h points.
  void text_box(const std::string& name, double x, double y, double w, double h,
                const std::vector<TextLine>& lines, Align align = Align::Left);
  [[nodiscard]] std::string bytes() const;

 private:
  Deck size_;
  pugi::xml_document xml_;
  pugi::xml_node tree_;
  unsigned next_id_ = 2;
};

//! The shape's frame: offset (x, y) and size (w, h), points.
void frame(pugi::xml_node parent, double x, double y, double w, double h, bool flip_h = false,
           bool flip_v = false);
//! <a:solidFill> of `colour`, with its alpha.
void solid_fill(pugi::xml_node parent, const render::Colour& colour);
//! The text body of a shape: `lines` as paragraphs, with the body properties given.
pugi::xml_node text_body(pugi::xml_node shape, const std::vector<TextLine>& lines, Align align,
                         const char* anchor = "t");

//! The title and map date at the top left, the marking at the top right and bottom centre (in
//! red), and "slide N of M" at the bottom right.
void furniture(Slide& slide, const model::Document& document, std::size_t number,
               std::size_t count);

}  // namespace peermap::record::pptx
