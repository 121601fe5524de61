// The CLI's commands, each a function from parsed options to an exit code. Output goes to the
// given streams so tests can run them in-process.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

namespace peermap::cli {

//! Exit codes: 0 success, 1 the input has problems (nothing written), 2 usage or I/O error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;

struct ViewOptions {
  std::string ecomap;   //!< person id, or empty
  std::string as_of;    //!< YYYY-MM-DD, or empty
  bool redact = false;
  unsigned seed = 1;
};

int validate(const std::string& path, std::ostream& out, std::ostream& err);
int layout(const std::string& path, const ViewOptions& view, std::ostream& out, std::ostream& err);
int render(const std::string& path, const std::string& output, const ViewOptions& view,
           std::ostream& err);
//! Centrality, communities and findings of a peer map document (.json), GraphML, GEXF, or CSV
//! (an edge list, or ties with their people in X.people.csv beside X.csv).
int analyze(const std::string& path, bool as_json, std::ostream& out, std::ostream& err);
//! Converts a network between formats (docs/network-formats.md): IN is .json, .graphml, .gexf
//! or .csv; OUT is .graphml, .gexf or .csv (X.csv and X.people.csv). Nothing written on error.
int convert(const std::string& input, const std::string& output, std::ostream& err);

}  // namespace peermap::cli
