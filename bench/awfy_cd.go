// awfy_cd: "Are We Fast Yet" CD, after Titzer's collision detector for
// aircraft. Each frame moves the aircraft, draws every motion into a map of
// voxels (a red-black tree keyed by 2-D vectors), and tests the motions
// that share a voxel for intersection. Floating point, many small objects,
// interface calls (tree keys compare through an interface), closures.
package main

import (
	"fmt"
	"math"
)

const (
	minX            = 0.0
	minY            = 0.0
	maxX            = 1000.0
	maxY            = 1000.0
	minZ            = 0.0
	maxZ            = 10.0
	proximityRadius = 1.0
	goodVoxelSize   = proximityRadius * 2.0
)

func compareNumbers(a, b float64) int {
	if a == b {
		return 0
	}
	if a < b {
		return -1
	}
	return 1
}

// Key orders the keys of a RedBlackTree.
type Key interface {
	compareTo(o Key) int
}

type Vector2D struct{ x, y float64 }

func (v *Vector2D) plus(o *Vector2D) *Vector2D  { return &Vector2D{v.x + o.x, v.y + o.y} }
func (v *Vector2D) minus(o *Vector2D) *Vector2D { return &Vector2D{v.x - o.x, v.y - o.y} }

func (v *Vector2D) compareTo(o Key) int {
	w := o.(*Vector2D)
	c := compareNumbers(v.x, w.x)
	if c != 0 {
		return c
	}
	return compareNumbers(v.y, w.y)
}

type Vector3D struct{ x, y, z float64 }

func (v *Vector3D) plus(o *Vector3D) *Vector3D  { return &Vector3D{v.x + o.x, v.y + o.y, v.z + o.z} }
func (v *Vector3D) minus(o *Vector3D) *Vector3D { return &Vector3D{v.x - o.x, v.y - o.y, v.z - o.z} }
func (v *Vector3D) dot(o *Vector3D) float64     { return v.x*o.x + v.y*o.y + v.z*o.z }
func (v *Vector3D) squaredMagnitude() float64   { return v.dot(v) }
func (v *Vector3D) magnitude() float64          { return math.Sqrt(v.squaredMagnitude()) }
func (v *Vector3D) times(a float64) *Vector3D   { return &Vector3D{v.x * a, v.y * a, v.z * a} }

type CallSign struct{ value int }

func (c *CallSign) compareTo(o Key) int {
	d := o.(*CallSign)
	if c.value == d.value {
		return 0
	}
	if c.value < d.value {
		return -1
	}
	return 1
}

// The red-black tree of Cormen et al., with nil leaves.
type rbNode struct {
	key                 Key
	value               interface{}
	left, right, parent *rbNode
	red                 bool
}

type RedBlackTree struct {
	root *rbNode
}

func isBlack(n *rbNode) bool { return n == nil || !n.red }

func treeMinimum(x *rbNode) *rbNode {
	for x.left != nil {
		x = x.left
	}
	return x
}

func successor(x *rbNode) *rbNode {
	if x.right != nil {
		return treeMinimum(x.right)
	}
	y := x.parent
	for y != nil && x == y.right {
		x = y
		y = y.parent
	}
	return y
}

func (t *RedBlackTree) leftRotate(x *rbNode) {
	y := x.right
	x.right = y.left
	if y.left != nil {
		y.left.parent = x
	}
	y.parent = x.parent
	if x.parent == nil {
		t.root = y
	} else if x == x.parent.left {
		x.parent.left = y
	} else {
		x.parent.right = y
	}
	y.left = x
	x.parent = y
}

func (t *RedBlackTree) rightRotate(y *rbNode) {
	x := y.left
	y.left = x.right
	if x.right != nil {
		x.right.parent = y
	}
	x.parent = y.parent
	if y.parent == nil {
		t.root = x
	} else if y == y.parent.left {
		y.parent.left = x
	} else {
		y.parent.right = x
	}
	x.right = y
	y.parent = x
}

func (t *RedBlackTree) findNode(key Key) *rbNode {
	x := t.root
	for x != nil {
		c := key.compareTo(x.key)
		if c == 0 {
			return x
		}
		if c < 0 {
			x = x.left
		} else {
			x = x.right
		}
	}
	return nil
}

