-- loop_mod: the loop with a constant modulus (twin of loop_mod.go).
local sum = 0
for i = 0, 100000000 - 1 do
  sum = sum + i * i % 7
end
print(sum)
