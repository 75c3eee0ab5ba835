package api

import (
	"bytes"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// precompressed are the siblings `npm run build` writes next to each text
// file of the web app (frontend/vite.config.ts), best first: on equal
// preference the client gets brotli, the smaller.
var precompressed = []struct{ coding, suffix string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// serveStatic answers with the file name of dist, or with its brotli or gzip
// sibling when the request's Accept-Encoding prefers one of those and the
// build wrote it. The Content-Type is always the plain file's, from its
// extension; a file with a sibling gets "Vary: Accept-Encoding". Ranges,
// HEAD and conditional requests are http.ServeContent's, applied to the
// bytes sent. Headers set before the call (Cache-Control, CSP) are kept.
func serveStatic(w http.ResponseWriter, r *http.Request, dist fs.FS, name string) error {
	ctype := mime.TypeByExtension(path.Ext(name))
	file, coding, varies := name, "", false
	// Without a type from the extension the plain file's bytes are sniffed,
	// which a compressed body cannot be: such a file is served as it is.
	if ctype != "" {
		best := 0.0
		for _, p := range precompressed {
			if st, err := fs.Stat(dist, name+p.suffix); err != nil || st.IsDir() {
				continue
			}
			varies = true
			if q := acceptsEncoding(r.Header, p.coding); q > best {
				best, file, coding = q, name+p.suffix, p.coding
			}
		}
	}
	f, err := dist.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	content, ok := f.(io.ReadSeeker)
	if !ok {
		data, err := io.ReadAll(f)
		if err != nil {
			return err
		}
		content = bytes.NewReader(data)
	}
	h := w.Header()
	if varies {
		h.Add("Vary", "Accept-Encoding")
	}
	if ctype != "" {
		h.Set("Content-Type", ctype)
	}
	if coding != "" {
		h.Set("Content-Encoding", coding)
		// ServeContent leaves out Content-Length once Content-Encoding is
		// set (for writers that compress on the fly); these bytes are final.
		w = fullLength{w, st.Size()}
	}
	http.ServeContent(w, r, name, st.ModTime(), content)
	return nil
}

// fullLength states the length of a whole (200) response.
type fullLength struct {
	http.ResponseWriter
	size int64
}

func (w fullLength) WriteHeader(code int) {
	if code == http.StatusOK && w.Header().Get("Content-Length") == "" {
		w.Header().Set("Content-Length", strconv.FormatInt(w.size, 10))
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w fullLength) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// acceptsEncoding returns the weight (0 to 1) the Accept-Encoding headers
// give coding (RFC 9110, section 12.5.3): its own entry's q, else that of
// "*", else 0. A request without the header gets no coding, as most
// servers do; "x-gzip" counts as "gzip"; an unreadable q counts as 0.
func acceptsEncoding(h http.Header, coding string) float64 {
	q, star := -1.0, -1.0
	for _, line := range h.Values("Accept-Encoding") {
		for _, item := range strings.Split(line, ",") {
			name, params, _ := strings.Cut(item, ";")
			name = strings.ToLower(strings.TrimSpace(name))
			if name == "x-gzip" {
				name = "gzip"
			}
			if name != coding && name != "*" {
				continue
			}
			w := weight(params)
			if name == coding {
				q = max(q, w)
			} else {
				star = max(star, w)
			}
		}
	}
	switch {
	case q >= 0:
		return q
	case star >= 0:
		return star
	}
	return 0
}

// weight reads the q parameter of one Accept-Encoding entry; without one the
// weight is 1.
func weight(params string) float64 {
	for _, p := range strings.Split(params, ";") {
		k, v, _ := strings.Cut(p, "=")
		if !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || !(q >= 0 && q <= 1) { // also NaN
			return 0
		}
		return q
	}
	return 1
}
