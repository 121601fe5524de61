-- wrk script for the read benchmarks of bench/server_bench.sh: GET the URL given to wrk (a map's
-- JSON or its map.svg) with the session cookie of a logged-in user.
--
--   PEERMAP_SESSION=<cookie value> wrk -t2 -c16 -d10s --latency -s bench/wrk/get.lua \
--     http://127.0.0.1:PORT/api/maps/ID
--
-- done() prints "peermap-wrk: status S: N" for every HTTP status seen, so a run that got 401s
-- or 404s cannot pass for a fast one.
local session = os.getenv("PEERMAP_SESSION")
if session == nil or session == "" then
  error("set PEERMAP_SESSION to the value of the peermap_session cookie")
end
wrk.method = "GET"
wrk.headers["Cookie"] = "peermap_session=" .. session

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

counts = {}  -- global: done() reads it with thread:get()

function response(status, headers, body)
  local key = tostring(status)
  counts[key] = (counts[key] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts") or {}) do
      total[status] = (total[status] or 0) + n
    end
  end
  for status, n in pairs(total) do
    io.write(string.format("peermap-wrk: status %s: %d\n", status, n))
  end
end
