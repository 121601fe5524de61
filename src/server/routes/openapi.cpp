// /api/openapi.json: the API's OpenAPI 3 description (source: src/server/openapi.json).
#include "server/routes/routes.hpp"

namespace peermap::server::routes {

Response openapi(const Request&, const Params&) {
  Response r;
  r.body = openapi_document();
  return r;
}

}  // namespace peermap::server::routes