func (t *RedBlackTree) get(key Key) interface{} {
	n := t.findNode(key)
	if n == nil {
		return nil
	}
	return n.value
}

// put maps key to value and returns the value it replaced (nil if none).
func (t *RedBlackTree) put(key Key, value interface{}) interface{} {
	var y *rbNode
	x := t.root
	for x != nil {
		y = x
		c := key.compareTo(x.key)
		if c == 0 {
			old := x.value
			x.value = value
			return old
		}
		if c < 0 {
			x = x.left
		} else {
			x = x.right
		}
	}
	z := &rbNode{key: key, value: value, parent: y, red: true}
	if y == nil {
		t.root = z
	} else if key.compareTo(y.key) < 0 {
		y.left = z
	} else {
		y.right = z
	}
	x = z
	for x != t.root && x.parent.red {
		if x.parent == x.parent.parent.left {
			y := x.parent.parent.right
			if y != nil && y.red {
				x.parent.red = false
				y.red = false
				x.parent.parent.red = true
				x = x.parent.parent
			} else {
				if x == x.parent.right {
					x = x.parent
					t.leftRotate(x)
				}
				x.parent.red = false
				x.parent.parent.red = true
				t.rightRotate(x.parent.parent)
			}
		} else {
			y := x.parent.parent.left
			if y != nil && y.red {
				x.parent.red = false
				y.red = false
				x.parent.parent.red = true
				x = x.parent.parent
			} else {
				if x == x.parent.left {
					x = x.parent
					t.rightRotate(x)
				}
				x.parent.red = false
				x.parent.parent.red = true
				t.leftRotate(x.parent.parent)
			}
		}
	}
	t.root.red = false
	return nil
}

func (t *RedBlackTree) remove(key Key) interface{} {
	z := t.findNode(key)
	if z == nil {
		return nil
	}
	y := z
	if z.left != nil && z.right != nil {
		y = successor(z)
	}
	x := y.right
	if y.left != nil {
		x = y.left
	}
	xParent := y.parent
	if x != nil {
		x.parent = xParent
	}
	if y.parent == nil {
		t.root = x
	} else if y == y.parent.left {
		y.parent.left = x
	} else {
		y.parent.right = x
	}
	if y != z {
		if !y.red {
			t.removeFixup(x, xParent)
		}
		y.parent = z.parent
		y.red = z.red
		y.left = z.left
		y.right = z.right
		if z.left != nil {
			z.left.parent = y
		}
		if z.right != nil {
			z.right.parent = y
		}
		if z.parent != nil {
			if z.parent.left == z {
				z.parent.left = y
			} else {
				z.parent.right = y
			}
		} else {
			t.root = y
		}
	} else if !y.red {
		t.removeFixup(x, xParent)
	}
	return z.value
}

func (t *RedBlackTree) removeFixup(x, xParent *rbNode) {
	for x != t.root && isBlack(x) {
		if x == xParent.left {
			w := xParent.right
			if w.red {
				w.red = false
				xParent.red = true
				t.leftRotate(xParent)
				w = xParent.right
			}
			if isBlack(w.left) && isBlack(w.right) {
				w.red = true
				x = xParent
				xParent = x.parent
			} else {
				if isBlack(w.right) {
					w.left.red = false
					w.red = true
					t.rightRotate(w)
					w = xParent.right
				}
				w.red = xParent.red
				xParent.red = false
				if w.right != nil {
					w.right.red = false
				}
				t.leftRotate(xParent)
				x = t.root
				xParent = nil
			}
		} else {
			w := xParent.left
			if w.red {
				w.red = false
				xParent.red = true
				t.rightRotate(xParent)
				w = xParent.left
			}
			if isBlack(w.right) && isBlack(w.left) {
				w.red = true
				x = xParent
				xParent = x.parent
			} else {
				if isBlack(w.left) {
					w.right.red = false
					w.red = true
					t.leftRotate(w)
					w = xParent.left
				}
				w.red = xParent.red
				xParent.red = false
				if w.left != nil {
					w.left.red = false
				}
				t.rightRotate(xParent)
				x = t.root
				xParent = nil
			}
		}
	}
	if x != nil {
		x.red = false
	}
}

