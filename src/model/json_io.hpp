// Reading and writing the peermap/1 JSON document, with validation that names every problem.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.hpp"
#include "model/document.hpp"

namespace peermap::model {

enum class Severity { Error, Warning };

//! One validation problem: where (a JSON pointer, or "line:column" for malformed JSON) and what.
struct Problem {
  std::string where;
  Severity severity = Severity::Error;
  std::string message;
};

struct ParseOutcome {
  Document document;               //!< meaningful only when has_errors() is false
  std::vector<Problem> problems;   //!< errors and warnings, in document order
  [[nodiscard]] bool has_errors() const;
};

struct ParseOptions {
  Date today;  //!< injected clock: "in the future" means after this date
  std::size_t max_bytes = 32u << 20u;
  int max_depth = 32;
};

//! Parses and validates a document. Never throws on bad input.
[[nodiscard]] ParseOutcome parse_document(std::string_view json_text, const ParseOptions& options);

//! Serialises a document as peermap/1 JSON (stable key order, 2-space indent).
[[nodiscard]] std::string write_document(const Document& document);

//! The document's names for a role ("subject-child", ...) and a gender ("non-binary", ...), and
//! back; nullopt for a name the format does not have.
[[nodiscard]] std::string_view role_name(Role role);
[[nodiscard]] std::optional<Role> role_named(std::string_view name);
[[nodiscard]] std::string_view gender_name(Gender gender);
[[nodiscard]] std::optional<Gender> gender_named(std::string_view name);

//! Today's date from the system clock (UTC), for the CLI; tests inject their own.
[[nodiscard]] Date today_utc();

//! "Line:column" of a byte offset in `text` (1-based both).
[[nodiscard]] std::string line_column(std::string_view text, std::size_t offset);

}  // namespace peermap::model
