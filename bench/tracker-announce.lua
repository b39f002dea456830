-- wrk script shared by bench/tracker.sh for our tracker and opentracker: BEP 3 announces over a
-- pool of info-hashes (one hex hash a line in $BENCH_HASHES), random peer ids and ports, half
-- seeders, compact=1, numwant=50, and a fresh connection per announce as real clients do.
local hashes = {}

local function encode(hex)
  return (hex:gsub("%x%x", function(byte) return "%" .. byte:upper() end))
end

local function load()
  for line in io.lines(os.getenv("BENCH_HASHES")) do
    if #line == 40 then
      hashes[#hashes + 1] = encode(line)
    end
  end
end

local function random_peer_id()
  local bytes = {}
  for i = 1, 20 do
    bytes[i] = string.format("%%%02X", math.random(0, 255))
  end
  return table.concat(bytes)
end

function init(args)
  load()
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
  wrk.headers["Connection"] = "close"
end

function request()
  local left = (math.random(2) == 1) and "0" or "1048576"
  local path = "/announce?info_hash=" .. hashes[math.random(#hashes)] ..
      "&peer_id=" .. random_peer_id() ..
      "&port=" .. math.random(1024, 65535) ..
      "&uploaded=0&downloaded=0&left=" .. left ..
      "&compact=1&numwant=50&event=started"
  return wrk.format("GET", path)
end
