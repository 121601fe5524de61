#!/usr/bin/python3
"""Regenerates the expected measures of the real networks in this folder (karate.csv,
florentine.csv) with Debian's python3-igraph, igraph's defaults as issue 3 defines the measures:
degree; betweenness (undirected, unnormalised); closeness (normalised over reachable vertices);
PageRank (damping 0.85); eigenvector centrality (scaled so the largest is 1).

Writes NAME.igraph.csv beside NAME.csv: id, then the five measures, each float printed so it
reads back to the same double. tests/analysis/igraph_reference_test.cpp compares
`compute_measures` with these files to 1e-6 relative, without needing Python at run time.

Usage (from anywhere): /usr/bin/python3 tests/analysis/data/igraph_expected.py
(needs the python3-igraph package: apt-get install python3-igraph)."""
import csv
import os

import igraph as ig

HERE = os.path.dirname(os.path.abspath(__file__))
NETWORKS = ["karate", "florentine"]


def read_edge_list(path):
    """The edge list as peermap reads it: nodes numbered in order of first appearance."""
    index = {}
    edges = []
    with open(path, newline="") as f:
        rows = csv.reader(f)
        header = [cell.strip().lower() for cell in next(rows)]
        assert header == ["source", "target"], f"{path}: unexpected header {header}"
        for row in rows:
            if not row or all(not cell.strip() for cell in row):
                continue
            ends = []
            for label in row[:2]:
                if label not in index:
                    index[label] = len(index)
                ends.append(index[label])
            edges.append(tuple(ends))
    graph = ig.Graph(n=len(index), edges=edges, directed=False)
    graph.vs["name"] = list(index)
    return graph


def main():
    for name in NETWORKS:
        g = read_edge_list(os.path.join(HERE, name + ".csv"))
        columns = {
            "degree": g.degree(),
            "betweenness": g.betweenness(directed=False),
            "closeness": g.closeness(normalized=True),
            "pagerank": g.pagerank(damping=0.85, directed=False),
            "eigenvector": g.eigenvector_centrality(directed=False, scale=True),
        }
        out = os.path.join(HERE, name + ".igraph.csv")
        with open(out, "w", newline="") as f:
            f.write("# " + name + ".csv measured by python3-igraph " + ig.__version__ +
                    " (tests/analysis/data/igraph_expected.py)\n")
            f.write("id," + ",".join(columns) + "\n")
            for v in range(g.vcount()):
                f.write(g.vs[v]["name"] + "," + ",".join(repr(columns[c][v]) for c in columns) + "\n")
        print(f"{out}: {g.vcount()} nodes, {g.ecount()} edges")


if __name__ == "__main__":
    main()
