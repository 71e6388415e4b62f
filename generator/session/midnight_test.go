package session

import (
	"testing"
	"time"
)

func TestNextDay(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	sh := time.FixedZone("CST", 8*3600)
	for _, c := range []struct {
		now  time.Time
		want time.Time
		wait time.Duration
	}{
		{time.Date(2026, 12, 6, 13, 0, 0, 0, sh), time.Date(2026, 12, 7, 0, 0, 1, 0, sh), 11*time.Hour + time.Second},
		{time.Date(2026, 12, 31, 23, 59, 59, 0, sh), time.Date(2027, 1, 1, 0, 0, 1, 0, sh), 2 * time.Second},
		{time.Date(2028, 2, 28, 12, 0, 0, 0, sh), time.Date(2028, 2, 29, 0, 0, 1, 0, sh), 12*time.Hour + time.Second},
		// The first second of a day still belongs to it: the next is tomorrow's.
		{time.Date(2026, 12, 7, 0, 0, 1, 0, sh), time.Date(2026, 12, 8, 0, 0, 1, 0, sh), 24 * time.Hour},
		// Daylight saving starts on 2026-03-08 in New York: that day has 23 hours.
		{time.Date(2026, 3, 8, 0, 0, 1, 0, ny), time.Date(2026, 3, 9, 0, 0, 1, 0, ny), 23 * time.Hour},
		{time.Date(2026, 11, 1, 0, 0, 1, 0, ny), time.Date(2026, 11, 2, 0, 0, 1, 0, ny), 25 * time.Hour},
	} {
		got := nextDay(c.now)
		if !got.Equal(c.want) || got.Sub(c.now) != c.wait {
			t.Errorf("nextDay(%v) = %v (in %v), want %v (in %v)", c.now, got, got.Sub(c.now), c.want, c.wait)
		}
	}
}
