package main

import (
	"bufio"
	"fmt"
	"os"
)

// Binary search; fmt.Println on os.Stdout is unbuffered, so each guess goes out at once.
func main() {
	in := bufio.NewScanner(os.Stdin)
	lo, hi := 1, 1000000000
	for lo <= hi {
		mid := (lo + hi) / 2
		fmt.Println(mid)
		if !in.Scan() {
			return
		}
		switch in.Text() {
		case "higher":
			lo = mid + 1
		case "lower":
			hi = mid - 1
		default:
			return
		}
	}
}
