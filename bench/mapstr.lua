-- mapstr: strings and maps (twin of mapstr.go).
local N = 500000
local format = string.format

local m, count = {}, 0
for i = 0, N - 1 do
  local k = format("k%07d", i)
  if m[k] == nil then
    count = count + 1
  end
  m[k] = i
end

local hits, sum = 0, 0
for i = 0, 2 * N - 1 do
  local v = m[format("k%07d", i)]
  if v ~= nil then
    hits = hits + 1
    sum = sum + v
  end
end

local s = ""
for i = 0, N - 1, 50 do
  s = s .. format("k%07d", i) .. ";"
end

print(format("%d %d %d %d %s", count, hits, sum, #s, s:sub(-9)))
