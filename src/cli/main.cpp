// peermap: the command line. Thin: parse arguments, call a command.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"

namespace peermap::cli {
namespace {

int run(int argc, char** argv) {
  CLI::App app{"peermap: peer mapping for children's safeguarding"};
  app.require_subcommand(1);
  std::string file;
  std::string output;
  ViewOptions view;
  bool as_json = false;

  CLI::App* validate_cmd =
      app.add_subcommand("validate", "check a peer map document; one line a problem");
  validate_cmd->add_option("FILE", file, "peermap/1 JSON document")->required();

  const auto add_view = [&](CLI::App* cmd) {
    cmd->add_option("FILE", file, "peermap/1 JSON document")->required();
    cmd->add_option("--ecomap", view.ecomap, "draw the ecomap centred on this person id");
    cmd->add_option("--as-of", view.as_of, "only what was known on this date (YYYY-MM-DD)");
    cmd->add_flag("--redact", view.redact, "children other than the subjects by initials only");
    cmd->add_option("--seed", view.seed, "layout seed (same seed, same layout)");
    cmd->add_option("--copy", view.copy,
                    "who the copy is for: internal (default), partner, family or "
                    "record-of-another-child; leaves out what they may not receive");
    cmd->add_option("--reason", view.reason,
                    "why a copy goes on another child's record (required for that copy)");
  };
  CLI::App* layout_cmd = app.add_subcommand("layout", "print the automatic layout's geometry");
  add_view(layout_cmd);
  layout_cmd->add_flag("--json", as_json, "JSON output (the only format)");

  CLI::App* render_cmd =
      app.add_subcommand("render", "draw the map with its key (.svg, .png, .pdf)");
  add_view(render_cmd);
  render_cmd->add_option("-o,--output", output, "output file: .svg, .png or .pdf")->required();
  std::string labels = "outlines";
  render_cmd
      ->add_option("--labels", labels,
                   "an SVG's words: outlines (the same in every viewer) or text (as the "
                   "workspace shows them, in the viewer's font at the layout's widths)")
      ->check(CLI::IsMember({"outlines", "text"}));

  ExportOptions export_options;
  CLI::App* export_cmd = app.add_subcommand(
      "export",
      "the case record: the map, then every section in words and tables (.pdf), or the map as "
      "shapes and the tables as an editable PowerPoint (.pptx)");
  export_cmd->add_option("FILE", file, "peermap/1 JSON document")->required();
  export_cmd->add_option("-o,--output", output, "output file: .pdf or .pptx")->required();
  export_cmd
      ->add_option("--revision", export_options.revision,
                   "the map's revision number the record is of (printed on every page)")
      ->check(CLI::PositiveNumber);
  export_cmd->add_option("--revision-date", export_options.revision_date,
                         "the date of that revision (YYYY-MM-DD)");
  export_cmd->add_option("--prepared-by", export_options.prepared_by,
                         "the full name of who prepared the record");
  export_cmd->add_option("--seed", export_options.seed, "the map's layout seed");
  export_cmd->add_option("--copy", export_options.copy,
                         "who the copy is for: internal (default), partner, family or "
                         "record-of-another-child (docs/copies.md)");
  export_cmd->add_option("--reason", export_options.reason,
                         "why a copy goes on another child's record (printed on it; required "
                         "for that copy)");

  CLI::App* analyze_cmd =
      app.add_subcommand("analyze", "influence, brokers, communities and findings");
  analyze_cmd
      ->add_option("FILE", file,
                   "peermap/1 JSON document, GraphML, GEXF, or CSV (edge list, or X.csv ties with "
                   "X.people.csv)")
      ->required();
  analyze_cmd->add_flag("--json", as_json, "JSON output");

  CLI::App* convert_cmd = app.add_subcommand("convert", "convert a network between formats");
  convert_cmd->add_option("IN", file, "input: .json (peermap/1), .graphml, .gexf or .csv")
      ->required();
  convert_cmd
      ->add_option("OUT", output, "output: .graphml, .gexf or .csv (also writes X.people.csv)")
      ->required();

  // The database: --db, else $PEERMAP_DB, else the embedded default under ./var/.
  // NOLINTNEXTLINE(concurrency-mt-unsafe): read before any thread starts
  const char* env_db = std::getenv("PEERMAP_DB");
  const std::string default_db = env_db != nullptr ? env_db : "sqlite:var/peermap.db";
  const std::string db_help =
      "sqlite:PATH or postgresql://USER@HOST/DB (default $PEERMAP_DB, else sqlite:var/peermap.db); "
      "a database password goes in PGPASSFILE or PGPASSWORD, never here";
  ServeOptions serve_options;
  serve_options.db = default_db;
  CLI::App* serve_cmd = app.add_subcommand("serve", "run the HTTP API (docs/api.md)");
  serve_cmd->add_option("--db", serve_options.db, db_help);
  serve_cmd->add_option("--listen", serve_options.listen, "HOST:PORT (default 127.0.0.1:8080)");
  serve_cmd->add_option("--tls-cert", serve_options.tls_certificate,
                        "PEM certificate: serve HTTPS");
  serve_cmd->add_option("--tls-key", serve_options.tls_private_key,
                        "PEM private key for --tls-cert");
  serve_cmd->add_flag("--quiet", serve_options.quiet, "no access log");
  serve_cmd->add_option("--council-name", serve_options.council_name,
                        "the council's name in the workspace's header (default \"Council\")");
  serve_cmd->add_flag("--behind-tls-proxy", serve_options.behind_tls_proxy,
                      "behind a reverse proxy that terminates TLS: Secure cookies, and the client "
                      "address from the last X-Forwarded-For entry");
  serve_cmd
      ->add_option("--working-copies-mib", serve_options.working_copies_mib,
                   "memory for the parsed newest revisions of edited maps, which make a PATCH "
                   "fast (default 256; about 1 MiB per map of 200 people; 0 turns them off)")
      ->check(CLI::Range(0, 1 << 20));
  serve_cmd
      ->add_option("--render-slots", serve_options.render_slots,
                   "maps drawn or laid out at once (default 0: one per core)")
      ->check(CLI::Range(0, 1024));
  serve_cmd
      ->add_option("--render-queue", serve_options.render_queue,
                   "drawings that may wait for a slot; more are answered 503 (default 8)")
      ->check(CLI::Range(0, 100'000));
  serve_cmd
      ->add_option(
          "--render-wait", serve_options.render_wait_seconds,
          "seconds a drawing waits for a slot before 503; also the Retry-After (default 5)")
      ->check(CLI::Range(0, 3600));
  serve_cmd
      ->add_option(
          "--render-budget", serve_options.render_budget_seconds,
          "seconds a drawing may take once in its slot, then 503 (default 20; 0: no limit)")
      ->check(CLI::Range(0, 3600));
  serve_cmd
      ->add_option("--render-max-items", serve_options.render_max_items,
                   "the largest map drawn, in people, places, groups and ties; a larger one is "
                   "answered 422 (default 20000)")
      ->check(CLI::Range(1, 100'000'000));

  UserOptions user_options;
  user_options.db = default_db;
  CLI::App* user_cmd =
      app.add_subcommand("user", "manage accounts (passwords are read from stdin)");
  user_cmd->require_subcommand(1);
  const auto add_db = [&](CLI::App* cmd) { cmd->add_option("--db", user_options.db, db_help); };
  CLI::App* user_add_cmd =
      user_cmd->add_subcommand("add", "add an account; its password is one line on stdin");
  add_db(user_add_cmd);
  user_add_cmd->add_option("--username", user_options.username, "login name")->required();
  user_add_cmd->add_option("--team", user_options.team, "team (maps belong to teams)")->required();
  user_add_cmd->add_option("--role", user_options.role, "practitioner, manager or admin")
      ->required();
  user_add_cmd->add_option("--display-name", user_options.display_name,
                           "the person's full name, shown in the workspace (optional)");
  CLI::App* user_list_cmd = user_cmd->add_subcommand("list", "list accounts");
  add_db(user_list_cmd);
  CLI::App* user_disable_cmd =
      user_cmd->add_subcommand("disable", "disable an account and end its sessions");
  add_db(user_disable_cmd);
  user_disable_cmd->add_option("--username", user_options.username, "login name")->required();
  CLI::App* user_name_cmd =
      user_cmd->add_subcommand("set-name", "set an account's display name (a full name)");
  add_db(user_name_cmd);
  user_name_cmd->add_option("--username", user_options.username, "login name")->required();
  user_name_cmd->add_option("--display-name", user_options.display_name, "the person's full name")
      ->required();
  CLI::App* user_reset_cmd =
      user_cmd->add_subcommand("reset-password", "set a new password (one line on stdin)");
  add_db(user_reset_cmd);
  user_reset_cmd->add_option("--username", user_options.username, "login name")->required();

  std::string import_db = default_db;
  std::string import_as;
  std::vector<std::string> import_files;
  CLI::App* map_cmd = app.add_subcommand("map", "maps in the server's database");
  map_cmd->require_subcommand(1);
  CLI::App* import_cmd =
      map_cmd->add_subcommand("import", "store documents as new maps of a user's team");
  import_cmd->add_option("--db", import_db, db_help);
  import_cmd->add_option("--as", import_as, "username the maps are created by")->required();
  import_cmd->add_option("FILES", import_files, "peermap/1 JSON documents")->required();

  std::string backup_db = default_db;
  std::string backup_file;
  std::string manifest_file;
  bool force = false;
  CLI::App* backup_cmd = app.add_subcommand(
      "backup", "copy the SQLite database while servers run, with a manifest of content hashes");
  backup_cmd->add_option("--db", backup_db, db_help);
  backup_cmd->add_option("OUT", backup_file, "the new backup file (mode 0600; OUT.manifest.json)")
      ->required();
  CLI::App* restore_cmd =
      app.add_subcommand("restore", "put a backup back as the SQLite database (servers stopped)");
  restore_cmd->add_option("BACKUP", backup_file, "a file written by peermap backup")->required();
  restore_cmd->add_option("--db", backup_db, db_help);
  restore_cmd->add_flag("--force", force, "replace a database that exists");
  CLI::App* verify_cmd = app.add_subcommand(
      "verify", "check integrity, that every revision replays to a valid document, the manifest");
  verify_cmd->add_option("--db", backup_db, db_help);
  verify_cmd->add_option("--manifest", manifest_file, "a manifest written by peermap backup");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (*validate_cmd) return validate(file, std::cout, std::cerr);
  if (*layout_cmd) return layout(file, view, std::cout, std::cerr);
  if (*render_cmd) return render(file, output, view, labels == "text", std::cerr);
  if (*export_cmd) return export_record(file, output, export_options, std::cerr);
  if (*analyze_cmd) return analyze(file, as_json, std::cout, std::cerr);
  if (*convert_cmd) return convert(file, output, std::cerr);
  if (*serve_cmd) return serve(serve_options, std::cerr);
  if (*user_add_cmd) return user_add(user_options, std::cin, std::cout, std::cerr);
  if (*user_list_cmd) return user_list(user_options, std::cout, std::cerr);
  if (*user_disable_cmd) return user_disable(user_options, std::cout, std::cerr);
  if (*user_name_cmd) return user_set_name(user_options, std::cout, std::cerr);
  if (*user_reset_cmd) return user_reset_password(user_options, std::cin, std::cout, std::cerr);
  if (*import_cmd) return map_import(import_db, import_as, import_files, std::cout, std::cerr);
  if (*backup_cmd) return backup(backup_db, backup_file, std::cout, std::cerr);
  if (*restore_cmd) return restore(backup_file, backup_db, force, std::cout, std::cerr);
  if (*verify_cmd) return verify(backup_db, manifest_file, std::cout, std::cerr);
  return kExitUsage;
}

}  // namespace
}  // namespace peermap::cli

int main(int argc, char** argv) {
  // A command reports its own errors as Results; what reaches here is a defect or std::bad_alloc.
  try {
    return peermap::cli::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "peermap: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "peermap: internal error\n";
  }
  return peermap::cli::kExitInternal;
}
