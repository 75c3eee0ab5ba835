// Package archtest holds the module's layering rules as tests: which of
// pmpath's packages may reach Gin and GORM, directly or through other
// packages. It has no code of its own; see imports_test.go.
package archtest
