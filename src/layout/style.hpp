// Sizes and fonts the layout reserves space for; render draws with exactly these.
#pragma once

namespace peermap::layout::style {

inline constexpr const char* kFontFamily = "DejaVu Sans";
inline constexpr double kNameFontSize = 9.0;    //!< points, label first line
inline constexpr double kDetailFontSize = 7.5;  //!< points, label second line
inline constexpr double kRegionFontSize = 9.5;  //!< points, group and location names
//! A region's name wraps past this width, onto at most kLabelMaxNameLines lines.
inline constexpr double kRegionLabelMaxWidth = 260.0;
//! A name wraps past this width. Names are never cut: one that needs more than
//! kLabelMaxNameLines lines at this width gets a wider label instead.
inline constexpr double kLabelMaxWidth = 104.0;
inline constexpr int kLabelMaxNameLines = 3;
inline constexpr double kSymbolSize = 22.0;  //!< person symbol, points
inline constexpr double kSubjectSymbolSize = 30.0;
inline constexpr double kLabelGap = 2.0;         //!< between symbol and label
inline constexpr double kNodeSeparation = 24.0;  //!< minimum gap between two footprints
//! A tie bent around a person keeps this far off their symbol and label.
inline constexpr double kRouteClearance = 4.0;
inline constexpr double kRegionCell = 4.0;       //!< region grid resolution
inline constexpr double kRegionPadding = 6.0;    //!< member footprint to outline, at least
inline constexpr double kRegionNesting = 5.0;    //!< between nested outlines around a person
inline constexpr double kRegionClearance = 5.0;  //!< outline to non-member footprint, at least
//! Members whose footprints are at most twice this apart can share one outline.
inline constexpr double kRegionClosing = 45.0;
inline constexpr int kMostOutlines = 3;  //!< no person inside more outlines than this
inline constexpr double kMargin = 24.0;  //!< around the drawing
//! Width over height of the page's map area beside the key (render/page.cpp): 1.16 on A4,
//! 1.24 on A3, 1.30 on A2, 1.34 on A1, 1.36 on A0 (less margins for the frame). A fresh layout
//! narrower than the first is stretched sideways to it, one wider than the last is stretched
//! upwards to it: either way it fills more of the page and prints no smaller on any sheet.
inline constexpr double kPageAspectLeast = 1.10;
inline constexpr double kPageAspectMost = 1.40;
//! The most a layout is stretched along one side to fill the page.
inline constexpr double kMaxStretch = 1.6;
//! A fresh stress layout is drawn together to this share of its spread along each axis, as far
//! as the gaps allow: neato's distances leave most of a page empty, and a denser map prints its
//! names larger on a smaller sheet with fewer crossings (docs/benchmarks-legibility.md).
inline constexpr double kCompaction = 0.5;

}  // namespace peermap::layout::style
