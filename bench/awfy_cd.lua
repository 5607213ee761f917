-- awfy_cd: "Are We Fast Yet" CD (twin of awfy_cd.go). Tree keys carry
-- their compare function, as Go's compare through the Key interface.
local sqrt, cos, sin, floor, ceil = math.sqrt, math.cos, math.sin, math.floor, math.ceil

local MIN_X, MIN_Y, MAX_X, MAX_Y, MIN_Z, MAX_Z = 0.0, 0.0, 1000.0, 1000.0, 0.0, 10.0
local PROXIMITY_RADIUS = 1.0
local GOOD_VOXEL_SIZE = PROXIMITY_RADIUS * 2.0

local function compare_numbers(a, b)
  if a == b then return 0 end
  if a < b then return -1 end
  return 1
end

local function vec2_compare(v, w)
  local c = compare_numbers(v.x, w.x)
  if c ~= 0 then return c end
  return compare_numbers(v.y, w.y)
end

local function vec2(x, y) return { x = x, y = y, compareTo = vec2_compare } end
local function vec2_plus(v, o) return vec2(v.x + o.x, v.y + o.y) end
local function vec2_minus(v, o) return vec2(v.x - o.x, v.y - o.y) end

local function vec3(x, y, z) return { x = x, y = y, z = z } end
local function vec3_plus(v, o) return vec3(v.x + o.x, v.y + o.y, v.z + o.z) end
local function vec3_minus(v, o) return vec3(v.x - o.x, v.y - o.y, v.z - o.z) end
local function vec3_dot(v, o) return v.x * o.x + v.y * o.y + v.z * o.z end
local function vec3_squared_magnitude(v) return vec3_dot(v, v) end
local function vec3_magnitude(v) return sqrt(vec3_squared_magnitude(v)) end
local function vec3_times(v, a) return vec3(v.x * a, v.y * a, v.z * a) end

local function callsign_compare(c, d)
  if c.value == d.value then return 0 end
  if c.value < d.value then return -1 end
  return 1
end

local function callsign(value) return { value = value, compareTo = callsign_compare } end

-- The red-black tree of Cormen et al., with nil leaves.
local function new_tree() return { root = nil } end

local function is_black(n) return n == nil or not n.red end

local function tree_minimum(x)
  while x.left ~= nil do x = x.left end
  return x
end

local function successor(x)
  if x.right ~= nil then return tree_minimum(x.right) end
  local y = x.parent
  while y ~= nil and x == y.right do
    x = y
    y = y.parent
  end
  return y
end

local function left_rotate(t, x)
  local y = x.right
  x.right = y.left
  if y.left ~= nil then y.left.parent = x end
  y.parent = x.parent
  if x.parent == nil then
    t.root = y
  elseif x == x.parent.left then
    x.parent.left = y
  else
    x.parent.right = y
  end
  y.left = x
  x.parent = y
end

local function right_rotate(t, y)
  local x = y.left
  y.left = x.right
  if x.right ~= nil then x.right.parent = y end
  x.parent = y.parent
  if y.parent == nil then
    t.root = x
  elseif y == y.parent.left then
    y.parent.left = x
  else
    y.parent.right = x
  end
  x.right = y
  y.parent = x
end

local function find_node(t, key)
  local x = t.root
  while x ~= nil do
    local c = key.compareTo(key, x.key)
    if c == 0 then return x end
    if c < 0 then x = x.left else x = x.right end
  end
  return nil
end

local function tree_get(t, key)
  local n = find_node(t, key)
  if n == nil then return nil end
  return n.value
end

local function tree_put(t, key, value)
  local y = nil
  local x = t.root
  while x ~= nil do
    y = x
    local c = key.compareTo(key, x.key)
    if c == 0 then
      local old = x.value
      x.value = value
      return old
    end
    if c < 0 then x = x.left else x = x.right end
  end
  local z = { key = key, value = value, left = nil, right = nil, parent = y, red = true }
  if y == nil then
    t.root = z
  elseif key.compareTo(key, y.key) < 0 then
    y.left = z
  else
    y.right = z
  end
  x = z
  while x ~= t.root and x.parent.red do
    if x.parent == x.parent.parent.left then
      local u = x.parent.parent.right
      if u ~= nil and u.red then
        x.parent.red = false
        u.red = false
        x.parent.parent.red = true
        x = x.parent.parent
      else
        if x == x.parent.right then
          x = x.parent
          left_rotate(t, x)
        end
        x.parent.red = false
        x.parent.parent.red = true
        right_rotate(t, x.parent.parent)
      end
    else
      local u = x.parent.parent.left
      if u ~= nil and u.red then
        x.parent.red = false
        u.red = false
        x.parent.parent.red = true
        x = x.parent.parent
      else
        if x == x.parent.left then
          x = x.parent
          right_rotate(t, x)
        end
        x.parent.red = false
        x.parent.parent.red = true
        left_rotate(t, x.parent.parent)
      end
    end
  end
  t.root.red = false
  return nil
end

