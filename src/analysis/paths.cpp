#include "analysis/paths.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>
#include <queue>
#include <random>
#include <thread>
#include <utility>

namespace peermap::analysis {

namespace {

//! Neighbours of every node in one array (compressed sparse rows), both directions of a tie,
//! with the tie's length (1 / weight) when `weighted`.
struct Adjacency {
  std::vector<std::size_t> offsets;
  std::vector<std::uint32_t> targets;
  std::vector<double> lengths;  //!< beside `targets`; empty when unweighted

  Adjacency(const Network& network, bool weighted) : offsets(network.nodes.size() + 1, 0) {
    for (const Edge& e : network.edges) {
      ++offsets[e.source + 1];
      ++offsets[e.target + 1];
    }
    for (std::size_t v = 0; v < network.nodes.size(); ++v) offsets[v + 1] += offsets[v];
    targets.resize(offsets.back());
    if (weighted) lengths.resize(offsets.back());
    std::vector<std::size_t> fill(offsets.begin(), offsets.end() - 1);
    for (const Edge& e : network.edges) {
      if (weighted) {
        lengths[fill[e.source]] = 1.0 / e.weight;
        lengths[fill[e.target]] = 1.0 / e.weight;
      }
      targets[fill[e.source]++] = static_cast<std::uint32_t>(e.target);
      targets[fill[e.target]++] = static_cast<std::uint32_t>(e.source);
    }
  }
};

//! What one search adds to the totals of its slice.
struct Totals {
  std::vector<double>* betweenness = nullptr;
  std::vector<double>* distances = nullptr;   //!< when sampled: each reached node's distance
  std::vector<double>* reached_by = nullptr;  //!< when sampled: a count per reached node
  //! Sampled: the pair (s, t) adds d(s, v) / d(s, t) of its share to v, not all of it
  //! (Geisberger, Sanders and Schultes 2008, "linear scaling"). Over both orders of a pair the
  //! parts add up to 1, so with every source this is exact betweenness (each unordered pair once);
  //! from a sample it gives much less weight to the people next to a sampled source, whose
  //! full share would make the estimate jump with the luck of the draw.
  bool linear_scaling = false;
};

//! Scratch space for breadth-first searches from one source after another, reset after each.
class BreadthFirst {
 public:
  BreadthFirst(const Adjacency& adjacency, std::size_t n)
      : adjacency_(adjacency), distance_(n, -1), paths_(n, 0), dependency_(n, 0) {
    order_.reserve(n);
  }

