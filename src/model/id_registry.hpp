// Private to the model's reader: ids and references, one namespace for the whole document, and
// the Context a whole parse shares (its problems, its ids, the references still to resolve).
#pragma once

#include <array>
#include <functional>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/problems.hpp"

namespace peermap::model::detail {

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
//! How a message names each kind, in bit order.
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

//! A set of IdKinds, as a bit mask: what a reference may name.
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

//! "a person, a location or a group".
[[nodiscard]] std::string describe(Kinds mask);

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

  //! Pass 2's first step: an error for each reference to an unknown id or to the wrong kind.
  void resolve_references();
};

}  // namespace peermap::model::detail
