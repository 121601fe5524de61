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

}  // namespace peermap::layout::style
