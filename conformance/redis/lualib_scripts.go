package redis

// Lua scripts shared by the randomized library case files (cjson-random, cmsgpack-random) and
// the library packages' fuzz tests. They run unchanged on redis-server and on our engine, and
// take their inputs from ARGV, so one script serves every input.

// LuaDump defines D(v): a deterministic rendering of any value, tables in pairs order, numbers
// with "%.17g", strings with "%q". A table with a table among its keys is rendered with its
// entries sorted, since the order of such keys follows memory addresses.
const LuaDump = `local function D(v)
  local t = type(v)
  if t == "table" then
    local e, sorted = {}, false
    for k, x in pairs(v) do
      e[#e + 1] = D(k) .. "=" .. D(x) .. ","
      if type(k) == "table" then sorted = true end
    end
    if sorted then table.sort(e) end
    return "{" .. table.concat(e) .. "}"
  elseif t == "string" then return string.format("%q", v)
  elseif t == "number" then return string.format("%.17g", v)
  end
  return tostring(v)
end
`

// LuaBuilder defines build(s): a Lua value grown from the bytes of s, used as a program: numbers
// (small integers, edge values, fractions, infinities and NaN), strings of any bytes, booleans,
// cjson.null, nil, arrays, tables with string and number keys set in the order the bytes say,
// and sparse arrays, nested up to four levels. Missing bytes read as zero, so every string
// builds some value.
const LuaBuilder = `local function build(s)
  local i = 0
  local function b() i = i + 1 return string.byte(s, i) or 0 end
  local keys = {0, -0.5, 1, 2, 3, 10, 11, 100, 1.5, -1, 2^31, 2^32, 2^53, 1e300, 1/0, -1/0, 0.1, 127, 128, 65536}
  local nums = {0, -0, 1, -1, 0.5, 0.1, 1/3, 2^31, 2^32, 2^53, 2^63, 2^64, -2^63, 1e300, 1e-300,
    5e-324, 127, 128, 255, 256, 65535, 65536, -32, -33, -128, -129, -32768, -32769, 1.5, 1e15,
    123456789012345, 3.4028234663852886e38, 1/0, -1/0, 0/0}
  local function str()
    local t = {}
    for k = 1, b() % 12 do t[k] = string.char(b()) end
    return table.concat(t)
  end
  local function key()
    local c = b() % 4
    if c == 0 then return b() % 20 + 1 elseif c == 1 then return keys[b() % #keys + 1] end
    return str()
  end
  local val
  val = function(d)
    local c = b() % 13
    if d >= 4 and c >= 8 then c = c % 8 end
    if c == 0 then return b() - 128
    elseif c == 1 then return nums[b() % #nums + 1]
    elseif c == 2 then return (b() * 256 + b()) / (b() + 1) - 100
    elseif c == 3 or c == 4 then return str()
    elseif c == 5 then return b() % 2 == 0
    elseif c == 6 then return cjson.null
    elseif c == 7 then return nil
    elseif c == 8 or c == 9 then
      local t = {}
      for k = 1, b() % 7 do t[k] = val(d + 1) end
      return t
    elseif c == 10 or c == 11 then
      local t = {}
      for k = 1, b() % 7 do local kk = key() t[kk] = val(d + 1) end
      return t
    end
    local t = {}
    for k = 1, b() % 4 do t[b() % 40 + 1] = val(d + 1) end
    return t
  end
  return val(0)
end
`

// CJSONDecodeScript decodes every ARGV element and renders each result (or error).
const CJSONDecodeScript = LuaDump + `local out = {}
for k, s in ipairs(ARGV) do
  local ok, v = pcall(cjson.decode, s)
  out[k] = ok and D(v) or "error: " .. v
end
return out`

// CJSONEncodeScript builds a value from every ARGV element and encodes it (or gives the error).
const CJSONEncodeScript = LuaBuilder + `local out = {}
for k, s in ipairs(ARGV) do
  local ok, r = pcall(cjson.encode, build(s))
  out[k] = ok and r or "error: " .. r
end
return out`

// MsgpackUnpackScript unpacks every ARGV element whole and one value at an offset, and renders
// the results (or errors).
const MsgpackUnpackScript = LuaDump + `local out = {}
for k, s in ipairs(ARGV) do
  out[#out + 1] = D({pcall(cmsgpack.unpack, s)})
  out[#out + 1] = D({pcall(cmsgpack.unpack_one, s, k % 4)})
  out[#out + 1] = D({pcall(cmsgpack.unpack_limit, s, k % 3, k % 2)})
end
return out`

// MsgpackPackScript builds a value from every ARGV element, packs it and renders what unpacking
// the bytes gives back.
const MsgpackPackScript = LuaDump + LuaBuilder + `local out = {}
for k, s in ipairs(ARGV) do
  local p = cmsgpack.pack(build(s))
  out[#out + 1] = p
  out[#out + 1] = D({pcall(cmsgpack.unpack, p)})
end
return out`

// MsgpackRoundTripScript builds a value from every ARGV element and says whether unpacking its
// packing gives the same value back, up to what MessagePack cannot carry (cjson.null and other
// userdata become nil).
const MsgpackRoundTripScript = LuaBuilder + `local function norm(v)
  if type(v) == "userdata" then return nil end
  if type(v) ~= "table" then return v end
  local t = {}
  for k, x in pairs(v) do t[k] = norm(x) end
  return t
end
local function same(a, b)
  if type(a) ~= type(b) then return false end
  if type(a) == "number" then return a == b or (a ~= a and b ~= b) end
  if type(a) ~= "table" then return a == b end
  for k, x in pairs(a) do if not same(x, b[k]) then return false end end
  for k in pairs(b) do if a[k] == nil then return false end end
  return true
end
local out = {}
for k, s in ipairs(ARGV) do
  local v = build(s)
  out[k] = same(norm(v), cmsgpack.unpack(cmsgpack.pack(v))) and "same" or "different"
end
return out`

// LuaDocument defines doc(n): a document of n records (about 150 bytes of JSON each, so 7 make
// 1 KB and 700 make 100 KB) with strings, integers, fractions, booleans, arrays and nested
// objects, for the libraries' benchmarks.
const LuaDocument = `local function doc(n)
  local t = {}
  for i = 1, n do
    t[i] = {id = i, name = "user" .. i, email = "user" .. i .. "@example.com", score = i * 1.25,
      active = i % 3 == 0, tags = {"red", "green", "blue"}, nested = {a = i, b = {1, 2, 3}}}
  end
  return t
end
`
