-- awfy_havlak: "Are We Fast Yet" Havlak (twin of awfy_havlak.go; slices
-- are 1-based tables, and the DFS numbers stay 0-based as in Go).
local function new_cfg()
  return { blocks = {}, numNodes = 0, startNode = nil, edges = 0 }
end

local function create_node(c, name)
  local node = c.blocks[name + 1]
  if node ~= nil then return node end
  node = { name = name, inEdges = {}, outEdges = {} }
  c.blocks[name + 1] = node
  c.numNodes = c.numNodes + 1
  if c.numNodes == 1 then c.startNode = node end
  return node
end

local function add_edge(c, from_name, to_name)
  local from = create_node(c, from_name)
  local to = create_node(c, to_name)
  from.outEdges[#from.outEdges + 1] = to
  to.inEdges[#to.inEdges + 1] = from
  c.edges = c.edges + 1
end

local function loop_add_node(l, bb)
  local bbs = l.basicBlocks
  for i = 1, #bbs do
    if bbs[i] == bb then return end
  end
  bbs[#bbs + 1] = bb
end

local function add_child_loop(l, child)
  local cs = l.children
  for i = 1, #cs do
    if cs[i] == child then return end
  end
  cs[#cs + 1] = child
end

local function set_parent(l, p)
  l.parent = p
  add_child_loop(p, l)
end

local function create_new_loop(g, header, reducible)
  local l = { counter = g.loopCounter, basicBlocks = {}, children = {}, parent = nil, header = nil,
    isRoot = false, isReducible = reducible, nestingLevel = 0, depthLevel = 0 }
  g.loopCounter = g.loopCounter + 1
  if header ~= nil then
    loop_add_node(l, header)
    l.header = header
  end
  g.loops[#g.loops + 1] = l
  return l
end

local function new_lsg()
  local g = { loopCounter = 0, loops = {}, root = nil }
  g.root = create_new_loop(g, nil, true)
  g.root.isRoot = true
  return g
end

local function calculate_nesting_level_rec(l, depth)
  l.depthLevel = depth
  local cs = l.children
  for i = 1, #cs do
    local child = cs[i]
    calculate_nesting_level_rec(child, depth + 1)
    if 1 + child.nestingLevel > l.nestingLevel then l.nestingLevel = 1 + child.nestingLevel end
  end
end

local function calculate_nesting_level(g)
  local loops = g.loops
  for i = 1, #loops do
    local l = loops[i]
    if not l.isRoot and l.parent == nil then set_parent(l, g.root) end
  end
  calculate_nesting_level_rec(g.root, 0)
end

local function init_node(u, bb, dfs_number)
  u.parent = u
  u.bb = bb
  u.dfsNumber = dfs_number
  u.loop = nil
end

local function find_set(u)
  local path = {}
  local node = u
  while node ~= node.parent do
    if node.parent ~= node.parent.parent then path[#path + 1] = node end
    node = node.parent
  end
  for i = 1, #path do path[i].parent = node.parent end
  return node
end

local BB_NONHEADER, BB_REDUCIBLE, BB_SELF, BB_IRREDUCIBLE, BB_DEAD = 1, 2, 3, 4, 5
local UNVISITED = 2147483647
local MAX_NON_BACK_PRED = 32 * 1024

local function is_ancestor(f, w, v)
  return w <= v and v <= f.last[w + 1]
end

local function do_dfs(f, current, n)
  init_node(f.nodes[n + 1], current, n)
  f.number[current] = n
  local last_id = n
  local outs = current.outEdges
  for i = 1, #outs do
    local target = outs[i]
    if f.number[target] == UNVISITED then last_id = do_dfs(f, target, last_id + 1) end
  end
  f.last[f.number[current] + 1] = last_id
  return last_id
end

local function init_all_nodes(f)
  local blocks = f.cfg.blocks
  for i = 1, #blocks do
    local bb = blocks[i]
    if bb ~= nil then f.number[bb] = UNVISITED end
  end
  do_dfs(f, f.cfg.startNode, 0)
end

local function add_unique(set, v)
  for i = 1, #set do
    if set[i] == v then return end
  end
  set[#set + 1] = v
end

local function identify_edges(f, size)
  for w = 0, size - 1 do
    f.header[w + 1] = 0
    f.kind[w + 1] = BB_NONHEADER
    local nodeW = f.nodes[w + 1].bb
    if nodeW == nil then
      f.kind[w + 1] = BB_DEAD
    else
      local ins = nodeW.inEdges
      for i = 1, #ins do
        local v = f.number[ins[i]]
        if v ~= UNVISITED then
          if is_ancestor(f, w, v) then
            local bp = f.backPreds[w + 1]
            bp[#bp + 1] = v
          else
            add_unique(f.nonBackPreds[w + 1], v)
          end
        end
      end
    end
  end
end

local function contains_node(pool, n)
  for i = 1, #pool do
    if pool[i] == n then return true end
  end
  return false
end

local function finder_find_loops(f)
  if f.cfg.startNode == nil then return end
  local size = f.cfg.numNodes
  for i = 1, size do
    f.nonBackPreds[i] = {}
    f.backPreds[i] = {}
    f.header[i] = 0
    f.kind[i] = 0
    f.last[i] = 0
    f.nodes[i] = { parent = nil, bb = nil, loop = nil, dfsNumber = 0 }
  end
  init_all_nodes(f)
  identify_edges(f, size)
  f.header[1] = 0

  for w = size - 1, 0, -1 do
    local nodeW = f.nodes[w + 1].bb
    if nodeW ~= nil then
      local pool = {}
      local bps = f.backPreds[w + 1]
      for i = 1, #bps do
        local v = bps[i]
        if v ~= w then
          pool[#pool + 1] = find_set(f.nodes[v + 1])
        else
          f.kind[w + 1] = BB_SELF
        end
      end
      local work = {}
      for i = 1, #pool do work[i] = pool[i] end
      if #pool ~= 0 then f.kind[w + 1] = BB_REDUCIBLE end
      local head = 1
      while head <= #work do
        local x = work[head]
        head = head + 1
        local nbp = f.nonBackPreds[x.dfsNumber + 1]
        if #nbp > MAX_NON_BACK_PRED then return end
        for i = 1, #nbp do
          local ydash = find_set(f.nodes[nbp[i] + 1])
          if not is_ancestor(f, w, ydash.dfsNumber) then
            f.kind[w + 1] = BB_IRREDUCIBLE
            add_unique(f.nonBackPreds[w + 1], ydash.dfsNumber)
          elseif ydash.dfsNumber ~= w and not contains_node(pool, ydash) then
            work[#work + 1] = ydash
            pool[#pool + 1] = ydash
          end
        end
      end
      if #pool > 0 or f.kind[w + 1] == BB_SELF then
        local loop = create_new_loop(f.lsg, nodeW, f.kind[w + 1] ~= BB_IRREDUCIBLE)
        f.nodes[w + 1].loop = loop
        for i = 1, #pool do
          local node = pool[i]
          f.header[node.dfsNumber + 1] = w
          node.parent = f.nodes[w + 1]
          if node.loop ~= nil then
            set_parent(node.loop, loop)
          else
            loop_add_node(loop, node.bb)
          end
        end
      end
    end
  end
end

local function find_loops(cfg, lsg)
  local f = { cfg = cfg, lsg = lsg, nonBackPreds = {}, backPreds = {}, number = {}, header = {},
    kind = {}, last = {}, nodes = {} }
  finder_find_loops(f)
end

local function build_diamond(cfg, start)
  add_edge(cfg, start, start + 1)
  add_edge(cfg, start, start + 2)
  add_edge(cfg, start + 1, start + 3)
  add_edge(cfg, start + 2, start + 3)
  return start + 3
end

local function build_straight(cfg, start, n)
  for i = 0, n - 1 do add_edge(cfg, start + i, start + i + 1) end
  return start + n
end

local function build_base_loop(cfg, from)
  local header = build_straight(cfg, from, 1)
  local diamond1 = build_diamond(cfg, header)
  local d11 = build_straight(cfg, diamond1, 1)
  local diamond2 = build_diamond(cfg, d11)
  local footer = build_straight(cfg, diamond2, 1)
  add_edge(cfg, diamond2, d11)
  add_edge(cfg, diamond1, header)
  add_edge(cfg, footer, from)
  return build_straight(cfg, footer, 1)
end

local function run(num_dummy_loops, find_loop_iterations, par_loops, ppar_loops, pppar_loops)
  local cfg = new_cfg()
  local lsg = new_lsg()
  create_node(cfg, 0)
  build_base_loop(cfg, 0)
  create_node(cfg, 1)
  add_edge(cfg, 0, 2)

  for _ = 1, num_dummy_loops do find_loops(cfg, new_lsg()) end

  local n = 2
  for _ = 1, par_loops do
    create_node(cfg, n + 1)
    add_edge(cfg, 2, n + 1)
    n = n + 1
    for _ = 1, ppar_loops do
      local top = n
      n = build_straight(cfg, n, 1)
      for _ = 1, pppar_loops do n = build_base_loop(cfg, n) end
      local bottom = build_straight(cfg, n, 1)
      add_edge(cfg, n, top)
      n = bottom
    end
    add_edge(cfg, n, 1)
  end

  find_loops(cfg, lsg)
  for _ = 1, find_loop_iterations do find_loops(cfg, new_lsg()) end
  calculate_nesting_level(lsg)
  return #lsg.loops, cfg.numNodes
end

local loops, nodes = run(1000, 60, 10, 10, 5)
print("havlak " .. loops .. " " .. nodes)
