#include "analysis/igraph_wall.hpp"

#include <mutex>

namespace peermap::analysis::igraph_wall {

namespace {

std::mutex& igraph_mutex() {
  static std::mutex mutex;
  return mutex;
}

// What igraph's handlers last reported. Written only by the handlers, which igraph calls only
// from inside a Session, so the Session's mutex guards these too.
std::string& last_error() {
  static std::string text;
  return text;
}
std::vector<std::string>& warnings() {
  static std::vector<std::string> list;
  return list;
}

// C callbacks: nothing may be thrown across them.
void record_error(const char* reason, const char* /*file*/, int /*line*/,
                  igraph_error_t /*code*/) noexcept {
  try {
    last_error() = reason != nullptr ? reason : "";
  } catch (...) {  // out of memory: the code alone will have to do
  }
  IGRAPH_FINALLY_FREE();  // igraph's contract: free what the failed call had allocated
}

void record_warning(const char* reason, const char* /*file*/, int /*line*/) noexcept {
  try {
    warnings().emplace_back(reason != nullptr ? reason : "");
  } catch (...) {  // a lost warning is better than a crash
  }
}

void install_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    igraph_set_error_handler(record_error);
    igraph_set_warning_handler(record_warning);
  });
}

}  // namespace

Session::Session(unsigned long seed) {
  igraph_mutex().lock();
  install_handlers();
  last_error().clear();
  warnings().clear();
  // Seeding also marks the RNG seeded, so igraph never falls back to seeding from the clock.
  igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(seed));
}

Session::~Session() {
  warnings().clear();
  igraph_mutex().unlock();
}

Status Session::check(igraph_error_t code, std::string_view what) const {
  if (code == IGRAPH_SUCCESS) return ok_status();
  std::string message = "igraph: " + std::string(what) + ": " + igraph_strerror(code);
  if (!last_error().empty()) message += " (" + last_error() + ")";
  last_error().clear();
  // igraph refusing its input is Invalid; running out of memory or failing to converge is not.
  const bool refused = code == IGRAPH_EINVAL || code == IGRAPH_EINVVID ||
                       code == IGRAPH_EINVEVECTOR || code == IGRAPH_EINVMODE;
  const auto kind = refused ? ErrorKind::Invalid : ErrorKind::Internal;
  return Error{kind, std::move(message)};
}

std::vector<std::string> Session::take_warnings() const {
  std::vector<std::string> taken;
  taken.swap(warnings());
  return taken;
}

Result<Graph> Graph::undirected(const Session& session, igraph_integer_t vertex_count,
                                const std::vector<igraph_integer_t>& ends) {
  // igraph asserts that a vector has storage, which an empty std::vector need not have.
  static const igraph_integer_t kNoEnds = 0;
  igraph_vector_int_t view_storage{};
  const igraph_vector_int_t* view =
      igraph_vector_int_view(&view_storage, ends.empty() ? &kNoEnds : ends.data(),
                             static_cast<igraph_integer_t>(ends.size()));
  auto graph = Owned(new igraph_t);  // NOLINT(cppcoreguidelines-owning-memory)
  if (auto status = session.check(igraph_create(graph.get(), view, vertex_count, IGRAPH_UNDIRECTED),
                                  "building the graph");
      !status) {
    delete graph.release();  // NOLINT: igraph_create failed, there is nothing to destroy
    return status.error();
  }
  return Graph(std::move(graph));
}

}  // namespace peermap::analysis::igraph_wall
