-- awfy_list: "Are We Fast Yet" List (twin of awfy_list.go).
local function make_list(length)
  if length == 0 then return nil end
  local e = { val = length, next = nil }
  e.next = make_list(length - 1)
  return e
end

local function length(e)
  if e.next == nil then return 1 end
  return 1 + length(e.next)
end

local function is_shorter_than(x, y)
  local x_tail, y_tail = x, y
  while y_tail ~= nil do
    if x_tail == nil then return true end
    x_tail = x_tail.next
    y_tail = y_tail.next
  end
  return false
end

local function tail(x, y, z)
  if is_shorter_than(y, x) then
    return tail(tail(x.next, y, z), tail(y.next, z, x), tail(z.next, x, y))
  end
  return z
end

local function benchmark()
  return length(tail(make_list(15), make_list(10), make_list(6)))
end

local total = 0
for _ = 1, 600 do total = total + benchmark() end
print("list " .. total)
