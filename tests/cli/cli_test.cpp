// The `peermap` command line, run as a real process (PEERMAP_BINARY) on files in a temporary
// directory: exit codes, the one-line-a-problem validation output, what render writes (and
// what it refuses to write), and the layout JSON.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "model/copies.hpp"
#include "model/json_io.hpp"
#include "support/copies_document.hpp"

namespace peermap::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kSource = PEERMAP_SOURCE_DIR;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

std::ostream& operator<<(std::ostream& o, const Outcome& r) {
  return o << "exit " << r.code << "\n--- stdout:\n"
           << r.out.substr(0, 2000) << "--- stderr:\n"
           << r.err.substr(0, 2000);
}

//! A fresh directory for each test, removed afterwards.
class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "peermap-cli-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  //! Runs `peermap ARGS` (already shell-quoted where needed) in the temporary directory.
  Outcome peermap(const std::string& args) const {
    const fs::path out = dir_ / ".stdout";
    const fs::path err = dir_ / ".stderr";
    const std::string command = "cd " + quoted(dir_.string()) + " && " + quoted(PEERMAP_BINARY) +
                                " " + args + " >" + quoted(out.string()) + " 2>" +
                                quoted(err.string());
    const int status = std::system(command.c_str());
    Outcome r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read(out);
    r.err = read(err);
    fs::remove(out);
    fs::remove(err);
    return r;
  }

  fs::path file(const std::string& name, const std::string& text) const {
    write(dir_ / name, text);
    return dir_ / name;
  }

  //! The files the test left in the directory, by name.
  std::vector<std::string> listing() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path dir_;
};

//! A small valid map; tests break it one way at a time.
json valid_document() {
  return json::parse(R"({
  "format": "peermap/1",
  "map": {"title": "Peer map: Amira Haddad", "subject_children": ["p1"], "status": "meeting",
          "map_date": "2026-05-20", "review_date": "2026-08-20"},
  "people": [
    {"id": "p1", "full_name": "Amira Haddad", "role": "subject-child", "gender": "female", "date_of_birth": "2011-04-22"},
    {"id": "p2", "full_name": "Jayden Clarke", "role": "peer", "gender": "male"},
    {"id": "p3", "full_name": "Marcus Reid", "role": "adult-of-concern", "gender": "male"}
  ],
  "locations": [{"id": "l1", "name": "Brookfield Park", "kind": "park"}],
  "ties": [
    {"id": "t1", "kind": "relationship", "from": "p1", "to": "p2", "nature": "friend", "strength": 3},
    {"id": "t2", "kind": "relationship", "from": "p3", "to": "p1", "exploitation": {"by": "p3"}},
    {"id": "t3", "kind": "frequents", "from": "p1", "to": "l1"},
    {"id": "t4", "kind": "frequents", "from": "p3", "to": "l1"}
  ],
  "information": [
    {"id": "i1", "summary": "Seen together most days after school.", "source": {"agency": "School"},
     "observed": "2026-05-01", "evidence": "anecdotal", "about": ["t1"]},
    {"id": "i2", "summary": "Marcus Reid collects Amira Haddad from the park in his car.",
     "source": {"agency": "Police", "person": "PCSO Dan Reid"}, "observed": "2026-05-10",
     "evidence": "evidenced", "about": ["t2", "p3"]}
  ]
})");
}

// One line a problem: `FILE: /json/pointer: error: message` or `FILE: L:C: error: message`.
// The file name is matched lazily: a message may itself contain ": /x: error:".
const std::regex kProblemLine(R"(^(.+?): (/[^ ]*|\d+:\d+): (error|warning): (.+)$)");

struct ProblemLine {
  std::string file;
  std::string where;
  std::string severity;
  std::string message;
};

std::vector<ProblemLine> problem_lines(const std::string& out) {
  std::vector<ProblemLine> result;
  for (const auto& line : lines(out)) {
    std::smatch m;
    EXPECT_TRUE(std::regex_match(line, m, kProblemLine)) << "not a problem line: " << line;
    if (m.empty()) continue;
    result.push_back({m[1].str(), m[2].str(), m[3].str(), m[4].str()});
  }
  return result;
}

std::vector<ProblemLine> errors(const std::vector<ProblemLine>& all) {
  std::vector<ProblemLine> out;
  for (const auto& p : all) {
    if (p.severity == "error") out.push_back(p);
  }
  return out;
}

// ---- validate -------------------------------------------------------------------------------

TEST_F(Cli, EveryExampleValidates) {
  int examples = 0;
  for (const auto& entry : fs::directory_iterator(kSource + "/examples")) {
    if (entry.path().extension() != ".json") continue;
    ++examples;
    const Outcome r = peermap("validate " + quoted(entry.path().string()));
    EXPECT_EQ(r.code, 0) << entry.path() << "\n" << r;
    EXPECT_TRUE(errors(problem_lines(r.out)).empty()) << r;
    for (const auto& p : problem_lines(r.out)) EXPECT_EQ(p.file, entry.path().string());
  }
  EXPECT_GE(examples, 3);
}

TEST_F(Cli, TheValidDocumentValidatesSilently) {
  file("map.json", valid_document().dump(2));
  const Outcome r = peermap("validate map.json");
  EXPECT_EQ(r.code, 0) << r;
  EXPECT_EQ(r.out, "") << r;
  EXPECT_EQ(r.err, "");
}

struct BadCase {
  const char* name;
  const char* where;     //!< the pointer of the one error
  const char* mentions;  //!< a word the message must contain
  void (*breaks)(json&);
};

const BadCase kBadCases[] = {
    {"unknown-field", "/people/1/nickname", "nickname",
     [](json& d) { d["people"][1]["nickname"] = "Jay"; }},
    {"duplicate-id", "/locations/1/id", "duplicate",
     [](json& d) {
       d["locations"].push_back(
           {{"id", "p2"}, {"name", "Hollybrook Leisure Centre"}, {"kind", "other"}});
     }},
    {"dangling-reference", "/ties/0/to", "p9", [](json& d) { d["ties"][0]["to"] = "p9"; }},
    {"review-before-map", "/map/review_date", "before",
     [](json& d) { d["map"]["review_date"] = "2026-05-19"; }},
    {"initial-in-name", "/people/1/full_name", "initial",
     [](json& d) { d["people"][1]["full_name"] = "J. Clarke"; }},
    {"exploitation-without-direction", "/ties/1/exploitation", "direction",
     [](json& d) { d["ties"][1]["exploitation"] = json::object(); }},
    {"information-without-source", "/information/0/source", "source",
     [](json& d) { d["information"][0].erase("source"); }},
    {"future-sighting", "/sightings/0/date", "future",
     [](json& d) {
       d["sightings"] = json::array({{{"id", "s1"},
                                      {"people", {"p1", "p2"}},
                                      {"date", "2999-01-01"},
                                      {"seen_by", "PCSO Dan Reid"}}});
     }},
};

