-- awfy_queens: "Are We Fast Yet" Queens (twin of awfy_queens.go; the
-- slices are 0-based tables, as Go's are indexed).
local function filled(n, v)
  local s = {}
  for i = 0, n - 1 do s[i] = v end
  return s
end

local function get_row_column(q, r, c)
  return q.freeRows[r] and q.freeMaxs[c + r] and q.freeMins[c - r + 7]
end

local function set_row_column(q, r, c, v)
  q.freeRows[r] = v
  q.freeMaxs[c + r] = v
  q.freeMins[c - r + 7] = v
end

local function place_queen(q, c)
  for r = 0, 7 do
    if get_row_column(q, r, c) then
      q.queenRows[r] = c
      set_row_column(q, r, c, false)
      if c == 7 then return true end
      if place_queen(q, c + 1) then return true end
      set_row_column(q, r, c, true)
    end
  end
  return false
end

local function queens()
  local q = { freeRows = filled(8, true), freeMaxs = filled(16, true), freeMins = filled(16, true),
    queenRows = filled(8, 0) }
  for i = 0, 7 do q.queenRows[i] = -1 end
  return place_queen(q, 0)
end

local function benchmark()
  local result = true
  for _ = 1, 10 do result = result and queens() end
  return result
end

local count = 0
for _ = 1, 500 do
  if benchmark() then count = count + 1 end
end
print("queens " .. count)
