-- awfy_sieve: "Are We Fast Yet" Sieve (twin of awfy_sieve.go).
local function sieve(flags, size)
  local primeCount = 0
  for i = 2, size do
    if flags[i] then
      primeCount = primeCount + 1
      local k = i + i
      while k <= size do
        flags[k] = false
        k = k + i
      end
    end
  end
  return primeCount
end

local function benchmark()
  local flags = {}
  for i = 1, 5000 do flags[i] = true end
  return sieve(flags, 5000)
end

local total = 0
for _ = 1, 1500 do total = total + benchmark() end
print("sieve " .. total)
