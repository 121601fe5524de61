// The CSV readers on any bytes: the edge list (analysis::parse_edge_list_csv, what `analyze
// X.csv` reads) and people + ties (read_people_csv, add_ties_csv; the input's first form feed
// separates the two files). Refused or read, never a crash; people and ties that are read are
// written (write_people_and_ties_csv) and read back with the same people and ties.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analysis/formats.hpp"
#include "analysis/network.hpp"
#include "fuzz_support.hpp"
#include "network_roundtrip.hpp"

namespace {

using peermap::Result;
using peermap::analysis::Network;

Result<Network> people_and_ties(std::string_view people, std::string_view ties) {
  auto network = peermap::analysis::read_people_csv(people);
  if (!network) return network;
  if (auto added = peermap::analysis::add_ties_csv(network.value(), ties); !added) {
    return added.error();
  }
  return network;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace peermap;
  const auto text = fuzz::text_of(data, size);
  (void)analysis::parse_edge_list_csv(text);
  const auto split = text.find('\f');
  const auto people = text.substr(0, split);
  const auto ties = split == std::string_view::npos ? std::string_view() : text.substr(split + 1);
  const auto network = people_and_ties(people, ties);
  if (!network) return 0;
  const auto written = analysis::write_people_and_ties_csv(network.value());
  fuzz::check_read_back(network.value(), people_and_ties(written.people, written.ties), "CSV");
  return 0;
}
