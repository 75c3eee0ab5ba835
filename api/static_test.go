package api

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gin-gonic/gin"
)

// gz gzips s, as the build does.
func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// staticServer serves dist the way NewRouter does, over a real connection
// so that HEAD, Content-Length and ranges are what a browser gets.
func staticServer(t *testing.T, dist fstest.MapFS) *httptest.Server {
	t.Helper()
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.Use(securityHeaders())
	r.NoRoute(spaHandler(dist))
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	return srv
}

type staticReply struct {
	status int
	header http.Header
	body   []byte
}

func fetchStatic(t *testing.T, srv *httptest.Server, method, path string, header ...string) staticReply {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Add(header[i], header[i+1])
	}
	// The client must neither ask for gzip on its own nor undo a coding.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return staticReply{resp.StatusCode, resp.Header, body}
}

func TestStaticPrecompressed(t *testing.T) {
	const (
		js    = "console.log('the app, long enough to be worth compressing');"
		css   = "body{margin:0}"
		svg   = "<svg xmlns='http://www.w3.org/2000/svg'/>"
		index = "<!doctype html><html><body><div id=root></div></body></html>"
	)
	// Go has no brotli encoder; the server never decodes, so any bytes do
	// as long as they tell which file was sent.
	jsBr, indexBr := []byte("br:app.js"), []byte("br:index.html")
	jsGz, cssGz, svgGz := gz(t, js), gz(t, css), gz(t, svg)
	dist := fstest.MapFS{
		"index.html":            {Data: []byte(index)},
		"index.html.br":         {Data: indexBr},
		"assets/app-1a2b.js":    {Data: []byte(js)},
		"assets/app-1a2b.js.br": {Data: jsBr},
		"assets/app-1a2b.js.gz": {Data: jsGz},
		// The build skips a sibling no smaller than its file: no .br here.
		"assets/site-3c4d.css":    {Data: []byte(css)},
		"assets/site-3c4d.css.gz": {Data: cssGz},
		"favicon.svg":             {Data: []byte(svg)},
		"favicon.svg.gz":          {Data: svgGz},
		"assets/tiny-5e6f.js":     {Data: []byte("1")},
		// No type from the extension: the plain bytes are sent and sniffed.
		"assets/notes.pmpathdata":    {Data: []byte("plain notes")},
		"assets/notes.pmpathdata.gz": {Data: gz(t, "plain notes")},
	}
	srv := staticServer(t, dist)

	const jsType = "text/javascript; charset=utf-8"
	tests := []struct {
		name, path, accept   string
		wantCoding, wantType string
		wantBody             []byte
	}{
		{"a browser's list picks brotli", "/assets/app-1a2b.js", "gzip, deflate, br, zstd", "br", jsType, jsBr},
		{"gzip alone", "/assets/app-1a2b.js", "gzip", "gzip", jsType, jsGz},
		{"x-gzip is gzip", "/assets/app-1a2b.js", "x-gzip", "gzip", jsType, jsGz},
		{"codings are case-insensitive", "/assets/app-1a2b.js", "BR", "br", jsType, jsBr},
		{"no header", "/assets/app-1a2b.js", "", "", jsType, []byte(js)},
		{"identity only", "/assets/app-1a2b.js", "identity", "", jsType, []byte(js)},
		{"an unknown coding", "/assets/app-1a2b.js", "zstd", "", jsType, []byte(js)},
		{"br refused with q=0", "/assets/app-1a2b.js", "br;q=0, gzip", "gzip", jsType, jsGz},
		{"both refused", "/assets/app-1a2b.js", "br;q=0, gzip;q=0.0", "", jsType, []byte(js)},
		{"higher weight wins", "/assets/app-1a2b.js", "gzip;q=1, br;q=0.5", "gzip", jsType, jsGz},
		{"equal weights pick brotli", "/assets/app-1a2b.js", "gzip;q=0.8, br;q=0.8", "br", jsType, jsBr},
		{"star allows all", "/assets/app-1a2b.js", "*", "br", jsType, jsBr},
		{"star refused, gzip named", "/assets/app-1a2b.js", "gzip, *;q=0", "gzip", jsType, jsGz},
		{"star allowed, br refused", "/assets/app-1a2b.js", "*, br;q=0", "gzip", jsType, jsGz},
		{"an unreadable weight refuses", "/assets/app-1a2b.js", "br;q=high, gzip", "gzip", jsType, jsGz},
		{"a weight over 1 refuses", "/assets/app-1a2b.js", "br;q=2, gzip;q=NaN", "", jsType, []byte(js)},
		{"br wanted, only gzip built", "/assets/site-3c4d.css", "br", "", "text/css; charset=utf-8", []byte(css)},
		{"css in gzip keeps its type", "/assets/site-3c4d.css", "br, gzip", "gzip", "text/css; charset=utf-8", cssGz},
		{"svg in gzip keeps its type", "/favicon.svg", "gzip, br", "gzip", "image/svg+xml", svgGz},
		{"client route, index in brotli", "/quiz/resume", "br, gzip", "br", "text/html; charset=utf-8", indexBr},
		{"root, index in brotli", "/", "br", "br", "text/html; charset=utf-8", indexBr},
		{"index.html itself", "/index.html", "br", "br", "text/html; charset=utf-8", indexBr},
		{"index.html, gzip not built", "/", "gzip", "", "text/html; charset=utf-8", []byte(index)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hdr []string
			if tt.accept != "" {
				hdr = []string{"Accept-Encoding", tt.accept}
			}
			r := fetchStatic(t, srv, http.MethodGet, tt.path, hdr...)
			if r.status != http.StatusOK {
				t.Fatalf("status %d", r.status)
			}
			if got := r.header.Get("Content-Encoding"); got != tt.wantCoding {
				t.Errorf("Content-Encoding %q, want %q", got, tt.wantCoding)
			}
			if got := r.header.Get("Content-Type"); got != tt.wantType {
				t.Errorf("Content-Type %q, want %q", got, tt.wantType)
			}
			if !bytes.Equal(r.body, tt.wantBody) {
				t.Errorf("body %q, want %q", r.body, tt.wantBody)
			}
			if got := r.header.Get("Content-Length"); got != strconv.Itoa(len(tt.wantBody)) {
				t.Errorf("Content-Length %q, want %d", got, len(tt.wantBody))
			}
			// Every file here has a sibling, so a cache must key on the header.
			if got := r.header.Values("Vary"); len(got) != 1 || got[0] != "Accept-Encoding" {
				t.Errorf("Vary %q, want Accept-Encoding", got)
			}
			if csp := r.header.Get("Content-Security-Policy"); csp != appCSP {
				t.Errorf("Content-Security-Policy %q", csp)
			}
			wantCache := "public, max-age=31536000, immutable"
			if !strings.HasPrefix(tt.path, "/assets/") {
				wantCache = ""
			}
			if tt.wantType == "text/html; charset=utf-8" {
				wantCache = "no-cache"
			}
			if got := r.header.Get("Cache-Control"); got != wantCache {
				t.Errorf("Cache-Control %q, want %q", got, wantCache)
			}
		})
	}

	t.Run("the gzip sibling decodes to the file", func(t *testing.T) {
		r := fetchStatic(t, srv, http.MethodGet, "/assets/app-1a2b.js", "Accept-Encoding", "gzip")
		zr, err := gzip.NewReader(bytes.NewReader(r.body))
		if err != nil {
			t.Fatal(err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil || string(plain) != js {
			t.Errorf("decoded %q, %v; want %q", plain, err, js)
		}
	})

	t.Run("several Accept-Encoding lines are one list", func(t *testing.T) {
		r := fetchStatic(t, srv, http.MethodGet, "/assets/app-1a2b.js", "Accept-Encoding", "gzip", "Accept-Encoding", "br;q=0")
		if got := r.header.Get("Content-Encoding"); got != "gzip" {
			t.Errorf("Content-Encoding %q, want gzip", got)
		}
	})

	t.Run("a file without siblings does not vary", func(t *testing.T) {
		r := fetchStatic(t, srv, http.MethodGet, "/assets/tiny-5e6f.js", "Accept-Encoding", "br, gzip")
		if r.status != http.StatusOK || string(r.body) != "1" || r.header.Get("Content-Encoding") != "" {
			t.Errorf("status %d, coding %q, body %q", r.status, r.header.Get("Content-Encoding"), r.body)
		}
		if v := r.header.Get("Vary"); v != "" {
			t.Errorf("Vary %q on a file sent one way only", v)
		}
		if ct := r.header.Get("Content-Type"); ct != jsType {
			t.Errorf("Content-Type %q", ct)
		}
	})

	t.Run("a file without a type from its extension stays plain", func(t *testing.T) {
		r := fetchStatic(t, srv, http.MethodGet, "/assets/notes.pmpathdata", "Accept-Encoding", "gzip")
		if r.status != http.StatusOK || string(r.body) != "plain notes" || r.header.Get("Content-Encoding") != "" || r.header.Get("Vary") != "" {
			t.Errorf("status %d, coding %q, vary %q, body %q", r.status, r.header.Get("Content-Encoding"), r.header.Get("Vary"), r.body)
		}
		if ct := r.header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
			t.Errorf("Content-Type %q, want the sniffed text/plain", ct)
		}
	})

	t.Run("HEAD states the chosen file's length", func(t *testing.T) {
		r := fetchStatic(t, srv, http.MethodHead, "/assets/app-1a2b.js", "Accept-Encoding", "br")
		if r.status != http.StatusOK || len(r.body) != 0 {
			t.Fatalf("status %d, body %q", r.status, r.body)
		}
		if r.header.Get("Content-Encoding") != "br" || r.header.Get("Content-Length") != strconv.Itoa(len(jsBr)) ||
			r.header.Get("Content-Type") != jsType || r.header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("headers %v", r.header)
		}
		r = fetchStatic(t, srv, http.MethodHead, "/quiz", "Accept-Encoding", "gzip")
		if r.status != http.StatusOK || r.header.Get("Content-Length") != strconv.Itoa(len(index)) || r.header.Get("Cache-Control") != "no-cache" {
			t.Errorf("index: status %d, headers %v", r.status, r.header)
		}
	})

	t.Run("a range is taken from the bytes sent", func(t *testing.T) {
		r := fetchStatic(t, srv, http.MethodGet, "/assets/app-1a2b.js", "Accept-Encoding", "gzip", "Range", "bytes=0-3")
		if r.status != http.StatusPartialContent || !bytes.Equal(r.body, jsGz[:4]) {
			t.Fatalf("status %d, body %x; want 206 and %x", r.status, r.body, jsGz[:4])
		}
		if got, want := r.header.Get("Content-Range"), "bytes 0-3/"+strconv.Itoa(len(jsGz)); got != want {
			t.Errorf("Content-Range %q, want %q", got, want)
		}
		if r.header.Get("Content-Encoding") != "gzip" || r.header.Get("Content-Length") != "4" || r.header.Get("Content-Type") != jsType {
			t.Errorf("headers %v", r.header)
		}

		r = fetchStatic(t, srv, http.MethodGet, "/assets/app-1a2b.js", "Range", "bytes=-5")
		if r.status != http.StatusPartialContent || string(r.body) != js[len(js)-5:] || r.header.Get("Content-Encoding") != "" {
			t.Errorf("plain suffix range: status %d, coding %q, body %q", r.status, r.header.Get("Content-Encoding"), r.body)
		}

		r = fetchStatic(t, srv, http.MethodGet, "/assets/app-1a2b.js", "Accept-Encoding", "br", "Range", "bytes=9000-")
		if r.status != http.StatusRequestedRangeNotSatisfiable {
			t.Fatalf("status %d, want 416", r.status)
		}
		if ce := r.header.Get("Content-Encoding"); ce != "" {
			t.Errorf("the 416 error text is sent with Content-Encoding %q", ce)
		}
	})
}
