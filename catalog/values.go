package catalog

import (
	"strconv"
	"strings"
	"time"
)

// syntax is the function a driver reads a raw value with. Parse calls the
// same function, so an error text it quotes is the driver's own.
type syntax uint8

const (
	readInt64    syntax = iota + 1 // strconv.ParseInt(s, 10, 64)
	readInt32                      // strconv.ParseInt(s, 10, 32)
	readUint64                     // strconv.ParseUint(s, 10, 64)
	readAtoi                       // strconv.Atoi
	readRustUint                   // Rust str::parse::<u64>/<usize>: optional '+', digits
	readDuration                   // time.ParseDuration
	readRedis                      // go-redis: strconv.Atoi as seconds, else time.ParseDuration
	readGo                         // a Go constant: decimal integer, or "N * time.Unit"
	readEnum                       // one of Knob.Enum
)

// Parse reads raw, spelled in k's unit, as a canonical value. A value the
// driver rejects or misreads comes with a Problem.
func (k *Knob) Parse(raw string) (Value, *Problem) {
	if raw == "" && k.empty && k.Default != "" {
		return k.Parse(k.Default)
	}
	if k.read == readEnum {
		return k.parseEnum(raw)
	}
	v, err := k.readNumber(raw)
	if err != nil {
		return Value{}, k.unreadable(raw, err)
	}
	return v, k.check(v)
}

// readNumber reads raw with the driver's syntax and scales it to k's unit.
func (k *Knob) readNumber(raw string) (Value, error) {
	switch k.read {
	case readDuration:
		d, err := time.ParseDuration(raw)
		return durationValue(d), err
	case readRedis:
		if n, err := strconv.Atoi(raw); err == nil {
			return durationValue(time.Duration(n) * time.Second), nil
		}
		d, err := time.ParseDuration(raw)
		return durationValue(d), err
	case readGo:
		n, err := parseGoConst(raw)
		return k.scale(n), err
	}
	n, err := readInteger(k.read, raw)
	return k.scale(n), err
}

// readInteger reads raw as an integer the way syntax s does.
func readInteger(s syntax, raw string) (int64, error) {
	switch s {
	case readInt32:
		return strconv.ParseInt(raw, 10, 32)
	case readUint64:
		n, err := strconv.ParseUint(raw, 10, 64)
		return int64(n), err
	case readAtoi:
		n, err := strconv.Atoi(raw)
		return int64(n), err
	case readRustUint:
		return parseRustUint(raw)
	}
	return strconv.ParseInt(raw, 10, 64)
}

// parseRustUint accepts what Rust's u64 FromStr accepts.
func parseRustUint(raw string) (int64, error) {
	s := strings.TrimPrefix(raw, "+")
	if s == "" || strings.TrimLeft(s, "0123456789") != "" {
		return 0, strconv.ErrSyntax
	}
	n, err := strconv.ParseUint(s, 10, 63)
	return int64(n), err
}

// scale turns an integer in k's unit into a canonical value.
func (k *Knob) scale(n int64) Value {
	if per, ok := unitSize[k.Unit]; ok {
		return durationValue(time.Duration(n) * per)
	}
	return Value{Kind: Count, N: n}
}

// unitSize is the length of one integer step of a duration unit.
var unitSize = map[Unit]time.Duration{
	UnitSeconds:           time.Second,
	UnitSecondsOrDuration: time.Second,
	UnitMillis:            time.Millisecond,
	UnitGoDuration:        time.Nanosecond,
}

func durationValue(d time.Duration) Value { return Value{Kind: Duration, D: d} }