func (t *RedBlackTree) forEach(fn func(key Key, value interface{})) {
	if t.root == nil {
		return
	}
	for n := treeMinimum(t.root); n != nil; n = successor(n) {
		fn(n.key, n.value)
	}
}

type Aircraft struct {
	callsign *CallSign
	position *Vector3D
}

type Motion struct {
	callsign *CallSign
	posOne   *Vector3D
	posTwo   *Vector3D
}

func (m *Motion) delta() *Vector3D { return m.posTwo.minus(m.posOne) }

// findIntersection returns where m and o come within the proximity
// radius during the frame, or nil.
func (m *Motion) findIntersection(o *Motion) *Vector3D {
	init1 := m.posOne
	init2 := o.posOne
	vec1 := m.delta()
	vec2 := o.delta()
	radius := proximityRadius
	a := vec2.minus(vec1).squaredMagnitude()
	if a != 0.0 {
		b := 2.0 * init1.minus(init2).dot(vec1.minus(vec2))
		c := -radius*radius + init2.minus(init1).squaredMagnitude()
		discr := b*b - 4.0*a*c
		if discr < 0.0 {
			return nil
		}
		v1 := (-b - math.Sqrt(discr)) / (2.0 * a)
		v2 := (-b + math.Sqrt(discr)) / (2.0 * a)
		if v1 <= v2 && ((v1 <= 1.0 && 1.0 <= v2) || (v1 <= 0.0 && 0.0 <= v2) || (0.0 <= v1 && v2 <= 1.0)) {
			v := v1
			if v <= 0.0 {
				v = 0.0
			}
			result1 := init1.plus(vec1.times(v))
			result2 := init2.plus(vec2.times(v))
			result := result1.plus(result2).times(0.5)
			if result.x >= minX && result.x <= maxX && result.y >= minY && result.y <= maxY &&
				result.z >= minZ && result.z <= maxZ {
				return result
			}
		}
		return nil
	}
	dist := init2.minus(init1).magnitude()
	if dist <= radius {
		return init1.plus(init2).times(0.5)
	}
	return nil
}

type MotionList struct{ items []*Motion }

var horizontal = &Vector2D{goodVoxelSize, 0.0}
var vertical = &Vector2D{0.0, goodVoxelSize}

func isInVoxel(voxel *Vector2D, m *Motion) bool {
	if voxel.x > maxX || voxel.x < minX || voxel.y > maxY || voxel.y < minY {
		return false
	}
	init := m.posOne
	fin := m.posTwo
	vs := goodVoxelSize
	r := proximityRadius / 2.0
	vx := voxel.x
	x0 := init.x
	xv := fin.x - init.x
	vy := voxel.y
	y0 := init.y
	yv := fin.y - init.y
	lowX := (vx - r - x0) / xv
	highX := (vx + vs + r - x0) / xv
	if xv < 0.0 {
		lowX, highX = highX, lowX
	}
	lowY := (vy - r - y0) / yv
	highY := (vy + vs + r - y0) / yv
	if yv < 0.0 {
		lowY, highY = highY, lowY
	}
	return ((xv == 0.0 && vx <= x0+r && x0-r <= vx+vs) ||
		(lowX <= 1.0 && 1.0 <= highX) || (lowX <= 0.0 && 0.0 <= highX) ||
		(0.0 <= lowX && highX <= 1.0)) &&
		((yv == 0.0 && vy <= y0+r && y0-r <= vy+vs) ||
			(lowY <= 1.0 && 1.0 <= highY) || (lowY <= 0.0 && 0.0 <= highY) ||
			(0.0 <= lowY && highY <= 1.0)) &&
		(xv == 0.0 || yv == 0.0 ||
			(lowY <= highX && highX <= highY) ||
			(lowY <= lowX && lowX <= highY) ||
			(lowX <= lowY && highY <= highX))
}

func putIntoMap(voxelMap *RedBlackTree, voxel *Vector2D, m *Motion) {
	v := voxelMap.get(voxel)
	if v == nil {
		list := &MotionList{}
		voxelMap.put(voxel, list)
		v = list
	}
	list := v.(*MotionList)
	list.items = append(list.items, m)
}

