package difftest

import (
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/lib/pq"
	"github.com/redis/go-redis/v9"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/dsn"
	"github.com/poolcheck/poolcheck/model"
)

var postgresNames = []string{"pgconn", "pgxpool", "pq"}
var redisNames = []string{"redis", "redis-cluster"}

// knownDiffs are the understood differences between poolcheck and the
// drivers, most specific first. Each match checks evidence for its reason.
// (Set in init: the matchers run checks, which classify with this table.)
var knownDiffs []*knownDiff

func init() { knownDiffs = knownTable }

var knownTable = []*knownDiff{
	{
		id:      "forwarded",
		targets: postgresNames,
		reason: "the catalog reports as Rejected a key the driver sends to the server as a run-time " +
			"parameter (a pool_* key given to pgx or lib/pq, ssl=false), which the server refuses at " +
			"connect time (unrecognized configuration parameter); the driver's parse keeps it in RuntimeParams",
		match: func(c *check, df diff) bool {
			s := c.problemSite(df)
			if s == nil || s.Problem.Code != catalog.CodeForwarded {
				return false
			}
			_, ok := runtimeParams(c.cfg)[s.Key]
			return ok
		},
	},
	{
		id:      "health-check-panics",
		targets: []string{"pgxpool"},
		reason: "pool_health_check_period <= 0 parses, then NewWithConfig's health-check goroutine " +
			"panics in time.NewTicker; the catalog reports the crash as Rejected",
		match: func(c *check, df diff) bool {
			s := c.problemSite(df)
			return s != nil && s.Problem.Code == catalog.CodePanics &&
				tickerPanics(c.cfg.(*pgxpool.Config).HealthCheckPeriod)
		},
	},
	{
		id:      "pool-size-panics",
		targets: redisNames,
		reason:  "a negative pool_size parses, then redis.NewClient panics (makechan: size out of range); the catalog reports the crash as Rejected",
		match: func(c *check, df diff) bool {
			s := c.problemSite(df)
			if s == nil || s.Problem.Code != catalog.CodePanics {
				return false
			}
			n := 0
			switch o := c.cfg.(type) {
			case *redis.Options:
				n = o.PoolSize
			case *redis.ClusterOptions:
				n = o.PoolSize
			}
			return redisPanics(n)
		},
	},
	{
		id:      "redis-parser-keys",
		targets: redisNames,
		reason: "the catalog's redis driver takes the keys of ParseURL, ParseClusterURL and ParseFailoverURL " +
			"together, but each parser rejects the others' (db and the aliases idle_timeout and max_conn_age " +
			"are ParseURL's, addr is ParseClusterURL's) and skip_verify outside rediss:// ParseURL, and " +
			"ParseURL rejects an alias given together with its key",
		match: func(c *check, df diff) bool {
			if df.field != "reject" {
				return false
			}
			_, list, ok := strings.Cut(c.derr.Error(), "redis: unexpected option: ")
			if !ok {
				return false
			}
			for _, k := range strings.Split(list, ", ") {
				if catalog.Unrecognized(catalog.Redis, k) != nil {
					return false
				}
			}
			return true
		},
	},
	{
		id:      "redis-cluster-url",
		targets: []string{"redis-cluster"},
		reason: "ParseClusterURL ignores the URL path and takes only redis:// and rediss://; dsn reads redis " +
			"URLs as ParseURL does (the path is a database number, unix:// is a socket). Evidence: ParseURL " +
			"agrees with poolcheck on accepting the input",
		match: func(c *check, df diff) bool {
			if df.field != "accept" && df.field != "reject" {
				return false
			}
			return !slices.ContainsFunc(run(redisT, c.in).diffs, func(d diff) bool { return d.field == df.field })
		},
	},
	{
		id:      "redis-opaque-url",
		targets: redisNames,
		reason: "go-redis takes whatever url.Parse calls a redis URL, including the opaque form without " +
			"\"//\" (\"redis:\" and \"redis:6379\" both connect to localhost:6379); dsn requires scheme://, " +
			"since host:port strings such as \"redis:6379\" are common and are not URLs. Evidence: the input " +
			"has no \"://\" after its scheme and url.Parse reads it as opaque",
		match: func(c *check, df diff) bool {
			u, err := url.Parse(c.in)
			return df.field == "accept" && err == nil && u.Host == "" &&
				!strings.HasPrefix(c.in[len(u.Scheme):], "://")
		},
	},
	{
		id:      "unix-socket-tls",
		targets: postgresNames,
		reason: "pgx and lib/pq, like libpq, ignore the TLS settings for a Unix socket host (with no host " +
			"given, pgx picks a socket directory such as /tmp when one exists); poolcheck reports sslmode as " +
			"written. Evidence: the driver's first host is a socket path",
		match: func(c *check, df diff) bool {
			tls := df.field == "tls_mode" && df.theirs == "disable"
			if s := c.problemSite(df); s != nil && s.Key == "sslmode" && s.Problem.Code == catalog.CodeNotInEnum {
				tls = true // configTLS, which rejects the word, never runs
			}
			if !tls {
				return false
			}
			switch cfg := c.cfg.(type) {
			case *pgconn.Config:
				nw, _ := pgconn.NetworkAddress(cfg.Host, cfg.Port)
				return nw == "unix"
			case *pgxpool.Config:
				nw, _ := pgconn.NetworkAddress(cfg.ConnConfig.Host, cfg.ConnConfig.Port)
				return nw == "unix"
			case *pq.Config:
				return strings.HasPrefix(cfg.Host, "/") || strings.HasPrefix(cfg.Host, "@")
			}
			return false
		},
	},
	{
		id:      "tls-upgrade",
		targets: postgresNames,
		reason: "the catalog's tls_mode reads sslmode (and ssl=true) alone; pgx and lib/pq upgrade it from other " +
			"keys: sslrootcert=system makes it verify-full (lib/pq: when sslmode is unset), sslnegotiation=direct " +
			"makes pgx's prefer require (pgx: sslrootcert=system even replaces an invalid sslmode). " +
			"Evidence: the input sets one of them and the driver's mode is the upgraded one",
		match: func(c *check, df diff) bool {
			if s := c.problemSite(df); s != nil && s.Key == "sslmode" && c.t.name != "pq" {
				// configTLS replaces any sslmode, even an invalid one,
				// with verify-full before it checks the word.
				ps := c.d.Lookup("sslrootcert")
				return len(ps) > 0 && ps[len(ps)-1].Value == "system"
			}
			if df.field != "tls_mode" {
				return false
			}
			last := func(k string) string {
				ps := c.d.Lookup(k)
				if len(ps) == 0 {
					return ""
				}
				return ps[len(ps)-1].Value
			}
			return last("sslrootcert") == "system" && df.theirs == "verify-full" ||
				last("sslnegotiation") == "direct" && df.ours == "prefer" && df.theirs == "require"
		},
	},
	{
		id:      "shadowed",
		targets: []string{"pgconn", "pgxpool", "pq", "redis", "redis-cluster"},
		reason: "a repeated setting: the driver keeps only the last value (pgx's settings map, go-redis " +
			"queryOptions.string) and never reads the others. poolcheck drops earlier occurrences of the " +
			"same key for pgx and go-redis (catalog LastWins) but still judges each one for lib/pq and " +
			"when two keys set one knob. " +
			"Evidence: a later parameter sets the same knob (or, for pgx, ssl=true overrides an earlier sslmode)",
		match: func(c *check, df diff) bool {
			s := c.problemSite(df)
			if s == nil {
				return false
			}
			for _, o := range c.pool.Sites[slices.Index(c.pool.Sites, s)+1:] {
				tls := s.Setting == catalog.TLSMode && o.Setting == catalog.TLSMode && o.Value.Kind == catalog.Enum
				if s.Knob != nil && o.Knob == s.Knob || s.Knob == nil && o.Key == s.Key || tls {
					return true
				}
			}
			return false
		},
	},
	{
		id:      "mysql-fallback",
		targets: []string{"mysql"},
		reason: "the catalog's tls_mode reads tls alone; allowFallbackToPlaintext=true adds a plaintext " +
			"fallback to it (skip-verify then behaves as preferred). Evidence: the driver's config has " +
			"AllowFallbackToPlaintext",
		match: func(c *check, df diff) bool {
			return df.field == "tls_mode" && c.cfg.(*mysql.Config).AllowFallbackToPlaintext
		},
	},
	{
		id:      "tls-config-name",
		targets: []string{"mysql", "pq"},
		reason: "a TLS word that names a config registered at run time (mysql tls=NAME with " +
			"mysql.RegisterTLSConfig; lib/pq sslmode=pqgo-NAME with pq.RegisterTLSConfig): the catalog " +
			"cannot know which names are registered, so it gives no value and no problem; the driver " +
			"rejects an unregistered name (this suite registers only \"custom\")",
		match: func(c *check, df diff) bool {
			key, msg := "tls", "unknown config name"
			if c.t.name == "pq" {
				key, msg = "sslmode", "is not supported"
			}
			s := c.site(key)
			return df.field == "reject" && strings.Contains(c.derr.Error(), msg) &&
				s != nil && s.Value.Kind == catalog.Unknown && s.Problem == nil
		},
	},
	{
		id:      "pq-url-grammar",
		targets: []string{"pq"},
		reason: "lib/pq reads URLs with net/url and converts them to keyword/value (convertURL: '+' is a " +
			"space, the first repeated key wins, '#' starts a fragment, empty values are dropped, per-host " +
			"ports fail); dsn follows pgx and libpq (doc.go, \"Where pgx and lib/pq v1.12.3 disagree\"). " +
			"Evidence: net/url rejects the URL, or the difference vanishes when poolcheck reads pq.ParseURL's own conversion",
		match: func(c *check, df diff) bool {
			if c.redo || pgGrammar(c.in) != dsn.KindURL {
				return false
			}
			kv, err := pq.ParseURL(c.in) //nolint:staticcheck // the oracle: how lib/pq reads a URL, deprecated or not
			if err != nil {
				return true
			}
			return !slices.ContainsFunc(rerun(c, kv).diffs, func(d diff) bool { return d.field == df.field })
		},
	},
	{
		id:      "pq-tls-combination",
		targets: []string{"pq"},
		reason: "lib/pq rejects a weak sslmode (disable, allow, prefer) together with sslnegotiation=direct, " +
			"and any sslmode but verify-full together with sslrootcert=system (newConfig); the catalog judges " +
			"sslmode alone. Evidence: lib/pq's error names the combination",
		match: func(c *check, df diff) bool {
			return df.field == "reject" && strings.Contains(c.derr.Error(), "pq: weak sslmode")
		},
	},
	{
		id:      "pq-database-key",
		targets: []string{"pq"},
		reason:  "lib/pq lets database= override dbname= whatever their order (setFromTag); pgx and dsn take the last of the two",
		match: func(c *check, df diff) bool {
			return df.field == "database" && len(c.d.Lookup("database")) > 0 && len(c.d.Lookup("dbname")) > 0
		},
	},
	{
		id:      "pq-vs-pgx",
		targets: []string{"pq"},
		reason: "where pgx and lib/pq read a string differently, dsn follows pgx (doc.go): lib/pq splits " +
			"keyword/value pairs on Unicode spaces, rejects a trailing backslash, accepts an empty key and NUL " +
			"bytes (%00 in a URL). Evidence: pgconn agrees with poolcheck on the same input, and lib/pq's " +
			"rejection is a grammar error",
		match: func(c *check, df diff) bool {
			switch df.field {
			case "accept", "hosts", "user", "database":
			case "reject":
				if !pqGrammarError.MatchString(c.derr.Error()) {
					return false
				}
			default:
				return false
			}
			return !slices.ContainsFunc(run(pgconnT, c.in).diffs, func(d diff) bool { return d.field == df.field })
		},
	},
	{
		id: "unmodelled",
		reason: "the driver rejects a part the catalog does not model (a port or host list, a key outside " +
			"the pool, timeout and TLS knobs, such as target_session_attrs or loc); its validation is left to " +
			"the driver. Evidence: with every modelled parameter set to a good value (dsn SetValue), the driver still rejects it",
		match: func(c *check, df diff) bool {
			return df.field == "reject" && stillRejected(c)
		},
	},
}

