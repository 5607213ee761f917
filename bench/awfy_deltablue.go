// awfy_deltablue: "Are We Fast Yet" DeltaBlue. The incremental constraint
// solver of Freeman-Benson, Maloney and Borning: a chain of equality
// constraints and a set of scale constraints are added, planned, executed
// and removed. Interface method calls through a constraint hierarchy,
// slices used as queues, pointer-heavy small objects.
package main

import "fmt"

// Strengths: a smaller number is stronger.
const (
	required        = 0
	strongPreferred = 1
	preferred       = 2
	strongDefault   = 3
	normal          = 4
	weakDefault     = 5
	weakest         = 6
)

func stronger(a, b int) bool { return a < b }
func weaker(a, b int) bool   { return a > b }

func weakestOf(a, b int) int {
	if weaker(a, b) {
		return a
	}
	return b
}

// Directions of a binary constraint.
const (
	none     = 0
	forward  = 1
	backward = 2
)

type Variable struct {
	value        int
	constraints  []Constraint
	determinedBy Constraint
	mark         int
	walkStrength int
	stay         bool
}

func newVariable(value int) *Variable {
	return &Variable{value: value, walkStrength: weakest, stay: true}
}

func (v *Variable) addConstraint(c Constraint) {
	v.constraints = append(v.constraints, c)
}

func (v *Variable) removeConstraint(c Constraint) {
	kept := v.constraints[:0]
	for _, d := range v.constraints {
		if d != c {
			kept = append(kept, d)
		}
	}
	for i := len(kept); i < len(v.constraints); i++ {
		v.constraints[i] = nil
	}
	v.constraints = kept
	if v.determinedBy == c {
		v.determinedBy = nil
	}
}

type Constraint interface {
	strength() int
	addToGraph()
	removeFromGraph()
	chooseMethod(mark int)
	markInputs(mark int)
	inputsKnown(mark int) bool
	output() *Variable
	recalculate()
	markUnsatisfied()
	isSatisfied() bool
	execute()
	isInput() bool
}

type Planner struct {
	currentMark int
}

func (p *Planner) newMark() int {
	p.currentMark++
	return p.currentMark
}

func addConstraint(p *Planner, c Constraint) {
	c.addToGraph()
	p.incrementalAdd(c)
}

func destroyConstraint(p *Planner, c Constraint) {
	if c.isSatisfied() {
		p.incrementalRemove(c)
	}
	c.removeFromGraph()
}

// satisfy tries to enforce c and returns the constraint it overrode.
func satisfy(p *Planner, c Constraint, mark int) Constraint {
	c.chooseMethod(mark)
	if !c.isSatisfied() {
		if c.strength() == required {
			panic("Could not satisfy a required constraint")
		}
		return nil
	}
	c.markInputs(mark)
	out := c.output()
	overridden := out.determinedBy
	if overridden != nil {
		overridden.markUnsatisfied()
	}
	out.determinedBy = c
	if !p.addPropagate(c, mark) {
		panic("Cycle encountered")
	}
	out.mark = mark
	return overridden
}

func (p *Planner) incrementalAdd(c Constraint) {
	mark := p.newMark()
	overridden := satisfy(p, c, mark)
	for overridden != nil {
		overridden = satisfy(p, overridden, mark)
	}
}

func (p *Planner) incrementalRemove(c Constraint) {
	out := c.output()
	c.markUnsatisfied()
	c.removeFromGraph()
	unsatisfied := p.removePropagateFrom(out)
	for strength := required; strength != weakest; strength++ {
		for _, u := range unsatisfied {
			if u.strength() == strength {
				p.incrementalAdd(u)
			}
		}
	}
}

func addConstraintsConsumingTo(v *Variable, coll []Constraint) []Constraint {
	determining := v.determinedBy
	for _, c := range v.constraints {
		if c != determining && c.isSatisfied() {
			coll = append(coll, c)
		}
	}
	return coll
}

func (p *Planner) addPropagate(c Constraint, mark int) bool {
	todo := []Constraint{c}
	for len(todo) > 0 {
		d := todo[0]
		todo = todo[1:]
		if d.output().mark == mark {
			p.incrementalRemove(c)
			return false
		}
		d.recalculate()
		todo = addConstraintsConsumingTo(d.output(), todo)
	}
	return true
}

func (p *Planner) removePropagateFrom(out *Variable) []Constraint {
	out.determinedBy = nil
	out.walkStrength = weakest
	out.stay = true
	var unsatisfied []Constraint
	todo := []*Variable{out}
	for len(todo) > 0 {
		v := todo[0]
		todo = todo[1:]
		for _, c := range v.constraints {
			if !c.isSatisfied() {
				unsatisfied = append(unsatisfied, c)
			}
		}
		determining := v.determinedBy
		for _, next := range v.constraints {
			if next != determining && next.isSatisfied() {
				next.recalculate()
				todo = append(todo, next.output())
			}
		}
	}
	return unsatisfied
}

