-- bench/run's wrk script: replays a list of requests, round-robin, each
-- thread starting at its own offset.
--   wrk ... -s bench/lua/requests.lua URL -- LIST_FILE [COOKIE] [CSRF]
-- LIST_FILE has one request per line: METHOD<TAB>PATH[<TAB>JSON BODY].
-- COOKIE ("chibo_session=...") and CSRF (the log-in's csrf_token) are sent on
-- every request when given: the server checks X-CSRF-Token on every write.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local reqs = {}
local i = 0

function init(args)
  local list, cookie, csrf = args[1], args[2], args[3]
  local headers = {}
  if cookie and cookie ~= "" then headers["Cookie"] = cookie end
  if csrf and csrf ~= "" then headers["X-CSRF-Token"] = csrf end
  for line in io.lines(list) do
    local method, path, body = line:match("^(%u+)\t([^\t]+)\t?(.*)$")
    if method then
      local h = {}
      for k, v in pairs(headers) do h[k] = v end
      if body == "" then body = nil else h["Content-Type"] = "application/json" end
      table.insert(reqs, wrk.format(method, path, h, body))
    end
  end
  if #reqs == 0 then error("no requests in " .. tostring(list)) end
  i = math.floor((tonumber(tid) or 0) * #reqs / 2)
end

function request()
  i = i + 1
  return reqs[(i % #reqs) + 1]
end
