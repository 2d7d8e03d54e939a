-- wrk script for run.sh: POST the file named by BODY as JSON (a GET when BODY is empty), with
-- X-Api-Key when API_KEY is set; count any answer that is not a 200, so a load test never hides
-- refusals; and print one line run.sh reads:
--   result requests=N seconds=S p50_us=N p99_us=N non200=N socket_errors=N
local body = os.getenv("BODY") or ""
if body ~= "" then
  local file = assert(io.open(body, "r"))
  wrk.method = "POST"
  wrk.body = file:read("*a")
  file:close()
  wrk.headers["Content-Type"] = "application/json"
end
if (os.getenv("API_KEY") or "") ~= "" then
  wrk.headers["X-Api-Key"] = os.getenv("API_KEY")
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  failed = 0
end

function response(status, headers, body)
  if status ~= 200 then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local non200 = 0
  for _, thread in ipairs(threads) do
    non200 = non200 + thread:get("failed")
  end
  local e = summary.errors
  io.write(string.format("result requests=%d seconds=%.3f p50_us=%d p99_us=%d non200=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    non200, e.connect + e.read + e.write + e.timeout))
end