TEST_F(Cli, EachBadDocumentGivesOneErrorLineAtItsPointer) {
  for (const BadCase& c : kBadCases) {
    SCOPED_TRACE(c.name);
    json d = valid_document();
    c.breaks(d);
    const std::string name = std::string(c.name) + ".json";
    file(name, d.dump(2));
    const Outcome r = peermap("validate " + name);
    EXPECT_EQ(r.code, 1) << r;
    const auto problems = problem_lines(r.out);
    const auto found = errors(problems);
    ASSERT_EQ(found.size(), 1u) << r;
    EXPECT_EQ(found[0].file, name);
    EXPECT_EQ(found[0].where, c.where) << r;
    EXPECT_NE(found[0].message.find(c.mentions), std::string::npos) << r;
    EXPECT_EQ(r.err, "") << "problems go to stdout";
  }
}

TEST_F(Cli, MalformedJsonIsReportedByLineAndColumn) {
  file("broken.json", "{\n  \"format\": \"peermap/1\",\n  \"map\": }\n");
  const Outcome r = peermap("validate broken.json");
  EXPECT_EQ(r.code, 1) << r;
  const auto problems = problem_lines(r.out);
  ASSERT_EQ(problems.size(), 1u) << r;
  EXPECT_EQ(problems[0].file, "broken.json");
  EXPECT_EQ(problems[0].where, "3:10") << "the '}' on line 3";
  EXPECT_EQ(problems[0].severity, "error");
  EXPECT_NE(problems[0].message.find("malformed JSON"), std::string::npos);
}

TEST_F(Cli, ThreeProblemsGiveThreeErrorLines) {
  json d = valid_document();
  d["people"][1]["nickname"] = "Jay";
  d["people"][0]["full_name"] = "A. Haddad";
  d["map"]["review_date"] = "2026-01-01";
  file("three.json", d.dump(2));
  const Outcome r = peermap("validate three.json");
  EXPECT_EQ(r.code, 1) << r;
  const auto found = errors(problem_lines(r.out));
  ASSERT_EQ(found.size(), 3u) << r;
  std::set<std::string> where;
  for (const auto& p : found) where.insert(p.where);
  EXPECT_EQ(where, (std::set<std::string>{"/people/1/nickname", "/people/0/full_name",
                                          "/map/review_date"}));
  EXPECT_EQ(lines(r.out).size(), 3u) << "one line a problem, nothing else";
}

TEST_F(Cli, TextFromTheFileCannotForgeOrSplitProblemLines) {
  // A name, a field name and a reference each carrying a newline, a forged problem and a
  // terminal escape: still one line a problem, and no control character reaches the terminal.
  json d = valid_document();
  d["people"][1]["full_name"] = "J.\nforged.json: /x: error: injected \x1b[2J";
  d["people"][1]["nick\nforged.json: /y: error: injected \x1b[31m"] = "Jay";
  d["ties"][0]["to"] = "p9\nforged.json: /z: error: injected";
  file("hostile.json", d.dump(2));
  const Outcome r = peermap("validate hostile.json");
  EXPECT_EQ(r.code, 1) << r;
  // Three errors (the initial, the unknown field, the bad reference) and p2's "no ties"
  // warning: four lines, each about this file. (A field name may hold ": error: ", so the
  // line is not parsed further.)
  const auto all = lines(r.out);
  EXPECT_EQ(all.size(), 4u) << r;
  for (const auto& line : all) EXPECT_EQ(line.rfind("hostile.json: /", 0), 0u) << line;
  const auto control = std::count_if(r.out.begin(), r.out.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\n') || byte == 0x7f;
  });
  EXPECT_EQ(control, 0) << r;
}

TEST_F(Cli, HostileNamesRenderToSafeFiles) {
  // Names and titles that are markup, script, SQL, right-to-left text and emoji pass validation
  // and are drawn, never written into the SVG as markup (render_tests checks this in depth).
  json d = valid_document();
  d["map"]["title"] = "<script>alert('title')</script> Peer map";
  d["map"]["protective_marking"] = "<b onload=\"alert(1)\">OFFICIAL</b>";
  d["map"]["owning_team"] = "<iframe src=\"javascript:alert(1)\"></iframe>";
  d["people"][0]["full_name"] = "<script>alert(1)</script> Smith";
  d["people"][1]["full_name"] = "\" onload=\"alert(1)";
  d["people"][2]["full_name"] = "Robert'); DROP TABLE people;--";
  d["people"].push_back({{"id", "p4"},
                         {"full_name", "\u0645\u0631\u064a\u0645 \u0623\u062d\u0645\u062f"},
                         {"role", "peer"}});
  d["people"].push_back({{"id", "p5"},
                         {"full_name", "\u05e0\u05d5\u05e2\u05d4 \u05dc\u05d5\u05d9"},
                         {"role", "peer"}});
  d["people"].push_back(
      {{"id", "p6"}, {"full_name", "Zara \U0001F525\U0001F4AF Begum"}, {"role", "peer"}});
  for (const char* id : {"p4", "p5", "p6"}) {
    d["ties"].push_back(
        {{"id", std::string("t-") + id}, {"kind", "relationship"}, {"from", "p1"}, {"to", id}});
  }
  d["groups"] = json::array({{{"id", "g1"},
                              {"name", "<foreignObject><body onload=alert(1)/></foreignObject>"},
                              {"kind", "gang"}}});
  d["ties"].push_back({{"id", "t-g1"}, {"kind", "member-of"}, {"from", "p1"}, {"to", "g1"}});
  d["locations"][0]["name"] = "<image href=\"data:text/html,x\"/> park";
  file("hostile.json", d.dump(2));
  const Outcome valid = peermap("validate hostile.json");
  ASSERT_EQ(valid.code, 0) << valid;
  for (const char* name : {"hostile.svg", "hostile.png", "hostile.pdf"}) {
    const Outcome r = peermap(std::string("render hostile.json -o ") + name);
    EXPECT_EQ(r.code, 0) << name << "\n" << r;
    EXPECT_GT(fs::file_size(dir_ / name), 1000u) << name;
  }
  const std::string svg = read(dir_ / "hostile.svg");
  for (const char* bad : {"<script", "alert(", "onload", "<iframe", "foreignObject",
                          "javascript:", "data:text", "DROP TABLE"}) {
    EXPECT_EQ(svg.find(bad), std::string::npos) << bad;
  }
}

TEST_F(Cli, WarningsAloneExitZero) {
  json d = valid_document();
  d["people"].push_back({{"id", "p4"}, {"full_name", "Helen Okoro"}, {"role", "professional"}});
  file("warn.json", d.dump(2));
  const Outcome r = peermap("validate warn.json");
  EXPECT_EQ(r.code, 0) << r;
  const auto problems = problem_lines(r.out);
  ASSERT_EQ(problems.size(), 1u) << r;
  EXPECT_EQ(problems[0].severity, "warning");
  EXPECT_EQ(problems[0].where, "/people/3");
}

TEST_F(Cli, AMissingFileIsAnIoErrorNotAnInvalidDocument) {
  const Outcome r = peermap("validate no-such-file.json");
  EXPECT_EQ(r.code, 2) << r;
  EXPECT_NE(r.out.find("no-such-file.json: /: error:"), std::string::npos) << r;
}

TEST_F(Cli, BadUsageExitsTwo) {
  EXPECT_EQ(peermap("").code, 2);
  EXPECT_EQ(peermap("frobnicate map.json").code, 2);
  file("map.json", valid_document().dump());
  EXPECT_EQ(peermap("render map.json").code, 2) << "no --output";
  EXPECT_EQ(peermap("layout map.json --seed notanumber --json").code, 2);
  EXPECT_TRUE(listing() == std::vector<std::string>{"map.json"});
}

