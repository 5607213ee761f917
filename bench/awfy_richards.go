// awfy_richards: "Are We Fast Yet" Richards. Martin Richards' simulation
// of an operating system's task dispatcher: six tasks (an idler, a worker,
// two handlers, two devices) pass packets through queues under priorities.
// Interface method calls (each task's body is a method of its data
// record), field access through pointers, linked queues.
package main

import "fmt"

const (
	idler    = 0
	worker   = 1
	handlerA = 2
	handlerB = 3
	deviceA  = 4
	deviceB  = 5
	numTypes = 6

	devicePacketKind = 0
	workPacketKind   = 1
	dataSize         = 4
)

type Packet struct {
	link     *Packet
	identity int
	kind     int
	datum    int
	data     [dataSize]int
}

func newPacket(link *Packet, identity, kind int) *Packet {
	return &Packet{link: link, identity: identity, kind: kind}
}

// appendTo puts p at the end of the queue that starts at head.
func appendTo(p, head *Packet) *Packet {
	p.link = nil
	if head == nil {
		return p
	}
	mouse := head
	for mouse.link != nil {
		mouse = mouse.link
	}
	mouse.link = p
	return head
}

// Task is the body of a task: what it does when scheduled with a packet
// (or nil).
type Task interface {
	run(s *Scheduler, packet *Packet) *TCB
}

type TCB struct {
	link          *TCB
	identity      int
	priority      int
	input         *Packet
	packetPending bool
	taskWaiting   bool
	taskHolding   bool
	task          Task
}

func (t *TCB) isHeldOrWaiting() bool {
	return t.taskHolding || (!t.packetPending && t.taskWaiting)
}

func (t *TCB) isWaitingWithPacket() bool {
	return t.packetPending && t.taskWaiting && !t.taskHolding
}

func (t *TCB) addInputAndCheckPriority(p *Packet, old *TCB) *TCB {
	if t.input == nil {
		t.input = p
		t.packetPending = true
		if t.priority > old.priority {
			return t
		}
	} else {
		t.input = appendTo(p, t.input)
	}
	return old
}

func (t *TCB) runTask(s *Scheduler) *TCB {
	var message *Packet
	if t.isWaitingWithPacket() {
		message = t.input
		t.input = message.link
		if t.input == nil {
			t.packetPending = false
			t.taskWaiting = false
			t.taskHolding = false
		} else {
			t.packetPending = true
			t.taskWaiting = false
			t.taskHolding = false
		}
	}
	return t.task.run(s, message)
}

type Scheduler struct {
	taskList            *TCB
	currentTask         *TCB
	currentTaskIdentity int
	taskTable           [numTypes]*TCB
	queuePacketCount    int
	holdCount           int
}

func (s *Scheduler) addTask(identity, priority int, work *Packet, pending, waiting, holding bool, task Task) {
	t := &TCB{link: s.taskList, identity: identity, priority: priority, input: work,
		packetPending: pending, taskWaiting: waiting, taskHolding: holding, task: task}
	s.taskList = t
	s.taskTable[identity] = t
}

func (s *Scheduler) findTask(identity int) *TCB {
	t := s.taskTable[identity]
	if t == nil {
		panic("findTask failed")
	}
	return t
}

func (s *Scheduler) holdSelf() *TCB {
	s.holdCount++
	s.currentTask.taskHolding = true
	return s.currentTask.link
}

func (s *Scheduler) markWaiting() *TCB {
	s.currentTask.taskWaiting = true
	return s.currentTask
}

func (s *Scheduler) queuePacket(p *Packet) *TCB {
	t := s.findTask(p.identity)
	s.queuePacketCount++
	p.link = nil
	p.identity = s.currentTaskIdentity
	return t.addInputAndCheckPriority(p, s.currentTask)
}

func (s *Scheduler) release(identity int) *TCB {
	t := s.findTask(identity)
	t.taskHolding = false
	if t.priority > s.currentTask.priority {
		return t
	}
	return s.currentTask
}

