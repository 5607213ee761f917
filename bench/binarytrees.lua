-- binarytrees: depth 16 (twin of binarytrees.go). A leaf is an empty table;
-- an inner node is { left, right }.
local function bottom_up(depth)
  if depth <= 0 then
    return {}
  end
  return { bottom_up(depth - 1), bottom_up(depth - 1) }
end

local function check(node)
  if node[1] == nil then
    return 1
  end
  return 1 + check(node[1]) + check(node[2])
end

local MIN_DEPTH = 4
local MAX_DEPTH = 16

local stretch = MAX_DEPTH + 1
io.write(string.format("stretch tree of depth %d\t check: %d\n", stretch, check(bottom_up(stretch))))

local long_lived = bottom_up(MAX_DEPTH)

for depth = MIN_DEPTH, MAX_DEPTH, 2 do
  local iterations = 1 << (MAX_DEPTH - depth + MIN_DEPTH)
  local c = 0
  for _ = 1, iterations do
    c = c + check(bottom_up(depth))
  end
  io.write(string.format("%d\t trees of depth %d\t check: %d\n", iterations, depth, c))
end
io.write(string.format("long lived tree of depth %d\t check: %d\n", MAX_DEPTH, check(long_lived)))
