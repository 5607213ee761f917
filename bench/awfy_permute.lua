-- awfy_permute: "Are We Fast Yet" Permute (twin of awfy_permute.go).
local function swap(p, i, j)
  local v = p.v
  local tmp = v[i + 1]
  v[i + 1] = v[j + 1]
  v[j + 1] = tmp
end

local function permute(p, n)
  p.count = p.count + 1
  if n ~= 0 then
    local n1 = n - 1
    permute(p, n1)
    for i = n1, 0, -1 do
      swap(p, n1, i)
      permute(p, n1)
      swap(p, n1, i)
    end
  end
end

local function benchmark()
  local p = { count = 0, v = { 0, 0, 0, 0, 0, 0 } }
  permute(p, 6)
  return p.count
end

local total = 0
for _ = 1, 500 do total = total + benchmark() end
print("permute " .. total)
