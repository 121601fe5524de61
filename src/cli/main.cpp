// peermap: the command line. Thin: parse arguments, call a command.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  using namespace peermap::cli;
  CLI::App app{"peermap: peer mapping for children's safeguarding"};
  app.require_subcommand(1);
  std::string file;
  std::string output;
  ViewOptions view;
  bool as_json = false;

  CLI::App* validate_cmd = app.add_subcommand("validate", "check a peer map document; one line a problem");
  validate_cmd->add_option("FILE", file, "peermap/1 JSON document")->required();

  const auto add_view = [&](CLI::App* cmd) {
    cmd->add_option("FILE", file, "peermap/1 JSON document")->required();
    cmd->add_option("--ecomap", view.ecomap, "draw the ecomap centred on this person id");
    cmd->add_option("--as-of", view.as_of, "only what was known on this date (YYYY-MM-DD)");
    cmd->add_flag("--redact", view.redact, "children other than the subjects by initials only");
    cmd->add_option("--seed", view.seed, "layout seed (same seed, same layout)");
  };
  CLI::App* layout_cmd = app.add_subcommand("layout", "print the automatic layout's geometry");
  add_view(layout_cmd);
  layout_cmd->add_flag("--json", as_json, "JSON output (the only format)");

  CLI::App* render_cmd = app.add_subcommand("render", "draw the map with its key (.svg, .png, .pdf)");
  add_view(render_cmd);
  render_cmd->add_option("-o,--output", output, "output file: .svg, .png or .pdf")->required();

  CLI::App* analyze_cmd = app.add_subcommand("analyze", "influence, brokers, communities and findings");
  analyze_cmd->add_option("FILE", file, "peermap/1 JSON document, GraphML, GEXF, or CSV (edge list, or X.csv ties with X.people.csv)")->required();
  analyze_cmd->add_flag("--json", as_json, "JSON output");

  CLI::App* convert_cmd = app.add_subcommand("convert", "convert a network between formats");
  convert_cmd->add_option("IN", file, "input: .json (peermap/1), .graphml, .gexf or .csv")->required();
  convert_cmd->add_option("OUT", output, "output: .graphml, .gexf or .csv (also writes X.people.csv)")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (*validate_cmd) return validate(file, std::cout, std::cerr);
  if (*layout_cmd) return layout(file, view, std::cout, std::cerr);
  if (*render_cmd) return render(file, output, view, std::cerr);
  if (*analyze_cmd) return analyze(file, as_json, std::cout, std::cerr);
  if (*convert_cmd) return convert(file, output, std::cerr);
  return kExitUsage;
}
