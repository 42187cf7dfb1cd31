package dsn

import "strconv"

// Kind is the grammar a DSN was written in.
type Kind uint8

// The grammars.
const (
	KindUnknown  Kind = iota
	KindURL           // scheme://[user[:password]@]host[:port][,host...][/path][?query]
	KindKeyValue      // libpq: key=value key='quoted value'
	KindMySQL         // go-sql-driver/mysql: [user[:password]@][net[(addr)]]/dbname[?k=v&...]
	KindADO           // sqlserver ADO: key=value;key=value
	KindFragment      // bare query fragment: ?a=1&b=2, &a=1, a=1&b=2
)

var kindNames = [...]string{"unknown", "url", "keyvalue", "mysql", "ado", "fragment"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Span is a half-open byte range [Start, End) of the input.
type Span struct{ Start, End int }

// Len reports the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Param is one parameter, in input order.
type Param struct {
	Key       string // decoded key, case as written
	Value     string // decoded value
	KeySpan   Span   // raw key bytes
	ValueSpan Span   // raw value bytes, quotes included; empty span for an empty value
	pragma    bool   // ExpandPragmas named it _pragma:<name>
}

// Host is one host of a (possibly multi-host) DSN. Port is "" when absent.
type Host struct{ Name, Port string }

// InsertPoint says where and how a missing parameter is added.
type InsertPoint struct {
	Offset int    // byte offset in the input where the new text goes
	Sep    string // written before "key=value": "?", "&", " ", ";" or ""
}

// DSN is a parsed connection string.
type DSN struct {
	Input       string
	Kind        Kind
	Scheme      string // lower-case URL scheme, "" for non-URL grammars
	Driver      string // hint from the grammar: "postgres", "mysql", "sqlserver", "redis", or ""
	Hosts       []Host
	User        string
	HasPassword bool
	Password    Span // raw password bytes; zero when HasPassword is false
	// userinfo is the password written in a URL's userinfo. Redaction masks
	// it even when a ?password= parameter overrides it (then Password is
	// the parameter's).
	userinfo Span
	Database string
	Params   []Param
	Insert   InsertPoint
	pragmas  bool // ExpandPragmas renamed a parameter
}

// Lookup returns the parameters whose key equals key, in input order.
// Keys compare as the driver does: case-insensitively for sqlserver
// (KindADO and sqlserver:// URLs) and exactly otherwise.
func (d *DSN) Lookup(key string) []Param {
	var out []Param
	for _, p := range d.Params {
		if d.sameKey(p.Key, key) {
			out = append(out, p)
		}
	}
	return out
}

// Edit replaces the input bytes [Start, End) with New.
type Edit struct {
	Start, End int
	New        string
}

// Apply returns s with the edit applied; s itself when the edit is not OK.
func (e Edit) Apply(s string) string {
	if !e.OK() || e.End > len(s) {
		return s
	}
	return s[:e.Start] + e.New + s[e.End:]
}

// OK reports whether the edit can be applied. SetValue and Add return an
// edit that is not OK when the grammar cannot express the change without
// altering other parameters.
func (e Edit) OK() bool { return e.Start >= 0 && e.Start <= e.End }

// Error is a malformed DSN. Offset is the byte offset of the problem.
// Msg never contains the password.
type Error struct {
	Kind   Kind
	Offset int
	Msg    string
}

func (e *Error) Error() string {
	return e.Kind.String() + " DSN: at byte " + strconv.Itoa(e.Offset) + ": " + e.Msg
}
