// Sizes and fonts the layout reserves space for; render draws with exactly these.
#pragma once

namespace peermap::layout::style {

inline constexpr const char* kFontFamily = "DejaVu Sans";
inline constexpr double kNameFontSize = 9.0;    //!< points, label first line
inline constexpr double kDetailFontSize = 7.5;  //!< points, label second line
inline constexpr double kRegionFontSize = 9.5;  //!< points, group and location names
inline constexpr double kRegionLabelMaxWidth = 260.0;
inline constexpr double kLabelMaxWidth = 104.0;  //!< a name wraps onto two lines past this
inline constexpr int kLabelMaxNameLines = 2;     //!< then it is cut with an ellipsis
inline constexpr double kSymbolSize = 22.0;      //!< person symbol, points
inline constexpr double kSubjectSymbolSize = 30.0;
inline constexpr double kLabelGap = 2.0;         //!< between symbol and label
inline constexpr double kNodeSeparation = 24.0;  //!< minimum gap between two footprints
inline constexpr double kRegionCell = 6.0;       //!< region grid resolution
inline constexpr double kRegionPadding = 6.0;    //!< member footprint to outline, at least
inline constexpr double kRegionClearance = 5.0;  //!< outline to non-member footprint, at least
inline constexpr double kMargin = 24.0;          //!< around the drawing

}  // namespace peermap::layout::style
