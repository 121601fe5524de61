// Private to analysis: how the findings word people, groups, places, ties and lists, so that
// every finding says them the same way (findings.cpp, brokerage.cpp, ages.cpp).
#pragma once

#include <string>
#include <vector>

#include "analysis/evidence.hpp"
#include "analysis/network.hpp"
#include "model/document.hpp"

namespace peermap::analysis::wording {

//! "1.5": a measure to one decimal.
[[nodiscard]] std::string fixed(double value);

//! "A", "A and B", "A, B and C".
[[nodiscard]] std::string joined(const std::vector<std::string>& names);

//! "A; B; C": items that may themselves contain "and" or commas.
[[nodiscard]] std::string listed(const std::vector<std::string>& items,
                                 const std::string& separator);

//! "Marcus Reid (adult)" for adults, the name alone otherwise.
[[nodiscard]] std::string who(const Node& node);

//! A person as the findings name them: who(), or the id when the network does not hold it.
[[nodiscard]] std::string name_in(const Network& network, const std::string& id);
//! A name with an item's id after it: "Amira Okafor (t2)", "Reece Haldane (adult, t71)".
[[nodiscard]] std::string with_id(const std::string& name, const std::string& id);

//! "the Oakfield group": a recorded group's name as the findings say it.
[[nodiscard]] std::string group_name(const model::Group& group);

//! A recorded group ("the Oakfield group") or place (its name) by id; the id if neither.
[[nodiscard]] std::string context_name(const model::Document& document, const std::string& id);

//! "the tie between Sienna Marsh and Amira Yusuf (t52)".
[[nodiscard]] std::string the_tie(const Network& network, const TieSupport& tie);

}  // namespace peermap::analysis::wording
