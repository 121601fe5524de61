#!/usr/bin/env python3
# The benchmarks' 200-person map: examples/thematic.json (151 people) plus 49 more children,
# each in a school-year group with a friendship tie to the previous new child and one to an
# existing peer, every ten ties resting on one information item; deterministic (fixed seed).
#
#   bench/map200.py examples/thematic.json OUT.json 200
import json, random, sys
source, target_file, target = sys.argv[1], sys.argv[2], int(sys.argv[3])
d = json.load(open(source))
rng = random.Random(20261129)
first = ["Aaliyah", "Bartosz", "Callum", "Demi", "Eshan", "Farah", "Gideon", "Hollie", "Idris",
         "Jasmine", "Kacper", "Lacey", "Mason", "Nia", "Oisin", "Priya", "Quinn", "Rhys", "Sana",
         "Tyrese", "Uma", "Vinnie", "Wiktoria", "Xavier", "Yusuf", "Zara"]
last = ["Abbott", "Bakare", "Cartwright", "Dobrowolski", "Ellison", "Fairclough", "Gallagher",
        "Hussain", "Iwu", "Jenkins", "Kowal", "Lindqvist", "Mahmood", "Nwosu", "Okafor",
        "Pritchard", "Quayle", "Ramsay", "Szabo", "Thorne", "Umar", "Varga", "Whitfield", "Yildiz"]
people = d["people"]
original = len(people)
used = {p.get("full_name") for p in people}
next_p = max(int(p["id"][1:]) for p in people) + 1
next_t = max(int(t["id"][1:]) for t in d["ties"]) + 1
next_i = max(int(i["id"][1:]) for i in d["information"]) + 1
schools = [("Ashcombe Academy", "g1"), ("Fenwick Park School", "g5"),
           ("Larkhill Community College", "g7")]
added = []
while len(people) < target:
    name = f"{rng.choice(first)} {rng.choice(last)}"
    if name in used:
        continue
    used.add(name)
    school, group = rng.choice(schools)
    pid = f"p{next_p}"
    next_p += 1
    people.append({"id": pid, "full_name": name,
                   "date_of_birth": f"2012-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                   "gender": rng.choice(["male", "female"]), "role": "peer", "school": school})
    d["ties"].append({"id": f"t{next_t}", "kind": "member-of", "from": pid, "to": group})
    next_t += 1
    added.append(pid)
peers = [p["id"] for p in people[:original] if p.get("role") == "peer"]
ties = []
for k, pid in enumerate(added):
    for other in [peers[rng.randrange(len(peers))]] + ([added[k - 1]] if k else []):
        ties.append(f"t{next_t}")
        d["ties"].append({"id": f"t{next_t}", "kind": "relationship", "from": pid, "to": other,
                          "nature": "friend", "strength": rng.randint(1, 3)})
        next_t += 1
for start in range(0, len(ties), 10):
    d["information"].append({
        "id": f"i{next_i}", "summary": "School pastoral friendship map (benchmark data).",
        "source": {"agency": "Ashcombe Academy"}, "observed": "2026-11-12",
        "recorded": "2026-11-13", "evidence": "evidenced",
        "grading": {"scheme": "simple", "reliable": True}, "about": ties[start:start + 10]})
    next_i += 1
d["map"]["title"] = f"Benchmark map: {len(people)} people"
with open(target_file, "w") as f:
    json.dump(d, f, indent=2, ensure_ascii=False)
print(f"{len(people)} people, {len(d['ties'])} ties, {len(d['information'])} information items")
