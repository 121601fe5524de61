#include "server/router.hpp"

#include <algorithm>

namespace peermap::server {
namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  if (!path.empty() && path.front() == '/') start = 1;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool matches(std::string_view pattern, std::string_view path, Params& params) {
  const auto want = segments(pattern);
  const auto got = segments(path);
  if (want.size() != got.size()) return false;
  Params found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const auto w = want[i];
    if (w.size() >= 2 && w.front() == '{' && w.back() == '}') {
      if (got[i].empty()) return false;
      found.emplace(std::string(w.substr(1, w.size() - 2)), std::string(got[i]));
    } else if (w != got[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

//! The part of `path` under `prefix`, when it is a safe relative path: not empty, and no
//! segment empty, "." or ".." (so "/assets/../api" is no asset). "" otherwise.
std::string_view rest_under(std::string_view prefix, std::string_view path) {
  if (path.size() <= prefix.size() || path.substr(0, prefix.size()) != prefix) return {};
  const std::string_view rest = path.substr(prefix.size());
  if (rest.find('\\') != std::string_view::npos || rest.find('\0') != std::string_view::npos) {
    return {};
  }
  for (const auto segment : segments(rest)) {
    if (segment.empty() || segment == "." || segment == "..") return {};
  }
  return rest;
}

}  // namespace

std::string Request::header(std::string_view name) const {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto it = headers.find(lower);
  return it == headers.end() ? std::string() : it->second;
}

bool Request::has_header(std::string_view name) const {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return headers.find(lower) != headers.end();
}

const std::string* Request::param(std::string_view name) const {
  const auto it = query.find(std::string(name));
  return it == query.end() ? nullptr : &it->second;
}

std::string Response::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key.size() == name.size() &&
        std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        })) {
      return value;
    }
  }
  return {};
}

void Router::add(std::string method, std::string pattern, Handler handler,
                 const HeaderSet& headers) {
  routes_.push_back({std::move(method), std::move(pattern), std::move(handler), &headers, false});
}

void Router::add_prefix(std::string method, std::string prefix, Handler handler,
                        const HeaderSet& headers) {
  routes_.push_back({std::move(method), std::move(prefix), std::move(handler), &headers, true});
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  Match out;
  const auto allow = [&out](const std::string& m) {
    if (std::find(out.allowed.begin(), out.allowed.end(), m) == out.allowed.end()) {
      out.allowed.push_back(m);
    }
  };
  for (const auto& route : routes_) {
    Params params;
    if (route.prefix || !matches(route.pattern, path, params)) continue;
    if (route.method == method) {
      out.route = &route;
      out.params = std::move(params);
      out.allowed.clear();
      return out;
    }
    allow(route.method);
  }
  if (!out.allowed.empty()) return out;  // the path is a template route's: no prefix takes it
  // The longest prefix that holds the path; its methods, when none is this one.
  std::size_t longest = 0;
  const Route* best = nullptr;
  for (const auto& route : routes_) {
    if (!route.prefix || route.pattern.size() < longest) continue;
    if (rest_under(route.pattern, path).empty()) continue;
    if (route.pattern.size() > longest) {
      longest = route.pattern.size();
      best = nullptr;
      out.allowed.clear();
    }
    if (route.method == method) best = &route;
    allow(route.method);
  }
  if (best != nullptr) {
    out.route = best;
    out.params.emplace(std::string(kRestParam), std::string(rest_under(best->pattern, path)));
    out.allowed.clear();
  }
  return out;
}

}  // namespace peermap::server
