// Layout + regions + key + SVG for maps of 50, 200 and 1,000 people, side by side with
// Debian's `neato -Tsvg` on the same graphs, in one run. Prints each ratio at the end.
//
//   make bench      (or: build/bench/bench/render_bench)
//
// Three measurements a size: peermap in-process (layout + render), the whole `peermap render`
// process, and the whole `neato -Tsvg` process (overlap=prism) on the same people, as labelled
// boxes, and the same ties. And the workspace's live edit at 200 people: a name changed, laid
// out from the previous positions, with and without its screenful PNG. Ratio = peermap process /
// neato process. bench/legibility.py compares the drawings themselves (crossings, ties through
// people).
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "model/json_io.hpp"
#include "render/render.hpp"
#include "support/random_document.hpp"

namespace {

using peermap::model::Document;

Document map_of(int people) {
  peermap::testing::RandomMapShape shape;
  shape.people = people;
  shape.groups = 2 + people / 25;
  shape.locations = 1 + people / 50;
  shape.ties_per_person = 1.5;
  return peermap::testing::random_document(static_cast<unsigned>(people), shape);
}

//! The same graph for neato, as issue 10 compares them: each person a box labelled with the
//! name, the same relationship ties, overlaps removed by prism.
std::string as_dot(const Document& d) {
  std::ostringstream dot;
  dot << "graph G {\n  graph [overlap=prism, splines=false];\n"
         "  node [shape=box, fontsize=9, fontname=\"DejaVu Sans\"];\n";
  for (const auto& p : d.people) dot << "  \"" << p.id << "\" [label=\"" << p.full_name << "\"];\n";
  for (const auto& t : d.ties) {
    if (t.kind == peermap::model::TieKind::Relationship)
      dot << "  \"" << t.from << "\" -- \"" << t.to << "\";\n";
  }
  dot << "}\n";
  return dot.str();
}

std::filesystem::path work_dir() {
  static const std::filesystem::path dir = [] {
    auto p = std::filesystem::temp_directory_path() / "peermap-bench";
    std::filesystem::create_directories(p);
    return p;
  }();
  return dir;
}

std::string file_for(int people, const char* extension) {
  return (work_dir() / ("map-" + std::to_string(people) + extension)).string();
}

void write_inputs(int people) {
  const Document d = map_of(people);
  std::ofstream(file_for(people, ".json")) << peermap::model::write_document(d);
  std::ofstream(file_for(people, ".dot")) << as_dot(d);
}

//! Runs a command to completion, its output to /dev/null; false when it fails.
bool run(std::vector<std::string> args) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return false;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

void BM_PeermapInProcess(benchmark::State& state) {
  const Document d = map_of(static_cast<int>(state.range(0)));
  for ([[maybe_unused]] auto _ : state) {
    auto page = peermap::render::prepare_page(d, {});  // the pipeline every face calls
    auto svg = peermap::render::write_page(page.value(), {});
    benchmark::DoNotOptimize(svg);
  }
}

//! The workspace's live edit (issue 9): one person's full name changed (so their label and the
//! layout change), the map laid out from the previous revision's page (anchored), then drawn
//! as the editor's first paint of it, a screenful PNG of the whole page 1,100 pixels wide.
//! Each iteration gives the name a new spelling, as each save would.
void BM_PeermapEditInProcess(benchmark::State& state) {
  Document d = map_of(static_cast<int>(state.range(0)));
  const bool draw = state.range(1) != 0;
  const auto earlier = peermap::render::prepare_page(d, {});
  int edit = 0;
  for ([[maybe_unused]] auto _ : state) {
    d.people[7].full_name =
        "Ellie-Mae Fairbrother-" + std::string(1 + edit % 9, 'x') + std::to_string(edit);
    ++edit;
    auto page = peermap::render::prepare_page(d, {}, &earlier.value());
    if (draw) {
      peermap::render::FileOptions screenful;
      screenful.format = peermap::render::Format::Png;
      screenful.png_area =
          peermap::render::PageArea{0, 0, page->paper.width, page->paper.height, 1100};
      auto png = peermap::render::write_page(page.value(), screenful);
      benchmark::DoNotOptimize(png);
    }
    benchmark::DoNotOptimize(page);
  }
}

void BM_PeermapRenderProcess(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  write_inputs(n);
  for ([[maybe_unused]] auto _ : state) {
    if (!run({PEERMAP_BINARY, "render", file_for(n, ".json"), "-o", file_for(n, ".svg")})) {
      state.SkipWithError("peermap render failed");
    }
  }
}

void BM_NeatoSvgProcess(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  write_inputs(n);
  for ([[maybe_unused]] auto _ : state) {
    if (!run({"neato", "-Tsvg", file_for(n, ".dot")})) state.SkipWithError("neato failed");
  }
}

BENCHMARK(BM_PeermapInProcess)
    ->Arg(50)
    ->Arg(200)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);
BENCHMARK(BM_PeermapEditInProcess)
    ->ArgNames({"people", "draw"})
    ->Args({200, 0})
    ->Args({200, 1})
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);
BENCHMARK(BM_PeermapRenderProcess)
    ->Arg(50)
    ->Arg(200)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);
BENCHMARK(BM_NeatoSvgProcess)
    ->Arg(50)
    ->Arg(200)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);

//! Keeps each run's time so the ratios can be printed after the table.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs) times_[r.benchmark_name()] = r.GetAdjustedRealTime();
    ConsoleReporter::ReportRuns(runs);
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    std::printf(
        "\nratio = peermap render (whole process) / neato -Tsvg (whole process); <= 1.0 is the "
        "goal\n");
    for (int n : {50, 200, 1000}) {
      const double ours =
          times_["BM_PeermapRenderProcess/" + std::to_string(n) + "/min_time:2.000"];
      const double neato = times_["BM_NeatoSvgProcess/" + std::to_string(n) + "/min_time:2.000"];
      if (ours > 0 && neato > 0)
        std::printf("  %5d people: %8.1f ms vs %8.1f ms  ratio %.2f\n", n, ours, neato,
                    ours / neato);
    }
  }

 private:
  std::map<std::string, double> times_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
