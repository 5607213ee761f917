// awfy_havlak: "Are We Fast Yet" Havlak. Havlak's loop recognition
// (a union-find over a depth-first numbering that finds the nested,
// reducible and irreducible loops of a control-flow graph) run repeatedly
// over a generated graph of nested diamonds and loops. Maps keyed by
// pointers, slices grown by append, union-find with path compression.
package main

import "fmt"

type BasicBlock struct {
	name     int
	inEdges  []*BasicBlock
	outEdges []*BasicBlock
}

type CFG struct {
	blocks    []*BasicBlock
	numNodes  int
	startNode *BasicBlock
	edges     int
}

func (c *CFG) createNode(name int) *BasicBlock {
	for len(c.blocks) <= name {
		c.blocks = append(c.blocks, nil)
	}
	if c.blocks[name] != nil {
		return c.blocks[name]
	}
	node := &BasicBlock{name: name}
	c.blocks[name] = node
	c.numNodes++
	if c.numNodes == 1 {
		c.startNode = node
	}
	return node
}

func (c *CFG) addEdge(fromName, toName int) {
	from := c.createNode(fromName)
	to := c.createNode(toName)
	from.outEdges = append(from.outEdges, to)
	to.inEdges = append(to.inEdges, from)
	c.edges++
}

type SimpleLoop struct {
	counter      int
	basicBlocks  []*BasicBlock
	children     []*SimpleLoop
	parent       *SimpleLoop
	header       *BasicBlock
	isRoot       bool
	isReducible  bool
	nestingLevel int
	depthLevel   int
}

func (l *SimpleLoop) addNode(bb *BasicBlock) {
	for _, b := range l.basicBlocks {
		if b == bb {
			return
		}
	}
	l.basicBlocks = append(l.basicBlocks, bb)
}

func (l *SimpleLoop) addChildLoop(child *SimpleLoop) {
	for _, c := range l.children {
		if c == child {
			return
		}
	}
	l.children = append(l.children, child)
}

func (l *SimpleLoop) setParent(p *SimpleLoop) {
	l.parent = p
	p.addChildLoop(l)
}

type LSG struct {
	loopCounter int
	loops       []*SimpleLoop
	root        *SimpleLoop
}

func newLSG() *LSG {
	g := &LSG{}
	g.root = g.createNewLoop(nil, true)
	g.root.isRoot = true
	return g
}

func (g *LSG) createNewLoop(header *BasicBlock, reducible bool) *SimpleLoop {
	l := &SimpleLoop{counter: g.loopCounter, isReducible: reducible}
	g.loopCounter++
	if header != nil {
		l.addNode(header)
		l.header = header
	}
	g.loops = append(g.loops, l)
	return l
}

func (g *LSG) calculateNestingLevel() {
	for _, l := range g.loops {
		if l.isRoot {
			continue
		}
		if l.parent == nil {
			l.setParent(g.root)
		}
	}
	calculateNestingLevelRec(g.root, 0)
}

func calculateNestingLevelRec(l *SimpleLoop, depth int) {
	l.depthLevel = depth
	for _, child := range l.children {
		calculateNestingLevelRec(child, depth+1)
		if 1+child.nestingLevel > l.nestingLevel {
			l.nestingLevel = 1 + child.nestingLevel
		}
	}
}

type UnionFindNode struct {
	parent    *UnionFindNode
	bb        *BasicBlock
	loop      *SimpleLoop
	dfsNumber int
}

func (u *UnionFindNode) initNode(bb *BasicBlock, dfsNumber int) {
	u.parent = u
	u.bb = bb
	u.dfsNumber = dfsNumber
	u.loop = nil
}

// findSet returns the set's representative and points every node on the
// way straight at it.
func (u *UnionFindNode) findSet() *UnionFindNode {
	var path []*UnionFindNode
	node := u
	for node != node.parent {
		if node.parent != node.parent.parent {
			path = append(path, node)
		}
		node = node.parent
	}
	for _, n := range path {
		n.parent = node.parent
	}
	return node
}

const (
	bbTop          = 0
	bbNonHeader    = 1
	bbReducible    = 2
	bbSelf         = 3
	bbIrreducible  = 4
	bbDead         = 5
	unvisited      = 2147483647
	maxNonBackPred = 32 * 1024
)

type LoopFinder struct {
	cfg          *CFG
	lsg          *LSG
	nonBackPreds [][]int
	backPreds    [][]int
	number       map[*BasicBlock]int
	header       []int
	kind         []int
	last         []int
	nodes        []*UnionFindNode
}

func (f *LoopFinder) isAncestor(w, v int) bool {
	return w <= v && v <= f.last[w]
}

func (f *LoopFinder) doDFS(current *BasicBlock, n int) int {
	f.nodes[n].initNode(current, n)
	f.number[current] = n
	lastID := n
	for _, target := range current.outEdges {
		if f.number[target] == unvisited {
			lastID = f.doDFS(target, lastID+1)
		}
	}
	f.last[f.number[current]] = lastID
	return lastID
}

func (f *LoopFinder) initAllNodes() {
	for _, bb := range f.cfg.blocks {
		if bb != nil {
			f.number[bb] = unvisited
		}
	}
	f.doDFS(f.cfg.startNode, 0)
}

func addUnique(set []int, v int) []int {
	for _, x := range set {
		if x == v {
			return set
		}
	}
	return append(set, v)
}

