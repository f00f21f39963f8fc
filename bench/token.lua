-- wrk script: POST /api/installations/{instanceId}/access-token for random sites.
-- Reads the site ids from the file named by WB_SITES and the API key from WB_API_KEY.
local ids = {}
local key = os.getenv("WB_API_KEY")

function init(args)
  for line in io.lines(os.getenv("WB_SITES")) do
    ids[#ids + 1] = line
  end
  math.randomseed(os.time() + (args[1] and tonumber(args[1]) or 0))
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
