// Package frontend embeds the built web app served at / by the pmpath binary.
//
// dist/ holds the output of `npm run build` (make frontend). Only its
// .gitkeep is committed, so the Go code builds and tests before the app is
// built; the server then answers page requests with a problem saying so.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Dist returns the built app: index.html and its assets at the root.
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // "dist" is embedded above; Sub cannot fail
	}
	return sub
}
