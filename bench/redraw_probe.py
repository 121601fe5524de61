#!/usr/bin/env python3
# One-field PATCHes to a 200-person map on a fresh `peermap serve` (SQLite), each followed by
# the next map.svg and layout, as the workspace asks for them after a save. Prints the median
# time of the drawing and its size, sent plain and gzip-compressed when the server offers it.
#
#   bench/redraw_probe.py PEERMAP_BINARY [--saves N] [--labels text] [--screenful X,Y,W,H:PIXELS]
# --screenful: after each PATCH, map.png of that area of the page (what the workspace paints
# first), then the same again (the layout then made: the drawing alone), instead of map.svg.
# Run whole under a process timer to compare two binaries (old vs new), or read its figures.
import argparse, gzip, http.client, json, os, re, shutil, statistics, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
parser = argparse.ArgumentParser()
parser.add_argument("binary")
parser.add_argument("--saves", type=int, default=10)
parser.add_argument("--labels", default="", help="map.svg's labels= (text: as the workspace asks)")
parser.add_argument("--screenful", default="", help="X,Y,W,H:PIXELS, map.png?area=X,Y,W,H&width=PIXELS")
args = parser.parse_args()

work = tempfile.mkdtemp(prefix="peermap-redraw-")
try:
    db = f"sqlite:{work}/bench.db"
    subprocess.run([sys.executable, f"{here}/map200.py", f"{root}/examples/thematic.json",
                    f"{work}/map200.json", "200"], check=True, stdout=subprocess.DEVNULL)
    password = "correct horse battery staple"
    subprocess.run([args.binary, "user", "add", "--db", db, "--username", "bench", "--team", "T",
                    "--role", "practitioner"], input=password + "\n", text=True, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([args.binary, "map", "import", "--db", db, "--as", "bench", f"{work}/map200.json"],
                   check=True, stdout=subprocess.DEVNULL)
    server = subprocess.Popen([args.binary, "serve", "--db", db, "--listen", "127.0.0.1:0", "--quiet"],
                              stderr=subprocess.PIPE, text=True)
    line = ""
    while "serving" not in line:
        line = server.stderr.readline()
        if not line:
            sys.exit("the server did not start")
    host, port = re.search(r"http://([^:/]+):(\d+)/", line).groups()
    conn = http.client.HTTPConnection(host, int(port))

    def call(method, path, body=None, headers=None):
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return r, r.read()

    r, body = call("POST", "/api/session", json.dumps({"username": "bench", "password": password}),
                   {"Content-Type": "application/json"})
    cookie = r.getheader("Set-Cookie").split(";")[0]
    csrf = json.loads(body)["csrf_token"]
    auth = {"Cookie": cookie, "X-CSRF-Token": csrf}
    _, body = call("GET", "/api/maps", headers=auth)
    map_id = json.loads(body)["maps"][0]["id"]
    enc = {**auth, "Accept-Encoding": "gzip"}
    svg = "map.svg" + (f"?labels={args.labels}" if args.labels else "")
    if args.screenful:
        area, pixels = args.screenful.split(":")
        svg = f"map.png?area={area}&width={pixels}"
    again_times = []
    # The first drawing of the map (a full layout), as when the editor opens.
    call("GET", f"/api/maps/{map_id}/{svg}", headers=enc)
    call("GET", f"/api/maps/{map_id}/layout", headers=enc)
    times, layout_times, plain, sent = [], [], 0, 0
    for k in range(args.saves):
        r, _ = call("GET", f"/api/maps/{map_id}", headers=auth)
        etag = r.getheader("ETag")
        patch = json.dumps([{"op": "replace", "path": "/map/purpose",
                             "value": f"Benchmark edit {k}"}])
        r, body = call("PATCH", f"/api/maps/{map_id}", patch,
                       {**auth, "If-Match": etag, "Content-Type": "application/json-patch+json"})
        assert r.status == 200, body
        start = time.perf_counter()
        r, body = call("GET", f"/api/maps/{map_id}/{svg}", headers=enc)
        times.append((time.perf_counter() - start) * 1000)
        assert r.status == 200, body
        if args.screenful:
            start = time.perf_counter()
            call("GET", f"/api/maps/{map_id}/{svg}", headers=enc)
            again_times.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        sent = len(body)
        plain = len(gzip.decompress(body)) if r.getheader("Content-Encoding") == "gzip" else len(body)
        call("GET", f"/api/maps/{map_id}/layout", headers=enc)
        layout_times.append((time.perf_counter() - start) * 1000)
    if args.screenful:
        print(f"{svg} again (drawn again, the layout kept): median "
              f"{statistics.median(again_times):.1f} ms")
    print(f"{svg.split('?')[0]} after a one-field PATCH: median {statistics.median(times):.1f} ms over "
          f"{len(times)} saves; {plain / 1000:.0f} kB, {sent / 1000:.0f} kB sent; then the layout: "
          f"median {statistics.median(layout_times):.1f} ms")
    server.terminate()
    server.wait()
finally:
    shutil.rmtree(work, ignore_errors=True)
