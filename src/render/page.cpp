// The page around the map: the paper, the header (title, subject, dates, status, team, the
// view), the footer and the protective marking; and the pipeline that makes a Page.
#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <utility>

#include "layout/style.hpp"
#include "model/copies.hpp"
#include "model/views.hpp"
#include "render/draw.hpp"
#include "render/drawing.hpp"

namespace peermap::render {

using layout::Geometry;
using layout::Rect;

namespace {

// ---- Page furniture sizes, in points --------------------------------------------------------

constexpr double kPageMargin = 24;
constexpr double kHeaderHeight = 66;
//! The title's font sizes and lines, tried in turn; all fit above kHeaderHeight.
constexpr std::array<std::pair<double, int>, 5> kTitleSizes{
    {{15, 1}, {13, 1}, {11, 1}, {10, 2}, {8.5, 3}}};
constexpr double kFooterHeight = 24;
constexpr double kKeyWidth = 196;
//! Below this scale names print smaller than kMinNamePrint (9 pt names at 7/9).
constexpr double kMinScale = kMinNamePrint / layout::style::kNameFontSize;
constexpr double kMaxScale = 1.5;

struct PaperSize {
  const char* name;
  double width;
  double height;
};
constexpr std::array<PaperSize, 5> kPapers{{{"A4", 841.89, 595.28},
                                            {"A3", 1190.55, 841.89},
                                            {"A2", 1683.78, 1190.55},
                                            {"A1", 2383.94, 1683.78},
                                            {"A0", 3370.39, 2383.94}}};

struct MapArea {
  Rect map;
  double scale = 1;
};

MapArea map_area(double page_width, double page_height, const Geometry& g) {
  MapArea area;
  area.map = {kPageMargin, kHeaderHeight, page_width - 2 * kPageMargin - kKeyWidth - 12,
              page_height - kHeaderHeight - kFooterHeight};
  const double sx = area.map.w / std::max(g.width, 1.0);
  const double sy = area.map.h / std::max(g.height, 1.0);
  area.scale = std::min({sx, sy, kMaxScale});
  return area;
}

Rect key_column(const Paper& paper) {
  return {paper.width - kPageMargin - kKeyWidth, kHeaderHeight, kKeyWidth,
          paper.height - kHeaderHeight - kFooterHeight};
}

std::string joined_subjects(const model::Document& d) {
  std::string out;
  for (const auto& id : d.map.subject_children) {
    const model::Person* p = d.find_person(id);
    if (!out.empty()) out += ", ";
    out += p != nullptr ? p->full_name : id;
  }
  return out;
}

const char* status_text(model::Status s) {
  switch (s) {
    case model::Status::PreMapping:
      return "pre-mapping";
    case model::Status::Meeting:
      return "meeting";
    case model::Status::Outcomes:
      return "outcomes";
    case model::Status::ReviewDue:
      return "review due";
    case model::Status::Closed:
      return "closed";
  }
  return "";
}

//! The protective marking, printed at the top and the bottom of every page.
std::string marking(const model::Document& d) {
  return d.map.protective_marking.empty() ? "OFFICIAL-SENSITIVE" : d.map.protective_marking;
}

//! What the view selects, in words; empty for the current, whole network map.
std::string view_line(const Page& page) {
  const model::View& v = page.view;
  std::string line;
  if (!v.ecomap_centre.empty()) {
    const model::Person* p = page.document.find_person(v.ecomap_centre);
    line += "Ecomap centred on " + (p != nullptr ? p->full_name : v.ecomap_centre) + ".   ";
  }
  if (v.audience != model::Audience::Internal) {
    // The copy first, so it is never the part cut: which copy, and how many items it withheld.
    const std::size_t n = page.withheld;
    line += model::copy_title(v.audience) + ": " + std::to_string(n) +
            (n == 1 ? " information item" : " information items") +
            " withheld under their handling conditions.   ";
    if (v.audience == model::Audience::Family) {
      line += "Children other than the subject shown by initials.   ";
    }
    if (!v.reason.empty()) line += "Reason: " + v.reason + "   ";
  }
  if (v.as_of) line += "As known on " + v.as_of->to_string() + ".   ";
  if (v.redact) line += "DISCLOSURE COPY: children other than the subject shown by initials.";
  return line;
}

void draw_header(TextPainter& text, const Page& page) {
  const model::Document& d = page.document;
  const double width = page.paper.width;
  double y = 14;
  // The title in full (it names the children): the largest size that holds it on one line,
  // then on two or three. Only a title longer than three small lines is cut.
  layout::TextStyle title{15, true, width - 2 * kPageMargin - 200, 1};
  for (const auto& [size, lines] : kTitleSizes) {
    title.font_size = size;
    title.max_lines = lines;
    if (!text.is_cut(d.map.title, title)) break;
  }
  y += text.draw(d.map.title, title, kPageMargin, y, false);
  std::string line =
      "Subject: " + joined_subjects(d) + "   Map date: " + d.map.map_date.to_string() +
      "   Review date: " + (d.map.review_date ? d.map.review_date->to_string() : "not set") +
      "   Status: " + status_text(d.map.status);
  if (!d.map.owning_team.empty()) line += "   Team: " + d.map.owning_team;
  y += text.draw(line, {kPageFont, false, width - 2 * kPageMargin, 1}, kPageMargin, y + 3, false) +
       3;
  const std::string view = view_line(page);
  if (!view.empty()) {
    // A copy's stated reason is printed whole: in smaller type, on two lines if need be, and
    // still above the map's area.
    const bool reason = !page.view.reason.empty();
    text.draw(view,
              {reason ? kPageFont : kPageBoldFont, true, width - 2 * kPageMargin, reason ? 2 : 1},
              kPageMargin, y + (reason ? 1 : 2), false, colours::kMarking);
  }
  text.draw(marking(d), {kPageBoldFont, true, 200, 1}, width - kPageMargin - 200, 14, false,
            colours::kMarking);
}

//! "16 people", or "7 of 16 people" when the view (an ecomap) shows only some of them.
std::string people_shown(const Page& page) {
  const auto shown = static_cast<std::size_t>(
      std::count_if(page.geometry.nodes.begin(), page.geometry.nodes.end(),
                    [](const auto& n) { return n.kind == layout::NodeKind::Person; }));
  const std::size_t all = page.document.people.size();
  const std::string noun = all == 1 ? " person" : " people";
  if (shown >= all) return std::to_string(all) + noun;
  return std::to_string(shown) + " of " + std::to_string(all) + noun;
}

//! "print on A3 landscape: names 8.1 pt", the sheet this page needs and what its names print
//! at there; a map too large for A0 says that its names print smaller than they should.
std::string sheet_words(const Page& page) {
  const double size = layout::style::kNameFontSize * place_on_page(page).scale;
  const auto points = [](double value) {
    char out[32];
    const int n = std::snprintf(out, sizeof out, "%.1f pt", value);
    return std::string(out, static_cast<std::size_t>(std::clamp(n, 0, 31)));
  };
  std::string words = "print on " + page.paper.name + " landscape: names " + points(size);
  if (size < kMinNamePrint - 0.05) words += ", smaller than " + points(kMinNamePrint);
  return words;
}

void draw_footer(TextPainter& text, const Page& page) {
  const double y = page.paper.height - kFooterHeight + 6;
  text.draw("peermap  \u00b7  " + people_shown(page) + "  \u00b7  " + sheet_words(page),
            {kPageFont, false, page.paper.width / 2 - 150, 1}, kPageMargin, y + 2, false,
            {0.4, 0.4, 0.4});
  text.draw(marking(page.document), {kPageBoldFont, true, 260, 1}, page.paper.width / 2, y, true,
            colours::kMarking);
}

}  // namespace

Paper choose_paper(const Geometry& geometry) {
  const auto fits = [&](const PaperSize& size) {
    return map_area(size.width, size.height, geometry).scale >= kMinScale;
  };
  const auto* chosen = std::find_if(kPapers.begin(), kPapers.end(), fits);
  const PaperSize& size = chosen != kPapers.end() ? *chosen : kPapers.back();
  return {size.name, size.width, size.height};
}

MapPlacement place_on_page(const Paper& paper, const Geometry& geometry) {
  const MapArea area = map_area(paper.width, paper.height, geometry);
  MapPlacement placement;
  placement.scale = area.scale;
  // No clip is needed when drawing: the scale fits the map inside the area.
  placement.x = area.map.x + (area.map.w - geometry.width * area.scale) / 2;
  placement.y = area.map.y + (area.map.h - geometry.height * area.scale) / 2;
  return placement;
}

MapPlacement place_on_page(const Page& page) { return place_on_page(page.paper, page.geometry); }

Page::Page(model::Document viewed, layout::Geometry laid_out, model::View shown)
    : document(std::move(viewed)),
      geometry(std::move(laid_out)),
      view(std::move(shown)),
      paper(choose_paper(geometry)),
      date_not_known(view.as_of ? model::date_not_known(document) : std::set<std::string>{}) {}

Result<Page> prepare_page(model::Document document, const model::View& view) {
  return prepare_page(std::move(document), view, nullptr);
}

bool layout_reads_the_same(const model::Document& a, const model::Document& b) {
  // What layout::compute_layout reads of a person (the label: name, age, ROTH; the symbol's
  // size: role and subject) and of a place (its label); notes, schools and services it does not.
  const auto same_people = [](const model::Person& p, const model::Person& q) {
    return p.id == q.id && p.full_name == q.full_name && p.date_of_birth == q.date_of_birth &&
           p.age_band == q.age_band && p.adult == q.adult && p.role == q.role && p.roth == q.roth;
  };
  const auto same_places = [](const model::Location& p, const model::Location& q) {
    return p.id == q.id && p.name == q.name && p.kind == q.kind;
  };
  return a.map.map_date == b.map.map_date && a.map.subject_children == b.map.subject_children &&
         std::equal(a.people.begin(), a.people.end(), b.people.begin(), b.people.end(),
                    same_people) &&
         std::equal(a.locations.begin(), a.locations.end(), b.locations.begin(), b.locations.end(),
                    same_places) &&
         a.groups == b.groups && a.ties == b.ties && a.ecomaps == b.ecomaps && a.pins == b.pins;
}

namespace {

//! prepare_page's work: the view applied, then laid out from `earlier_page` (reused whole when
//! the layout reads the same), else from `earlier_geometry`'s positions, else in full.
//! The document as `view` shows it, and how many items its copy withheld; Invalid when the copy
//! cannot be made, NotFound when the ecomap centre is not on it.
Result<model::Copy> apply_view(model::Document document, const model::View& view) {
  if (auto fault = model::copy_fault(view.audience, view.reason)) {
    return Error{ErrorKind::Invalid, "reason: " + *fault};
  }
  if (view.as_of) document = model::as_known_on(document, *view.as_of);
  model::Copy copy = view.audience == model::Audience::Internal
                         ? model::Copy{std::move(document), 0}
                         : model::copy_for(document, view.audience);
  if (!view.ecomap_centre.empty() && copy.document.find_person(view.ecomap_centre) == nullptr) {
    return Error{ErrorKind::NotFound, "no person with id \"" + view.ecomap_centre + "\""};
  }
  return copy;
}

Page page_of(model::Copy viewed, layout::Geometry geometry, const model::View& view) {
  Page page(std::move(viewed.document), std::move(geometry), view);
  page.withheld = viewed.withheld;
  return page;
}

Result<Page> prepare(model::Document whole, const model::View& view, const Page* earlier_page,
                     const layout::Geometry* earlier_geometry, const OutOfTime& out_of_time) {
  auto viewed = apply_view(std::move(whole), view);
  if (!viewed) return viewed.error();
  model::Document& document = viewed.value().document;
  if (view.audience != model::Audience::Internal) {
    earlier_page = nullptr;  // a copy is laid out afresh: no gap where someone withheld stood
    earlier_geometry = nullptr;
  }
  layout::LayoutOptions options;
  options.seed = view.seed;
  options.ecomap_centre = view.ecomap_centre;
  options.redact = view.redact;
  options.out_of_time = out_of_time;
  if (earlier_page != nullptr) {
    if (layout_reads_the_same(earlier_page->document, document)) {
      return page_of(std::move(viewed.value()), earlier_page->geometry, view);
    }
    earlier_geometry = &earlier_page->geometry;
  }
  if (earlier_geometry != nullptr) {
    for (const auto& node : earlier_geometry->nodes) options.previous[node.id] = {node.x, node.y};
    options.earlier = earlier_geometry;
  }
  auto geometry = layout::compute_layout(document, options);
  if (!geometry) return geometry.error();
  return page_of(std::move(viewed.value()), std::move(geometry.value()), view);
}

}  // namespace

Result<Page> prepare_page(model::Document document, const model::View& view, const Page* earlier,
                          const OutOfTime& out_of_time) {
  return prepare(std::move(document), view, earlier, nullptr, out_of_time);
}

Result<Page> prepare_page_from(model::Document document, const model::View& view,
                               const layout::Geometry& earlier, const OutOfTime& out_of_time) {
  return prepare(std::move(document), view, nullptr, &earlier, out_of_time);
}

Result<Page> page_with_geometry(model::Document document, const model::View& view,
                                layout::Geometry geometry) {
  auto viewed = apply_view(std::move(document), view);
  if (!viewed) return viewed.error();
  return page_of(std::move(viewed.value()), std::move(geometry), view);
}

Status draw_page(cairo_t* cr, const Page& page) { return draw_page_text_to(cr, page, nullptr); }

Status draw_page_text_to(cairo_t* cr, const Page& page, std::vector<TextRun>* runs) {
  cairo_save(cr);
  {
    TextPainter text(cr, runs);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    draw_header(text, page);
    draw_map(cr, text, page, place_on_page(page));
    draw_key(cr, text, page, key_column(page.paper));
    draw_footer(text, page);
  }
  cairo_restore(cr);
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) return cairo_error(cairo_status(cr));
  return ok_status();
}

}  // namespace peermap::render
