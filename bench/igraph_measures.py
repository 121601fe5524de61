#!/usr/bin/env python3
"""The peer that `peermap analyze` is measured against (issue 3): Debian's python3-igraph doing
the same load and the same measures with igraph's defaults. When the GraphML has edge weights,
they are used as peermap uses them: as weights for PageRank, eigenvector centrality and the
communities, and as lengths 1 / weight for betweenness and closeness.
Usage: igraph_measures.py FILE.graphml"""
import sys

import igraph as ig

g = ig.Graph.Read_GraphML(sys.argv[1])
g.to_undirected(mode="each")
weights = g.es["weight"] if "weight" in g.es.attributes() else None
lengths = [1.0 / w for w in weights] if weights else None
degree = g.degree()
betweenness = g.betweenness(directed=False, weights=lengths)
closeness = g.closeness(weights=lengths)
pagerank = g.pagerank(damping=0.85, weights=weights)
eigenvector = g.eigenvector_centrality(scale=True, weights=weights)
communities = g.community_leiden(objective_function="modularity", weights=weights, n_iterations=-1)
print(f"{g.vcount()} nodes, {g.ecount()} edges, {len(communities)} communities, "
      f"modularity {g.modularity(communities, weights=weights):.4f}, "
      f"{'weighted' if weights else 'unweighted'}")
