// The longest full names the validator accepts (model::kMaxNameLength code points each), in
// the shapes that are hardest to draw whole: long hyphenated Polish words, one unbroken word
// wider than any line, the widest Latin letter, stacked combining marks, Arabic and Hebrew
// (right to left), right-to-left mixed with Latin, Chinese with no spaces, and Devanagari.
#pragma once

#include <string>
#include <vector>

#include "base/text_safety.hpp"
#include "model/full_name.hpp"

namespace peermap::testing {

//! Words from `words`, in turn, joined by spaces, until the next would pass the limit; the last
//! word is then lengthened with `filler` to exactly model::kMaxNameLength code points.
inline std::string name_of_words(const std::vector<std::string>& words, const std::string& filler) {
  const std::size_t limit = model::kMaxNameLength;
  std::string name;
  for (std::size_t k = 0;; ++k) {
    const std::string& word = words[k % words.size()];
    const std::size_t with =
        text::code_points(name) + (name.empty() ? 0 : 1) + text::code_points(word);
    if (with > limit) break;
    name += (name.empty() ? "" : " ") + word;
  }
  while (text::code_points(name) + text::code_points(filler) <= limit) name += filler;
  while (text::code_points(name) < limit) name += "a";
  return name;
}

//! Each exactly model::kMaxNameLength code points, each a valid full name.
inline std::vector<std::string> longest_names() {
  std::string unbroken;
  while (text::code_points(unbroken) < model::kMaxNameLength - 6)
    unbroken += "Wolfeschlegelsteinhausenbergerdorff";
  while (text::code_points(unbroken) > model::kMaxNameLength - 6) unbroken.pop_back();
  std::string chinese;
  while (text::code_points(chinese) < model::kMaxNameLength - 2) chinese += "\u6b27\u9633";
  while (text::code_points(chinese) > model::kMaxNameLength - 2) chinese.resize(chinese.size() - 3);
  std::string wide;
  for (std::size_t k = 0; k < model::kMaxNameLength; ++k) wide += k == 95 ? ' ' : 'W';
  return {
      name_of_words({"Bo\u017cena-\u017baneta", "Gra\u017cyna", "Wright-Brz\u0119czyszczykiewicz",
                     "\u0141ucja-\u015awi\u0119tos\u0142awa"},
                    "\u017c"),
      unbroken + " Smith",
      wide,
      // Combining marks: e + U+0301, e + U+0302 + U+0303 (Vietnamese), o + U+0308.
      name_of_words({"Jose\u0301", "Nguye\u0302\u0303n", "Zoe\u0308", "Rene\u0301e-Noe\u0308lle"},
                    "e\u0301"),
      name_of_words({"\u0639\u0628\u062f\u0627\u0644\u0631\u062d\u0645\u0646",
                     "\u0627\u0644\u0634\u0645\u0631\u064a", "\u0645\u0631\u064a\u0645"},
                    "\u0627"),
      name_of_words(
          {"\u05e0\u05d5\u05e2\u05d4", "\u05d1\u05df-\u05d3\u05d5\u05d3", "\u05dc\u05d5\u05d9"},
          "\u05d4"),
      name_of_words(
          {"Mariam", "\u0645\u0631\u064a\u0645", "Ahmed-Rahman", "\u0623\u062d\u0645\u062f"}, "a"),
      chinese + " \u738b",
      name_of_words(
          {"\u092a\u094d\u0930\u093f\u092f\u093e",
           "\u0936\u0930\u094d\u092e\u093e-\u0915\u094d\u0937\u0924\u094d\u0930\u093f\u092f"},
          "\u093e"),
  };
}

}  // namespace peermap::testing
