// The CLI's commands, each a function from parsed options to an exit code. Output goes to the
// given streams so tests can run them in-process.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"

namespace peermap::cli {

//! Exit codes: 0 success, 1 the input has problems (nothing written), 2 usage or I/O error,
//! 70 an internal error (a defect; EX_SOFTWARE).
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInternal = 70;

//! The view options as typed on the command line; commands.cpp makes a model::View of them.
struct ViewOptions {
  std::string ecomap;  //!< person id, or empty
  std::string as_of;   //!< YYYY-MM-DD, or empty
  bool redact = false;
  unsigned seed = 1;
  std::string copy = "internal";  //!< who the copy is for (docs/copies.md)
  std::string reason;             //!< why, for a copy for another child's record
};

int validate(const std::string& path, std::ostream& out, std::ostream& err);
int layout(const std::string& path, const ViewOptions& view, std::ostream& out, std::ostream& err);
//! `svg_text`: an SVG's words as <text> in the layout's font (as the workspace shows it), not
//! as glyph outlines.
int render(const std::string& path, const std::string& output, const ViewOptions& view,
           bool svg_text, std::ostream& err);
//! The case record's options as typed (docs/record.md).
struct ExportOptions {
  long long revision = 0;         //!< the map's revision number; 0: none (a file)
  std::string revision_date;      //!< YYYY-MM-DD, or empty
  std::string prepared_by;        //!< a full name, or empty
  unsigned seed = 1;              //!< the map page's layout seed
  std::string copy = "internal";  //!< who the copy is for (docs/copies.md)
  std::string reason;             //!< why, for a copy for another child's record
};
//! Writes the case record (a multi-page A4 PDF) of the document at `path` to `output` (.pdf).
int export_record(const std::string& path, const std::string& output, const ExportOptions& options,
                  std::ostream& err);
//! Centrality, communities and findings of a peer map document (.json), GraphML, GEXF, or CSV
//! (an edge list, or ties with their people in X.people.csv beside X.csv).
int analyze(const std::string& path, bool as_json, std::ostream& out, std::ostream& err);
//! Converts a network between formats (docs/network-formats.md): IN is .json, .graphml, .gexf
//! or .csv; OUT is .graphml, .gexf or .csv (X.csv and X.people.csv). Nothing written on error.
int convert(const std::string& input, const std::string& output, std::ostream& err);

//! Reads a whole file, refusing one larger than `limit` (a peer map document's 32 MiB) unread.
Result<std::string> read_file(const std::string& path, std::size_t limit = 32u << 20u);

// The server's commands (server_commands.cpp).
struct ServeOptions {
  std::string db;
  std::string listen = "127.0.0.1:8080";
  std::string tls_certificate;
  std::string tls_private_key;
  bool quiet = false;                    //!< no access log
  bool behind_tls_proxy = false;         //!< trust X-Forwarded-For; Secure cookies
  std::size_t working_copies_mib = 256;  //!< memory for parsed heads of edited maps
  std::string council_name = "Council";  //!< shown in the workspace's header
  // The bound on drawing (server::RenderLimits).
  std::size_t render_slots = 0;             //!< renders at once; 0: one per core
  std::size_t render_queue = 8;             //!< renders waiting for a slot
  std::int64_t render_wait_seconds = 5;     //!< the longest wait for a slot
  std::int64_t render_budget_seconds = 20;  //!< a render's time; 0: no budget
  std::size_t render_max_items = 20'000;    //!< people, places, groups and ties
};
struct UserOptions {
  std::string db;
  std::string username;
  std::string team;
  std::string role = "practitioner";
  std::string display_name;  //!< the person's full name, shown in the workspace
};
//! Serves the API until SIGINT or SIGTERM.
int serve(const ServeOptions& options, std::ostream& err);
//! The password is one line on `in`.
int user_add(const UserOptions& options, std::istream& in, std::ostream& out, std::ostream& err);
int user_list(const UserOptions& options, std::ostream& out, std::ostream& err);
int user_disable(const UserOptions& options, std::ostream& out, std::ostream& err);
//! Sets the account's display name (a full name, by the full-name rule).
int user_set_name(const UserOptions& options, std::ostream& out, std::ostream& err);
int user_reset_password(const UserOptions& options, std::istream& in, std::ostream& out,
                        std::ostream& err);
//! Stores each file as a new map owned by `as_user`'s team (validated and audited as by POST).
int map_import(const std::string& db, const std::string& as_user,
               const std::vector<std::string>& files, std::ostream& out, std::ostream& err);

// The backup commands (backup_commands.cpp; docs/store.md, "Backups").
//! The manifest written beside a backup file: FILE.manifest.json.
std::string manifest_path_of(const std::string& backup_file);
//! Copies the SQLite database `db` to the new file `output` (mode 0600) while servers run, and
//! writes its manifest beside it. PostgreSQL: refused, naming pg_dump.
int backup(const std::string& db, const std::string& output, std::ostream& out, std::ostream& err);
//! Puts `backup_file` back as the SQLite database `db`: refused when a process holds it open,
//! or when it exists and `force` is false.
int restore(const std::string& backup_file, const std::string& db, bool force, std::ostream& out,
            std::ostream& err);
//! Integrity (SQLite), every revision replayed and validated, and the manifest when given;
//! exit 1 naming each failure.
int verify(const std::string& db, const std::string& manifest_file, std::ostream& out,
           std::ostream& err);

}  // namespace peermap::cli
