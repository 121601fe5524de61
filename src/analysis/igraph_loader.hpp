// igraph, loaded only when the analysis first runs (base/shared_library.hpp): linked, it and
// the 15 libraries it needs (BLAS, LAPACK, ARPACK, GLPK, GMP, gfortran, ...) were loaded into
// every `peermap render`. igraph_loader.cpp defines the igraph functions this module calls,
// each forwarding to libigraph.so.3's own. Private to analysis/.
#pragma once

#include "base/result.hpp"

namespace peermap::analysis {

//! Loads libigraph.so.3 the first time, or says why it cannot be (Io, naming the library).
[[nodiscard]] Status load_igraph();

}  // namespace peermap::analysis
