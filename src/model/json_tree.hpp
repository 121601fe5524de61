// Transitional: the declarations that were here now have headers of their own. validate_tree()
// is in json_io.hpp, EditedItem and edited_item() in json_pointer.hpp, revalidate() in
// revalidate.hpp. Kept only so src/server compiles while it is split; include those instead.
#pragma once

#include "model/json_io.hpp"
#include "model/json_pointer.hpp"
#include "model/revalidate.hpp"
