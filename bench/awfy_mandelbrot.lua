-- awfy_mandelbrot: "Are We Fast Yet" Mandelbrot (twin of awfy_mandelbrot.go).
-- The file runs under Lua 5.4 and LuaJIT, which spell xor differently: the
-- xor (once per 8 points, outside the hot loop) goes through a function,
-- and the shifts are multiplications by powers of two.
local bxor = bit and bit.bxor or load("return function(a, b) return a ~ b end")()
local pow2 = { [0] = 1, 2, 4, 8, 16, 32, 64, 128, 256 }
local function mandelbrot(size)
  local sum = 0
  local byteAcc = 0
  local bitNum = 0
  local y = 0
  while y < size do
    local ci = (2.0 * y / size) - 1.0
    local x = 0
    while x < size do
      local zrzr = 0.0
      local zi = 0.0
      local zizi = 0.0
      local cr = (2.0 * x / size) - 1.5
      local z = 0
      local notDone = true
      local escape = 0
      while notDone and z < 50 do
        local zr = zrzr - zizi + cr
        zi = 2.0 * zr * zi + ci
        zrzr = zr * zr
        zizi = zi * zi
        if zrzr + zizi > 4.0 then
          notDone = false
          escape = 1
        end
        z = z + 1
      end
      byteAcc = byteAcc * 2 + escape
      bitNum = bitNum + 1
      if bitNum == 8 then
        sum = bxor(sum, byteAcc)
        byteAcc = 0
        bitNum = 0
      elseif x == size - 1 then
        byteAcc = byteAcc * pow2[8 - bitNum]
        sum = bxor(sum, byteAcc)
        byteAcc = 0
        bitNum = 0
      end
      x = x + 1
    end
    y = y + 1
  end
  return sum
end

local total = 0
for _ = 1, 2 do total = total + mandelbrot(500) end
print("mandelbrot " .. total)