  //! Adds the source's dependencies (and, sampled, distances) to `totals`; returns the
  //! source's closeness.
  double from(std::uint32_t source, const Totals& totals) {
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
      if (w == source) break;  // the source is first in order_
      const auto d = static_cast<double>(distance_[w]);
      // w's own share as a target: 1, or with linear scaling 1 / d(s, w) (times d(s, v) below)
      const double own = totals.linear_scaling ? 1 / d : 1;
      for (std::size_t k = adjacency_.offsets[w]; k < adjacency_.offsets[w + 1]; ++k) {
        const std::uint32_t v = adjacency_.targets[k];
        if (distance_[v] == distance_[w] - 1) {
          dependency_[v] += paths_[v] / paths_[w] * (own + dependency_[w]);
        }
      }
      (*totals.betweenness)[w] += totals.linear_scaling ? d * dependency_[w] : dependency_[w];
    }
    const auto reached = static_cast<double>(order_.size());
    if (totals.distances != nullptr) {
      for (std::uint32_t v : order_) {
        (*totals.distances)[v] += static_cast<double>(distance_[v]);
        (*totals.reached_by)[v] += 1;
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

//! -1, 0 or 1 as a is shorter than, as long as (within a relative 1e-10) or longer than b:
//! igraph_cmp_epsilon with IGRAPH_SHORTEST_PATH_EPSILON, for the positive keys used here.
int compare_lengths(double a, double b) {
  constexpr double kEpsilon = 1e-10;
  if (a == b) return 0;
  const double difference = a - b;
  if (std::abs(difference) / (std::abs(a) + std::abs(b)) < kEpsilon) return 0;
  return difference < 0 ? -1 : 1;
}

//! Scratch space for Dijkstra searches from one source after another, reset after each. As in
//! igraph, a node's key is 1 + its distance from the source (0: not reached yet), so that
//! lengths are compared on the same scale as igraph compares them.
class Dijkstra {
 public:
  Dijkstra(const Adjacency& adjacency, std::size_t n)
      : adjacency_(adjacency), key_(n, 0), paths_(n, 0), dependency_(n, 0), settled_at_(n, kNone) {
    order_.reserve(n);
  }

  double from(std::uint32_t source, const Totals& totals) {
    order_.clear();
    touched_.clear();
    key_[source] = 1;
    paths_[source] = 1;
    touched_.push_back(source);
    queue_.push({1.0, source});
    double distance_sum = 0;
    while (!queue_.empty()) {
      const auto [key, v] = queue_.top();
      queue_.pop();
      if (settled_at_[v] != kNone || key != key_[v]) continue;  // an outdated entry
      settled_at_[v] = static_cast<std::uint32_t>(order_.size());
      order_.push_back(v);
      distance_sum += key - 1;
      for (std::size_t k = adjacency_.offsets[v]; k < adjacency_.offsets[v + 1]; ++k) {
        const std::uint32_t w = adjacency_.targets[k];
        const double through_v = key + adjacency_.lengths[k];
        if (key_[w] == 0) {
          touched_.push_back(w);
        } else {
          const int shorter = compare_lengths(through_v, key_[w]);
          if (shorter > 0) continue;
          if (shorter == 0) {  // one more shortest route (igraph counts it even if w is settled)
            paths_[w] += paths_[v];
            continue;
          }
        }
        key_[w] = through_v;  // the first or a shorter route: v is its only predecessor so far
        paths_[w] = paths_[v];
        queue_.push({through_v, w});
      }
    }
    // Dependencies, furthest first; v precedes w when it was settled earlier and a shortest
    // route to w ends with the tie v-w.
    for (std::size_t i = order_.size(); i-- > 0;) {
      const std::uint32_t w = order_[i];
      if (w == source) break;  // the source is first in order_
      const double d = key_[w] - 1;
      const double own = totals.linear_scaling ? 1 / d : 1;  // as in BreadthFirst::from
      for (std::size_t k = adjacency_.offsets[w]; k < adjacency_.offsets[w + 1]; ++k) {
        const std::uint32_t v = adjacency_.targets[k];
        if (settled_at_[v] < settled_at_[w] &&
            compare_lengths(key_[v] + adjacency_.lengths[k], key_[w]) == 0) {
          dependency_[v] += paths_[v] / paths_[w] * (own + dependency_[w]);
        }
      }
      (*totals.betweenness)[w] += totals.linear_scaling ? d * dependency_[w] : dependency_[w];
    }
    const auto reached = static_cast<double>(order_.size());
    if (totals.distances != nullptr) {
      for (std::uint32_t v : order_) {
        (*totals.distances)[v] += key_[v] - 1;
        (*totals.reached_by)[v] += 1;
      }
    }
    for (std::uint32_t v : touched_) {
      key_[v] = 0;
      paths_[v] = 0;
      dependency_[v] = 0;
      settled_at_[v] = kNone;
    }
    return reached > 1 ? (reached - 1) / distance_sum : std::numeric_limits<double>::quiet_NaN();
  }

 private:
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  using Entry = std::pair<double, std::uint32_t>;  // (key, node): ties broken by node
  const Adjacency& adjacency_;
  std::vector<double> key_;
  std::vector<double> paths_;
  std::vector<double> dependency_;
  std::vector<std::uint32_t> settled_at_;  //!< position in order_, kNone until settled
  std::vector<std::uint32_t> order_;
  std::vector<std::uint32_t> touched_;  //!< reached nodes, to reset
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue_;
};

//! Searches from every person (or the sample), shared between the cores, and sums them up.
template <typename Search>
PathMeasures path_measures(const Network& network, const PathOptions& options, bool weighted) {
  const std::size_t n = network.nodes.size();
  PathMeasures out{std::vector<double>(n, 0), std::vector<double>(n, 0), n, false};
  if (n == 0) return out;
  const Adjacency adjacency(network, weighted);
  std::vector<std::uint32_t> sources(n);
  std::iota(sources.begin(), sources.end(), 0u);
  if (n > options.sample_above) {
    if (options.samples < n) {
      std::mt19937 rng(options.seed);
      std::shuffle(sources.begin(), sources.end(), rng);
      sources.resize(options.samples);
      std::sort(sources.begin(), sources.end());
    }
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
    Search search(adjacency, n);
    for (std::size_t slice = next++; slice < kSlices; slice = next++) {
      const Totals totals{&partial[slice], out.sampled ? &distances[slice] : nullptr,
                          out.sampled ? &reached[slice] : nullptr, out.sampled};
      for (std::size_t k = slice; k < sources.size(); k += kSlices) {
        const std::uint32_t s = sources[k];
        const double closeness = search.from(s, totals);
        if (!out.sampled) out.closeness[s] = closeness;
      }
    }
  };
  const unsigned threads =
      std::clamp(std::thread::hardware_concurrency(), 1u, static_cast<unsigned>(kSlices));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();
  const double scale = static_cast<double>(n) / static_cast<double>(sources.size());
  for (const auto& slice : partial) {
    for (std::size_t v = 0; v < n; ++v) out.betweenness[v] += slice[v];
  }
  // Exact: each unordered pair was counted from both ends. Sampled: linear scaling already
  // shares each pair between its ends; scale the sample up.
  for (double& b : out.betweenness) b *= out.sampled ? scale : 0.5;
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

}  // namespace

PathMeasures unweighted_path_measures(const Network& network, const PathOptions& options) {
  return path_measures<BreadthFirst>(network, options, false);
}

PathMeasures weighted_path_measures(const Network& network, const PathOptions& options) {
  return path_measures<Dijkstra>(network, options, true);
}

}  // namespace peermap::analysis
