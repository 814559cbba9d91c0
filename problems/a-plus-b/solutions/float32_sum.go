package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var n int
	fmt.Fscan(in, &n)
	for i := 0; i < n; i++ {
		var a, b float32
		fmt.Fscan(in, &a, &b)
		fmt.Fprintf(out, "%.0f\n", a+b)
	}
}
