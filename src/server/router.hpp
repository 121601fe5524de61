// Routes as templates ("/api/maps/{id}/revisions/{n}") or path prefixes ("/assets/"), with
// their methods and the security headers they answer with. Unknown paths give 404 and known
// paths with another method 405 with Allow, so every route answers the same way.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "server/http.hpp"
#include "server/responses.hpp"

namespace peermap::server {

using Params = std::map<std::string, std::string, std::less<>>;
using Handler = std::function<Response(const Request&, const Params&)>;

//! The parameter a prefix route's handler finds the rest of the path in ("app.js" of
//! "/assets/app.js"); never empty, never with an empty, "." or ".." segment.
inline constexpr std::string_view kRestParam = "path";

struct Route {
  std::string method;
  std::string pattern;  //!< a template, or for a prefix route the prefix ("/assets/")
  Handler handler;
  const HeaderSet* security_headers = &api_security_headers();
  bool prefix = false;
};

class Router {
 public:
  //! A route for the paths matching `pattern`, answering with `headers`.
  void add(std::string method, std::string pattern, Handler handler,
           const HeaderSet& headers = api_security_headers());
  //! A route for every path under `prefix` (which ends in '/'): the rest of the path is the
  //! parameter kRestParam. A template route for the same path wins, and a longer prefix wins
  //! over a shorter one.
  void add_prefix(std::string method, std::string prefix, Handler handler,
                  const HeaderSet& headers = api_security_headers());

  struct Match {
    const Route* route = nullptr;  // the route to run; nullptr when none
    Params params;
    std::vector<std::string> allowed;  // methods of the path when the method did not match
  };
  [[nodiscard]] Match match(std::string_view method, std::string_view path) const;
  [[nodiscard]] const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace peermap::server
