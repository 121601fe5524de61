// What the fuzz targets share: a clock that does not move, the example maps they edit, and the
// one way a target reports a broken rule (an abort, which libFuzzer records as a crash).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/json_io.hpp"

namespace peermap::fuzz {

//! The input as text.
inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

//! Parse options with an injected date, so a run does not depend on the day.
inline model::ParseOptions fixed_options() {
  model::ParseOptions options;
  options.today = model::Date{2027, 1, 1};
  return options;
}

//! An example map from examples/, parsed (the caller keeps it for the whole run).
inline nlohmann::json example_tree(const std::string& name) {
  std::ifstream in(std::string(PEERMAP_SOURCE_DIR) + "/examples/" + name);
  if (!in) {
    std::fprintf(stderr, "fuzz: cannot read examples/%s\n", name.c_str());
    std::abort();
  }
  return nlohmann::json::parse(in);
}

//! One line a problem, for comparing two validations.
inline std::string listing(const std::vector<model::Problem>& problems) {
  std::ostringstream out;
  for (const auto& problem : problems) {
    out << problem.where << " "
        << (problem.severity == model::Severity::Error ? "error" : "warning") << " "
        << problem.message << "\n";
  }
  return out.str();
}

//! A broken rule: says which, then aborts so libFuzzer keeps the input.
[[noreturn]] inline void broken(const char* rule, const std::string& detail = {}) {
  std::fprintf(stderr, "fuzz: broken rule: %s\n%s\n", rule, detail.c_str());
  std::abort();
}

}  // namespace peermap::fuzz
