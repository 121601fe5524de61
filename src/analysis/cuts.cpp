#include "analysis/cuts.hpp"

#include <algorithm>
#include <limits>

namespace peermap::analysis {

namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

//! Every node's ties (edge indices), both ends, in edge order.
std::vector<std::vector<std::size_t>> incidence(const Network& network) {
  std::vector<std::vector<std::size_t>> ties(network.nodes.size());
  for (std::size_t k = 0; k < network.edges.size(); ++k) {
    ties[network.edges[k].source].push_back(k);
    ties[network.edges[k].target].push_back(k);
  }
  return ties;
}

std::size_t other_end(const Edge& e, std::size_t v) { return e.source == v ? e.target : e.source; }

}  // namespace

Cuts find_cuts(const Network& network) {
  const std::size_t n = network.nodes.size();
  const auto ties = incidence(network);
  // discovered[v]: v's number in depth-first order; low[v]: the smallest number v's subtree
  // reaches by one tie other than the one v was entered by (a parallel twin of that tie counts).
  std::vector<std::size_t> discovered(n, kNone);
  std::vector<std::size_t> low(n, 0);
  std::vector<std::size_t> entered_by(n, kNone);  // edge index; kNone for a root
  std::vector<char> cut(n, 0);
  std::size_t count = 0;
  Cuts cuts;

  struct Frame {
    std::size_t node;
    std::size_t next = 0;      // position in ties[node]
    std::size_t children = 0;  // for a root: two or more make it a cut point
  };
  std::vector<Frame> stack;
  for (std::size_t root = 0; root < n; ++root) {
    if (discovered[root] != kNone) continue;
    discovered[root] = low[root] = count++;
    stack.push_back({root});
    while (!stack.empty()) {
      const std::size_t v = stack.back().node;
      if (stack.back().next < ties[v].size()) {
        const std::size_t k = ties[v][stack.back().next++];
        if (k == entered_by[v]) continue;
        const std::size_t w = other_end(network.edges[k], v);
        if (discovered[w] == kNone) {
          ++stack.back().children;
          entered_by[w] = k;
          discovered[w] = low[w] = count++;
          stack.push_back({w});
        } else {
          low[v] = std::min(low[v], discovered[w]);
        }
        continue;
      }
      const std::size_t children = stack.back().children;
      stack.pop_back();
      if (stack.empty()) {  // v is the root
        if (children >= 2) cut[v] = 1;
        continue;
      }
      const std::size_t p = stack.back().node;
      low[p] = std::min(low[p], low[v]);
      if (low[v] > discovered[p]) cuts.bridges.push_back(entered_by[v]);
      // v's subtree cannot get above p without p: p cuts it off (a root is judged above).
      if (low[v] >= discovered[p] && stack.size() >= 2) cut[p] = 1;
    }
  }
  std::sort(cuts.bridges.begin(), cuts.bridges.end());
  for (std::size_t v = 0; v < n; ++v) {
    if (cut[v] != 0) cuts.people.push_back(v);
  }
  return cuts;
}

std::vector<std::vector<std::size_t>> parts_without(const Network& network, std::size_t person) {
  const std::size_t n = network.nodes.size();
  const auto ties = incidence(network);
  std::vector<std::size_t> part_of(n, kNone);
  std::vector<std::vector<std::size_t>> parts;
  part_of[person] = kNone - 1;  // never entered
  for (std::size_t k : ties[person]) {
    const std::size_t start = other_end(network.edges[k], person);
    if (part_of[start] != kNone) continue;
    std::vector<std::size_t> part{start};
    part_of[start] = parts.size();
    for (std::size_t head = 0; head < part.size(); ++head) {
      for (std::size_t j : ties[part[head]]) {
        const std::size_t w = other_end(network.edges[j], part[head]);
        if (part_of[w] != kNone) continue;
        part_of[w] = parts.size();
        part.push_back(w);
      }
    }
    std::sort(part.begin(), part.end());
    parts.push_back(std::move(part));
  }
  std::sort(parts.begin(), parts.end(),
            [](const auto& a, const auto& b) { return a.front() < b.front(); });
  return parts;
}

}  // namespace peermap::analysis
