#include "layout/text_metrics.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <cmath>
#include <cstring>
#include <set>
#include <string>
#include <unordered_map>

#include "base/handle.hpp"
#include "layout/pango_text.hpp"
#include "layout/style.hpp"

namespace peermap::layout {

namespace {

template <typename T>
using GObjectPtr = Handle<T, g_object_unref>;
using FontConfig = Handle<FcConfig, FcConfigDestroy>;

//! The fonts peermap draws with: DejaVu Sans for Latin, Greek, Cyrillic, Arabic and Hebrew;
//! Noto Sans for the scripts of South Asia, South-East Asia and Ethiopia; Droid Sans Fallback
//! for Chinese and Japanese; Nanum Gothic for Korean (scripts/install-deps.sh installs them).
constexpr const char* kFontFiles[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansBengali-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansBengali-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansGurmukhi-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansGurmukhi-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansGujarati-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansGujarati-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansTamil-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansTamil-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansSinhala-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansSinhala-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansThai-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansEthiopic-Bold.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf",
};

//! A private fontconfig configuration that accepts only those fonts: the output is the same on
//! every machine whatever else is installed, and fallback searches a short list. It reads the
//! system's font caches (kept current by apt's fontconfig trigger) rather than scanning font
//! files. Null (use the system's fonts) when none of the fonts is installed.
FcConfig* peermap_font_config() {
  static const FontConfig config = []() -> FontConfig {
    std::set<std::string> dirs;
    std::string accept;
    for (const std::string file : kFontFiles) {
      dirs.insert(file.substr(0, file.rfind('/')));
      accept += "<glob>" + file + "</glob>";
    }
    std::string xml = "<?xml version=\"1.0\"?><fontconfig>";
    for (const auto& dir : dirs) xml += "<dir>" + dir + "</dir>";
    xml += "<cachedir>/var/cache/fontconfig</cachedir><selectfont><acceptfont>" + accept +
           "</acceptfont><rejectfont><glob>*</glob></rejectfont></selectfont></fontconfig>";
    FontConfig c(FcConfigCreate());
    const bool loaded =
        FcConfigParseAndLoadFromMemory(c.get(), reinterpret_cast<const FcChar8*>(xml.c_str()),
                                       FcFalse) != FcFalse &&
        FcConfigBuildFonts(c.get()) != FcFalse;
    FcFontSet* fonts = loaded ? FcConfigGetFonts(c.get(), FcSetSystem) : nullptr;
    if (fonts == nullptr || fonts->nfont == 0) return nullptr;
    // Current for the whole process, so nothing loads the system's configuration as well.
    // fontconfig and each font map take references of their own.
    FcConfigSetCurrent(c.get());
    return c;
  }();
  return config.get();
}

}  // namespace

PangoFontMap* thread_font_map() {
  // Pango font maps are not thread-safe; one per thread keeps them apart.
  thread_local const GObjectPtr<PangoFontMap> font_map{[] {
    // Our configuration first: a new font map starts fontconfig's initialisation (pango's
    // "FcInit" thread), which loads the system's whole configuration and font list unless one
    // is current already; the font map then waits for it.
    FcConfig* config = peermap_font_config();
    GObjectPtr<PangoFontMap> map(pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
    if (config != nullptr) {
      pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map.get()), config);
    }
    return map;
  }()};
  return font_map.get();
}

void configure_pango_context(PangoContext* context) {
  const Handle<cairo_font_options_t, cairo_font_options_destroy> options(
      cairo_font_options_create());
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(context, options.get());
  pango_cairo_context_set_resolution(context, 72.0);  // 1 pango point == 1 layout point
  pango_context_set_round_glyph_positions(context, FALSE);
}