// problemSite returns the site a "problem:KEY" diff is about.
func (c *check) problemSite(df diff) *model.Site {
	key, ok := strings.CutPrefix(df.field, "problem:")
	if !ok {
		return nil
	}
	for _, s := range c.rejected() {
		if s.Key == key {
			return s
		}
	}
	return nil
}

// rerun compares the driver's result for c.in with poolcheck's reading
// of another spelling of it, in keyword/value form.
func rerun(c *check, kv string) *check {
	t := *c.t
	t.grammar = func(string) dsn.Kind { return dsn.KindKeyValue }
	cfg, derr := c.cfg, c.derr
	t.parse = func(string) (any, error) { return cfg, derr }
	cc := &check{t: &t, in: kv, redo: true}
	cc.cfg, cc.derr = cfg, derr
	return runWith(cc)
}

// stillRejected reports whether the driver rejects the input with every
// modelled parameter set to a good value.
func stillRejected(c *check) bool {
	s, ok := c.neutralized()
	if !ok {
		return false
	}
	_, err := safeParse(c.t, s)
	return err != nil
}

// pqGrammarError matches lib/pq's keyword/value syntax errors (fromDSN).
var pqGrammarError = regexp.MustCompile(`missing "=" after|missing character after backslash|unterminated quoted string`)
