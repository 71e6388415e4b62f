package generator

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/accord-handbook/accord/generator/model"
	"github.com/accord-handbook/accord/generator/validate"
)

// AsOf is the date a handbook is built as of: flag when given
// (YYYY-MM-DD), else the UTC date of SOURCE_DATE_EPOCH when set (the
// reproducible-builds convention), else today's local date.
func AsOf(flag string) (model.Date, error) {
	if flag != "" {
		t, err := time.Parse("2006-01-02", flag)
		if err != nil {
			return model.Date{}, fmt.Errorf("--as-of %q: want a date like 2026-12-06", flag)
		}
		return model.Date{Time: t}, nil
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return model.Date{}, fmt.Errorf("SOURCE_DATE_EPOCH %q: want seconds since 1970", s)
		}
		return day(time.Unix(sec, 0).UTC()), nil
	}
	return day(time.Now()), nil
}

func day(t time.Time) model.Date {
	return model.Date{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}
}

// asOf is opts.AsOf, or today's date when it is not set (tests, tools).
func (o Options) asOf() model.Date {
	if !o.AsOf.IsZero() {
		return o.AsOf
	}
	d, err := AsOf("")
	if err != nil {
		return day(time.Now())
	}
	return d
}

// CheckBaseURL reports a --base-url that is not an absolute http or https
// address, as [site] base_url is checked.
func CheckBaseURL(s string) error { return validate.CheckBaseURL(s) }
