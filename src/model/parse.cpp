// Parsing: size and depth limits before the tree is built, then the DocumentReader.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/text_safety.hpp"
#include "model/document_reader.hpp"
#include "model/id_registry.hpp"
#include "model/json_io.hpp"
#include "model/json_pointer.hpp"
#include "model/reader_parts.hpp"

namespace peermap::model {
namespace {

using json = nlohmann::json;
using detail::Context;
using detail::DocumentReader;
using detail::quote;

//! Builds the nlohmann::json tree from SAX events. (nlohmann's callback parser rescans the
//! parent container at every object_end, which is quadratic in the length of an array.) It
//! stops at the depth limit before building deeper, and reports duplicate keys, which the tree
//! would otherwise settle silently (the last one wins).
class TreeBuilder {
 public:
  TreeBuilder(json& root, int max_depth, ProblemLog& log)
      : root_(root), max_depth_(static_cast<std::size_t>(std::max(max_depth, 0))), log_(log) {}

  bool null() { return place(nullptr) != nullptr; }
  bool boolean(bool value) { return place(value) != nullptr; }
  bool number_integer(json::number_integer_t value) { return place(value) != nullptr; }
  bool number_unsigned(json::number_unsigned_t value) { return place(value) != nullptr; }
  bool number_float(json::number_float_t value, const json::string_t& /*text*/) {
    return place(value) != nullptr;
  }
  bool string(json::string_t& value) { return place(std::move(value)) != nullptr; }
  bool binary(json::binary_t& value) { return place(std::move(value)) != nullptr; }
  bool start_object(std::size_t /*size*/) { return open(json::value_t::object); }
  bool start_array(std::size_t /*size*/) { return open(json::value_t::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(json::string_t& key) {
    Open& object = open_.back();
    if (object.container->contains(key)) {
      log_.error(pointer_to(key), "duplicate key " + quote(key) + "; a field may appear only once");
    }
    object.key = key;
    return true;
  }

  bool parse_error(std::size_t byte, const std::string& last_token, const json::exception& error) {
    // `byte` is the last byte read: the bad one in a string, but the end of a number too
    // large for a double (out_of_range.406), which is better shown at its start.
    constexpr int kNumberOverflow = 406;
    error_byte_ = error.id == kNumberOverflow && byte >= last_token.size()
                      ? byte - last_token.size() + 1
                      : byte;
    error_ = error.what();
    return false;
  }

  [[nodiscard]] bool too_deep() const { return too_deep_; }
  [[nodiscard]] const std::optional<std::string>& error() const { return error_; }
  [[nodiscard]] std::size_t error_byte() const { return error_byte_; }

 private:
  struct Open {
    json* container;
    std::string key;  //!< the member being read, in an object
  };

  //! Puts a value where the parser is: the root, the end of an array or an object's member.
  json* place(json value) {
    if (open_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Open& parent = open_.back();
    if (parent.container->is_array()) {
      parent.container->push_back(std::move(value));
      return &parent.container->back();
    }
    json& member = (*parent.container)[parent.key];
    member = std::move(value);
    return &member;
  }

  bool open(json::value_t type) {
    if (open_.size() + 1 > max_depth_) {
      too_deep_ = true;
      return false;
    }
    open_.push_back({place(json(type)), {}});
    return true;
  }

  bool close() {
    open_.pop_back();
    return true;
  }

  [[nodiscard]] std::string pointer_to(const std::string& key) const {
    std::string where;
    for (std::size_t i = 0; i + 1 < open_.size(); ++i) {
      // An open container's open child is its last element, or its current member.
      const Open& level = open_[i];
      where = level.container->is_array() ? child(where, level.container->size() - 1)
                                          : child(where, level.key);
    }
    return child(where, key);
  }

  json& root_;
  std::size_t max_depth_;
  ProblemLog& log_;
  std::vector<Open> open_;
  bool too_deep_ = false;
  std::optional<std::string> error_;
  std::size_t error_byte_ = 0;
};

//! "34300187 bytes (32.7 MiB)": the exact count, and a size people recognise.
std::string mebibytes(std::size_t bytes) {
  const std::size_t tenths = bytes * 10 / (1u << 20u);
  return std::to_string(bytes) + " bytes (" + std::to_string(tenths / 10) +
         (tenths % 10 == 0 ? "" : "." + std::to_string(tenths % 10)) + " MiB)";
}

//! Where and what, from nlohmann's error text: "[json.exception.parse_error.101] parse error at
//! line 1, column 2: syntax error ..." keeps what follows the position (we give our own).
Problem malformed(std::string_view text, std::string what, std::size_t byte) {
  if (const std::size_t id_end = what.find("] "); id_end != std::string::npos) {
    what.erase(0, id_end + 2);
  }
  if (what.starts_with("parse error")) {
    what.erase(0, std::min(what.find(": "), what.size() - 2) + 2);
  }
  what = what.substr(0, what.find("; last read:"));     // echoes raw bytes
  const std::size_t offset = byte == 0 ? 0 : byte - 1;  // byte counts what was read, 1-based
  return {line_column(text, offset), Severity::Error,
          "malformed JSON: " + text::replace_non_ascii(what)};
}

}  // namespace

bool ParseOutcome::has_errors() const {
  return std::any_of(problems.begin(), problems.end(),
                     [](const Problem& p) { return p.severity == Severity::Error; });
}

ParseOutcome parse_document(std::string_view json_text, const ParseOptions& options) {
  ParseOutcome outcome;
  if (json_text.size() > options.max_bytes) {
    outcome.problems.push_back({"/", Severity::Error,
                                "the file is " + mebibytes(json_text.size()) + "; the limit is " +
                                    mebibytes(options.max_bytes)});
    return outcome;
  }
  Context context;
  json root;
  TreeBuilder builder(root, options.max_depth, context.log);
  if (!json::sax_parse(json_text.begin(), json_text.end(), &builder)) {
    if (builder.too_deep()) {
      outcome.problems.push_back(
          {"/", Severity::Error,
           "nesting is deeper than " + std::to_string(options.max_depth) + " levels, the limit"});
    } else {
      outcome.problems.push_back(
          malformed(json_text, builder.error().value_or("unreadable"), builder.error_byte()));
    }
    return outcome;
  }
  outcome.document = DocumentReader(options, context).read(root);
  outcome.problems = std::move(context.log).finish();
  return outcome;
}

ParseOutcome validate_tree(const json& root, const ParseOptions& options) {
  ParseOutcome outcome;
  // The depth limit parse_document applies while it parses, for a tree built some other way.
  std::vector<std::pair<const json*, int>> stack{{&root, 1}};
  while (!stack.empty()) {
    const auto [value, depth] = stack.back();
    stack.pop_back();
    if (!value->is_structured()) continue;
    if (depth > options.max_depth) {
      outcome.problems.push_back(
          {"/", Severity::Error,
           "nesting is deeper than " + std::to_string(options.max_depth) + " levels, the limit"});
      return outcome;
    }
    for (const auto& element : *value) stack.emplace_back(&element, depth + 1);
  }
  Context context;
  outcome.document = DocumentReader(options, context).read(root);
  outcome.problems = std::move(context.log).finish();
  return outcome;
}

std::string line_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line_start =
      before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  const auto line = 1 + std::count(before.begin(), before.end(), '\n');
  const std::size_t column = 1 + text::code_points(before.substr(line_start));
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace peermap::model
