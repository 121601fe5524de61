// The full-name rule: guidance §5 asks for "full names, not initials". A person whose
// name_status is "full", and every meeting attendee, must have a name of at least two words,
// none of them an initial.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peermap::model {

//! The longest name (of a person, place, group or attendee) the validator accepts, in code
//! points. The layout draws every name up to this length whole.
inline constexpr std::size_t kMaxNameLength = 200;

//! The words of `text`, split at spaces, tabs and line breaks.
[[nodiscard]] std::vector<std::string_view> words(std::string_view text);

//! "J", "J." and "J.R." are initials: every part between dots is one character. An undotted
//! single character counts only when it is a Latin letter: in some scripts (Chinese, say) one
//! character is a whole given name. An empty word is not an initial.
[[nodiscard]] bool is_initial(std::string_view word);

//! Why `name` is not a full name (`"Jo" is a single word`, `"J Smith" contains an initial
//! ("J")`), or nullopt when it is one. The message quotes the name as validation does.
[[nodiscard]] std::optional<std::string> full_name_fault(std::string_view name);

}  // namespace peermap::model
