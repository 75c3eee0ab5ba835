// Package frontend embeds the built web app served at / by the pmpath binary.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed dist
var dist embed.FS

// Dist returns the built app: index.html and its assets at the root.
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // "dist" is embedded above; Sub cannot fail
	}
	return sub
}
