// peermap/1 JSON: a reader that validates while it fills the Document, and a writer.
//
// Reading is two passes over one nlohmann::json tree. Pass 1 walks each section with an
// ObjectReader (closed objects, typed getters that record problems) and collects every id and
// every reference; pass 2 resolves the references and adds the whole-document warnings.
#include "model/json_io.hpp"
#include "model/json_tree.hpp"
#include "base/text_safety.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <initializer_list>
#include <limits>
#include <map>
#include <set>
#include <span>
#include <utility>

#include <nlohmann/json.hpp>

namespace peermap::model {
namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

// Limits from docs/format.md, "Rules that apply everywhere".
constexpr std::size_t kMaxText = 10'000;
constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxItems = 100'000;
constexpr std::size_t kMaxIdLength = 64;
// A hostile file can hold millions of faults; nobody reads past the first thousand.
constexpr std::size_t kMaxProblems = 1'000;
constexpr std::size_t kQuoteLength = 60;
constexpr std::string_view kFormat = "peermap/1";

// The names each enumerated field accepts. Where the field has an enum, the names are in the
// enum's declaration order, so a name's index is the enum value.
using Names = std::span<const std::string_view>;
constexpr std::array<std::string_view, 5> kStatusNames{"pre-mapping", "meeting", "outcomes",
                                                       "review-due", "closed"};
constexpr std::array<std::string_view, 5> kGenderNames{"female", "male", "non-binary", "other",
                                                       "unknown"};
constexpr std::array<std::string_view, 6> kRoleNames{
    "subject-child", "peer", "adult-of-concern", "family", "professional", "other"};
constexpr std::array<std::string_view, 3> kNameStatusNames{"full", "unknown", "street-name-only"};
constexpr std::array<std::string_view, 3> kTieKindNames{"relationship", "frequents", "member-of"};
constexpr std::array<std::string_view, 4> kValenceNames{"unknown", "risky", "protective", "mixed"};
constexpr std::array<std::string_view, 2> kEvidenceNames{"evidenced", "anecdotal"};
constexpr std::array<std::string_view, 7> kAgeBands{"under-10", "10-12", "13-15",  "16-17",
                                                    "18-24",    "25+",   "unknown"};
constexpr std::array<std::string_view, 10> kLocationKinds{
    "school",        "park",       "shop",   "home",   "hotel",
    "transport-hub", "youth-club", "estate", "online", "other"};
constexpr std::array<std::string_view, 5> kGroupKinds{"friendship", "gang", "school-year", "online",
                                                      "other"};
constexpr std::array<std::string_view, 8> kNatures{"friend", "family",       "partner", "associate",
                                                   "online", "professional", "rival",   "other"};
constexpr std::array<std::string_view, 2> kRiskKinds{"risk", "strength"};
constexpr std::array<std::string_view, 10> kActionTypes{
    "csc-referral",          "ypdas-referral", "yps-referral",        "pimm-referral",
    "strategy-meeting",      "cefh-meeting",   "disruption-planning", "safety-plan",
    "information-gathering", "other"};
constexpr std::array<std::string_view, 3> kActionStatuses{"open", "done", "cancelled"};

enum class Scheme { Simple, ThreeByFiveByTwo, FiveByFiveByFive };
constexpr std::array<std::string_view, 3> kSchemeNames{"simple", "3x5x2", "5x5x5"};
constexpr std::array<std::string_view, 5> kLettersAE{"A", "B", "C", "D", "E"};
constexpr std::array<std::string_view, 2> kHandling3x5x2{"P", "C"};

// Top-level fields in document order; problems are sorted by this order.
constexpr std::array<std::string_view, 14> kSections{
    "format",    "map",   "people", "locations", "groups",   "ties",    "information",
    "sightings", "risks", "gaps",   "actions",   "meetings", "ecomaps", "pins"};

template <typename E>
std::string_view name_of(Names names, E value) {
  return names[static_cast<std::size_t>(value)];
}

// ---------------------------------------------------------------------------------------------
// Text helpers

using text::code_points;

//! A user's value for a message (text_safety.hpp): JSON-quoted and cut short.
std::string quote(std::string_view value) { return text::quote_for_message(value, kQuoteLength); }

std::string join(Names names) {
  std::string joined;
  for (const auto name : names) {
    joined += (joined.empty() ? "" : ", ") + std::string(name);
  }
  return joined;
}

//! Appends one reference token to a JSON pointer, escaping "~" and "/" (RFC 6901).
std::string child(std::string_view pointer, std::string_view token) {
  std::string out(pointer);
  out += '/';
  for (const char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string child(std::string_view pointer, std::size_t index) {
  return std::string(pointer) + '/' + std::to_string(index);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// ---------------------------------------------------------------------------------------------
// Names: guidance §5 asks for "full names, not initials".

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

//! "J", "J." and "J.R." are initials: every part between dots is one character. An undotted
//! single character counts only when it is a Latin letter: in some scripts (Chinese, say) one
//! character is a whole given name.
bool is_initial(std::string_view word) {
  const bool dotted = word.find('.') != std::string_view::npos;
  std::size_t start = 0;
  while (start <= word.size()) {
    const std::size_t end = std::min(word.find('.', start), word.size());
    const std::string_view part = word.substr(start, end - start);
    if (!part.empty() && code_points(part) != 1) {
      return false;
    }
    start = end + 1;
  }
  const unsigned char first = static_cast<unsigned char>(word.front());
  const bool latin_letter = (first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z');
  return dotted || latin_letter;
}

//! Why `name` is not a full name, or nullopt when it is one.
std::optional<std::string> name_fault(std::string_view name) {
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

// ---------------------------------------------------------------------------------------------
// Problems

class ProblemLog {
 public:
  void error(const std::string& where, std::string message) {
    add(where, Severity::Error, std::move(message));
  }
  void warning(const std::string& where, std::string message) {
    add(where, Severity::Warning, std::move(message));
  }

  //! True once further problems are only counted: callers may skip composing costly messages.
  [[nodiscard]] bool full() const { return ordered_.size() >= kMaxProblems; }

  //! Problems in document order: by section, then item; within an item as found.
  std::vector<Problem> finish() && {
    std::stable_sort(ordered_.begin(), ordered_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Problem> problems;
    problems.reserve(ordered_.size() + 1);
    for (auto& entry : ordered_) {
      problems.push_back(std::move(entry.second));
    }
    if (dropped_errors_ + dropped_warnings_ > 0) {
      problems.push_back(
          {"/", dropped_errors_ > 0 ? Severity::Error : Severity::Warning,
           std::to_string(dropped_errors_ + dropped_warnings_) + " more problems not shown"});
    }
    return problems;
  }

  using Order = std::pair<std::size_t, std::size_t>;  // section rank, item index

  static Order order_of(std::string_view where) {
    if (where.empty() || where.front() != '/') {
      return {0, 0};  // the whole document, or "line:column"
    }
    const std::size_t slash = where.find('/', 1);
    const std::string_view section = where.substr(1, slash - 1);
    const auto rank = static_cast<std::size_t>(
        std::find(kSections.begin(), kSections.end(), section) - kSections.begin());
    std::size_t index = 0;
    if (slash != std::string_view::npos) {
      const std::string_view rest = where.substr(slash + 1);
      std::from_chars(rest.data(), rest.data() + rest.size(), index);
    }
    return {rank + 1, index};
  }

 private:
  void add(const std::string& where, Severity severity, std::string message) {
    if (full()) {
      ++(severity == Severity::Error ? dropped_errors_ : dropped_warnings_);
      return;
    }
    ordered_.emplace_back(order_of(where),
                          Problem{where.empty() ? "/" : where, severity, std::move(message)});
  }

  std::vector<std::pair<Order, Problem>> ordered_;
  std::size_t dropped_errors_ = 0;
  std::size_t dropped_warnings_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Ids and references: one namespace for the whole document.

enum class IdKind : unsigned {
  Person = 1u << 0u,
  Location = 1u << 1u,
  Group = 1u << 2u,
  Tie = 1u << 3u,
  Information = 1u << 4u,
  Sighting = 1u << 5u,
  Risk = 1u << 6u,
  Gap = 1u << 7u,
  Action = 1u << 8u,
  Meeting = 1u << 9u,
};
constexpr std::array<std::string_view, 10> kIdKindNames{"a person",
                                                        "a location",
                                                        "a group",
                                                        "a tie",
                                                        "an information item",
                                                        "a sighting",
                                                        "a risk or strength",
                                                        "an information gap",
                                                        "an action",
                                                        "a meeting"};

using Kinds = unsigned;
constexpr Kinds kinds(std::initializer_list<IdKind> list) {
  Kinds mask = 0;
  for (const IdKind kind : list) {
    mask |= static_cast<Kinds>(kind);
  }
  return mask;
}
constexpr Kinds kAnyKind = (1u << kIdKindNames.size()) - 1;
constexpr Kinds kPerson = kinds({IdKind::Person});
constexpr Kinds kLocation = kinds({IdKind::Location});
constexpr Kinds kGroup = kinds({IdKind::Group});
constexpr Kinds kPersonLocationOrGroup = kinds({IdKind::Person, IdKind::Location, IdKind::Group});

std::string describe(Kinds mask) {
  std::vector<std::string_view> names;
  for (std::size_t bit = 0; bit < kIdKindNames.size(); ++bit) {
    if ((mask & (1u << bit)) != 0) {
      names.push_back(kIdKindNames[bit]);
    }
  }
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    text += i == 0 ? "" : (i + 1 == names.size() ? " or " : ", ");
    text += names[i];
  }
  return text;
}

struct IdEntry {
  std::string pointer;
  IdKind kind;
};

struct PendingReference {
  std::string pointer;
  std::string id;
  Kinds allowed;
};

//! What a whole parse shares: its problems, its ids and the references still to resolve.
struct Context {
  ProblemLog log;
  std::map<std::string, IdEntry, std::less<>> ids;
  std::vector<PendingReference> references;

  //! Records `key` as seen at `pointer`; an error saying `what()` when it was seen before.
  template <typename Message>
  void first_time(std::map<std::string, std::string>& seen, const std::string& key,
                  const std::string& pointer, Message&& what) {
    const auto [entry, inserted] = seen.try_emplace(key, pointer);
    if (!inserted) {
      log.error(pointer, what() + "; first at " + entry->second);
    }
  }

  void resolve_references() {
    for (const auto& reference : references) {
      const auto found = ids.find(reference.id);
      if (found == ids.end()) {
        log.error(reference.pointer,
                  quote(reference.id) + " is not the id of " +
                      (reference.allowed == kAnyKind ? "anything in the document"
                                                     : describe(reference.allowed)));
      } else if ((static_cast<Kinds>(found->second.kind) & reference.allowed) == 0) {
        log.error(reference.pointer, quote(reference.id) + " is " +
                                         describe(static_cast<Kinds>(found->second.kind)) +
                                         ", not " + describe(reference.allowed));
      }
    }
  }
};

// ---------------------------------------------------------------------------------------------
// ObjectReader: one JSON object at a pointer. Unknown fields are errors; each getter checks one
// field's type and range and records what is wrong, so a section reads as a list of fields.

enum class Need { Optional, Required };

class ObjectReader {
 public:
  //! An object whose fields are given later with allow() (when one field decides the others).
  ObjectReader(const json& value, std::string pointer, Context& context)
      : value_(value), pointer_(std::move(pointer)), context_(context) {
    if (!value_.is_object()) {
      error(pointer_, "must be an object, not " + type_of(value_));
    }
  }

  ObjectReader(const json& value, std::string pointer, Context& context,
               std::initializer_list<std::string_view> fields)
      : ObjectReader(value, std::move(pointer), context) {
    allow(fields);
  }

  [[nodiscard]] bool is_object() const { return value_.is_object(); }
  [[nodiscard]] const std::string& pointer() const { return pointer_; }
  [[nodiscard]] std::string at(std::string_view field) const { return child(pointer_, field); }
  [[nodiscard]] bool has(std::string_view field) const {
    return is_object() && value_.contains(field);
  }

  //! Reports every field not in `fields`.
  void allow(std::initializer_list<std::string_view> fields) {
    if (!is_object()) {
      return;
    }
    for (const auto& [key, ignored] : value_.items()) {
      if (std::find(fields.begin(), fields.end(), key) == fields.end()) {
        const bool counted_only = context_.log.full();
        error(at(key), counted_only ? "" : "unknown field " + quote(key) + suggestion(key, fields));
      }
    }
  }

  //! The field's value; nullptr (and an error when required) if absent.
  [[nodiscard]] const json* find(std::string_view field, Need need) const {
    if (!is_object()) {
      return nullptr;
    }
    const auto found = value_.find(field);
    if (found == value_.end()) {
      if (need == Need::Required) {
        error(at(field), "missing required field " + quote(field));
      }
      return nullptr;
    }
    return &*found;
  }

  std::optional<std::string> text(std::string_view field, Need need,
                                  std::size_t max_chars = kMaxText) {
    return read(field, need, [&](const json& v, const std::string& where) {
      return as_text(v, where, need, max_chars);
    });
  }

  std::optional<long long> integer(std::string_view field, Need need, long long min,
                                   long long max) {
    return read(field, need, [&](const json& v, const std::string& where) {
      return as_integer(v, where, min, max);
    });
  }

  std::optional<bool> flag(std::string_view field, Need need) {
    return read(field, need, [&](const json& v, const std::string& where) -> std::optional<bool> {
      if (!v.is_boolean()) {
        return type_error(where, "true or false", v);
      }
      return v.get<bool>();
    });
  }

  std::optional<double> number(std::string_view field, Need need) {
    return read(field, need, [&](const json& v, const std::string& where) -> std::optional<double> {
      if (!v.is_number()) {
        return type_error(where, "a number", v);
      }
      return v.get<double>();
    });
  }

  std::optional<Date> date(std::string_view field, Need need) {
    return read(field, need, [&](const json& v, const std::string& where) -> std::optional<Date> {
      if (!v.is_string()) {
        return type_error(where, "a date (YYYY-MM-DD)", v);
      }
      auto parsed = Date::parse(v.get_ref<const std::string&>());
      if (!parsed) {
        error(where, quote(v.get_ref<const std::string&>()) +
                         " is not a calendar date in the form YYYY-MM-DD");
      }
      return parsed;
    });
  }

  //! One of `names`, as its index.
  std::optional<std::size_t> choice(std::string_view field, Need need, Names names) {
    return read(field, need,
                [&](const json& v, const std::string& where) -> std::optional<std::size_t> {
                  if (!v.is_string()) {
                    return type_error(where, "one of: " + join(names), v);
                  }
                  const auto& text = v.get_ref<const std::string&>();
                  const auto found = std::find(names.begin(), names.end(), text);
                  if (found == names.end()) {
                    error(where, quote(text) + " is not one of: " + join(names));
                    return std::nullopt;
                  }
                  return static_cast<std::size_t>(found - names.begin());
                });
  }

  template <typename E>
  E choice(std::string_view field, Need need, Names names, E fallback) {
    const auto index = choice(field, need, names);
    return index ? static_cast<E>(*index) : fallback;
  }

  std::string choice_text(std::string_view field, Need need, Names names, std::string fallback) {
    const auto index = choice(field, need, names);
    return index ? std::string(names[*index]) : std::move(fallback);
  }

  std::vector<std::string> texts(std::string_view field, std::size_t max_chars) {
    std::vector<std::string> found;
    each(field, Need::Optional, 0, [&](const json& v, const std::string& where) {
      found.push_back(as_text(v, where, Need::Required, max_chars).value_or(""));
    });
    return found;
  }

  std::optional<std::string> id(std::string_view field, Need need) {
    return read(field, need,
                [&](const json& v, const std::string& where) { return as_id(v, where); });
  }

  //! This object's own "id", entered in the document's one namespace.
  std::string own_id(IdKind kind) {
    const auto id = this->id("id", Need::Required);
    if (!id) {
      return {};
    }
    const auto [entry, inserted] = context_.ids.try_emplace(*id, IdEntry{at("id"), kind});
    if (!inserted) {
      error(at("id"), "duplicate id " + quote(*id) + "; first used at " + entry->second.pointer);
    }
    return *id;
  }

  //! An id naming something of one of the `allowed` kinds (checked once every id is known).
  std::optional<std::string> reference(std::string_view field, Need need, Kinds allowed) {
    return read(field, need, [&](const json& v, const std::string& where) {
      return as_reference(v, where, allowed);
    });
  }

  std::vector<std::string> references(std::string_view field, Need need, std::size_t min_items,
                                      Kinds allowed) {
    std::vector<std::string> found;
    std::map<std::string, std::string> seen;
    each(field, need, min_items, [&](const json& v, const std::string& where) {
      auto id = as_reference(v, where, allowed);
      if (id) {
        context_.first_time(seen, *id, where, [&] { return quote(*id) + " is listed twice"; });
      }
      found.push_back(id.value_or(""));
    });
    return found;
  }

  //! Calls `read_one(element, pointer)` for each element of an array field.
  template <typename ReadOne>
  void each(std::string_view field, Need need, std::size_t min_items, ReadOne&& read_one) {
    const json* list = find(field, need);
    if (list == nullptr) {
      return;
    }
    const std::string where = at(field);
    if (!list->is_array()) {
      type_error(where, "an array", *list);
      return;
    }
    if (list->size() > kMaxItems) {
      error(where, "has " + std::to_string(list->size()) + " items; the limit is " +
                       std::to_string(kMaxItems));
      return;
    }
    if (list->size() < min_items) {
      error(where, "needs at least " + std::to_string(min_items) +
                       (min_items == 1 ? " item" : " items") + ", has " +
                       std::to_string(list->size()));
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
      read_one((*list)[i], child(where, i));
    }
  }

  void error(const std::string& where, std::string message) const {
    context_.log.error(where, std::move(message));
  }

 private:
  template <typename Check>
  auto read(std::string_view field, Need need, Check&& check)
      -> decltype(check(std::declval<const json&>(), std::string{})) {
    const json* v = find(field, need);
    if (v == nullptr) {
      return std::nullopt;
    }
    return check(*v, at(field));
  }

  static std::string type_of(const json& v) {
    if (v.is_null()) {
      return "null";
    }
    if (v.is_number()) {
      return "a number";
    }
    const std::string name = v.type_name();
    return (name == "array" || name == "object" ? "an " : "a ") + name;
  }

  std::nullopt_t type_error(const std::string& where, const std::string& expected,
                            const json& v) const {
    error(where, "must be " + expected + ", not " + type_of(v));
    return std::nullopt;
  }

  std::optional<std::string> as_text(const json& v, const std::string& where, Need need,
                                     std::size_t max_chars) const {
    if (!v.is_string()) {
      return type_error(where, "a string", v);
    }
    const auto& text = v.get_ref<const std::string&>();
    const std::size_t length = code_points(text);
    if (length > max_chars) {
      error(where, "is " + std::to_string(length) + " characters long; the limit is " +
                       std::to_string(max_chars));
      return std::nullopt;
    }
    if (need == Need::Required && words(text).empty()) {
      error(where, "must not be empty");
      return std::nullopt;
    }
    return text;
  }

  std::optional<long long> as_integer(const json& v, const std::string& where, long long min,
                                      long long max) const {
    const std::string range = std::to_string(min) + " to " + std::to_string(max);
    if (!v.is_number_integer()) {
      return type_error(where, "a whole number from " + range, v);
    }
    const bool too_big = v.is_number_unsigned() &&
                         v.get<unsigned long long>() >
                             static_cast<unsigned long long>(std::numeric_limits<long long>::max());
    const long long number = too_big ? std::numeric_limits<long long>::max() : v.get<long long>();
    if (number < min || number > max) {
      error(where, v.dump() + " is out of range; allowed: " + range);
      return std::nullopt;
    }
    return number;
  }

  std::optional<std::string> as_id(const json& v, const std::string& where) const {
    if (!v.is_string()) {
      return type_error(where, "an id (a string)", v);
    }
    const auto& id = v.get_ref<const std::string&>();
    const bool valid =
        !id.empty() && id.size() <= kMaxIdLength && std::all_of(id.begin(), id.end(), [](char c) {
          return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '_' || c == '.' || c == '-';
        });
    if (!valid) {
      error(where, quote(id) + " is not a valid id: use 1 to 64 letters, digits, '_', '.' or '-'");
      return std::nullopt;
    }
    return id;
  }

  std::optional<std::string> as_reference(const json& v, const std::string& where, Kinds allowed) {
    auto id = as_id(v, where);
    if (id) {
      context_.references.push_back({where, *id, allowed});
    }
    return id;
  }

  static std::string suggestion(std::string_view key,
                                std::initializer_list<std::string_view> fields) {
    constexpr std::size_t kCloseEnough = 2;
    for (const auto field : fields) {
      if (key.size() < 2 * kMaxIdLength && edit_distance(key, field) <= kCloseEnough) {
        return "; did you mean " + quote(field) + "?";
      }
    }
    return "";
  }

  const json& value_;
  std::string pointer_;
  Context& context_;
};

// ---------------------------------------------------------------------------------------------
// The sections of a document. Each read_* takes one JSON value and returns the model type,
// filled with what could be read (every array element yields one item, so indices match).

class DocumentReader {
 public:
  DocumentReader(const ParseOptions& options, Context& context)
      : options_(options), context_(context) {}

  Document read(const json& root) && {
    ObjectReader top(root, "", context_,
                     {"format", "map", "people", "locations", "groups", "ties", "information",
                      "sightings", "risks", "gaps", "actions", "meetings", "ecomaps", "pins"});
    if (top.is_object()) {
      read_sections(top);
      context_.resolve_references();
      warn_about_gaps_in_the_picture();
    }
    return std::move(document_);
  }

  //! Pass 1 for one item alone, at `pointer`, as if the map's date were `map_date`: `section` is
  //! "map" or the name of a section. False for a name that is neither.
  bool read_alone(std::string_view section, const json& value, const std::string& pointer,
                  const std::optional<Date>& map_date) {
    map_date_ = map_date;
    ObjectReader r(value, pointer, context_);
    if (section == "map") {
      document_.map = read_map(r);
    } else if (section == "people") {
      document_.people.push_back(read_person(r));
    } else if (section == "locations") {
      document_.locations.push_back(read_location(r));
    } else if (section == "groups") {
      document_.groups.push_back(read_group(r));
    } else if (section == "ties") {
      document_.ties.push_back(read_tie(r));
    } else if (section == "information") {
      document_.information.push_back(read_information(r));
    } else if (section == "sightings") {
      document_.sightings.push_back(read_sighting(r));
    } else if (section == "risks") {
      document_.risks.push_back(read_risk(r));
    } else if (section == "gaps") {
      document_.gaps.push_back(read_gap(r));
    } else if (section == "actions") {
      document_.actions.push_back(read_action(r));
    } else if (section == "meetings") {
      document_.meetings.push_back(read_meeting(r));
    } else if (section == "ecomaps") {
      document_.ecomaps.push_back(read_ecomap(r));
    } else if (section == "pins") {
      document_.pins.push_back(read_pin(r));
    } else {
      return false;
    }
    return true;
  }

  //! Everything of what read_alone() read that reaches beyond its item: the ids it entered, its
  //! references, the keys it claimed (tie ends, ecomap centres, pins), the map's date, and what
  //! pass 2 reads. Two reads of one item with equal footprints affect the rest of the document
  //! in the same way.
  [[nodiscard]] std::string footprint() const {
    std::string out;
    const auto put = [&out](std::string_view text) {
      out += text;
      out += '\x1f';
    };
    for (const auto& [id, entry] : context_.ids) {
      put(id);
      put(std::to_string(static_cast<unsigned>(entry.kind)));
    }
    put("refs");
    for (const auto& reference : context_.references) {
      put(reference.pointer);
      put(reference.id);
      put(std::to_string(reference.allowed));
    }
    for (const auto* keys : {&tie_ends_, &ecomap_centres_, &pinned_}) {
      put("keys");
      for (const auto& [key, ignored] : *keys) put(key);
    }
    put(map_date_ ? map_date_->to_string() : "no date");
    for (const auto& person : document_.people) put(person.id);
    for (const auto& tie : document_.ties) {
      put(tie.id);
      put(name_of(kTieKindNames, tie.kind));
      put(tie.from);
      put(tie.to);
    }
    for (const auto& item : document_.information) {
      put("about");
      for (const auto& about : item.about) put(about);
    }
    for (const auto& sighting : document_.sightings) {
      put("seen");
      for (const auto& person : sighting.people) put(person);
    }
    return out;
  }

  [[nodiscard]] const std::optional<Date>& map_date() const { return map_date_; }

 private:
  template <typename T, typename ReadOne>
  void section(ObjectReader& top, std::string_view field, std::vector<T>& items, ReadOne read_one) {
    top.each(field, Need::Optional, 0, [&](const json& v, const std::string& where) {
      ObjectReader reader(v, where, context_);
      items.push_back((this->*read_one)(reader));
    });
  }

  void read_sections(ObjectReader& top) {
    const auto format = top.text("format", Need::Required);
    if (format && *format != kFormat) {
      top.error(top.at("format"),
                "unsupported format " + quote(*format) + "; expected \"peermap/1\"");
    }
    // The map goes first: people's ages and the review date are checked against its date.
    if (const json* map = top.find("map", Need::Required)) {
      ObjectReader reader(*map, top.at("map"), context_);
      document_.map = read_map(reader);
    }
    section(top, "people", document_.people, &DocumentReader::read_person);
    section(top, "locations", document_.locations, &DocumentReader::read_location);
    section(top, "groups", document_.groups, &DocumentReader::read_group);
    section(top, "ties", document_.ties, &DocumentReader::read_tie);
    section(top, "information", document_.information, &DocumentReader::read_information);
    section(top, "sightings", document_.sightings, &DocumentReader::read_sighting);
    section(top, "risks", document_.risks, &DocumentReader::read_risk);
    section(top, "gaps", document_.gaps, &DocumentReader::read_gap);
    section(top, "actions", document_.actions, &DocumentReader::read_action);
    section(top, "meetings", document_.meetings, &DocumentReader::read_meeting);
    section(top, "ecomaps", document_.ecomaps, &DocumentReader::read_ecomap);
    section(top, "pins", document_.pins, &DocumentReader::read_pin);
  }

  MapInfo read_map(ObjectReader& r) {
    r.allow({"title", "purpose", "concern_types", "subject_children", "status", "map_date",
             "review_date", "owning_team", "protective_marking", "recent_window_days"});
    MapInfo map;
    map.title = r.text("title", Need::Required).value_or("");
    map.purpose = r.text("purpose", Need::Optional).value_or("");
    map.concern_types = r.texts("concern_types", kMaxText);
    map.subject_children = r.references("subject_children", Need::Required, 1, kPerson);
    map.status = r.choice("status", Need::Required, kStatusNames, Status::PreMapping);
    map_date_ = r.date("map_date", Need::Required);
    map.map_date = map_date_.value_or(Date{});
    map.review_date = r.date("review_date", Need::Optional);
    if (map_date_ && map.review_date) {
      not_before(r.at("review_date"), "review_date", *map.review_date, "map_date", *map_date_);
    }
    map.owning_team = r.text("owning_team", Need::Optional).value_or("");
    // A blank marking would print the map unmarked: it keeps the default instead.
    if (auto marking = r.text("protective_marking", Need::Optional);
        marking && !words(*marking).empty()) {
      map.protective_marking = std::move(*marking);
    }
    map.recent_window_days = static_cast<int>(
        r.integer("recent_window_days", Need::Optional, 1, 3650).value_or(map.recent_window_days));
    return map;
  }

  Person read_person(ObjectReader& r) {
    r.allow({"id", "full_name", "name_status", "known_as", "date_of_birth", "age_band", "adult",
             "gender", "role", "school", "services", "roth", "notes"});
    Person person;
    person.id = r.own_id(IdKind::Person);
    const auto full_name = r.text("full_name", Need::Required, kMaxName);
    person.full_name = full_name.value_or("");
    person.name_status =
        r.choice("name_status", Need::Optional, kNameStatusNames, NameStatus::Full);
    if (full_name && person.name_status == NameStatus::Full) {
      check_full_name(r.at("full_name"), *full_name,
                      "use the full name, or set name_status to \"unknown\" or "
                      "\"street-name-only\"");
    }
    person.known_as = r.texts("known_as", kMaxName);
    person.date_of_birth = r.date("date_of_birth", Need::Optional);
    person.age_band = r.choice_text("age_band", Need::Optional, kAgeBands, "");
    person.adult = r.flag("adult", Need::Optional);
    if (person.date_of_birth && map_date_) {
      check_age(r, person);
    }
    person.gender = r.choice("gender", Need::Optional, kGenderNames, Gender::Unknown);
    person.role = r.choice("role", Need::Required, kRoleNames, Role::Peer);
    person.school = r.text("school", Need::Optional).value_or("");
    person.services = r.texts("services", kMaxText);
    person.roth = r.flag("roth", Need::Optional).value_or(false);
    person.notes = r.text("notes", Need::Optional).value_or("");
    return person;
  }

  //! The date of birth decides adulthood at the map date; an explicit flag must agree.
  void check_age(ObjectReader& r, const Person& person) {
    const Date& born = *person.date_of_birth;
    if (born > *map_date_) {
      r.error(r.at("date_of_birth"),
              "date_of_birth " + born.to_string() + " is after map_date " + map_date_->to_string());
      return;
    }
    const int age = age_on(born, *map_date_);
    if (person.adult && *person.adult != (age >= 18)) {
      r.error(r.at("adult"), std::string("adult is ") + (*person.adult ? "true" : "false") +
                                 " but date_of_birth " + born.to_string() + " gives age " +
                                 std::to_string(age) + " on map_date " + map_date_->to_string() +
                                 "; correct one of them or remove adult");
    }
  }

  Location read_location(ObjectReader& r) {
    r.allow({"id", "name", "kind", "notes"});
    Location location;
    location.id = r.own_id(IdKind::Location);
    location.name = r.text("name", Need::Required, kMaxName).value_or("");
    location.kind = r.choice_text("kind", Need::Required, kLocationKinds, "other");
    location.notes = r.text("notes", Need::Optional).value_or("");
    return location;
  }

  Group read_group(ObjectReader& r) {
    r.allow({"id", "name", "kind", "notes"});
    Group group;
    group.id = r.own_id(IdKind::Group);
    group.name = r.text("name", Need::Required, kMaxName).value_or("");
    group.kind = r.choice_text("kind", Need::Required, kGroupKinds, "other");
    group.notes = r.text("notes", Need::Optional).value_or("");
    return group;
  }

  Tie read_tie(ObjectReader& r) {
    r.allow({"id", "kind", "from", "to", "nature", "strength", "tension", "exploitation",
             "influence", "valence", "notes"});
    Tie tie;
    tie.id = r.own_id(IdKind::Tie);
    const auto kind = r.choice("kind", Need::Required, kTieKindNames);
    tie.kind = kind ? static_cast<TieKind>(*kind) : TieKind::Relationship;
    // What `to` names, by tie kind: relationship, frequents, member-of.
    static constexpr std::array<Kinds, 3> kTargets{kPerson, kLocation, kGroup};
    const auto from = r.reference("from", Need::Required, kPerson);
    const auto to =
        r.reference("to", Need::Required, kind ? kTargets[*kind] : kPersonLocationOrGroup);
    tie.from = from.value_or("");
    tie.to = to.value_or("");
    if (from && to) {
      check_tie_ends(r, tie);
    }
    if (kind && tie.kind != TieKind::Relationship) {
      for (const auto field : {"nature", "tension", "exploitation", "influence"}) {
        if (r.has(field)) {
          r.error(r.at(field), std::string(field) +
                                   " is only allowed on relationship ties; this tie is " +
                                   quote(kTieKindNames[*kind]));
        }
      }
    } else {
      read_relationship(r, tie);
    }
    tie.strength = static_cast<int>(r.integer("strength", Need::Optional, 1, 3).value_or(1));
    tie.valence = r.choice("valence", Need::Optional, kValenceNames, Valence::Unknown);
    tie.notes = r.text("notes", Need::Optional).value_or("");
    return tie;
  }

  void check_tie_ends(ObjectReader& r, const Tie& tie) {
    if (tie.from == tie.to) {
      r.error(r.at("to"), "a tie cannot join " + quote(tie.from) + " to itself");
      return;
    }
    // A relationship has no direction, so A-B and B-A are the same relationship.
    const bool swap = tie.kind == TieKind::Relationship && tie.to < tie.from;
    const std::string& low = swap ? tie.to : tie.from;
    const std::string& high = swap ? tie.from : tie.to;
    const std::string kind(name_of(kTieKindNames, tie.kind));
    context_.first_time(tie_ends_, kind + '\n' + low + '\n' + high, r.pointer(), [&] {
      return "duplicate " + kind + " tie between " + quote(tie.from) + " and " + quote(tie.to);
    });
  }

  void read_relationship(ObjectReader& r, Tie& tie) {
    tie.nature = r.choice_text("nature", Need::Optional, kNatures, tie.nature);
    tie.tension = r.flag("tension", Need::Optional).value_or(false);
    tie.exploitation_by = read_direction(r, tie, "exploitation", "by", "the controlling person");
    tie.influence_leader = read_direction(r, tie, "influence", "leader", "the person who leads");
  }

  //! {"by": id} or {"leader": id}: the direction is the point, so `true`, {} or a missing key
  //! is an error, and the id must be one of the tie's two people.
  std::optional<std::string> read_direction(ObjectReader& tie_reader, const Tie& tie,
                                            std::string_view field, std::string_view key,
                                            std::string_view who) {
    const json* v = tie_reader.find(field, Need::Optional);
    if (v == nullptr) {
      return std::nullopt;
    }
    const std::string where = tie_reader.at(field);
    if (!v->is_object() || !v->contains(key)) {
      tie_reader.error(where, std::string(field) + " needs a direction: {\"" + std::string(key) +
                                  "\": <id>} naming " + std::string(who) +
                                  " (the tie's \"from\" or \"to\")");
      return std::nullopt;
    }
    ObjectReader r(*v, where, context_, {key});
    auto id = r.id(key, Need::Required);
    if (id && !tie.from.empty() && !tie.to.empty() && *id != tie.from && *id != tie.to) {
      r.error(r.at(key), quote(*id) + " is neither this tie's \"from\" (" + quote(tie.from) +
                             ") nor its \"to\" (" + quote(tie.to) + ")");
      return std::nullopt;
    }
    return id;
  }

  InformationItem read_information(ObjectReader& r) {
    r.allow({"id", "summary", "source", "observed", "recorded", "evidence", "grading", "about"});
    InformationItem item;
    item.id = r.own_id(IdKind::Information);
    item.summary = r.text("summary", Need::Required).value_or("");
    if (const json* source = r.find("source", Need::Required)) {
      ObjectReader s(*source, r.at("source"), context_, {"agency", "person"});
      item.source_agency = s.text("agency", Need::Required, kMaxName).value_or("");
      item.source_person = s.text("person", Need::Optional, kMaxName).value_or("");
    }
    item.observed = r.date("observed", Need::Optional);
    item.recorded = r.date("recorded", Need::Optional);
    not_in_future(r.at("observed"), "observed", item.observed);
    not_in_future(r.at("recorded"), "recorded", item.recorded);
    if (item.observed && item.recorded) {
      not_before(r.at("recorded"), "recorded", *item.recorded, "observed", *item.observed);
    }
    item.evidence = r.choice("evidence", Need::Required, kEvidenceNames, Evidence::Anecdotal);
    if (const json* grading = r.find("grading", Need::Optional)) {
      ObjectReader g(*grading, r.at("grading"), context_);
      item.grading = read_grading(g);
    }
    item.about =
        r.references("about", Need::Required, 1, kPersonLocationOrGroup | kinds({IdKind::Tie}));
    return item;
  }

  //! The scheme decides which fields the grading has, so it is read before the rest.
  Grading read_grading(ObjectReader& r) {
    Grading grading;
    const auto scheme = r.choice("scheme", Need::Required, kSchemeNames);
    if (!scheme) {
      return grading;
    }
    grading.scheme = kSchemeNames[*scheme];
    const auto number = [&](std::string_view field, long long max) {
      const auto value = r.integer(field, Need::Required, 1, max);
      return value ? std::to_string(*value) : std::string();
    };
    switch (static_cast<Scheme>(*scheme)) {
      case Scheme::Simple:
        r.allow({"scheme", "reliable"});
        if (const json* reliable = r.find("reliable", Need::Optional);
            reliable && !reliable->is_null()) {
          grading.reliable = r.flag("reliable", Need::Optional);
        }
        break;
      case Scheme::ThreeByFiveByTwo:
        r.allow({"scheme", "source", "intelligence", "handling"});
        grading.source = number("source", 3);
        grading.intelligence = r.choice_text("intelligence", Need::Required, kLettersAE, "");
        grading.handling = r.choice_text("handling", Need::Required, kHandling3x5x2, "");
        break;
      case Scheme::FiveByFiveByFive:
        r.allow({"scheme", "source", "intelligence", "handling"});
        grading.source = r.choice_text("source", Need::Required, kLettersAE, "");
        grading.intelligence = number("intelligence", 5);
        grading.handling = number("handling", 5);
        break;
    }
    return grading;
  }

  Sighting read_sighting(ObjectReader& r) {
    r.allow({"id", "people", "location", "date", "seen_by", "notes"});
    Sighting sighting;
    sighting.id = r.own_id(IdKind::Sighting);
    sighting.people = r.references("people", Need::Required, 2, kPerson);
    sighting.location = r.reference("location", Need::Optional, kLocation).value_or("");
    const auto date = r.date("date", Need::Required);
    not_in_future(r.at("date"), "date", date);
    sighting.date = date.value_or(Date{});
    sighting.seen_by = r.text("seen_by", Need::Required).value_or("");
    sighting.notes = r.text("notes", Need::Optional).value_or("");
    return sighting;
  }

  RiskOrStrength read_risk(ObjectReader& r) {
    r.allow({"id", "kind", "about", "description"});
    RiskOrStrength risk;
    risk.id = r.own_id(IdKind::Risk);
    risk.is_strength = r.choice_text("kind", Need::Required, kRiskKinds, "risk") == "strength";
    risk.about = r.reference("about", Need::Required, kPersonLocationOrGroup).value_or("");
    risk.description = r.text("description", Need::Required).value_or("");
    return risk;
  }

  InformationGap read_gap(ObjectReader& r) {
    r.allow({"id", "question", "about", "owner", "due"});
    InformationGap gap;
    gap.id = r.own_id(IdKind::Gap);
    gap.question = r.text("question", Need::Required).value_or("");
    gap.about = r.references("about", Need::Optional, 0, kAnyKind);
    gap.owner = r.text("owner", Need::Optional).value_or("");
    gap.due = r.date("due", Need::Optional);
    return gap;
  }

  Action read_action(ObjectReader& r) {
    r.allow({"id", "type", "description", "about", "owner", "due", "status"});
    Action action;
    action.id = r.own_id(IdKind::Action);
    action.type = r.choice_text("type", Need::Required, kActionTypes, "other");
    action.description = r.text("description", Need::Required).value_or("");
    action.about = r.references("about", Need::Optional, 0, kAnyKind);
    action.owner = r.text("owner", Need::Required).value_or("");
    action.due = r.date("due", Need::Optional);
    action.status = r.choice_text("status", Need::Optional, kActionStatuses, action.status);
    return action;
  }

  Meeting read_meeting(ObjectReader& r) {
    r.allow({"id", "date", "objectives", "attendees"});
    Meeting meeting;
    meeting.id = r.own_id(IdKind::Meeting);
    meeting.date = r.date("date", Need::Required).value_or(Date{});
    meeting.objectives = r.text("objectives", Need::Optional).value_or("");
    r.each("attendees", Need::Optional, 0, [&](const json& v, const std::string& where) {
      ObjectReader a(v, where, context_, {"name", "agency", "role"});
      Attendee attendee;
      const auto name = a.text("name", Need::Required, kMaxName);
      if (name) {
        check_full_name(a.at("name"), *name, "use the attendee's full name");
      }
      attendee.name = name.value_or("");
      attendee.agency = a.text("agency", Need::Required, kMaxName).value_or("");
      attendee.role = a.text("role", Need::Optional, kMaxName).value_or("");
      meeting.attendees.push_back(std::move(attendee));
    });
    return meeting;
  }

  Ecomap read_ecomap(ObjectReader& r) {
    r.allow({"centre", "placements", "notes"});
    Ecomap ecomap;
    const auto centre = r.reference("centre", Need::Required, kPerson);
    if (centre) {
      context_.first_time(ecomap_centres_, *centre, r.at("centre"), [&] {
        return "a second ecomap for " + quote(*centre) + "; one ecomap per centre";
      });
    }
    ecomap.centre = centre.value_or("");
    r.each("placements", Need::Optional, 0, [&](const json& v, const std::string& where) {
      ObjectReader p(v, where, context_, {"ref", "ring"});
      EcomapPlacement placement;
      placement.ref = p.reference("ref", Need::Required, kPerson | kLocation).value_or("");
      placement.ring = static_cast<int>(p.integer("ring", Need::Required, 1, 4).value_or(1));
      ecomap.placements.push_back(std::move(placement));
    });
    ecomap.notes = r.text("notes", Need::Optional).value_or("");
    return ecomap;
  }

  Pin read_pin(ObjectReader& r) {
    r.allow({"ref", "x", "y"});
    Pin pin;
    const auto ref = r.reference("ref", Need::Required, kPersonLocationOrGroup);
    if (ref) {
      context_.first_time(pinned_, *ref, r.at("ref"),
                          [&] { return quote(*ref) + " is pinned twice"; });
    }
    pin.ref = ref.value_or("");
    pin.x = r.number("x", Need::Required).value_or(0);
    pin.y = r.number("y", Need::Required).value_or(0);
    return pin;
  }

  // ----- shared checks

  void check_full_name(const std::string& where, const std::string& name, std::string_view fix) {
    if (const auto fault = name_fault(name)) {
      context_.log.error(where, *fault + "; " + std::string(fix));
    }
  }

  void not_in_future(const std::string& where, std::string_view field,
                     const std::optional<Date>& date) {
    if (date && *date > options_.today) {
      context_.log.error(where, std::string(field) + " " + date->to_string() +
                                    " is in the future (today is " + options_.today.to_string() +
                                    ")");
    }
  }

  void not_before(const std::string& where, std::string_view field, const Date& date,
                  std::string_view other_field, const Date& other) {
    if (date < other) {
      context_.log.error(where, std::string(field) + " " + date.to_string() + " is before " +
                                    std::string(other_field) + " " + other.to_string());
    }
  }

  // ----- pass 2: warnings about a picture that looks incomplete, never about validity

  void warn_about_gaps_in_the_picture() {
    std::set<std::string, std::less<>> informed;
    for (const auto& item : document_.information) {
      informed.insert(item.about.begin(), item.about.end());
    }
    std::set<std::string, std::less<>> tied;
    std::set<std::pair<std::string, std::string>> related;
    for (std::size_t i = 0; i < document_.ties.size(); ++i) {
      const Tie& tie = document_.ties[i];
      tied.insert(tie.from);
      tied.insert(tie.to);
      if (tie.kind != TieKind::Relationship) {
        continue;
      }
      related.insert(std::minmax(tie.from, tie.to));
      if (!tie.id.empty() && !informed.contains(tie.id)) {
        context_.log.warning(child("/ties", i), "relationship tie has no information item");
      }
    }
    std::set<std::string, std::less<>> people;
    for (std::size_t i = 0; i < document_.people.size(); ++i) {
      const Person& person = document_.people[i];
      if (person.id.empty()) {
        continue;  // its id is already an error
      }
      people.insert(person.id);
      if (!tied.contains(person.id)) {
        context_.log.warning(child("/people", i), "person has no ties");
      }
    }
    for (std::size_t i = 0; i < document_.sightings.size(); ++i) {
      warn_untied_sighting(child("/sightings", i), document_.sightings[i], people, related);
    }
  }

  //! Seeing two people together is evidence of a relationship the map does not show yet.
  void warn_untied_sighting(const std::string& where, const Sighting& sighting,
                            const std::set<std::string, std::less<>>& people,
                            const std::set<std::pair<std::string, std::string>>& related) {
    constexpr std::size_t kPairsShown = 5;
    // A crowd is not evidence that everyone in it knows everyone else (and is n^2 pairs).
    constexpr std::size_t kMaxPeopleCompared = 20;
    if (sighting.people.size() > kMaxPeopleCompared) {
      return;
    }
    std::vector<std::string> pairs;
    for (std::size_t a = 0; a < sighting.people.size(); ++a) {
      for (std::size_t b = a + 1; b < sighting.people.size(); ++b) {
        const auto& [one, other] = std::minmax(sighting.people[a], sighting.people[b]);
        // Unknown ids and repeats are errors already; no warning on top of them.
        const bool both_known = people.contains(one) && people.contains(other);
        if (both_known && one != other && !related.contains({one, other})) {
          pairs.push_back(quote(sighting.people[a]) + " and " + quote(sighting.people[b]));
        }
      }
    }
    if (pairs.empty()) {
      return;
    }
    std::string listed;
    for (std::size_t i = 0; i < std::min(pairs.size(), kPairsShown); ++i) {
      listed += (i == 0 ? "" : "; ") + pairs[i];
    }
    if (pairs.size() > kPairsShown) {
      listed += "; and " + std::to_string(pairs.size() - kPairsShown) + " more";
    }
    context_.log.warning(child(where, "people"),
                         "seen together but no relationship tie between " + listed);
  }

  const ParseOptions& options_;
  Context& context_;
  Document document_;
  std::optional<Date> map_date_;
  std::map<std::string, std::string> tie_ends_;
  std::map<std::string, std::string> ecomap_centres_;
  std::map<std::string, std::string> pinned_;
};

// ---------------------------------------------------------------------------------------------
// Parsing: size and depth limits before the tree is built, then the DocumentReader.

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
  return {line_column(text, offset), Severity::Error, "malformed JSON: " + text::replace_non_ascii(what)};
}

// ---------------------------------------------------------------------------------------------
// Writing: the format's field order, defaults left out where the reader puts them back.

void put_text(ordered_json& out, const char* key, const std::string& value) {
  if (!value.empty()) {
    out[key] = value;
  }
}

void put_list(ordered_json& out, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) {
    out[key] = values;
  }
}

void put_date(ordered_json& out, const char* key, const std::optional<Date>& value) {
  if (value) {
    out[key] = value->to_string();
  }
}

//! Grading numbers are held as text; write them as JSON numbers when they are numbers.
ordered_json grade_value(const std::string& value) {
  long long number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error == std::errc{} && end == value.data() + value.size() && !value.empty()) {
    return number;
  }
  return value;
}

ordered_json write_map(const MapInfo& map) {
  ordered_json out;
  out["title"] = map.title;
  put_text(out, "purpose", map.purpose);
  put_list(out, "concern_types", map.concern_types);
  out["subject_children"] = map.subject_children;
  out["status"] = name_of(kStatusNames, map.status);
  out["map_date"] = map.map_date.to_string();
  put_date(out, "review_date", map.review_date);
  put_text(out, "owning_team", map.owning_team);
  out["protective_marking"] = map.protective_marking;
  if (map.recent_window_days != MapInfo{}.recent_window_days) {
    out["recent_window_days"] = map.recent_window_days;
  }
  return out;
}

ordered_json write_person(const Person& person) {
  ordered_json out;
  out["id"] = person.id;
  out["full_name"] = person.full_name;
  if (person.name_status != NameStatus::Full) {
    out["name_status"] = name_of(kNameStatusNames, person.name_status);
  }
  put_list(out, "known_as", person.known_as);
  put_date(out, "date_of_birth", person.date_of_birth);
  put_text(out, "age_band", person.age_band);
  if (person.adult) {
    out["adult"] = *person.adult;
  }
  if (person.gender != Gender::Unknown) {
    out["gender"] = name_of(kGenderNames, person.gender);
  }
  out["role"] = name_of(kRoleNames, person.role);
  put_text(out, "school", person.school);
  put_list(out, "services", person.services);
  if (person.roth) {
    out["roth"] = true;
  }
  put_text(out, "notes", person.notes);
  return out;
}

//! A location or a group: both are an id, a name, a kind and notes.
template <typename Named>
ordered_json write_named(const Named& named) {
  ordered_json out;
  out["id"] = named.id;
  out["name"] = named.name;
  out["kind"] = named.kind;
  put_text(out, "notes", named.notes);
  return out;
}

ordered_json write_tie(const Tie& tie) {
  ordered_json out;
  out["id"] = tie.id;
  out["kind"] = name_of(kTieKindNames, tie.kind);
  out["from"] = tie.from;
  out["to"] = tie.to;
  if (tie.kind == TieKind::Relationship) {
    out["nature"] = tie.nature;
  }
  out["strength"] = tie.strength;
  if (tie.kind == TieKind::Relationship) {
    if (tie.tension) {
      out["tension"] = true;
    }
    if (tie.exploitation_by) {
      out["exploitation"] = {{"by", *tie.exploitation_by}};
    }
    if (tie.influence_leader) {
      out["influence"] = {{"leader", *tie.influence_leader}};
    }
  }
  if (tie.valence != Valence::Unknown) {
    out["valence"] = name_of(kValenceNames, tie.valence);
  }
  put_text(out, "notes", tie.notes);
  return out;
}

ordered_json write_grading(const Grading& grading) {
  ordered_json out;
  out["scheme"] = grading.scheme;
  if (grading.scheme == "simple") {
    out["reliable"] = grading.reliable ? ordered_json(*grading.reliable) : ordered_json(nullptr);
    return out;
  }
  out["source"] = grade_value(grading.source);
  out["intelligence"] = grade_value(grading.intelligence);
  out["handling"] = grade_value(grading.handling);
  return out;
}

ordered_json write_information(const InformationItem& item) {
  ordered_json out;
  out["id"] = item.id;
  out["summary"] = item.summary;
  ordered_json source;
  source["agency"] = item.source_agency;
  put_text(source, "person", item.source_person);
  out["source"] = std::move(source);
  put_date(out, "observed", item.observed);
  put_date(out, "recorded", item.recorded);
  out["evidence"] = name_of(kEvidenceNames, item.evidence);
  if (!item.grading.scheme.empty()) {
    out["grading"] = write_grading(item.grading);
  }
  out["about"] = item.about;
  return out;
}

ordered_json write_sighting(const Sighting& sighting) {
  ordered_json out;
  out["id"] = sighting.id;
  out["people"] = sighting.people;
  put_text(out, "location", sighting.location);
  out["date"] = sighting.date.to_string();
  out["seen_by"] = sighting.seen_by;
  put_text(out, "notes", sighting.notes);
  return out;
}

ordered_json write_risk(const RiskOrStrength& risk) {
  ordered_json out;
  out["id"] = risk.id;
  out["kind"] = risk.is_strength ? "strength" : "risk";
  out["about"] = risk.about;
  out["description"] = risk.description;
  return out;
}

ordered_json write_gap(const InformationGap& gap) {
  ordered_json out;
  out["id"] = gap.id;
  out["question"] = gap.question;
  put_list(out, "about", gap.about);
  put_text(out, "owner", gap.owner);
  put_date(out, "due", gap.due);
  return out;
}

ordered_json write_action(const Action& action) {
  ordered_json out;
  out["id"] = action.id;
  out["type"] = action.type;
  out["description"] = action.description;
  put_list(out, "about", action.about);
  out["owner"] = action.owner;
  put_date(out, "due", action.due);
  out["status"] = action.status;
  return out;
}

ordered_json write_meeting(const Meeting& meeting) {
  ordered_json out;
  out["id"] = meeting.id;
  out["date"] = meeting.date.to_string();
  put_text(out, "objectives", meeting.objectives);
  if (!meeting.attendees.empty()) {
    ordered_json attendees = ordered_json::array();
    for (const auto& attendee : meeting.attendees) {
      ordered_json entry;
      entry["name"] = attendee.name;
      entry["agency"] = attendee.agency;
      put_text(entry, "role", attendee.role);
      attendees.push_back(std::move(entry));
    }
    out["attendees"] = std::move(attendees);
  }
  return out;
}

ordered_json write_ecomap(const Ecomap& ecomap) {
  ordered_json out;
  out["centre"] = ecomap.centre;
  if (!ecomap.placements.empty()) {
    ordered_json placements = ordered_json::array();
    for (const auto& placement : ecomap.placements) {
      placements.push_back({{"ref", placement.ref}, {"ring", placement.ring}});
    }
    out["placements"] = std::move(placements);
  }
  put_text(out, "notes", ecomap.notes);
  return out;
}

ordered_json write_pin(const Pin& pin) {
  ordered_json out;
  out["ref"] = pin.ref;
  out["x"] = pin.x;
  out["y"] = pin.y;
  return out;
}

template <typename T, typename Write>
void put_section(ordered_json& out, const char* key, const std::vector<T>& items, Write write) {
  if (items.empty()) {
    return;
  }
  ordered_json list = ordered_json::array();
  for (const T& item : items) {
    list.push_back(write(item));
  }
  out[key] = std::move(list);
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

std::optional<EditedItem> edited_item(std::string_view pointer) {
  if (pointer.size() < 2 || pointer.front() != '/') return std::nullopt;
  const std::size_t slash = pointer.find('/', 1);
  const std::string_view section = pointer.substr(1, slash - 1);
  if (section == "map") return EditedItem{"map", 0};
  if (slash == std::string_view::npos ||
      std::find(kSections.begin(), kSections.end(), section) == kSections.end() ||
      section == "format") {
    return std::nullopt;
  }
  const std::size_t end = pointer.find('/', slash + 1);
  const std::string_view index = pointer.substr(slash + 1, end - slash - 1);
  // An array index as RFC 6901 writes it: digits, no leading zero ("-" is not an item).
  if (index.empty() || index.size() > 9 || (index.size() > 1 && index.front() == '0') ||
      !std::all_of(index.begin(), index.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::size_t number = 0;
  std::from_chars(index.data(), index.data() + index.size(), number);
  return EditedItem{std::string(section), number};
}

namespace {

struct AloneRead {
  std::vector<Problem> problems;
  std::string footprint;
  std::optional<Date> map_date;
};

std::optional<AloneRead> read_alone(const EditedItem& item, const json& value,
                                    const std::optional<Date>& map_date,
                                    const ParseOptions& options) {
  Context context;
  DocumentReader reader(options, context);
  const std::string pointer =
      item.section == "map" ? std::string("/map") : child("/" + item.section, item.index);
  if (!reader.read_alone(item.section, value, pointer, map_date)) return std::nullopt;
  AloneRead out;
  out.footprint = reader.footprint();
  out.map_date = reader.map_date();
  out.problems = std::move(context.log).finish();
  return out;
}

const json* item_in(const json& root, const EditedItem& item) {
  if (!root.is_object()) return nullptr;
  const auto section = root.find(item.section);
  if (section == root.end()) return nullptr;
  if (item.section == "map") return &*section;
  if (!section->is_array() || item.index >= section->size()) return nullptr;
  return &(*section)[item.index];
}

bool same(const Problem& a, const Problem& b) {
  return a.where == b.where && a.severity == b.severity && a.message == b.message;
}

}  // namespace

std::optional<std::vector<Problem>> revalidate(const std::vector<Problem>& before_problems,
                                               const json& after_root,
                                               const std::vector<ItemBefore>& edited,
                                               const ParseOptions& options) {
  if (before_problems.size() >= kMaxProblems) return std::nullopt;
  for (const auto& problem : before_problems) {
    if (problem.severity == Severity::Error) return std::nullopt;
  }
  // The map first: its date is what people's ages are checked against.
  const json* map_after = item_in(after_root, EditedItem{"map", 0});
  if (map_after == nullptr) return std::nullopt;
  std::optional<Date> map_date;
  {
    auto now = read_alone(EditedItem{"map", 0}, *map_after, std::nullopt, options);
    if (!now) return std::nullopt;
    map_date = now->map_date;
  }
  std::vector<std::pair<ProblemLog::Order, std::vector<Problem>>> replaced;  // old run -> new
  std::vector<std::vector<Problem>> olds;
  for (const auto& [item, before] : edited) {
    const json* after = item_in(after_root, item);
    if (after == nullptr) return std::nullopt;
    auto was = read_alone(item, before, map_date, options);
    auto now = read_alone(item, *after, map_date, options);
    if (!was || !now || was->footprint != now->footprint) return std::nullopt;
    for (const auto& problem : now->problems) {
      if (problem.severity == Severity::Error) return std::nullopt;
    }
    const std::string pointer =
        item.section == "map" ? "/map" : child("/" + item.section, item.index);
    const auto order = ProblemLog::order_of(pointer);
    for (const auto& [seen, ignored] : replaced) {
      if (seen == order) return std::nullopt;  // the same item twice: the caller's mistake
    }
    replaced.emplace_back(order, std::move(now->problems));
    olds.push_back(std::move(was->problems));
  }
  // Each edited item's problems are a run (they are sorted by item): its own, as read alone
  // (the first part), then those of pass 2, which no edit with an unchanged footprint alters.
  std::vector<Problem> out;
  out.reserve(before_problems.size() + 8);
  std::size_t at = 0;
  std::vector<bool> done(replaced.size(), false);
  while (at < before_problems.size()) {
    const auto order = ProblemLog::order_of(before_problems[at].where);
    std::size_t k = 0;
    while (k < replaced.size() && replaced[k].first != order) ++k;
    if (k == replaced.size()) {
      out.push_back(before_problems[at++]);
      continue;
    }
    std::size_t end = at;
    while (end < before_problems.size() &&
           ProblemLog::order_of(before_problems[end].where) == order) {
      ++end;
    }
    const auto& old_own = olds[k];
    if (old_own.size() > end - at) return std::nullopt;
    for (std::size_t i = 0; i < old_own.size(); ++i) {
      if (!same(old_own[i], before_problems[at + i])) return std::nullopt;
    }
    out.insert(out.end(), replaced[k].second.begin(), replaced[k].second.end());
    out.insert(out.end(),
               before_problems.begin() + static_cast<std::ptrdiff_t>(at + old_own.size()),
               before_problems.begin() + static_cast<std::ptrdiff_t>(end));
    done[k] = true;
    at = end;
  }
  // Items that had no problems before: their new ones go where their order puts them.
  for (std::size_t k = 0; k < replaced.size(); ++k) {
    if (done[k]) continue;
    if (!olds[k].empty()) return std::nullopt;
    if (replaced[k].second.empty()) continue;
    const auto position = std::find_if(out.begin(), out.end(), [&](const Problem& p) {
      return replaced[k].first < ProblemLog::order_of(p.where);
    });
    out.insert(position, replaced[k].second.begin(), replaced[k].second.end());
  }
  if (out.size() >= kMaxProblems) return std::nullopt;
  return out;
}

std::string write_document(const Document& document) {
  ordered_json out;
  out["format"] = kFormat;
  out["map"] = write_map(document.map);
  put_section(out, "people", document.people, write_person);
  put_section(out, "locations", document.locations, write_named<Location>);
  put_section(out, "groups", document.groups, write_named<Group>);
  put_section(out, "ties", document.ties, write_tie);
  put_section(out, "information", document.information, write_information);
  put_section(out, "sightings", document.sightings, write_sighting);
  put_section(out, "risks", document.risks, write_risk);
  put_section(out, "gaps", document.gaps, write_gap);
  put_section(out, "actions", document.actions, write_action);
  put_section(out, "meetings", document.meetings, write_meeting);
  put_section(out, "ecomaps", document.ecomaps, write_ecomap);
  put_section(out, "pins", document.pins, write_pin);
  // replace: a Document built in code may hold bytes that are not UTF-8; never throw for them.
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

Date today_utc() {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day date{today};
  return {static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
          static_cast<int>(static_cast<unsigned>(date.day()))};
}

namespace {

template <typename E>
std::optional<E> named(Names names, std::string_view name) {
  const auto found = std::find(names.begin(), names.end(), name);
  if (found == names.end()) return std::nullopt;
  return static_cast<E>(found - names.begin());
}

}  // namespace

std::string_view role_name(Role role) { return name_of(kRoleNames, role); }
std::optional<Role> role_named(std::string_view name) { return named<Role>(kRoleNames, name); }
std::string_view gender_name(Gender gender) { return name_of(kGenderNames, gender); }
std::optional<Gender> gender_named(std::string_view name) {
  return named<Gender>(kGenderNames, name);
}

std::string line_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line_start =
      before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  const auto line = 1 + std::count(before.begin(), before.end(), '\n');
  const std::size_t column = 1 + code_points(before.substr(line_start));
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace peermap::model
