// The parser of package template.

package template

// The parser: items to trees of nodes, as Go's text/template/parse builds
// them, with Go's error messages. One node struct serves every kind of
// node (its typ says which fields mean something); the package keeps
// its parse trees to itself (Go exports them as text/template/parse).

import (
	"fmt"
	"strconv"
	"strings"
)

const (
	nodeText = iota
	nodeAction
	nodeBool
	nodeChain
	nodeCommand
	nodeDot
	nodeField
	nodeIdentifier
	nodeIf
	nodeList
	nodeNil
	nodeNumber
	nodePipe
	nodeRange
	nodeString
	nodeTemplate
	nodeVariable
	nodeWith
	nodeComment
	nodeBreak
	nodeContinue
	nodeElse
	nodeEnd
)

// tree is one parsed template: its root list, and the text and name
// that error messages locate nodes in.
type tree struct {
	name      string
	parseName string
	root      *node
	text      string
}

type node struct {
	typ  int
	pos  int
	line int
	tr   *tree

	text  string   // text, comment; string constant's quoted form; number's text
	ident []string // field (without dots), variable ($x.a.b), chain fields, identifier [0]
	sub   *node    // chain's head node
	pipe  *node    // action, if, range, with, template
	list  *node    // if, range, with
	elseL *node    // if, range, with
	nodes []*node  // list

	isAssign bool
	decl     []*node // pipe's variables
	cmds     []*node // pipe's commands
	args     []*node // command's operands

	boolVal bool
	str     string // string constant's value; template's name

	isInt, isUint, isFloat, isComplex bool
	i64                               int64
	u64                               uint64
	f64                               float64
}

func (n *node) String() string {
	var sb strings.Builder
	n.writeTo(&sb)
	return sb.String()
}

func (n *node) writeTo(sb *strings.Builder) {
	switch n.typ {
	case nodeText:
		sb.WriteString(fmt.Sprintf("%q", n.text))
	case nodeComment:
		sb.WriteString("{{" + n.text + "}}")
	case nodeAction:
		sb.WriteString("{{")
		n.pipe.writeTo(sb)
		sb.WriteString("}}")
	case nodeBool:
		if n.boolVal {
			sb.WriteString("true")
		} else {
			sb.WriteString("false")
		}
	case nodeChain:
		if n.sub.typ == nodePipe {
			sb.WriteString("(")
			n.sub.writeTo(sb)
			sb.WriteString(")")
		} else {
			n.sub.writeTo(sb)
		}
		for _, f := range n.ident {
			sb.WriteString("." + f)
		}
	case nodeCommand:
		for i, a := range n.args {
			if i > 0 {
				sb.WriteString(" ")
			}
			if a.typ == nodePipe {
				sb.WriteString("(")
				a.writeTo(sb)
				sb.WriteString(")")
				continue
			}
			a.writeTo(sb)
		}
	case nodeDot:
		sb.WriteString(".")
	case nodeField:
		for _, f := range n.ident {
			sb.WriteString("." + f)
		}
	case nodeIdentifier:
		sb.WriteString(n.ident[0])
	case nodeVariable:
		sb.WriteString(strings.Join(n.ident, "."))
	case nodeNil:
		sb.WriteString("nil")
	case nodeNumber, nodeString:
		sb.WriteString(n.text)
	case nodeList:
		for _, c := range n.nodes {
			c.writeTo(sb)
		}
	case nodePipe:
		if len(n.decl) > 0 {
			for i, v := range n.decl {
				if i > 0 {
					sb.WriteString(", ")
				}
				v.writeTo(sb)
			}
			if n.isAssign {
				sb.WriteString(" = ")
			} else {
				sb.WriteString(" := ")
			}
		}
		for i, c := range n.cmds {
			if i > 0 {
				sb.WriteString(" | ")
			}
			c.writeTo(sb)
		}
	case nodeIf, nodeRange, nodeWith:
		name := "if"
		if n.typ == nodeRange {
			name = "range"
		} else if n.typ == nodeWith {
			name = "with"
		}
		sb.WriteString("{{" + name + " ")
		n.pipe.writeTo(sb)
		sb.WriteString("}}")
		n.list.writeTo(sb)
		if n.elseL != nil {
			sb.WriteString("{{else}}")
			n.elseL.writeTo(sb)
		}
		sb.WriteString("{{end}}")
	case nodeTemplate:
		sb.WriteString("{{template " + strconv.Quote(n.str))
		if n.pipe != nil {
			sb.WriteString(" ")
			n.pipe.writeTo(sb)
		}
		sb.WriteString("}}")
	case nodeBreak:
		sb.WriteString("{{break}}")
	case nodeContinue:
		sb.WriteString("{{continue}}")
	case nodeElse:
		sb.WriteString("{{else}}")
	case nodeEnd:
		sb.WriteString("{{end}}")
	}
}

