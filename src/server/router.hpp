// Routes as templates ("/api/maps/{id}/revisions/{n}") with their methods. Unknown paths give
// 404 and known paths with another method 405 with Allow, so every route answers the same way.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "server/http.hpp"

namespace peermap::server {

using Params = std::map<std::string, std::string, std::less<>>;
using Handler = std::function<Response(const Request&, const Params&)>;

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);

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
