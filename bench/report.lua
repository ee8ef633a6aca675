-- wrk script: counts every response outside 2xx (a 302 to the sign-in page is a failure here) and
-- every request wrk gave up on (no answer within its timeout, or a socket error), and prints one
-- machine-readable line: RESULT <req/s> <p50 ms> <p99 ms> <failed> <requests>.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    bad = 0
end

function response(status, headers, body)
    if status < 200 or status > 299 then
        bad = bad + 1
    end
end

function done(summary, latency, requests)
    local failed = 0
    for _, thread in ipairs(threads) do
        failed = failed + thread:get("bad")
    end
    io.write(string.format("RESULT %.1f %.1f %.1f %d %d\n",
        summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        failed + summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
        summary.requests))
end
