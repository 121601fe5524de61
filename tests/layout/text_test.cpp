// Names in any script are drawn with real glyphs, never boxes (DESIGN §5, issue: "names in any
// script render correctly").
#include <gtest/gtest.h>

#include "layout/text_metrics.hpp"

namespace peermap::layout {
namespace {

TEST(Text, NamesInManyScriptsHaveAGlyphForEveryCharacter) {
  const TextMeasurer measurer;
  for (
      const char* name :
      {"Zo\u00eb \u0141ukasz \u00d8deg\u00e5rd",  // Latin with diacritics
       "\u041d\u0430\u0442\u0430\u0448\u0430 \u0418\u0432\u0430\u043d\u043e\u0432\u0430",  // Cyrillic
       "\u0645\u0631\u064a\u0645 \u0623\u062d\u0645\u062f",                                // Arabic
       "\u05e0\u05d5\u05e2\u05d4 \u05dc\u05d5\u05d9",                                      // Hebrew
       "\u0986\u09af\u09bc\u09b6\u09be \u09b0\u09b9\u09ae\u09be\u09a8",        // Bengali
       "\u0a39\u0a30\u0a2a\u0a4d\u0a30\u0a40\u0a24 \u0a15\u0a4c\u0a30",        // Gurmukhi
       "\u092a\u094d\u0930\u093f\u092f\u093e \u0936\u0930\u094d\u092e\u093e",  // Devanagari
       "\u738b \u82b3",                                                        // Chinese
       "\u30b5\u30af\u30e9 \u30bf\u30ca\u30ab",                                // Japanese
       "\uae40 \ubbfc\uc900"}) {                                               // Korean
    EXPECT_EQ(measurer.missing_glyphs(name, label_style::kName), 0) << name;
    EXPECT_EQ(measurer.missing_glyphs(name, label_style::kRegion), 0) << name << " (bold)";
    EXPECT_GT(measurer.measure(name, label_style::kName).x, 10.0) << name;
  }
}

TEST(Text, ACharacterNoFontHasIsCounted) {
  const TextMeasurer measurer;
  // U+E000 is private use: no font we ship draws it, so the check can fail.
  EXPECT_GT(measurer.missing_glyphs("\ue000\ue001 Smith", label_style::kName), 0);
}

TEST(Text, ACutStyleKeepsToItsLinesAndWidth) {
  // Page text (the title, the key) is cut; names never are (full_names_test.cpp).
  const TextMeasurer measurer;
  const TextStyle two_lines{style::kNameFontSize, false, style::kLabelMaxWidth, 2, true};
  const Point one = measurer.measure("Mia Kowalczyk", two_lines);
  const Point many = measurer.measure(std::string(10000, 'x') + " Smith", two_lines);
  EXPECT_TRUE(measurer.is_cut(std::string(10000, 'x') + " Smith", two_lines));
  EXPECT_LE(many.x, style::kLabelMaxWidth);
  EXPECT_LE(many.y, 2.01 * one.y);
  EXPECT_GT(many.y, 1.5 * one.y);
}

TEST(Text, AnAnswerKeptFromAnEarlierMeasurerIsTheOneEachStyleGives) {
  // The answers are kept for the thread: a second measurer (a later layout) gets them without
  // laying the text out again, each for its own style and never another's.
  const std::string name = "Ellie-Mae Fairbrother-Okonkwo-Lindqvist";
  const TextStyle regular = label_style::kName;
  TextStyle bold = regular;
  bold.bold = true;
  TextStyle narrow = regular;
  narrow.max_width = 60;
  Point first;
  double fitting = 0;
  {
    const TextMeasurer measurer;
    first = measurer.measure(name, regular);
    fitting = measurer.fitting_width(name, regular);
  }
  const TextMeasurer later;
  EXPECT_EQ(later.measure(name, regular).x, first.x);
  EXPECT_EQ(later.measure(name, regular).y, first.y);
  EXPECT_EQ(later.fitting_width(name, regular), fitting);
  // Negative controls: another style, another text, another answer.
  EXPECT_GT(later.measure(name, bold).x, first.x);
  EXPECT_GT(later.measure(name, narrow).y, first.y);
  EXPECT_LT(later.measure("Ellie-Mae", regular).x, first.x);
  EXPECT_GT(later.line_count(name, narrow), later.line_count(name, regular));
}

}  // namespace
}  // namespace peermap::layout
