#include "analysis/paths.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <thread>

namespace peermap::analysis {

namespace {

//! Neighbours of every node in one array (compressed sparse rows), both directions of a tie.
struct Adjacency {
  std::vector<std::size_t> offsets;
  std::vector<std::uint32_t> targets;

  explicit Adjacency(const Network& network) : offsets(network.nodes.size() + 1, 0) {
    for (const Edge& e : network.edges) {
      ++offsets[e.source + 1];
      ++offsets[e.target + 1];
    }
    for (std::size_t v = 0; v < network.nodes.size(); ++v) offsets[v + 1] += offsets[v];
    targets.resize(offsets.back());
    std::vector<std::size_t> fill(offsets.begin(), offsets.end() - 1);
    for (const Edge& e : network.edges) {
      targets[fill[e.source]++] = static_cast<std::uint32_t>(e.target);
      targets[fill[e.target]++] = static_cast<std::uint32_t>(e.source);
    }
  }
};

//! Scratch space for searches from one source after another, reset after each.
class Searcher {
 public:
  Searcher(const Adjacency& adjacency, std::size_t n)
      : adjacency_(adjacency), distance_(n, -1), paths_(n, 0), dependency_(n, 0) {
    order_.reserve(n);
  }

  //! Adds the source's dependencies to `betweenness` and, when given, each reached node's
  //! distance to `distances` and a count to `reached_by`; returns the source's closeness.
  double from(std::uint32_t source, std::vector<double>& betweenness, std::vector<double>* distances,
              std::vector<double>* reached_by) {
    order_.clear();
    order_.push_back(source);
    distance_[source] = 0;
    paths_[source] = 1;
    double distance_sum = 0;
    for (std::size_t head = 0; head < order_.size(); ++head) {
      const std::uint32_t v = order_[head];
      distance_sum += static_cast<double>(distance_[v]);
      for (std::size_t k = adjacency_.offsets[v]; k < adjacency_.offsets[v + 1]; ++k) {
        const std::uint32_t w = adjacency_.targets[k];
        if (distance_[w] < 0) {
          distance_[w] = distance_[v] + 1;
          order_.push_back(w);
        }
        if (distance_[w] == distance_[v] + 1) paths_[w] += paths_[v];
      }
    }
    for (std::size_t i = order_.size(); i-- > 0;) {
      const std::uint32_t w = order_[i];
      for (std::size_t k = adjacency_.offsets[w]; k < adjacency_.offsets[w + 1]; ++k) {
        const std::uint32_t v = adjacency_.targets[k];
        if (distance_[v] == distance_[w] - 1) dependency_[v] += paths_[v] / paths_[w] * (1 + dependency_[w]);
      }
      if (w != source) betweenness[w] += dependency_[w];
    }
    const auto reached = static_cast<double>(order_.size());
    if (distances != nullptr) {
      for (std::uint32_t v : order_) {
        (*distances)[v] += static_cast<double>(distance_[v]);
        (*reached_by)[v] += 1;
      }
    }
    for (std::uint32_t v : order_) {
      distance_[v] = -1;
      paths_[v] = 0;
      dependency_[v] = 0;
    }
    return reached > 1 ? (reached - 1) / distance_sum : std::numeric_limits<double>::quiet_NaN();
  }

 private:
  const Adjacency& adjacency_;
  std::vector<std::int64_t> distance_;
  std::vector<double> paths_;
  std::vector<double> dependency_;
  std::vector<std::uint32_t> order_;
};

}  // namespace

PathMeasures unweighted_path_measures(const Network& network, const PathOptions& options) {
  const std::size_t n = network.nodes.size();
  PathMeasures out{std::vector<double>(n, 0), std::vector<double>(n, 0), n, false};
  if (n == 0) return out;
  const Adjacency adjacency(network);
  std::vector<std::uint32_t> sources(n);
  std::iota(sources.begin(), sources.end(), 0u);
  if (n > options.sample_above && options.samples < n) {
    std::mt19937 rng(options.seed);
    std::shuffle(sources.begin(), sources.end(), rng);
    sources.resize(options.samples);
    std::sort(sources.begin(), sources.end());
    out.sampled = true;
    out.sources = sources.size();
  }
  // A fixed number of slices, summed in order: the same sums on any number of cores.
  constexpr std::size_t kSlices = 16;
  std::vector<std::vector<double>> partial(kSlices, std::vector<double>(n, 0));
  std::vector<std::vector<double>> distances(out.sampled ? kSlices : 0, std::vector<double>(n, 0));
  std::vector<std::vector<double>> reached(out.sampled ? kSlices : 0, std::vector<double>(n, 0));
  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    Searcher searcher(adjacency, n);
    for (std::size_t slice = next++; slice < kSlices; slice = next++) {
      for (std::size_t k = slice; k < sources.size(); k += kSlices) {
        const std::uint32_t s = sources[k];
        const double closeness = searcher.from(s, partial[slice], out.sampled ? &distances[slice] : nullptr,
                                               out.sampled ? &reached[slice] : nullptr);
        if (!out.sampled) out.closeness[s] = closeness;
      }
    }
  };
  const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, static_cast<unsigned>(kSlices));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();
  const double scale = static_cast<double>(n) / static_cast<double>(sources.size());
  for (const auto& slice : partial) {
    for (std::size_t v = 0; v < n; ++v) out.betweenness[v] += slice[v];
  }
  // Each unordered pair was counted from both ends (or, sampled, scale the sample up).
  for (double& b : out.betweenness) b *= scale / 2;
  if (out.sampled) {
    for (std::size_t v = 0; v < n; ++v) {
      double distance_sum = 0;
      double reached_count = 0;
      for (std::size_t slice = 0; slice < kSlices; ++slice) {
        distance_sum += distances[slice][v];
        reached_count += reached[slice][v];
      }
      // Sources that reached v, scaled up, estimate how many v reaches (itself included).
      const double reachable = reached_count * scale;
      out.closeness[v] = distance_sum > 0 ? (reachable - 1) / (distance_sum * scale)
                                          : std::numeric_limits<double>::quiet_NaN();
    }
  }
  return out;
}

}  // namespace peermap::analysis
