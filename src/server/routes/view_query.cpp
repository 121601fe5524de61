#include "server/routes/view_query.hpp"

#include <string>

#include "server/request_parsing.hpp"
#include "server/responses.hpp"

namespace peermap::server::routes {

std::optional<ViewQuery> view_query(const Request& request, std::int64_t head, Response& error) {
  ViewQuery out;
  out.revision = head;
  if (const auto* value = request.param("revision")) {
    const auto n = parse_number(*value);
    if (!n || *n < 1 || *n > head) {
      error = parameter_error("revision", "a revision number from 1 to " + std::to_string(head));
      return std::nullopt;
    }
    out.revision = *n;
  }
  if (const auto* value = request.param("as_of")) {
    out.view.as_of = model::Date::parse(*value);
    if (!out.view.as_of) {
      error = parameter_error("as_of", "a date, YYYY-MM-DD");
      return std::nullopt;
    }
  }
  if (const auto* value = request.param("redact")) {
    if (*value == "true" || *value == "1") {
      out.view.redact = true;
    } else if (*value != "false" && *value != "0") {
      error = parameter_error("redact", "true or false");
      return std::nullopt;
    }
  }
  if (const auto* value = request.param("ecomap")) out.view.ecomap_centre = *value;
  return out;
}

}  // namespace peermap::server::routes