// isEmptyTree reports whether a tree holds nothing but space and
// comments (such a tree may be redefined).
func isEmptyTree(n *node) bool {
	if n == nil {
		return true
	}
	switch n.typ {
	case nodeComment:
		return true
	case nodeList:
		for _, c := range n.nodes {
			if !isEmptyTree(c) {
				return false
			}
		}
		return true
	case nodeText:
		return len(strings.TrimSpace(n.text)) == 0
	}
	return false
}

// parseError is how the parser stops: recovered at the top of parse.
type parseError struct {
	err error
}

type parser struct {
	tr         *tree
	items      []item
	i          int // index of the next item
	far        int // the furthest item read or peeked (Go's token[0])
	last       item
	vars       []string
	funcs      []map[string]any
	treeSet    map[string]*tree
	actionLine int
	rangeDepth int
	depth      int
	left       string
	right      string
	skipCheck  bool
}

func (p *parser) next() item {
	if p.i < len(p.items) {
		p.last = p.items[p.i]
		if p.i > p.far {
			p.far = p.i
		}
		p.i++
		return p.last
	}
	p.last = item{itemEOF, 0, "", p.last.line}
	return p.last
}

func (p *parser) backup() {
	p.i--
	if p.i > 0 {
		p.last = p.items[p.i-1]
	}
}

func (p *parser) peek() item {
	if p.i < len(p.items) {
		if p.i > p.far {
			p.far = p.i
		}
		return p.items[p.i]
	}
	return item{itemEOF, 0, "", p.last.line}
}

func (p *parser) nextNonSpace() item {
	for {
		t := p.next()
		if t.typ != itemSpace {
			return t
		}
	}
}

func (p *parser) peekNonSpace() item {
	for p.i < len(p.items) && p.items[p.i].typ == itemSpace {
		p.next()
	}
	return p.peek()
}

func (p *parser) errorf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	line := p.last.line
	if p.far < len(p.items) {
		line = p.items[p.far].line
	}
	panic(parseError{fmt.Errorf("template: %s:%d: %s", p.tr.parseName, line, msg)})
}

func (p *parser) expect(typ int, context string) item {
	t := p.nextNonSpace()
	if t.typ != typ {
		p.unexpected(t, context)
	}
	return t
}

func (p *parser) unexpected(t item, context string) {
	if t.typ == itemError {
		extra := ""
		if p.actionLine != 0 && p.actionLine != t.line {
			extra = fmt.Sprintf(" in action started at %s:%d", p.tr.parseName, p.actionLine)
			if strings.HasSuffix(t.val, " action") {
				extra = extra[len(" in action"):]
			}
		}
		p.errorf("%s%s", t, extra)
	}
	p.errorf("unexpected %s in %s", t, context)
}

func (p *parser) newNode(typ int, pos, line int) *node {
	return &node{typ: typ, pos: pos, line: line, tr: p.tr}
}

func (p *parser) hasFunction(name string) bool {
	for _, m := range p.funcs {
		if m == nil {
			continue
		}
		if _, ok := m[name]; ok {
			return true
		}
	}
	return false
}

// parseText parses text as template name, adding it and the templates it
// defines to treeSet.
func parseText(name, text, left, right string, treeSet map[string]*tree, skipCheck bool, funcs ...map[string]any) (err error) {
	tr := &tree{name: name, parseName: name, text: text}
	p := &parser{tr: tr, vars: []string{"$"}, funcs: funcs, treeSet: treeSet, left: left, right: right, skipCheck: skipCheck}
	defer func() {
		if e := recover(); e != nil {
			pe, ok := e.(parseError)
			if !ok {
				panic(e)
			}
			err = pe.err
		}
	}()
	p.items = lex(text, left, right, false, !p.hasFunction("break"), !p.hasFunction("continue"))
	p.parse()
	p.add(tr)
	return nil
}

func (p *parser) add(tr *tree) {
	old := p.treeSet[tr.name]
	if old == nil || isEmptyTree(old.root) {
		p.treeSet[tr.name] = tr
		return
	}
	if !isEmptyTree(tr.root) {
		p.errorf("template: multiple definition of template %q", tr.name)
	}
}

