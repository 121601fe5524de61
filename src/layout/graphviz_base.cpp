#include "layout/graphviz_base.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "base/handle.hpp"

namespace peermap::layout {

namespace {

using GraphPtr = Handle<Agraph_t, agclose>;
using ContextPtr = Handle<GVC_t, gvFreeContext>;

//! Frees a layout made by gvLayout before the graph is closed.
class LayoutGuard {
 public:
  LayoutGuard(GVC_t* context, Agraph_t* graph) : context_(context), graph_(graph) {}
  ~LayoutGuard() { gvFreeLayout(context_, graph_); }
  LayoutGuard(const LayoutGuard&) = delete;
  LayoutGuard& operator=(const LayoutGuard&) = delete;

 private:
  GVC_t* context_;
  Agraph_t* graph_;
};

std::mutex& graphviz_mutex() {
  static std::mutex mutex;
  return mutex;
}

// Graphviz reports through a C callback; collect the text, never throw across it.
std::string& graphviz_errors() {
  static std::string errors;
  return errors;
}
int collect_graphviz_error(char* message) noexcept {
  try {
    if (message != nullptr) graphviz_errors() += message;
  } catch (...) {  // out of memory: the layout still fails, only without Graphviz's words
  }
  return 0;
}

std::string number(double value) {
  char buffer[64];
  (void)std::snprintf(buffer, sizeof buffer, "%.4f", value);  // a page measure fits
  return buffer;
}

void set(void* object, const char* name, const std::string& value) {
  agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()),
            const_cast<char*>(""));
}

}  // namespace

Result<std::vector<Point>> graphviz_positions(const std::vector<BaseNode>& nodes,
                                              const std::vector<BaseEdge>& edges, BaseEngine engine,
                                              unsigned seed, const OutOfTime& out_of_time,
                                              double gap) {
  if (nodes.empty()) return std::vector<Point>{};
  const std::lock_guard<std::mutex> lock(graphviz_mutex());
  // The wait for the lock (another layout's Graphviz run) counts against the budget.
  if (spent(out_of_time)) return out_of_time_error();
  graphviz_errors().clear();
  agseterr(AGERR);
  agseterrf(collect_graphviz_error);

  static ContextPtr context(gvContext());  // plugins load once per process
  GraphPtr graph(agopen(const_cast<char*>("peermap"), Agundirected, nullptr));
  if (!context || !graph) return Error{ErrorKind::Internal, "graphviz: cannot create a graph"};

  Agraph_t* g = graph.get();
  const bool any_pin =
      std::any_of(nodes.begin(), nodes.end(), [](const BaseNode& n) { return n.pin.has_value(); });
  // Prism (Gansner and Hu) removes overlaps along the layout's proximity graph: on the
  // legibility corpus it left crossings as neato's own, where pushing pairs apart (overlap.cpp)
  // doubled them. It does not keep pins, so with pins overlaps are left to overlap.cpp. sfdp's
  // large maps use it too: at 1,000 people it took a third of the CPU that pushing pairs apart
  // did, with a twentieth of the crossings and no tie left through a person
  // (docs/benchmarks-legibility.md).
  const bool prism = gap > 0 && !any_pin;
  set(g, "overlap", prism ? "prism" : "true");
  if (prism) set(g, "sep", "+" + number(gap / 2));
  // Before removing overlaps prism scales the layout so that an edge is as long as this many
  // average boxes; Graphviz's default (4) spread the peer-group example's 25 people over
  // 1,048 x 1,080 pt, at 2 they take 761 x 714 pt, and the legibility corpus has as few
  // crossings (2,860 against 2,902 on its 24-map subset; docs/benchmarks-legibility.md).
  if (prism) set(g, "overlap_scaling", "-2");
  set(g, "splines", "false");
  set(g, "notranslate", "true");
  // Separate parts of the network (people with no ties among them) are packed side by side in
  // rows. Graphviz's default polyomino packing costs O(n^2) and more in the number of parts:
  // 1,000 people with no ties took 24 s to pack, in rows 0.06 s. Packing moves each part as a
  // whole, which pins cannot survive, so a layout with pins is not packed.
  if (!any_pin) set(g, "packmode", "array");
  set(g, "start", "random" + std::to_string(seed));
  if (engine == BaseEngine::MultiLevel) {
    set(g, "K", "1.2");
    set(g, "smoothing", "none");
  } else {
    // Run the stress nearly to convergence: stopping at epsilon 0.01 (after at most 300
    // iterations) left a quarter more crossings on the legibility corpus than Graphviz's own
    // 1e-4; 1e-3 leaves 1 % more than 1e-4 and costs a sixth less.
    set(g, "epsilon", "0.001");
  }

  std::vector<Agnode_t*> handles;
  handles.reserve(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    std::string name = "n" + std::to_string(i);
    Agnode_t* node = agnode(g, name.data(), 1);
    set(node, "shape", "box");
    set(node, "fixedsize", "true");
    set(node, "label", "");
    set(node, "width", number(nodes[i].width / 72.0));
    set(node, "height", number(nodes[i].height / 72.0));
    if (nodes[i].pin) {
      // Graphviz's y grows upwards and its pos is in inches.
      set(node, "pos",
          number(nodes[i].pin->x / 72.0) + "," + number(-nodes[i].pin->y / 72.0) + "!");
      set(node, "pin", "true");
    } else if (nodes[i].start) {
      set(node, "pos", number(nodes[i].start->x / 72.0) + "," + number(-nodes[i].start->y / 72.0));
    }
    handles.push_back(node);
  }
  for (const BaseEdge& edge : edges) {
    if (edge.a == edge.b) continue;
    Agedge_t* e = agedge(g, handles[static_cast<std::size_t>(edge.a)],
                         handles[static_cast<std::size_t>(edge.b)], nullptr, 1);
    set(e, "len", number(edge.length / 72.0));
    set(e, "weight", number(edge.weight));
  }

  const char* engine_name = engine == BaseEngine::Stress ? "neato" : "sfdp";
  if (gvLayout(context.get(), g, engine_name) != 0) {
    return Error{ErrorKind::Internal, "graphviz layout failed: " + graphviz_errors()};
  }
  const LayoutGuard guard(context.get(), g);
  std::vector<Point> positions;
  positions.reserve(nodes.size());
  for (Agnode_t* node : handles) {
    // Rounded to 1/100 pt: Graphviz's last bits vary with memory layout between runs.
    positions.push_back(
        {std::round(ND_coord(node).x * 100) / 100, -std::round(ND_coord(node).y * 100) / 100});
  }
  // Engines that do not honour pins (sfdp) or that translate still keep relative positions:
  // shift so the first pinned node sits on its pin, then put every pinned node on its own.
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (!nodes[i].pin) continue;
    const double dx = nodes[i].pin->x - positions[i].x;
    const double dy = nodes[i].pin->y - positions[i].y;
    for (Point& p : positions) {
      p.x += dx;
      p.y += dy;
    }
    break;
  }
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].pin) positions[i] = *nodes[i].pin;
  }
  return positions;
}

}  // namespace peermap::layout