// ---- render ---------------------------------------------------------------------------------

TEST_F(Cli, RenderWritesEachFormat) {
  file("map.json", valid_document().dump(2));
  for (const char* name : {"map.svg", "map.png", "map.pdf"}) {
    const Outcome r = peermap(std::string("render map.json -o ") + name);
    EXPECT_EQ(r.code, 0) << name << "\n" << r;
  }
  EXPECT_EQ(read(dir_ / "map.svg").rfind("<?xml", 0), 0u);
  EXPECT_EQ(read(dir_ / "map.png").substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(read(dir_ / "map.pdf").substr(0, 5), "%PDF-");
  // Nothing else: no temporary files left behind.
  EXPECT_TRUE(listing() == (std::vector<std::string>{"map.json", "map.pdf", "map.png", "map.svg"}));
}

// Start-up (issue 10, item 7): drawing a map loads neither the PostgreSQL client library nor
// igraph, which with the 32 libraries they need were a fifth of a small map's render; each is
// loaded when first needed (base/shared_library.hpp), as `analyze` shows for igraph and the
// postgresql tests for libpq. The dynamic loader's own log says which files it opened.
TEST_F(Cli, RenderLoadsNeitherThePostgresClientNorIgraphAndAnalyzeLoadsIgraph) {
  // The log's lines of peermap's own process, each "   PID:\t...": a process it starts (the
  // sanitizers' symbolizer, in the ASan build) logs there too, under its own PID.
  const auto loaded = [&](const std::string& args) {
    ::setenv("LD_DEBUG", "files", 1);
    const Outcome r = peermap(args);
    ::unsetenv("LD_DEBUG");
    EXPECT_EQ(r.code, 0) << r;
    std::string own;
    std::string pid;
    for (const std::string& line : lines(r.err)) {
      const std::size_t start = line.find_first_not_of(' ');
      const std::size_t colon = line.find(':');
      if (start == std::string::npos || colon == std::string::npos || colon < start) continue;
      const std::string id = line.substr(start, colon - start);
      if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos) continue;
      if (pid.empty()) pid = id;
      if (id == pid) own += line + "\n";
    }
    return own;
  };
  const std::string example = quoted(kSource + "/examples/peer-group.json");
  const std::string render = loaded("render " + example + " -o map.svg");
  EXPECT_NE(render.find("file=libpango-1.0.so.0"), std::string::npos) << "the loader's log is read";
  for (const char* library : {"libpq.so", "libkrb5", "libigraph", "libblas", "libgfortran"}) {
    EXPECT_EQ(render.find(library), std::string::npos) << library;
  }
  const std::string analyze = loaded("analyze " + example);
  EXPECT_NE(analyze.find("file=libigraph.so.3"), std::string::npos);
  EXPECT_EQ(analyze.find("libpq.so"), std::string::npos);
}

TEST_F(Cli, RenderingAnInvalidFileWritesNothing) {
  json d = valid_document();
  d["ties"][0]["to"] = "p9";
  file("bad.json", d.dump(2));
  Outcome r = peermap("render bad.json -o out.svg");
  EXPECT_EQ(r.code, 1) << r;
  EXPECT_FALSE(fs::exists(dir_ / "out.svg"));
  EXPECT_NE(r.err.find("bad.json: /ties/0/to: error:"), std::string::npos) << r;
  // An existing output is left exactly as it was.
  file("existing.png", "previous render");
  r = peermap("render bad.json -o existing.png");
  EXPECT_EQ(r.code, 1) << r;
  EXPECT_EQ(read(dir_ / "existing.png"), "previous render");
  EXPECT_TRUE(listing() == (std::vector<std::string>{"bad.json", "existing.png"}));
}

TEST_F(Cli, AnUnknownOutputExtensionIsAUsageError) {
  file("map.json", valid_document().dump(2));
  for (const char* name : {"map.gif", "map", "map.svg.bak"}) {
    const Outcome r = peermap(std::string("render map.json -o ") + name);
    EXPECT_EQ(r.code, 2) << name << "\n" << r;
    EXPECT_NE(r.err.find(".svg, .png or .pdf"), std::string::npos) << r;
  }
  EXPECT_TRUE(listing() == std::vector<std::string>{"map.json"});
}

TEST_F(Cli, AnEcomapOfAnUnknownPersonIsAUsageErrorNamingTheOption) {
  file("map.json", valid_document().dump(2));
  Outcome r = peermap("render map.json --ecomap p99 -o map.svg");
  EXPECT_EQ(r.code, 2) << r;
  EXPECT_NE(r.err.find("--ecomap"), std::string::npos) << r;
  EXPECT_NE(r.err.find("p99"), std::string::npos) << r;
  EXPECT_FALSE(fs::exists(dir_ / "map.svg"));
  r = peermap("layout map.json --ecomap p99 --json");
  EXPECT_EQ(r.code, 2) << r;
  EXPECT_NE(r.err.find("--ecomap"), std::string::npos) << r;
  EXPECT_EQ(r.out, "");
}

TEST_F(Cli, ABadAsOfDateIsAUsageErrorNamingTheOption) {
  file("map.json", valid_document().dump(2));
  for (const char* date : {"yesterday", "2026-02-30", "2026-5-1", "20260501"}) {
    Outcome r = peermap(std::string("render map.json --as-of ") + date + " -o map.svg");
    EXPECT_EQ(r.code, 2) << date << "\n" << r;
    EXPECT_NE(r.err.find("--as-of"), std::string::npos) << r;
    r = peermap(std::string("layout map.json --json --as-of ") + date);
    EXPECT_EQ(r.code, 2) << date << "\n" << r;
    EXPECT_EQ(r.out, "");
  }
  EXPECT_FALSE(fs::exists(dir_ / "map.svg"));
}

TEST_F(Cli, AnUnwritableOutputIsAnIoError) {
  file("map.json", valid_document().dump(2));
  const Outcome r = peermap("render map.json -o no-such-directory/map.svg");
  EXPECT_EQ(r.code, 2) << r;
  EXPECT_TRUE(listing() == std::vector<std::string>{"map.json"});
}

// ---- layout ---------------------------------------------------------------------------------

const json* find_node(const json& layout, const std::string& id) {
  for (const auto& n : layout["nodes"]) {
    if (n["id"] == id) return &n;
  }
  return nullptr;
}

TEST_F(Cli, LayoutPrintsTheGeometryAsJson) {
  file("map.json", valid_document().dump(2));
  const Outcome r = peermap("layout map.json --json");
  ASSERT_EQ(r.code, 0) << r;
  const json g = json::parse(r.out);
  for (const char* key : {"width", "height", "nodes", "edges", "regions"})
    EXPECT_TRUE(g.contains(key)) << key;
  EXPECT_GT(g["width"].get<double>(), 0);
  EXPECT_GT(g["height"].get<double>(), 0);
  ASSERT_EQ(g["nodes"].size(), 3u) << "three people; the park is a region, not a node";
  for (const char* id : {"p1", "p2", "p3"}) {
    const json* n = find_node(g, id);
    ASSERT_NE(n, nullptr) << id;
    EXPECT_EQ((*n)["kind"], "person");
    for (const char* key : {"x", "y", "w", "h", "label"}) EXPECT_TRUE(n->contains(key)) << key;
  }
  std::set<std::string> edges;
  for (const auto& e : g["edges"]) {
    edges.insert(e["id"].get<std::string>());
    EXPECT_GE(e["points"].size(), 2u);
  }
  EXPECT_TRUE(edges.contains("t1") && edges.contains("t2")) << r.out.substr(0, 500);
  ASSERT_EQ(g["regions"].size(), 1u) << "Brookfield Park";
  EXPECT_EQ(g["regions"][0]["id"], "l1");
  EXPECT_EQ(g["regions"][0]["members"], json::array({"p1", "p3"}));
}

