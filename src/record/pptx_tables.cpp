#include "record/pptx_tables.hpp"

#include <cmath>
#include <numeric>
#include <sstream>

#include "record/pptx_parts.hpp"
#include "record/pptx_slide.hpp"
#include "record/pptx_xml.hpp"

namespace peermap::record::pptx {
namespace {

constexpr double kLeft = 24;
constexpr double kTop = 78;
constexpr double kFont = 8;     // points
constexpr double kLine = 10.5;  // points a line
constexpr double kPadding = 5;  // points above and below a cell's text

//! The tables a presentation carries, by the heading they follow.
constexpr std::array<const char*, 4> kSections{"Information register", "Risks and strengths",
                                               "Information gaps", "Outcomes and actions"};

std::vector<double> column_widths(const Table& table, const Deck& size) {
  std::vector<double> widths = table.widths;
  const std::size_t columns = table.header.size();
  if (widths.size() != columns) widths.assign(columns, 1.0);
  const double sum = std::accumulate(widths.begin(), widths.end(), 0.0);
  for (double& w : widths) w = w / sum * (size.width - 2 * kLeft);
  return widths;
}

//! A row's height on the slide, points: its tallest cell, a line a wrapped run of text (an
//! estimate from Arial's average width, about half the font size a character).
double row_height(const std::vector<std::string>& cells, const std::vector<double>& widths) {
  std::size_t lines = 1;
  for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
    const auto per_line = static_cast<std::size_t>(std::max(4.0, (widths[c] - 8) / (kFont * 0.5)));
    std::size_t in_cell = 0;
    std::istringstream paragraphs(cells[c]);
    for (std::string p; std::getline(paragraphs, p);) {
      in_cell += std::max<std::size_t>(1, (p.size() + per_line - 1) / per_line);
    }
    lines = std::max(lines, in_cell);
  }
  return static_cast<double>(lines) * kLine + 2 * kPadding;
}

void cell(pugi::xml_node row, const std::string& text, bool header) {
  auto tc = row.append_child("a:tc");
  auto body = tc.append_child("a:txBody");
  body.append_child("a:bodyPr");
  body.append_child("a:lstStyle");
  std::istringstream paragraphs(text);
  bool any = false;
  for (std::string line; std::getline(paragraphs, line);) {
    any = true;
    auto r = body.append_child("a:p").append_child("a:r");
    auto pr = r.append_child("a:rPr");
    pr.append_attribute("lang") = "en-GB";
    pr.append_attribute("sz") = static_cast<int>(kFont * 100);
    pr.append_attribute("b") = header ? 1 : 0;
    solid_fill(pr, render::colours::kInk);
    pr.append_child("a:latin").append_attribute("typeface") = "Arial";
    r.append_child("a:t").text() = clean(line).c_str();
  }
  if (!any) body.append_child("a:p");
  auto tc_pr = tc.append_child("a:tcPr");
  tc_pr.append_attribute("marL") = emu(4);
  tc_pr.append_attribute("marR") = emu(4);
  tc_pr.append_attribute("marT") = emu(kPadding - 2);
  tc_pr.append_attribute("marB") = emu(kPadding - 2);
  for (const char* side : {"a:lnL", "a:lnR", "a:lnT", "a:lnB"}) {
    auto ln = tc_pr.append_child(side);
    ln.append_attribute("w") = emu(0.5);
    solid_fill(ln, {0.69, 0.71, 0.72});
  }
  solid_fill(tc_pr, header ? render::Colour{0.95, 0.95, 0.94} : render::Colour{1, 1, 1});
}

}  // namespace

std::vector<TablePage> table_pages(const std::vector<Block>& blocks, const Deck& size) {
  const double bottom = size.height - 30;
  std::vector<TablePage> pages;
  const char* section = nullptr;
  for (const Block& block : blocks) {
    if (const auto* heading = std::get_if<Heading>(&block)) {
      if (heading->level != 1) continue;
      section = nullptr;
      for (const char* name : kSections) {
        if (heading->text == name) section = name;
      }
      continue;
    }
    const auto* table = std::get_if<Table>(&block);
    if (section == nullptr || table == nullptr || table->label_column || table->header.empty()) {
      continue;
    }
    const std::vector<double> widths = column_widths(*table, size);
    const double header = row_height(table->header, widths);
    std::vector<TablePage> parts;
    double y = kTop + header;
    for (std::size_t r = 0; r < table->rows.size(); ++r) {
      const double h = row_height(table->rows[r], widths);
      if (parts.empty() || (y + h > bottom && parts.back().count > 0)) {
        parts.push_back({section, table, r, 0});
        y = kTop + header;
      }
      ++parts.back().count;
      y += h;
    }
    for (std::size_t k = 0; k < parts.size(); ++k) {
      if (parts.size() > 1) {
        parts[k].title += ", " + std::to_string(k + 1) + " of " + std::to_string(parts.size());
      }
      pages.push_back(parts[k]);
    }
    section = nullptr;  // one table a section
  }
  return pages;
}

std::string table_slide(const model::Document& document, const TablePage& page, std::size_t number,
                        std::size_t count, const Deck& size) {
  Slide slide(size);
  furniture(slide, document, number, count);
  const double width = size.width - 2 * kLeft;
  slide.text_box(page.title, kLeft, 52, width, 20, {{page.title, 12, true}});
  const Table& table = *page.table;
  const std::vector<double> widths = column_widths(table, size);
  double height = row_height(table.header, widths);
  for (std::size_t r = page.first; r < page.first + page.count; ++r) {
    height += row_height(table.rows[r], widths);
  }
  auto frame_node = slide.tree().append_child("p:graphicFrame");
  auto nv = frame_node.append_child("p:nvGraphicFramePr");
  auto c = nv.append_child("p:cNvPr");
  c.append_attribute("id") = slide.next_id();
  c.append_attribute("name") = clean(page.title).c_str();
  nv.append_child("p:cNvGraphicFramePr")
      .append_child("a:graphicFrameLocks")
      .append_attribute("noGrp") = 1;
  nv.append_child("p:nvPr");
  auto xfrm = frame_node.append_child("p:xfrm");
  auto off = xfrm.append_child("a:off");
  off.append_attribute("x") = emu(kLeft);
  off.append_attribute("y") = emu(kTop);
  auto ext = xfrm.append_child("a:ext");
  ext.append_attribute("cx") = emu(width);
  ext.append_attribute("cy") = emu(height);
  auto data = frame_node.append_child("a:graphic").append_child("a:graphicData");
  data.append_attribute("uri") = "http://schemas.openxmlformats.org/drawingml/2006/table";
  auto tbl = data.append_child("a:tbl");
  auto tbl_pr = tbl.append_child("a:tblPr");
  tbl_pr.append_attribute("firstRow") = 1;
  auto grid = tbl.append_child("a:tblGrid");
  for (const double w : widths) grid.append_child("a:gridCol").append_attribute("w") = emu(w);
  const auto row = [&](const std::vector<std::string>& cells, bool header) {
    auto tr = tbl.append_child("a:tr");
    tr.append_attribute("h") = emu(row_height(cells, widths));
    for (std::size_t k = 0; k < widths.size(); ++k) {
      cell(tr, k < cells.size() ? cells[k] : std::string(), header);
    }
  };
  row(table.header, true);
  for (std::size_t r = page.first; r < page.first + page.count; ++r) row(table.rows[r], false);
  return slide.bytes();
}

}  // namespace peermap::record::pptx
