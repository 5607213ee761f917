package main

import "fmt"

type State interface{ ~string }

type Machine[S State, E comparable] struct {
	cur   S
	trans map[S]map[E]S
	log   []S
}

func NewMachine[S State, E comparable](start S) *Machine[S, E] {
	return &Machine[S, E]{cur: start, trans: map[S]map[E]S{}}
}

func (m *Machine[S, E]) On(from S, ev E, to S) *Machine[S, E] {
	if m.trans[from] == nil {
		m.trans[from] = map[E]S{}
	}
	m.trans[from][ev] = to
	return m
}

func (m *Machine[S, E]) Fire(ev E) error {
	to, ok := m.trans[m.cur][ev]
	if !ok {
		return fmt.Errorf("no transition from %s on %v", m.cur, ev)
	}
	m.log = append(m.log, m.cur)
	m.cur = to
	return nil
}

type Light string
type Event int

const (
	Tick Event = iota
	Fault
)

func main() {
	m := NewMachine[Light, Event]("red").
		On("red", Tick, "green").
		On("green", Tick, "yellow").
		On("yellow", Tick, "red")
	for i := 0; i < 4; i++ {
		if err := m.Fire(Tick); err != nil {
			fmt.Println(err)
		}
	}
	fmt.Println(m.cur, m.log)
	fmt.Println(m.Fire(Fault))
}
