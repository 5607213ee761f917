-- awfy_storage: "Are We Fast Yet" Storage (twin of awfy_storage.go; a
-- leaf's empty slots are false, as Lua's tables do not hold nil; the
-- generator's "& 65535" is "% 65536", equal on its non-negative values
-- and parsed by LuaJIT as well).
local seed = 74755
local function next_random()
  seed = ((seed * 1309) + 13849) % 65536
  return seed
end

local count = 0

local function build_tree_depth(depth)
  count = count + 1
  if depth == 1 then
    local n = next_random() % 10 + 1
    local leaf = {}
    for i = 1, n do leaf[i] = false end
    return { children = leaf }
  end
  local children = { false, false, false, false }
  for i = 1, 4 do children[i] = build_tree_depth(depth - 1) end
  return { children = children }
end

local function benchmark()
  seed = 74755
  count = 0
  build_tree_depth(7)
  return count
end

local total = 0
for _ = 1, 100 do total = total + benchmark() end
print("storage " .. total)
