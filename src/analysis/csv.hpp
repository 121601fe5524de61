// RFC 4180 CSV records with line:column positions, shared by the edge-list reader
// (network.cpp) and the people-and-ties reader (csv_format.cpp). Internal to analysis.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.hpp"

namespace peermap::analysis::csv {

inline Error invalid(std::string message) { return Error{ErrorKind::Invalid, std::move(message)}; }

struct Field {
  std::string text;
  std::size_t line = 1;
  std::size_t column = 1;
  bool quoted = false;
  [[nodiscard]] std::string where() const {
    return std::to_string(line) + ":" + std::to_string(column);
  }
};
using Record = std::vector<Field>;

//! RFC 4180 records, tracking line:column for messages. Spaces and tabs around a field are
//! dropped (inside quotes they are kept).
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = line_start_ = 3;  // a UTF-8 byte order mark
  }

  [[nodiscard]] bool at_end() const { return pos_ >= text_.size(); }

  //! The next record; a blank line gives one empty unquoted field.
  Result<Record> next() {
    Record record;
    for (;;) {
      Field field{{}, line_, column(), false};
      const std::size_t start = pos_;
      skip_blanks();
      if (peek() == '"') {  // spaces around a quoted field are not part of it
        field.column = column();
        auto quoted = read_quoted(field);
        if (!quoted) return quoted.error();
      } else {
        pos_ = start;
        while (!at_end() && !ends_field(peek())) field.text += text_[pos_++];
        trim(field.text);
      }
      record.push_back(std::move(field));
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '\r') ++pos_;
      if (peek() == '\n') ++pos_;
      ++line_;
      line_start_ = pos_;
      return record;
    }
  }

 private:
  [[nodiscard]] char peek() const { return at_end() ? '\0' : text_[pos_]; }
  [[nodiscard]] std::size_t column() const { return pos_ - line_start_ + 1; }
  [[nodiscard]] std::string where() const {
    return std::to_string(line_) + ":" + std::to_string(column());
  }
  static bool ends_field(char c) { return c == ',' || c == '\n' || c == '\r'; }
  void skip_blanks() {
    while (peek() == ' ' || peek() == '\t') ++pos_;
  }
  static void trim(std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) {
      text.clear();
      return;
    }
    text = text.substr(first, text.find_last_not_of(" \t") - first + 1);
  }

  Status read_quoted(Field& field) {
    field.quoted = true;
    const std::string opening = where();
    ++pos_;
    for (;;) {
      if (at_end()) return invalid(opening + ": quoted field is never closed");
      const char c = text_[pos_++];
      if (c == '"') {
        if (peek() != '"') break;
        ++pos_;
      } else if (c == '\n') {
        ++line_;
        line_start_ = pos_;
      }
      field.text += c;
    }
    skip_blanks();
    if (!at_end() && !ends_field(peek())) {
      return invalid(where() + ": expected a comma or the end of the row after a quoted field");
    }
    return ok_status();
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t line_start_ = 0;
};

inline bool blank(const Record& record) {
  return record.size() == 1 && !record[0].quoted && record[0].text.empty();
}

inline std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace peermap::analysis::csv
