#include "server/compression.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>

namespace peermap::server {

namespace {

std::string lower_trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  text = text.substr(first, text.find_last_not_of(" \t") - first + 1);
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

bool accepts_gzip(const Request& request) {
  const std::string header = request.header("accept-encoding");
  std::optional<bool> gzip_ok;
  std::optional<bool> any_ok;
  std::string_view rest = header;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const std::string_view part = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const auto semicolon = part.find(';');
    const std::string coding = lower_trimmed(part.substr(0, semicolon));
    bool allowed = true;
    if (semicolon != std::string_view::npos) {
      const std::string parameter = lower_trimmed(part.substr(semicolon + 1));
      if (parameter.rfind("q=", 0) == 0) allowed = std::strtod(parameter.c_str() + 2, nullptr) > 0;
    }
    if (coding == "gzip" || coding == "x-gzip") gzip_ok = allowed;
    if (coding == "*") any_ok = allowed;
  }
  return gzip_ok.value_or(any_ok.value_or(false));
}

std::optional<std::string> gzip(std::string_view text, int level) {
  z_stream stream{};
  // 15 window bits + 16: a gzip header and trailer rather than zlib's.
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return std::nullopt;
  }
  const std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&stream, deflateEnd);
  std::string out(deflateBound(&stream, static_cast<uLong>(text.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  if (deflate(&stream, Z_FINISH) != Z_STREAM_END) return std::nullopt;
  out.resize(stream.total_out);
  return out;
}

}  // namespace peermap::server
