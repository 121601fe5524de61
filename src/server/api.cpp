// The route table and handle(): which handler answers which method and path, behind which
// checks, with which security headers. The handlers are in routes/, one file per resource.
#include "server/api.hpp"

#include <stdexcept>
#include <utility>

#include "server/access.hpp"
#include "server/cache.hpp"
#include "server/map_history.hpp"
#include "server/request_parsing.hpp"
#include "server/responses.hpp"
#include "server/routes/routes.hpp"
#include "server/sessions.hpp"

namespace peermap::server {

struct Api::Impl {
  store::Store& store;
  ApiOptions options;
  AuditTrail audit{store, options.now_ms};
  Sessions sessions{store, audit, options};
  MapHistory history{store, options};
  ByteBoundedCache<std::string> drawings{64u << 20u};
  LiveUpdates live{store, options.live};
  MapLayouts layouts;
  RenderGate renders{options.render};
  routes::RouteContext context{store,    options, audit,   sessions, history,
                               drawings, live,    layouts, renders};
  Router router;

  Impl(store::Store& s, ApiOptions o) : store(s), options(with_clock(std::move(o))) {
    add_routes();
  }

  using Authed = Response (*)(routes::RouteContext&, const Request&, const Params&, const Caller&);

  //! Wraps a handler that needs a logged-in caller (and the CSRF token when it changes state).
  Handler authed(std::string action,
                 std::function<Response(const Request&, const Params&, const Caller&)> inner) {
    return [this, action = std::move(action), inner = std::move(inner)](const Request& request,
                                                                        const Params& params) {
      // What the row of a refusal no handler audits will say (Api::handle writes it): junk
      // ids are not written down, they would only fill the trail.
      RequestAudit* scope = RequestAudit::current();
      const auto id = params.find("id");
      const std::string map_id = id == params.end() ? std::string() : id->second;
      if (scope != nullptr) {
        scope->action = action;
        if (plausible_id(map_id)) scope->map_id = map_id;
      }
      Response refusal;
      auto caller = sessions.authenticate(request, refusal);
      if (!caller) return refusal;
      if (scope != nullptr) scope->caller = caller->user;
      if (auto csrf = check_csrf(request, *caller)) {
        audit.record_refusal(request.remote, &caller->user, action, map_id, 0, "csrf-refused", 403);
        return *csrf;
      }
      try {
        return inner(request, params, *caller);
      } catch (const std::exception&) {
        // A failure is an attempt all the same: Api::handle writes who tried what, and that it
        // failed.
        return internal_error();
      }
    };
  }

  Handler authed(std::string action, Authed handler) {
    return authed(std::move(action), [this, handler](const Request& request, const Params& params,
                                                     const Caller& caller) {
      return handler(context, request, params, caller);
    });
  }