// parseEnum reads raw as one of k.Enum.
func (k *Knob) parseEnum(raw string) (Value, *Problem) {
	key := raw
	if k.fold {
		key = strings.ToLower(raw)
	}
	if c, ok := k.Enum[key]; ok {
		return Value{Kind: Enum, S: c}, nil
	}
	if c, ok := k.caseless[strings.ToLower(raw)]; ok {
		return Value{Kind: Enum, S: c}, nil
	}
	if k.custom != "" && strings.HasPrefix(raw, k.custom) {
		return Value{}, nil
	}
	var v Value
	if k.otherValue != "" {
		v = Value{Kind: Enum, S: k.otherValue}
	}
	if k.other == nil {
		return v, nil
	}
	return v, k.other.problem(k, raw, "")
}

// Format spells v in k's unit. It reports false when the unit cannot
// express v exactly (1.5s in integer seconds).
func (k *Knob) Format(v Value) (string, bool) {
	switch {
	case k.Unit == UnitEnum:
		return k.formatEnum(v)
	case v.Kind == Count && (k.Unit == UnitCount || k.Unit == UnitGoCount):
		return strconv.FormatInt(v.N, 10), true
	case v.Kind != Duration:
		return "", false
	case k.Unit == UnitDuration || k.Unit == UnitSecondsOrDuration:
		return compactDuration(v.D), true
	case k.Unit == UnitGoDuration:
		return goDuration(v.D), true
	}
	per, ok := unitSize[k.Unit]
	if !ok || v.D%per != 0 {
		return "", false
	}
	return strconv.FormatInt(int64(v.D/per), 10), true
}

// formatEnum spells canonical v.S, preferring k.prefer, then the
// alphabetically first raw spelling.
func (k *Knob) formatEnum(v Value) (string, bool) {
	if v.Kind != Enum {
		return "", false
	}
	for _, raw := range k.prefer {
		if k.Enum[raw] == v.S {
			return raw, true
		}
	}
	best, found := "", false
	for raw, c := range k.Enum {
		if c == v.S && (!found || raw < best) {
			best, found = raw, true
		}
	}
	return best, found
}

// compactDuration is d.String() without zero minutes and seconds: "1h",
// "1h30m", "90s" -> "1m30s", "0".
func compactDuration(d time.Duration) string {
	if d == 0 {
		return "0"
	}
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// goUnits are the time constants, largest first.
var goUnits = []struct {
	name string
	d    time.Duration
}{
	{"time.Hour", time.Hour},
	{"time.Minute", time.Minute},
	{"time.Second", time.Second},
	{"time.Millisecond", time.Millisecond},
	{"time.Microsecond", time.Microsecond},
	{"time.Nanosecond", time.Nanosecond},
}

// goDuration spells d as Go source: "time.Minute", "20 * time.Second",
// "90 * time.Minute", "0", and a bare integer for whole nanoseconds.
func goDuration(d time.Duration) string {
	if d == 0 {
		return "0"
	}
	for _, u := range goUnits[:len(goUnits)-1] {
		if d%u.d != 0 {
			continue
		}
		if n := d / u.d; n != 1 {
			return strconv.FormatInt(int64(n), 10) + " * " + u.name
		}
		return u.name
	}
	return strconv.FormatInt(int64(d), 10)
}

// parseGoConst reads a Go constant as the analyzer passes it (a decimal
// integer) or as goDuration spells it.
func parseGoConst(raw string) (int64, error) {
	s := strings.TrimSpace(raw)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, nil
	}
	num, unit, found := strings.Cut(s, "*")
	if !found {
		num, unit = "1", s
	}
	n, err := strconv.ParseInt(strings.TrimSpace(num), 10, 64)
	if err != nil {
		return 0, err
	}
	unit = strings.TrimSpace(unit)
	for _, u := range goUnits {
		if u.name == unit {
			return n * int64(u.d), nil
		}
	}
	return 0, strconv.ErrSyntax
}

// String spells v in canonical units: "10", "20s", "1h30m", "disable",
// or "?" when v is unknown.
func (v Value) String() string {
	switch v.Kind {
	case Count:
		return strconv.FormatInt(v.N, 10)
	case Duration:
		return compactDuration(v.D)
	case Enum:
		return v.S
	}
	return "?"
}