func recurse(voxelMap, seen *RedBlackTree, next *Vector2D, m *Motion) {
	if !isInVoxel(next, m) {
		return
	}
	if seen.put(next, true) != nil {
		return
	}
	putIntoMap(voxelMap, next, m)
	recurse(voxelMap, seen, next.minus(horizontal), m)
	recurse(voxelMap, seen, next.plus(horizontal), m)
	recurse(voxelMap, seen, next.minus(vertical), m)
	recurse(voxelMap, seen, next.plus(vertical), m)
	recurse(voxelMap, seen, next.minus(horizontal).minus(vertical), m)
	recurse(voxelMap, seen, next.minus(horizontal).plus(vertical), m)
	recurse(voxelMap, seen, next.plus(horizontal).minus(vertical), m)
	recurse(voxelMap, seen, next.plus(horizontal).plus(vertical), m)
}

func voxelHash(p *Vector3D) *Vector2D {
	xDiv := int(p.x / goodVoxelSize)
	yDiv := int(p.y / goodVoxelSize)
	x := goodVoxelSize * float64(xDiv)
	y := goodVoxelSize * float64(yDiv)
	if p.x < 0 {
		x -= goodVoxelSize
	}
	if p.y < 0 {
		y -= goodVoxelSize
	}
	return &Vector2D{x, y}
}

func reduceCollisionSet(motions []*Motion) []*MotionList {
	voxelMap := &RedBlackTree{}
	for _, m := range motions {
		recurse(voxelMap, &RedBlackTree{}, voxelHash(m.posOne), m)
	}
	var result []*MotionList
	voxelMap.forEach(func(k Key, v interface{}) {
		list := v.(*MotionList)
		if len(list.items) > 1 {
			result = append(result, list)
		}
	})
	return result
}

type CollisionDetector struct {
	state *RedBlackTree
}

func (d *CollisionDetector) handleNewFrame(frame []*Aircraft) int {
	var motions []*Motion
	seen := &RedBlackTree{}
	for _, a := range frame {
		old := d.state.put(a.callsign, a.position)
		newPosition := a.position
		seen.put(a.callsign, true)
		oldPosition := newPosition
		if old != nil {
			oldPosition = old.(*Vector3D)
		}
		motions = append(motions, &Motion{a.callsign, oldPosition, newPosition})
	}
	var toRemove []Key
	d.state.forEach(func(k Key, v interface{}) {
		if seen.get(k) == nil {
			toRemove = append(toRemove, k)
		}
	})
	for _, k := range toRemove {
		d.state.remove(k)
	}
	collisions := 0
	for _, reduced := range reduceCollisionSet(motions) {
		for i := 0; i < len(reduced.items); i++ {
			m1 := reduced.items[i]
			for j := i + 1; j < len(reduced.items); j++ {
				if m1.findIntersection(reduced.items[j]) != nil {
					collisions++
				}
			}
		}
	}
	return collisions
}

func simulate(aircraft []*CallSign, time float64) []*Aircraft {
	var frame []*Aircraft
	for i := 0; i < len(aircraft); i += 2 {
		frame = append(frame, &Aircraft{aircraft[i], &Vector3D{time, math.Cos(time)*2 + float64(i)*3, 10}})
		frame = append(frame, &Aircraft{aircraft[i+1], &Vector3D{time, math.Sin(time)*2 + float64(i)*3, 10}})
	}
	return frame
}

func benchmark(numAircraft int) int {
	var aircraft []*CallSign
	for i := 0; i < numAircraft; i++ {
		aircraft = append(aircraft, &CallSign{i})
	}
	detector := &CollisionDetector{state: &RedBlackTree{}}
	collisions := 0
	for i := 0; i < 200; i++ {
		time := float64(i) / 10.0
		collisions += detector.handleNewFrame(simulate(aircraft, time))
	}
	return collisions
}

func main() {
	total := 0
	for i := 0; i < 2; i++ {
		total += benchmark(100)
	}
	fmt.Println("cd", total)
}
