-- wrk script: POST the README's yj-2024 rating request (run.sh extracts it from README.md
-- into the file named by RATING_BODY) to /api/v1/frameworks/yj-2024/ratings, and count
-- any answer that is not a 200 so a load test never hides refusals.
local file = assert(io.open(os.getenv("RATING_BODY"), "r"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
if os.getenv("API_KEY") then
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
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("failed")
  end
  io.write(string.format("non-200 answers: %d\n", total))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("latency p%s: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
