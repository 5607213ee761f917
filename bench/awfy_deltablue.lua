-- awfy_deltablue: "Are We Fast Yet" DeltaBlue (twin of awfy_deltablue.go).
-- Constraints are objects with metatables: Unary (stay or edit), Equality
-- and Scale, whose methods Go calls through the Constraint interface.
local floor, ceil = math.floor, math.ceil

local REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT = 0, 1, 2, 3
local NORMAL, WEAK_DEFAULT, WEAKEST = 4, 5, 6
local NONE, FORWARD, BACKWARD = 0, 1, 2

local function stronger(a, b) return a < b end
local function weaker(a, b) return a > b end
local function weakest_of(a, b)
  if weaker(a, b) then return a end
  return b
end

-- Go's integer division truncates toward zero.
local function idiv(a, b)
  local q = a / b
  if q >= 0 then return floor(q) end
  return ceil(q)
end

local function new_variable(value)
  return { value = value, constraints = {}, determinedBy = nil, mark = 0,
    walkStrength = WEAKEST, stay = true }
end

local function var_add_constraint(v, c)
  local cs = v.constraints
  cs[#cs + 1] = c
end

local function var_remove_constraint(v, c)
  local kept = {}
  local cs = v.constraints
  for i = 1, #cs do
    local d = cs[i]
    if d ~= c then kept[#kept + 1] = d end
  end
  v.constraints = kept
  if v.determinedBy == c then v.determinedBy = nil end
end

local Planner = {}
Planner.__index = Planner

local function new_planner()
  return setmetatable({ currentMark = 0 }, Planner)
end

function Planner:newMark()
  self.currentMark = self.currentMark + 1
  return self.currentMark
end

local function add_constraint(p, c)
  c:addToGraph()
  p:incrementalAdd(c)
end

local function destroy_constraint(p, c)
  if c:isSatisfied() then p:incrementalRemove(c) end
  c:removeFromGraph()
end

local function satisfy(p, c, mark)
  c:chooseMethod(mark)
  if not c:isSatisfied() then
    if c.str == REQUIRED then error("Could not satisfy a required constraint") end
    return nil
  end
  c:markInputs(mark)
  local out = c:output()
  local overridden = out.determinedBy
  if overridden ~= nil then overridden:markUnsatisfied() end
  out.determinedBy = c
  if not p:addPropagate(c, mark) then error("Cycle encountered") end
  out.mark = mark
  return overridden
end

function Planner:incrementalAdd(c)
  local mark = self:newMark()
  local overridden = satisfy(self, c, mark)
  while overridden ~= nil do
    overridden = satisfy(self, overridden, mark)
  end
end

function Planner:incrementalRemove(c)
  local out = c:output()
  c:markUnsatisfied()
  c:removeFromGraph()
  local unsatisfied = self:removePropagateFrom(out)
  local strength = REQUIRED
  while strength ~= WEAKEST do
    for i = 1, #unsatisfied do
      local u = unsatisfied[i]
      if u.str == strength then self:incrementalAdd(u) end
    end
    strength = strength + 1
  end
end

local function add_constraints_consuming_to(v, coll)
  local determining = v.determinedBy
  local cs = v.constraints
  for i = 1, #cs do
    local c = cs[i]
    if c ~= determining and c:isSatisfied() then coll[#coll + 1] = c end
  end
end

function Planner:addPropagate(c, mark)
  local todo = { c }
  local head = 1
  while head <= #todo do
    local d = todo[head]
    head = head + 1
    if d:output().mark == mark then
      self:incrementalRemove(c)
      return false
    end
    d:recalculate()
    add_constraints_consuming_to(d:output(), todo)
  end
  return true
end

function Planner:removePropagateFrom(out)
  out.determinedBy = nil
  out.walkStrength = WEAKEST
  out.stay = true
  local unsatisfied = {}
  local todo = { out }
  local head = 1
  while head <= #todo do
    local v = todo[head]
    head = head + 1
    local cs = v.constraints
    for i = 1, #cs do
      local c = cs[i]
      if not c:isSatisfied() then unsatisfied[#unsatisfied + 1] = c end
    end
    local determining = v.determinedBy
    for i = 1, #cs do
      local nxt = cs[i]
      if nxt ~= determining and nxt:isSatisfied() then
        nxt:recalculate()
        todo[#todo + 1] = nxt:output()
      end
    end
  end
  return unsatisfied
end

function Planner:makePlan(sources)
  local mark = self:newMark()
  local plan = {}
  local todo = sources
  local head = 1
  while head <= #todo do
    local c = todo[head]
    head = head + 1
    if c:output().mark ~= mark and c:inputsKnown(mark) then
      plan[#plan + 1] = c
      c:output().mark = mark
      add_constraints_consuming_to(c:output(), todo)
    end
  end
  return plan
end

function Planner:extractPlanFromConstraints(constraints)
  local sources = {}
  for i = 1, #constraints do
    local c = constraints[i]
    if c:isInput() and c:isSatisfied() then sources[#sources + 1] = c end
  end
  return self:makePlan(sources)
end

local function execute_plan(plan)
  for i = 1, #plan do plan[i]:execute() end
end

local Unary = {}
Unary.__index = Unary

local function new_unary(p, v, strength, edit)
  local u = setmetatable({ str = strength, myOutput = v, satisfied = false, edit = edit }, Unary)
  add_constraint(p, u)
  return u
end

function Unary:addToGraph()
  var_add_constraint(self.myOutput, self)
  self.satisfied = false
end

function Unary:removeFromGraph()
  if self.myOutput ~= nil then var_remove_constraint(self.myOutput, self) end
  self.satisfied = false
end

function Unary:chooseMethod(mark)
  self.satisfied = self.myOutput.mark ~= mark and stronger(self.str, self.myOutput.walkStrength)
end

function Unary:markInputs(mark) end
function Unary:inputsKnown(mark) return true end
function Unary:output() return self.myOutput end
function Unary:markUnsatisfied() self.satisfied = false end
function Unary:isSatisfied() return self.satisfied end
function Unary:execute() end
function Unary:isInput() return self.edit end

function Unary:recalculate()
  self.myOutput.walkStrength = self.str
  self.myOutput.stay = not self.edit
  if self.myOutput.stay then self:execute() end
end

-- The methods Equality and Scale share (Go's BinaryConstraint).
local function binary_methods(class)
  function class:chooseMethod(mark)
    local v1, v2 = self.v1, self.v2
    if v1.mark == mark then
      if v2.mark ~= mark and stronger(self.str, v2.walkStrength) then
        self.direction = FORWARD
      else
        self.direction = NONE
      end
      return
    end
    if v2.mark == mark then
      if v1.mark ~= mark and stronger(self.str, v1.walkStrength) then
        self.direction = BACKWARD
      else
        self.direction = NONE
      end
      return
    end
    if weaker(v1.walkStrength, v2.walkStrength) then
      if stronger(self.str, v1.walkStrength) then
        self.direction = BACKWARD
      else
        self.direction = NONE
      end
    else
      if stronger(self.str, v2.walkStrength) then
        self.direction = FORWARD
      else
        self.direction = BACKWARD
      end
    end
  end
  function class:isSatisfied() return self.direction ~= NONE end
  function class:markUnsatisfied() self.direction = NONE end
  function class:isInput() return false end
  function class:input()
    if self.direction == FORWARD then return self.v1 end
    return self.v2
  end
  function class:output()
    if self.direction == FORWARD then return self.v2 end
    return self.v1
  end
  function class:inputsKnown(mark)
    local i = self:input()
    return i.mark == mark or i.stay or i.determinedBy == nil
  end
end

local Equality = {}
Equality.__index = Equality
binary_methods(Equality)

local function new_equality(p, a, b, strength)
  local c = setmetatable({ str = strength, v1 = a, v2 = b, direction = NONE }, Equality)
  add_constraint(p, c)
  return c
end

function Equality:markInputs(mark)
  self:input().mark = mark
end

function Equality:addToGraph()
  var_add_constraint(self.v1, self)
  var_add_constraint(self.v2, self)
  self.direction = NONE
end

function Equality:removeFromGraph()
  if self.v1 ~= nil then var_remove_constraint(self.v1, self) end
  if self.v2 ~= nil then var_remove_constraint(self.v2, self) end
  self.direction = NONE
end

function Equality:execute()
  self:output().value = self:input().value
end

function Equality:recalculate()
  local ihn = self:input()
  local out = self:output()
  out.walkStrength = weakest_of(self.str, ihn.walkStrength)
  out.stay = ihn.stay
  if out.stay then self:execute() end
end

local Scale = {}
Scale.__index = Scale
binary_methods(Scale)

local function new_scale(p, src, scale, offset, dest, strength)
  local c = setmetatable({ str = strength, v1 = src, v2 = dest, direction = NONE,
    scale = scale, offset = offset }, Scale)
  add_constraint(p, c)
  return c
end

function Scale:addToGraph()
  var_add_constraint(self.v1, self)
  var_add_constraint(self.v2, self)
  self.direction = NONE
  var_add_constraint(self.scale, self)
  var_add_constraint(self.offset, self)
end

function Scale:removeFromGraph()
  if self.v1 ~= nil then var_remove_constraint(self.v1, self) end
  if self.v2 ~= nil then var_remove_constraint(self.v2, self) end
  self.direction = NONE
  if self.scale ~= nil then var_remove_constraint(self.scale, self) end
  if self.offset ~= nil then var_remove_constraint(self.offset, self) end
end

function Scale:markInputs(mark)
  self:input().mark = mark
  self.scale.mark = mark
  self.offset.mark = mark
end

function Scale:execute()
  if self.direction == FORWARD then
    self.v2.value = self.v1.value * self.scale.value + self.offset.value
  else
    self.v1.value = idiv(self.v2.value - self.offset.value, self.scale.value)
  end
end

function Scale:recalculate()
  local ihn = self:input()
  local out = self:output()
  out.walkStrength = weakest_of(self.str, ihn.walkStrength)
  out.stay = ihn.stay and self.scale.stay and self.offset.stay
  if out.stay then self:execute() end
end

local function chain_test(n)
  local p = new_planner()
  local prev, first, last = nil, nil, nil
  for i = 0, n do
    local v = new_variable(0)
    if prev ~= nil then new_equality(p, prev, v, REQUIRED) end
    if i == 0 then first = v end
    if i == n then last = v end
    prev = v
  end
  new_unary(p, last, STRONG_DEFAULT, false)
  local edit = new_unary(p, first, PREFERRED, true)
  local plan = p:extractPlanFromConstraints({ edit })
  local sum = 0
  for i = 0, 99 do
    first.value = i
    execute_plan(plan)
    if last.value ~= i then error("Chain test failed") end
    sum = sum + last.value
  end
  return sum
end

local function change(p, v, new_value)
  local edit = new_unary(p, v, PREFERRED, true)
  local plan = p:extractPlanFromConstraints({ edit })
  for _ = 1, 10 do
    v.value = new_value
    execute_plan(plan)
  end
  destroy_constraint(p, edit)
end

local function projection_test(n)
  local p = new_planner()
  local scale = new_variable(10)
  local offset = new_variable(1000)
  local src, dst = nil, nil
  local dests = {}
  for i = 0, n - 1 do
    src = new_variable(i)
    dst = new_variable(i)
    dests[#dests + 1] = dst
    new_unary(p, src, NORMAL, false)
    new_scale(p, src, scale, offset, dst, REQUIRED)
  end
  change(p, src, 17)
  if dst.value ~= 1170 then error("Projection 1 failed") end
  change(p, dst, 1050)
  if src.value ~= 5 then error("Projection 2 failed") end
  change(p, scale, 5)
  for i = 0, n - 2 do
    if dests[i + 1].value ~= i * 5 + 1000 then error("Projection 3 failed") end
  end
  change(p, offset, 2000)
  local sum = 0
  for i = 0, n - 2 do
    if dests[i + 1].value ~= i * 5 + 2000 then error("Projection 4 failed") end
    sum = sum + dests[i + 1].value
  end
  return sum
end

local total = 0
for _ = 1, 20 do
  total = total + chain_test(1000)
  total = total + projection_test(1000)
end
print("deltablue " .. total)
