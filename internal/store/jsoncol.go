package store

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
)

// jsonCol stores a value as JSON: JSONB on PostgreSQL, TEXT on SQLite.
type jsonCol[T any] struct{ V T }

func jsonOf[T any](v T) jsonCol[T] { return jsonCol[T]{V: v} }

// Value implements driver.Valuer.
func (j jsonCol[T]) Value() (driver.Value, error) {
	b, err := json.Marshal(j.V)
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

// Scan implements sql.Scanner.
func (j *jsonCol[T]) Scan(src any) error {
	var b []byte
	switch s := src.(type) {
	case nil:
		var zero T
		j.V = zero
		return nil
	case []byte:
		b = s
	case string:
		b = []byte(s)
	default:
		return fmt.Errorf("jsonCol: cannot scan %T", src)
	}
	return json.Unmarshal(b, &j.V)
}
