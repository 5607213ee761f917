// 32 text tabwriter
package main

import (
	"fmt"
	"os"
	"text/tabwriter"
)

func main() {
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tSTATUS\tAGE")
	fmt.Fprintln(w, "web-1\tRunning\t3d")
	fmt.Fprintln(w, "database-primary\tPending\t12m")
	fmt.Fprintln(w, "cache\tCrashLoopBackOff\t1h")
	w.Flush()
	w = tabwriter.NewWriter(os.Stdout, 8, 0, 1, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(w, "1\t22\t333\t")
	fmt.Fprintln(w, "4444\t55\t6\t")
	w.Flush()
}