TEST_F(Cli, TheSameSeedGivesTheSameBytes) {
  const std::string example = quoted(kSource + "/examples/peer-group.json");
  const Outcome a = peermap("layout " + example + " --json --seed 5");
  const Outcome b = peermap("layout " + example + " --json --seed 5");
  ASSERT_EQ(a.code, 0) << a;
  EXPECT_TRUE(a.out == b.out);
  EXPECT_GT(a.out.size(), 1000u);
  // And render follows the layout: the same SVG twice from fresh processes.
  ASSERT_EQ(peermap("render " + example + " --seed 5 -o a.svg").code, 0);
  ASSERT_EQ(peermap("render " + example + " --seed 5 -o b.svg").code, 0);
  EXPECT_TRUE(read(dir_ / "a.svg") == read(dir_ / "b.svg"));
}

TEST_F(Cli, LayoutKeepsPinnedPeopleWhereTheyWerePut) {
  json d = valid_document();
  d["pins"] = json::array(
      {{{"ref", "p1"}, {"x", 100}, {"y", 50}}, {{"ref", "p3"}, {"x", 400.5}, {"y", 250}}});
  file("pinned.json", d.dump(2));
  const Outcome r = peermap("layout pinned.json --json");
  ASSERT_EQ(r.code, 0) << r;
  const json g = json::parse(r.out);
  const json* p1 = find_node(g, "p1");
  const json* p2 = find_node(g, "p2");
  const json* p3 = find_node(g, "p3");
  ASSERT_TRUE(p1 != nullptr && p2 != nullptr && p3 != nullptr);
  EXPECT_DOUBLE_EQ((*p1)["x"].get<double>(), 100);
  EXPECT_DOUBLE_EQ((*p1)["y"].get<double>(), 50);
  EXPECT_TRUE((*p1)["pinned"].get<bool>());
  EXPECT_DOUBLE_EQ((*p3)["x"].get<double>(), 400.5);
  EXPECT_DOUBLE_EQ((*p3)["y"].get<double>(), 250);
  EXPECT_TRUE((*p3)["pinned"].get<bool>());
  EXPECT_FALSE((*p2)["pinned"].get<bool>());
  // The frame holds the pinned people.
  const double x0 = g["x0"].get<double>();
  EXPECT_LE(x0, 100 - 11);
  EXPECT_GE(x0 + g["width"].get<double>(), 400.5 + 11);
}

//   Amira Haddad [pinned at 100,50]  Marcus Reid [pinned 8 pt to her right]: too close
TEST_F(Cli, PinsTooCloseAreNamedByValidateAndByRender) {
  json d = valid_document();
  d["pins"] =
      json::array({{{"ref", "p1"}, {"x", 100}, {"y", 50}}, {{"ref", "p3"}, {"x", 108}, {"y", 50}}});
  file("close.json", d.dump(2));
  const Outcome v = peermap("validate close.json");
  EXPECT_EQ(v.code, 0) << v;  // a warning: the map can still be drawn
  const auto problems = problem_lines(v.out);
  ASSERT_EQ(problems.size(), 1u) << v;
  EXPECT_EQ(problems[0].where, "/pins/1");
  EXPECT_EQ(problems[0].severity, "warning");
  EXPECT_NE(problems[0].message.find("\"Amira Haddad\" (/people/0)"), std::string::npos) << v;
  EXPECT_NE(problems[0].message.find("\"Marcus Reid\" (/people/2)"), std::string::npos) << v;

  const Outcome r = peermap("render close.json -o close.svg");
  ASSERT_EQ(r.code, 0) << r;
  EXPECT_NE(r.err.find("warning: pinned person \"Marcus Reid\" (p3) was moved"), std::string::npos)
      << r;
  const Outcome l = peermap("layout close.json --json");
  ASSERT_EQ(l.code, 0) << l;
  const json g = json::parse(l.out);
  ASSERT_TRUE(g.contains("warnings"));
  EXPECT_NE(g["warnings"][0].get<std::string>().find("Marcus Reid"), std::string::npos);
  EXPECT_DOUBLE_EQ((*find_node(g, "p1"))["x"].get<double>(), 100);  // the first pin is kept

  // Pins far enough apart: nothing to say, both exact.
  d["pins"][1]["x"] = 400;
  file("apart.json", d.dump(2));
  const Outcome ok = peermap("validate apart.json");
  EXPECT_EQ(ok.code, 0) << ok;
  EXPECT_EQ(ok.out, "") << ok;
  const Outcome la = peermap("layout apart.json --json");
  EXPECT_FALSE(json::parse(la.out).contains("warnings")) << la;
  // No warning on stderr (under the sanitizers it may also carry LeakSanitizer's summary).
  EXPECT_EQ(la.err.find("warning"), std::string::npos) << la;
}

TEST_F(Cli, LayoutOfAnInvalidFileExitsOneAndPrintsNoGeometry) {
  json d = valid_document();
  d["map"]["review_date"] = "2026-01-01";
  file("bad.json", d.dump(2));
  const Outcome r = peermap("layout bad.json --json");
  EXPECT_EQ(r.code, 1) << r;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("bad.json: /map/review_date: error:"), std::string::npos) << r;
}

// ---- Views: --as-of and --ecomap ------------------------------------------------------------

TEST_F(Cli, AnEarlyAsOfDateShowsFewerPeopleAndTies) {
  const std::string example = quoted(kSource + "/examples/peer-group.json");
  const Outcome now = peermap("layout " + example + " --json");
  const Outcome early = peermap("layout " + example + " --json --as-of 2026-06-01");
  ASSERT_EQ(now.code, 0) << now;
  ASSERT_EQ(early.code, 0) << early;
  const json all = json::parse(now.out);
  const json then = json::parse(early.out);
  EXPECT_LT(then["nodes"].size(), all["nodes"].size());
  EXPECT_LT(then["edges"].size(), all["edges"].size());
  // Every subject child is always shown.
  for (const char* subject : {"p1", "p2"}) EXPECT_NE(find_node(then, subject), nullptr) << subject;
  // A date after the map date changes nothing.
  const Outcome later = peermap("layout " + example + " --json --as-of 2030-01-01");
  ASSERT_EQ(later.code, 0) << later;
  EXPECT_TRUE(later.out == now.out);
}

