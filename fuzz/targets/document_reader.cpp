// The document reader (model::parse_document) on any bytes: it must never crash, hang or read
// past its limits, and a document it accepts must read back, once written, with no errors.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "model/json_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace peermap;
  const auto options = fuzz::fixed_options();
  const auto outcome = model::parse_document(fuzz::text_of(data, size), options);
  if (outcome.has_errors()) return 0;
  const std::string written = model::write_document(outcome.document);
  const auto again = model::parse_document(written, options);
  if (again.has_errors()) {
    fuzz::broken("a document the reader accepts reads back without errors",
                 fuzz::listing(again.problems));
  }
  return 0;
}
