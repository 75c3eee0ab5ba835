package main

import (
	"bufio"
	"context"
	"database/sql"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Machine describes where the figures were taken.
type Machine struct {
	Date     time.Time
	CPUs     int
	CPUModel string
	MemTotal int64 // bytes
	Kernel   string
	Go       string
	Postgres string
	SQLite   string
}

// describeMachine reads the machine from /proc and asks each database for
// its version; pg may be nil when no PostgreSQL is used.
func describeMachine(ctx context.Context, pg, lite *sql.DB) Machine {
	m := Machine{Date: time.Now().UTC(), CPUs: runtime.NumCPU(), CPUModel: "unknown CPU", Go: runtime.Version(), Kernel: "Linux", Postgres: "no PostgreSQL", SQLite: "?"}
	if v := procField("/proc/cpuinfo", "model name"); v != "" {
		m.CPUModel = v
	}
	if v := procField("/proc/meminfo", "MemTotal"); v != "" {
		if f := strings.Fields(v); len(f) == 2 && f[1] == "kB" {
			kb, _ := strconv.ParseInt(f[0], 10, 64)
			m.MemTotal = kb << 10
		}
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = "Linux " + strings.TrimSpace(string(b))
	}
	if pg != nil {
		var v string
		if pg.QueryRowContext(ctx, "SHOW server_version").Scan(&v) == nil {
			m.Postgres = "PostgreSQL " + strings.Fields(v)[0]
		}
	}
	if lite != nil {
		_ = lite.QueryRowContext(ctx, "SELECT sqlite_version()").Scan(&m.SQLite)
	}
	return m
}

// procField returns the value of the first "key: value" line of a /proc
// file.
func procField(path, key string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
