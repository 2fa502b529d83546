-- wrk script of bench/run.sh.
--   WRK_BODY=file    POST the file as application/json
--   WRK_ROUTES=n     GET /api/r0?x=0 .. /api/r<n-1>?x=<n-1> in turn
-- At the end it prints one tab-separated line:
--   WRKRESULT requests duration_us p50_us p99_us errors
-- where errors = non-2xx answers (wrk counts status >= 400) + socket errors.

local body = os.getenv("WRK_BODY")
if body and body ~= "" then
  local f = assert(io.open(body, "rb"))
  wrk.method = "POST"
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end

local routes = tonumber(os.getenv("WRK_ROUTES") or "")
if routes and routes > 0 then
  local paths = {}
  local n = 0
  init = function(args)
    for i = 0, routes - 1 do
      paths[i + 1] = wrk.format(nil, "/api/r" .. i .. "?x=" .. i)
    end
  end
  request = function()
    n = n + 1
    return paths[(n % routes) + 1]
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("WRKRESULT\t%d\t%d\t%d\t%d\t%d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), errors))
end