TEST_F(Cli, AsOfHidesATieKnownOnlyLater) {
  // i1 about t1 was observed 2026-05-01; on 2026-04-01 nothing was known about t1.
  file("map.json", valid_document().dump(2));
  const json before = json::parse(peermap("layout map.json --json --as-of 2026-04-01").out);
  const json after = json::parse(peermap("layout map.json --json --as-of 2026-05-05").out);
  std::set<std::string> early_edges;
  for (const auto& e : before["edges"]) early_edges.insert(e["id"].get<std::string>());
  std::set<std::string> later_edges;
  for (const auto& e : after["edges"]) later_edges.insert(e["id"].get<std::string>());
  EXPECT_FALSE(early_edges.contains("t1"));
  EXPECT_TRUE(later_edges.contains("t1"));
}

TEST_F(Cli, RedactionShortensOtherChildrensLabelsOnly) {
  // The layout JSON has no label text, but it has the label boxes: initials are narrower.
  file("map.json", valid_document().dump(2));
  const Outcome plain = peermap("layout map.json --json");
  const Outcome redacted = peermap("layout map.json --json --redact");
  ASSERT_EQ(plain.code, 0) << plain;
  ASSERT_EQ(redacted.code, 0) << redacted;
  const json a = json::parse(plain.out);
  const json b = json::parse(redacted.out);
  const auto label_width = [](const json& g, const char* id) {
    return (*find_node(g, id))["label"]["w"].get<double>();
  };
  EXPECT_EQ(label_width(a, "p1"), label_width(b, "p1")) << "the subject keeps her name";
  EXPECT_LT(label_width(b, "p2"), label_width(a, "p2")) << "Jayden Clarke, a child, becomes J. C.";
  EXPECT_EQ(label_width(a, "p3"), label_width(b, "p3")) << "an adult keeps his name";
  // And the drawing differs (labels and the DISCLOSURE COPY line).
  ASSERT_EQ(peermap("render map.json -o plain.svg").code, 0);
  ASSERT_EQ(peermap("render map.json --redact -o redacted.svg").code, 0);
  EXPECT_FALSE(read(dir_ / "plain.svg") == read(dir_ / "redacted.svg"));
}

TEST_F(Cli, TheEcomapViewPlacesTheChildInTheMiddleOfFourRings) {
  const std::string example = quoted(kSource + "/examples/ecomap-child.json");
  const Outcome r = peermap("layout " + example + " --json --ecomap p1");
  ASSERT_EQ(r.code, 0) << r;
  const json g = json::parse(r.out);
  ASSERT_TRUE(g.contains("ecomap")) << r.out.substr(0, 300);
  EXPECT_EQ(g["ecomap"]["rings"].size(), 4u);
  const json* child = find_node(g, "p1");
  ASSERT_NE(child, nullptr);
  EXPECT_NEAR((*child)["x"].get<double>(), g["ecomap"]["centre"][0].get<double>(), 0.01);
  EXPECT_NEAR((*child)["y"].get<double>(), g["ecomap"]["centre"][1].get<double>(), 0.01);
  // The placements and the child: 16 + 1.
  EXPECT_EQ(g["nodes"].size(), 17u);
  EXPECT_FALSE(json::parse(peermap("layout " + example + " --json").out).contains("ecomap"));
}

}  // namespace
}  // namespace peermap::cli

// ---- analyze ----------------------------------------------------------------------------------

namespace peermap::cli {
namespace {

TEST_F(Cli, AnalyzeThePeerGroupGivesMeasuresAndFindingsAsJson) {
  const Outcome r = peermap("analyze " + quoted(kSource + "/examples/peer-group.json") + " --json");
  ASSERT_EQ(r.code, 0) << r;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["nodes"].size(), 25u);
  for (const char* key : {"id", "name", "degree", "betweenness", "closeness", "pagerank",
                          "eigenvector", "community"}) {
    EXPECT_TRUE(j["nodes"][0].contains(key)) << key;
  }
  EXPECT_GE(j["communities"].get<int>(), 2);
  EXPECT_GT(j["modularity"].get<double>(), 0.0);
  EXPECT_TRUE(j["weights_used"].get<bool>());
  double pagerank = 0;
  for (const auto& n : j["nodes"]) pagerank += n["pagerank"].get<double>();
  EXPECT_NEAR(pagerank, 1.0, 1e-9);
  bool exposure = false;
  for (const auto& f : j["findings"]) {
    exposure = exposure || f["kind"] == "exposure";
    EXPECT_FALSE(f["ids"].empty()) << f.dump();
  }
  EXPECT_TRUE(exposure);
}

TEST_F(Cli, AnalyzeReadsACsvEdgeListAndNamesTheLineOfABadRow) {
  file("edges.csv", "source,target,weight\na,b,2\nb,c,1\n");
  const Outcome ok = peermap("analyze edges.csv --json");
  ASSERT_EQ(ok.code, 0) << ok;
  const json j = json::parse(ok.out);
  ASSERT_EQ(j["nodes"].size(), 3u);
  EXPECT_DOUBLE_EQ(j["nodes"][1]["betweenness"].get<double>(), 1.0);  // b is between a and c
  file("bad.csv", "source,target\na,b\nc\n");
  const Outcome bad = peermap("analyze bad.csv");
  EXPECT_EQ(bad.code, 1) << bad;
  EXPECT_NE(bad.err.find("bad.csv: 3:"), std::string::npos) << bad;
  EXPECT_EQ(bad.out, "");
}

TEST_F(Cli, AnalyzeTextOutputListsFindingsInPlainLanguage) {
  const Outcome r = peermap("analyze " + quoted(kSource + "/examples/peer-group.json"));
  ASSERT_EQ(r.code, 0) << r;
  EXPECT_NE(r.out.find("25 people"), std::string::npos) << r;
  EXPECT_NE(r.out.find("- [exposure] "), std::string::npos) << r;
  EXPECT_NE(r.out.find("(adult)"), std::string::npos) << r;
}

// issue 11, item 9: the gaps the meeting recorded are echoed beside the ones the analysis
// detects, each marked; the peer-group example records five.
TEST_F(Cli, AnalyzeEchoesTheRecordedInformationGapsMarkedAsRecorded) {
  const Outcome r = peermap("analyze " + quoted(kSource + "/examples/peer-group.json"));
  ASSERT_EQ(r.code, 0) << r;
  EXPECT_NE(r.out.find("- [gap, recorded] Recorded gap (gap1): What is Smokey's real name, and "
                       "where does he live? About Smokey (adult); owner: Police (Intelligence), "
                       "due 2026-11-24. (gap1, p21)\n"),
            std::string::npos)
      << r;
  EXPECT_NE(r.out.find("- [gap, detected] "), std::string::npos) << r;
  const json j = json::parse(
      peermap("analyze " + quoted(kSource + "/examples/peer-group.json") + " --json").out);
  int recorded = 0;
  for (const auto& f : j["findings"]) recorded += f["origin"] == "recorded" ? 1 : 0;
  EXPECT_EQ(recorded, 5);
}

}  // namespace
}  // namespace peermap::cli

// ---- convert ----------------------------------------------------------------------------------

