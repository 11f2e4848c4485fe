-- A whistle storm for wrk: correctly signed generic webhooks with unique ids, spread over the
-- groups of a generated org (bench/storm_org.py writes groups.tsv: chat, leader, community).
--
--   wrk -t1 -c50 -d10s -s bench/wrk/storm.lua http://127.0.0.1:PORT -- GROUPS SECRET RATE RUN THREADS
--
-- GROUPS  path of groups.tsv
-- SECRET  the instance's HMAC key
-- RATE    requests per second for all threads together, paced on a schedule (0: as fast as the
--         server answers, i.e. saturation)
-- RUN     a tag made part of every event id, so repetitions against one database never collide
-- THREADS wrk's -t, so each thread paces its share of RATE
-- and in the environment STORM_OUT: where done() writes the figures as JSON (latency in µs);
-- done() runs in wrk's main Lua state, which never sees the arguments.
--
-- The mix, per the issue: 5 % whistles by the group's leader (3–8 places, so tasks fill and
-- waitlists form), 80 % report-ins (numbered "报到 12" / "报到 #12" for the group's newest task,
-- bare 报到, "1", Traditional 報到, +1, 我来), 7 % withdrawals, 3 % queries (帮助, 积分), 5 % chatter
-- the bot must ignore. Volunteers are drawn from 40 per group, so some report in twice
-- (idempotent) and some withdraw what they never signed.
local ffi = require("ffi")
ffi.cdef [[
  const void *EVP_sha256(void);
  unsigned char *HMAC(const void *evp_md, const void *key, int key_len, const unsigned char *data,
                      size_t data_len, unsigned char *md, unsigned int *md_len);
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock_id, bench_timespec *tp);
]]
local crypto = ffi.load("libcrypto.so.3")
local sha256 = crypto.EVP_sha256()
local digest = ffi.new("unsigned char[32]")
local digest_len = ffi.new("unsigned int[1]")
local now_ts = ffi.new("bench_timespec")

local hex = {}
for i = 0, 255 do hex[i] = string.format("%02x", i) end

local secret, secret_len
local groups = {}
local rate, interval_ms, next_slot_ms = 0, 0, nil
local run_tag = "r"
local threads = 1
local thread_tag = "0"
local setup_count = 0 -- in the main Lua state only
local sequence = 0
local latest_task = {} -- chat → the number of the last task whistled there (learnt from answers)

local function monotonic_ms()
  ffi.C.clock_gettime(1, now_ts) -- CLOCK_MONOTONIC
  return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
end

local function sign(body)
  crypto.HMAC(sha256, secret, secret_len, body, #body, digest, digest_len)
  local parts = {}
  for i = 0, 31 do parts[i + 1] = hex[digest[i]] end
  return "sha256=" .. table.concat(parts)
end

-- Runs in wrk's main Lua state; sets a global in each thread's own state.
function setup(thread)
  thread:set("bench_thread", setup_count)
  setup_count = setup_count + 1
end

function init(args)
  local groups_path = args[1]
  secret = args[2] or "whistle-bench-secret"
  secret_len = #secret
  rate = tonumber(args[3] or "0")
  run_tag = args[4] or "r"
  threads = tonumber(args[5] or "1")
  thread_tag = tostring(bench_thread or 0)
  for line in io.lines(groups_path) do
    local chat, leader, community = line:match("^(%S+)\t(%S+)\t(%S+)$")
    if chat then groups[#groups + 1] = { chat = chat, leader = leader, community = community } end
  end
  if #groups == 0 then error("no groups in " .. tostring(groups_path)) end
  if rate > 0 then
    -- Each thread keeps its own share of the schedule.
    interval_ms = 1000 * threads / rate
  end
  math.randomseed(os.time() + (bench_thread or 0) * 7919)
end

-- Pacing: every request has a slot on the thread's schedule, and waits for it. A connection that
-- was held up by a slow answer finds its slot already past and sends at once, so the offered rate
-- stays the schedule's (the figure that matters for latency at a fixed load).
function delay()
  if rate <= 0 then return 0 end
  local now = monotonic_ms()
  if next_slot_ms == nil then next_slot_ms = now end
  next_slot_ms = next_slot_ms + interval_ms
  local wait = next_slot_ms - now
  if wait < 0 then return 0 end
  return wait
end

local places = { 3, 4, 5, 6, 8 }
local report_forms = { "报到", "报到", "報到", "1", "+1", "我来" }
local chatter = { "大家辛苦了", "今天天气不错", "收到", "👍", "明天几点集合？" }

local function text_for(group, r)
  if r < 0.05 then
    return group.leader, "吹哨 清理楼道杂物 " .. places[math.random(#places)] .. "人 明天上午9点 2小时"
  end
  local volunteer = "v-" .. group.chat .. "-" .. math.random(40)
  if r < 0.85 then
    -- Half of the report-ins name the group's newest task, as volunteers do once a group has
    -- more than one open task (a bare 报到 is then answered with the list to choose from).
    local task = latest_task[group.chat]
    if task and r < 0.45 then
      return volunteer, (r < 0.25) and ("报到 " .. task) or ("报到 #" .. task)
    end
    return volunteer, report_forms[math.random(#report_forms)]
  end
  if r < 0.92 then
    local task = latest_task[group.chat]
    local word = (math.random(2) == 1) and "取消报到" or "不去了"
    return volunteer, task and (word .. " " .. task) or word
  end
  if r < 0.95 then return volunteer, (math.random(2) == 1) and "帮助" or "积分" end
  return volunteer, chatter[math.random(#chatter)]
end

-- A whistle's answer announces its task: 【吹哨#12】… 回复「报到」… in the group it was blown in.
-- Learning numbers from answers keeps numbered report-ins pointing at tasks that exist.
function response(status, headers, body)
  if status ~= 200 or not body:find("回复「报到", 1, true) then return end
  local chat = body:match('"chat":"([^"]+)"')
  local task = body:match("吹哨#(%d+)】")
  if chat and task then latest_task[chat] = task end
end

function request()
  sequence = sequence + 1
  local group = groups[math.random(#groups)]
  local from, text = text_for(group, math.random())
  local id = run_tag .. "-" .. thread_tag .. "-" .. sequence
  local body = '{"id":"' .. id .. '","chat":"' .. group.chat .. '","from":"' .. from ..
      '","text":"' .. text .. '"}'
  return wrk.format("POST", "/hooks/generic/default",
    { ["Content-Type"] = "application/json", ["X-Whistle-Signature"] = sign(body) }, body)
end

function done(summary, latency, requests)
  local out_path = os.getenv("STORM_OUT")
  if out_path == nil then return end
  local file = io.open(out_path, "w")
  local errors = summary.errors
  file:write(string.format(
    '{"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,' ..
    '"write_errors":%d,"status_errors":%d,"timeouts":%d,"latency_us":{"mean":%.1f,"p50":%d,' ..
    '"p90":%d,"p99":%d,"p999":%d,"max":%d}}\n',
    summary.requests, summary.duration, summary.bytes, errors.connect, errors.read, errors.write,
    errors.status, errors.timeout, latency.mean, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency:percentile(99.9), latency.max))
  file:close()
end
