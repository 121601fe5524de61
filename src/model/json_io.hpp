// The public entry to the peermap/1 JSON document: reading it with validation that names every
// problem, validating a tree parsed some other way, and writing it (json_writer.hpp).
//
// The units behind it: vocabulary.hpp (the enum names), problems.hpp, full_name.hpp,
// json_pointer.hpp, revalidate.hpp (validation after a small edit) and date.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/date.hpp"
#include "model/document.hpp"
#include "model/json_writer.hpp"
#include "model/problems.hpp"

namespace peermap::model {

struct ParseOutcome {
  Document document;              //!< meaningful only when has_errors() is false
  std::vector<Problem> problems;  //!< errors and warnings, in document order
  [[nodiscard]] bool has_errors() const;
};

struct ParseOptions {
  Date today;  //!< injected clock: "in the future" means after this date
  std::size_t max_bytes = 32u << 20u;
  int max_depth = 32;
};

//! Parses and validates a document. Never throws on bad input.
[[nodiscard]] ParseOutcome parse_document(std::string_view json_text, const ParseOptions& options);

//! Validates a parsed document: the same problems parse_document() gives for its text. The
//! server keeps a busy map's newest revision as a tree and validates it without serialising and
//! parsing it again.
[[nodiscard]] ParseOutcome validate_tree(const nlohmann::json& root, const ParseOptions& options);

//! "Line:column" of a byte offset in `text` (1-based both).
[[nodiscard]] std::string line_column(std::string_view text, std::size_t offset);

}  // namespace peermap::model
