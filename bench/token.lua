-- wrk script: POST /api/installations/{instanceId}/access-token for random sites.
-- Reads the site ids from the file named by WB_SITES and the API key from WB_API_KEY.
local ids = {}
local key = os.getenv("WB_API_KEY")

-- Each thread gets its own seed, so the threads do not ask for the same sites in step.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  for line in io.lines(os.getenv("WB_SITES")) do
    ids[#ids + 1] = line
  end
  math.randomseed(os.time() * 100 + seed)
end

function request()
  local id = ids[math.random(#ids)]
  return wrk.format("POST", "/api/installations/" .. id .. "/access-token",
    { ["Authorization"] = "Bearer " .. key })
end

function response(status, headers, body)
  if status ~= 200 then
    errors_seen = (errors_seen or 0) + 1
  end
end
