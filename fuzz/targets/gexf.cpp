// The GEXF reader (analysis::read_gexf) on any bytes: refused or read, never a crash, and a
// network it reads is written (write_gexf) and read back with the same people and ties.
#include <cstddef>
#include <cstdint>

#include "analysis/formats.hpp"
#include "fuzz_support.hpp"
#include "network_roundtrip.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace peermap;
  const auto network = analysis::read_gexf(fuzz::text_of(data, size));
  if (!network) return 0;
  fuzz::check_read_back(network.value(), analysis::read_gexf(analysis::write_gexf(network.value())),
                        "GEXF");
  return 0;
}