func (f *LoopFinder) identifyEdges(size int) {
	for w := 0; w < size; w++ {
		f.header[w] = 0
		f.kind[w] = bbNonHeader
		nodeW := f.nodes[w].bb
		if nodeW == nil {
			f.kind[w] = bbDead
			continue
		}
		for _, nodeV := range nodeW.inEdges {
			v := f.number[nodeV]
			if v != unvisited {
				if f.isAncestor(w, v) {
					f.backPreds[w] = append(f.backPreds[w], v)
				} else {
					f.nonBackPreds[w] = addUnique(f.nonBackPreds[w], v)
				}
			}
		}
	}
}

func containsNode(pool []*UnionFindNode, n *UnionFindNode) bool {
	for _, m := range pool {
		if m == n {
			return true
		}
	}
	return false
}

func (f *LoopFinder) findLoops() {
	if f.cfg.startNode == nil {
		return
	}
	size := f.cfg.numNodes
	f.nonBackPreds = make([][]int, size)
	f.backPreds = make([][]int, size)
	f.header = make([]int, size)
	f.kind = make([]int, size)
	f.last = make([]int, size)
	f.nodes = make([]*UnionFindNode, size)
	for i := range f.nodes {
		f.nodes[i] = &UnionFindNode{}
	}
	f.initAllNodes()
	f.identifyEdges(size)
	f.header[0] = 0

	for w := size - 1; w >= 0; w-- {
		nodeW := f.nodes[w].bb
		if nodeW == nil {
			continue
		}
		var pool []*UnionFindNode
		for _, v := range f.backPreds[w] {
			if v != w {
				pool = append(pool, f.nodes[v].findSet())
			} else {
				f.kind[w] = bbSelf
			}
		}
		work := append([]*UnionFindNode(nil), pool...)
		if len(pool) != 0 {
			f.kind[w] = bbReducible
		}
		for len(work) > 0 {
			x := work[0]
			work = work[1:]
			if len(f.nonBackPreds[x.dfsNumber]) > maxNonBackPred {
				return
			}
			for _, iter := range f.nonBackPreds[x.dfsNumber] {
				ydash := f.nodes[iter].findSet()
				if !f.isAncestor(w, ydash.dfsNumber) {
					f.kind[w] = bbIrreducible
					f.nonBackPreds[w] = addUnique(f.nonBackPreds[w], ydash.dfsNumber)
				} else if ydash.dfsNumber != w && !containsNode(pool, ydash) {
					work = append(work, ydash)
					pool = append(pool, ydash)
				}
			}
		}
		if len(pool) > 0 || f.kind[w] == bbSelf {
			loop := f.lsg.createNewLoop(nodeW, f.kind[w] != bbIrreducible)
			f.nodes[w].loop = loop
			for _, node := range pool {
				f.header[node.dfsNumber] = w
				node.parent = f.nodes[w]
				if node.loop != nil {
					node.loop.setParent(loop)
				} else {
					loop.addNode(node.bb)
				}
			}
		}
	}
}

func findLoops(cfg *CFG, lsg *LSG) {
	f := &LoopFinder{cfg: cfg, lsg: lsg, number: map[*BasicBlock]int{}}
	f.findLoops()
}

func buildDiamond(cfg *CFG, start int) int {
	cfg.addEdge(start, start+1)
	cfg.addEdge(start, start+2)
	cfg.addEdge(start+1, start+3)
	cfg.addEdge(start+2, start+3)
	return start + 3
}

func buildStraight(cfg *CFG, start, n int) int {
	for i := 0; i < n; i++ {
		cfg.addEdge(start+i, start+i+1)
	}
	return start + n
}

func buildBaseLoop(cfg *CFG, from int) int {
	header := buildStraight(cfg, from, 1)
	diamond1 := buildDiamond(cfg, header)
	d11 := buildStraight(cfg, diamond1, 1)
	diamond2 := buildDiamond(cfg, d11)
	footer := buildStraight(cfg, diamond2, 1)
	cfg.addEdge(diamond2, d11)
	cfg.addEdge(diamond1, header)
	cfg.addEdge(footer, from)
	return buildStraight(cfg, footer, 1)
}

func run(numDummyLoops, findLoopIterations, parLoops, pparLoops, ppparLoops int) (int, int) {
	cfg := &CFG{}
	lsg := newLSG()
	cfg.createNode(0)
	buildBaseLoop(cfg, 0)
	cfg.createNode(1)
	cfg.addEdge(0, 2)

	for i := 0; i < numDummyLoops; i++ {
		findLoops(cfg, newLSG())
	}

	n := 2
	for p := 0; p < parLoops; p++ {
		cfg.createNode(n + 1)
		cfg.addEdge(2, n+1)
		n++
		for i := 0; i < pparLoops; i++ {
			top := n
			n = buildStraight(cfg, n, 1)
			for j := 0; j < ppparLoops; j++ {
				n = buildBaseLoop(cfg, n)
			}
			bottom := buildStraight(cfg, n, 1)
			cfg.addEdge(n, top)
			n = bottom
		}
		cfg.addEdge(n, 1)
	}

	findLoops(cfg, lsg)
	for i := 0; i < findLoopIterations; i++ {
		findLoops(cfg, newLSG())
	}
	lsg.calculateNestingLevel()
	return len(lsg.loops), cfg.numNodes
}

func main() {
	loops, nodes := run(1000, 60, 10, 10, 5)
	fmt.Println("havlak", loops, nodes)
}
