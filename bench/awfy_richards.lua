-- awfy_richards: "Are We Fast Yet" Richards (twin of awfy_richards.go).
-- A task's body is a method of its data record, called through the
-- record as Go calls it through the Task interface. The idler's xor goes
-- through a function and its halving through math.floor (Lua 5.4 and
-- LuaJIT spell xor and integer division differently).
local bxor = bit and bit.bxor or load("return function(a, b) return a ~ b end")()
local floor = math.floor

local IDLER, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 0, 1, 2, 3, 4, 5
local DEVICE_PACKET_KIND, WORK_PACKET_KIND = 0, 1
local DATA_SIZE = 4

local function new_packet(link, identity, kind)
  return { link = link, identity = identity, kind = kind, datum = 0, data = { [0] = 0, 0, 0, 0 } }
end

local function append_to(p, head)
  p.link = nil
  if head == nil then return p end
  local mouse = head
  while mouse.link ~= nil do mouse = mouse.link end
  mouse.link = p
  return head
end

local function is_held_or_waiting(t)
  return t.taskHolding or (not t.packetPending and t.taskWaiting)
end

local function is_waiting_with_packet(t)
  return t.packetPending and t.taskWaiting and not t.taskHolding
end

local function add_input_and_check_priority(t, p, old)
  if t.input == nil then
    t.input = p
    t.packetPending = true
    if t.priority > old.priority then return t end
  else
    t.input = append_to(p, t.input)
  end
  return old
end

local function run_task(t, s)
  local message = nil
  if is_waiting_with_packet(t) then
    message = t.input
    t.input = message.link
    if t.input == nil then
      t.packetPending = false
      t.taskWaiting = false
      t.taskHolding = false
    else
      t.packetPending = true
      t.taskWaiting = false
      t.taskHolding = false
    end
  end
  local task = t.task
  return task.run(task, s, message)
end

local function add_task(s, identity, priority, work, pending, waiting, holding, task)
  local t = { link = s.taskList, identity = identity, priority = priority, input = work,
    packetPending = pending, taskWaiting = waiting, taskHolding = holding, task = task }
  s.taskList = t
  s.taskTable[identity] = t
end

local function find_task(s, identity)
  local t = s.taskTable[identity]
  if t == nil then error("findTask failed") end
  return t
end

local function hold_self(s)
  s.holdCount = s.holdCount + 1
  s.currentTask.taskHolding = true
  return s.currentTask.link
end

local function mark_waiting(s)
  s.currentTask.taskWaiting = true
  return s.currentTask
end

local function queue_packet(s, p)
  local t = find_task(s, p.identity)
  s.queuePacketCount = s.queuePacketCount + 1
  p.link = nil
  p.identity = s.currentTaskIdentity
  return add_input_and_check_priority(t, p, s.currentTask)
end

local function release(s, identity)
  local t = find_task(s, identity)
  t.taskHolding = false
  if t.priority > s.currentTask.priority then return t end
  return s.currentTask
end

local function schedule(s)
  s.currentTask = s.taskList
  while s.currentTask ~= nil do
    if is_held_or_waiting(s.currentTask) then
      s.currentTask = s.currentTask.link
    else
      s.currentTaskIdentity = s.currentTask.identity
      s.currentTask = run_task(s.currentTask, s)
    end
  end
end

local function device_run(d, s, p)
  if p == nil then
    p = d.pending
    if p == nil then return mark_waiting(s) end
    d.pending = nil
    return queue_packet(s, p)
  end
  d.pending = p
  return hold_self(s)
end

local function handler_run(h, s, p)
  if p ~= nil then
    if p.kind == WORK_PACKET_KIND then
      h.workIn = append_to(p, h.workIn)
    else
      h.deviceIn = append_to(p, h.deviceIn)
    end
  end
  if h.workIn ~= nil then
    local work = h.workIn
    local count = work.datum
    if count < DATA_SIZE then
      if h.deviceIn ~= nil then
        local dev = h.deviceIn
        h.deviceIn = dev.link
        dev.datum = work.data[count]
        work.datum = count + 1
        return queue_packet(s, dev)
      end
    else
      h.workIn = work.link
      return queue_packet(s, work)
    end
  end
  return mark_waiting(s)
end

local function idle_run(t, s, p)
  t.count = t.count - 1
  if t.count == 0 then return hold_self(s) end
  if t.control % 2 == 0 then
    t.control = floor(t.control / 2)
    return release(s, DEVICE_A)
  end
  t.control = bxor(floor(t.control / 2), 53256)
  return release(s, DEVICE_B)
end

local function worker_run(w, s, p)
  if p == nil then return mark_waiting(s) end
  if w.destination == HANDLER_A then
    w.destination = HANDLER_B
  else
    w.destination = HANDLER_A
  end
  p.identity = w.destination
  p.datum = 0
  for i = 0, DATA_SIZE - 1 do
    w.count = w.count + 1
    if w.count > 26 then w.count = 1 end
    p.data[i] = 65 + w.count - 1
  end
  return queue_packet(s, p)
end

local function benchmark()
  local s = { taskList = nil, currentTask = nil, currentTaskIdentity = 0, taskTable = {},
    queuePacketCount = 0, holdCount = 0 }
  add_task(s, IDLER, 0, nil, false, false, false, { run = idle_run, control = 1, count = 10000 })

  local wq = new_packet(nil, WORKER, WORK_PACKET_KIND)
  wq = new_packet(wq, WORKER, WORK_PACKET_KIND)
  add_task(s, WORKER, 1000, wq, true, true, false, { run = worker_run, destination = HANDLER_A, count = 0 })

  wq = new_packet(nil, DEVICE_A, DEVICE_PACKET_KIND)
  wq = new_packet(wq, DEVICE_A, DEVICE_PACKET_KIND)
  wq = new_packet(wq, DEVICE_A, DEVICE_PACKET_KIND)
  add_task(s, HANDLER_A, 2000, wq, true, true, false, { run = handler_run })

  wq = new_packet(nil, DEVICE_B, DEVICE_PACKET_KIND)
  wq = new_packet(wq, DEVICE_B, DEVICE_PACKET_KIND)
  wq = new_packet(wq, DEVICE_B, DEVICE_PACKET_KIND)
  add_task(s, HANDLER_B, 3000, wq, true, true, false, { run = handler_run })

  add_task(s, DEVICE_A, 4000, nil, false, true, false, { run = device_run })
  add_task(s, DEVICE_B, 5000, nil, false, true, false, { run = device_run })

  schedule(s)
  return s.queuePacketCount, s.holdCount
end

local queued, held = 0, 0
for _ = 1, 40 do
  local q, h = benchmark()
  queued = queued + q
  held = held + h
end
print("richards " .. queued .. " " .. held)
