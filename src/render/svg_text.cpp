// A screen's SVG: cairo draws the shapes, and the text goes on top as <text> elements rather
// than cairo's glyph outlines (one <use> a glyph), which a browser is slow to load. Each line
// keeps pango's position and width (textLength), so the viewer's own font fills the space the
// layout measured and no label can grow into another.
#include <cmath>
#include <cstdio>
#include <string_view>

#include "render/drawing.hpp"

namespace peermap::render {

namespace {

void append_number(std::string& out, double value) {
  char buffer[32];
  const int n = std::snprintf(buffer, sizeof buffer, "%.2f", value);
  out.append(buffer, static_cast<std::size_t>(n));
}

//! The words as XML character data: markup characters escaped, and characters XML cannot hold
//! (C0 controls other than tab, the two non-characters of the BMP's end) as U+FFFD.
void append_xml_text(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c < 0x20 && c != '\t') {
      out += "\xEF\xBF\xBD";
    } else if (c == 0xEF && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0xBF &&
               (static_cast<unsigned char>(text[i + 2]) == 0xBE ||
                static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
      out += "\xEF\xBF\xBD";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
}

long channel(double v) { return std::lround(v * 255); }

}  // namespace

std::string with_svg_text(std::string svg, const std::vector<TextRun>& runs) {
  const std::size_t end = svg.rfind("</svg>");
  if (end == std::string::npos) return svg;
  std::string text;
  text.reserve(runs.size() * 160);
  // DejaVu Sans is what the layout measured; Verdana is its nearest common relative.
  text += "<g font-family=\"DejaVu Sans, Verdana, sans-serif\">\n";
  for (const TextRun& run : runs) {
    text += "<text x=\"";
    append_number(text, run.x);
    text += "\" y=\"";
    append_number(text, run.baseline);
    text += "\" font-size=\"";
    append_number(text, run.font_size);
    text += "\" textLength=\"";
    append_number(text, run.width);
    text += "\" lengthAdjust=\"spacingAndGlyphs\"";
    if (run.bold) text += " font-weight=\"bold\"";
    // Spaces kept as drawn ("Map date:   Review date"); browsers honour this on <text> itself.
    if (run.text.find("  ") != std::string::npos) text += " xml:space=\"preserve\"";
    text += " fill=\"rgb(" + std::to_string(channel(run.colour.r)) + "," +
            std::to_string(channel(run.colour.g)) + "," + std::to_string(channel(run.colour.b)) +
            ")\">";
    append_xml_text(text, run.text);
    text += "</text>\n";
  }
  text += "</g>\n";
  svg.insert(end, text);
  return svg;
}

}  // namespace peermap::render
