//go:build slow

package systemtest

import (
	"io"
	"net"
	"sync"
	"testing"
)

// proxy is a TCP proxy between pmpath and its PostgreSQL server that the
// test can cut or stall, taking this one test's database away without
// touching the server other tests share.
type proxy struct {
	t      *testing.T
	ln     net.Listener
	target string

	mu    sync.Mutex
	state proxyState
	conns map[net.Conn]bool
}

type proxyState int

const (
	forwarding proxyState = iota
	refusing              // new connections are closed at once
	stalling              // new connections are held open, silent
)

// startProxy listens on a free local port and forwards to target.
func startProxy(t *testing.T, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("proxy: %v", err)
	}
	p := &proxy{t: t, ln: ln, target: target, conns: map[net.Conn]bool{}}
	t.Cleanup(func() {
		ln.Close()
		p.set(refusing)
	})
	go p.serve()
	return p
}

// Addr is the address pmpath should connect to.
func (p *proxy) Addr() string { return p.ln.Addr().String() }

func (p *proxy) serve() {
	for {
		client, err := p.ln.Accept()
		if err != nil {
			return // closed at cleanup
		}
		go p.forward(client)
	}
}

func (p *proxy) forward(client net.Conn) {
	p.mu.Lock()
	state := p.state
	if state == stalling {
		p.conns[client] = true // closed by restore or cleanup
	}
	p.mu.Unlock()
	switch state {
	case refusing:
		client.Close()
		return
	case stalling:
		return
	}
	server, err := net.Dial("tcp", p.target)
	if err != nil {
		client.Close()
		return
	}
	if !p.track(client, server) {
		return
	}
	go func() {
		_, _ = io.Copy(server, client)
		server.Close()
	}()
	_, _ = io.Copy(client, server)
	client.Close()
	p.untrack(client, server)
}

// track registers a live pair, or closes it when the proxy went down
// meanwhile.
func (p *proxy) track(conns ...net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.state != forwarding {
		for _, c := range conns {
			c.Close()
		}
		return false
	}
	for _, c := range conns {
		p.conns[c] = true
	}
	return true
}

func (p *proxy) untrack(conns ...net.Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range conns {
		delete(p.conns, c)
	}
}

// cut takes the database away: open connections break mid-stream and new
// ones are closed as soon as they are made.
func (p *proxy) cut() { p.set(refusing) }

// stall takes the database away as a hung host does: open connections
// break, and new ones are accepted but never answered.
func (p *proxy) stall() { p.set(stalling) }

// restore brings the database back for new connections.
func (p *proxy) restore() { p.set(forwarding) }

// set changes state, closing every connection open until now.
func (p *proxy) set(s proxyState) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.state = s
	for c := range p.conns {
		c.Close()
		delete(p.conns, c)
	}
}
