package model

import (
	"encoding/json"
	"fmt"
	"time"
)

// Date is a calendar date written as a TOML local date (2026-07-01).
type Date struct{ time.Time }

// UnmarshalTOML accepts a TOML date; a quoted string is refused so that the
// same field is never written two ways.
func (d *Date) UnmarshalTOML(v any) error {
	t, ok := v.(time.Time)
	if !ok {
		if s, isStr := v.(string); isStr {
			return valueErrorf("a date is written without quotes, like %s", dateHint(s))
		}
		return valueErrorf("expected a date like 2026-07-01")
	}
	d.Time = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return nil
}

func dateHint(s string) string {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("2006-01-02")
	}
	return "2026-07-01"
}

// String formats the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2006-01-02")
}

// MarshalJSON writes "YYYY-MM-DD".
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

func marshalStrings(s []string) []byte {
	if s == nil {
		s = []string{}
	}
	b, _ := json.Marshal(s)
	return b
}

// ValueErrorPrefix marks errors of this package's TOML unmarshalers, so the
// loader can tell a bad value from a TOML syntax error in the decoder's
// ParseError (which does not wrap the cause).
const ValueErrorPrefix = "accord value: "

func valueErrorf(format string, args ...any) error {
	return fmt.Errorf(ValueErrorPrefix+format, args...)
}

// ParseDate reads YYYY-MM-DD, as String writes it; "" is the zero Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	return Date{t}, err
}
