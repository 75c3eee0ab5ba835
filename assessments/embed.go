// Package assessments embeds the questionnaire definitions, one file per
// published version at <slug>/v<version>.yaml. Parsing and validation live
// in internal/questionnaire.
package assessments

import "embed"

// FS holds the questionnaire files.
//
//go:embed */v*.yaml
var FS embed.FS
