// Writing a document as peermap/1 JSON.
#pragma once

#include <string>

#include "model/document.hpp"

namespace peermap::model {

//! Serialises a document as peermap/1 JSON (stable key order, 2-space indent), leaving out
//! the defaults the reader puts back.
[[nodiscard]] std::string write_document(const Document& document);

}  // namespace peermap::model
