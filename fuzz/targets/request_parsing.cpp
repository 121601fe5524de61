// The request parsing of the server's routes (server/request_parsing.*, routes/view_query.*),
// called as the handlers call it on a Request built from the input, without sockets: the
// Content-Type, If-Match, Cookie and query values and the body all come from the fuzzer.
// Never a crash, and each answer keeps its promise (a parsed body is within the depth bound and
// holds no NUL; a refusal is the 400, 413, 415 or 422 it documents).
#include <cstddef>
#include <cstdint>
#include <string>

#include <fuzzer/FuzzedDataProvider.h>

#include "fuzz_support.hpp"
#include "server/http.hpp"
#include "server/request_parsing.hpp"
#include "server/routes/view_query.hpp"

namespace {

//! The longest header or query value the target makes; the body is the rest of the input.
constexpr std::size_t kMaxValue = 256;

peermap::server::Request request_of(FuzzedDataProvider& in) {
  peermap::server::Request request;
  request.method = in.PickValueInArray({"GET", "POST", "PUT", "PATCH", "DELETE"});
  request.path = "/api/maps/0123456789abcdef0123456789abcdef";
  request.remote = "127.0.0.1";
  for (const char* name : {"content-type", "if-match", "cookie"}) {
    request.headers.emplace(name, in.ConsumeRandomLengthString(kMaxValue));
  }
  for (const char* name : {"revision", "as_of", "redact", "ecomap"}) {
    if (in.ConsumeBool()) request.query.emplace(name, in.ConsumeRandomLengthString(kMaxValue));
  }
  request.body = in.ConsumeRemainingBytesAsString();
  return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace peermap;
  using namespace peermap::server;
  FuzzedDataProvider in(data, size);
  const Request request = request_of(in);
  const std::string content_type = request.header("content-type");
  (void)content_type_is(request, "application/json");
  (void)content_type_is(request, "application/json-patch+json");
  const int too_large_status = too_large(content_type, kMaxSmallBody).status;
  if (too_large_status != (body_type_taken(content_type) ? 413 : 415)) {
    fuzz::broken("a body too large is the 413, or the 415 for a type no route takes");
  }
  if (auto unclean = unclean_text(request.body)) {
    if (unclean->status != 400 && unclean->status != 422)
      fuzz::broken("unclean text is 400 or 422");
  }
  Response error;
  if (const auto body = parse_json_body(request, error)) {
    if (nesting_depth(request.body) > kMaxJsonDepth) fuzz::broken("a parsed body is not too deep");
    if (nul_pointer(*body)) fuzz::broken("a parsed body holds no NUL character");
  } else if (error.status != 400 && error.status != 422) {
    fuzz::broken("a body refused by parse_json_body is the 400 or the 422",
                 std::to_string(error.status));
  }
  (void)cookie_value(request, "peermap_session");
  (void)if_match_names(request.header("if-match"), "\"1\"");
  for (const auto& [name, value] : request.query) {
    if (const auto number = parse_number(value)) {
      if (*number < 0 || std::to_string(*number).size() > 18) {
        fuzz::broken("parse_number reads at most 18 decimal digits", value);
      }
    }
    (void)plausible_id(value);
  }
  Response view_error;
  if (!routes::view_query(request, 7, view_error) && view_error.status != 422) {
    fuzz::broken("a query view_query refuses is the 422", std::to_string(view_error.status));
  }
  return 0;
}