func (p *parser) parse() {
	p.tr.root = p.newNode(nodeList, p.peek().pos, 0)
	for p.peek().typ != itemEOF {
		if p.peek().typ == itemLeftDelim {
			save := p.i
			p.next()
			if p.nextNonSpace().typ == itemDefine {
				p.parseDefinition()
				continue
			}
			p.i = save
		}
		n := p.textOrAction()
		if n.typ == nodeEnd || n.typ == nodeElse {
			p.errorf("unexpected %s", n)
		}
		p.tr.root.nodes = append(p.tr.root.nodes, n)
	}
}

func (p *parser) parseDefinition() {
	const context = "define clause"
	t := p.nextNonSpace()
	if t.typ != itemString && t.typ != itemRawString {
		p.unexpected(t, context)
	}
	name, err := strconv.Unquote(t.val)
	if err != nil {
		p.errorf("%s", err)
	}
	p.expect(itemRightDelim, context)
	outer, outerVars := p.tr, p.vars
	p.tr = &tree{name: name, parseName: outer.parseName, text: outer.text}
	p.vars = []string{"$"}
	root, end := p.itemList()
	if end.typ != nodeEnd {
		p.errorf("unexpected %s in %s", end, context)
	}
	p.tr.root = root
	p.add(p.tr)
	p.tr, p.vars = outer, outerVars
}

func (p *parser) itemList() (*node, *node) {
	list := p.newNode(nodeList, p.peekNonSpace().pos, 0)
	for p.peekNonSpace().typ != itemEOF {
		n := p.textOrAction()
		if n.typ == nodeEnd || n.typ == nodeElse {
			return list, n
		}
		list.nodes = append(list.nodes, n)
	}
	p.errorf("unexpected EOF")
	return nil, nil
}

func (p *parser) textOrAction() *node {
	t := p.nextNonSpace()
	switch t.typ {
	case itemText:
		n := p.newNode(nodeText, t.pos, t.line)
		n.text = t.val
		return n
	case itemLeftDelim:
		p.actionLine = t.line
		n := p.action()
		p.actionLine = 0
		return n
	case itemComment:
		n := p.newNode(nodeComment, t.pos, t.line)
		n.text = t.val
		return n
	}
	p.unexpected(t, "input")
	return nil
}

func (p *parser) action() *node {
	t := p.nextNonSpace()
	switch t.typ {
	case itemBlock:
		return p.blockControl()
	case itemBreak:
		return p.loopControl(t, nodeBreak, "{{break}}")
	case itemContinue:
		return p.loopControl(t, nodeContinue, "{{continue}}")
	case itemElse:
		return p.elseControl()
	case itemEnd:
		e := p.expect(itemRightDelim, "end")
		return p.newNode(nodeEnd, e.pos, e.line)
	case itemIf:
		return p.control(nodeIf, "if")
	case itemRange:
		return p.control(nodeRange, "range")
	case itemTemplate:
		return p.templateControl()
	case itemWith:
		return p.control(nodeWith, "with")
	}
	p.backup()
	t = p.peek()
	n := p.newNode(nodeAction, t.pos, t.line)
	n.pipe = p.pipeline("command", itemRightDelim)
	return n
}

func (p *parser) loopControl(t item, typ int, context string) *node {
	if tok := p.nextNonSpace(); tok.typ != itemRightDelim {
		p.unexpected(tok, context)
	}
	if p.rangeDepth == 0 {
		p.errorf("%s outside {{range}}", context)
	}
	return p.newNode(typ, t.pos, t.line)
}

func (p *parser) elseControl() *node {
	pk := p.peekNonSpace()
	if pk.typ == itemIf || pk.typ == itemWith {
		return p.newNode(nodeElse, pk.pos, pk.line)
	}
	t := p.expect(itemRightDelim, "else")
	return p.newNode(nodeElse, t.pos, t.line)
}

func (p *parser) control(typ int, context string) *node {
	nvars := len(p.vars)
	pipe := p.pipeline(context, itemRightDelim)
	if typ == nodeRange {
		p.rangeDepth++
	}
	list, next := p.itemList()
	if typ == nodeRange {
		p.rangeDepth--
	}
	var elseList *node
	if next.typ == nodeElse {
		if typ == nodeIf && p.peek().typ == itemIf {
			p.next()
			elseList = p.newNode(nodeList, next.pos, 0)
			elseList.nodes = append(elseList.nodes, p.control(nodeIf, "if"))
		} else if typ == nodeWith && p.peek().typ == itemWith {
			p.next()
			elseList = p.newNode(nodeList, next.pos, 0)
			elseList.nodes = append(elseList.nodes, p.control(nodeWith, "with"))
		} else {
			elseList, next = p.itemList()
			if next.typ != nodeEnd {
				p.errorf("expected end; found %s", next)
			}
		}
	}
	p.vars = p.vars[:nvars]
	n := p.newNode(typ, pipe.pos, pipe.line)
	n.pipe, n.list, n.elseL = pipe, list, elseList
	return n
}

