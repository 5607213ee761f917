-- mapstr_fmt: mapstr's formatting alone (twin of mapstr_fmt.go).
local N = 500000
local format = string.format

local total, last = 0, ""
for i = 0, 3 * N - 1 do
  last = format("k%07d", i)
  total = total + #last
end

print(total .. " " .. last)
