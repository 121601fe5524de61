#include "model/field_reader.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "base/text_safety.hpp"
#include "model/full_name.hpp"

namespace peermap::model::detail {
namespace {

using text::code_points;

std::string join(Names names) {
  std::string joined;
  for (const auto name : names) {
    joined += (joined.empty() ? "" : ", ") + std::string(name);
  }
  return joined;
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

}  // namespace

ObjectReader::ObjectReader(const json& value, std::string pointer, Context& context)
    : value_(value), pointer_(std::move(pointer)), context_(context) {
  if (!value_.is_object()) {
    error(pointer_, "must be an object, not " + type_of(value_));
  }
}

void ObjectReader::allow(std::initializer_list<std::string_view> fields) {
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

const json* ObjectReader::find(std::string_view field, Need need) const {
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

template <typename Check>
auto ObjectReader::read(std::string_view field, Need need, Check&& check)
    -> decltype(check(std::declval<const json&>(), std::string{})) {
  const json* v = find(field, need);
  if (v == nullptr) {
    return std::nullopt;
  }
  return check(*v, at(field));
}

std::optional<std::string> ObjectReader::text(std::string_view field, Need need,
                                              std::size_t max_chars) {
  return read(field, need, [&](const json& v, const std::string& where) {
    return as_text(v, where, need, max_chars);
  });
}

std::optional<long long> ObjectReader::integer(std::string_view field, Need need, long long min,
                                               long long max) {
  return read(field, need, [&](const json& v, const std::string& where) {
    return as_integer(v, where, min, max);
  });
}

std::optional<bool> ObjectReader::flag(std::string_view field, Need need) {
  return read(field, need, [&](const json& v, const std::string& where) -> std::optional<bool> {
    if (!v.is_boolean()) {
      return type_error(where, "true or false", v);
    }
    return v.get<bool>();
  });
}

std::optional<double> ObjectReader::number(std::string_view field, Need need) {
  return read(field, need, [&](const json& v, const std::string& where) -> std::optional<double> {
    if (!v.is_number()) {
      return type_error(where, "a number", v);
    }
    return v.get<double>();
  });
}

std::optional<Date> ObjectReader::date(std::string_view field, Need need) {
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

std::optional<DatePeriod> ObjectReader::period(std::string_view field, Need need) {
  static constexpr std::string_view kForms =
      "a date (YYYY-MM-DD), a month (YYYY-MM), a year (YYYY) or a range "
      "(YYYY-MM-DD/YYYY-MM-DD)";
  return read(field, need,
              [&](const json& v, const std::string& where) -> std::optional<DatePeriod> {
                if (!v.is_string()) return type_error(where, std::string(kForms), v);
                const auto& text = v.get_ref<const std::string&>();
                auto parsed = DatePeriod::parse(text);
                if (!parsed) {
                  const bool backwards = text.find('/') != std::string::npos &&
                                         Date::parse(text.substr(0, text.find('/'))) &&
                                         Date::parse(text.substr(text.find('/') + 1));
                  error(where, quote(text) + (backwards ? " is a range that ends before it starts"
                                                        : " is not " + std::string(kForms)));
                }
                return parsed;
              });
}

std::optional<std::size_t> ObjectReader::choice(std::string_view field, Need need, Names names) {
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

std::string ObjectReader::choice_text(std::string_view field, Need need, Names names,
                                      std::string fallback) {
  const auto index = choice(field, need, names);
  return index ? std::string(names[*index]) : std::move(fallback);
}

std::vector<std::string> ObjectReader::texts(std::string_view field, std::size_t max_chars) {
  std::vector<std::string> found;
  each(field, Need::Optional, 0, [&](const json& v, const std::string& where) {
    found.push_back(as_text(v, where, Need::Required, max_chars).value_or(""));
  });
  return found;
}

std::optional<std::string> ObjectReader::id(std::string_view field, Need need) {
  return read(field, need,
              [&](const json& v, const std::string& where) { return as_id(v, where); });
}

std::string ObjectReader::own_id(IdKind kind) {
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

std::optional<std::string> ObjectReader::reference(std::string_view field, Need need,
                                                   Kinds allowed) {
  return read(field, need, [&](const json& v, const std::string& where) {
    return as_reference(v, where, allowed);
  });
}

std::vector<std::string> ObjectReader::references(std::string_view field, Need need,
                                                  std::size_t min_items, Kinds allowed) {
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

std::string ObjectReader::type_of(const json& v) {
  if (v.is_null()) {
    return "null";
  }
  if (v.is_number()) {
    return "a number";
  }
  const std::string name = v.type_name();
  return (name == "array" || name == "object" ? "an " : "a ") + name;
}

std::nullopt_t ObjectReader::type_error(const std::string& where, const std::string& expected,
                                        const json& v) const {
  error(where, "must be " + expected + ", not " + type_of(v));
  return std::nullopt;
}

std::optional<std::string> ObjectReader::as_text(const json& v, const std::string& where, Need need,
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

std::optional<long long> ObjectReader::as_integer(const json& v, const std::string& where,
                                                  long long min, long long max) const {
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

std::optional<std::string> ObjectReader::as_id(const json& v, const std::string& where) const {
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

std::optional<std::string> ObjectReader::as_reference(const json& v, const std::string& where,
                                                      Kinds allowed) {
  auto id = as_id(v, where);
  if (id) {
    context_.references.push_back({where, *id, allowed});
  }
  return id;
}

std::string ObjectReader::suggestion(std::string_view key,
                                     std::initializer_list<std::string_view> fields) {
  constexpr std::size_t kCloseEnough = 2;
  for (const auto field : fields) {
    if (key.size() < 2 * kMaxIdLength && edit_distance(key, field) <= kCloseEnough) {
      return "; did you mean " + quote(field) + "?";
    }
  }
  return "";
}

}  // namespace peermap::model::detail
