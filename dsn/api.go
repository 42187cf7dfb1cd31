package dsn

// Detect reports which grammar s is written in, without validating it.
func Detect(s string) Kind { panic("unimplemented") }

// Parse detects the grammar of s and parses it.
func Parse(s string) (*DSN, error) { panic("unimplemented") }

// ParseAs parses s in grammar k. KindFragment accepts any keys here;
// use ParseFragment to restrict them.
func ParseAs(s string, k Kind) (*DSN, error) { panic("unimplemented") }

// ParseFragment parses a bare query fragment (?a=1&b=2, &a=1, a=1&b=2).
// It fails unless known reports true for every key.
func ParseFragment(s string, known func(key string) bool) (*DSN, error) { panic("unimplemented") }

// Redacted returns the input with the password replaced by "xxxxx".
func (d *DSN) Redacted() string { panic("unimplemented") }

// SetValue returns the edit that sets parameter i to value, encoded or
// quoted as the grammar needs.
func (d *DSN) SetValue(i int, value string) Edit { panic("unimplemented") }

// Add returns the edit that appends key=value at d.Insert.
func (d *DSN) Add(key, value string) Edit { panic("unimplemented") }

func (d *DSN) sameKey(a, b string) bool { panic("unimplemented") }
