// (Documented in igraph_loader.hpp.) Each definition below has the exact signature of its
// declaration in igraph's headers, which the compiler checks; its body calls libigraph.so.3's
// own. A function the module starts to call needs its line here (the link says which).
#include "analysis/igraph_loader.hpp"

#include <igraph.h>

#include "base/shared_library.hpp"

namespace peermap::analysis {
namespace {

const SharedLibrary& igraph() {
  static const SharedLibrary library("libigraph.so.3", "libigraph3");
  return library;
}

}  // namespace

Status load_igraph() {
  if (auto status = igraph().load(); !status) {
    return Error{ErrorKind::Io, "analysis: " + status.error().message};
  }
  return ok_status();
}

}  // namespace peermap::analysis

// Each forwarder finds igraph's function once (a function-local static: thread-safe).
#define PEERMAP_IGRAPH(name)                                                                     \
  ([] {                                                                                          \
    static const auto function = peermap::analysis::igraph().function<decltype(&::name)>(#name); \
    return function;                                                                             \
  }())

extern "C" {

void IGRAPH_FINALLY_FREE() { PEERMAP_IGRAPH(IGRAPH_FINALLY_FREE)(); }
void igraph_arpack_options_init(igraph_arpack_options_t* o) {
  PEERMAP_IGRAPH(igraph_arpack_options_init)(o);
}
igraph_error_t igraph_community_leiden(const igraph_t* graph, const igraph_vector_t* edge_weights,
                                       const igraph_vector_t* node_weights,
                                       const igraph_real_t resolution_parameter,
                                       const igraph_real_t beta, const igraph_bool_t start,
                                       const igraph_integer_t n_iterations,
                                       igraph_vector_int_t* membership,
                                       igraph_integer_t* nb_clusters, igraph_real_t* quality) {
  return PEERMAP_IGRAPH(igraph_community_leiden)(graph, edge_weights, node_weights,
                                                 resolution_parameter, beta, start, n_iterations,
                                                 membership, nb_clusters, quality);
}
igraph_error_t igraph_create(igraph_t* graph, const igraph_vector_int_t* edges, igraph_integer_t n,
                             igraph_bool_t directed) {
  return PEERMAP_IGRAPH(igraph_create)(graph, edges, n, directed);
}
igraph_error_t igraph_degree(const igraph_t* graph, igraph_vector_int_t* res,
                             const igraph_vs_t vids, igraph_neimode_t mode, igraph_bool_t loops) {
  return PEERMAP_IGRAPH(igraph_degree)(graph, res, vids, mode, loops);
}
void igraph_destroy(igraph_t* graph) { PEERMAP_IGRAPH(igraph_destroy)(graph); }
igraph_error_t igraph_eigenvector_centrality(const igraph_t* graph, igraph_vector_t* vector,
                                             igraph_real_t* value, igraph_bool_t directed,
                                             igraph_bool_t scale, const igraph_vector_t* weights,
                                             igraph_arpack_options_t* options) {
  return PEERMAP_IGRAPH(igraph_eigenvector_centrality)(graph, vector, value, directed, scale,
                                                       weights, options);
}
igraph_error_t igraph_modularity(const igraph_t* graph, const igraph_vector_int_t* membership,
                                 const igraph_vector_t* weights, const igraph_real_t resolution,
                                 const igraph_bool_t directed, igraph_real_t* modularity) {
  return PEERMAP_IGRAPH(igraph_modularity)(graph, membership, weights, resolution, directed,
                                           modularity);
}
igraph_error_t igraph_pagerank(const igraph_t* graph, igraph_pagerank_algo_t algo,
                               igraph_vector_t* vector, igraph_real_t* value,
                               const igraph_vs_t vids, igraph_bool_t directed,
                               igraph_real_t damping, const igraph_vector_t* weights,
                               igraph_arpack_options_t* options) {
  return PEERMAP_IGRAPH(igraph_pagerank)(graph, algo, vector, value, vids, directed, damping,
                                         weights, options);
}
igraph_rng_t* igraph_rng_default() { return PEERMAP_IGRAPH(igraph_rng_default)(); }
igraph_error_t igraph_rng_seed(igraph_rng_t* rng, igraph_uint_t seed) {
  return PEERMAP_IGRAPH(igraph_rng_seed)(rng, seed);
}
igraph_error_handler_t* igraph_set_error_handler(igraph_error_handler_t* new_handler) {
  return PEERMAP_IGRAPH(igraph_set_error_handler)(new_handler);
}
igraph_warning_handler_t* igraph_set_warning_handler(igraph_warning_handler_t* new_handler) {
  return PEERMAP_IGRAPH(igraph_set_warning_handler)(new_handler);
}
igraph_error_t igraph_strength(const igraph_t* graph, igraph_vector_t* res, const igraph_vs_t vids,
                               igraph_neimode_t mode, igraph_bool_t loops,
                               const igraph_vector_t* weights) {
  return PEERMAP_IGRAPH(igraph_strength)(graph, res, vids, mode, loops, weights);
}
const char* igraph_strerror(const igraph_error_t igraph_errno) {
  return PEERMAP_IGRAPH(igraph_strerror)(igraph_errno);
}
void igraph_vector_destroy(igraph_vector_t* v) { PEERMAP_IGRAPH(igraph_vector_destroy)(v); }
igraph_real_t igraph_vector_get(const igraph_vector_t* v, igraph_integer_t pos) {
  return PEERMAP_IGRAPH(igraph_vector_get)(v, pos);
}
igraph_error_t igraph_vector_init(igraph_vector_t* v, igraph_integer_t size) {
  return PEERMAP_IGRAPH(igraph_vector_init)(v, size);
}
void igraph_vector_int_destroy(igraph_vector_int_t* v) {
  PEERMAP_IGRAPH(igraph_vector_int_destroy)(v);
}
igraph_integer_t igraph_vector_int_get(const igraph_vector_int_t* v, igraph_integer_t pos) {
  return PEERMAP_IGRAPH(igraph_vector_int_get)(v, pos);
}
igraph_error_t igraph_vector_int_init(igraph_vector_int_t* v, igraph_integer_t size) {
  return PEERMAP_IGRAPH(igraph_vector_int_init)(v, size);
}
igraph_error_t igraph_vector_int_range(igraph_vector_int_t* v, igraph_integer_t start,
                                       igraph_integer_t end) {
  return PEERMAP_IGRAPH(igraph_vector_int_range)(v, start, end);
}
igraph_integer_t igraph_vector_int_size(const igraph_vector_int_t* v) {
  return PEERMAP_IGRAPH(igraph_vector_int_size)(v);
}
const igraph_vector_int_t* igraph_vector_int_view(const igraph_vector_int_t* v,
                                                  const igraph_integer_t* data,
                                                  igraph_integer_t length) {
  return PEERMAP_IGRAPH(igraph_vector_int_view)(v, data, length);
}
igraph_integer_t igraph_vector_size(const igraph_vector_t* v) {
  return PEERMAP_IGRAPH(igraph_vector_size)(v);
}
igraph_real_t igraph_vector_sum(const igraph_vector_t* v) {
  return PEERMAP_IGRAPH(igraph_vector_sum)(v);
}
const igraph_vector_t* igraph_vector_view(const igraph_vector_t* v, const igraph_real_t* data,
                                          igraph_integer_t length) {
  return PEERMAP_IGRAPH(igraph_vector_view)(v, data, length);
}
igraph_vs_t igraph_vss_all() { return PEERMAP_IGRAPH(igraph_vss_all)(); }

}  // extern "C"
