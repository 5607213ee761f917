-- loop: a 100-million-iteration integer loop (twin of loop.go).
local sum = 0
for i = 0, 100000000 - 1 do
  sum = sum + (i & 255)
end
print(sum)
