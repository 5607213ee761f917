-- awfy_json: "Are We Fast Yet" Json (twin of awfy_json.go; a value is a
-- table with a kind, and the tree walk dispatches on it where Go calls
-- through the Value interface).
local byte, sub, char = string.byte, string.sub, string.char

local text = [==[{"version": 3, "generator": "gol bench", "records": [
  {"id": 0, "name": "lambda \"epsilon\"", "tags": ["epsilon", "nu"], "score": 74.68, "active": true, "parent": null,
   "nested": {"depth": 1, "items": [55, 53, {"flag": false, "note": "nu\nlambda"}], "empty": {}, "none": []}},
  {"id": 1, "name": "gamma \"theta\"", "tags": ["theta", "tau"], "score": -9.970E+0, "active": true, "parent": null,
   "nested": {"depth": 2, "items": [5, 71, {"flag": false, "note": "tau\ngamma"}], "empty": {}, "none": []}},
  {"id": 2, "name": "epsilon \"kappa\"", "tags": ["kappa", "xi"], "score": 553.15, "active": false, "parent": null,
   "nested": {"depth": 1, "items": [70, 91, {"flag": false, "note": "xi\nepsilon"}], "empty": {}, "none": []}},
  {"id": 3, "name": "gamma \"beta\"", "tags": ["beta", "eta"], "score": 7e0, "active": false, "parent": null,
   "nested": {"depth": 2, "items": [23, 89, {"flag": false, "note": "eta\ngamma"}], "empty": {}, "none": []}},
  {"id": 4, "name": "theta \"gamma\"", "tags": ["gamma", "kappa"], "score": -9.74E+1, "active": true, "parent": null,
   "nested": {"depth": 3, "items": [19, 62, {"flag": false, "note": "kappa\ntheta"}], "empty": {}, "none": []}},
  {"id": 5, "name": "xi \"beta\"", "tags": ["beta", "gamma"], "score": -9.508E+9, "active": true, "parent": null,
   "nested": {"depth": 1, "items": [34, 60, {"flag": false, "note": "gamma\nxi"}], "empty": {}, "none": []}},
  {"id": 6, "name": "gamma \"beta\"", "tags": ["beta", "kappa"], "score": 5e1, "active": true, "parent": null,
   "nested": {"depth": 5, "items": [14, 63, {"flag": false, "note": "kappa\ngamma"}], "empty": {}, "none": []}},
  {"id": 7, "name": "beta \"eta\"", "tags": ["eta", "kappa"], "score": -7.82E+2, "active": false, "parent": null,
   "nested": {"depth": 5, "items": [35, 17, {"flag": false, "note": "kappa\nbeta"}], "empty": {}, "none": []}},
  {"id": 8, "name": "xi \"sigma\"", "tags": ["sigma", "iota"], "score": 367.87, "active": true, "parent": null,
   "nested": {"depth": 2, "items": [1, 62, {"flag": false, "note": "iota\nxi"}], "empty": {}, "none": []}},
  {"id": 9, "name": "tau \"zeta\"", "tags": ["zeta", "iota"], "score": 7e3, "active": true, "parent": null,
   "nested": {"depth": 5, "items": [79, 83, {"flag": false, "note": "iota\ntau"}], "empty": {}, "none": []}},
  {"id": 10, "name": "beta \"omicron\"", "tags": ["omicron", "nu"], "score": 3044, "active": true, "parent": null,
   "nested": {"depth": 4, "items": [20, 14, {"flag": false, "note": "nu\nbeta"}], "empty": {}, "none": []}},
  {"id": 11, "name": "lambda \"beta\"", "tags": ["beta", "delta"], "score": -9992, "active": true, "parent": null,
   "nested": {"depth": 5, "items": [48, 19, {"flag": false, "note": "delta\nlambda"}], "empty": {}, "none": []}},
  {"id": 12, "name": "iota \"mu\"", "tags": ["mu", "sigma"], "score": 5537, "active": true, "parent": null,
   "nested": {"depth": 1, "items": [95, 43, {"flag": false, "note": "sigma\niota"}], "empty": {}, "none": []}},
  {"id": 13, "name": "iota \"pi\"", "tags": ["pi", "zeta"], "score": 6920, "active": false, "parent": null,
   "nested": {"depth": 1, "items": [89, 33, {"flag": false, "note": "zeta\niota"}], "empty": {}, "none": []}},
  {"id": 14, "name": "rho \"mu\"", "tags": ["mu", "zeta"], "score": 790.28, "active": true, "parent": null,
   "nested": {"depth": 2, "items": [51, 94, {"flag": false, "note": "zeta\nrho"}], "empty": {}, "none": []}},
  {"id": 15, "name": "theta \"eta\"", "tags": ["eta", "rho"], "score": 364.93, "active": false, "parent": null,
   "nested": {"depth": 4, "items": [92, 44, {"flag": false, "note": "rho\ntheta"}], "empty": {}, "none": []}},
  {"id": 16, "name": "mu \"gamma\"", "tags": ["gamma", "theta"], "score": -6652, "active": false, "parent": null,
   "nested": {"depth": 3, "items": [82, 10, {"flag": false, "note": "theta\nmu"}], "empty": {}, "none": []}},
  {"id": 17, "name": "delta \"nu\"", "tags": ["nu", "eta"], "score": -5.88E+12, "active": false, "parent": null,
   "nested": {"depth": 4, "items": [95, 10, {"flag": false, "note": "eta\ndelta"}], "empty": {}, "none": []}},
  {"id": 18, "name": "zeta \"tau\"", "tags": ["tau", "epsilon"], "score": -2.626E+9, "active": false, "parent": null,
   "nested": {"depth": 2, "items": [70, 70, {"flag": false, "note": "epsilon\nzeta"}], "empty": {}, "none": []}},
  {"id": 19, "name": "epsilon \"alpha\"", "tags": ["alpha", "sigma"], "score": -6632, "active": false, "parent": null,
   "nested": {"depth": 2, "items": [37, 64, {"flag": false, "note": "sigma\nepsilon"}], "empty": {}, "none": []}},
  {"id": 20, "name": "theta \"lambda\"", "tags": ["lambda", "iota"], "score": -7.678E+9, "active": true, "parent": null,
   "nested": {"depth": 5, "items": [19, 67, {"flag": false, "note": "iota\ntheta"}], "empty": {}, "none": []}},
  {"id": 21, "name": "rho \"alpha\"", "tags": ["alpha", "omicron"], "score": -3999, "active": true, "parent": null,
   "nested": {"depth": 3, "items": [87, 66, {"flag": false, "note": "omicron\nrho"}], "empty": {}, "none": []}},
  {"id": 22, "name": "rho \"sigma\"", "tags": ["sigma", "pi"], "score": -6523, "active": false, "parent": null,
   "nested": {"depth": 5, "items": [3, 97, {"flag": false, "note": "pi\nrho"}], "empty": {}, "none": []}},
  {"id": 23, "name": "gamma \"omicron\"", "tags": ["omicron", "lambda"], "score": -7.520E+8, "active": true, "parent": null,
   "nested": {"depth": 5, "items": [33, 71, {"flag": false, "note": "lambda\ngamma"}], "empty": {}, "none": []}}
]}]==]

