// Package datafile reads the YAML data files pmpath ships (the seed catalog
// and the questionnaires) strictly, validates them by struct tags, and
// collects every problem with the file and field it concerns.
package datafile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"regexp"
	"strings"

	"github.com/go-playground/validator/v10"
	"go.yaml.in/yaml/v3"

	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/i18n"
)

// Problem is one thing wrong in a data file. Field is a path such as
// "roadmap[2].title.en", empty when the whole file is at fault.
type Problem struct {
	File    string
	Field   string
	Message string
}

func (p *Problem) Error() string {
	if p.Field == "" {
		return fmt.Sprintf("%s: %s", p.File, p.Message)
	}
	return fmt.Sprintf("%s: %s: %s", p.File, p.Field, p.Message)
}

// Problems is every problem found in a set of files.
type Problems []*Problem

func (ps Problems) Error() string {
	return "invalid data files:\n" + ps.List()
}

// List returns the problems one a line, each indented by two spaces.
func (ps Problems) List() string {
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = "  " + p.Error()
	}
	return strings.Join(msgs, "\n")
}

// Checker decodes and validates files, collecting problems. Its tags, on
// top of validator's own: slug, itemid, track, stage, dimension; and every
// i18n.Text must have all its translations.
type Checker struct {
	v        *validator.Validate
	prefix   string
	problems Problems
}

var (
	slugPattern   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	itemIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,31}$`)
)

// ValidSlug reports whether s is lower-case words joined by hyphens.
func ValidSlug(s string) bool { return slugPattern.MatchString(s) }

// NewChecker returns a Checker whose messages name files as prefix+name
// (for example "seed/" + "roles/pm.yaml").
func NewChecker(prefix string) *Checker {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	for tag, fn := range map[string]func(string) bool{
		"slug":   ValidSlug,
		"itemid": itemIDPattern.MatchString,
		"track":  func(s string) bool { return construct.ValidTrack(construct.Track(s)) },
		"stage": func(s string) bool {
			_, ok := construct.Rank(construct.Stage(s))
			return ok
		},
		"dimension": func(s string) bool {
			_, ok := construct.LookupDimension(construct.Dimension(s))
			return ok
		},
	} {
		if err := v.RegisterValidation(tag, func(fl validator.FieldLevel) bool { return fn(fl.Field().String()) }); err != nil {
			panic(err) // the tag names above are static
		}
	}
	v.RegisterStructValidation(func(sl validator.StructLevel) {
		t := sl.Current().Interface().(i18n.Text)
		for _, l := range t.Missing() {
			sl.ReportError(t.In(l), string(l), string(l), "translation", "")
		}
	}, i18n.Text{})
	return &Checker{v: v, prefix: prefix}
}

// Add records a problem.
func (c *Checker) Add(file, field, format string, args ...any) {
	c.problems = append(c.problems, &Problem{File: c.prefix + file, Field: field, Message: fmt.Sprintf(format, args...)})
}

// Err returns the problems found so far, or nil.
func (c *Checker) Err() error {
	if len(c.problems) == 0 {
		return nil
	}
	return c.problems
}

// DecodeFile reads file from fsys and decodes it like Decode.
func (c *Checker) DecodeFile(fsys fs.FS, file string, into any) bool {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		c.Add(file, "", "cannot read: %v", err)
		return false
	}
	return c.Decode(file, data, into)
}

// Decode parses one YAML document strictly: unknown fields are problems.
func (c *Checker) Decode(file string, data []byte, into any) bool {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(into); err != nil {
		if errors.Is(err, io.EOF) {
			err = errors.New("file is empty")
		}
		c.Add(file, "", "cannot parse: %v", err)
		return false
	}
	return true
}

var messages = map[string]string{
	"required":    "is required",
	"translation": "needs a translation",
	"slug":        "must be lower-case words joined by hyphens",
	"itemid":      "must be 1-32 lower-case letters, digits, - or _",
	"track":       "must be pm or pmo",
	"stage":       "must be one of foundation, coordinator, practitioner, lead, manager, executive",
	"dimension":   "is not a known dimension",
	"url":         "must be an absolute URL",
}

// Validate checks v by its struct tags and records each failure at
// prefix.field.
func (c *Checker) Validate(file, prefix string, v any) {
	err := c.v.Struct(v)
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		if err != nil {
			c.Add(file, prefix, "%v", err)
		}
		return
	}
	for _, fe := range verrs {
		// Namespace starts with the Go type name: drop it.
		_, field, _ := strings.Cut(fe.Namespace(), ".")
		if prefix != "" {
			field = prefix + "." + field
		}
		msg, ok := messages[fe.Tag()]
		if !ok {
			msg = fmt.Sprintf("fails %s=%s (value %v)", fe.Tag(), fe.Param(), fe.Value())
		}
		c.Add(file, field, "%s", msg)
	}
}
