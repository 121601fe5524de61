#!/usr/bin/env python3
"""The peer that `peermap analyze` is measured against (issue 3): Debian's python3-igraph doing
the same load and the same measures with igraph's defaults. Usage: igraph_measures.py FILE.graphml"""
import sys

import igraph as ig

g = ig.Graph.Read_GraphML(sys.argv[1])
g.to_undirected(mode="each")
degree = g.degree()
betweenness = g.betweenness(directed=False)
closeness = g.closeness()
pagerank = g.pagerank(damping=0.85)
eigenvector = g.eigenvector_centrality(scale=True)
communities = g.community_leiden(objective_function="modularity", n_iterations=-1)
print(f"{g.vcount()} nodes, {g.ecount()} edges, {len(communities)} communities, "
      f"modularity {g.modularity(communities):.4f}")
