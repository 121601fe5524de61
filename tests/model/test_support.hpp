// Shared by the model tests: the data files, the injected "today" and readable problems.
#pragma once

#include <fstream>
#include <ostream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "model/json_io.hpp"

namespace peermap::model {

//! The clock every test uses: the data files' dates are set around it.
inline const Date kToday{2024, 6, 1};

inline ParseOptions test_options() {
  ParseOptions options;
  options.today = kToday;
  return options;
}

inline std::string data_path(const std::string& name) {
  return std::string(PEERMAP_SOURCE_DIR) + "/tests/model/data/" + name;
}

inline std::string read_data(const std::string& name) {
  std::ifstream in(data_path(name), std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << data_path(name);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline ParseOutcome parse_data(const std::string& name) {
  return parse_document(read_data(name), test_options());
}

inline std::ostream& operator<<(std::ostream& out, const Problem& problem) {
  return out << problem.where << ": " << (problem.severity == Severity::Error ? "error" : "warning")
             << ": " << problem.message;
}

//! All problems, one a line, for failure messages.
inline std::string listing(const ParseOutcome& outcome) {
  std::ostringstream out;
  for (const auto& problem : outcome.problems) {
    out << "  " << problem << "\n";
  }
  return out.str();
}

}  // namespace peermap::model
