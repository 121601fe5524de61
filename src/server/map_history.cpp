#include "server/map_history.hpp"

#include <chrono>
#include <ctime>

#include "auth/auth.hpp"
#include "model/json_io.hpp"
#include "model/json_pointer.hpp"
#include "model/revalidate.hpp"
#include "server/diff.hpp"
#include "server/responses.hpp"

namespace peermap::server {
namespace {

using json = nlohmann::json;

model::Date date_of(std::int64_t ms) {
  const auto seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return model::Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace

std::int64_t system_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

ApiOptions with_clock(ApiOptions options) {
  if (!options.now_ms) options.now_ms = system_now_ms;
  return options;
}

Result<json> rebuild(const std::vector<store::Revision>& chain) {
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

MapHistory::MapHistory(store::Store& store, ApiOptions options)
    : store_(store),
      options_(with_clock(std::move(options))),
      audit_(store, options_.now_ms),
      working_copies_(options_.working_copy_bytes) {}

Result<std::shared_ptr<const store::Revision>> MapHistory::revision(const std::string& id,
                                                                    std::int64_t number) {
  const std::string key = id + "#" + std::to_string(number);
  if (auto hit = revisions_.find(key)) return hit;
  auto read = store_.revision(id, number);
  if (!read) return read.error();
  if (read->body == store::RevisionBody::patch) {
    auto chain = store_.revision_chain(id, number);
    if (!chain) return chain.error();
    auto tree = rebuild(chain.value());
    if (!tree) return tree.error();
    read->document = tree->dump(2);
    read->body = store::RevisionBody::document;
  }
  auto shared = std::make_shared<const store::Revision>(std::move(read.value()));
  revisions_.put(key, shared, shared->document.size() + 256);
  return shared;
}

model::ParseOptions MapHistory::parse_options() const {
  model::ParseOptions parse;
  parse.today = date_of(options_.now_ms());
  parse.max_bytes = options_.max_body_bytes;
  return parse;
}

model::ParseOutcome MapHistory::validate(std::string_view text) const {
  return model::parse_document(text, parse_options());
}

MapCreation MapHistory::create_map(const store::User& author, std::string_view text,
                                   const std::string& source) {
  MapCreation out;
  if (author.role == store::AccountRole::admin) {
    audit_.record_refusal(source, &author, "map.create", "", 0, "refused", 403);
    out.id = Error{ErrorKind::Forbidden, "admins manage accounts and do not hold case maps"};
    return out;
  }
  auto outcome = validate(text);
  const bool invalid = outcome.has_errors();
  out.problems = std::move(outcome.problems);
  if (invalid) {
    const int status = invalid_document_status(out.problems);
    audit_.record_refusal(source, &author, "map.create", "", 0,
                          status == 400 ? "malformed" : "invalid", status);
    out.id = Error{ErrorKind::Invalid, "the document is not a valid peermap/1 map"};
    return out;
  }
  store::MapRecord record;
  record.id = auth::random_id();
  record.team = author.team;
  record.created_by = author.id;
  record.created_at = options_.now_ms() / 1000;
  auto created = store_.create_map(
      record, make_revision(author, outcome.document.map.title, std::string(text), "created"));
  if (!created) {
    // The document was valid: whatever the store says, the failure is the server's.
    out.id = Error{ErrorKind::Internal, "the map cannot be stored: " + created.error().message};
    return out;
  }
  // The store has no create-with-audit transaction: a map whose row cannot be written is kept
  // (revisions are never removed) but its id is not disclosed, as for any unaudited access.
  if (!audit_.record(source, &author, "map.create", record.id, 1, "ok", 201)) {
    out.audit_failed = true;
    out.id = Error{ErrorKind::Io, "the audit trail cannot be written now; nothing was disclosed"};
    return out;
  }
  out.id = std::move(record.id);
  return out;
}

store::Revision MapHistory::make_revision(const store::User& author, std::string title,
                                          std::string text, std::string summary) const {
  store::Revision revision;
  revision.info.author_id = author.id;
  revision.info.author = author.username;
  revision.info.created_at = options_.now_ms();
  revision.info.summary = std::move(summary);
  revision.title = std::move(title);
  revision.document = std::move(text);
  return revision;
}

Result<DocumentDiff> MapHistory::diff_after(const std::string& id, std::int64_t head,
                                            const std::string& text) {
  try {
    auto previous = revision(id, head);
    if (!previous) return previous.error();
    return diff_documents(json::parse(previous.value()->document), json::parse(text));
  } catch (const json::exception&) {
    return DocumentDiff{};
  }
}

Result<store::RevisionInfo> MapHistory::store_revision(const std::string& source,
                                                       const store::User& author,
                                                       const store::MapRecord& map,
                                                       const store::Revision& next,
                                                       const std::string& action) {
  const auto entry = audit_.entry(source, &author, action, map.id, 0, "ok", 200);
  return store_.append_revision_audited(map.id, map.head, next, entry);
}

Result<std::unique_ptr<WorkingCopy>> MapHistory::take_working_copy(
    const std::string& id, std::int64_t head, const model::ParseOptions& parse) {
  auto copy = working_copies_.take(id, head);
  if (copy && copy->validated_on == parse.today) return copy;
  if (!copy) {
    auto chain = store_.revision_chain(id, head);
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

void MapHistory::put_working_copy(const std::string& id, std::int64_t revision,
                                  std::unique_ptr<WorkingCopy> copy) {
  working_copies_.put(id, revision, std::move(copy));
}

store::Revision MapHistory::patch_revision(const store::User& author, const WorkingCopy& work,
                                           json& tree, std::string summary,
                                           const std::string& patch_text, std::string whole_text,
                                           std::size_t text_bytes) const {
  store::Revision next;
  next.info.author_id = author.id;
  next.info.author = author.username;
  next.info.created_at = options_.now_ms();
  next.info.summary = std::move(summary);
  next.title = tree["map"].value("title", std::string());
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
  return next;
}

void MapHistory::remember_saved(const std::string& id, std::int64_t number,
                                const store::Revision& next, const nlohmann::json& tree) {
  store::Revision kept;
  kept.info = next.info;
  kept.info.map_id = id;
  kept.info.number = number;
  kept.title = next.title;
  kept.document = next.body == store::RevisionBody::document ? next.document : tree.dump(2);
  kept.body = store::RevisionBody::document;
  auto shared = std::make_shared<const store::Revision>(std::move(kept));
  revisions_.put(id + "#" + std::to_string(number), shared, shared->document.size() + 256);
}

void MapHistory::note_saved(WorkingCopy& work, const store::Revision& next, std::size_t text_bytes,
                            std::size_t patch_bytes, std::vector<model::Problem> problems) {
  const bool whole = next.body == store::RevisionBody::document;
  work.problems = std::move(problems);
  work.patches_since_document = whole ? 0 : work.patches_since_document + 1;
  work.text_bytes = whole ? next.document.size() : text_bytes;
  work.patch_bytes_since_document = whole ? 0 : work.patch_bytes_since_document + patch_bytes;
}

}  // namespace peermap::server