void set_pango_text(PangoLayout* layout, const std::string& text, const TextStyle& style) {
  const Handle<PangoFontDescription, pango_font_description_free> font(
      pango_font_description_new());
  pango_font_description_set_family(font.get(), style::kFontFamily);
  pango_font_description_set_weight(font.get(),
                                    style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(font.get(), style.font_size * PANGO_SCALE);
  pango_layout_set_font_description(layout, font.get());  // the layout keeps a copy
  pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
  if (style.max_width > 0) {
    pango_layout_set_width(layout, static_cast<int>(style.max_width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_height(layout, style.cut ? -style.max_lines : -1);
    pango_layout_set_ellipsize(layout, style.cut ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  } else {
    pango_layout_set_width(layout, -1);
    pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_NONE);
  }
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  // A name broken inside a long word gets no hyphen: a reader would take "Wolfeschlegel-" +
  // "steinhausen" for a double-barrelled name, and the PDF's text would hold one that is not there.
  const Handle<PangoAttrList, pango_attr_list_unref> attributes(pango_attr_list_new());
  pango_attr_list_insert(attributes.get(), pango_attr_insert_hyphens_new(FALSE));
  pango_layout_set_attributes(layout, attributes.get());
}

namespace {

//! What one question about a text costs pango a layout (shaping included) to answer; a
//! server lays out the same 200 labels after every edit, so the answers are kept per thread.
enum class Question : char { Measure, LineCount, FittingWidth };

//! The key of one answer: the question, the style's fields as bytes, then the text.
std::string answer_key(Question question, const std::string& text, const TextStyle& style) {
  std::string key(1 + sizeof style.font_size + sizeof style.max_width + sizeof style.max_lines + 2,
                  '\0');
  char* at = key.data();
  *at++ = static_cast<char>(question);
  std::memcpy(at, &style.font_size, sizeof style.font_size);
  at += sizeof style.font_size;
  std::memcpy(at, &style.max_width, sizeof style.max_width);
  at += sizeof style.max_width;
  std::memcpy(at, &style.max_lines, sizeof style.max_lines);
  at += sizeof style.max_lines;
  *at++ = style.bold ? 'b' : 'r';
  *at = style.cut ? 'c' : 'w';
  key += text;
  return key;
}

//! The answers of this thread's font map (the same fonts answer the same everywhere).
//! Bounded: emptied when it holds kMostAnswers, which a few thousand labels never reach.
struct Answers {
  static constexpr std::size_t kMostAnswers = 1 << 15;
  std::unordered_map<std::string, Point> known;

  template <typename Compute>
  Point get(Question question, const std::string& text, const TextStyle& style, Compute compute) {
    std::string key = answer_key(question, text, style);
    if (const auto it = known.find(key); it != known.end()) return it->second;
    const Point answer = compute();
    if (known.size() >= kMostAnswers) known.clear();
    known.emplace(std::move(key), answer);
    return answer;
  }
};

Answers& thread_answers() {
  thread_local Answers answers;
  return answers;
}

}  // namespace

struct TextMeasurer::Impl {
  GObjectPtr<PangoContext> context{pango_font_map_create_context(thread_font_map())};
  GObjectPtr<PangoLayout> layout;
  Impl() {
    configure_pango_context(context.get());
    layout.reset(pango_layout_new(context.get()));
  }
};

TextMeasurer::TextMeasurer() = default;
TextMeasurer::~TextMeasurer() = default;

TextMeasurer::Impl& TextMeasurer::impl() const {
  // Made only when an answer is not known yet: a layout whose labels are all known makes
  // no pango context at all.
  if (!impl_) impl_ = std::make_unique<Impl>();
  return *impl_;
}

int TextMeasurer::missing_glyphs(const std::string& text, const TextStyle& style) const {
  set_pango_text(impl().layout.get(), text, style);
  return pango_layout_get_unknown_glyphs_count(impl().layout.get());
}

Point TextMeasurer::measure(const std::string& text, const TextStyle& style) const {
  return thread_answers().get(Question::Measure, text, style,
                              [&] { return measure_now(text, style); });
}

Point TextMeasurer::measure_now(const std::string& text, const TextStyle& style) const {
  set_pango_text(impl().layout.get(), text, style);
  PangoRectangle logical{};
  pango_layout_get_extents(impl().layout.get(), nullptr, &logical);
  const double width = static_cast<double>(logical.width) / PANGO_SCALE;
  const double height = static_cast<double>(logical.height) / PANGO_SCALE;
  // A cut layout is as wide as its widest line, never wider than the limit. One that is never
  // cut can be wider, when a single character is wider than a line; it is measured as it is.
  const bool clamp = style.cut && style.max_width > 0 && width > style.max_width;
  return {clamp ? style.max_width : width, height};
}

int TextMeasurer::line_count(const std::string& text, const TextStyle& style) const {
  const auto count = [&] {
    set_pango_text(impl().layout.get(), text, style);
    return Point{static_cast<double>(pango_layout_get_line_count(impl().layout.get())), 0};
  };
  return static_cast<int>(thread_answers().get(Question::LineCount, text, style, count).x);
}

bool TextMeasurer::is_cut(const std::string& text, const TextStyle& style) const {
  set_pango_text(impl().layout.get(), text, style);
  return pango_layout_is_ellipsized(impl().layout.get()) != FALSE;
}

double TextMeasurer::fitting_width(const std::string& text, const TextStyle& style) const {
  return thread_answers()
      .get(Question::FittingWidth, text, style,
           [&] {
             return Point{fitting_width_now(text, style), 0};
           })
      .x;
}

double TextMeasurer::fitting_width_now(const std::string& text, const TextStyle& style) const {
  TextStyle probe = style;
  probe.cut = false;
  if (style.max_width <= 0 || line_count(text, probe) <= style.max_lines) return style.max_width;
  // Greedy line breaking takes no more lines at a greater width, so the narrowest width that
  // fits can be found by bisection, to 1/4 pt, between the limit and the text's one-line width.
  probe.max_width = 0;
  double fits = std::ceil(measure(text, probe).x) + 1;
  double too_narrow = style.max_width;
  while (fits - too_narrow > 0.25) {
    probe.max_width = (fits + too_narrow) / 2;
    (line_count(text, probe) <= style.max_lines ? fits : too_narrow) = probe.max_width;
  }
  return fits;
}

}  // namespace peermap::layout
