package config // want package:"poolcheck field reaches"

// The package holds defaults that other packages of the module use: facts
// carry them to the packages that import it.

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

type DB struct {
	MaxOpenConns int // want MaxOpenConns:"poolcheck default 0"
	MaxIdleConns int // want MaxIdleConns:"poolcheck default 2"
}

func Default() DB { return DB{MaxOpenConns: 0, MaxIdleConns: 2} }

// EnvInt returns def when the variable is unset.
func EnvInt(key string, def int) int { // want EnvInt:"poolcheck func summary"
	if n, err := strconv.Atoi(os.Getenv(key)); err == nil {
		return n
	}
	return def
}

// DSNs declared here and opened elsewhere: what this package can judge
// is reported here once.
const DefaultDSN = "app@tcp(db:3306)/app?timeout=5" // want `\[duration-missing-unit\] timeout=5` DefaultDSN:"poolcheck constant findings"

// PG's fields fill a DSN template: the values other packages write into
// them are judged where they are written.
type PG struct{ Host, SSL string }

func (c PG) URL() string { return fmt.Sprintf("host=%s sslmode='%s'", c.Host, c.SSL) }

// EnvStr returns def when the variable is unset.
func EnvStr(key, def string) string { // want EnvStr:"poolcheck func summary"
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

const DefaultSSLMode = "disable"

// Options takes its defaults from a method, and other packages read them
// through getters, one scaled from seconds.
type Options struct {
	MaxOpen         int
	MaxIdle         int // want MaxIdle:"poolcheck default 2"
	LifetimeSeconds int // want LifetimeSeconds:"poolcheck default -1"
	IdleSeconds     int // want IdleSeconds:"poolcheck default 30"
	Debug           bool
}

func (o *Options) Defaults(conns int) { // want Defaults:"poolcheck func summary"
	o.MaxOpen = conns // a parameter: no default
	o.MaxIdle = 2
	o.LifetimeSeconds = -1
	if o.IdleSeconds == 0 {
		o.IdleSeconds = 30
	}
	if o.Debug {
		o.MaxIdle = 1 // not a zero check of MaxIdle: not its default
	}
}

// Reset is not a defaults method: what it writes is no default.
func (o *Options) Reset() { o.MaxOpen = 1 }

func (o Options) MaxOpenConns() int { return o.MaxOpen } // want MaxOpenConns:"poolcheck func summary"

func (o Options) MaxIdleConns() int { return o.MaxIdle } // want MaxIdleConns:"poolcheck default 2" MaxIdleConns:"poolcheck func summary"

func (o Options) Lifetime() time.Duration { // want Lifetime:`poolcheck default -1 \* time.Second` Lifetime:"poolcheck func summary"
	return time.Duration(o.LifetimeSeconds) * time.Second
}

// Twice is not a getter: it computes.
func (o Options) Twice() int { return o.MaxIdle + o.MaxIdle }

// Server nests its pool settings: the nested literal a constructor
// returns gives their defaults too.
type Server struct {
	Name string
	Pool PoolConfig
}

type PoolConfig struct {
	MaxOpen  int           // want MaxOpen:"poolcheck default 1"
	Lifetime time.Duration // want Lifetime:`poolcheck default 5 \* time.Minute`
	IdleTime time.Duration // want IdleTime:"poolcheck default 300"
}

func DefaultServer() Server {
	return Server{Name: "api", Pool: PoolConfig{MaxOpen: 1, Lifetime: 5 * time.Minute, IdleTime: 300}}
}

// PoolOptions is filled by option functions; store reads its fields
// into a pool, which this package does not know.
type PoolOptions struct {
	MaxConns int
	Lifetime time.Duration
}

type PoolOption func(*PoolOptions)

func WithMaxConns(n int) PoolOption { // want WithMaxConns:"poolcheck func summary"
	return func(o *PoolOptions) { o.MaxConns = n }
}

// WithDoubled changes its parameter before it stores it: what the
// field holds is not the argument.
func WithDoubled(n int) PoolOption {
	return func(o *PoolOptions) {
		n *= 2
		o.MaxConns = n
	}
}

// Conn builds its DSN with += and a quoting helper: the fields it quotes
// fill their keys, and what other packages write into them is judged
// there.
type Conn struct{ Host, SSLMode string }

func quoteValue(v string) string {
	if v == "" {
		return "''"
	}
	return v
}

func (c Conn) DSN() string {
	dsn := "connect_timeout=10"
	if c.Host != "" {
		dsn += " host=" + quoteValue(c.Host)
	}
	if c.SSLMode != "" {
		dsn += " sslmode=" + quoteValue(c.SSLMode)
	}
	return dsn
}

// Mode's field goes through a helper that is not a quoting one: what is
// written into it is not what the DSN holds.
type Mode struct{ SSLMode string }

func pick(v string) string {
	if v == "" {
		return "disable"
	}
	return "verify-full"
}

func (m Mode) DSN() string {
	return "connect_timeout=10 sslmode=" + pick(m.SSLMode)
}

// Env is filled by another package's constructor (setup.Load), from the
// environment with this package's constants as fallbacks, and read by a
// package that imports that one (cmd).
type Env struct {
	MaxOpen  int
	Lifetime time.Duration
	Idle     int
	Timeout  time.Duration
	MaxIdle  int
}

const DefaultMaxOpen = 1

// TaggedPool has default tags and a constructor: where they agree, the
// constructor's literal is the default (a tag's 30m is its 30 *
// time.Minute); where they disagree, nothing is.
type TaggedPool struct {
	Lifetime time.Duration `default:"30m"` // want Lifetime:`poolcheck default 30 \* time.Minute`
	MaxOpen  int           `default:"20"`  // want MaxOpen:"poolcheck default 20"
	IdleTime time.Duration `default:"1m"`
}

func DefaultTaggedPool() *TaggedPool {
	return &TaggedPool{Lifetime: 30 * time.Minute, MaxOpen: 20, IdleTime: 2 * time.Minute}
}

// Table keeps its settings in an options table that getters read by
// key: the constants of the table's entries are the getters' defaults.
type tableOption struct {
	intValue int
	duration time.Duration
}

type Table struct{ options map[string]*tableOption }

func NewTable() *Table {
	return &Table{options: map[string]*tableOption{
		"MAX_CONNS": {intValue: 0},
		"LIFETIME":  {duration: 5 * time.Minute},
	}}
}

func (t *Table) MaxConns() int { return t.options["MAX_CONNS"].intValue } // want MaxConns:"poolcheck default 0"

func (t *Table) Lifetime() time.Duration { return t.options["LIFETIME"].duration } // want Lifetime:`poolcheck default 5 \* time.Minute`

// Idle reads a key the table does not hold: no default.
func (t *Table) Idle() int { return t.options["IDLE"].intValue }

// Shared takes its size from a defaults method that stores a parameter;
// this package's own code calls it with a constant, which is then the
// field's default. Global.Defaults gives MaxOpen 1 on both paths, its
// default; MaxIdle 2 on one and a parameter on the other: none.
type Shared struct {
	MaxOpen int // want MaxOpen:"poolcheck default 1"
	MaxIdle int
}

func (s *Shared) Defaults(open, idle int) { // want Defaults:"poolcheck func summary"
	s.MaxOpen = open
	s.MaxIdle = idle
}

func (s Shared) MaxOpenConns() int { return s.MaxOpen } // want MaxOpenConns:"poolcheck default 1" MaxOpenConns:"poolcheck func summary"

func (s Shared) MaxIdleConns() int { return s.MaxIdle } // want MaxIdleConns:"poolcheck func summary"

type Global struct{ DB Shared }

func (g *Global) Defaults(single bool, idle int) {
	if single {
		g.DB.Defaults(1, 2)
	} else {
		g.DB.Defaults(1, idle)
	}
}
