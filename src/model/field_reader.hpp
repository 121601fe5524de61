// Private to the model's reader: ObjectReader, one JSON object at a pointer. Unknown fields are
// errors; each getter checks one field's type and range and records what is wrong, so a section
// reads as a list of fields.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/date.hpp"
#include "model/id_registry.hpp"
#include "model/json_pointer.hpp"
#include "model/reader_parts.hpp"
#include "model/vocabulary.hpp"

namespace peermap::model::detail {

using json = nlohmann::json;

enum class Need { Optional, Required };

class ObjectReader {
 public:
  //! An object whose fields are given later with allow() (when one field decides the others).
  ObjectReader(const json& value, std::string pointer, Context& context);

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
  void allow(std::initializer_list<std::string_view> fields);

  //! The field's value; nullptr (and an error when required) if absent.
  [[nodiscard]] const json* find(std::string_view field, Need need) const;

  std::optional<std::string> text(std::string_view field, Need need,
                                  std::size_t max_chars = kMaxText);
  std::optional<long long> integer(std::string_view field, Need need, long long min, long long max);
  std::optional<bool> flag(std::string_view field, Need need);
  std::optional<double> number(std::string_view field, Need need);
  std::optional<Date> date(std::string_view field, Need need);
  //! A date as precisely as it is known (DatePeriod: a day, a month, a year or a range).
  std::optional<DatePeriod> period(std::string_view field, Need need);

  //! One of `names`, as its index.
  std::optional<std::size_t> choice(std::string_view field, Need need, Names names);

  template <typename E>
  E choice(std::string_view field, Need need, Names names, E fallback) {
    const auto index = choice(field, need, names);
    return index ? static_cast<E>(*index) : fallback;
  }

  std::string choice_text(std::string_view field, Need need, Names names, std::string fallback);
  std::vector<std::string> texts(std::string_view field, std::size_t max_chars);
  std::optional<std::string> id(std::string_view field, Need need);

  //! This object's own "id", entered in the document's one namespace.
  std::string own_id(IdKind kind);

  //! An id naming something of one of the `allowed` kinds (checked once every id is known).
  std::optional<std::string> reference(std::string_view field, Need need, Kinds allowed);

  //! A list of such ids, none listed twice.
  std::vector<std::string> references(std::string_view field, Need need, std::size_t min_items,
                                      Kinds allowed);

  //! Calls `read_one(element, pointer)` for each element of an array field.
  template <typename ReadOne>
  void each(std::string_view field, Need need, std::size_t min_items, ReadOne&& read_one) {
    const json* list = find(field, need);
    if (list == nullptr) {
      return;
    }
    const std::string where = at(field);
    if (!list->is_array()) {
      (void)type_error(where, "an array", *list);  // logged; no value to return
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
      -> decltype(check(std::declval<const json&>(), std::string{}));

  static std::string type_of(const json& v);
  [[nodiscard]] std::nullopt_t type_error(const std::string& where, const std::string& expected,
                                          const json& v) const;
  [[nodiscard]] std::optional<std::string> as_text(const json& v, const std::string& where,
                                                   Need need, std::size_t max_chars) const;
  [[nodiscard]] std::optional<long long> as_integer(const json& v, const std::string& where,
                                                    long long min, long long max) const;
  [[nodiscard]] std::optional<std::string> as_id(const json& v, const std::string& where) const;
  std::optional<std::string> as_reference(const json& v, const std::string& where, Kinds allowed);
  static std::string suggestion(std::string_view key,
                                std::initializer_list<std::string_view> fields);

  const json& value_;
  std::string pointer_;
  Context& context_;
};

}  // namespace peermap::model::detail
