#include "cli/commands.hpp"

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <nlohmann/json.hpp>

#include "analysis/evidence.hpp"
#include "analysis/findings.hpp"
#include "analysis/formats.hpp"
#include "analysis/measures.hpp"
#include "analysis/network.hpp"
#include "analysis/report.hpp"
#include "base/text_safety.hpp"
#include "layout/layout.hpp"
#include "model/copies.hpp"
#include "model/json_io.hpp"
#include "model/view.hpp"
#include "record/pptx.hpp"
#include "record/record.hpp"
#include "render/render.hpp"

namespace peermap::cli {

namespace {

// A network file (GraphML, GEXF, CSV) of an area-wide network, e.g. 100k people and 500k ties.
constexpr std::size_t kMaxNetworkFileBytes = 256u << 20u;

}  // namespace

//! Reads a whole file, refusing one larger than the document limit before reading it.
Result<std::string> read_file(const std::string& path, std::size_t limit) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Error{ErrorKind::Io, "cannot read: " + ec.message()};
  if (size > limit) {
    return Error{ErrorKind::Invalid, "file is " + std::to_string(size) + " bytes; the limit is " +
                                         std::to_string(limit)};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorKind::Io, "cannot open"};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

namespace {

void print_problems(const std::string& path, const model::ParseOutcome& outcome,
                    std::ostream& out) {
  for (const auto& p : outcome.problems) {
    out << path << ": " << text::escape_controls_for_terminal(p.where) << ": "
        << (p.severity == model::Severity::Error ? "error: " : "warning: ")
        << text::escape_controls_for_terminal(p.message) << "\n";
  }
}

//! Loads and validates; on any error prints the problems and returns nullopt.
std::optional<model::Document> load(const std::string& path, std::ostream& err, int& exit_code) {
  auto text = read_file(path);
  if (!text) {
    err << path << ": /: error: " << text.error().message << "\n";
    exit_code = text.error().kind == ErrorKind::Io ? kExitUsage : kExitInvalid;
    return std::nullopt;
  }
  model::ParseOptions options;
  options.today = model::today_utc();
  auto outcome = model::parse_document(text.value(), options);
  if (outcome.has_errors()) {
    print_problems(path, outcome, err);
    exit_code = kExitInvalid;
    return std::nullopt;
  }
  return std::move(outcome.document);
}

//! The audience `--copy NAME` and `--reason` ask for; nullopt, with the problem printed naming
//! the option, for a name that is no copy's or another child's record without a reason.
std::optional<model::Audience> copy_of(const std::string& name, const std::string& reason,
                                       std::ostream& err) {
  const auto audience = model::audience_named(name);
  if (!audience) {
    err << "--copy: error: \"" << text::escape_controls_for_terminal(name)
        << "\" is not a copy: internal, partner, family or record-of-another-child\n";
    return std::nullopt;
  }
  if (const auto fault = model::copy_fault(*audience, reason)) {
    err << "--reason: error: " << *fault << "\n";
    return std::nullopt;
  }
  return audience;
}

//! The View the options ask for; nullopt, with the problem printed, when --as-of is no date or
//! the copy cannot be made.
std::optional<model::View> view_of(const ViewOptions& options, std::ostream& err) {
  model::View view;
  const auto audience = copy_of(options.copy, options.reason, err);
  if (!audience) return std::nullopt;
  view.audience = *audience;
  view.reason = options.reason;
  if (!options.as_of.empty()) {
    view.as_of = model::Date::parse(options.as_of);
    if (!view.as_of) {
      err << "--as-of: error: \"" << options.as_of << "\" is not a date (YYYY-MM-DD)\n";
      return std::nullopt;
    }
  }
  view.ecomap_centre = options.ecomap;
  view.redact = options.redact;
  view.seed = options.seed;
  return view;
}

//! The file at `path` as the options ask, laid out: what `layout` prints and `render` draws.
//! On error prints it, sets the exit code and returns nullopt; layout warnings are printed.
std::optional<render::Page> page_of(const std::string& path, const ViewOptions& options,
                                    std::ostream& err, int& exit_code) {
  auto document = load(path, err, exit_code);
  if (!document) return std::nullopt;
  const auto view = view_of(options, err);
  if (!view) {
    exit_code = kExitUsage;
    return std::nullopt;
  }
  auto page = render::prepare_page(std::move(*document), *view);
  if (!page) {
    if (page.error().kind == ErrorKind::NotFound) {  // the ecomap centre is not on the map
      err << "--ecomap: error: " << page.error().message << "\n";
      exit_code = kExitUsage;
    } else {
      err << path << ": error: " << page.error().message << "\n";
      exit_code = kExitInvalid;
    }
    return std::nullopt;
  }
  for (const auto& warning : page->geometry.warnings) {
    err << path << ": warning: " << warning << "\n";
  }
  return std::move(page.value());
}

//! Writes beside the target and renames, so a failure never leaves a half-written file.
Status write_atomically(const std::string& path, const std::string& bytes) {
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      std::error_code ignored;  // the write's failure is the one reported
      std::filesystem::remove(temporary, ignored);
      return Error{ErrorKind::Io, "cannot write " + path};
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::error_code ignored;  // the rename's failure is the one reported
    std::filesystem::remove(temporary, ignored);
    return Error{ErrorKind::Io, "cannot write " + path + ": " + ec.message()};
  }
  return ok_status();
}

//! An error message "where: message" as `path: where: error: message` (one line each part).
void print_located(const std::string& path, const std::string& message, std::ostream& err) {
  const auto split = message.find(": ");
  if (split == std::string::npos) {
    err << path << ": error: " << text::escape_controls_for_terminal(message) << "\n";
  } else {
    err << path << ": " << text::escape_controls_for_terminal(message.substr(0, split))
        << ": error: " << text::escape_controls_for_terminal(message.substr(split + 2)) << "\n";
  }
}

//! X.people.csv beside the ties file X.csv.
std::string people_path(const std::string& ties_path) {
  return ties_path.substr(0, ties_path.size() - 4) + ".people.csv";
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

//! Reads a network in any format; a peer map document is kept in `document`. On error prints
//! it, sets the exit code and returns nullopt.
std::optional<analysis::Network> load_network(const std::string& path,
                                              std::optional<model::Document>& document,
                                              std::ostream& err, int& exit_code) {
  const auto format = analysis::network_format_for_path(path);
  if (!format) {
    err << path << ": error: the input must end in .json, .graphml, .gexf or .csv\n";
    exit_code = kExitUsage;
    return std::nullopt;
  }
  if (*format == analysis::NetworkFormat::Csv && ends_with(path, ".people.csv")) {
    err << path << ": error: give the ties file X.csv; its people are read from X.people.csv\n";
    exit_code = kExitUsage;
    return std::nullopt;
  }
  if (*format == analysis::NetworkFormat::Document) {
    document = load(path, err, exit_code);
    if (!document) return std::nullopt;
    auto network = analysis::network_from_document(*document);
    if (!network) {
      print_located(path, network.error().message, err);
      exit_code = kExitInvalid;
      return std::nullopt;
    }
    return std::move(network.value());
  }
  const auto read = [&](const std::string& file) -> std::optional<std::string> {
    auto text = read_file(file, kMaxNetworkFileBytes);
    if (text) return std::move(text.value());
    err << file << ": /: error: " << text.error().message << "\n";
    exit_code = text.error().kind == ErrorKind::Io ? kExitUsage : kExitInvalid;
    return std::nullopt;
  };
  const auto failed = [&](const std::string& file, const Error& error) {
    print_located(file, error.message, err);
    exit_code = kExitInvalid;
    return std::nullopt;
  };
  const auto text = read(path);
  if (!text) return std::nullopt;
  if (*format == analysis::NetworkFormat::GraphML) {
    auto network = analysis::read_graphml(*text);
    if (!network) return failed(path, network.error());
    return std::move(network.value());
  }
  if (*format == analysis::NetworkFormat::Gexf) {
    auto network = analysis::read_gexf(*text);
    if (!network) return failed(path, network.error());
    return std::move(network.value());
  }
  const std::string people = people_path(path);
  std::error_code ec;
  if (!std::filesystem::exists(people, ec)) {  // a plain edge list
    auto network = analysis::parse_edge_list_csv(*text);
    if (!network) return failed(path, network.error());
    return std::move(network.value());
  }
  const auto people_text = read(people);
  if (!people_text) return std::nullopt;
  auto network = analysis::read_people_csv(*people_text);
  if (!network) return failed(people, network.error());
  if (auto ties = analysis::add_ties_csv(network.value(), *text); !ties) {
    return failed(path, ties.error());
  }
  return std::move(network.value());
}

}  // namespace

int validate(const std::string& path, std::ostream& out, std::ostream& err) {
  auto text = read_file(path);
  if (!text) {
    out << path << ": /: error: " << text.error().message << "\n";
    return text.error().kind == ErrorKind::Io ? kExitUsage : kExitInvalid;
  }
  model::ParseOptions options;
  options.today = model::today_utc();
  auto outcome = model::parse_document(text.value(), options);
  if (!outcome.has_errors()) {
    // Pins too close to draw both people apart: only the layout's text metrics can tell.
    auto pins = layout::pin_problems(outcome.document);
    outcome.problems.insert(outcome.problems.end(), pins.begin(), pins.end());
  }
  print_problems(path, outcome, out);
  (void)err;
  return outcome.has_errors() ? kExitInvalid : kExitOk;
}

int layout(const std::string& path, const ViewOptions& view, std::ostream& out, std::ostream& err) {
  int code = kExitOk;
  const auto page = page_of(path, view, err, code);
  if (!page) return code;
  out << layout::geometry_to_json(page->geometry);
  return kExitOk;
}

int render(const std::string& path, const std::string& output, const ViewOptions& view,
           bool svg_text, std::ostream& err) {
  const auto format = render::format_for_path(output);
  if (!format) {
    err << output << ": error: the output must end in .svg, .png or .pdf\n";
    return kExitUsage;
  }
  if (svg_text && format != render::Format::Svg) {
    err << output << ": error: --labels text is for an .svg output only\n";
    return kExitUsage;
  }
  int code = kExitOk;
  const auto page = page_of(path, view, err, code);
  if (!page) return code;
  render::FileOptions file{*format};
  file.svg_text = svg_text;
  auto bytes = render::write_page(*page, file);
  if (!bytes) {
    err << path << ": error: " << bytes.error().message << "\n";
    return kExitInvalid;
  }
  const auto written = write_atomically(output, bytes.value());
  if (!written) {
    err << output << ": error: " << written.error().message << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

int export_record(const std::string& path, const std::string& output, const ExportOptions& options,
                  std::ostream& err) {
  const auto ends_in = [&](std::string_view suffix) {
    if (output.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
      const auto c = static_cast<unsigned char>(output[output.size() - suffix.size() + i]);
      if (std::tolower(c) != suffix[i]) return false;
    }
    return true;
  };
  const bool pptx = ends_in(".pptx");
  if (!pptx && render::format_for_path(output) != render::Format::Pdf) {
    err << output << ": error: the output must end in .pdf (the record) or .pptx (PowerPoint)\n";
    return kExitUsage;
  }
  record::RecordOptions record_options;
  if (options.revision > 0) record_options.revision = options.revision;
  if (!options.revision_date.empty()) {
    record_options.revision_date = model::Date::parse(options.revision_date);
    if (!record_options.revision_date) {
      err << "--revision-date: error: \""
          << text::escape_controls_for_terminal(options.revision_date)
          << "\" is not a date (YYYY-MM-DD)\n";
      return kExitUsage;
    }
  }
  record_options.prepared_by = options.prepared_by;
  record_options.seed = options.seed;
  const auto audience = copy_of(options.copy, options.reason, err);
  if (!audience) return kExitUsage;
  record_options.audience = *audience;
  record_options.reason = options.reason;
  if (const auto fault = record::options_fault(record_options)) {  // "--option: message"
    const auto split = fault->find(": ");
    err << fault->substr(0, split)
        << ": error: " << text::escape_controls_for_terminal(fault->substr(split + 2)) << "\n";
    return kExitUsage;
  }
  int code = kExitOk;
  auto document = load(path, err, code);
  if (!document) return code;
  auto bytes = pptx ? record::write_record_pptx(*document, record_options)
                    : record::write_record_pdf(*document, record_options);
  if (!bytes) {
    err << path << ": error: " << text::escape_controls_for_terminal(bytes.error().message) << "\n";
    return bytes.error().kind == ErrorKind::Internal ? kExitInternal : kExitInvalid;
  }
  const auto written = write_atomically(output, bytes.value());
  if (!written) {
    err << output << ": error: " << written.error().message << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

int analyze(const std::string& path, bool as_json, std::ostream& out, std::ostream& err) {
  std::optional<model::Document> document;
  int code = kExitOk;
  auto loaded = load_network(path, document, err, code);
  if (!loaded) return code;
  auto analysed = analysis::analyze(std::move(*loaded), document ? &*document : nullptr);
  if (!analysed) {
    err << path << ": error: " << analysed.error().message << "\n";
    return kExitInvalid;
  }
  if (as_json) {
    out << analysis::report_json(analysed.value()).dump(2) << "\n";
    return kExitOk;
  }
  const analysis::Network* network = &analysed->network;
  const analysis::Measures* measures = &analysed->measures;
  const auto& findings = analysed->findings;
  const auto& ties = analysed->ties;
  out << network->nodes.size() << " people, " << network->edges.size() << " ties, "
      << measures->communities << " communities (modularity " << std::fixed << std::setprecision(3)
      << measures->modularity << "); tie "
      << (measures->weights_used ? "strengths used as weights" : "weights not used") << "\n";
  for (const auto& warning : measures->warnings)
    out << "note: " << text::escape_controls_for_terminal(warning) << "\n";
  out << "\nFindings\n";
  for (const auto& f : findings) {
    out << "- [" << f.kind << (f.kind == "gap" ? ", " + f.origin : std::string()) << "] "
        << text::escape_controls_for_terminal(f.text) << " (";
    for (std::size_t k = 0; k < f.ids.size(); ++k)
      out << (k ? ", " : "") << text::escape_controls_for_terminal(f.ids[k]);
    out << ")\n";
  }
  if (!ties.empty()) {
    out << "\nEvidence for each tie, weakest first (0 weakest .. 1 strong; \"no information\" when "
           "no item names it)\n";
    auto weakest = ties;
    std::stable_sort(weakest.begin(), weakest.end(),
                     [](const auto& a, const auto& b) { return a.evidence < b.evidence; });
    const auto name = [&](const std::string& id) {
      const auto i = network->index_of(id);
      return text::escape_controls_for_terminal(i ? network->nodes[*i].name : id);
    };
    for (const auto& t : weakest) {
      out << "- " << analysis::evidence_text(t) << "  " << name(t.from) << " and " << name(t.to)
          << " (" << text::escape_controls_for_terminal(t.tie) << "): " << t.items
          << (t.items == 1 ? " item" : " items");
      if (t.newest) out << ", newest " << t.newest->to_string();
      out << "; last seen together " << (t.last_seen ? t.last_seen->to_string() : "never") << "\n";
    }
  }
  return kExitOk;
}

int convert(const std::string& input, const std::string& output, std::ostream& err) {
  const auto format = analysis::network_format_for_path(output);
  if (!format || *format == analysis::NetworkFormat::Document || ends_with(output, ".people.csv")) {
    err << output << ": error: the output must end in .graphml, .gexf or .csv "
        << "(writing a peer map document is not supported)\n";
    return kExitUsage;
  }
  std::optional<model::Document> document;
  int code = kExitOk;
  const auto network = load_network(input, document, err, code);
  if (!network) return code;
  std::vector<std::pair<std::string, std::string>> files;  // path, bytes
  switch (*format) {
    case analysis::NetworkFormat::GraphML:
      files.emplace_back(output, analysis::write_graphml(*network));
      break;
    case analysis::NetworkFormat::Gexf:
      files.emplace_back(output, analysis::write_gexf(*network));
      break;
    case analysis::NetworkFormat::Csv:
    case analysis::NetworkFormat::Document: {
      auto csv = analysis::write_people_and_ties_csv(*network);
      files.emplace_back(people_path(output), std::move(csv.people));
      files.emplace_back(output, std::move(csv.ties));
      break;
    }
  }
  for (const auto& [path, bytes] : files) {
    const auto written = write_atomically(path, bytes);
    if (!written) {
      err << path << ": error: " << written.error().message << "\n";
      return kExitUsage;
    }
  }
  return kExitOk;
}

}  // namespace peermap::cli
