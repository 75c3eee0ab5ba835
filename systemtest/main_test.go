//go:build slow

package systemtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/pmpath/pmpath/internal/store/storetest"
)

// binary is the pmpath executable built for this run.
var binary string

// TestMain builds pmpath once for every test, and refuses to run without
// PostgreSQL: this suite exists to prove behaviour on it, so a missing
// server is a failure, not a skip.
func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	if os.Getenv(storetest.EnvPostgres) == "" {
		fmt.Fprintf(os.Stderr, "systemtest: %s is not set; the slow suite runs pmpath on PostgreSQL and needs a server "+
			"(make test-slow sets it, e.g. to postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable)\n", storetest.EnvPostgres)
		return 2
	}
	dir, err := os.MkdirTemp("", "pmpath-systemtest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "systemtest:", err)
		return 2
	}
	defer os.RemoveAll(dir)
	binary = filepath.Join(dir, "pmpath")
	// The module root is the parent of this package's directory, which is
	// where `go test` runs the test binary.
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Dir = ".."
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "systemtest: go build pmpath: %v\n%s", err, out)
		return 2
	}
	return m.Run()
}