namespace peermap::cli {
namespace {

TEST_F(Cli, ConvertToGraphmlAndBackGivesTheSameBetweenness) {
  const std::string example = quoted(kSource + "/examples/peer-group.json");
  const Outcome converted = peermap("convert " + example + " peers.graphml");
  ASSERT_EQ(converted.code, 0) << converted;
  EXPECT_EQ(converted.err, "");
  const json from_document = json::parse(peermap("analyze " + example + " --json").out);
  const Outcome analysed = peermap("analyze peers.graphml --json");
  ASSERT_EQ(analysed.code, 0) << analysed;
  const json from_graphml = json::parse(analysed.out);
  ASSERT_EQ(from_graphml["nodes"].size(), from_document["nodes"].size());
  for (std::size_t i = 0; i < from_document["nodes"].size(); ++i) {
    const auto& a = from_document["nodes"][i];
    const auto& b = from_graphml["nodes"][i];
    EXPECT_EQ(a["id"], b["id"]);
    EXPECT_EQ(a["name"], b["name"]);
    EXPECT_NEAR(a["betweenness"].get<double>(), b["betweenness"].get<double>(), 1e-9) << a["id"];
    EXPECT_EQ(a["community"], b["community"]);
  }
  EXPECT_EQ(from_graphml["weights_used"], from_document["weights_used"]);
}

TEST_F(Cli, ConvertChainsThroughGexfAndCsvWithoutLoss) {
  const std::string example = quoted(kSource + "/examples/peer-group.json");
  ASSERT_EQ(peermap("convert " + example + " a.graphml").code, 0);
  ASSERT_EQ(peermap("convert a.graphml b.gexf").code, 0);
  ASSERT_EQ(peermap("convert b.gexf c.csv").code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "c.people.csv"));
  ASSERT_EQ(peermap("convert c.csv d.graphml").code, 0);
  EXPECT_EQ(read(dir_ / "d.graphml"), read(dir_ / "a.graphml"));
}

TEST_F(Cli, ConvertRefusesAHostileFileAndWritesNothing) {
  file("evil.graphml",
       "<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
       "<graphml><graph><node id=\"&x;\"/></graph></graphml>\n");
  const Outcome r = peermap("convert evil.graphml out.gexf");
  EXPECT_EQ(r.code, 1) << r;
  EXPECT_EQ(r.err.rfind("evil.graphml: 2:1: error: a DOCTYPE is not accepted", 0), 0u) << r;
  EXPECT_FALSE(fs::exists(dir_ / "out.gexf"));
  file("ties.csv", "source,target\na,ghost\n");
  file("ties.people.csv", "id,name\na,=HYPERLINK(\"x\")\n");
  const Outcome ghost = peermap("convert ties.csv out.graphml");
  EXPECT_EQ(ghost.code, 1) << ghost;
  EXPECT_NE(ghost.err.find("ties.csv: 2:3: error: the tie's target \"ghost\""), std::string::npos)
      << ghost;
  EXPECT_FALSE(fs::exists(dir_ / "out.graphml"));
}

TEST_F(Cli, ConvertNeedsKnownExtensions) {
  file("a.gexf", "<gexf><graph><nodes><node id=\"a\"/></nodes></graph></gexf>");
  EXPECT_EQ(peermap("convert a.gexf out.txt").code, 2);
  EXPECT_EQ(peermap("convert a.gexf out.json").code, 2);  // writing a document: not supported
  EXPECT_EQ(peermap("convert a.txt out.gexf").code, 2);
  EXPECT_EQ(peermap("convert a.gexf out.csv").code, 0);
  EXPECT_NE(read(dir_ / "out.people.csv").find("id,name,kind,gender,adult"), std::string::npos);
}

}  // namespace
}  // namespace peermap::cli

// --- the server's commands: accounts and import (passwords only ever on stdin) ------------------

