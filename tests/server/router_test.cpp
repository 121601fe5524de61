// The router: template routes, prefix routes for the workspace's assets, and 405 with Allow.
#include <gtest/gtest.h>

#include "server/router.hpp"

namespace peermap::server {
namespace {

//! A handler that answers with its own name, so a test sees which route ran.
Handler named(std::string name) {
  return [name = std::move(name)](const Request&, const Params&) {
    Response r;
    r.body = name;
    return r;
  };
}

std::string ran(const Router& router, std::string_view method, std::string_view path) {
  const auto match = router.match(method, path);
  if (match.route == nullptr) return match.allowed.empty() ? "404" : "405";
  return match.route->handler(Request{}, match.params).body;
}

//   /assets/          -> assets
//   /assets/fonts/    -> fonts        (longer prefix)
//   /assets/app.js    -> exact        (a template route)
Router asset_router() {
  Router router;
  router.add_prefix("GET", "/assets/", named("assets"));
  router.add_prefix("GET", "/assets/fonts/", named("fonts"));
  router.add("GET", "/assets/app.js", named("exact"));
  router.add("GET", "/api/maps/{id}", named("map"));
  return router;
}

TEST(Router, ExactRoutesWinOverPrefixesAndTheLongestPrefixWins) {
  const Router router = asset_router();
  EXPECT_EQ(ran(router, "GET", "/assets/app.js"), "exact");
  EXPECT_EQ(ran(router, "GET", "/assets/app.css"), "assets");
  EXPECT_EQ(ran(router, "GET", "/assets/fonts/sans.woff2"), "fonts");
  EXPECT_EQ(ran(router, "GET", "/assets/fontsx/sans.woff2"), "assets");
  EXPECT_EQ(ran(router, "GET", "/api/maps/abc"), "map");
}

TEST(Router, APrefixRouteGetsTheRestOfThePath) {
  const Router router = asset_router();
  const auto match = router.match("GET", "/assets/img/logo.svg");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.params.at(std::string(kRestParam)), "img/logo.svg");
  const auto fonts = router.match("GET", "/assets/fonts/a/b.woff2");
  ASSERT_NE(fonts.route, nullptr);
  EXPECT_EQ(fonts.params.at(std::string(kRestParam)), "a/b.woff2");
}

TEST(Router, NoTraversalOrEmptyPartsUnderAPrefix) {
  const Router router = asset_router();
  for (const char* path :
       {"/assets/", "/assets", "/assets/../api/maps", "/assets/a/../../etc/passwd",
        "/assets/./app.js", "/assets/a//b", "/assets/a/", "/assets/..", "/assets/a\\..\\b",
        "/assetsx/app.js", "/other/assets/app.js"}) {
    EXPECT_EQ(ran(router, "GET", path), "404") << path;
  }
  // A name with dots that is not a "." or ".." segment is an ordinary file name.
  EXPECT_EQ(ran(router, "GET", "/assets/app..min.js"), "assets");
}

TEST(Router, APrefixPathWithAnotherMethodIs405) {
  Router router = asset_router();
  router.add_prefix("PUT", "/assets/fonts/", named("upload"));
  const auto post = router.match("POST", "/assets/fonts/x.woff2");
  EXPECT_EQ(post.route, nullptr);
  EXPECT_EQ(post.allowed, (std::vector<std::string>{"GET", "PUT"}));
  EXPECT_EQ(ran(router, "PUT", "/assets/fonts/x.woff2"), "upload");
  // A template route's path answers for itself: its methods, never a prefix's handler.
  const auto put = router.match("PUT", "/assets/app.js");
  EXPECT_EQ(put.route, nullptr);
  EXPECT_EQ(put.allowed, (std::vector<std::string>{"GET"}));
}

TEST(Router, RoutesCarryTheirSecurityHeaders) {
  Router router;
  router.add("GET", "/api/x", named("api"));
  router.add("GET", "/page", named("page"), page_security_headers());
  router.add_prefix("GET", "/assets/", named("assets"), page_security_headers());
  EXPECT_EQ(router.match("GET", "/api/x").route->security_headers, &api_security_headers());
  EXPECT_EQ(router.match("GET", "/page").route->security_headers, &page_security_headers());
  EXPECT_EQ(router.match("GET", "/assets/a.js").route->security_headers, &page_security_headers());
}

}  // namespace
}  // namespace peermap::server
