#include "model/id_registry.hpp"

#include "model/reader_parts.hpp"

namespace peermap::model::detail {

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

void Context::resolve_references() {
  for (const auto& reference : references) {
    const auto found = ids.find(reference.id);
    if (found == ids.end()) {
      log.error(reference.pointer,
                quote(reference.id) + " is not the id of " +
                    (reference.allowed == kAnyKind ? "anything in the document"
                                                   : describe(reference.allowed)));
    } else if ((static_cast<Kinds>(found->second.kind) & reference.allowed) == 0) {
      log.error(reference.pointer, quote(reference.id) + " is " +
                                       describe(static_cast<Kinds>(found->second.kind)) + ", not " +
                                       describe(reference.allowed));
    }
  }
}

}  // namespace peermap::model::detail