namespace peermap::cli {
namespace {

TEST_F(Cli, UserAddReadsThePasswordFromStdinAndListShowsNoSecret) {
  file("pw", "a long enough passphrase\n");
  const auto added = peermap(
      "user add --db sqlite:db/peermap.db --username alice --team exploitation --role manager < "
      "pw");
  ASSERT_EQ(added.code, 0) << added;
  EXPECT_EQ(added.out, "added alice (manager, team exploitation)\n");
  const auto listed = peermap("user list --db sqlite:db/peermap.db");
  ASSERT_EQ(listed.code, 0) << listed;
  EXPECT_NE(listed.out.find("alice"), std::string::npos);
  EXPECT_NE(listed.out.find("active"), std::string::npos);
  EXPECT_EQ(listed.out.find("passphrase"), std::string::npos);
  EXPECT_EQ(listed.out.find("argon2"), std::string::npos);
  // The database holds an argon2id hash (m = 19 MiB, t = 2), never the password.
  const std::string db = read(dir_ / "db" / "peermap.db") + read(dir_ / "db" / "peermap.db-wal");
  EXPECT_EQ(db.find("a long enough passphrase"), std::string::npos);
  EXPECT_NE(db.find("$argon2id$v=19$m=19456,t=2,p=1$"), std::string::npos);
  // There is no way to give a password on the command line.
  EXPECT_EQ(peermap("user add --db sqlite:db/peermap.db --username bob --team t --role "
                    "practitioner --password hunter2hunter2 < pw")
                .code,
            2);
}

// An account's display name is a full name (the full-name rule, as for people on a map): given
// at `user add` or later by `user set-name`, shown by `user list`; an initial or one word is
// refused and changes nothing.
TEST_F(Cli, UserAddAndSetNameKeepAFullDisplayName) {
  file("pw", "a long enough passphrase\n");
  const auto added = peermap(
      "user add --db sqlite:p.db --username alice --team t --role practitioner "
      "--display-name 'Alice Okonkwo-Brennan' < pw");
  ASSERT_EQ(added.code, 0) << added;
  EXPECT_NE(peermap("user list --db sqlite:p.db").out.find("Alice Okonkwo-Brennan"),
            std::string::npos);
  const auto initial = peermap(
      "user add --db sqlite:p.db --username bob --team t --role practitioner "
      "--display-name 'B. Jones' < pw");
  EXPECT_EQ(initial.code, 2) << initial;
  EXPECT_NE(initial.err.find("--display-name: error:"), std::string::npos) << initial;
  EXPECT_NE(initial.err.find("initial"), std::string::npos) << initial;
  EXPECT_EQ(peermap("user list --db sqlite:p.db").out.find("bob"), std::string::npos);

  const auto one_word =
      peermap("user set-name --db sqlite:p.db --username alice --display-name Alice");
  EXPECT_EQ(one_word.code, 2) << one_word;
  EXPECT_NE(one_word.err.find("single word"), std::string::npos) << one_word;
  EXPECT_NE(peermap("user list --db sqlite:p.db").out.find("Alice Okonkwo-Brennan"),
            std::string::npos);
  const auto renamed =
      peermap("user set-name --db sqlite:p.db --username ' Alice ' --display-name 'Alice Brennan'");
  ASSERT_EQ(renamed.code, 0) << renamed;
  EXPECT_EQ(renamed.out, "display name of alice set to Alice Brennan\n");
  const auto listed = peermap("user list --db sqlite:p.db").out;
  EXPECT_NE(listed.find("Alice Brennan"), std::string::npos) << listed;
  EXPECT_EQ(listed.find("Okonkwo"), std::string::npos) << listed;
  EXPECT_EQ(
      peermap("user set-name --db sqlite:p.db --username nobody --display-name 'No One'").code, 1);
}

TEST_F(Cli, UserAddRefusesShortPasswordsDuplicatesAndUnknownRoles) {
  file("short", "tooshort\n");
  file("pw", "a long enough passphrase\n");
  const auto shorter =
      peermap("user add --db sqlite:p.db --username a --team t --role practitioner < short");
  EXPECT_EQ(shorter.code, 1);
  EXPECT_NE(shorter.err.find("at least 12 characters"), std::string::npos) << shorter;
  const auto empty =
      peermap("user add --db sqlite:p.db --username a --team t --role practitioner < /dev/null");
  EXPECT_EQ(empty.code, 1);
  EXPECT_EQ(
      peermap("user add --db sqlite:p.db --username a --team t --role practitioner < pw").code, 0);
  const auto twice =
      peermap("user add --db sqlite:p.db --username a --team t --role practitioner < pw");
  EXPECT_EQ(twice.code, 1) << twice;
  const auto role = peermap("user add --db sqlite:p.db --username b --team t --role boss < pw");
  EXPECT_EQ(role.code, 2);
  EXPECT_NE(role.err.find("--role"), std::string::npos);
}

// Finding: `aaaaaaaaaaaa`, 12 spaces, `passwordpass` and the username itself were accepted.
TEST_F(Cli, UserAddAndResetRefuseGuessablePasswordsAndTheUsername) {
  file("pw", "a long enough passphrase\n");
  for (const std::string password :
       {"aaaaaaaaaaaa", "            ", "passwordpass", "jo.bloggs.worker"}) {
    file("weak", password + "\n");
    const auto refused = peermap(
        "user add --db sqlite:p.db --username jo.bloggs.worker --team t --role practitioner < "
        "weak");
    EXPECT_EQ(refused.code, 1) << password << refused;
    EXPECT_NE(refused.err.find("too easy to guess"), std::string::npos) << refused;
    EXPECT_EQ(refused.err.find(password == "            " ? "\x01" : password), std::string::npos)
        << "the password is never echoed";
  }
  EXPECT_EQ(peermap("user list --db sqlite:p.db").out.find("jo.bloggs.worker"), std::string::npos);
  ASSERT_EQ(peermap("user add --db sqlite:p.db --username jo.bloggs.worker --team t --role "
                    "practitioner < pw")
                .code,
            0);
  file("weak", "jo.bloggs.worker\n");
  EXPECT_EQ(peermap("user reset-password --db sqlite:p.db --username jo.bloggs.worker < weak").code,
            1);
}

// Finding: "p1", "P1", "p1 " and Cyrillic "р1" could coexist, and `user list` showed "p1" twice.
TEST_F(Cli, UsernamesAreNormalisedAndAConfusableOneIsRefused) {
  file("pw", "a long enough passphrase\n");
  ASSERT_EQ(
      peermap("user add --db sqlite:p.db --username ' P1 ' --team t --role practitioner < pw").code,
      0);
  for (const std::string name : {"p1", "P1", "'p1 '", "\xD1\x80\x31"}) {
    const auto again =
        peermap("user add --db sqlite:p.db --username " + name + " --team t --role manager < pw");
    EXPECT_EQ(again.code, 1) << name << again;
    EXPECT_NE(again.err.find("too like an existing username"), std::string::npos) << again;
  }
  for (const std::string name : {"'jo bloggs'", "jo@council", "''"}) {
    const auto refused =
        peermap("user add --db sqlite:p.db --username " + name + " --team t --role manager < pw");
    EXPECT_EQ(refused.code, 2) << name << refused;
  }
  const auto list = peermap("user list --db sqlite:p.db");
  EXPECT_NE(list.out.find("p1"), std::string::npos) << list;
  EXPECT_EQ(list.out.find("P1"), std::string::npos) << list;
  EXPECT_EQ(list.out.find("p1"), list.out.rfind("p1")) << "one account: " << list;
}

TEST_F(Cli, DisableAndResetPassword) {
  file("pw", "a long enough passphrase\n");
  file("pw2", "another long passphrase\n");
  ASSERT_EQ(
      peermap("user add --db sqlite:p.db --username a --team t --role practitioner < pw").code, 0);
  const auto disabled = peermap("user disable --db sqlite:p.db --username a");
  EXPECT_EQ(disabled.code, 0) << disabled;
  EXPECT_NE(peermap("user list --db sqlite:p.db").out.find("disabled"), std::string::npos);
  EXPECT_EQ(peermap("user disable --db sqlite:p.db --username nobody").code, 1);
  const auto reset = peermap("user reset-password --db sqlite:p.db --username a < pw2");
  EXPECT_EQ(reset.code, 0) << reset;
  EXPECT_EQ(peermap("user reset-password --db sqlite:p.db --username nobody < pw2").code, 1);
}

TEST_F(Cli, DisableResetAndImportFindTheUserAsStored) {
  // Stored as "jo.bloggs" (normalised at user add); typed with capitals and spaces, the same.
  file("pw", "a long enough passphrase\n");
  file("pw2", "another long passphrase\n");
  ASSERT_EQ(peermap("user add --db sqlite:p.db --username jo.bloggs --team t --role practitioner "
                    "< pw")
                .code,
            0);
  const auto imported = peermap("map import --db sqlite:p.db --as ' Jo.Bloggs ' " +
                                quoted(kSource + "/examples/peer-group.json"));
  EXPECT_EQ(imported.code, 0) << imported;
  const auto reset = peermap("user reset-password --db sqlite:p.db --username ' JO.BLOGGS' < pw2");
  EXPECT_EQ(reset.code, 0) << reset;
  EXPECT_NE(reset.out.find("new password set for jo.bloggs;"), std::string::npos) << reset;
  const auto disabled = peermap("user disable --db sqlite:p.db --username Jo.Bloggs");
  EXPECT_EQ(disabled.code, 0) << disabled;
  EXPECT_NE(disabled.out.find("disabled jo.bloggs;"), std::string::npos) << disabled;
  EXPECT_NE(peermap("user list --db sqlite:p.db").out.find("disabled"), std::string::npos);
}

TEST_F(Cli, ADatabasePasswordOnTheCommandLineIsRefusedWithoutEchoingIt) {
  const auto r = peermap("user list --db postgresql://peermap:s3cr3t-value@127.0.0.1:1/peermap");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("PGPASSFILE"), std::string::npos) << r;
  EXPECT_EQ(r.err.find("s3cr3t-value"), std::string::npos) << r;
  const auto scheme = peermap("user list --db mysql://x");
  EXPECT_EQ(scheme.code, 2);
  EXPECT_NE(scheme.err.find("--db"), std::string::npos);
}

TEST_F(Cli, MapImportValidatesAndStoresEachDocument) {
  file("pw", "a long enough passphrase\n");
  ASSERT_EQ(
      peermap("user add --db sqlite:p.db --username a --team t --role practitioner < pw").code, 0);
  auto broken = valid_document();
  broken["people"][0]["full_name"] = 3;
  file("broken.json", broken.dump());
  const auto r = peermap("map import --db sqlite:p.db --as a " +
                         quoted(kSource + "/examples/peer-group.json") + " broken.json");
  EXPECT_EQ(r.code, 1) << r;
  EXPECT_NE(r.out.find("peer-group.json: imported as /api/maps/"), std::string::npos) << r;
  EXPECT_NE(r.err.find("broken.json: error: /people/0/full_name: "), std::string::npos) << r;
  EXPECT_EQ(peermap("map import --db sqlite:p.db --as nobody broken.json").code, 1);
}

TEST_F(Cli, ServeRefusesABadListenAddress) {
  const auto r = peermap("serve --db sqlite:p.db --listen nowhere");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--listen"), std::string::npos) << r;
  const auto half = peermap("serve --db sqlite:p.db --listen 127.0.0.1:0 --tls-cert x.pem");
  EXPECT_EQ(half.code, 2);
}

// The peer-group example: every relationship tie has its evidence strength, in document order,
// and Mia Kowalczyk is named as the only link between parts of the network, in the JSON and in
// the text.
TEST_F(Cli, AnalyzeThePeerGroupGivesEachTieItsEvidenceAndNamesTheOnlyLink) {
  const std::string example = quoted(kSource + "/examples/peer-group.json");
  const Outcome r = peermap("analyze " + example + " --json");
  ASSERT_EQ(r.code, 0) << r;
  const json j = json::parse(r.out);
  std::vector<std::string> relationships;
  const json document = json::parse(read(kSource + "/examples/peer-group.json"));
  for (const auto& t : document["ties"]) {
    if (t["kind"] == "relationship") relationships.push_back(t["id"].get<std::string>());
  }
  ASSERT_EQ(relationships.size(), 42u);
  ASSERT_TRUE(j.contains("ties")) << r;
  ASSERT_TRUE(j["ties"].is_array());
  ASSERT_EQ(j["ties"].size(), relationships.size());
  for (std::size_t k = 0; k < relationships.size(); ++k) {
    const auto& t = j["ties"][k];
    EXPECT_EQ(t["id"], relationships[k]);
    if (t["items"] == 0) {  // "no information" is its own state, not 0
      EXPECT_TRUE(t["evidence"].is_null()) << t.dump();
      EXPECT_EQ(t["evidence_state"], "no information") << t.dump();
      continue;
    }
    ASSERT_TRUE(t["evidence"].is_number()) << t.dump();
    EXPECT_GT(t["evidence"].get<double>(), 0.0) << t.dump();
    EXPECT_LE(t["evidence"].get<double>(), 1.0) << t.dump();
  }
  const auto bridge = std::find_if(j["findings"].begin(), j["findings"].end(), [](const json& f) {
    return f["kind"] == "bridge" &&
           f["text"].get<std::string>().find("Mia Kowalczyk") != std::string::npos;
  });
  ASSERT_NE(bridge, j["findings"].end()) << r;
  EXPECT_EQ((*bridge)["ids"][0], "p1");  // Mia
  const std::string sentence = (*bridge)["text"].get<std::string>();
  EXPECT_EQ(sentence.rfind("Mia Kowalczyk is the only link between ", 0), 0u) << sentence;

  const Outcome text = peermap("analyze " + example);
  ASSERT_EQ(text.code, 0) << text;
  EXPECT_NE(text.out.find("- [bridge] " + sentence + " ("), std::string::npos) << text;
}

// ---- Copies for an audience (docs/copies.md)
// -----------------------------------------------------

TEST_F(Cli, AnUnknownCopyIsAUsageErrorNamingTheOptionAndWritesNothing) {
  file("map.json", model::write_document(testing::copies_document()));
  for (const char* command :
       {"render map.json --copy public -o map.svg", "export map.json --copy public -o map.pdf",
        "layout map.json --json --copy public"}) {
    const Outcome r = peermap(command);
    EXPECT_EQ(r.code, 2) << command << "\n" << r;
    EXPECT_NE(r.err.find("--copy: error: \"public\" is not a copy"), std::string::npos) << r;
    EXPECT_EQ(r.out, "");
  }
  EXPECT_EQ(listing(), std::vector<std::string>{"map.json"});
}

TEST_F(Cli, ACopyForAnotherChildsRecordNeedsAReason) {
  file("map.json", model::write_document(testing::copies_document()));
  for (const char* command : {"render map.json --copy record-of-another-child -o map.svg",
                              "export map.json --copy record-of-another-child -o map.pdf",
                              "export map.json --copy record-of-another-child --reason ' ' -o "
                              "map.pdf"}) {
    const Outcome r = peermap(command);
    EXPECT_EQ(r.code, 2) << command << "\n" << r;
    EXPECT_NE(r.err.find("--reason: error: "), std::string::npos) << r;
  }
  EXPECT_EQ(listing(), std::vector<std::string>{"map.json"});
  const Outcome r = peermap(
      "export map.json --copy record-of-another-child --reason 'to support a referral' -o "
      "map.pdf");
  EXPECT_EQ(r.code, 0) << r;
  EXPECT_TRUE(fs::exists(dir_ / "map.pdf"));
}

TEST_F(Cli, RenderCopyShowsNoWithheldPersonByNameOrByLine) {
  // The drawing's words as text, so the SVG can be searched; the layout's nodes, so nothing
  // withheld stands on the map unnamed.
  const model::Document d = testing::copies_document();
  file("map.json", model::write_document(d));
  for (const auto audience : {model::Audience::Internal, model::Audience::Partner,
                              model::Audience::Family, model::Audience::RecordOfAnotherChild}) {
    const std::string name(model::audience_name(audience));
    SCOPED_TRACE(name);
    const std::string copy = " --copy " + name + " --reason 'for a referral'";
    Outcome r = peermap("render map.json --labels text -o " + name + ".svg" + copy);
    ASSERT_EQ(r.code, 0) << r;
    const std::string svg = read(dir_ / (name + ".svg"));
    for (const auto& word : testing::copies_forbidden_words(audience, false)) {
      EXPECT_FALSE(testing::has_word(svg, word)) << word << " is in the drawing";
    }
    for (const auto& word : testing::copies_required_words(audience, false)) {
      EXPECT_TRUE(testing::has_word(svg, word)) << word << " is not in the drawing";
    }
    r = peermap("layout map.json --json" + copy);
    ASSERT_EQ(r.code, 0) << r;
    std::set<std::string> nodes;
    const json layout = json::parse(r.out);
    for (const auto& node : layout["nodes"]) nodes.insert(node["id"].get<std::string>());
    std::set<std::string> expected{"amira", "jayden", "leon", "sofia", "kyle", "dean"};
    const auto withheld = testing::copies_withheld_people();  // kept: the loop reads into it
    for (const auto& id : withheld.at(audience)) expected.erase(id);
    EXPECT_EQ(nodes, expected);  // people only: places are regions
  }
}

TEST_F(Cli, ExportCopySaysOnItsFaceWhichCopyItIs) {
  file("map.json", model::write_document(testing::copies_document()));
  const Outcome r = peermap("export map.json --copy family -o family.pdf");
  ASSERT_EQ(r.code, 0) << r;
  const std::string command = "pdftotext -f 1 -l 2 " + quoted((dir_ / "family.pdf").string()) +
                              " " + quoted((dir_ / "family.txt").string());
  ASSERT_EQ(std::system(command.c_str()), 0);
  const std::string words = read(dir_ / "family.txt");
  EXPECT_NE(words.find("FAMILY COPY: 8 information items withheld"), std::string::npos) << words;
}

}  // namespace
}  // namespace peermap::cli