local function remove_fixup(t, x, xParent)
  while x ~= t.root and is_black(x) do
    if x == xParent.left then
      local w = xParent.right
      if w.red then
        w.red = false
        xParent.red = true
        left_rotate(t, xParent)
        w = xParent.right
      end
      if is_black(w.left) and is_black(w.right) then
        w.red = true
        x = xParent
        xParent = x.parent
      else
        if is_black(w.right) then
          w.left.red = false
          w.red = true
          right_rotate(t, w)
          w = xParent.right
        end
        w.red = xParent.red
        xParent.red = false
        if w.right ~= nil then w.right.red = false end
        left_rotate(t, xParent)
        x = t.root
        xParent = nil
      end
    else
      local w = xParent.left
      if w.red then
        w.red = false
        xParent.red = true
        right_rotate(t, xParent)
        w = xParent.left
      end
      if is_black(w.right) and is_black(w.left) then
        w.red = true
        x = xParent
        xParent = x.parent
      else
        if is_black(w.left) then
          w.right.red = false
          w.red = true
          left_rotate(t, w)
          w = xParent.left
        end
        w.red = xParent.red
        xParent.red = false
        if w.left ~= nil then w.left.red = false end
        right_rotate(t, xParent)
        x = t.root
        xParent = nil
      end
    end
  end
  if x ~= nil then x.red = false end
end

local function tree_remove(t, key)
  local z = find_node(t, key)
  if z == nil then return nil end
  local y = z
  if z.left ~= nil and z.right ~= nil then y = successor(z) end
  local x = y.right
  if y.left ~= nil then x = y.left end
  local xParent = y.parent
  if x ~= nil then x.parent = xParent end
  if y.parent == nil then
    t.root = x
  elseif y == y.parent.left then
    y.parent.left = x
  else
    y.parent.right = x
  end
  if y ~= z then
    if not y.red then remove_fixup(t, x, xParent) end
    y.parent = z.parent
    y.red = z.red
    y.left = z.left
    y.right = z.right
    if z.left ~= nil then z.left.parent = y end
    if z.right ~= nil then z.right.parent = y end
    if z.parent ~= nil then
      if z.parent.left == z then z.parent.left = y else z.parent.right = y end
    else
      t.root = y
    end
  elseif not y.red then
    remove_fixup(t, x, xParent)
  end
  return z.value
end

local function tree_for_each(t, fn)
  if t.root == nil then return end
  local n = tree_minimum(t.root)
  while n ~= nil do
    fn(n.key, n.value)
    n = successor(n)
  end
end

local function motion_delta(m) return vec3_minus(m.posTwo, m.posOne) end

local function find_intersection(m, o)
  local init1 = m.posOne
  local init2 = o.posOne
  local vec1 = motion_delta(m)
  local vec2v = motion_delta(o)
  local radius = PROXIMITY_RADIUS
  local a = vec3_squared_magnitude(vec3_minus(vec2v, vec1))
  if a ~= 0.0 then
    local b = 2.0 * vec3_dot(vec3_minus(init1, init2), vec3_minus(vec1, vec2v))
    local c = -radius * radius + vec3_squared_magnitude(vec3_minus(init2, init1))
    local discr = b * b - 4.0 * a * c
    if discr < 0.0 then return nil end
    local v1 = (-b - sqrt(discr)) / (2.0 * a)
    local v2 = (-b + sqrt(discr)) / (2.0 * a)
    if v1 <= v2 and ((v1 <= 1.0 and 1.0 <= v2) or (v1 <= 0.0 and 0.0 <= v2) or (0.0 <= v1 and v2 <= 1.0)) then
      local v = v1
      if v <= 0.0 then v = 0.0 end
      local result1 = vec3_plus(init1, vec3_times(vec1, v))
      local result2 = vec3_plus(init2, vec3_times(vec2v, v))
      local result = vec3_times(vec3_plus(result1, result2), 0.5)
      if result.x >= MIN_X and result.x <= MAX_X and result.y >= MIN_Y and result.y <= MAX_Y and
          result.z >= MIN_Z and result.z <= MAX_Z then
        return result
      end
    end
    return nil
  end
  local dist = vec3_magnitude(vec3_minus(init2, init1))
  if dist <= radius then return vec3_times(vec3_plus(init1, init2), 0.5) end
  return nil
end

local horizontal = vec2(GOOD_VOXEL_SIZE, 0.0)
local vertical = vec2(0.0, GOOD_VOXEL_SIZE)

