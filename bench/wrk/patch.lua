-- wrk script for the PATCH benchmark of bench/server_bench.sh.
--
--   PEERMAP_SESSION=<cookie> PEERMAP_CSRF=<token> wrk -t2 -c64 -d10s --latency \
--     -s bench/wrk/patch.lua http://127.0.0.1:PORT -- MAPS_FILE THREADS
--
-- MAPS_FILE has one "ID REVISION" line per map (REVISION: its current head). Every PATCH needs
-- If-Match with its map's current ETag, so two PATCHes of one map in flight at once would
-- conflict (412). Each wrk thread therefore takes its own share of the maps (map k goes to thread
-- k mod THREADS) and keeps them in a queue: request() takes the next idle map and sends an
-- RFC 6902 replace of /map/purpose with If-Match "rN"; response() reads the saved revision from
-- the 200 answer's {"id","revision"} and puts the map back at the end of the queue. With more
-- maps than connections no map is ever edited twice at once and every answer should be 200.
--
-- A non-200 answer does not name its map, so that map leaves the rotation; if the queue runs dry
-- a map is reused anyway (and will likely answer 412). done() prints
-- "peermap-wrk: status S: N" for every status seen and "peermap-wrk: starved N" for the
-- requests sent with no idle map, so bench/server_bench.sh can reject an invalid run.
local session = os.getenv("PEERMAP_SESSION")
local csrf = os.getenv("PEERMAP_CSRF")
if session == nil or session == "" or csrf == nil or csrf == "" then
  error("set PEERMAP_SESSION (the peermap_session cookie) and PEERMAP_CSRF (the csrf_token)")
end

local threads = {}
local next_part = 0

function setup(thread)
  next_part = next_part + 1
  thread:set("part", next_part)  -- 1-based
  table.insert(threads, thread)
end

-- Per-thread state (each wrk thread has its own Lua state; `part` comes from setup()).
local queue, first, last = {}, 1, 0
local revision = {}  -- map id -> its head, as this thread last saw it
local mine = {}  -- this thread's map ids, for the starved case
local sequence = 0
counts = {}
starved = 0

local headers = {
  ["Cookie"] = "peermap_session=" .. session,
  ["X-CSRF-Token"] = csrf,
  ["Content-Type"] = "application/json-patch+json",
}

local function push(id)
  last = last + 1
  queue[last] = id
end

local function pop()
  if first > last then return nil end
  local id = queue[first]
  queue[first] = nil
  first = first + 1
  return id
end

function init(args)
  local file, nthreads = args[1], tonumber(args[2])
  if file == nil or nthreads == nil then error("arguments: MAPS_FILE THREADS") end
  local k = 0
  for line in io.lines(file) do
    local id, head = line:match("^(%x+)%s+(%d+)%s*$")
    if id ~= nil then
      if k % nthreads == part - 1 then
        revision[id] = tonumber(head)
        mine[#mine + 1] = id
        push(id)
      end
      k = k + 1
    end
  end
  if #mine == 0 then error("thread " .. part .. " has no maps in " .. file) end
end

function request()
  local id = pop()
  if id == nil then
    starved = starved + 1
    id = mine[math.random(#mine)]
  end
  sequence = sequence + 1
  headers["If-Match"] = '"r' .. revision[id] .. '"'
  local body = '[{"op":"replace","path":"/map/purpose","value":"Benchmark edit '
      .. part .. "-" .. sequence .. ' of the purpose of this map."}]'
  return wrk.format("PATCH", "/api/maps/" .. id, headers, body)
end

function response(status, response_headers, body)
  local key = tostring(status)
  counts[key] = (counts[key] or 0) + 1
  if status == 200 then
    local id = body:match('"id"%s*:%s*"(%x+)"')
    local saved = body:match('"revision"%s*:%s*(%d+)')
    if id ~= nil and saved ~= nil and revision[id] ~= nil then
      revision[id] = tonumber(saved)
      push(id)
    end
  end
end

function done(summary, latency, requests)
  local total, starving = {}, 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts") or {}) do
      total[status] = (total[status] or 0) + n
    end
    starving = starving + (thread:get("starved") or 0)
  end
  for status, n in pairs(total) do
    io.write(string.format("peermap-wrk: status %s: %d\n", status, n))
  end
  io.write(string.format("peermap-wrk: starved %d\n", starving))
end
