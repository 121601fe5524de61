// The one place pango is configured, shared by measuring (layout) and drawing (render), so a
// label is drawn exactly as big as the space reserved for it.
#pragma once

#include <pango/pangocairo.h>

#include <string>

#include "layout/text_metrics.hpp"

namespace peermap::layout {

//! The font map of this thread, shared by measuring and drawing so fonts load once.
PangoFontMap* thread_font_map();

//! Unhinted metrics and unrounded glyph positions: sizes then do not depend on the scale.
void configure_pango_context(PangoContext* context);

//! Puts `text` into `layout` with the font, wrapping and ellipsis of `style`.
void set_pango_text(PangoLayout* layout, const std::string& text, const TextStyle& style);

}  // namespace peermap::layout