local function is_in_voxel(voxel, m)
  if voxel.x > MAX_X or voxel.x < MIN_X or voxel.y > MAX_Y or voxel.y < MIN_Y then return false end
  local init = m.posOne
  local fin = m.posTwo
  local vs = GOOD_VOXEL_SIZE
  local r = PROXIMITY_RADIUS / 2.0
  local vx = voxel.x
  local x0 = init.x
  local xv = fin.x - init.x
  local vy = voxel.y
  local y0 = init.y
  local yv = fin.y - init.y
  local lowX = (vx - r - x0) / xv
  local highX = (vx + vs + r - x0) / xv
  if xv < 0.0 then lowX, highX = highX, lowX end
  local lowY = (vy - r - y0) / yv
  local highY = (vy + vs + r - y0) / yv
  if yv < 0.0 then lowY, highY = highY, lowY end
  return ((xv == 0.0 and vx <= x0 + r and x0 - r <= vx + vs) or
      (lowX <= 1.0 and 1.0 <= highX) or (lowX <= 0.0 and 0.0 <= highX) or
      (0.0 <= lowX and highX <= 1.0)) and
      ((yv == 0.0 and vy <= y0 + r and y0 - r <= vy + vs) or
        (lowY <= 1.0 and 1.0 <= highY) or (lowY <= 0.0 and 0.0 <= highY) or
        (0.0 <= lowY and highY <= 1.0)) and
      (xv == 0.0 or yv == 0.0 or
        (lowY <= highX and highX <= highY) or
        (lowY <= lowX and lowX <= highY) or
        (lowX <= lowY and highY <= highX))
end

local function put_into_map(voxel_map, voxel, m)
  local list = tree_get(voxel_map, voxel)
  if list == nil then
    list = {}
    tree_put(voxel_map, voxel, list)
  end
  list[#list + 1] = m
end

local function recurse(voxel_map, seen, nxt, m)
  if not is_in_voxel(nxt, m) then return end
  if tree_put(seen, nxt, true) ~= nil then return end
  put_into_map(voxel_map, nxt, m)
  recurse(voxel_map, seen, vec2_minus(nxt, horizontal), m)
  recurse(voxel_map, seen, vec2_plus(nxt, horizontal), m)
  recurse(voxel_map, seen, vec2_minus(nxt, vertical), m)
  recurse(voxel_map, seen, vec2_plus(nxt, vertical), m)
  recurse(voxel_map, seen, vec2_minus(vec2_minus(nxt, horizontal), vertical), m)
  recurse(voxel_map, seen, vec2_plus(vec2_minus(nxt, horizontal), vertical), m)
  recurse(voxel_map, seen, vec2_minus(vec2_plus(nxt, horizontal), vertical), m)
  recurse(voxel_map, seen, vec2_plus(vec2_plus(nxt, horizontal), vertical), m)
end

-- Go's float-to-int conversion truncates toward zero.
local function trunc(x)
  if x >= 0 then return floor(x) end
  return ceil(x)
end

local function voxel_hash(p)
  local xDiv = trunc(p.x / GOOD_VOXEL_SIZE)
  local yDiv = trunc(p.y / GOOD_VOXEL_SIZE)
  local x = GOOD_VOXEL_SIZE * xDiv
  local y = GOOD_VOXEL_SIZE * yDiv
  if p.x < 0 then x = x - GOOD_VOXEL_SIZE end
  if p.y < 0 then y = y - GOOD_VOXEL_SIZE end
  return vec2(x, y)
end

local function reduce_collision_set(motions)
  local voxel_map = new_tree()
  for i = 1, #motions do
    local m = motions[i]
    recurse(voxel_map, new_tree(), voxel_hash(m.posOne), m)
  end
  local result = {}
  tree_for_each(voxel_map, function(k, list)
    if #list > 1 then result[#result + 1] = list end
  end)
  return result
end

local function handle_new_frame(d, frame)
  local motions = {}
  local seen = new_tree()
  for i = 1, #frame do
    local a = frame[i]
    local old = tree_put(d.state, a.callsign, a.position)
    local new_position = a.position
    tree_put(seen, a.callsign, true)
    local old_position = new_position
    if old ~= nil then old_position = old end
    motions[#motions + 1] = { callsign = a.callsign, posOne = old_position, posTwo = new_position }
  end
  local to_remove = {}
  tree_for_each(d.state, function(k, v)
    if tree_get(seen, k) == nil then to_remove[#to_remove + 1] = k end
  end)
  for i = 1, #to_remove do tree_remove(d.state, to_remove[i]) end
  local collisions = 0
  local all = reduce_collision_set(motions)
  for r = 1, #all do
    local reduced = all[r]
    for i = 1, #reduced do
      local m1 = reduced[i]
      for j = i + 1, #reduced do
        if find_intersection(m1, reduced[j]) ~= nil then collisions = collisions + 1 end
      end
    end
  end
  return collisions
end

local function simulate(aircraft, time)
  local frame = {}
  for i = 0, #aircraft - 1, 2 do
    frame[#frame + 1] = { callsign = aircraft[i + 1], position = vec3(time, cos(time) * 2 + i * 3, 10) }
    frame[#frame + 1] = { callsign = aircraft[i + 2], position = vec3(time, sin(time) * 2 + i * 3, 10) }
  end
  return frame
end

local function benchmark(num_aircraft)
  local aircraft = {}
  for i = 0, num_aircraft - 1 do aircraft[#aircraft + 1] = callsign(i) end
  local detector = { state = new_tree() }
  local collisions = 0
  for i = 0, 199 do
    local time = i / 10.0
    collisions = collisions + handle_new_frame(detector, simulate(aircraft, time))
  end
  return collisions
end

local total = 0
for _ = 1, 2 do total = total + benchmark(100) end
print("cd " .. total)
