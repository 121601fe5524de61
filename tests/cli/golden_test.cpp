// Golden files: the CLI's SVG for the examples and the thematic example's layout geometry,
// compared with tests/golden/. A change to the drawing or the layout shows up here as a diff
// to review.
//
// To accept a deliberate change, regenerate the files and review them with `git diff`:
//
//   PEERMAP_UPDATE_GOLDEN=1 ctest -R Golden        (from build/release)
//
// With PEERMAP_UPDATE_GOLDEN=1 each test rewrites its golden file and passes: SVGs exactly as
// the CLI wrote them (they open in a browser), the layout JSON indented one value a line.
//
// Cairo numbers its SVG ids (`surface12`, `glyph3-7`) from process-wide counters; the ids are
// renumbered in order of first appearance before comparing, so only the drawing counts. The
// files depend on the Graphviz, cairo, pango and DejaVu versions of Debian 12
// (scripts/install-deps.sh); other versions may draw a glyph or a spline differently.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/svg_ids.hpp"

namespace peermap::cli {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = PEERMAP_SOURCE_DIR;
const fs::path kGolden = kSource / "tests" / "golden";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool updating() {
  const char* flag = std::getenv("PEERMAP_UPDATE_GOLDEN");
  return flag != nullptr && std::string(flag) == "1";
}

using testing::normalise_svg_ids;

//! Runs the CLI; returns its exit code and puts stdout in `out`.
int peermap(const std::string& args, std::string& out) {
  const fs::path capture =
      fs::temp_directory_path() / ("peermap-golden-" + std::to_string(::getpid()) + ".out");
  const std::string command =
      quoted(PEERMAP_BINARY) + " " + args + " >" + quoted(capture.string()) + " 2>/dev/null";
  const int status = std::system(command.c_str());
  out = read(capture);
  fs::remove(capture);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

//! Where the two texts first differ, as "line N" with both lines (cut to a readable length).
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream a(expected);
  std::istringstream b(actual);
  std::string la;
  std::string lb;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, la));
    const bool more_b = static_cast<bool>(std::getline(b, lb));
    if (!more_a && !more_b) return "no difference";
    if (!more_a || !more_b || la != lb) {
      return "first difference at line " + std::to_string(line) +
             ":\n  golden: " + (more_a ? la.substr(0, 300) : "<end of file>") +
             "\n  now:    " + (more_b ? lb.substr(0, 300) : "<end of file>");
    }
  }
}

//! Writes a golden file when updating; returns whether it did.
bool update(const fs::path& path, const std::string& text) {
  if (!updating()) return false;
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  std::cout << "updated " << path << "\n";
  return true;
}

const char* kHowToUpdate =
    "\nIf the change is intended: PEERMAP_UPDATE_GOLDEN=1 ctest -R Golden, then review git diff.";

//! Compares an SVG with its golden file (ids renumbered), or rewrites the file when updating.
void expect_golden_svg(const std::string& name, const std::string& actual) {
  const fs::path path = kGolden / name;
  if (update(path, actual)) return;
  ASSERT_TRUE(fs::exists(path)) << path
                                << " is missing; run with PEERMAP_UPDATE_GOLDEN=1 to create it";
  const std::string golden = read(path);
  const std::string expected = normalise_svg_ids(golden);
  const std::string now = normalise_svg_ids(actual);
  EXPECT_TRUE(expected == now) << name << " differs from the golden file (" << golden.size()
                               << " bytes golden, " << actual.size() << " bytes now); "
                               << first_difference(expected, now) << kHowToUpdate;
}

