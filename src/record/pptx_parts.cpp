// The fixed parts of the package. Only internal targets: no relationship is external, and no
// part is a macro project, an embedded object or a link.
#include "record/pptx_parts.hpp"

#include <pugixml.hpp>

#include <tuple>

#include "record/pptx_xml.hpp"

namespace peermap::record::pptx {
namespace {

constexpr const char* kRelationships =
    "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kOfficeRel =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* kPresentationMl =
    "application/vnd.openxmlformats-officedocument.presentationml.";

struct Relationship {
  std::string id;
  std::string type;
  std::string target;
};

std::string relationships(const std::vector<Relationship>& list) {
  pugi::xml_document xml;
  auto root = xml.append_child("Relationships");
  root.append_attribute("xmlns") = kRelationships;
  for (const auto& r : list) {
    auto rel = root.append_child("Relationship");
    rel.append_attribute("Id") = r.id.c_str();
    rel.append_attribute("Type") = r.type.c_str();
    rel.append_attribute("Target") = r.target.c_str();
  }
  return part_bytes(xml);
}

std::string content_types(std::size_t slides) {
  pugi::xml_document xml;
  auto root = xml.append_child("Types");
  root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/content-types";
  const auto by_extension = [&](const char* extension, const char* type) {
    auto d = root.append_child("Default");
    d.append_attribute("Extension") = extension;
    d.append_attribute("ContentType") = type;
  };
  by_extension("rels", "application/vnd.openxmlformats-package.relationships+xml");
  by_extension("xml", "application/xml");
  const auto part = [&](const std::string& name, const std::string& type) {
    auto o = root.append_child("Override");
    o.append_attribute("PartName") = name.c_str();
    o.append_attribute("ContentType") = type.c_str();
  };
  part("/ppt/presentation.xml", std::string(kPresentationMl) + "presentation.main+xml");
  part("/ppt/slideMasters/slideMaster1.xml", std::string(kPresentationMl) + "slideMaster+xml");
  part("/ppt/slideLayouts/slideLayout1.xml", std::string(kPresentationMl) + "slideLayout+xml");
  part("/ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml");
  for (std::size_t k = 1; k <= slides; ++k) {
    part("/ppt/slides/slide" + std::to_string(k) + ".xml",
         std::string(kPresentationMl) + "slide+xml");
  }
  part("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  part("/docProps/app.xml",
       "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  return part_bytes(xml);
}

std::string presentation(std::size_t slides, const Deck& slide_size) {
  pugi::xml_document xml;
  auto root = xml.append_child("p:presentation");
  root.append_attribute("xmlns:a") = kA;
  root.append_attribute("xmlns:r") = kR;
  root.append_attribute("xmlns:p") = kP;
  auto masters = root.append_child("p:sldMasterIdLst").append_child("p:sldMasterId");
  masters.append_attribute("id") = "2147483648";
  masters.append_attribute("r:id") = "rId1";
  auto list = root.append_child("p:sldIdLst");
  for (std::size_t k = 1; k <= slides; ++k) {
    auto slide = list.append_child("p:sldId");
    slide.append_attribute("id") = std::to_string(255 + k).c_str();
    slide.append_attribute("r:id") = ("rId" + std::to_string(k + 2)).c_str();
  }
  auto size = root.append_child("p:sldSz");
  size.append_attribute("cx") = emu(slide_size.width);
  size.append_attribute("cy") = emu(slide_size.height);
  auto notes = root.append_child("p:notesSz");
  notes.append_attribute("cx") = emu(595.28);  // A4 portrait
  notes.append_attribute("cy") = emu(841.89);
  return part_bytes(xml);
}

}  // namespace

pugi::xml_node empty_tree(pugi::xml_node c_sld) {
  auto tree = c_sld.append_child("p:spTree");
  auto nv = tree.append_child("p:nvGrpSpPr");
  auto id = nv.append_child("p:cNvPr");
  id.append_attribute("id") = 1;
  id.append_attribute("name") = "";
  nv.append_child("p:cNvGrpSpPr");
  nv.append_child("p:nvPr");
  auto xfrm = tree.append_child("p:grpSpPr").append_child("a:xfrm");
  for (const auto& [part, x, y] : {std::tuple{"a:off", "x", "y"},
                                   {"a:ext", "cx", "cy"},
                                   {"a:chOff", "x", "y"},
                                   {"a:chExt", "cx", "cy"}}) {
    auto n = xfrm.append_child(part);
    n.append_attribute(x) = 0;
    n.append_attribute(y) = 0;
  }
  return tree;
}

namespace {

pugi::xml_node root_of(pugi::xml_document& xml, const char* name) {
  auto root = xml.append_child(name);
  root.append_attribute("xmlns:a") = kA;
  root.append_attribute("xmlns:r") = kR;
  root.append_attribute("xmlns:p") = kP;
  return root;
}

std::string master() {
  pugi::xml_document xml;
  auto root = root_of(xml, "p:sldMaster");
  auto c_sld = root.append_child("p:cSld");
  auto bg = c_sld.append_child("p:bg").append_child("p:bgRef");
  bg.append_attribute("idx") = 1001;
  bg.append_child("a:schemeClr").append_attribute("val") = "bg1";
  empty_tree(c_sld);
  auto map = root.append_child("p:clrMap");
  for (const auto& [k, v] : {std::pair{"bg1", "lt1"},
                             {"tx1", "dk1"},
                             {"bg2", "lt2"},
                             {"tx2", "dk2"},
                             {"accent1", "accent1"},
                             {"accent2", "accent2"},
                             {"accent3", "accent3"},
                             {"accent4", "accent4"},
                             {"accent5", "accent5"},
                             {"accent6", "accent6"},
                             {"hlink", "hlink"},
                             {"folHlink", "folHlink"}}) {
    map.append_attribute(k) = v;
  }
  auto layout = root.append_child("p:sldLayoutIdLst").append_child("p:sldLayoutId");
  layout.append_attribute("id") = "2147483649";
  layout.append_attribute("r:id") = "rId1";
  return part_bytes(xml);
}

std::string blank_layout() {
  pugi::xml_document xml;
  auto root = root_of(xml, "p:sldLayout");
  root.append_attribute("type") = "blank";
  root.append_attribute("preserve") = 1;
  auto c_sld = root.append_child("p:cSld");
  c_sld.append_attribute("name") = "Blank";
  empty_tree(c_sld);
  root.append_child("p:clrMapOvr").append_child("a:masterClrMapping");
  return part_bytes(xml);
}

//! The theme: plain colours, Arial (DejaVu Sans where LibreOffice has no Arial), flat styles.
std::string theme() {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="peermap"><a:themeElements><a:clrScheme name="peermap"><a:dk1><a:srgbClr val="212121"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="0B0C0C"/></a:dk2><a:lt2><a:srgbClr val="F3F2F1"/></a:lt2><a:accent1><a:srgbClr val="1D70B8"/></a:accent1><a:accent2><a:srgbClr val="B30000"/></a:accent2><a:accent3><a:srgbClr val="00703C"/></a:accent3><a:accent4><a:srgbClr val="EE7D00"/></a:accent4><a:accent5><a:srgbClr val="4C2C92"/></a:accent5><a:accent6><a:srgbClr val="505A5F"/></a:accent6><a:hlink><a:srgbClr val="1D70B8"/></a:hlink><a:folHlink><a:srgbClr val="4C2C92"/></a:folHlink></a:clrScheme><a:fontScheme name="peermap"><a:majorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="peermap"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="28575"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>
)";
}

std::string core(const std::string& title, const model::Date& date) {
  pugi::xml_document xml;
  auto root = xml.append_child("cp:coreProperties");
  root.append_attribute("xmlns:cp") =
      "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  root.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
  root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  root.append_child("dc:title").text() = clean(title).c_str();
  root.append_child("dc:creator").text() = "peermap";
  const std::string when = date.to_string() + "T00:00:00Z";
  for (const char* name : {"dcterms:created", "dcterms:modified"}) {
    auto d = root.append_child(name);
    d.append_attribute("xsi:type") = "dcterms:W3CDTF";
    d.text() = when.c_str();
  }
  return part_bytes(xml);
}

std::string app() {
  pugi::xml_document xml;
  auto root = xml.append_child("Properties");
  root.append_attribute("xmlns") =
      "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
  root.append_child("Application").text() = "peermap";
  return part_bytes(xml);
}

}  // namespace

Parts package_parts(const std::vector<std::string>& slides, const std::string& title,
                    const model::Date& date, const Deck& size) {
  const std::string office(kOfficeRel);
  Parts parts;
  parts.emplace_back("[Content_Types].xml", content_types(slides.size()));
  parts.emplace_back(
      "_rels/.rels",
      relationships({{"rId1", office + "officeDocument", "ppt/presentation.xml"},
                     {"rId2",
                      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                      "core-properties",
                      "docProps/core.xml"},
                     {"rId3", office + "extended-properties", "docProps/app.xml"}}));
  parts.emplace_back("docProps/core.xml", core(title, date));
  parts.emplace_back("docProps/app.xml", app());
  parts.emplace_back("ppt/presentation.xml", presentation(slides.size(), size));
  std::vector<Relationship> presentation_rels{
      {"rId1", office + "slideMaster", "slideMasters/slideMaster1.xml"},
      {"rId2", office + "theme", "theme/theme1.xml"}};
  for (std::size_t k = 1; k <= slides.size(); ++k) {
    presentation_rels.push_back({"rId" + std::to_string(k + 2), office + "slide",
                                 "slides/slide" + std::to_string(k) + ".xml"});
  }
  parts.emplace_back("ppt/_rels/presentation.xml.rels", relationships(presentation_rels));
  parts.emplace_back("ppt/slideMasters/slideMaster1.xml", master());
  parts.emplace_back(
      "ppt/slideMasters/_rels/slideMaster1.xml.rels",
      relationships({{"rId1", office + "slideLayout", "../slideLayouts/slideLayout1.xml"},
                     {"rId2", office + "theme", "../theme/theme1.xml"}}));
  parts.emplace_back("ppt/slideLayouts/slideLayout1.xml", blank_layout());
  parts.emplace_back(
      "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
      relationships({{"rId1", office + "slideMaster", "../slideMasters/slideMaster1.xml"}}));
  parts.emplace_back("ppt/theme/theme1.xml", theme());
  for (std::size_t k = 1; k <= slides.size(); ++k) {
    const std::string name = "slide" + std::to_string(k) + ".xml";
    parts.emplace_back("ppt/slides/" + name, slides[k - 1]);
    parts.emplace_back(
        "ppt/slides/_rels/" + name + ".rels",
        relationships({{"rId1", office + "slideLayout", "../slideLayouts/slideLayout1.xml"}}));
  }
  return parts;
}

}  // namespace peermap::record::pptx
