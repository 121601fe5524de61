#include "record/pptx_slide.hpp"

#include <utility>

#include "record/pptx_parts.hpp"
#include "record/pptx_xml.hpp"

namespace peermap::record::pptx {

Slide::Slide(Deck size) : size_(std::move(size)) {
  auto root = xml_.append_child("p:sld");
  root.append_attribute("xmlns:a") = kA;
  root.append_attribute("xmlns:r") = kR;
  root.append_attribute("xmlns:p") = kP;
  tree_ = empty_tree(root.append_child("p:cSld"));
  root.append_child("p:clrMapOvr").append_child("a:masterClrMapping");
}

pugi::xml_node Slide::shape(const std::string& name, unsigned id) {
  auto sp = tree_.append_child("p:sp");
  auto nv = sp.append_child("p:nvSpPr");
  auto c = nv.append_child("p:cNvPr");
  c.append_attribute("id") = id;
  c.append_attribute("name") = clean(name).c_str();
  nv.append_child("p:cNvSpPr");
  nv.append_child("p:nvPr");
  return sp;
}

void Slide::text_box(const std::string& name, double x, double y, double w, double h,
                     const std::vector<TextLine>& lines, Align align) {
  auto sp = shape(name, next_id());
  sp.child("p:nvSpPr").child("p:cNvSpPr").append_attribute("txBox") = 1;
  auto pr = sp.append_child("p:spPr");
  frame(pr, x, y, w, h);
  pr.append_child("a:prstGeom").append_attribute("prst") = "rect";
  pr.child("a:prstGeom").append_child("a:avLst");
  pr.append_child("a:noFill");
  text_body(sp, lines, align);
}

std::string Slide::bytes() const { return part_bytes(xml_); }

void frame(pugi::xml_node parent, double x, double y, double w, double h, bool flip_h,
           bool flip_v) {
  auto xfrm = parent.append_child("a:xfrm");
  if (flip_h) xfrm.append_attribute("flipH") = 1;
  if (flip_v) xfrm.append_attribute("flipV") = 1;
  auto off = xfrm.append_child("a:off");
  off.append_attribute("x") = emu(x);
  off.append_attribute("y") = emu(y);
  auto ext = xfrm.append_child("a:ext");
  ext.append_attribute("cx") = emu(std::max(w, 0.0));
  ext.append_attribute("cy") = emu(std::max(h, 0.0));
}

void solid_fill(pugi::xml_node parent, const render::Colour& colour) {
  auto rgb = parent.append_child("a:solidFill").append_child("a:srgbClr");
  rgb.append_attribute("val") = hex(colour).c_str();
  if (colour.a < 1) {
    rgb.append_child("a:alpha").append_attribute("val") =
        static_cast<int>(std::lround(colour.a * 100000));
  }
}

pugi::xml_node text_body(pugi::xml_node shape, const std::vector<TextLine>& lines, Align align,
                         const char* anchor) {
  auto body = shape.append_child("p:txBody");
  auto pr = body.append_child("a:bodyPr");
  pr.append_attribute("wrap") = "square";
  for (const char* inset : {"lIns", "tIns", "rIns", "bIns"}) pr.append_attribute(inset) = 0;
  pr.append_attribute("anchor") = anchor;
  body.append_child("a:lstStyle");
  for (const auto& line : lines) {
    auto p = body.append_child("a:p");
    auto ppr = p.append_child("a:pPr");
    ppr.append_attribute("algn") = align == Align::Left     ? "l"
                                   : align == Align::Centre ? "ctr"
                                                            : "r";
    auto r = p.append_child("a:r");
    auto rpr = r.append_child("a:rPr");
    rpr.append_attribute("lang") = "en-GB";
    rpr.append_attribute("sz") = static_cast<int>(std::lround(line.size * 100));
    rpr.append_attribute("b") = line.bold ? 1 : 0;
    solid_fill(rpr, line.colour);
    if (line.on_white) {
      rpr.append_child("a:highlight").append_child("a:srgbClr").append_attribute("val") = "FFFFFF";
    }
    rpr.append_child("a:latin").append_attribute("typeface") = "Arial";
    r.append_child("a:t").text() = clean(line.text).c_str();
  }
  if (lines.empty()) body.append_child("a:p");
  return body;
}

void furniture(Slide& slide, const model::Document& document, std::size_t number,
               std::size_t count) {
  const model::MapInfo& map = document.map;
  const double width = slide.size().width;
  const double height = slide.size().height;
  const std::string marking =
      map.protective_marking.empty() ? "OFFICIAL-SENSITIVE" : map.protective_marking;
  std::vector<TextLine> title{{map.title, 13, true},
                              {"Map date: " + map.map_date.to_string(), 8.5}};
  if (!slide.size().face.empty()) {
    title.push_back({slide.size().face, 8.5, true, render::colours::kMarking});
  }
  slide.text_box("Title", 24, 12, width - 24 - 240, 46, title);
  slide.text_box("Marking (top)", width - 224, 12, 200, 18,
                 {{marking, 11, true, render::colours::kMarking}}, Align::Right);
  slide.text_box("Marking (bottom)", width / 2 - 150, height - 22, 300, 16,
                 {{marking, 10, true, render::colours::kMarking}}, Align::Centre);
  slide.text_box("Slide number", width - 224, height - 22, 200, 16,
                 {{"slide " + std::to_string(number) + " of " + std::to_string(count), 8}},
                 Align::Right);
}

}  // namespace peermap::record::pptx
