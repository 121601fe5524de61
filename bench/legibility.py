#!/usr/bin/env python3
"""The legibility benchmark (issue 10): peermap's drawing side by side with Graphviz's neato
with overlap=prism on the same graphs, in one run.

It generates its own deterministic corpus of peer maps (peermap/1 JSON): 120 maps of 10 to 300
people in clusters, with overlapping groups and places (every sixth map has none), and reports

  * edge crossings, peermap / neato+prism, by size band (10-50, 51-150, 151-300), for maps
    without groups or places, and the median over all maps. Crossings are counted from the
    produced geometry: peermap's `peermap layout --json` lines, neato's -Tplain positions
    (straight lines between centres) on the same graph: the same people as boxes of the same
    size as peermap's footprints (symbol and label), the same ties;
  * ties drawn through the symbol or label of a person they do not connect (peermap; the
    target is 0), and for neato through another person's box;
  * the sheet each map of up to 150 people needs (item 6: A4 or A3, with names printed at 7 pt
    or more), read off the width of `peermap render`'s SVG page, by size band;
  * whole-process render time, `peermap render X.json -o X.svg` against `neato -Tsvg` on the
    same graph, at 50, 200 and 1,000 people (median of --runs runs each, taken in turn, and the
    median of the pairwise ratios), and `peermap render` of maps of 500, 1,000 and 2,000 people
    with no ties (the target is 2 s at 2,000).

    bench/legibility.py [--build build/release] [--work /tmp/peermap-legibility] [--runs 5]
                        [--maps 120] [--every N] [--band 0|1|2] [--no-times]
                        [--markdown FILE] [--details FILE]

Needs Python 3, Graphviz's neato and a built peermap. Deterministic: the same corpus and the
same crossing counts every run (the times vary with the machine).
"""

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time

FIRST = ["Amira", "Jayden", "Chloe", "Tomasz", "Priya", "Kwame", "Sofia", "Liam", "Nadia",
         "Oskar", "Leah", "Bilal", "Maya", "Callum", "Zara", "Dylan", "Bożena", "Ruby"]
LAST = ["Carter", "Okafor", "Nowak", "Haddad", "Reid", "Sandhu", "Evans", "Kowalski",
        "Mensah", "Lindqvist", "Patel", "O'Neill", "Begum", "Moreau", "Tran", "Silva",
        "Wright-Brzęczyszczykiewicz", "Mbatha-Hughes"]
GENDERS = ["female", "male", "non-binary", "other", "unknown"]
NATURES = ["friend", "associate", "family", "online", "rival"]
PLACE_KINDS = ["park", "school", "shop", "estate", "youth-club", "transport-hub"]
GROUP_KINDS = ["friendship", "gang", "school-year", "online"]


