// Package seed embeds the career catalog's seed files: certifications.yaml
// and one file per role in roles/. Parsing and validation live in
// internal/catalog.
package seed

import "embed"

// FS holds the seed files.
//
//go:embed certifications.yaml roles/*.yaml
var FS embed.FS
