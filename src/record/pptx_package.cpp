// libzip behind one function: a zip written into a memory source, then read back whole.
#include "record/pptx_package.hpp"

#include <zip.h>

#include "base/handle.hpp"

namespace peermap::record::pptx {
namespace {

using Source = Handle<zip_source_t, zip_source_free>;

//! 1 January 2000, 00:00: every entry's time (DOS time cannot say 1970).
constexpr time_t kFixedTime = 946'684'800;

Error zip_error(const char* what, zip_error_t* error) {
  std::string message = std::string("libzip: ") + what;
  if (error != nullptr) message += std::string(": ") + zip_error_strerror(error);
  return Error{ErrorKind::Internal, message};
}

}  // namespace

Result<std::string> zip_parts(const Parts& parts) {
  zip_error_t error;
  zip_error_init(&error);
  const Source buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) return zip_error("cannot make a buffer", &error);
  zip_source_keep(buffer.get());  // kept past zip_close, to be read back
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    zip_source_free(buffer.get());  // the keep above, undone
    return zip_error("cannot start the archive", &error);
  }
  for (const auto& [name, bytes] : parts) {
    // Not copied (freep 0): libzip reads `bytes` at zip_close, and `parts` outlives it.
    zip_source_t* data = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    const zip_int64_t index =
        data == nullptr ? -1 : zip_file_add(archive, name.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      if (data != nullptr) zip_source_free(data);
      zip_discard(archive);
      return Error{ErrorKind::Internal, "libzip: cannot add " + name};
    }
    const auto at = static_cast<zip_uint64_t>(index);
    if (zip_file_set_mtime(archive, at, kFixedTime, 0) != 0 ||
        zip_set_file_compression(archive, at, ZIP_CM_DEFLATE, 9) != 0) {
      zip_discard(archive);
      return Error{ErrorKind::Internal, "libzip: cannot set " + name};
    }
  }
  if (zip_close(archive) != 0) {
    const Error failed = zip_error("cannot write the archive", zip_get_error(archive));
    zip_discard(archive);
    return failed;
  }
  zip_stat_t stat;
  if (zip_source_stat(buffer.get(), &stat) != 0 || zip_source_open(buffer.get()) != 0) {
    return zip_error("cannot read the archive back", zip_source_error(buffer.get()));
  }
  std::string out(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t read = zip_source_read(buffer.get(), out.data(), stat.size);
  zip_source_close(buffer.get());
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
    return Error{ErrorKind::Internal, "libzip: the archive was not read back whole"};
  }
  return out;
}

}  // namespace peermap::record::pptx
