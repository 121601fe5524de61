// Each text-safety function does one named thing to user text; these pin what each does.
#include "base/text_safety.hpp"

#include <gtest/gtest.h>

#include <string>

namespace peermap::text {
namespace {

TEST(ReplaceNonAscii, EveryByteOutsidePrintableAsciiBecomesAQuestionMark) {
  EXPECT_EQ(replace_non_ascii("ok \x01\n\x7f caf\xc3\xa9"), "ok ??? caf??");
  EXPECT_EQ(replace_non_ascii("plain text ~!"), "plain text ~!");
}

TEST(EscapeControlsForLog, AForgedNewLineCannotStartALogEntry) {
  EXPECT_EQ(escape_controls_for_log("GET /a\r\npeermap: fake 200"),
            "GET /a\\x0d\\x0apeermap: fake 200");
  EXPECT_EQ(escape_controls_for_log("\x7f\x1b"), "\\x7f\\x1b");
  EXPECT_EQ(escape_controls_for_log("caf\xc3\xa9"), "caf\xc3\xa9");  // UTF-8 passes unchanged
}

TEST(EscapeControlsForLog, CutsToTheByteLimitBeforeEscaping) {
  EXPECT_EQ(escape_controls_for_log(std::string(500, 'a')).size(), 200u);
  EXPECT_EQ(escape_controls_for_log("abc\n", 3), "abc");
  EXPECT_EQ(escape_controls_for_log("ab\ncd", 3), "ab\\x0a");
}

TEST(EscapeControlsForTerminal, ControlsBecomeUnicodeEscapes) {
  EXPECT_EQ(escape_controls_for_terminal("Jayden\nCarter\x1b[31m"),
            "Jayden\\u000aCarter\\u001b[31m");
  EXPECT_EQ(escape_controls_for_terminal("\x7f"), "\\u007f");
  EXPECT_EQ(escape_controls_for_terminal("Zo\xc3\xab"), "Zo\xc3\xab");
}

TEST(ControlsToSpaces, ControlsBecomeSpacesAndNothingElseChanges) {
  EXPECT_EQ(controls_to_spaces("a\tb\nc\x7f"), "a b c ");
  EXPECT_EQ(controls_to_spaces("\xd9\x85\xd8\xad\xd9\x85\xd8\xaf"),
            "\xd9\x85\xd8\xad\xd9\x85\xd8\xaf");
}

TEST(MarkDirectionControls, OverridesAreShownNotObeyed) {
  // "Noor <RLO>gnp.exe<PDF> Haddad" would read as "Noor exe.png Haddad".
  EXPECT_EQ(mark_direction_controls("Noor \u202Egnp.exe\u202C Haddad"),
            "Noor [U+202E]gnp.exe[U+202C] Haddad");
  EXPECT_EQ(mark_direction_controls("\u202A\u202B\u202D\u2066\u2067\u2068\u2069"),
            "[U+202A][U+202B][U+202D][U+2066][U+2067][U+2068][U+2069]");
  // Arabic and Hebrew names, and the neighbouring punctuation, are left alone.
  EXPECT_EQ(mark_direction_controls("\u0645\u062D\u0645\u062F \u05D3\u05D5\u05D3 \u2014 \u2026"),
            "\u0645\u062D\u0645\u062F \u05D3\u05D5\u05D3 \u2014 \u2026");
  EXPECT_EQ(mark_direction_controls("\xE2\x80"), "\xE2\x80");  // cut short: unchanged
}

TEST(QuoteForMessage, QuotesAndEscapesLikeJson) {
  EXPECT_EQ(quote_for_message("Mia"), "\"Mia\"");
  EXPECT_EQ(quote_for_message("say \"hi\"\\"), "\"say \\\"hi\\\"\\\\\"");
  EXPECT_EQ(quote_for_message("a\nb\tc\x01"), "\"a\\nb\\tc\\u0001\"");
  EXPECT_EQ(quote_for_message("Bo\xc5\xbc"
                              "ena"),
            "\"Bo\xc5\xbc"
            "ena\"");
}

TEST(QuoteForMessage, CutsAtACharacterBoundary) {
  // 61 two-byte characters: the first 60 are kept whole, then "...".
  std::string long_name;
  for (int i = 0; i < 61; ++i) long_name += "\xc5\xbc";
  const std::string quoted = quote_for_message(long_name);
  EXPECT_EQ(quoted, "\"" + long_name.substr(0, 120) + "\"...");
  EXPECT_EQ(quote_for_message("abcdef", 3), "\"abc\"...");
  EXPECT_EQ(quote_for_message("abc", 3), "\"abc\"");
}

TEST(QuoteForMessage, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  EXPECT_EQ(quote_for_message("a\xff"
                              "b"),
            "\"a\xef\xbf\xbd"
            "b\"");
  EXPECT_EQ(quote_for_message("\xc0\xaf"), "\"\xef\xbf\xbd\xef\xbf\xbd\"");  // overlong '/'
  EXPECT_EQ(quote_for_message("\xed\xa0\x80"), "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
  EXPECT_EQ(quote_for_message("\xe2\x82"), "\"\xef\xbf\xbd\xef\xbf\xbd\"");  // cut short
  EXPECT_EQ(quote_for_message("\xf0\x9f\x98\x80"), "\"\xf0\x9f\x98\x80\"");  // U+1F600 is fine
}

TEST(CodePoints, CountsCharactersNotBytes) {
  EXPECT_EQ(code_points(""), 0u);
  EXPECT_EQ(code_points("abc"), 3u);
  EXPECT_EQ(code_points("\xc5\xbc\xe2\x82\xac\xf0\x9f\x98\x80"), 3u);
}

}  // namespace
}  // namespace peermap::text