func (p *parser) templateName(t item, context string) string {
	if t.typ != itemString && t.typ != itemRawString {
		p.unexpected(t, context)
	}
	s, err := strconv.Unquote(t.val)
	if err != nil {
		p.errorf("%s", err)
	}
	return s
}

func (p *parser) templateControl() *node {
	const context = "template clause"
	t := p.nextNonSpace()
	name := p.templateName(t, context)
	var pipe *node
	if p.nextNonSpace().typ != itemRightDelim {
		p.backup()
		pipe = p.pipeline(context, itemRightDelim)
	}
	n := p.newNode(nodeTemplate, t.pos, t.line)
	n.str, n.pipe = name, pipe
	return n
}

func (p *parser) blockControl() *node {
	const context = "block clause"
	t := p.nextNonSpace()
	name := p.templateName(t, context)
	pipe := p.pipeline(context, itemRightDelim)
	outer, outerVars, outerDepth := p.tr, p.vars, p.rangeDepth
	p.tr = &tree{name: name, parseName: outer.parseName, text: outer.text}
	p.vars = []string{"$"}
	p.rangeDepth = 0
	root, end := p.itemList()
	if end.typ != nodeEnd {
		p.errorf("unexpected %s in %s", end, context)
	}
	p.tr.root = root
	p.add(p.tr)
	p.tr, p.vars, p.rangeDepth = outer, outerVars, outerDepth
	n := p.newNode(nodeTemplate, t.pos, t.line)
	n.str, n.pipe = name, pipe
	return n
}

func (p *parser) pipeline(context string, end int) *node {
	t := p.peekNonSpace()
	pipe := p.newNode(nodePipe, t.pos, t.line)
	for {
		v := p.peekNonSpace()
		if v.typ != itemVariable {
			break
		}
		vi := p.i
		p.next()
		nxt := p.peekNonSpace()
		switch {
		case nxt.typ == itemAssign || nxt.typ == itemDeclare:
			pipe.isAssign = nxt.typ == itemAssign
			p.nextNonSpace()
			pipe.decl = append(pipe.decl, p.newVariable(v.pos, v.line, v.val))
			p.vars = append(p.vars, v.val)
		case nxt.typ == itemChar && nxt.val == ",":
			p.nextNonSpace()
			pipe.decl = append(pipe.decl, p.newVariable(v.pos, v.line, v.val))
			p.vars = append(p.vars, v.val)
			if context == "range" && len(pipe.decl) < 2 {
				switch p.peekNonSpace().typ {
				case itemVariable, itemRightDelim, itemRightParen:
					continue
				default:
					p.errorf("range can only initialize variables")
				}
			}
			p.errorf("too many declarations in %s", context)
		default:
			p.i = vi
		}
		break
	}
	for {
		t := p.nextNonSpace()
		switch t.typ {
		case end:
			p.checkPipeline(pipe, context)
			return pipe
		case itemBool, itemCharConstant, itemComplex, itemDot, itemField, itemIdentifier,
			itemNumber, itemNil, itemRawString, itemString, itemVariable, itemLeftParen:
			p.backup()
			pipe.cmds = append(pipe.cmds, p.command())
		default:
			p.unexpected(t, context)
		}
	}
}

func (p *parser) checkPipeline(pipe *node, context string) {
	if len(pipe.cmds) == 0 {
		p.errorf("missing value for %s", context)
	}
	for i, c := range pipe.cmds[1:] {
		switch c.args[0].typ {
		case nodeBool, nodeDot, nodeNil, nodeNumber, nodeString:
			p.errorf("non executable command in pipeline stage %d", i+2)
		}
	}
}

func (p *parser) command() *node {
	t := p.peekNonSpace()
	cmd := p.newNode(nodeCommand, t.pos, t.line)
	for {
		p.peekNonSpace()
		if op := p.operand(); op != nil {
			cmd.args = append(cmd.args, op)
		}
		t := p.next()
		switch t.typ {
		case itemSpace:
			continue
		case itemRightDelim, itemRightParen:
			p.backup()
		case itemPipe:
		default:
			p.unexpected(t, "operand")
		}
		break
	}
	if len(cmd.args) == 0 {
		p.errorf("empty command")
	}
	return cmd
}

