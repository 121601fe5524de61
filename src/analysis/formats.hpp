// Network formats in and out, for exchange with Gephi, Cytoscape and link-analysis tools:
// GraphML, GEXF 1.3, and CSV of people and ties. docs/network-formats.md describes each.
// Readers treat their input as hostile: no DTDs or entities, bounded size, depth and values.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "analysis/network.hpp"
#include "base/result.hpp"

namespace peermap::analysis {

enum class NetworkFormat { Document, GraphML, Gexf, Csv };

//! The format a file name's extension says: .json, .graphml, .gexf or .csv (any case).
[[nodiscard]] std::optional<NetworkFormat> network_format_for_path(std::string_view path);

//! Bounds on what a reader accepts; input beyond them is an Invalid error, never a crash.
struct ReadLimits {
  std::size_t max_bytes = 256u << 20u;  //!< the whole file (an area-wide network, 100k people)
  std::size_t max_depth = 64;           //!< XML element nesting
  std::size_t max_text = 10'000;        //!< bytes in one id, name, nature or other value
};

// Every reader's errors are Invalid and start with "line:column: " (1-based, of the file it
// was given). A network needs at least one person; ids are unique and non-empty; a tie names
// two different, known people; weights are finite and > 0; an exploitation tie is directed.

//! GraphML: the first <graph>; <data> keyed by attr.name name/label, kind, gender, adult on
//! nodes and weight, nature, exploitation on edges; per-edge `directed` or the graph's
//! edgedefault. Other keys are ignored. O(bytes).
[[nodiscard]] Result<Network> read_graphml(std::string_view text, const ReadLimits& limits = {});
//! GraphML with the keys read_graphml reads; weights only when the network is weighted. O(n + m).
[[nodiscard]] std::string write_graphml(const Network& network);

//! GEXF 1.1 to 1.3: node label as the name, <attvalues> titled kind, gender, adult, nature,
//! exploitation; the edge's weight and type (or the graph's defaultedgetype). O(bytes).
[[nodiscard]] Result<Network> read_gexf(std::string_view text, const ReadLimits& limits = {});
//! GEXF 1.3 with the attributes read_gexf reads. O(n + m).
[[nodiscard]] std::string write_gexf(const Network& network);

//! The people and ties of a network as two CSV files (RFC 4180, formula-safe cells).
struct PeopleAndTiesCsv {
  std::string people;  //!< id,name,kind,gender,adult
  std::string ties;    //!< source,target,weight,nature,directed,exploitation,id
};
[[nodiscard]] PeopleAndTiesCsv write_people_and_ties_csv(const Network& network);

//! The people of a people CSV as a network with no ties yet. Columns are found by header name
//! (any case, any order): id is required; name, kind, gender, adult are read; others ignored.
[[nodiscard]] Result<Network> read_people_csv(std::string_view text, const ReadLimits& limits = {});
//! Adds the ties of a ties CSV to `network` (whose people they must name): source and target
//! are required; weight, nature, directed, exploitation, id are read. O(bytes + m).
[[nodiscard]] Status add_ties_csv(Network& network, std::string_view text,
                                  const ReadLimits& limits = {});

//! One CSV cell: a value a spreadsheet would run as a formula (leading = + - @, tab or CR) gets
//! a leading ' (undone on reading, so values round-trip), then RFC 4180 quoting where needed.
[[nodiscard]] std::string csv_cell(std::string_view value);

}  // namespace peermap::analysis
