package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"time"
)

// runtime/debug's settings hand back the previous value, BuildInfo
// prints and parses Go's text form, and ReadGCStats reports collections.
func main() {
	fmt.Println(debug.SetMaxStack(1 << 20))
	fmt.Println(debug.SetMaxStack(1 << 30))
	fmt.Println(debug.SetMaxThreads(500))
	fmt.Println(debug.SetMaxThreads(10000))
	fmt.Println(debug.SetPanicOnFault(true))
	fmt.Println(debug.SetPanicOnFault(false))
	fmt.Println(debug.SetCrashOutput(nil, debug.CrashOptions{}))

	bi := &debug.BuildInfo{
		GoVersion: "go1.27",
		Path:      "example.com/hello",
		Main:      debug.Module{Path: "example.com/hello", Version: "(devel)"},
		Deps: []*debug.Module{
			{Path: "golang.org/x/text", Version: "v0.14.0", Sum: "h1:abc="},
			{Path: "example.com/old", Version: "v1.0.0", Replace: &debug.Module{Path: "../old", Version: "(devel)"}},
		},
		Settings: []debug.BuildSetting{
			{Key: "-compiler", Value: "gc"},
			{Key: "CGO_ENABLED", Value: "0"},
			{Key: "-ldflags", Value: "-s -w"},
			{Key: "odd key", Value: "`x`"},
		},
	}
	text := bi.String()
	fmt.Print(text)
	back, err := debug.ParseBuildInfo(text)
	fmt.Println(err, back.GoVersion == "", back.Path, back.Main.Version)
	for _, d := range back.Deps {
		fmt.Println(d.Path, d.Version, d.Sum, d.Replace != nil)
	}
	for _, s := range back.Settings {
		fmt.Printf("%q=%q\n", s.Key, s.Value)
	}
	for _, bad := range []string{
		"mod\tonlypath\n",
		"path\tp\n=>\ta\tb\tc\n",
		"build\t=v\n",
		"build\tk v\n",
		"build\tk=a b\n",
		"build\t\"k\"x\n",
		"path\tp\nbuild\tnoequals\n",
	} {
		_, err := debug.ParseBuildInfo(bad)
		fmt.Println(err)
	}

	start := time.Now()
	runtime.GC()
	runtime.GC()
	var st debug.GCStats
	st.PauseQuantiles = make([]time.Duration, 5)
	debug.ReadGCStats(&st)
	n := st.NumGC
	if n > 256 {
		n = 256
	}
	fmt.Println(st.NumGC >= 2, int64(len(st.Pause)) == n, len(st.PauseEnd) == len(st.Pause))
	fmt.Println(!st.LastGC.Before(start.Add(-time.Second)), st.PauseTotal >= 0)
	ordered := true
	for i := 1; i < len(st.PauseQuantiles); i++ {
		ordered = ordered && st.PauseQuantiles[i-1] <= st.PauseQuantiles[i]
	}
	fmt.Println(ordered)
}
