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
-- The mix: 5 % whistles by the group's leader (3–8 places, so tasks fill and waitlists form) — 4 %
-- for tomorrow morning and 1 % for a two-minute task starting this minute or the next (Asia/Shanghai
-- by the machine's clock, which is the server's), so check-ins count; 75 % report-ins (numbered
-- "报到 12" / "报到 #12" for the group's newest task, bare 报到, "1", Traditional 報到, +1, 我来),
-- 6 % withdrawals, 3 % queries (帮助, 积分), 4 % chatter the bot must ignore, and 7 % the volunteer
-- loop: 2 % report-ins to and check-ins at (签到 N) the group's soon task by its first six
-- volunteers, 1 % 验收 N of it by the leader (refused until it starts), 2 % 加分 @volunteer N 理由 by the
-- leader (with mentions), 1.5 % 兑换 毛巾 in private by one of those six (the pickup code comes back
-- inline) and 0.5 % 核销 CODE by the community's staff for codes learnt from those answers.
-- Volunteers are drawn from 40 per group, so some report in twice (idempotent) and some withdraw
-- what they never signed; refusals (not signed up, not enough points, already paid) are part of
-- the load.
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
local soon_task = {} -- chat → the number of the last soon task whistled there
local codes = {} -- pickup codes learnt from private answers, waiting for 核销: { code, community }

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

-- A start this minute (when most of it is ahead) or the next, in Asia/Shanghai (UTC+8, no DST);
-- nil near midnight, where "今天" would be wrong.
local function soon_time()
  local t = os.date("!*t", os.time() + 8 * 3600)
  local hour, minute = t.hour, t.min
  if t.sec >= 20 then minute = minute + 1 end
  if minute >= 60 then hour, minute = hour + 1, minute - 60 end
  if hour >= 23 and minute >= 55 or hour >= 24 then return nil end
  return string.format("今天%02d:%02d 2分钟", hour, minute)
end

local SOON_TITLE = "打扫小区花园"

-- Returns from, text and optionally the chat (instead of the group's) and extra JSON fields.
local function loop_text(group, r)
  local task = soon_task[group.chat]
  local volunteer = "v-" .. group.chat .. "-" .. math.random(6)
  if r < 0.95 and task then
    if math.random(2) == 1 then return volunteer, "报到 " .. task end
    return volunteer, "签到 " .. task
  end
  if r < 0.96 and task then return group.leader, "验收 " .. task end
  if r < 0.98 then
    return group.leader, "加分 @" .. volunteer .. " " .. math.random(3, 20) .. " 帮忙搬运物资", nil,
        ',"mentions":["' .. volunteer .. '"]'
  end
  if r < 0.995 then
    return volunteer, "兑换 毛巾", "@" .. volunteer, ',"chat_type":"private"'
  end
  if #codes > 0 then
    local entry = table.remove(codes)
    return "S-" .. entry.community, "核销 " .. entry.code, entry.community
  end
  return volunteer, "积分"
end

local function text_for(group, r)
  if r < 0.04 then
    return group.leader, "吹哨 清理楼道杂物 " .. places[math.random(#places)] .. "人 明天上午9点 2小时"
  end
  if r < 0.05 then
    local when = soon_time()
    if when then return group.leader, "吹哨 " .. SOON_TITLE .. " " .. places[math.random(#places)] .. "人 " .. when end
  end
  if r >= 0.93 then return loop_text(group, r) end
  local volunteer = "v-" .. group.chat .. "-" .. math.random(40)
  if r < 0.80 then
    -- Half of the report-ins name the group's newest task, as volunteers do once a group has
    -- more than one open task (a bare 报到 is then answered with the list to choose from).
    local task = latest_task[group.chat]
    if task and r < 0.425 then
      return volunteer, (r < 0.24) and ("报到 " .. task) or ("报到 #" .. task)
    end
    return volunteer, report_forms[math.random(#report_forms)]
  end
  if r < 0.86 then
    local task = latest_task[group.chat]
    local word = (math.random(2) == 1) and "取消报到" or "不去了"
    return volunteer, task and (word .. " " .. task) or word
  end
  if r < 0.89 then return volunteer, (math.random(2) == 1) and "帮助" or "积分" end
  return volunteer, chatter[math.random(#chatter)]
end

-- A whistle's answer announces its task: 【吹哨#12】… 回复「报到」… in the group it was blown in.
-- Learning numbers from answers keeps numbered report-ins pointing at tasks that exist. A
-- private answer to 兑换 holds the pickup code (取货码：K7Q2) in the chat "@v-<chat>-N".
function response(status, headers, body)
  if status ~= 200 then return end
  if body:find("回复「报到", 1, true) then
    local chat = body:match('"chat":"([^"]+)"')
    local task = body:match("吹哨#(%d+)】")
    if chat and task then
      latest_task[chat] = task
      if body:find(SOON_TITLE, 1, true) then soon_task[chat] = task end
    end
    return
  end
  local code = body:match("取货码：([2-9A-Z]+)")
  if code then
    local community = body:match('"chat":"@v%-(c%d+)')
    if community and #codes < 1000 then codes[#codes + 1] = { code = code, community = community } end
  end
end

function request()
  sequence = sequence + 1
  local group = groups[math.random(#groups)]
  local from, text, chat, extra = text_for(group, math.random())
  local id = run_tag .. "-" .. thread_tag .. "-" .. sequence
  local body = '{"id":"' .. id .. '","chat":"' .. (chat or group.chat) .. '","from":"' .. from ..
      '","text":"' .. text .. '"' .. (extra or "") .. '}'
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