def generate_map(seed, people, with_regions=True, ties=True):
    """A peer map of `people` people in 2..6 clusters: most ties inside a cluster, a few
    between; a group or two per cluster, some groups and every place across clusters, some
    people in two groups. The same seed gives the same document."""
    rng = random.Random(seed)
    clusters = max(1, min(6, 2 + people // 60 + rng.randint(0, 2)))
    cluster_of = [i * clusters // people for i in range(people)]
    doc = {
        "format": "peermap/1",
        "map": {"title": f"Legibility corpus map {seed}", "subject_children": ["p0"],
                "status": "meeting", "map_date": "2026-11-01"},
        "people": [], "groups": [], "locations": [], "ties": [],
    }
    for i in range(people):
        role = "subject-child" if i == 0 else ("adult-of-concern" if rng.random() < 0.1
                                               else "peer")
        doc["people"].append({
            "id": f"p{i}", "full_name": f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}",
            "gender": rng.choice(GENDERS), "role": role, "roth": rng.random() < 0.15})
    tie_id = 0

    def tie(kind, a, b, **fields):
        nonlocal tie_id
        doc["ties"].append({"id": f"t{tie_id}", "kind": kind, "from": a, "to": b, **fields})
        tie_id += 1

    if ties:
        members = [[i for i in range(people) if cluster_of[i] == c] for c in range(clusters)]
        related = set()
        target = int(people * rng.uniform(1.1, 1.8))
        while len(related) < target:
            a = rng.randrange(people)
            if rng.random() < 0.88:
                b = rng.choice(members[cluster_of[a]])
            else:
                b = rng.randrange(people)
            if a == b or (min(a, b), max(a, b)) in related:
                if len(related) >= people * (people - 1) // 2:
                    break
                continue
            related.add((min(a, b), max(a, b)))
        for a, b in sorted(related):
            tie("relationship", f"p{a}", f"p{b}", nature=rng.choice(NATURES),
                strength=rng.randint(1, 3))
    if with_regions:
        groups = 0
        for c in range(clusters):
            for _ in range(rng.randint(1, 2)):
                doc["groups"].append({"id": f"g{groups}", "name": f"Group {groups}",
                                      "kind": rng.choice(GROUP_KINDS)})
                cluster_members = [i for i in range(people) if cluster_of[i] == c]
                for i in rng.sample(cluster_members, max(2, len(cluster_members) // 3)):
                    tie("member-of", f"p{i}", f"g{groups}")
                groups += 1
        for _ in range(rng.randint(0, 2)):  # groups across clusters: overlapping memberships
            doc["groups"].append({"id": f"g{groups}", "name": f"Group {groups}",
                                  "kind": rng.choice(GROUP_KINDS)})
            for i in rng.sample(range(people), max(2, people // 12)):
                tie("member-of", f"p{i}", f"g{groups}")
            groups += 1
        for place in range(rng.randint(1, 2 + people // 100)):
            doc["locations"].append({"id": f"l{place}", "name": f"Place {place}",
                                     "kind": rng.choice(PLACE_KINDS)})
            for i in rng.sample(range(people), max(2, people // 10)):
                tie("frequents", f"p{i}", f"l{place}")
        # A member-of tie is one per person and group: drop repeats.
        seen, unique = set(), []
        for t in doc["ties"]:
            key = (t["kind"], t["from"], t["to"])
            if t["kind"] != "relationship" and key in seen:
                continue
            seen.add(key)
            unique.append(t)
        doc["ties"] = unique
    return doc


BANDS = [(10, 50), (51, 150), (151, 300)]


def corpus(count, every=1, band=None):
    """`count` maps, a third in each size band, every sixth without groups or places. A subset
    for quick runs: every `every`-th triple of maps (one of each band), and only `band` (0, 1
    or 2) when given. A map's contents never depend on the subset chosen."""
    bands = BANDS
    maps = []
    for k in range(count):
        if (k // 3) % every != 0 or (band is not None and k % 3 != band):
            continue
        lo, hi = bands[k % 3]
        rng = random.Random(1000 + k)
        people = rng.randint(lo, hi)
        maps.append((f"map{k:03d}", generate_map(1000 + k, people, with_regions=k % 6 != 5),
                     k % 6 != 5))
    return maps


def run(args, timeout=600):
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=timeout)


def peermap_geometry(peermap, path):
    return json.loads(run([peermap, "layout", path, "--json"]).stdout)


def relationship_ties(doc):
    return [(t["from"], t["to"]) for t in doc["ties"] if t["kind"] == "relationship"]


def footprint(node):
    """Symbol and label together, as (x0, y0, x1, y1)."""
    sx0, sy0 = node["x"] - node["w"] / 2, node["y"] - node["h"] / 2
    lab = node["label"]
    return (min(sx0, lab["x"]), min(sy0, lab["y"]), max(sx0 + node["w"], lab["x"] + lab["w"]),
            max(sy0 + node["h"], lab["y"] + lab["h"]))


def as_dot(doc, geometry):
    """The same graph for neato: each person a labelled box as large as peermap's footprint of
    that person, the same ties, overlap removed by prism."""
    nodes = {n["id"]: n for n in geometry["nodes"]}
    lines = ["graph G {", "  graph [overlap=prism, splines=false, outputorder=edgesfirst];",
             "  node [shape=box, fixedsize=true, fontsize=9, fontname=\"DejaVu Sans\"];"]
    for p in doc["people"]:
        x0, y0, x1, y1 = footprint(nodes[p["id"]])
        name = p["full_name"].replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'  "{p["id"]}" [label="{name}", width={(x1 - x0) / 72:.4f}, '
                     f'height={(y1 - y0) / 72:.4f}];')
    for a, b in relationship_ties(doc):
        lines.append(f'  "{a}" -- "{b}";')
    lines.append("}")
    return "\n".join(lines) + "\n"


def neato_positions(dot_path):
    """Node centres (points) and sizes from `neato -Tplain`."""
    out = run(["neato", "-Tplain", dot_path]).stdout
    nodes = {}
    for line in out.splitlines():
        parts = line.split()
        if parts and parts[0] == "node":
            # node name x y width height label ...; -Tplain quotes names only when needed.
            name = parts[1].strip('"')
            x, y, w, h = (float(v) * 72 for v in parts[2:6])
            nodes[name] = (x, -y, w, h)
    return nodes


def _orient(ax, ay, bx, by, cx, cy):
    v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
    return (v > 1e-9) - (v < -1e-9)


def segments_cross(s, t):
    (ax, ay), (bx, by) = s
    (cx, cy), (dx, dy) = t
    if max(ax, bx) < min(cx, dx) or max(cx, dx) < min(ax, bx) or \
       max(ay, by) < min(cy, dy) or max(cy, dy) < min(ay, by):
        return False
    d1 = _orient(ax, ay, bx, by, cx, cy)
    d2 = _orient(ax, ay, bx, by, dx, dy)
    d3 = _orient(cx, cy, dx, dy, ax, ay)
    d4 = _orient(cx, cy, dx, dy, bx, by)
    return d1 * d2 < 0 and d3 * d4 < 0


def segments_of(edges):
    """Each tie's drawn line as segments: [(a, b, (p, q))], a tie being (a, b, [points])."""
    return [(a, b, (points[k], points[k + 1])) for a, b, points in edges
            for k in range(len(points) - 1)]


def crossings(edges):
    """Points where the lines of two ties with no person in common cross. edges: [(a, b,
    [points])], a polyline each (two points for a straight line)."""
    count = 0
    segments = segments_of(edges)
    order = sorted(range(len(segments)), key=lambda k: min(segments[k][2][0][0],
                                                           segments[k][2][1][0]))
    for i, k in enumerate(order):
        a, b, (p, q) = segments[k]
        right = max(p[0], q[0])
        for m in order[i + 1:]:
            c, d, (r, s) = segments[m]
            if min(r[0], s[0]) > right:
                break
            if a in (c, d) or b in (c, d):
                continue
            if segments_cross((p, q), (r, s)):
                count += 1
    return count


def segment_meets_box(p, q, box, inset=0.5):
    """True when the segment p-q passes through the interior of box (x0, y0, x1, y1) shrunk
    by `inset` (Liang-Barsky clipping)."""
    x0, y0, x1, y1 = box[0] + inset, box[1] + inset, box[2] - inset, box[3] - inset
    if x0 >= x1 or y0 >= y1:
        return False
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for pk, qk in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if abs(pk) < 1e-12:
            if qk < 0:
                return False
        else:
            t = qk / pk
            if pk < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return False
    return t1 - t0 > 1e-9


def ties_through_people(edges, boxes):
    """(tie, person) pairs where a tie's line passes through a box of a person it does not
    connect. edges: [(a, b, [points])]; boxes: {id: [box, ...]}."""
    count = 0
    for a, b, points in edges:
        lo_x, hi_x = min(p[0] for p in points), max(p[0] for p in points)
        lo_y, hi_y = min(p[1] for p in points), max(p[1] for p in points)
        for person, person_boxes in boxes.items():
            if person in (a, b):
                continue
            if not any(box[2] >= lo_x and box[0] <= hi_x and box[3] >= lo_y and box[1] <= hi_y
                       and any(segment_meets_box(points[k], points[k + 1], box)
                               for k in range(len(points) - 1))
                       for box in person_boxes):
                continue
            count += 1
    return count


def measure_map(peermap, work, name, doc):
    path = os.path.join(work, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    geometry = peermap_geometry(peermap, path)
    nodes = {n["id"]: n for n in geometry["nodes"]}
    ours = [(e["source"], e["target"], [tuple(p) for p in e["points"]])
            for e in geometry["edges"]]
    our_boxes = {}
    for n in geometry["nodes"]:
        symbol = (n["x"] - n["w"] / 2, n["y"] - n["h"] / 2, n["x"] + n["w"] / 2,
                  n["y"] + n["h"] / 2)
        lab = n["label"]
        our_boxes[n["id"]] = [symbol, (lab["x"], lab["y"], lab["x"] + lab["w"],
                                       lab["y"] + lab["h"])]
    dot_path = os.path.join(work, name + ".dot")
    with open(dot_path, "w", encoding="utf-8") as f:
        f.write(as_dot(doc, geometry))
    placed = neato_positions(dot_path)
    theirs = [(a, b, [placed[a][:2], placed[b][:2]]) for a, b in relationship_ties(doc)]
    their_boxes = {k: [(x - w / 2, y - h / 2, x + w / 2, y + h / 2)]
                   for k, (x, y, w, h) in placed.items()}
    return {"name": name, "people": len(doc["people"]),
            "regions": bool(doc["groups"] or doc["locations"]),
            "ties": len(ours), "peermap": crossings(ours), "neato": crossings(theirs),
            "through": ties_through_people(ours, our_boxes),
            "neato_through": ties_through_people(theirs, their_boxes),
            "warnings": len(geometry.get("warnings", [])), "nodes": len(nodes)}


SHEETS = {842: "A4", 1191: "A3", 1684: "A2", 2384: "A1", 3370: "A0"}


def sheet_of(peermap, work, name):
    """The sheet `peermap render` chose for the map: its SVG page's width, in points."""
    path = os.path.join(work, name + ".json")
    svg = os.path.join(work, name + ".page.svg")
    run([peermap, "render", path, "-o", svg])
    with open(svg, encoding="utf-8") as f:
        head = f.read(2048)
    width = re.search(r'<svg[^>]*\bwidth="([0-9.]+)(pt)?"', head)
    if width is None:
        raise ValueError(f"{svg}: no page width in its <svg> element")
    return SHEETS.get(round(float(width.group(1))), f"{float(width.group(1)):.0f} pt wide")


def sheet_table(results):
    lines = ["| people | maps | A4 | A3 | A2 | A1 | A0 | A4 or A3 |", "|---|---|---|---|---|---|---|---|"]
    for lo, hi in ((10, 50), (51, 100), (101, 150)):
        chosen = [r["sheet"] for r in results if lo <= r["people"] <= hi and "sheet" in r]
        if not chosen:
            continue
        counts = [chosen.count(s) for s in ("A4", "A3", "A2", "A1", "A0")]
        lines.append(f"| {lo}-{hi} | {len(chosen)} | " + " | ".join(map(str, counts)) +
                     f" | {counts[0] + counts[1]} |")
    return lines


def ratio(ours, theirs):
    return ours / theirs if theirs > 0 else (1.0 if ours == 0 else float("inf"))


def crossing_table(results):
    rows = []

    def row(label, chosen):
        if not chosen:
            return
        ratios = [ratio(r["peermap"], r["neato"]) for r in chosen]
        ours = sum(r["peermap"] for r in chosen)
        theirs = sum(r["neato"] for r in chosen)
        rows.append(f"| {label} | {len(chosen)} | {statistics.median(ratios):.2f} | "
                    f"{ratio(ours, theirs):.2f} | {ours:,} | {theirs:,} | "
                    f"{sum(r['through'] for r in chosen):,} | "
                    f"{sum(r['neato_through'] for r in chosen):,} |")

    for lo, hi in BANDS:
        row(f"{lo}-{hi} people", [r for r in results if lo <= r["people"] <= hi])
    row("no groups or places", [r for r in results if not r["regions"]])
    row("**all maps**", results)
    head = ["| maps | n | median ratio | total ratio | crossings peermap | crossings neato | "
            "ties through people, peermap | ties through people, neato |",
            "|---|---|---|---|---|---|---|---|"]
    return head + rows


def timed(args):
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_pair(a, b, runs):
    """Runs a and b in turn (a warm-up each first); medians and the median pairwise ratio."""
    timed(a)
    if b:
        timed(b)
    ta, tb, ratios = [], [], []
    for _ in range(runs):
        ta.append(timed(a))
        if b:
            tb.append(timed(b))
            ratios.append(ta[-1] / tb[-1])
    return (statistics.median(ta), statistics.median(tb) if tb else None,
            statistics.median(ratios) if ratios else None)


def time_table(peermap, work, runs):
    lines = ["| people | ties | `peermap render` (median) | `neato -Tsvg`, prism (median) | "
             "ratio (median of pairs) |", "|---|---|---|---|---|"]
    for people in (50, 200, 1000):
        doc = generate_map(people, people)
        name = f"time-{people}"
        path = os.path.join(work, name + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        dot = os.path.join(work, name + ".dot")
        with open(dot, "w", encoding="utf-8") as f:
            f.write(as_dot(doc, peermap_geometry(peermap, path)))
        ours, theirs, r = time_pair(
            [peermap, "render", path, "-o", os.path.join(work, name + ".svg")],
            ["neato", "-Tsvg", "-o", os.path.join(work, name + ".neato.svg"), dot], runs)
        lines.append(f"| {people:,} | {len(relationship_ties(doc)):,} | {ours * 1000:,.0f} ms | "
                     f"{theirs * 1000:,.0f} ms | {r:.2f} |")
    lines += ["", "| people, no relationship ties | groups and places | `peermap render` (median) "
              "| target |", "|---|---|---|---|"]
    for regions in (False, True):
        for people in (500, 1000, 2000):
            doc = generate_map(people, people, with_regions=regions, ties=False)
            path = os.path.join(work, f"noties-{'regions-' if regions else ''}{people}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False)
            ours, _, _ = time_pair([peermap, "render", path, "-o", path + ".svg"], None, runs)
            target = "<= 2,000 ms" if people == 2000 else ""
            lines.append(f"| {people:,} | {'yes' if regions else 'no'} | {ours * 1000:,.0f} ms | "
                         f"{target} |")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default="build/release")
    parser.add_argument("--work", default="/tmp/peermap-legibility")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--maps", type=int, default=120)
    parser.add_argument("--every", type=int, default=1,
                        help="a subset: every N-th triple of maps (one per size band)")
    parser.add_argument("--band", type=int, choices=(0, 1, 2),
                        help="a subset: only the maps of one size band (0: 10-50, 1: 51-150, "
                        "2: 151-300 people)")
    parser.add_argument("--no-times", action="store_true")
    parser.add_argument("--markdown", help="also write the report to this file")
    parser.add_argument("--details", help="write each map's figures as JSON to this file")
    args = parser.parse_args()
    peermap = os.path.abspath(os.path.join(args.build, "peermap"))
    os.makedirs(args.work, exist_ok=True)
    results = []
    for name, doc, _ in corpus(args.maps, args.every, args.band):
        results.append(measure_map(peermap, args.work, name, doc))
        if results[-1]["people"] <= 150:
            results[-1]["sheet"] = sheet_of(peermap, args.work, name)
        print(f"{name}: {results[-1]['people']} people, crossings {results[-1]['peermap']} vs "
              f"{results[-1]['neato']}, ties through people {results[-1]['through']}",
              file=sys.stderr)
    report = ["## Crossings and ties through people", "",
              f"{len(results)} generated maps; ratio = peermap / neato+prism (lower is better; "
              "the target is a median of at most 1.0). Median ratio: the median map's; total "
              "ratio: all crossings of the band.", ""]
    report += crossing_table(results)
    report += ["", "## The sheet a map needs", "",
               "Maps of up to 150 people, by the sheet `peermap render` chose: the smallest on "
               "which names print at 7 pt or more (the target: A4 or A3 for every one).", ""]
    report += sheet_table(results)
    if not args.no_times:
        report += ["", "## Whole-process render time", "",
                   f"Median of {args.runs} runs each, peermap and neato in turn.", ""]
        report += time_table(peermap, args.work, args.runs)
    text = "\n".join(report) + "\n"
    print(text)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(text)
    if args.details:
        with open(args.details, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
