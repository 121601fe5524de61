// The browser workspace (docs/workspace.md): its single page on the page routes, with the
// council's name written in as text, and its embedded assets under /assets/. The route table
// (api.cpp) gives them page_security_headers(); what they answer otherwise is the API's 404.
#include "server/responses.hpp"
#include "server/routes/routes.hpp"
#include "server/web_assets.hpp"

namespace peermap::server::routes {

Response workspace_page(RouteContext& ctx, const Request&, const Params&) {
  std::string body = workspace_html(ctx.options.council_name);
  if (body.empty()) return not_found();
  Response response;
  response.content_type = "text/html; charset=utf-8";
  response.body = std::move(body);
  response.set_header("Cache-Control", "no-cache");  // a new build may name new assets
  return response;
}

Response workspace_map_page(RouteContext& ctx, const Request& request, const Params& params) {
  const std::string& rest = params.at(std::string(kRestParam));
  if (!is_map_id(std::string_view{rest}.substr(0, rest.find('/')))) return not_found();
  return workspace_page(ctx, request, params);
}

Response workspace_asset(const Request&, const Params& params) {
  const WebAsset* asset = find_web_asset("assets/" + params.at(std::string(kRestParam)));
  if (asset == nullptr) return not_found();
  Response response;
  response.content_type = std::string(web_content_type(asset->name));
  response.body = std::string(asset->body);
  // The name carries the content's hash, so a new build is a new name.
  response.set_header("Cache-Control", "public, max-age=31536000, immutable");
  return response;
}

}  // namespace peermap::server::routes
