#!/usr/bin/env python3
"""Crash test (issue 4, item 9): kill -9 of the server during a burst of concurrent acknowledged
writes loses none of them, and after a restart the data is intact.

    crash_test.py --peermap BUILD/peermap --backend sqlite|postgresql --document FILE

For each of --rounds rounds: start `peermap serve` on the same database, check that everything
acknowledged so far is still there, then let --writers threads each PATCH their own map as fast
as the server acknowledges (If-Match with the last ETag, a unique /map/purpose every time) and
send SIGKILL to the server --kill-after seconds into the burst, with requests in flight. A final
restart checks the last round's writes. "Still there" means, for every map:

- the revision list is 1..head with no gap, and head >= the last acknowledged revision;
- every acknowledged revision n is served by /revisions/n with the purpose that write sent,
  and is otherwise the document the maps were created with;
- the head's ETag names the head, and its document is the last acknowledged one or a later
  (unacknowledged, in flight at the kill) write of the same writer.

On SQLite the files left by the kill (database, -wal, -shm), copied aside before the restart,
and the database after a clean stop at the end must pass PRAGMA integrity_check and
foreign_key_check. On PostgreSQL the test makes its own database (CREATE DATABASE) on the
server named by PEERMAP_TEST_PG_URL (the ctest fixture `postgres`) and drops it afterwards.

--sabotage tests the test: after the last kill it puts back a copy of the database files taken
before the first burst (so every acknowledged write is lost, whatever SQLite had checkpointed)
and passes only if that loss is reported.

What this does not cover: SIGKILL ends the server process, not the machine, so data the kernel
had accepted but not yet written to the disk survives it. The test proves that a write is
committed before it is acknowledged and that the database recovers from an abrupt stop; losing
power is what synchronous=FULL guards against, and that needs a VM or a fault-injecting block
device to test.

Exit status: 0 when nothing acknowledged is missing, 1 when something is (or the test could not
run, e.g. the server would not start or too few writes were acknowledged to mean anything).
Standard library only.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

USERNAME = "crash-tester"
PASSWORD = "walnut harbour lantern 0123"  # NCSC policy (not the username); read by the CLI from stdin
TEAM = "Crash Team"
HTTP_TIMEOUT = 20.0  # seconds for one request
START_TIMEOUT = 30.0  # seconds for `peermap serve` to print its address
MAX_BURST = 20.0  # seconds a burst may last while waiting for --min-writes


class TestFailure(Exception):
    pass


class Sabotaged(Exception):
    """--sabotage: the check found the writes the sabotage removed (the expected outcome)."""


def log(message: str) -> None:
    print(f"crash_test: {message}", flush=True)


# ----------------------------------------------------------------------------------------------
# The server process
# ----------------------------------------------------------------------------------------------

class Server:
    """One `peermap serve` process on 127.0.0.1 with a port it picks itself (--listen :0)."""

    SERVING = re.compile(r"peermap: serving http://127\.0\.0\.1:(\d+)/")

    def __init__(self, binary: str, db_url: str, log_path: Path):
        self.binary = binary
        self.db_url = db_url
        self.log_path = log_path
        self.process: subprocess.Popen | None = None
        self.port = 0

    def start(self) -> None:
        # Append: the log of every start of this test stays in one file for a post-mortem.
        log_file = open(self.log_path, "ab")
        offset = log_file.tell()
        self.process = subprocess.Popen(
            [self.binary, "serve", "--db", self.db_url, "--listen", "127.0.0.1:0", "--quiet"],
            stdin=subprocess.DEVNULL, stdout=log_file, stderr=log_file)
        log_file.close()
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            with open(self.log_path, "rb") as f:
                f.seek(offset)
                text = f.read().decode("utf-8", "replace")
            found = self.SERVING.search(text)
            if found:
                self.port = int(found.group(1))
                log(f"server pid {self.process.pid} on port {self.port}")
                return
            if self.process.poll() is not None:
                raise TestFailure(f"peermap serve exited with {self.process.returncode}:\n{text}")
            time.sleep(0.02)
        self.kill()
        raise TestFailure(f"peermap serve did not report its address in {START_TIMEOUT} s")

    def kill(self) -> None:
        """SIGKILL: no chance to flush or close anything."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)
        self.process = None

    def stop(self) -> None:
        """SIGTERM: the clean way; SIGKILL if it does not stop in time."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                log("the server did not stop on SIGTERM within 30 s; killing it")
                self.kill()
                raise TestFailure("the server did not stop on SIGTERM within 30 s")
            if self.process.returncode != 0:
                code = self.process.returncode
                self.process = None
                raise TestFailure(f"the server exited with {code} on SIGTERM")
        self.process = None


# ----------------------------------------------------------------------------------------------
# HTTP
# ----------------------------------------------------------------------------------------------

class Client:
    """A logged-in keep-alive connection (one per thread: http.client is not thread-safe)."""

    def __init__(self, port: int, cookie: str = "", csrf: str = ""):
        self.port = port
        self.cookie = cookie
        self.csrf = csrf
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=HTTP_TIMEOUT)

    def close(self) -> None:
        self.connection.close()

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict | None = None) -> tuple[int, dict, bytes]:
        all_headers = {}
        if self.cookie:
            all_headers["Cookie"] = f"peermap_session={self.cookie}"
        if self.csrf and method not in ("GET", "HEAD"):
            all_headers["X-CSRF-Token"] = self.csrf
        all_headers.update(headers or {})
        self.connection.request(method, path, body=body, headers=all_headers)
        response = self.connection.getresponse()
        data = response.read()
        # Header names in lower case; repeated ones (a login's two Set-Cookie) joined by "\n".
        joined: dict = {}
        for name, value in response.getheaders():
            key = name.lower()
            joined[key] = joined[key] + "\n" + value if key in joined else value
        return response.status, joined, data

    def login(self) -> None:
        body = json.dumps({"username": USERNAME, "password": PASSWORD}).encode()
        status, headers, data = self.request("POST", "/api/session", body,
                                             {"Content-Type": "application/json"})
        if status != 200:
            raise TestFailure(f"login answered {status}: {data[:300]!r}")
        found = re.search(r"peermap_session=([^;]+)", headers.get("set-cookie", ""))
        if not found:
            raise TestFailure(f"login set no peermap_session cookie: {headers}")
        self.cookie = found.group(1)
        self.csrf = json.loads(data)["csrf_token"]

    def get_json(self, path: str) -> tuple[dict, dict]:
        status, headers, data = self.request("GET", path)
        if status != 200:
            raise TestFailure(f"GET {path} answered {status}: {data[:300]!r}")
        return json.loads(data), headers


# ----------------------------------------------------------------------------------------------
# Writers
# ----------------------------------------------------------------------------------------------

class Writer(threading.Thread):
    """PATCHes one map until the server goes away; records every acknowledged revision."""

    def __init__(self, index: int, port: int, cookie: str, csrf: str, map_id: str, head: int,
                 round_number: int, acked: dict[int, str], start_gate: threading.Event):
        super().__init__(name=f"writer-{index}", daemon=True)
        self.index = index
        self.client = Client(port, cookie, csrf)
        self.map_id = map_id
        self.head = head
        self.round_number = round_number
        self.acked = acked  # revision -> purpose; shared with the caller, filled here
        self.start_gate = start_gate
        self.sent: list[str] = []  # every purpose sent, acknowledged or not, in order
        self.acknowledged = 0  # in this round
        self.ended_by = ""
        self.problems: list[str] = []

    def run(self) -> None:
        self.start_gate.wait()
        sequence = 0
        try:
            while True:
                sequence += 1
                purpose = (f"crash test: writer {self.index}, round {self.round_number}, "
                           f"write {sequence}, nonce {random.getrandbits(48):012x}")
                patch = [{"op": "replace", "path": "/map/purpose", "value": purpose}]
                self.sent.append(purpose)
                status, headers, data = self.client.request(
                    "PATCH", f"/api/maps/{self.map_id}", json.dumps(patch).encode(),
                    {"Content-Type": "application/json-patch+json",
                     "If-Match": f'"r{self.head}"'})
                if status != 200:
                    # Only this writer edits this map: anything but 200 is a server bug.
                    self.problems.append(f"PATCH answered {status} at r{self.head}: {data[:300]!r}")
                    self.ended_by = f"HTTP {status}"
                    return
                answer = json.loads(data)
                revision = answer.get("revision")
                if (answer.get("id") != self.map_id or revision != self.head + 1
                        or headers.get("etag") != f'"r{revision}"'):
                    self.problems.append(
                        f"PATCH from r{self.head} answered {answer} with ETag {headers.get('etag')}")
                    self.ended_by = "bad answer"
                    return
                # Acknowledged: from here on it must survive anything.
                self.acked[revision] = purpose
                self.acknowledged += 1
                self.head = revision
        except (OSError, http.client.HTTPException) as e:
            self.ended_by = f"{type(e).__name__}: {e}"
        finally:
            self.client.close()


# ----------------------------------------------------------------------------------------------
# Checks
# ----------------------------------------------------------------------------------------------

def expected_document(original: dict, purpose: str) -> dict:
    """What revision with this purpose must hold: the original, purpose replaced."""
    document = json.loads(json.dumps(original))
    document["map"]["purpose"] = purpose
    return document


def verify_map(client: Client, map_id: str, acked: dict[int, str], sent: list[str],
               original: dict) -> list[str]:
    """Every acknowledged write of one map is still there; returns the problems found."""
    problems = []
    status, _, data = client.request("GET", f"/api/maps/{map_id}/revisions")
    if status == 404:
        return [f"map {map_id} is missing (404), with {len(acked)} acknowledged writes"]
    if status != 200:
        return [f"map {map_id}: GET /revisions answered {status}: {data[:300]!r}"]
    listing = json.loads(data)
    numbers = [r["revision"] for r in listing.get("revisions", [])]
    head = max(numbers, default=0)
    if numbers != list(range(1, head + 1)):
        problems.append(f"map {map_id}: the revisions are not 1..{head}: {numbers}")
    last_acked = max(acked, default=1)
    if head < last_acked:
        problems.append(f"map {map_id}: head r{head} is older than the last acknowledged "
                        f"write r{last_acked}")
    for number in sorted(acked):
        if number not in numbers:
            problems.append(f"map {map_id}: acknowledged revision r{number} is missing")
            continue
        document, _ = client.get_json(f"/api/maps/{map_id}/revisions/{number}")
        purpose = document.get("map", {}).get("purpose")
        if purpose != acked[number]:
            problems.append(f"map {map_id}: r{number} has purpose {purpose!r}, "
                            f"acknowledged with {acked[number]!r}")
        elif document != expected_document(original, purpose):
            problems.append(f"map {map_id}: r{number} differs from the document written "
                            f"elsewhere than /map/purpose")
    document, headers = client.get_json(f"/api/maps/{map_id}")
    if headers.get("etag") != f'"r{head}"':
        problems.append(f"map {map_id}: GET answered ETag {headers.get('etag')}, the list ends "
                        f"at r{head}")
    purpose = document.get("map", {}).get("purpose")
    if head == last_acked and acked and purpose != acked[last_acked]:
        problems.append(f"map {map_id}: the head r{head} has purpose {purpose!r}, "
                        f"acknowledged with {acked[last_acked]!r}")
    if head > last_acked and purpose not in sent:
        # A write in flight at the kill may have been committed without its answer arriving;
        # it must then be one this test sent, never something else.
        problems.append(f"map {map_id}: the head r{head} (after the last acknowledged "
                        f"r{last_acked}) has purpose {purpose!r}, which no writer sent")
    return problems


def verify_all(port: int, maps: list[str], acked: dict[str, dict[int, str]],
               sent: dict[str, list[str]], original: dict) -> None:
    """Checks all maps, one thread each; raises TestFailure listing every problem."""
    login = Client(port)
    login.login()
    login.close()
    problems: list[str] = []
    lock = threading.Lock()

    def check(map_id: str) -> None:
        client = Client(port, login.cookie, login.csrf)
        try:
            found = verify_map(client, map_id, acked[map_id], sent[map_id], original)
        except (TestFailure, OSError, http.client.HTTPException, ValueError) as e:
            found = [f"map {map_id}: {type(e).__name__}: {e}"]
        finally:
            client.close()
        with lock:
            problems.extend(found)

    threads = [threading.Thread(target=check, args=(m,)) for m in maps]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if problems:
        shown = "\n  ".join(problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        raise TestFailure(f"{len(problems)} problem(s) after the restart:\n  {shown}{more}")
    total = sum(len(a) for a in acked.values())
    log(f"all {total} acknowledged writes on {len(maps)} maps are intact")


def sqlite_integrity(path: Path, what: str) -> None:
    """PRAGMA integrity_check and foreign_key_check on a SQLite file (and its WAL)."""
    connection = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=30)
    try:
        result = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            raise TestFailure(f"{what}: PRAGMA integrity_check: {result[:20]}")
        foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
        if foreign:
            raise TestFailure(f"{what}: PRAGMA foreign_key_check: {foreign[:20]}")
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
        if mode.lower() != "wal":
            raise TestFailure(f"{what}: journal_mode is {mode}, expected wal")
    finally:
        connection.close()
    log(f"{what}: integrity_check ok")


def check_crashed_sqlite_files(db_path: Path, scratch: Path, round_number: int) -> None:
    """Copies the files as the kill left them and checks the copy (recovering its WAL)."""
    copy_dir = scratch / f"after-kill-{round_number}"
    copy_dir.mkdir()
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(db_path) + suffix)
        if source.exists():
            shutil.copy2(source, copy_dir / (db_path.name + suffix))
    sqlite_integrity(copy_dir / db_path.name, f"round {round_number}: the files left by kill -9")
    shutil.rmtree(copy_dir, ignore_errors=True)


# ----------------------------------------------------------------------------------------------
# PostgreSQL scratch database
# ----------------------------------------------------------------------------------------------

def psql_binary() -> str:
    for candidate in ("/usr/lib/postgresql/15/bin/psql", shutil.which("psql") or ""):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise TestFailure("psql is not installed")


def psql(admin_url: str, sql: str) -> None:
    done = subprocess.run([psql_binary(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", admin_url,
                           "-c", sql], capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise TestFailure(f"psql {sql!r}: {done.stderr.strip()}")


# ----------------------------------------------------------------------------------------------
# The test
# ----------------------------------------------------------------------------------------------

def run(args: argparse.Namespace, scratch: Path, db_url: str) -> None:
    document = Path(args.document).read_bytes()
    original = json.loads(document)
    added = subprocess.run([args.peermap, "user", "add", "--db", db_url, "--username", USERNAME,
                            "--team", TEAM, "--role", "practitioner"],
                           input=PASSWORD + "\n", capture_output=True, text=True, timeout=60)
    if added.returncode != 0:
        raise TestFailure(f"peermap user add failed ({added.returncode}): {added.stderr}")

    server = Server(args.peermap, db_url, scratch / "server.log")
    try:
        server.start()
        setup = Client(server.port)
        setup.login()
        maps: list[str] = []
        for _ in range(args.writers):
            status, headers, data = setup.request("POST", "/api/maps", document,
                                                  {"Content-Type": "application/json"})
            if status != 201:
                raise TestFailure(f"POST /api/maps answered {status}: {data[:300]!r}")
            maps.append(json.loads(data)["id"])
        setup.close()
        snapshot = scratch / "before-the-burst"
        if args.sabotage:
            # A copy of the database as it was before any acknowledged PATCH, taken after a clean
            # stop so that it is consistent on its own.
            server.stop()
            db_path = Path(db_url[len("sqlite:"):])
            snapshot.mkdir()
            for suffix in ("", "-wal", "-shm"):
                source = Path(str(db_path) + suffix)
                if source.exists():
                    shutil.copy2(source, snapshot / (db_path.name + suffix))
            server.start()
        acked: dict[str, dict[int, str]] = {m: {} for m in maps}
        sent: dict[str, list[str]] = {m: [] for m in maps}

        for round_number in range(1, args.rounds + 1):
            if round_number > 1:
                server.start()
                # What survived the previous kill, before writing more on top of it.
                verify_all(server.port, maps, acked, sent, original)
            client = Client(server.port)
            client.login()
            heads = {}
            for map_id in maps:
                _, headers = client.get_json(f"/api/maps/{map_id}")
                heads[map_id] = int(headers["etag"].strip('"')[1:])
            client.close()

            gate = threading.Event()
            writers = [Writer(i, server.port, client.cookie, client.csrf, m, heads[m],
                              round_number, acked[m], gate) for i, m in enumerate(maps)]
            before = sum(len(a) for a in acked.values())
            for w in writers:
                w.start()
            gate.set()
            # Kill --kill-after seconds into the burst, or later on a slow (loaded) machine: once
            # every writer has had a write acknowledged and --min-writes are in, so that the
            # kill always lands in a real burst. Writers that stopped early are caught below.
            burst_start = time.monotonic()
            # Some jitter, so that the kills land at different points of the commit cycle.
            time.sleep(args.kill_after + random.uniform(0, 0.5))
            while time.monotonic() - burst_start < MAX_BURST:
                if (sum(w.acknowledged for w in writers) >= args.min_writes
                        and all(w.acknowledged > 0 for w in writers)) \
                        or not all(w.is_alive() for w in writers):
                    break
                time.sleep(0.05)
            burst = time.monotonic() - burst_start
            in_flight_at_kill = sum(len(w.sent) for w in writers) - (
                sum(len(a) for a in acked.values()) - before)
            server.kill()  # SIGKILL, mid-burst
            killed_at = time.monotonic()
            for w in writers:
                w.join(timeout=HTTP_TIMEOUT + 5)
                if w.is_alive():
                    raise TestFailure(f"{w.name} still running {HTTP_TIMEOUT + 5} s after the kill")
            for w in writers:
                sent[w.map_id].extend(w.sent)
            problems = [f"{w.name}: {p}" for w in writers for p in w.problems]
            if problems:
                raise TestFailure("the writers saw wrong answers before the kill:\n  "
                                  + "\n  ".join(problems))
            written = sum(len(a) for a in acked.values()) - before
            log(f"round {round_number}: {written} writes acknowledged in {burst:.1f} s by "
                f"{len(writers)} writers, about {in_flight_at_kill} in flight at the kill "
                f"(writers ended by: {sorted({w.ended_by.split(':')[0] for w in writers})}, "
                f"{time.monotonic() - killed_at:.2f} s after it)")
            if written < args.min_writes:
                raise TestFailure(f"only {written} writes were acknowledged before the kill "
                                  f"(need {args.min_writes} for the test to mean something)")
            idle = [w.name for w in writers if w.acknowledged == 0]
            if idle:
                raise TestFailure(f"writers with no acknowledged write: {idle}")
            if args.backend == "sqlite":
                check_crashed_sqlite_files(Path(db_url[len("sqlite:"):]), scratch, round_number)

        if args.sabotage:
            # The test of the test: roll the files back to before the first burst. Deleting only
            # the WAL is not enough, since SQLite may have checkpointed every acknowledged
            # write into the main file just before the kill.
            db_path = Path(db_url[len("sqlite:"):])
            log("sabotage: putting back the database files from before the first burst")
            for suffix in ("", "-wal", "-shm"):
                Path(str(db_path) + suffix).unlink(missing_ok=True)
                saved = snapshot / (db_path.name + suffix)
                if saved.exists():
                    shutil.copy2(saved, Path(str(db_path) + suffix))
            server.start()
            try:
                verify_all(server.port, maps, acked, sent, original)
            except TestFailure as e:
                if "is missing" in str(e) or "older than the last acknowledged" in str(e):
                    log(f"sabotage detected, as it must be: {str(e).splitlines()[0]}")
                    raise Sabotaged() from e
                raise
            raise TestFailure("sabotage: the database was rolled back, yet no acknowledged write was "
                              "reported missing: the check cannot fail")

        server.start()
        verify_all(server.port, maps, acked, sent, original)
        server.stop()
        if args.backend == "sqlite":
            sqlite_integrity(Path(db_url[len("sqlite:"):]), "after a clean stop")
    finally:
        server.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peermap", required=True, help="the peermap binary")
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), required=True)
    parser.add_argument("--document", required=True, help="a valid peermap/1 document")
    parser.add_argument("--writers", type=int, default=8, help="concurrent writers (one map each)")
    parser.add_argument("--rounds", type=int, default=2, help="bursts, each ended by kill -9")
    parser.add_argument("--kill-after", type=float, default=1.5, help="seconds into each burst")
    parser.add_argument("--min-writes", type=int, default=40,
                        help="fewest acknowledged writes per round for a meaningful test")
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory")
    parser.add_argument("--sabotage", action="store_true",
                        help="test the test (SQLite only): delete the WAL after the last kill "
                             "and pass only if the loss of acknowledged writes is reported")
    args = parser.parse_args()
    if args.sabotage and args.backend != "sqlite":
        parser.error("--sabotage works on SQLite only")

    started = time.monotonic()
    scratch = Path(tempfile.mkdtemp(prefix="peermap-crash-"))
    admin_url = ""
    database = ""
    failed = True
    try:
        if args.backend == "sqlite":
            db_url = f"sqlite:{scratch / 'peermap.db'}"
        else:
            admin_url = os.environ.get("PEERMAP_TEST_PG_URL", "")
            if not admin_url:
                raise TestFailure("PEERMAP_TEST_PG_URL is not set: run through ctest (fixture "
                                  "`postgres`) or eval \"$(scripts/test-postgres.sh start)\"")
            database = f"peermap_crash_{os.getpid()}_{random.getrandbits(32):08x}"
            psql(admin_url, f"CREATE DATABASE {database}")
            parsed = urllib.parse.urlsplit(admin_url)
            db_url = urllib.parse.urlunsplit(parsed._replace(path="/" + database))
        log(f"backend {args.backend}: {db_url}; scratch {scratch}")
        run(args, scratch, db_url)
        failed = args.sabotage
        if failed:
            log("FAILED: --sabotage, yet the run passed")
    except Sabotaged:
        failed = False
    except TestFailure as e:
        log(f"FAILED: {e}")
        server_log = scratch / "server.log"
        if server_log.exists():
            tail = server_log.read_text("utf-8", "replace").splitlines()[-40:]
            log("server log (last lines):\n    " + "\n    ".join(tail))
    finally:
        if database:
            try:
                psql(admin_url, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
            except TestFailure as e:
                log(f"could not drop {database}: {e}")
        if args.keep or failed:
            log(f"scratch directory kept: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    log(f"{'FAILED' if failed else 'passed'} in {time.monotonic() - started:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