func (p *parser) operand() *node {
	n := p.term()
	if n == nil {
		return nil
	}
	if p.peek().typ == itemField {
		chain := p.newNode(nodeChain, p.peek().pos, p.peek().line)
		chain.sub = n
		for p.peek().typ == itemField {
			chain.ident = append(chain.ident, p.next().val[1:])
		}
		switch n.typ {
		case nodeField:
			f := p.newNode(nodeField, chain.pos, chain.line)
			f.ident = append(append([]string{}, n.ident...), chain.ident...)
			return f
		case nodeVariable:
			v := p.newNode(nodeVariable, chain.pos, chain.line)
			v.ident = append(append([]string{}, n.ident...), chain.ident...)
			return v
		case nodeBool, nodeString, nodeNumber, nodeNil, nodeDot:
			p.errorf("unexpected . after term %q", n.String())
		}
		return chain
	}
	return n
}

func (p *parser) newVariable(pos, line int, name string) *node {
	n := p.newNode(nodeVariable, pos, line)
	n.ident = strings.Split(name, ".")
	return n
}

func (p *parser) term() *node {
	t := p.nextNonSpace()
	switch t.typ {
	case itemIdentifier:
		if !p.skipCheck && !p.hasFunction(t.val) {
			p.errorf("function %q not defined", t.val)
		}
		n := p.newNode(nodeIdentifier, t.pos, t.line)
		n.ident = []string{t.val}
		return n
	case itemDot:
		return p.newNode(nodeDot, t.pos, t.line)
	case itemNil:
		return p.newNode(nodeNil, t.pos, t.line)
	case itemVariable:
		v := p.newVariable(t.pos, t.line, t.val)
		for _, name := range p.vars {
			if name == v.ident[0] {
				return v
			}
		}
		p.errorf("undefined variable %q", v.ident[0])
	case itemField:
		n := p.newNode(nodeField, t.pos, t.line)
		n.ident = strings.Split(t.val[1:], ".")
		return n
	case itemBool:
		n := p.newNode(nodeBool, t.pos, t.line)
		n.boolVal = t.val == "true"
		return n
	case itemCharConstant, itemComplex, itemNumber:
		return p.number(t)
	case itemLeftParen:
		if p.depth >= 10000 {
			p.errorf("max expression depth exceeded")
		}
		p.depth++
		n := p.pipeline("parenthesized pipeline", itemRightParen)
		p.depth--
		return n
	case itemString, itemRawString:
		s, err := strconv.Unquote(t.val)
		if err != nil {
			p.errorf("%s", err)
		}
		n := p.newNode(nodeString, t.pos, t.line)
		n.text, n.str = t.val, s
		return n
	}
	p.backup()
	return nil
}

func (p *parser) number(t item) *node {
	n := p.newNode(nodeNumber, t.pos, t.line)
	n.text = t.val
	text := t.val
	if t.typ == itemCharConstant {
		r, _, tail, err := strconv.UnquoteChar(text[1:], text[0])
		if err != nil {
			p.errorf("%s", err)
		}
		if tail != "'" {
			p.errorf("malformed character constant: %s", text)
		}
		n.i64, n.isInt = int64(r), true
		n.u64, n.isUint = uint64(r), true
		n.f64, n.isFloat = float64(r), true
		return n
	}
	if t.typ == itemComplex || (len(text) > 0 && text[len(text)-1] == 'i') {
		p.errorf("gol: complex constants in templates are not supported: %s", text)
	}
	if u, err := strconv.ParseUint(text, 0, 64); err == nil {
		n.isUint, n.u64 = true, u
	}
	if i, err := strconv.ParseInt(text, 0, 64); err == nil {
		n.isInt, n.i64 = true, i
		if i == 0 {
			n.isUint, n.u64 = true, 0
		}
	}
	if n.isInt {
		n.isFloat, n.f64 = true, float64(n.i64)
	} else if n.isUint {
		n.isFloat, n.f64 = true, float64(n.u64)
	} else if f, err := strconv.ParseFloat(text, 64); err == nil {
		if !strings.ContainsAny(text, ".eEpP") {
			p.errorf("integer overflow: %q", text)
		}
		n.isFloat, n.f64 = true, f
		if !n.isInt && float64(int64(f)) == f {
			n.isInt, n.i64 = true, int64(f)
		}
		if !n.isUint && f >= 0 && float64(uint64(f)) == f {
			n.isUint, n.u64 = true, uint64(f)
		}
	}
	if !n.isInt && !n.isUint && !n.isFloat {
		p.errorf("illegal number syntax: %q", text)
	}
	return n
}
