package main

import "fmt"

type Celsius float64
type Fahrenheit float64

func (c Celsius) Unit() string    { return "C" }
func (f Fahrenheit) Unit() string { return "F" }

type Temp interface {
	~float64
	Unit() string
}

func Avg[T Temp](ts ...T) string {
	var sum T
	for _, t := range ts {
		sum += t
	}
	avg := sum / T(len(ts))
	return fmt.Sprintf("%.1f%s", float64(avg), avg.Unit())
}

func Warmest[T Temp](ts []T) T {
	best := ts[0]
	for _, t := range ts[1:] {
		if t > best {
			best = t
		}
	}
	return best
}

func main() {
	fmt.Println(Avg(Celsius(20), Celsius(25)))
	fmt.Println(Avg[Fahrenheit](50, 70, 90))
	w := Warmest([]Celsius{3, 17.5, 9})
	fmt.Println(w, w.Unit())
}