local LITERAL, STRING, NUMBER, ARRAY, OBJECT = 1, 2, 3, 4, 5

local function count(v)
  local k = v.kind
  if k == ARRAY or k == OBJECT then
    local n = 1
    local values = v.values
    for i = 1, #values do n = n + count(values[i]) end
    return n
  end
  return 1
end

local function object_add(o, name, v)
  local names, values = o.names, o.values
  names[#names + 1] = name
  values[#values + 1] = v
  o.table[name] = #values
end

local function object_get(o, name)
  local i = o.table[name]
  if i == nil then return nil end
  return o.values[i]
end

local B_QUOTE, B_SLASH, B_BACKSLASH = byte('"'), byte('/'), byte('\\')
local B_0, B_9, B_a, B_f, B_A, B_F = byte('0'), byte('9'), byte('a'), byte('f'), byte('A'), byte('F')
local B_SPACE, B_TAB, B_NL, B_CR = byte(' '), byte('\t'), byte('\n'), byte('\r')
local B_b, B_n, B_r, B_t, B_u, B_e, B_E = byte('b'), byte('n'), byte('r'), byte('t'), byte('u'), byte('e'), byte('E')
local B_MINUS, B_PLUS, B_DOT, B_COMMA, B_COLON = byte('-'), byte('+'), byte('.'), byte(','), byte(':')
local B_LBRACK, B_RBRACK, B_LBRACE, B_RBRACE = byte('['), byte(']'), byte('{'), byte('}')

local function read(p)
  if p.index == p.len then
    p.current = -1
    return
  end
  p.index = p.index + 1
  p.current = byte(p.input, p.index)
end

local function read_char(p, c)
  if p.current ~= c then return false end
  read(p)
  return true
end

local function read_required_char(p, c)
  if not read_char(p, c) then error("expected " .. char(c)) end
end

local function is_digit(p)
  return p.current >= B_0 and p.current <= B_9
end

local function read_digit(p)
  if not is_digit(p) then return false end
  read(p)
  return true
end

local function is_white_space(p)
  local c = p.current
  return c == B_SPACE or c == B_TAB or c == B_NL or c == B_CR
end

local function skip_white_space(p)
  while is_white_space(p) do read(p) end
end

-- Positions are Go's (0-based): the byte at Go index i is byte(input, i + 1).
local function start_capture(p)
  p.captureStart = p.index - 1
end

local function pause_capture(p)
  p.buffer = p.buffer .. sub(p.input, p.captureStart + 1, p.index - 1)
end

local function end_capture(p)
  local e = p.index
  if p.current ~= -1 then e = p.index - 1 end
  local captured = p.buffer .. sub(p.input, p.captureStart + 1, e)
  p.buffer = ""
  return captured
end

local function hex_value(c)
  if c >= B_0 and c <= B_9 then return c - B_0 end
  if c >= B_a and c <= B_f then return c - B_a + 10 end
  if c >= B_A and c <= B_F then return c - B_A + 10 end
  error("expected a hexadecimal digit")
end

local function read_escape(p)
  read(p)
  local c = p.current
  if c == B_QUOTE or c == B_SLASH or c == B_BACKSLASH then
    p.buffer = p.buffer .. char(c)
  elseif c == B_b then
    p.buffer = p.buffer .. "\b"
  elseif c == byte('f') then
    p.buffer = p.buffer .. "\f"
  elseif c == B_n then
    p.buffer = p.buffer .. "\n"
  elseif c == B_r then
    p.buffer = p.buffer .. "\r"
  elseif c == B_t then
    p.buffer = p.buffer .. "\t"
  elseif c == B_u then
    local code = 0
    for _ = 1, 4 do
      read(p)
      code = code * 16 + hex_value(p.current)
    end
    if code >= 128 then error("only ASCII escapes") end
    p.buffer = p.buffer .. char(code)
  else
    error("expected a valid escape sequence")
  end
  read(p)
end

local function read_string_internal(p)
  read(p)
  start_capture(p)
  while p.current ~= B_QUOTE do
    if p.current == B_BACKSLASH then
      pause_capture(p)
      read_escape(p)
      start_capture(p)
    elseif p.current < 0x20 then
      error("expected a valid string character")
    else
      read(p)
    end
  end
  local s = end_capture(p)
  read(p)
  return s
end

local function read_fraction(p)
  if not read_char(p, B_DOT) then return false end
  if not read_digit(p) then error("expected a digit") end
  while read_digit(p) do end
  return true
end

local function read_exponent(p)
  if not read_char(p, B_e) and not read_char(p, B_E) then return false end
  if not read_char(p, B_PLUS) then read_char(p, B_MINUS) end
  if not read_digit(p) then error("expected a digit") end
  while read_digit(p) do end
  return true
end

local function read_number(p)
  start_capture(p)
  read_char(p, B_MINUS)
  local first = p.current
  if not read_digit(p) then error("expected a digit") end
  if first ~= B_0 then
    while read_digit(p) do end
  end
  read_fraction(p)
  read_exponent(p)
  return { kind = NUMBER, s = end_capture(p) }
end

local function read_literal(p, word, which)
  read(p)
  for i = 2, #word do read_required_char(p, byte(word, i)) end
  return { kind = LITERAL, which = which }
end

local read_value

local function read_array(p)
  read(p)
  local a = { kind = ARRAY, values = {} }
  skip_white_space(p)
  if read_char(p, B_RBRACK) then return a end
  local values = a.values
  repeat
    skip_white_space(p)
    values[#values + 1] = read_value(p)
    skip_white_space(p)
  until not read_char(p, B_COMMA)
  read_required_char(p, B_RBRACK)
  return a
end

local function read_object(p)
  read(p)
  local o = { kind = OBJECT, names = {}, values = {}, table = {} }
  skip_white_space(p)
  if read_char(p, B_RBRACE) then return o end
  repeat
    skip_white_space(p)
    if p.current ~= B_QUOTE then error("expected a name") end
    local name = read_string_internal(p)
    skip_white_space(p)
    read_required_char(p, B_COLON)
    skip_white_space(p)
    object_add(o, name, read_value(p))
    skip_white_space(p)
  until not read_char(p, B_COMMA)
  read_required_char(p, B_RBRACE)
  return o
end

read_value = function(p)
  local c = p.current
  if c == B_n then return read_literal(p, "null", 0)
  elseif c == B_t then return read_literal(p, "true", 1)
  elseif c == byte('f') then return read_literal(p, "false", 2)
  elseif c == B_QUOTE then return { kind = STRING, s = read_string_internal(p) }
  elseif c == B_LBRACK then return read_array(p)
  elseif c == B_LBRACE then return read_object(p)
  end
  if c == B_MINUS or is_digit(p) then return read_number(p) end
  error("expected a value")
end

local function parse(input)
  local p = { input = input, len = #input, index = 0, current = 0, captureStart = 0, buffer = "" }
  read(p)
  skip_white_space(p)
  local v = read_value(p)
  skip_white_space(p)
  if p.current ~= -1 then error("unexpected character after the value") end
  return v
end

local total = 0
local name = ""
for _ = 1, 600 do
  local doc = parse(text)
  total = total + count(doc)
  local rec = object_get(doc, "records").values[6]
  name = object_get(rec, "name").s
end
print("json " .. total .. " " .. name)
