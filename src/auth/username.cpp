// Usernames: one spelling for each name (NFKC, case-folded, trimmed), a small alphabet, and a
// skeleton (Unicode TR39) that tells names a reader would take for one another apart: "p1",
// "P1", "p1 " and Cyrillic "р1" are one name, or refused as confusable. Through ICU.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>

#include <memory>
#include <string>
#include <vector>

#include "auth/auth.hpp"

namespace peermap::auth {
namespace {

struct SpoofDeleter {
  void operator()(USpoofChecker* checker) const { uspoof_close(checker); }
};

bool allowed(UChar32 c) { return u_isalpha(c) || u_isdigit(c) || c == '.' || c == '_' || c == '-'; }

}  // namespace

Result<std::string> normalise_username(std::string_view raw) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return Error{ErrorKind::Internal, "ICU's NFKC_Casefold is missing"};
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
  text.trim();
  const icu::UnicodeString folded = fold->normalize(text, status);
  if (U_FAILURE(status)) return Error{ErrorKind::Invalid, "the username is not valid UTF-8 text"};
  if (folded.isEmpty()) return Error{ErrorKind::Invalid, "the username is empty"};
  if (folded.countChar32() > static_cast<int32_t>(kMaxUsernameLength)) {
    return Error{ErrorKind::Invalid,
                 "a username has at most " + std::to_string(kMaxUsernameLength) + " characters"};
  }
  for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
    if (!allowed(folded.char32At(i))) {
      return Error{ErrorKind::Invalid, "a username is letters, digits, '.', '_' and '-' only"};
    }
  }
  std::string out;
  folded.toUTF8String(out);
  return out;
}

Result<std::string> username_skeleton(std::string_view username) {
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<USpoofChecker, SpoofDeleter> checker(uspoof_open(&status));
  if (U_FAILURE(status)) return Error{ErrorKind::Internal, "ICU's spoof checker cannot be opened"};
  const std::string text(username);
  std::vector<char> out(text.size() * 4 + 16);
  const int32_t length = uspoof_getSkeletonUTF8(checker.get(), 0, text.c_str(), -1, out.data(),
                                                static_cast<int32_t>(out.size()), &status);
  if (U_FAILURE(status)) return Error{ErrorKind::Internal, "a username's skeleton cannot be made"};
  return std::string(out.data(), static_cast<std::size_t>(length));
}

}  // namespace peermap::auth