func (p *Planner) makePlan(sources []Constraint) []Constraint {
	mark := p.newMark()
	var plan []Constraint
	todo := sources
	for len(todo) > 0 {
		c := todo[0]
		todo = todo[1:]
		if c.output().mark != mark && c.inputsKnown(mark) {
			plan = append(plan, c)
			c.output().mark = mark
			todo = addConstraintsConsumingTo(c.output(), todo)
		}
	}
	return plan
}

func (p *Planner) extractPlanFromConstraints(constraints []Constraint) []Constraint {
	var sources []Constraint
	for _, c := range constraints {
		if c.isInput() && c.isSatisfied() {
			sources = append(sources, c)
		}
	}
	return p.makePlan(sources)
}

func executePlan(plan []Constraint) {
	for _, c := range plan {
		c.execute()
	}
}

// UnaryConstraint is a stay constraint (keeps its variable's value) or,
// with edit set, an edit constraint (an input the program changes).
type UnaryConstraint struct {
	str       int
	myOutput  *Variable
	satisfied bool
	edit      bool
}

func newUnary(p *Planner, v *Variable, strength int, edit bool) *UnaryConstraint {
	u := &UnaryConstraint{str: strength, myOutput: v, edit: edit}
	addConstraint(p, u)
	return u
}

func (u *UnaryConstraint) strength() int { return u.str }

func (u *UnaryConstraint) addToGraph() {
	u.myOutput.addConstraint(u)
	u.satisfied = false
}

func (u *UnaryConstraint) removeFromGraph() {
	if u.myOutput != nil {
		u.myOutput.removeConstraint(u)
	}
	u.satisfied = false
}

func (u *UnaryConstraint) chooseMethod(mark int) {
	u.satisfied = u.myOutput.mark != mark && stronger(u.str, u.myOutput.walkStrength)
}

func (u *UnaryConstraint) markInputs(mark int)       {}
func (u *UnaryConstraint) inputsKnown(mark int) bool { return true }
func (u *UnaryConstraint) output() *Variable         { return u.myOutput }
func (u *UnaryConstraint) markUnsatisfied()          { u.satisfied = false }
func (u *UnaryConstraint) isSatisfied() bool         { return u.satisfied }
func (u *UnaryConstraint) execute()                  {}
func (u *UnaryConstraint) isInput() bool             { return u.edit }

func (u *UnaryConstraint) recalculate() {
	u.myOutput.walkStrength = u.str
	u.myOutput.stay = !u.edit
	if u.myOutput.stay {
		u.execute()
	}
}

// BinaryConstraint keeps v1 and v2 related (equal, or v2 = v1*scale +
// offset when scale is set), computing whichever way direction says.
type BinaryConstraint struct {
	str       int
	v1, v2    *Variable
	direction int
	scale     *Variable
	offset    *Variable
}

type EqualityConstraint struct{ BinaryConstraint }

type ScaleConstraint struct{ BinaryConstraint }

func newEquality(p *Planner, a, b *Variable, strength int) *EqualityConstraint {
	c := &EqualityConstraint{BinaryConstraint{str: strength, v1: a, v2: b}}
	addConstraint(p, c)
	return c
}

func newScale(p *Planner, src, scale, offset, dest *Variable, strength int) *ScaleConstraint {
	c := &ScaleConstraint{BinaryConstraint{str: strength, v1: src, v2: dest, scale: scale, offset: offset}}
	addConstraint(p, c)
	return c
}

func (b *BinaryConstraint) strength() int { return b.str }

func (b *BinaryConstraint) chooseMethod(mark int) {
	if b.v1.mark == mark {
		if b.v2.mark != mark && stronger(b.str, b.v2.walkStrength) {
			b.direction = forward
		} else {
			b.direction = none
		}
		return
	}
	if b.v2.mark == mark {
		if b.v1.mark != mark && stronger(b.str, b.v1.walkStrength) {
			b.direction = backward
		} else {
			b.direction = none
		}
		return
	}
	if weaker(b.v1.walkStrength, b.v2.walkStrength) {
		if stronger(b.str, b.v1.walkStrength) {
			b.direction = backward
		} else {
			b.direction = none
		}
	} else {
		if stronger(b.str, b.v2.walkStrength) {
			b.direction = forward
		} else {
			b.direction = backward
		}
	}
}

func (b *BinaryConstraint) isSatisfied() bool { return b.direction != none }
func (b *BinaryConstraint) markUnsatisfied()  { b.direction = none }
func (b *BinaryConstraint) isInput() bool     { return false }

func (b *BinaryConstraint) input() *Variable {
	if b.direction == forward {
		return b.v1
	}
	return b.v2
}