//! Compares JSON with its golden file (stored indented, one value a line, for readable diffs),
//! naming the first values that differ by JSON pointer.
void expect_golden_json(const std::string& name, const std::string& actual) {
  const fs::path path = kGolden / name;
  const nlohmann::json now = nlohmann::json::parse(actual);
  if (update(path, now.dump(1) + "\n")) return;
  ASSERT_TRUE(fs::exists(path)) << path
                                << " is missing; run with PEERMAP_UPDATE_GOLDEN=1 to create it";
  const nlohmann::json golden = nlohmann::json::parse(read(path));
  if (golden == now) return;
  const nlohmann::json patch = nlohmann::json::diff(golden, now);
  std::string shown;
  for (std::size_t i = 0; i < patch.size() && i < 8; ++i) {
    const std::string where = patch[i]["path"].get<std::string>();
    const std::string op = patch[i]["op"].get<std::string>();
    shown += "\n  " + where + ": ";
    if (op == "replace") {
      shown += golden.at(nlohmann::json::json_pointer(where)).dump().substr(0, 100) + " -> " +
               patch[i]["value"].dump().substr(0, 100);
    } else {
      shown +=
          op + (patch[i].contains("value") ? " " + patch[i]["value"].dump().substr(0, 100) : "");
    }
  }
  ADD_FAILURE() << name << " differs from the golden file in " << patch.size()
                << " places, first:" << shown << kHowToUpdate;
}

std::string render_svg(const std::string& example, const std::string& extra) {
  const fs::path out =
      fs::temp_directory_path() / ("peermap-golden-" + std::to_string(::getpid()) + ".svg");
  std::string ignored;
  const int code = peermap("render " + quoted((kSource / "examples" / example).string()) + " " +
                               extra + " -o " + quoted(out.string()),
                           ignored);
  EXPECT_EQ(code, 0) << "render " << example << " " << extra;
  std::string svg = read(out);  // not const: returned by moving
  fs::remove(out);
  return svg;
}

TEST(Golden, NormalisingRenumbersIdsButKeepsTheDrawing) {
  const std::string a =
      R"svg(<symbol id="glyph3-1"/><symbol id="glyph3-2"/><use xlink:href="#glyph3-2" x="1"/><g id="surface41" clip-path="url(#clip7)"/>)svg";
  const std::string b =
      R"svg(<symbol id="glyph0-0"/><symbol id="glyph0-9"/><use xlink:href="#glyph0-9" x="1"/><g id="surface1" clip-path="url(#clip1)"/>)svg";
  EXPECT_EQ(normalise_svg_ids(a), normalise_svg_ids(b));
  // Which glyph a <use> draws still matters...
  const std::string swapped =
      R"svg(<symbol id="glyph0-0"/><symbol id="glyph0-9"/><use xlink:href="#glyph0-0" x="1"/><g id="surface1" clip-path="url(#clip1)"/>)svg";
  EXPECT_NE(normalise_svg_ids(a), normalise_svg_ids(swapped));
  // ...and so do coordinates and words that merely contain a prefix.
  EXPECT_NE(
      normalise_svg_ids(a),
      normalise_svg_ids(
          R"svg(<symbol id="glyph3-1"/><symbol id="glyph3-2"/><use xlink:href="#glyph3-2" x="2"/><g id="surface41" clip-path="url(#clip7)"/>)svg"));
  EXPECT_EQ(normalise_svg_ids("subsurface1 glyphs2 clip"), "subsurface1 glyphs2 clip");
}

TEST(Golden, EcomapChildNetworkSvg) {
  expect_golden_svg("ecomap-child.svg", render_svg("ecomap-child.json", ""));
}

TEST(Golden, EcomapChildEcomapSvg) {
  expect_golden_svg("ecomap-child-ecomap.svg", render_svg("ecomap-child.json", "--ecomap p1"));
}

TEST(Golden, PeerGroupSvg) {
  expect_golden_svg("peer-group.svg", render_svg("peer-group.json", ""));
}

TEST(Golden, PeerGroupScreenSvg) {
  // As the workspace shows it: the same drawing with its words as <text>.
  expect_golden_svg("peer-group-screen.svg", render_svg("peer-group.json", "--labels text"));
}

TEST(Golden, ThematicLayoutJson) {
  std::string json;
  ASSERT_EQ(
      peermap("layout " + quoted((kSource / "examples" / "thematic.json").string()) + " --json",
              json),
      0);
  expect_golden_json("thematic-layout.json", json);
}

TEST(Golden, ThematicRendersOnLargerPaper) {
  // The big example is not kept as an SVG golden (its geometry is); it must still render.
  const std::string svg = render_svg("thematic.json", "");
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_EQ(svg.find("width=\"841.89pt\""), std::string::npos)
      << "more than 100 people do not fit A4";
}

}  // namespace
}  // namespace peermap::cli
