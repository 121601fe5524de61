#include "layout/text_metrics.hpp"

#include <pango/pangocairo.h>

#include "layout/pango_text.hpp"
#include "layout/style.hpp"

namespace peermap::layout {

namespace {

template <typename T>
struct GObjectDeleter {
  void operator()(T* object) const { g_object_unref(object); }
};
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectDeleter<T>>;

struct FontOptionsDeleter {
  void operator()(cairo_font_options_t* options) const { cairo_font_options_destroy(options); }
};

}  // namespace

PangoFontMap* thread_font_map() {
  // Pango font maps are not thread-safe; one per thread keeps them apart.
  thread_local GObjectPtr<PangoFontMap> font_map{pango_cairo_font_map_new()};
  return font_map.get();
}

void configure_pango_context(PangoContext* context) {
  std::unique_ptr<cairo_font_options_t, FontOptionsDeleter> options(cairo_font_options_create());
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(context, options.get());
  pango_cairo_context_set_resolution(context, 72.0);  // 1 pango point == 1 layout point
  pango_context_set_round_glyph_positions(context, FALSE);
}

void set_pango_text(PangoLayout* layout, const std::string& text, const TextStyle& style) {
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, style::kFontFamily);
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(font, style.font_size * PANGO_SCALE);
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
  if (style.max_width > 0) {
    pango_layout_set_width(layout, static_cast<int>(style.max_width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_height(layout, -style.max_lines);
    pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
  } else {
    pango_layout_set_width(layout, -1);
    pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_NONE);
  }
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
}

struct TextMeasurer::Impl {
  GObjectPtr<PangoContext> context{pango_font_map_create_context(thread_font_map())};
  GObjectPtr<PangoLayout> layout;
  Impl() {
    configure_pango_context(context.get());
    layout.reset(pango_layout_new(context.get()));
  }
};

TextMeasurer::TextMeasurer() : impl_(std::make_unique<Impl>()) {}
TextMeasurer::~TextMeasurer() = default;

Point TextMeasurer::measure(const std::string& text, const TextStyle& style) const {
  set_pango_text(impl_->layout.get(), text, style);
  PangoRectangle logical{};
  pango_layout_get_extents(impl_->layout.get(), nullptr, &logical);
  const double width = static_cast<double>(logical.width) / PANGO_SCALE;
  const double height = static_cast<double>(logical.height) / PANGO_SCALE;
  // A wrapped layout is as wide as its widest line, never wider than the limit.
  return {style.max_width > 0 && width > style.max_width ? style.max_width : width, height};
}

}  // namespace peermap::layout
