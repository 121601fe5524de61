#include "model/vocabulary.hpp"

namespace peermap::model {

std::string_view role_name(Role role) { return name_of(kRoleNames, role); }
std::optional<Role> role_named(std::string_view name) { return named<Role>(kRoleNames, name); }
std::string_view gender_name(Gender gender) { return name_of(kGenderNames, gender); }
std::optional<Gender> gender_named(std::string_view name) {
  return named<Gender>(kGenderNames, name);
}

}  // namespace peermap::model
