// httphello: the HTTP hello-world server that bench/http loads with wrk:
// one handler writing a short body. Listens on $PORT (default 8080).
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
)

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "Hello world")
	})
	log.Fatal(http.ListenAndServe("127.0.0.1:"+port, nil))
}
