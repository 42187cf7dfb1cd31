package rules

var severityNames = []string{Info: "info", Warning: "warning", Error: "error"}

func (s Severity) String() string {
	if s >= Info && s <= Error {
		return severityNames[s]
	}
	return "invalid"
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(name string) (Severity, bool) {
	for s := Info; s <= Error; s++ {
		if severityNames[s] == name {
			return s, true
		}
	}
	return 0, false
}

// UnmarshalText reads a severity from a policy file.
func (s *Severity) UnmarshalText(b []byte) error {
	v, ok := ParseSeverity(string(b))
	if !ok {
		hint := didYouMean(string(b), severityNames[Info:])
		if hint == "" {
			hint = `want "error", "warning" or "info"`
		}
		return errorf(hint, "unknown severity %q", b)
	}
	*s = v
	return nil
}
