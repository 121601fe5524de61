#include "model/full_name.hpp"

#include <algorithm>

#include "base/text_safety.hpp"
#include "model/reader_parts.hpp"

namespace peermap::model {

using detail::quote;

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> found;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t start = text.find_first_not_of(" \t\r\n", at);
    if (start == std::string_view::npos) {
      break;
    }
    const std::size_t end = std::min(text.find_first_of(" \t\r\n", start), text.size());
    found.push_back(text.substr(start, end - start));
    at = end;
  }
  return found;
}

bool is_initial(std::string_view word) {
  if (word.empty()) return false;
  const bool dotted = word.find('.') != std::string_view::npos;
  std::size_t start = 0;
  while (start <= word.size()) {
    const std::size_t end = std::min(word.find('.', start), word.size());
    const std::string_view part = word.substr(start, end - start);
    if (!part.empty() && text::code_points(part) != 1) {
      return false;
    }
    start = end + 1;
  }
  const unsigned char first = static_cast<unsigned char>(word.front());
  const bool latin_letter = (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z');
  return dotted || latin_letter;
}

std::optional<std::string> full_name_fault(std::string_view name) {
  const auto parts = words(name);
  if (parts.size() < 2) {
    return quote(name) + " is a single word";
  }
  for (const auto part : parts) {
    if (is_initial(part)) {
      return quote(name) + " contains an initial (" + quote(part) + ")";
    }
  }
  return std::nullopt;
}

}  // namespace peermap::model
