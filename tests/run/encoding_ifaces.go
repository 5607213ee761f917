package main

import (
	"encoding"
	"encoding/json"
	"fmt"
	"strings"
)

type Color struct{ R, G, B uint8 }

func (c Color) MarshalText() ([]byte, error) {
	return []byte(fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)), nil
}

func (c *Color) UnmarshalText(b []byte) error {
	_, err := fmt.Sscanf(string(b), "#%02x%02x%02x", &c.R, &c.G, &c.B)
	return err
}

func (c Color) MarshalBinary() ([]byte, error) { return []byte{c.R, c.G, c.B}, nil }

func (c *Color) UnmarshalBinary(b []byte) error {
	if len(b) != 3 {
		return fmt.Errorf("color: want 3 bytes, got %d", len(b))
	}
	c.R, c.G, c.B = b[0], b[1], b[2]
	return nil
}

var (
	_ encoding.TextMarshaler     = Color{}
	_ encoding.TextUnmarshaler   = (*Color)(nil)
	_ encoding.BinaryMarshaler   = Color{}
	_ encoding.BinaryUnmarshaler = (*Color)(nil)
)

func roundTrip[T any, PT interface {
	*T
	encoding.BinaryUnmarshaler
}](m encoding.BinaryMarshaler) (T, error) {
	var t T
	b, err := m.MarshalBinary()
	if err != nil {
		return t, err
	}
	err = PT(&t).UnmarshalBinary(b)
	return t, err
}

func main() {
	c := Color{255, 128, 0}
	t, _ := c.MarshalText()
	fmt.Println(string(t))
	back, err := roundTrip[Color](c)
	fmt.Println(back, err)
	var bad Color
	fmt.Println(bad.UnmarshalBinary([]byte{1}))

	out, _ := json.Marshal(map[string]Color{"orange": c})
	fmt.Println(string(out))
	var m map[string]Color
	err = json.NewDecoder(strings.NewReader(`{"teal":"#008080"}`)).Decode(&m)
	fmt.Println(m, err)
	var any1 any = &c
	_, isTU := any1.(encoding.TextUnmarshaler)
	_, isTA := any1.(encoding.TextAppender)
	fmt.Println(isTU, isTA)
}
