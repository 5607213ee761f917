-- awfy_bounce: "Are We Fast Yet" Bounce (twin of awfy_bounce.go). The
-- generator's "& 65535" is "% 65536" here (equal on the non-negative
-- values it sees), which Lua 5.4 and LuaJIT both parse.
local function new_random()
  return { seed = 74755 }
end

local function next_random(r)
  r.seed = ((r.seed * 1309) + 13849) % 65536
  return r.seed
end

local function new_ball(r)
  local b = {}
  b.x = next_random(r) % 500
  b.y = next_random(r) % 500
  b.xVel = (next_random(r) % 300) - 150
  b.yVel = (next_random(r) % 300) - 150
  return b
end

local function abs(x)
  if x < 0 then return -x end
  return x
end

local function bounce(b)
  local xLimit, yLimit = 500, 500
  local bounced = false
  b.x = b.x + b.xVel
  b.y = b.y + b.yVel
  if b.x > xLimit then b.x = xLimit; b.xVel = 0 - abs(b.xVel); bounced = true end
  if b.x < 0 then b.x = 0; b.xVel = abs(b.xVel); bounced = true end
  if b.y > yLimit then b.y = yLimit; b.yVel = 0 - abs(b.yVel); bounced = true end
  if b.y < 0 then b.y = 0; b.yVel = abs(b.yVel); bounced = true end
  return bounced
end

local function benchmark()
  local r = new_random()
  local balls = {}
  for i = 1, 100 do balls[i] = new_ball(r) end
  local bounces = 0
  for _ = 1, 50 do
    for i = 1, #balls do
      if bounce(balls[i]) then bounces = bounces + 1 end
    end
  end
  return bounces
end

local total = 0
for _ = 1, 1000 do total = total + benchmark() end
print("bounce " .. total)
