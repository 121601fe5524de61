#include "server/api.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <optional>
#include <semaphore>
#include <stdexcept>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "auth/auth.hpp"
#include "layout/layout.hpp"
#include "model/json_io.hpp"
#include "model/json_tree.hpp"
#include "model/views.hpp"
#include "render/render.hpp"
#include "server/cache.hpp"
#include "server/diff.hpp"
#include "server/map_layout.hpp"
#include "server/web_assets.hpp"
#include "server/working_copies.hpp"
#include "store/store.hpp"

namespace peermap::server {
namespace {

using json = nlohmann::json;
using store::AuditEntry;
using store::Role;
using store::User;

constexpr std::string_view kCookie = "peermap_session";
constexpr int kMaxJsonDepth = 64;

// ---------------------------------------------------------------------------------------------
// Responses

Response json_response(int status, const json& body) {
  Response r;
  r.status = status;
  r.body = body.dump();
  return r;
}

Response error_response(int status, std::string message) {
  return json_response(status, {{"status", status}, {"error", std::move(message)}});
}

//! 422 naming the field by its JSON pointer.
Response field_error(std::string pointer, std::string message) {
  json body = {{"status", 422},
               {"error", "the request has a problem"},
               {"problems", json::array({{{"pointer", std::move(pointer)},
                                          {"severity", "error"},
                                          {"message", std::move(message)}}})}};
  return json_response(422, body);
}

Response not_found() { return error_response(404, "no such resource"); }

//! An access that cannot be written to the audit trail is not allowed to happen.
Response audit_unavailable() {
  return error_response(503, "the audit trail cannot be written now; nothing was disclosed");
}

std::string iso_time(std::int64_t ms) {
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[40];
  std::snprintf(out, sizeof out, "%s.%03dZ", buffer, static_cast<int>(ms % 1000));
  return out;
}

model::Date date_of(std::int64_t ms) {
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return model::Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::string etag_of(std::int64_t revision) { return "\"r" + std::to_string(revision) + "\""; }

//! The deepest nesting of arrays and objects in a JSON text (strings skipped), so a hostile
//! body is refused before a parser builds it.
int nesting_depth(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

//! Parses a small JSON body (login, members, patch). On failure `error` holds the 400.
std::optional<json> parse_json_body(const Request& request, Response& error) {
  if (nesting_depth(request.body) > kMaxJsonDepth) {
    error = field_error(
        "/", "nesting is deeper than " + std::to_string(kMaxJsonDepth) + " levels, the limit");
    return std::nullopt;
  }
  try {
    return json::parse(request.body);
  } catch (const json::parse_error& e) {
    const std::size_t at = e.byte == 0 ? 0 : e.byte - 1;
    std::string what = e.what();
    if (const auto cut = what.find(": "); cut != std::string::npos) what.erase(0, cut + 2);
    what = what.substr(0, what.find("; last read:"));
    json body = {{"status", 400},
                 {"error", "malformed JSON at " + model::line_column(request.body, at)},
                 {"where", model::line_column(request.body, at)},
                 {"detail", what}};
    error = json_response(400, body);
    return std::nullopt;
  }
}

bool content_type_is(const Request& request, std::string_view wanted) {
  std::string type = request.header("content-type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type == wanted;
}

std::string cookie_value(const Request& request, std::string_view name) {
  const std::string cookies = request.header("cookie");
  std::size_t start = 0;
  while (start < cookies.size()) {
    std::size_t end = cookies.find(';', start);
    if (end == std::string::npos) end = cookies.size();
    std::string_view part(cookies.data() + start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    start = end + 1;
  }
  return {};
}

std::optional<std::int64_t> parse_number(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

//! A map id as the server makes them: 32 lower-case hex digits.
bool plausible_id(std::string_view id) {
  return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

//! Login and member bodies are a few names: refused above this before they are parsed.
constexpr std::size_t kMaxSmallBody = 4096;

//! Operations in one JSON Patch.
constexpr std::size_t kMaxPatchOperations = 10'000;

//! Values in a JSON tree (objects, arrays and scalars), counting no further than `limit`.
//! What copying a JSON value costs, counting no further than `limit`: one for each value, and
//! one more for every 64 bytes of its text (strings and keys), so that copying one long string
//! many times costs what it takes.
std::size_t copy_cost(const json& root, std::size_t limit) {
  constexpr std::size_t kBytesPerUnit = 64;
  std::size_t cost = 0;
  std::vector<const json*> stack{&root};
  while (!stack.empty() && cost <= limit) {
    const json* node = stack.back();
    stack.pop_back();
    ++cost;
    if (node->is_string()) {
      cost += node->get_ref<const std::string&>().size() / kBytesPerUnit;
    } else if (node->is_object()) {
      for (const auto& [key, child] : node->items()) {
        cost += key.size() / kBytesPerUnit;
        stack.push_back(&child);
      }
    } else if (node->is_array()) {
      for (const auto& child : *node) stack.push_back(&child);
    }
  }
  return cost;
}

//! The length of `value` as it is written inside a document by dump(2), `depth` levels in: its
//! own dump(2) with every line after the first indented by 2 * depth more spaces.
std::size_t text_size_at(const json& value, std::size_t depth) {
  const std::string text = value.dump(2);
  return text.size() +
         2 * depth * static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

//! The depth of a JSON tree (a scalar is 0, [] is 1), counting no further than `limit`.
std::size_t json_depth(const json& root, std::size_t limit) {
  std::size_t deepest = 0;
  std::vector<std::pair<const json*, std::size_t>> stack{{&root, 0}};
  while (!stack.empty()) {
    const auto [node, depth] = stack.back();
    stack.pop_back();
    if (!node->is_structured()) continue;
    deepest = std::max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const auto& child : *node) stack.emplace_back(&child, depth + 1);
  }
  return deepest;
}

//! As deep as a peermap/1 document may be (model::ParseOptions::max_depth).
constexpr std::size_t kMaxDocumentDepth = 32;

//! A revision is stored whole after this many stored as patches.
constexpr std::int64_t kPatchesBetweenDocuments = 50;

//! The most a JSON Patch may copy in all, by copy_cost() (a 200-person map costs about 22,000).
constexpr std::size_t kMaxCopiedNodes = 1'000'000;

//! The value of an item in a document, or nullptr when it has no such item.
template <typename Json>  // json or const json
Json* item_value(Json& document, const model::EditedItem& item) {
  if (!document.is_object()) return nullptr;
  const auto section = document.find(item.section);
  if (section == document.end()) return nullptr;
  if (item.section == "map") return &*section;
  if (!section->is_array() || item.index >= section->size()) return nullptr;
  return &(*section)[item.index];
}

//! The items a JSON Patch changes, each with its value before the patch, when every operation
//! stays inside existing items (a person's notes, the map's purpose, a whole item replaced);
//! nullopt when an operation adds, removes or moves an item, or reaches outside every item.
std::optional<std::vector<std::pair<model::EditedItem, json>>> items_touched(const json& patch,
                                                                             const json& tree) {
  std::vector<std::pair<model::EditedItem, json>> touched;
  const auto text_of = [](const json& op, const char* field) {
    const auto it = op.find(field);
    return it != op.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  for (const auto& op : patch) {
    if (!op.is_object()) break;  // refused when applied, with its index
    const std::string kind = text_of(op, "op");
    if (kind == "test") continue;  // changes nothing
    std::vector<std::string> changed{text_of(op, "path")};
    if (kind == "move") changed.push_back(text_of(op, "from"));
    for (const auto& pointer : changed) {
      const auto item = model::edited_item(pointer);
      // Adding, removing or moving a whole item moves the items after it.
      const bool whole_item =
          item && (item->section == "map"
                       ? pointer == "/map"
                       : pointer.find('/', pointer.find('/', 1) + 1) == std::string::npos);
      const json* value = item ? item_value(tree, *item) : nullptr;
      if (value == nullptr || (whole_item && kind != "replace")) return std::nullopt;
      if (std::none_of(touched.begin(), touched.end(),
                       [&](const auto& t) { return t.first == *item; })) {
        touched.emplace_back(*item, *value);
      }
    }
  }
  return touched;
}

//! Applies a JSON Patch to `tree` one operation at a time, so that a failure names the operation
//! (the 422 returned; `tree` may then be partly changed). Bounded before each operation is
//! applied: the document's depth (the library copies and writes recursively), and what "copy"
//! and "move" duplicate and "test" compares (copying a copy doubles it).
std::optional<Response> apply_patch(const json& patch, json& tree) {
  std::size_t copied = 0;
  for (std::size_t i = 0; i < patch.size(); ++i) {
    const json& op = patch[i];
    const std::string where = "/" + std::to_string(i);
    if (!op.is_object()) return field_error(where, "an operation is an object");
    for (const auto* field : {"op", "path"}) {
      const auto it = op.find(field);
      if (it == op.end() || !it->is_string()) {
        return field_error(where + "/" + field, "a string is required");
      }
    }
    try {
      const std::string kind = op["op"].get<std::string>();
      const std::string& path = op["path"].get_ref<const std::string&>();
      const auto path_depth = static_cast<std::size_t>(std::count(path.begin(), path.end(), '/'));
      const json* source = nullptr;
      if (kind == "copy" || kind == "move") {
        const auto from = op.find("from");
        if (from == op.end() || !from->is_string()) {
          return field_error(where + "/from", "a string is required");
        }
        source = &tree.at(json::json_pointer(from->get<std::string>()));
      } else if (const auto value = op.find("value"); value != op.end()) {
        source = &*value;
      }
      if (source != nullptr) {
        if (path_depth + json_depth(*source, kMaxDocumentDepth + 1) > kMaxDocumentDepth) {
          return field_error(where, "the result would be nested deeper than " +
                                        std::to_string(kMaxDocumentDepth) + " levels");
        }
        if (kind == "copy" || kind == "move" || kind == "test") {
          copied += copy_cost(*source, kMaxCopiedNodes - copied + 1);
          if (copied > kMaxCopiedNodes) {
            return field_error(where, "the patch copies more than " +
                                          std::to_string(kMaxCopiedNodes) +
                                          " values in all (one for every 64 bytes of text)");
          }
        }
      }
      tree.patch_inplace(json::array({op}));
    } catch (const json::exception& e) {
      std::string what = e.what();
      if (const auto cut = what.find("] "); cut != std::string::npos) what.erase(0, cut + 2);
      return field_error(where, "the operation cannot be applied: " + what);
    }
  }
  return std::nullopt;
}

enum class Access { None, ReadWrite };

struct Caller {
  User user;
  store::Session session;
};

json problems_json(const std::vector<model::Problem>& problems) {
  json out = json::array();
  for (const auto& p : problems) {
    out.push_back({{"pointer", p.where},
                   {"severity", p.severity == model::Severity::Error ? "error" : "warning"},
                   {"message", p.message}});
  }
  return out;
}

json user_json(const User& user) {
  return {{"username", user.username},
          {"team", user.team},
          {"role", std::string(store::role_text(user.role))}};
}

}  // namespace

// ---------------------------------------------------------------------------------------------

struct Api::Impl {
  store::Store& store;
  ApiOptions options;
  Router router;
  std::string dummy_hash;  // verified against when the username is unknown: same time either way
  ByteBoundedCache<store::Revision> revisions{64u << 20u};
  ByteBoundedCache<std::string> drawings{64u << 20u};
  WorkingCopies working_copies{options.working_copy_bytes};
  static constexpr std::ptrdiff_t kConcurrentHashes = 4;
  using Hashing = std::counting_semaphore<kConcurrentHashes>;
  Hashing hashing{kConcurrentHashes};
  //! One of the hashing slots, given back however the scope ends.
  struct HashingSlot {
    explicit HashingSlot(Hashing& h) : slots(h) { slots.acquire(); }
    ~HashingSlot() { slots.release(); }
    HashingSlot(const HashingSlot&) = delete;
    HashingSlot& operator=(const HashingSlot&) = delete;
    Hashing& slots;
  };

  Impl(store::Store& s, ApiOptions o) : store(s), options(std::move(o)) {
    if (!options.now_ms) {
      options.now_ms = [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
      };
    }
    auto hash = auth::hash_password(auth::random_token());
    if (!hash) throw std::runtime_error("cannot compute the dummy password hash");
    dummy_hash = hash.value();
    add_routes();
  }

  std::int64_t now() const { return options.now_ms(); }

  //! Revision `number` (>= 1) of a map, from the cache when it was read before: revisions never
  //! change once written. A revision stored as a patch is rebuilt from the last one stored whole.
  Result<std::shared_ptr<const store::Revision>> revision_of(const std::string& id,
                                                             std::int64_t number) {
    const std::string key = id + "#" + std::to_string(number);
    if (auto hit = revisions.find(key)) return hit;
    auto read = store.revision(id, number);
    if (!read) return read.error();
    if (read->body == store::RevisionBody::patch) {
      auto chain = store.revision_chain(id, number);
      if (!chain) return chain.error();
      auto tree = rebuild(chain.value());
      if (!tree) return tree.error();
      read->document = tree->dump(2);
      read->body = store::RevisionBody::document;
    }
    auto shared = std::make_shared<const store::Revision>(std::move(read.value()));
    revisions.put(key, shared, shared->document.size() + 256);
    return shared;
  }

  //! The document at the end of a chain from store::revision_chain(): the first row's document
  //! with every later row's patch applied in turn.
  static Result<json> rebuild(const std::vector<store::Revision>& chain) {
    if (chain.empty() || chain.front().body != store::RevisionBody::document) {
      return Error{ErrorKind::Internal, "a revision chain starts with a whole document"};
    }
    try {
      json tree = json::parse(chain.front().document);
      for (std::size_t i = 1; i < chain.size(); ++i) {
        tree.patch_inplace(json::parse(chain[i].document));
      }
      return tree;
    } catch (const json::exception& e) {
      return Error{ErrorKind::Internal,
                   std::string("a stored revision cannot be rebuilt: ") + e.what()};
    }
  }

  model::ParseOptions parse_options() const {
    model::ParseOptions parse;
    parse.today = date_of(now());
    parse.max_bytes = options.max_body_bytes;
    return parse;
  }

  //! The map's newest revision as a working copy: from the cache, or read and validated.
  Result<std::unique_ptr<WorkingCopy>> working_copy(const std::string& id, std::int64_t head,
                                                    const model::ParseOptions& parse) {
    auto copy = working_copies.take(id, head);
    if (copy && copy->validated_on == parse.today) return copy;
    if (!copy) {
      auto chain = store.revision_chain(id, head);
      if (!chain) return chain.error();
      auto tree = rebuild(chain.value());
      if (!tree) return tree.error();
      copy = std::make_unique<WorkingCopy>();
      copy->tree = std::move(tree.value());
      copy->patches_since_document = static_cast<std::int64_t>(chain->size()) - 1;
      for (std::size_t i = 1; i < chain->size(); ++i) {
        copy->patch_bytes_since_document += (*chain)[i].document.size();
      }
      // The size of the document as a revision's text (a PUT's text may be laid out otherwise).
      copy->text_bytes = copy->tree.dump(2).size();
    }
    // Validated again on a new day: "in the future" moves with the date.
    auto outcome = model::validate_tree(copy->tree, parse);
    copy->problems = std::move(outcome.problems);
    copy->validated_on = parse.today;
    return copy;
  }

  // ----- audit -----------------------------------------------------------------------------
  //! Appends one audit row; false when it could not be stored (the caller then discloses
  //! nothing: an access that cannot be audited does not happen).
  bool audit(const Request& request, const Caller* caller, std::string action, std::string map_id,
             std::int64_t revision, std::string outcome, int status) {
    AuditEntry entry;
    entry.at = now();
    if (caller != nullptr) {
      entry.user_id = caller->user.id;
      entry.username = caller->user.username;
    }
    entry.action = std::move(action);
    entry.map_id = std::move(map_id);
    entry.revision = revision;
    entry.outcome = std::move(outcome);
    entry.status = status;
    entry.source = request.remote;
    return static_cast<bool>(store.append_audit(entry));
  }

  //! `response`, after auditing it as a refused attempt on map `id`.
  Response refused(const Request& request, const Caller& caller, const std::string& action,
                   const std::string& id, std::int64_t revision, Response response) {
    audit(request, &caller, action, id, revision, response.status == 415 ? "wrong-type" : "invalid",
          response.status);
    return response;
  }

  // ----- sessions ----------------------------------------------------------------------------
  //! The logged-in caller, or nullopt (then `refusal` holds the 401).
  std::optional<Caller> authenticate(const Request& request, Response& refusal) {
    refusal = error_response(401, "log in first");
    const std::string token = cookie_value(request, kCookie);
    if (token.empty()) return std::nullopt;
    auto session = store.session(auth::token_digest(token));
    if (!session) return std::nullopt;
    if (session->expires_at * 1000 <= now()) {
      (void)store.delete_session(session->token_hash);
      refusal = error_response(401, "the session has expired; log in again");
      return std::nullopt;
    }
    auto user = store.user_by_id(session->user_id);
    if (!user || user->disabled) return std::nullopt;
    return Caller{std::move(user.value()), std::move(session.value())};
  }

  static bool state_changing(const Request& request) {
    return request.method != "GET" && request.method != "HEAD" && request.method != "OPTIONS";
  }

  //! 403 unless a state-changing request carries the session's CSRF token.
  static std::optional<Response> check_csrf(const Request& request, const Caller& caller) {
    if (!state_changing(request)) return std::nullopt;
    const std::string token = request.header("x-csrf-token");
    if (token.empty() || !auth::equal_constant_time(token, caller.session.csrf_token)) {
      return error_response(403, "missing or wrong X-CSRF-Token header");
    }
    return std::nullopt;
  }

  // ----- maps --------------------------------------------------------------------------------
  static Access access_to(const User& user, const store::MapRecord& map) {
    if (std::find(map.members.begin(), map.members.end(), user.id) != map.members.end()) {
      return Access::ReadWrite;
    }
    if (user.role != Role::admin && user.team == map.team) return Access::ReadWrite;
    return Access::None;
  }

  //! The map if the caller may see it; otherwise the 404 (audited as refused).
  std::optional<store::MapRecord> visible_map(const Request& request, const Caller& caller,
                                              const std::string& id, const std::string& action,
                                              Response& refusal) {
    auto map = store.map_record(id);
    if (!map || access_to(caller.user, map.value()) == Access::None) {
      refusal = not_found();
      // Ids that could never exist are not written down: junk would only fill the trail.
      if (map || plausible_id(id)) {
        audit(request, &caller, action, id, 0, map ? "refused" : "not-found", 404);
      }
      return std::nullopt;
    }
    return std::move(map.value());
  }

  model::ParseOutcome validate(std::string_view text) const {
    return model::parse_document(text, parse_options());
  }

  //! 400 for malformed JSON (line:column), 422 with every problem otherwise.
  static Response invalid_document(const model::ParseOutcome& outcome) {
    for (const auto& p : outcome.problems) {
      if (p.severity == model::Severity::Error && !p.where.empty() && p.where.front() != '/') {
        json body = {{"status", 400},
                     {"error", p.message + " at " + p.where},
                     {"where", p.where},
                     {"problems", problems_json(outcome.problems)}};
        return json_response(400, body);
      }
    }
    json body = {{"status", 422},
                 {"error", "the document is not a valid peermap/1 map"},
                 {"problems", problems_json(outcome.problems)}};
    return json_response(422, body);
  }

  static json warnings_of(const model::ParseOutcome& outcome) {
    return warnings_of(outcome.problems);
  }

  static json warnings_of(const std::vector<model::Problem>& problems) {
    json out = json::array();
    for (const auto& p : problems) {
      if (p.severity == model::Severity::Warning) {
        out.push_back({{"pointer", p.where}, {"severity", "warning"}, {"message", p.message}});
      }
    }
    return out;
  }

  store::Revision make_revision(const Caller& caller, const model::ParseOutcome& outcome,
                                std::string text, std::string summary) const {
    store::Revision revision;
    revision.info.author_id = caller.user.id;
    revision.info.author = caller.user.username;
    revision.info.created_at = now();
    revision.info.summary = std::move(summary);
    revision.title = outcome.document.map.title;
    revision.document = std::move(text);
    return revision;
  }

  //! The current revision as the body of a 412.
  Response precondition_failed(const std::string& id) {
    auto record = store.map_record(id);
    if (!record) return error_response(500, "internal error");
    auto head = revision_of(id, record->head);
    if (!head) return error_response(500, "internal error");
    const store::Revision& current = *head.value();
    json body = {{"status", 412},
                 {"error",
                  "the map has changed since you loaded it; merge your edit into the "
                  "current revision and send it again"},
                 {"current",
                  {{"revision", current.info.number},
                   {"author", current.info.author},
                   {"created_at", iso_time(current.info.created_at)},
                   {"summary", current.info.summary},
                   {"document", json::parse(current.document)}}}};
    Response r = json_response(412, body);
    r.set_header("ETag", etag_of(current.info.number));
    return r;
  }

  //! If-Match against the head: nullopt when it matches, else the 428 or 412.
  std::optional<Response> check_if_match(const Request& request, const store::MapRecord& map) {
    if (!request.has_header("if-match")) {
      return error_response(428, "send If-Match with the ETag of the revision you edited");
    }
    const std::string wanted = request.header("if-match");
    const std::string current = etag_of(map.head);
    std::size_t start = 0;
    while (start <= wanted.size()) {
      std::size_t end = wanted.find(',', start);
      if (end == std::string::npos) end = wanted.size();
      std::string tag = wanted.substr(start, end - start);
      while (!tag.empty() && tag.front() == ' ') tag.erase(0, 1);
      while (!tag.empty() && tag.back() == ' ') tag.pop_back();
      if (tag == current) return std::nullopt;  // strong comparison: W/ tags never match
      start = end + 1;
    }
    return precondition_failed(map.id);
  }

  //! Stores the validated next revision; 412 if someone saved first.
  //! `before` and `after` are the head and the new document, parsed; a PUT leaves them null
  //! and they are parsed here.
  //! Stores `next` as revision map.head + 1, with its audit row in the same transaction: the
  //! 200 (and the new number in `saved`), or the 412 when someone else saved first.
  Response store_revision(const Request& request, const Caller& caller, const store::MapRecord& map,
                          const store::Revision& next, const std::string& action, json warnings,
                          std::int64_t* saved_number = nullptr) {
    AuditEntry entry;
    entry.at = now();
    entry.user_id = caller.user.id;
    entry.username = caller.user.username;
    entry.action = action;
    entry.map_id = map.id;
    entry.outcome = "ok";
    entry.status = 200;
    entry.source = request.remote;
    auto saved = store.append_revision_audited(map.id, map.head, next, entry);
    if (!saved) {
      if (saved.error().kind == ErrorKind::Conflict) {
        audit(request, &caller, action, map.id, map.head, "conflict", 412);
        return precondition_failed(map.id);
      }
      return error_response(500, "internal error");
    }
    if (saved_number != nullptr) *saved_number = saved->number;
    Response r = json_response(200, {{"id", map.id},
                                     {"revision", saved->number},
                                     {"summary", saved->summary},
                                     {"warnings", std::move(warnings)}});
    r.set_header("ETag", etag_of(saved->number));
    return r;
  }

  //! PUT: a whole document, validated from its text, stored whole.
  Response save_revision(const Request& request, const Caller& caller, const store::MapRecord& map,
                         const model::ParseOutcome& outcome, std::string text,
                         const std::string& action) {
    std::string summary;
    try {
      auto previous = revision_of(map.id, map.head);
      if (!previous) return error_response(500, "internal error");
      summary =
          diff_summary(diff_documents(json::parse(previous.value()->document), json::parse(text)));
    } catch (const json::exception&) {
      summary = "edited";
    }
    return store_revision(request, caller, map,
                          make_revision(caller, outcome, std::move(text), summary), action,
                          warnings_of(outcome));
  }

  // ----- routes ------------------------------------------------------------------------------
  using Authed = std::function<Response(const Request&, const Params&, const Caller&)>;

  //! Wraps a handler that needs a logged-in caller (and the CSRF token when it changes state).
  Handler authed(std::string action, Authed inner) {
    return [this, action = std::move(action), inner = std::move(inner)](const Request& request,
                                                                        const Params& params) {
      Response refusal;
      auto caller = authenticate(request, refusal);
      const auto id = params.find("id");
      const std::string map_id = id == params.end() ? std::string() : id->second;
      if (!caller) {
        if (plausible_id(map_id)) {
          audit(request, nullptr, action, map_id, 0, "unauthenticated", 401);
        }
        return refusal;
      }
      if (auto csrf = check_csrf(request, *caller)) {
        audit(request, &*caller, action, map_id, 0, "csrf-refused", 403);
        return *csrf;
      }
      Response response;
      try {
        response = inner(request, params, *caller);
      } catch (const std::exception&) {
        response = error_response(500, "internal error");
      }
      // A failure is an attempt all the same: who tried what, and that it failed. (503 means
      // the audit itself could not be written.)
      if (response.status >= 500 && response.status != 503) {
        audit(request, &*caller, action, plausible_id(map_id) ? map_id : std::string(), 0, "error",
              response.status);
      }
      return response;
    };
  }

  void add_routes() {
    router.add("GET", "/api/openapi.json", [](const Request&, const Params&) {
      Response r;
      r.body = openapi_document();
      return r;
    });
    router.add("POST", "/api/session",
               [this](const Request& request, const Params&) { return login(request); });
    router.add("GET", "/api/session",
               authed("session.read", [](const Request&, const Params&, const Caller& caller) {
                 json body = user_json(caller.user);
                 body["csrf_token"] = caller.session.csrf_token;
                 body["expires_at"] = iso_time(caller.session.expires_at * 1000);
                 return json_response(200, body);
               }));
    router.add("DELETE", "/api/session",
               authed("session.logout",
                      [this](const Request& request, const Params&, const Caller& caller) {
                        (void)store.delete_session(caller.session.token_hash);
                        audit(request, &caller, "session.logout", "", 0, "ok", 204);
                        Response r;
                        r.status = 204;
                        r.content_type.clear();
                        r.set_header("Set-Cookie", std::string(kCookie) +
                                                       "=; Path=/; HttpOnly; "
                                                       "SameSite=Strict; Max-Age=0" +
                                                       (options.secure_cookies ? "; Secure" : ""));
                        return r;
                      }));
    router.add(
        "GET", "/api/maps",
        authed("map.list", [this](const Request& request, const Params&, const Caller& caller) {
          return list_maps(request, caller);
        }));
    router.add(
        "POST", "/api/maps",
        authed("map.create", [this](const Request& request, const Params&, const Caller& caller) {
          return create_map(request, caller);
        }));
    router.add("GET", "/api/maps/{id}",
               authed("map.read",
                      [this](const Request& request, const Params& params, const Caller& caller) {
                        return read_map(request, params.at("id"), caller);
                      }));
    router.add("PUT", "/api/maps/{id}",
               authed("map.write",
                      [this](const Request& request, const Params& params, const Caller& caller) {
                        return put_map(request, params.at("id"), caller);
                      }));
    router.add("PATCH", "/api/maps/{id}",
               authed("map.patch",
                      [this](const Request& request, const Params& params, const Caller& caller) {
                        return patch_map(request, params.at("id"), caller);
                      }));
    router.add("GET", "/api/maps/{id}/revisions",
               authed("map.revisions",
                      [this](const Request& request, const Params& params, const Caller& caller) {
                        return list_revisions(request, params.at("id"), caller);
                      }));
    router.add("GET", "/api/maps/{id}/revisions/{n}",
               authed("map.revision.read",
                      [this](const Request& request, const Params& params, const Caller& caller) {
                        return read_revision(request, params.at("id"), params.at("n"), caller);
                      }));
    router.add("GET", "/api/maps/{id}/diff",
               authed("map.diff",
                      [this](const Request& request, const Params& params, const Caller& caller) {
                        return diff(request, params.at("id"), caller);
                      }));
    for (const auto& [suffix, format] :
         {std::pair{"svg", render::Format::Svg}, std::pair{"png", render::Format::Png},
          std::pair{"pdf", render::Format::Pdf}}) {
      const render::Format f = format;
      router.add("GET", std::string("/api/maps/{id}/map.") + suffix,
                 authed("map.render", [this, f](const Request& request, const Params& params,
                                                const Caller& caller) {
                   return render_map(request, params.at("id"), f, caller);
                 }));
    }
    router.add("GET", "/api/maps/{id}/layout",
               authed("map.layout",
                      [this](const Request& request, const Params& params, const Caller& caller) {
                        return map_layout(request, params.at("id"), caller);
                      }));
    router.add("GET", "/api/maps/{id}/members",
               authed("map.members.read",
                      [this](const Request& request, const Params& params, const Caller& caller) {
                        return list_members(request, params.at("id"), caller);
                      }));
    router.add("POST", "/api/maps/{id}/members",
               authed("map.members.add",
                      [this](const Request& request, const Params& params, const Caller& caller) {
                        return add_member(request, params.at("id"), caller);
                      }));
    router.add("GET", "/api/maps/{id}/audit",
               authed("map.audit.read",
                      [this](const Request& request, const Params& params, const Caller& caller) {
                        return read_audit(request, params.at("id"), caller);
                      }));
  }

  // ----- handlers ----------------------------------------------------------------------------
  Response login(const Request& request) {
    // application/json only: a cross-site form cannot send it without a CORS preflight, so no
    // other site can log a browser in to an account of its choosing.
    if (!content_type_is(request, "application/json")) {
      return error_response(415, "send the login as application/json");
    }
    if (request.body.size() > kMaxSmallBody) {
      return error_response(413, "a login is at most " + std::to_string(kMaxSmallBody) + " bytes");
    }
    Response error;
    auto body = parse_json_body(request, error);
    if (!body) return error;
    if (!body->is_object()) return field_error("", "expected an object with username and password");
    const auto username = body->find("username");
    const auto password = body->find("password");
    if (username == body->end() || !username->is_string() || username->get<std::string>().empty()) {
      return field_error("/username", "a non-empty string is required");
    }
    if (password == body->end() || !password->is_string()) {
      return field_error("/password", "a string is required");
    }
    const std::string name = username->get<std::string>();
    const std::string secret = password->get<std::string>();
    if (name.size() > 200) return field_error("/username", "at most 200 characters");
    if (secret.size() > auth::kMaxPasswordLength) {
      return field_error("/password",
                         "at most " + std::to_string(auth::kMaxPasswordLength) + " characters");
    }
    const std::int64_t now_s = now() / 1000;
    const std::string account_key = "user:" + name;
    const std::string source_key = "source:" + request.remote;
    const std::int64_t since = now_s - options.throttle_window_seconds;
    // Past its limit an account (or an address) is slowed, not locked: its next try must wait
    // 1 s after its last failure, then 2, 4, ... doubling with each further failure, up to the
    // whole window. Someone guessing at an account gets about as many tries an hour as with a
    // lockout (about 40), and its owner can still log in between the guesses.
    const auto wait_for = [&](const std::string& key, std::int64_t limit) -> Result<std::int64_t> {
      const auto failures = store.login_failures_since(key, since);
      if (!failures) return failures.error();
      if (failures.value() < limit) return std::int64_t{0};
      const std::int64_t over = failures.value() - limit;
      const std::int64_t window = options.throttle_window_seconds;
      const std::int64_t wait = over >= 30 ? window : std::min(window, std::int64_t{1} << over);
      const auto recent = store.login_failures_since(key, now_s - wait + 1);
      if (!recent) return recent.error();
      return recent.value() > 0 ? wait : 0;
    };
    // Throttled: answered at once, the same for every username, without checking the password.
    const auto throttled = [&]() -> std::optional<Response> {
      const auto account_wait = wait_for(account_key, options.max_failures_per_account);
      const auto source_wait = wait_for(source_key, options.max_failures_per_source);
      if (!account_wait || !source_wait) {
        return error_response(503, "logins cannot be checked now; try again");
      }
      const std::int64_t wait = std::max(account_wait.value(), source_wait.value());
      if (wait == 0) return std::nullopt;
      audit(request, nullptr, "session.login", "", 0, "throttled", 429);
      Response r = error_response(429, "too many failed logins; wait and try again");
      r.set_header("Retry-After", std::to_string(wait));
      return r;
    };
    if (auto refused = throttled()) return *refused;
    auto user = store.user_by_name(name);
    // Verify against a dummy hash when there is no such user, so the time taken does not tell.
    // At most kConcurrentHashes argon2id computations (19 MiB each) at once, so a burst of
    // logins cannot exhaust memory. The counts are checked again once a slot is ours and a
    // failure is recorded before the slot is given up, so a burst of guesses sent together
    // gets no more tries than guesses sent one by one (give or take the slots).
    bool password_ok = false;
    {
      const HashingSlot slot(hashing);
      if (auto refused = throttled()) return *refused;
      password_ok = auth::verify_password(user ? user->password_hash : dummy_hash, secret);
      if (!user || !password_ok || user->disabled) {
        (void)store.record_login_failure(account_key, now_s);
        (void)store.record_login_failure(source_key, now_s);
      }
    }
    if (!user || !password_ok || user->disabled) {
      audit(request, nullptr, "session.login", "", 0, "failed", 401);
      return error_response(401, "wrong username or password");
    }
    (void)store.clear_login_failures(account_key);
    (void)store.delete_expired_sessions(now_s);
    const std::string token = auth::random_token();
    store::Session session;
    session.token_hash = auth::token_digest(token);
    session.user_id = user->id;
    session.csrf_token = auth::random_token();
    session.created_at = now_s;
    session.expires_at = now_s + options.session_seconds;
    if (!store.create_session(session)) return error_response(500, "internal error");
    Caller caller{user.value(), session};
    audit(request, &caller, "session.login", "", 0, "ok", 200);
    json out = user_json(user.value());
    out["csrf_token"] = session.csrf_token;
    out["expires_at"] = iso_time(session.expires_at * 1000);
    Response r = json_response(200, out);
    r.set_header("Set-Cookie", std::string(kCookie) + "=" + token +
                                   "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                                   std::to_string(options.session_seconds) +
                                   (options.secure_cookies ? "; Secure" : ""));
    return r;
  }

  Response list_maps(const Request& request, const Caller& caller) {
    json maps = json::array();
    // An admin's team sees nothing through the admin: only maps they were added to.
    const std::string_view team =
        caller.user.role == Role::admin ? std::string_view() : std::string_view(caller.user.team);
    auto found = store.maps_visible_to(team, caller.user.id);
    if (!found) return error_response(500, "internal error");
    for (const auto& m : found.value()) {
      maps.push_back({{"id", m.id},
                      {"title", m.title},
                      {"team", m.team},
                      {"revision", m.head},
                      {"updated_at", iso_time(m.updated_at)},
                      {"updated_by", m.updated_by}});
      // The workspace's list shows subjects, status and dates: read from the head (cached).
      if (auto head = revision_of(m.id, m.head)) {
        maps.back().update(map_list_fields(head.value()->document));
      }
    }
    if (!audit(request, &caller, "map.list", "", 0, "ok", 200)) return audit_unavailable();
    return json_response(200, {{"maps", maps}});
  }

  //! Validates and stores a new map; nullopt with `failure` set when it cannot.
  std::optional<std::pair<std::string, json>> create(const Request& request, const Caller& caller,
                                                     const std::string& text, Response& failure) {
    if (caller.user.role == Role::admin) {
      audit(request, &caller, "map.create", "", 0, "refused", 403);
      failure = error_response(403, "admins manage accounts and do not hold case maps");
      return std::nullopt;
    }
    auto outcome = validate(text);
    if (outcome.has_errors()) {
      audit(request, &caller, "map.create", "", 0, "invalid", 422);
      failure = invalid_document(outcome);
      return std::nullopt;
    }
    store::MapRecord record;
    record.id = auth::random_id();
    record.team = caller.user.team;
    record.created_by = caller.user.id;
    record.created_at = now() / 1000;
    if (!store.create_map(record, make_revision(caller, outcome, text, "created"))) {
      failure = error_response(500, "internal error");
      return std::nullopt;
    }
    audit(request, &caller, "map.create", record.id, 1, "ok", 201);
    return std::pair{record.id, warnings_of(outcome)};
  }

  Response create_map(const Request& request, const Caller& caller) {
    if (!content_type_is(request, "application/json")) {
      return error_response(415, "send the map as application/json");
    }
    Response failure;
    auto created = create(request, caller, request.body, failure);
    if (!created) return failure;
    Response r = json_response(
        201, {{"id", created->first}, {"revision", 1}, {"warnings", created->second}});
    r.set_header("Location", "/api/maps/" + created->first);
    r.set_header("ETag", etag_of(1));
    return r;
  }

  Response read_map(const Request& request, const std::string& id, const Caller& caller) {
    Response refusal;
    auto map = visible_map(request, caller, id, "map.read", refusal);
    if (!map) return refusal;
    auto head = revision_of(id, map->head);
    if (!head) return error_response(500, "internal error");
    if (!audit(request, &caller, "map.read", id, map->head, "ok", 200)) return audit_unavailable();
    Response r;
    r.shared_body = std::shared_ptr<const std::string>(head.value(), &head.value()->document);
    r.set_header("ETag", etag_of(map->head));
    return r;
  }

  Response put_map(const Request& request, const std::string& id, const Caller& caller) {
    Response refusal;
    auto map = visible_map(request, caller, id, "map.write", refusal);
    if (!map) return refusal;
    if (auto failed = check_if_match(request, *map)) {
      audit(request, &caller, "map.write", id, map->head,
            failed->status == 428 ? "no-if-match" : "stale", failed->status);
      return *failed;
    }
    if (!content_type_is(request, "application/json")) {
      return refused(request, caller, "map.write", id, map->head,
                     error_response(415, "send the map as application/json"));
    }
    auto outcome = validate(request.body);
    if (outcome.has_errors()) {
      audit(request, &caller, "map.write", id, map->head, "invalid", 422);
      return invalid_document(outcome);
    }
    return save_revision(request, caller, *map, outcome, request.body, "map.write");
  }

  Response patch_map(const Request& request, const std::string& id, const Caller& caller) {
    Response refusal;
    auto map = visible_map(request, caller, id, "map.patch", refusal);
    if (!map) return refusal;
    if (auto failed = check_if_match(request, *map)) {
      audit(request, &caller, "map.patch", id, map->head,
            failed->status == 428 ? "no-if-match" : "stale", failed->status);
      return *failed;
    }
    if (!content_type_is(request, "application/json-patch+json")) {
      return refused(
          request, caller, "map.patch", id, map->head,
          error_response(415, "send a JSON Patch (RFC 6902) as application/json-patch+json"));
    }
    Response error;
    auto patch = parse_json_body(request, error);
    if (!patch) return refused(request, caller, "map.patch", id, map->head, error);
    if (!patch->is_array()) {
      return refused(request, caller, "map.patch", id, map->head,
                     field_error("", "a JSON Patch is an array of operations"));
    }
    if (patch->size() > kMaxPatchOperations) {
      return refused(request, caller, "map.patch", id, map->head,
                     field_error("", "a patch has at most " + std::to_string(kMaxPatchOperations) +
                                         " operations"));
    }
    const auto parse = parse_options();
    auto copy = working_copy(id, map->head, parse);
    if (!copy) return error_response(500, "internal error");
    WorkingCopy& work = *copy.value();
    json& tree = work.tree;
    // An edit that stays inside items (a person, a tie, the map...) is made in place on the
    // working copy, with each touched item saved first so a refused patch can be undone, and is
    // validated item by item. Any other edit (adding or removing an item, say) works on a copy.
    auto touched = items_touched(*patch, tree);
    const bool in_items = touched.has_value();
    std::optional<json> before_whole;
    if (!in_items) before_whole = tree;
    // Puts the working copy back as it was, for the next edit.
    const auto undo = [&] {
      if (before_whole) {
        tree = std::move(*before_whole);
      } else {
        for (auto& [item, value] : *touched) *item_value(tree, item) = std::move(value);
      }
      working_copies.put(id, map->head, std::move(copy.value()));
    };
    if (auto failure = apply_patch(*patch, tree)) {
      undo();
      return refused(request, caller, "map.patch", id, map->head, *failure);
    }
    // Validation: only the touched items when nothing else can be affected, else all of it.
    std::optional<std::vector<model::Problem>> problems;
    if (in_items) {
      std::vector<model::ItemBefore> edited;
      edited.reserve(touched->size());
      for (const auto& [item, value] : *touched) edited.push_back({item, value});
      problems = model::revalidate(work.problems, tree, edited, parse);
    }
    if (!problems) {
      auto outcome = model::validate_tree(tree, parse);
      if (outcome.has_errors()) {
        undo();
        audit(request, &caller, "map.patch", id, map->head, "invalid", 422);
        return invalid_document(outcome);
      }
      problems = std::move(outcome.problems);
    }
    // What changed, and the size of the result (a document may not outgrow the body limit).
    std::string summary;
    std::size_t text_bytes = work.text_bytes;
    std::string whole_text;
    if (before_whole) {
      summary = diff_summary(diff_documents(*before_whole, tree));
      whole_text = tree.dump(2);
      text_bytes = whole_text.size();
    } else {
      json old_items = json::object();
      json new_items = json::object();
      for (const auto& [item, value] : *touched) {
        const json& now_value = *item_value(tree, item);
        if (item.section == "map") {
          old_items["map"] = value;
          new_items["map"] = now_value;
        } else {
          old_items[item.section].push_back(value);
          new_items[item.section].push_back(now_value);
        }
        // Items sit 2 levels deep (a section's array), the map 1.
        const std::size_t depth = item.section == "map" ? 1 : 2;
        text_bytes = text_bytes + text_size_at(now_value, depth) -
                     std::min(text_bytes, text_size_at(value, depth));
      }
      summary = diff_summary(diff_documents(old_items, new_items));
    }
    if (text_bytes > options.max_body_bytes) {
      undo();
      return refused(
          request, caller, "map.patch", id, map->head,
          field_error("", "the map would be larger than " +
                              std::to_string(options.max_body_bytes >> 20u) + " MiB, the limit"));
    }
    // Stored as the patch itself, with the whole document every so often (and for a patch that
    // rebuilt much of it), so that reading an old revision replays a few patches at most.
    store::Revision next;
    next.info.author_id = caller.user.id;
    next.info.author = caller.user.username;
    next.info.created_at = now();
    next.info.summary = summary;
    next.title = tree["map"].value("title", std::string());
    const std::string patch_text = patch->dump();
    const bool store_whole = work.patches_since_document + 1 >= kPatchesBetweenDocuments ||
                             patch_text.size() > text_bytes / 4 ||
                             work.patch_bytes_since_document + patch_text.size() > text_bytes;
    if (store_whole) {
      next.document = whole_text.empty() ? tree.dump(2) : std::move(whole_text);
      next.body = store::RevisionBody::document;
    } else {
      next.document = patch_text;
      next.body = store::RevisionBody::patch;
    }
    std::int64_t saved = 0;
    Response response =
        store_revision(request, caller, *map, next, "map.patch", warnings_of(*problems), &saved);
    if (saved == 0) return response;  // not stored: the working copy is stale or unsure
    work.problems = std::move(*problems);
    work.patches_since_document = store_whole ? 0 : work.patches_since_document + 1;
    work.text_bytes = store_whole ? next.document.size() : text_bytes;
    work.patch_bytes_since_document =
        store_whole ? 0 : work.patch_bytes_since_document + patch_text.size();
    working_copies.put(id, saved, std::move(copy.value()));
    return response;
  }

  Response list_revisions(const Request& request, const std::string& id, const Caller& caller) {
    Response refusal;
    auto map = visible_map(request, caller, id, "map.revisions", refusal);
    if (!map) return refusal;
    auto list = store.revisions(id);
    if (!list) return error_response(500, "internal error");
    json out = json::array();
    for (const auto& info : list.value()) {
      out.push_back({{"revision", info.number},
                     {"author", info.author},
                     {"created_at", iso_time(info.created_at)},
                     {"summary", info.summary}});
    }
    if (!audit(request, &caller, "map.revisions", id, 0, "ok", 200)) return audit_unavailable();
    return json_response(200, {{"id", id}, {"revisions", out}});
  }

  Response read_revision(const Request& request, const std::string& id, const std::string& n,
                         const Caller& caller) {
    Response refusal;
    auto map = visible_map(request, caller, id, "map.revision.read", refusal);
    if (!map) return refusal;
    const auto number = parse_number(n);
    if (!number || *number < 1 || *number > map->head) {
      audit(request, &caller, "map.revision.read", id, 0, "not-found", 404);
      return not_found();
    }
    auto revision = revision_of(id, *number);
    if (!revision) return error_response(500, "internal error");
    if (!audit(request, &caller, "map.revision.read", id, *number, "ok", 200))
      return audit_unavailable();
    Response r;
    r.shared_body =
        std::shared_ptr<const std::string>(revision.value(), &revision.value()->document);
    r.set_header("X-Peermap-Revision", std::to_string(*number));
    return r;
  }

  Response diff(const Request& request, const std::string& id, const Caller& caller) {
    Response refusal;
    auto map = visible_map(request, caller, id, "map.diff", refusal);
    if (!map) return refusal;
    std::int64_t to = map->head;
    std::int64_t from = std::max<std::int64_t>(1, map->head - 1);
    for (const auto& [name, target] :
         {std::pair<const char*, std::int64_t*>{"from", &from}, {"to", &to}}) {
      if (const auto* value = request.param(name)) {
        const auto number = parse_number(*value);
        if (!number || *number < 1 || *number > map->head) {
          return refused(
              request, caller, "map.diff", id, 0,
              json_response(422, {{"status", 422},
                                  {"error", "the request has a problem"},
                                  {"problems",
                                   json::array({{{"parameter", name},
                                                 {"severity", "error"},
                                                 {"message", "a revision number from 1 to " +
                                                                 std::to_string(map->head)}}})}}));
        }
        *target = *number;
      }
    }
    auto a = revision_of(id, from);
    auto b = revision_of(id, to);
    if (!a || !b) return error_response(500, "internal error");
    json before;
    json after;
    try {
      before = json::parse(a.value()->document);
      after = json::parse(b.value()->document);
    } catch (const json::exception&) {
      return error_response(500, "internal error");
    }
    const auto d = diff_documents(before, after);
    json out = diff_to_json(d, before, after);
    out["id"] = id;
    out["from"] = from;
    out["to"] = to;
    out["summary"] = diff_summary(d);
    if (!audit(request, &caller, "map.diff", id, to, "ok", 200)) return audit_unavailable();
    return json_response(200, out);
  }

  Response render_map(const Request& request, const std::string& id, render::Format format,
                      const Caller& caller) {
    Response refusal;
    auto map = visible_map(request, caller, id, "map.render", refusal);
    if (!map) return refusal;
    const auto parameter_error = [&](const char* name, std::string message) {
      return refused(
          request, caller, "map.render", id, 0,
          json_response(422, {{"status", 422},
                              {"error", "the request has a problem"},
                              {"problems", json::array({{{"parameter", name},
                                                         {"severity", "error"},
                                                         {"message", std::move(message)}}})}}));
    };
    std::int64_t number = map->head;
    if (const auto* value = request.param("revision")) {
      const auto n = parse_number(*value);
      if (!n || *n < 1 || *n > map->head) {
        return parameter_error("revision",
                               "a revision number from 1 to " + std::to_string(map->head));
      }
      number = *n;
    }
    std::optional<model::Date> as_of;
    if (const auto* value = request.param("as_of")) {
      as_of = model::Date::parse(*value);
      if (!as_of) return parameter_error("as_of", "a date, YYYY-MM-DD");
    }
    bool redact = false;
    if (const auto* value = request.param("redact")) {
      if (*value == "true" || *value == "1") {
        redact = true;
      } else if (*value != "false" && *value != "0") {
        return parameter_error("redact", "true or false");
      }
    }
    std::string ecomap;
    if (const auto* value = request.param("ecomap")) ecomap = *value;
    // Same revision, same options, same bytes (the renderer is deterministic): draw once.
    const std::string key =
        id + "#" + std::to_string(number) + "#" + std::to_string(static_cast<int>(format)) + "#" +
        (as_of ? as_of->to_string() : std::string()) + "#" + (redact ? "r" : "") + "#" + ecomap;
    auto drawing = drawings.find(key);
    if (!drawing) {
      auto revision = revision_of(id, number);
      if (!revision) return error_response(500, "internal error");
      auto outcome = validate(revision.value()->document);
      if (outcome.has_errors()) return error_response(500, "internal error");
      model::Document document =
          as_of ? model::as_known_on(outcome.document, *as_of) : std::move(outcome.document);
      if (!ecomap.empty() && document.find_person(ecomap) == nullptr) {
        return parameter_error("ecomap", "no person with this id on the map");
      }
      layout::LayoutOptions layout_options;
      layout_options.ecomap_centre = ecomap;
      layout_options.redact = redact;
      auto geometry = layout::compute_layout(document, layout_options);
      if (!geometry) return error_response(500, "the map cannot be laid out");
      render::RenderOptions render_options;
      render_options.format = format;
      render_options.as_of = as_of;
      render_options.redact = redact;
      render_options.ecomap_centre = ecomap;
      auto bytes = render::render_map(document, geometry.value(), render_options);
      if (!bytes) return error_response(500, "the map cannot be drawn");
      drawing = std::make_shared<const std::string>(std::move(bytes.value()));
      drawings.put(key, drawing, drawing->size() + key.size());
    }
    if (!audit(request, &caller, "map.render", id, number, "ok", 200)) return audit_unavailable();
    Response r;
    r.shared_body = drawing;
    r.content_type = format == render::Format::Svg   ? "image/svg+xml"
                     : format == render::Format::Png ? "image/png"
                                                     : "application/pdf";
    const char* extension = format == render::Format::Svg   ? "svg"
                            : format == render::Format::Png ? "png"
                                                            : "pdf";
    r.set_header("Content-Disposition", "inline; filename=\"map-" + id + "-r" +
                                            std::to_string(number) + "." + extension + "\"");
    return r;
  }

  Response map_layout(const Request& request, const std::string& id, const Caller& caller) {
    Response refusal;
    auto map = visible_map(request, caller, id, "map.layout", refusal);
    if (!map) return refusal;
    auto head = revision_of(id, map->head);
    if (!head) return error_response(500, "internal error");
    auto outcome = validate(head.value()->document);
    if (outcome.has_errors()) return error_response(500, "internal error");
    auto body = layout_body(outcome.document);
    if (!body) return error_response(500, "the map cannot be laid out");
    if (!audit(request, &caller, "map.layout", id, map->head, "ok", 200)) return audit_unavailable();
    Response r = json_response(200, body.value());
    r.set_header("ETag", etag_of(map->head));
    return r;
  }

  Response list_members(const Request& request, const std::string& id, const Caller& caller) {
    Response refusal;
    auto map = visible_map(request, caller, id, "map.members.read", refusal);
    if (!map) return refusal;
    json members = json::array();
    for (const auto user_id : map->members) {
      if (auto user = store.user_by_id(user_id)) members.push_back(user_json(user.value()));
    }
    std::string owner;
    if (auto user = store.user_by_id(map->created_by)) owner = user->username;
    if (!audit(request, &caller, "map.members.read", id, 0, "ok", 200)) return audit_unavailable();
    return json_response(200,
                         {{"id", id}, {"team", map->team}, {"owner", owner}, {"members", members}});
  }

  Response add_member(const Request& request, const std::string& id, const Caller& caller) {
    Response refusal;
    auto map = visible_map(request, caller, id, "map.members.add", refusal);
    if (!map) return refusal;
    const bool may_add = caller.user.id == map->created_by ||
                         (caller.user.role == Role::manager && caller.user.team == map->team);
    if (!may_add) {
      audit(request, &caller, "map.members.add", id, 0, "refused", 403);
      return error_response(403, "only the map's owner or a manager of its team adds members");
    }
    if (request.body.size() > kMaxSmallBody) {
      return refused(request, caller, "map.members.add", id, 0,
                     error_response(413, "at most " + std::to_string(kMaxSmallBody) + " bytes"));
    }
    Response error;
    auto body = parse_json_body(request, error);
    if (!body) return refused(request, caller, "map.members.add", id, 0, error);
    if (!body->is_object()) {
      return refused(request, caller, "map.members.add", id, 0,
                     field_error("", "expected an object with a username"));
    }
    const auto username = body->find("username");
    if (username == body->end() || !username->is_string()) {
      return field_error("/username", "a string is required");
    }
    auto user = store.user_by_name(username->get<std::string>());
    if (!user || user->disabled) {
      return refused(request, caller, "map.members.add", id, 0,
                     field_error("/username", "no such active user"));
    }
    if (!store.add_member(id, user->id)) return error_response(500, "internal error");
    audit(request, &caller, "map.members.add", id, 0, "ok", 200);
    return json_response(200, {{"id", id}, {"added", user_json(user.value())}});
  }

  Response read_audit(const Request& request, const std::string& id, const Caller& caller) {
    Response refusal;
    auto map = visible_map(request, caller, id, "map.audit.read", refusal);
    if (!map) return refusal;
    if (!audit(request, &caller, "map.audit.read", id, 0, "ok", 200)) return audit_unavailable();
    auto rows = store.audit_of_map(id);
    if (!rows) return error_response(500, "internal error");
    json out = json::array();
    for (const auto& row : rows.value()) {
      out.push_back({{"at", iso_time(row.at)},
                     {"username", row.username},
                     {"action", row.action},
                     {"revision", row.revision},
                     {"outcome", row.outcome},
                     {"status", row.status},
                     {"source", row.source}});
    }
    return json_response(200, {{"id", id}, {"entries", out}});
  }
};

// ---------------------------------------------------------------------------------------------

Api::Api(store::Store& store, ApiOptions options)
    : impl_(std::make_unique<Impl>(store, std::move(options))) {}
Api::~Api() = default;

const Router& Api::router() const { return impl_->router; }

Result<std::string> Api::create_map_as(const store::User& user, std::string_view document,
                                       const std::string& source) {
  Request request;
  request.method = "POST";
  request.path = "/api/maps";
  request.remote = source;
  const Caller caller{user, {}};
  Response failure;
  auto created = impl_->create(request, caller, std::string(document), failure);
  if (created) return created->first;
  try {
    const auto body = json::parse(failure.body);
    std::string message = body.value("error", "refused");
    if (body.contains("problems") && !body["problems"].empty()) {
      const auto& first = body["problems"][0];
      message =
          first.value("pointer", first.value("where", "")) + ": " + first.value("message", "");
    }
    return Error{ErrorKind::Invalid, message};
  } catch (const json::exception&) {
    return Error{ErrorKind::Invalid, "refused"};
  }
}
const ApiOptions& Api::options() const { return impl_->options; }

Response Api::handle(const Request& request) {
  // The workspace's page and assets, with the pages' own headers (server/web_assets.hpp).
  if (auto page = web_response(request, impl_->options.council_name)) return std::move(*page);
  Response response;
  try {
    if (request.body.size() > impl_->options.max_body_bytes) {
      response = error_response(413, "the request body is larger than " +
                                         std::to_string(impl_->options.max_body_bytes) + " bytes");
    } else {
      const auto match = impl_->router.match(request.method, request.path);
      if (match.route != nullptr) {
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
    response = error_response(500, "internal error");
  }
  // Case data must not linger in caches or be sniffed into something else.
  response.set_header("Cache-Control", "no-store");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("X-Frame-Options", "DENY");
  response.set_header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  return response;
}

}  // namespace peermap::server
