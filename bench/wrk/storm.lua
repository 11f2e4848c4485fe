-- Replays a file of pre-signed requests (bench/storm_bodies.py writes it) as fast as wrk can, or
-- paced on a schedule. Nothing is built or signed here: wrk used to build every body from the mix
-- and HMAC it through LuaJIT's FFI, which capped the harness at ~43k req/s with wrk at 100 % of a
-- core. Now a request costs wrk one copy of bytes it already holds.
--
--   wrk -t1 -c50 -d10s -s bench/wrk/storm.lua http://127.0.0.1:PORT -- FILE RATE THREADS
--
-- FILE    requests written by storm_bodies.py: `<length>\n<bytes>` each, the whole HTTP request
-- RATE    requests per second for all threads together, paced on a schedule (0: as fast as the
--         server answers, i.e. saturation)
-- THREADS wrk's -t, so each thread paces its share of RATE and takes every THREADS-th request
-- and in the environment STORM_OUT: where done() writes the figures as JSON (latency in µs).
--
-- The file is mapped, not read: every thread shares the page cache's copy. Event ids are unique
-- within a file; a thread that reaches the end of its share starts it again and counts each
-- request sent past the end in "repeated" (the server would answer those as cheap redeliveries,
-- so bench/run.py sizes the files and reports any run that repeated).
local ffi = require("ffi")
ffi.cdef [[
  int open(const char *path, int flags);
  int close(int fd);
  void *mmap(void *addr, size_t length, int prot, int flags, int fd, long offset);
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock_id, bench_timespec *tp);
]]
local now_ts = ffi.new("bench_timespec")

local threads_seen = {} -- in the main Lua state only: the thread objects, read back in done()
local base -- const char* of the mapped file
local offsets, lengths, count = nil, nil, 0
local cursor = 0
local rate, interval_ms, next_slot_ms = 0, 0, nil

-- Runs in wrk's main Lua state; sets a global in each thread's own state.
function setup(thread)
  thread:set("bench_thread", #threads_seen)
  threads_seen[#threads_seen + 1] = thread
end

local function map_file(path)
  local file = assert(io.open(path, "rb"))
  local size = file:seek("end")
  file:close()
  local fd = ffi.C.open(path, 0) -- O_RDONLY
  if fd < 0 then error("cannot open " .. path) end
  local address = ffi.C.mmap(nil, size, 1, 2, fd, 0) -- PROT_READ, MAP_PRIVATE
  ffi.C.close(fd)
  if ffi.cast("intptr_t", address) == -1 then error("cannot map " .. path) end
  return ffi.cast("const unsigned char *", address), size
end

-- Indexes this thread's share: records index, index + threads, index + 2 × threads, …
local function index_records(size, index, threads)
  local starts, sizes = {}, {}
  local position, record = 0, 0
  while position < size do
    local length = 0
    local byte = base[position]
    while byte ~= 10 do -- "\n" ends the decimal length
      length = length * 10 + (byte - 48)
      position = position + 1
      byte = base[position]
    end
    position = position + 1
    if record % threads == index then
      starts[#starts + 1] = position
      sizes[#sizes + 1] = length
    end
    record = record + 1
    position = position + length
  end
  count = #starts
  offsets = ffi.new("int64_t[?]", count)
  lengths = ffi.new("int32_t[?]", count)
  for i = 1, count do
    offsets[i - 1] = starts[i]
    lengths[i - 1] = sizes[i]
  end
end

function init(args)
  local path = args[1] or error("usage: -- FILE RATE THREADS")
  rate = tonumber(args[2] or "0")
  local threads = tonumber(args[3] or "1")
  local size
  base, size = map_file(path)
  index_records(size, bench_thread or 0, threads)
  if count == 0 then error("no requests for this thread in " .. path) end
  sent, repeated = 0, 0 -- globals: done() reads them with thread:get
  if rate > 0 then
    interval_ms = 1000 * threads / rate
  else
    delay = nil -- wrk asks after init whether there is a delay(); none keeps its loop lean
  end
end

local function monotonic_ms()
  ffi.C.clock_gettime(1, now_ts) -- CLOCK_MONOTONIC
  return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
end

-- Pacing: every request has a slot on the thread's schedule, and waits for it. A connection that
-- was held up by a slow answer finds its slot already past and sends at once, so the offered rate
-- stays the schedule's (the figure that matters for latency at a fixed load).
function delay()
  local now = monotonic_ms()
  if next_slot_ms == nil then next_slot_ms = now end
  next_slot_ms = next_slot_ms + interval_ms
  local wait = next_slot_ms - now
  if wait < 0 then return 0 end
  return wait
end

function request()
  if cursor == count then
    cursor = 0
  end
  if sent >= count then repeated = repeated + 1 end
  sent = sent + 1
  local i = cursor
  cursor = cursor + 1
  return ffi.string(base + offsets[i], lengths[i])
end

function done(summary, latency, requests)
  local out_path = os.getenv("STORM_OUT")
  if out_path == nil then return end
  local total_sent, total_repeated = 0, 0
  for _, thread in ipairs(threads_seen) do
    total_sent = total_sent + (thread:get("sent") or 0)
    total_repeated = total_repeated + (thread:get("repeated") or 0)
  end
  local file = io.open(out_path, "w")
  local errors = summary.errors
  file:write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,' ..
    '"write_errors":%d,"status_errors":%d,"timeouts":%d,"sent":%d,"repeated":%d,' ..
    '"latency_us":{"mean":%.1f,"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d}}\n',
    summary.requests, summary.duration, summary.bytes, errors.connect, errors.read, errors.write,
    errors.status, errors.timeout, total_sent, total_repeated, latency.mean, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max))
  file:close()
end