func (b *BinaryConstraint) output() *Variable {
	if b.direction == forward {
		return b.v2
	}
	return b.v1
}

func (b *BinaryConstraint) markInputs(mark int) {
	b.input().mark = mark
}

func (b *BinaryConstraint) inputsKnown(mark int) bool {
	i := b.input()
	return i.mark == mark || i.stay || i.determinedBy == nil
}

func (c *EqualityConstraint) addToGraph() {
	c.v1.addConstraint(c)
	c.v2.addConstraint(c)
	c.direction = none
}

func (c *EqualityConstraint) removeFromGraph() {
	if c.v1 != nil {
		c.v1.removeConstraint(c)
	}
	if c.v2 != nil {
		c.v2.removeConstraint(c)
	}
	c.direction = none
}

func (c *EqualityConstraint) execute() {
	c.output().value = c.input().value
}

func (c *EqualityConstraint) recalculate() {
	ihn := c.input()
	out := c.output()
	out.walkStrength = weakestOf(c.str, ihn.walkStrength)
	out.stay = ihn.stay
	if out.stay {
		c.execute()
	}
}

func (c *ScaleConstraint) addToGraph() {
	c.v1.addConstraint(c)
	c.v2.addConstraint(c)
	c.direction = none
	c.scale.addConstraint(c)
	c.offset.addConstraint(c)
}

func (c *ScaleConstraint) removeFromGraph() {
	if c.v1 != nil {
		c.v1.removeConstraint(c)
	}
	if c.v2 != nil {
		c.v2.removeConstraint(c)
	}
	c.direction = none
	if c.scale != nil {
		c.scale.removeConstraint(c)
	}
	if c.offset != nil {
		c.offset.removeConstraint(c)
	}
}

func (c *ScaleConstraint) markInputs(mark int) {
	c.input().mark = mark
	c.scale.mark = mark
	c.offset.mark = mark
}

func (c *ScaleConstraint) execute() {
	if c.direction == forward {
		c.v2.value = c.v1.value*c.scale.value + c.offset.value
	} else {
		c.v1.value = (c.v2.value - c.offset.value) / c.scale.value
	}
}

func (c *ScaleConstraint) recalculate() {
	ihn := c.input()
	out := c.output()
	out.walkStrength = weakestOf(c.str, ihn.walkStrength)
	out.stay = ihn.stay && c.scale.stay && c.offset.stay
	if out.stay {
		c.execute()
	}
}

// chainTest builds a chain of n+1 variables joined by equalities, stays
// the last, and edits the first: each edit must reach the end.
func chainTest(n int) int {
	p := &Planner{}
	var prev, first, last *Variable
	for i := 0; i <= n; i++ {
		v := newVariable(0)
		if prev != nil {
			newEquality(p, prev, v, required)
		}
		if i == 0 {
			first = v
		}
		if i == n {
			last = v
		}
		prev = v
	}
	newUnary(p, last, strongDefault, false)
	edit := newUnary(p, first, preferred, true)
	plan := p.extractPlanFromConstraints([]Constraint{edit})
	sum := 0
	for i := 0; i < 100; i++ {
		first.value = i
		executePlan(plan)
		if last.value != i {
			panic("Chain test failed")
		}
		sum += last.value
	}
	return sum
}

func change(p *Planner, v *Variable, newValue int) {
	edit := newUnary(p, v, preferred, true)
	plan := p.extractPlanFromConstraints([]Constraint{edit})
	for i := 0; i < 10; i++ {
		v.value = newValue
		executePlan(plan)
	}
	destroyConstraint(p, edit)
}

// projectionTest relates n pairs of variables by dst = src*scale+offset
// and changes each end in turn.
func projectionTest(n int) int {
	p := &Planner{}
	scale := newVariable(10)
	offset := newVariable(1000)
	var src, dst *Variable
	var dests []*Variable
	for i := 0; i < n; i++ {
		src = newVariable(i)
		dst = newVariable(i)
		dests = append(dests, dst)
		newUnary(p, src, normal, false)
		newScale(p, src, scale, offset, dst, required)
	}
	change(p, src, 17)
	if dst.value != 1170 {
		panic("Projection 1 failed")
	}
	change(p, dst, 1050)
	if src.value != 5 {
		panic("Projection 2 failed")
	}
	change(p, scale, 5)
	for i := 0; i < n-1; i++ {
		if dests[i].value != i*5+1000 {
			panic("Projection 3 failed")
		}
	}
	change(p, offset, 2000)
	sum := 0
	for i := 0; i < n-1; i++ {
		if dests[i].value != i*5+2000 {
			panic("Projection 4 failed")
		}
		sum += dests[i].value
	}
	return sum
}

func main() {
	total := 0
	for i := 0; i < 20; i++ {
		total += chainTest(1000)
		total += projectionTest(1000)
	}
	fmt.Println("deltablue", total)
}
