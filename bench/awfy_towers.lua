-- awfy_towers: "Are We Fast Yet" Towers (twin of awfy_towers.go).
local function push_disk(t, disk, pile)
  local top = t.piles[pile]
  if top ~= nil and disk.size >= top.size then
    error("Cannot put a big disk on a smaller one")
  end
  disk.next = top
  t.piles[pile] = disk
end

local function pop_disk_from(t, pile)
  local top = t.piles[pile]
  if top == nil then
    error("Attempting to remove a disk from an empty pile")
  end
  t.piles[pile] = top.next
  top.next = nil
  return top
end

local function move_top_disk(t, from, to)
  push_disk(t, pop_disk_from(t, from), to)
  t.moves = t.moves + 1
end

local function build_tower_at(t, pile, disks)
  for i = disks, 0, -1 do
    push_disk(t, { size = i, next = nil }, pile)
  end
end

local function move_disks(t, disks, from, to)
  if disks == 1 then
    move_top_disk(t, from, to)
  else
    local other = 3 - from - to
    move_disks(t, disks - 1, from, other)
    move_top_disk(t, from, to)
    move_disks(t, disks - 1, other, to)
  end
end

local function benchmark()
  local t = { piles = {}, moves = 0 }
  build_tower_at(t, 0, 13)
  t.moves = 0
  move_disks(t, 13, 0, 1)
  return t.moves
end

local total = 0
for _ = 1, 300 do total = total + benchmark() end
print("towers " .. total)
