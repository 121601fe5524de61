-- wrk script for the read benchmarks of bench/server_bench.sh: GET the URL given to wrk (a map's
-- JSON or its map.svg) with the session cookie of a logged-in user.
--
--   PEERMAP_SESSION=<cookie value> wrk -t2 -c16 -d10s --latency -s bench/wrk/get.lua \
--     http://127.0.0.1:PORT/api/maps/ID
--
-- No response() callback: with one, wrk copies every body (a few hundred kB) into Lua, and the
-- client, which shares the machine's CPUs with the server, becomes the bottleneck it measures.
-- wrk itself reports "Non-2xx or 3xx responses", which server_bench.sh reads, so a run that got
-- 401s or 404s still cannot pass for a fast one.
local session = os.getenv("PEERMAP_SESSION")
if session == nil or session == "" then
  error("set PEERMAP_SESSION to the value of the peermap_session cookie")
end
wrk.method = "GET"
wrk.headers["Cookie"] = "peermap_session=" .. session