  void add_routes() {
    // The table names routes/'s handlers, one a line.
    using namespace routes;  // NOLINT(google-build-using-namespace)
    router.add("GET", "/api/openapi.json", openapi);
    router.add("POST", "/api/session", [this](const Request& request, const Params&) {
      if (RequestAudit* scope = RequestAudit::current()) scope->action = "session.login";
      return login(context, request);
    });
    router.add("GET", "/api/session", authed("session.read", read_session));
    router.add("DELETE", "/api/session", authed("session.logout", logout));
    router.add("GET", "/api/maps", authed("map.list", list_maps));
    router.add("POST", "/api/maps", authed("map.create", create_map));
    router.add("GET", "/api/maps/{id}", authed("map.read", read_map));
    router.add("PUT", "/api/maps/{id}", authed("map.write", put_map));
    router.add("PATCH", "/api/maps/{id}", authed("map.patch", patch_map));
    router.add("GET", "/api/maps/{id}/revisions", authed("map.revisions", list_revisions));
    router.add("GET", "/api/maps/{id}/revisions/{n}", authed("map.revision.read", read_revision));
    router.add("GET", "/api/maps/{id}/diff", authed("map.diff", diff_revisions));
    for (const auto& [suffix, format] :
         {std::pair{"svg", render::Format::Svg}, std::pair{"png", render::Format::Png},
          std::pair{"pdf", render::Format::Pdf}}) {
      const render::Format f = format;
      router.add("GET", std::string("/api/maps/{id}/map.") + suffix,
                 authed("map.render", [this, f](const Request& request, const Params& params,
                                                const Caller& caller) {
                   return render_map(context, request, params, caller, f);
                 }));
    }
    router.add("GET", "/api/maps/{id}/record.pdf", authed("map.record", export_record));
    router.add("GET", "/api/maps/{id}/map.pptx", authed("map.pptx", export_pptx));
    router.add("GET", "/api/maps/{id}/layout", authed("map.layout", map_layout));
    router.add("POST", "/api/maps/{id}/relayout", authed("map.relayout", relayout_map));
    router.add("GET", "/api/maps/{id}/analysis", authed("map.analysis", map_analysis));
    router.add("GET", "/api/maps/{id}/members", authed("map.members.read", list_members));
    router.add("POST", "/api/maps/{id}/members", authed("map.members.add", add_member));
    router.add("DELETE", "/api/maps/{id}/members/{username}",
               authed("map.members.remove", remove_member));
    router.add("PUT", "/api/maps/{id}/team", authed("map.move", move_map));
    router.add("GET", "/api/maps/{id}/audit", authed("map.audit.read", read_audit));
    router.add("GET", "/api/maps/{id}/events", authed("map.events", map_events));

    // The browser workspace: its page on the paths the single page routes itself
    // (web/src/main.tsx), and its assets, with the pages' security headers.
    const auto page = [this](const Request& request, const Params& params) {
      return workspace_page(context, request, params);
    };
    for (const char* method : {"GET", "HEAD"}) {
      for (const char* path : {"/", "/sign-in", "/maps", "/maps/new"}) {
        router.add(method, path, page, page_security_headers());
      }
      router.add_prefix(
          method, "/maps/",
          [this](const Request& request, const Params& params) {
            return workspace_map_page(context, request, params);
          },
          page_security_headers());
      router.add_prefix(method, "/assets/", workspace_asset, page_security_headers());
    }
  }
};

Api::Api(store::Store& store, ApiOptions options)
    : impl_(std::make_unique<Impl>(store, std::move(options))) {}
Api::~Api() = default;

const Router& Api::router() const { return impl_->router; }
Router& Api::router() { return impl_->router; }

const ApiOptions& Api::options() const { return impl_->options; }

void Api::record_refusal(const Request& request, int status) {
  impl_->audit.record_unaudited(request, status);
}

Response Api::handle(const Request& request) {
  const RequestAudit audited;
  Response response;
  const HeaderSet* headers = &api_security_headers();
  try {
    if (request.body.size() > impl_->options.max_body_bytes) {
      response = too_large(request.header("content-type"), impl_->options.max_body_bytes);
    } else {
      const auto match = impl_->router.match(request.method, request.path);
      if (match.route != nullptr) {
        headers = match.route->security_headers;
        response = match.route->handler(request, match.params);
      } else if (!match.allowed.empty()) {
        response = error_response(405, "method not allowed here");
        std::string allow;
        for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
        response.set_header("Allow", allow);
      } else {
        response = not_found();
      }
    }
  } catch (const std::exception&) {
    response = internal_error();
  }
  // Every refusal is in the trail, with the status sent: a handler writes the rows it can name
  // best, and whatever no row says yet is written here.
  if (response.status >= 400) impl_->audit.record_unaudited(request, response.status);
  // An error is the API's JSON, whichever route gave it (a page route's 404 too): the API's
  // headers go with it.
  if (response.status >= 400 && response.content_type == "application/json") {
    headers = &api_security_headers();
  }
  const bool own_cache_control = !response.header("Cache-Control").empty();
  for (const auto& [name, value] : *headers) {
    // A page route's own Cache-Control stands (an asset is immutable); the API's is no-store.
    if (own_cache_control && name == "Cache-Control" && headers != &api_security_headers()) {
      continue;
    }
    response.set_header(name, value);
  }
  return response;
}

}  // namespace peermap::server