func (s *Scheduler) schedule() {
	s.currentTask = s.taskList
	for s.currentTask != nil {
		if s.currentTask.isHeldOrWaiting() {
			s.currentTask = s.currentTask.link
		} else {
			s.currentTaskIdentity = s.currentTask.identity
			s.currentTask = s.currentTask.runTask(s)
		}
	}
}

type DeviceTask struct{ pending *Packet }

func (d *DeviceTask) run(s *Scheduler, p *Packet) *TCB {
	if p == nil {
		p = d.pending
		if p == nil {
			return s.markWaiting()
		}
		d.pending = nil
		return s.queuePacket(p)
	}
	d.pending = p
	return s.holdSelf()
}

type HandlerTask struct {
	workIn   *Packet
	deviceIn *Packet
}

func (h *HandlerTask) run(s *Scheduler, p *Packet) *TCB {
	if p != nil {
		if p.kind == workPacketKind {
			h.workIn = appendTo(p, h.workIn)
		} else {
			h.deviceIn = appendTo(p, h.deviceIn)
		}
	}
	if h.workIn != nil {
		work := h.workIn
		count := work.datum
		if count < dataSize {
			if h.deviceIn != nil {
				dev := h.deviceIn
				h.deviceIn = dev.link
				dev.datum = work.data[count]
				work.datum = count + 1
				return s.queuePacket(dev)
			}
		} else {
			h.workIn = work.link
			return s.queuePacket(work)
		}
	}
	return s.markWaiting()
}

type IdleTask struct {
	control int
	count   int
}

func (t *IdleTask) run(s *Scheduler, p *Packet) *TCB {
	t.count--
	if t.count == 0 {
		return s.holdSelf()
	}
	if t.control%2 == 0 {
		t.control = t.control / 2
		return s.release(deviceA)
	}
	t.control = (t.control / 2) ^ 53256
	return s.release(deviceB)
}

type WorkerTask struct {
	destination int
	count       int
}

func (w *WorkerTask) run(s *Scheduler, p *Packet) *TCB {
	if p == nil {
		return s.markWaiting()
	}
	if w.destination == handlerA {
		w.destination = handlerB
	} else {
		w.destination = handlerA
	}
	p.identity = w.destination
	p.datum = 0
	for i := 0; i < dataSize; i++ {
		w.count++
		if w.count > 26 {
			w.count = 1
		}
		p.data[i] = 65 + w.count - 1
	}
	return s.queuePacket(p)
}

func benchmark() (int, int) {
	s := &Scheduler{}
	s.addTask(idler, 0, nil, false, false, false, &IdleTask{control: 1, count: 10000})

	wq := newPacket(nil, worker, workPacketKind)
	wq = newPacket(wq, worker, workPacketKind)
	s.addTask(worker, 1000, wq, true, true, false, &WorkerTask{destination: handlerA})

	wq = newPacket(nil, deviceA, devicePacketKind)
	wq = newPacket(wq, deviceA, devicePacketKind)
	wq = newPacket(wq, deviceA, devicePacketKind)
	s.addTask(handlerA, 2000, wq, true, true, false, &HandlerTask{})

	wq = newPacket(nil, deviceB, devicePacketKind)
	wq = newPacket(wq, deviceB, devicePacketKind)
	wq = newPacket(wq, deviceB, devicePacketKind)
	s.addTask(handlerB, 3000, wq, true, true, false, &HandlerTask{})

	s.addTask(deviceA, 4000, nil, false, true, false, &DeviceTask{})
	s.addTask(deviceB, 5000, nil, false, true, false, &DeviceTask{})

	s.schedule()
	return s.queuePacketCount, s.holdCount
}

func main() {
	queued, held := 0, 0
	for i := 0; i < 40; i++ {
		q, h := benchmark()
		queued += q
		held += h
	}
	fmt.Println("richards", queued, held)
}
