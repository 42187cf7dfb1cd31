package difftest

import (
	"net"
	"net/url"
	"runtime"
	"strconv"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/redis/go-redis/v9"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/dsn"
)

var mysqlT = &target{
	name:    "mysql",
	driver:  catalog.MySQL,
	grammar: func(string) dsn.Kind { return dsn.KindMySQL },
	parse:   func(s string) (any, error) { return mysql.ParseDSN(s) },
	compare: mysqlCompare,
}

func mysqlCompare(c *check) {
	cfg := c.cfg.(*mysql.Config)
	c.cmpDur("timeout", cfg.Timeout)
	c.cmpDur("readTimeout", cfg.ReadTimeout)
	c.cmpDur("writeTimeout", cfg.WriteTimeout)
	if ours, ok := c.tlsValue("tls"); ok {
		c.eq("tls_mode", ours, mysqlTLS(cfg))
	} else if s := c.site("tls"); s != nil && s.Problem == nil {
		// No value: the catalog takes the word for a registered config's
		// name. It must not be one of the words the driver reads itself.
		switch cfg.TLSConfig {
		case "true", "false", "", "skip-verify", "preferred":
			c.add("tls_mode", "a config name (no value)", mysqlTLS(cfg))
		}
	}
	c.eq("user", c.d.User, cfg.User)
	pw := ""
	if c.d.HasPassword {
		pw = c.in[c.d.Password.Start:c.d.Password.End] // the driver does not decode it
	}
	c.eq("password", pw, cfg.Passwd)
	c.eq("database", c.d.Database, cfg.DBName)
	if len(c.d.Hosts) > 0 {
		h := c.d.Hosts[0]
		ours := h.Name
		if cfg.Net == "tcp" {
			ours = net.JoinHostPort(h.Name, h.Port)
			// The driver keeps the address as written when it splits
			// (ensureHavePort), so an empty port after ':' stays empty,
			// and adds 3306 when it does not.
			sh, sp, err := net.SplitHostPort(cfg.Addr)
			if err == nil && sh == h.Name && (sp == h.Port || h.Port == "" && sp == "3306") ||
				h.Port == "" && cfg.Addr == net.JoinHostPort(h.Name, "3306") {
				ours = cfg.Addr
			}
		}
		c.eq("hosts", ours, cfg.Addr)
	}
}

// mysqlTLS reads the TLS mode back from Config.normalize's result: no
// config is plaintext; InsecureSkipVerify encrypts without checks, and
// with AllowFallbackToPlaintext also falls back to plaintext (preferred);
// otherwise crypto/tls checks the chain and the host name.
func mysqlTLS(cfg *mysql.Config) string {
	switch {
	case cfg.TLS == nil:
		return "disable"
	case cfg.TLS.InsecureSkipVerify && cfg.AllowFallbackToPlaintext:
		return "prefer"
	case cfg.TLS.InsecureSkipVerify:
		return "require"
	case cfg.AllowFallbackToPlaintext:
		return "verify-full, falling back to plaintext"
	}
	return "verify-full"
}

func urlGrammar(string) dsn.Kind { return dsn.KindURL }

var redisT = &target{
	name:    "redis",
	driver:  catalog.Redis,
	grammar: urlGrammar,
	parse:   func(s string) (any, error) { return redis.ParseURL(s) },
	compare: func(c *check) {
		o := c.cfg.(*redis.Options)
		redisCompare(c, redisFields{o.PoolSize, o.MinIdleConns, o.MaxIdleConns, o.MaxActiveConns,
			o.PoolTimeout, o.DialTimeout, o.ReadTimeout, o.WriteTimeout, o.ConnMaxIdleTime, o.ConnMaxLifetime}, o.TLSConfig != nil, o.TLSConfig != nil && o.TLSConfig.InsecureSkipVerify, 10)
		if len(c.d.Hosts) > 0 {
			ours := c.d.Hosts[0].Name
			if o.Network == "tcp" {
				ours = redisAddr(c.d.Hosts[0])
			}
			c.eq("hosts", ours, o.Addr)
		}
		db, _ := strconv.Atoi(c.d.Database)
		c.eq("database", strconv.Itoa(db), strconv.Itoa(o.DB))
		c.eq("user", c.d.User, o.Username)
	},
}

var redisClusterT = &target{
	name:    "redis-cluster",
	driver:  catalog.Redis,
	grammar: urlGrammar,
	parse:   func(s string) (any, error) { return redis.ParseClusterURL(s) },
	compare: func(c *check) {
		o := c.cfg.(*redis.ClusterOptions)
		redisCompare(c, redisFields{o.PoolSize, o.MinIdleConns, o.MaxIdleConns, o.MaxActiveConns,
			o.PoolTimeout, o.DialTimeout, o.ReadTimeout, o.WriteTimeout, o.ConnMaxIdleTime, o.ConnMaxLifetime}, o.TLSConfig != nil, o.TLSConfig != nil && o.TLSConfig.InsecureSkipVerify, 5)
		var ours []string
		if u, err := url.Parse(c.in); err == nil && u.Host == "" {
			ours = append(ours, "localhost:6379") // ParseClusterURL always adds the URL's host
		}
		for _, h := range c.d.Hosts {
			ours = append(ours, redisAddr(h))
		}
		c.eq("hosts", join(ours), join(o.Addrs))
		c.eq("user", c.d.User, o.Username)
	},
}

var redisTargets = []*target{redisT, redisClusterT}

func redisAddr(h dsn.Host) string {
	name, port := h.Name, h.Port
	if name == "" {
		name = "localhost"
	}
	if port == "" {
		port = "6379"
	}
	return net.JoinHostPort(name, port)
}

func join(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += ","
		}
		out += s
	}
	return out
}

// redisFields are the pool fields ParseURL and ParseClusterURL fill.
type redisFields struct {
	poolSize, minIdle, maxIdle, maxActive          int
	poolTimeout, dial, read, write, idle, lifetime time.Duration
}

// redisCompare compares the fields as the URL parsers store them: a
// count as written (0 when empty); a duration 0 when empty or absent (the
// default), -1 when <= 0 (queryOptions.duration), else as written. An
// absent key is compared through Options.init's defaults, mirrored in
// redisInit, with the catalog's Default.
func redisCompare(c *check, f redisFields, hasTLS, skipVerify bool, perProc int) {
	eff := redisInit(f, perProc)
	counts := []struct {
		key      string
		raw, eff int
	}{
		{"pool_size", f.poolSize, eff.poolSize},
		{"min_idle_conns", f.minIdle, eff.minIdle},
		{"max_idle_conns", f.maxIdle, eff.maxIdle},
		{"max_active_conns", f.maxActive, eff.maxActive},
	}
	for _, x := range counts {
		s := c.site(x.key)
		switch {
		case s != nil && s.Raw != "":
			c.cmpCount(x.key, int64(x.raw))
		case x.key == "pool_size":
			// Default "10" is per GOMAXPROCS (DefaultNote: 10 * GOMAXPROCS;
			// ClusterOptions: 5 * GOMAXPROCS per node).
			c.eq(x.key, cntStr(int64(perProc*runtime.GOMAXPROCS(0))), cntStr(int64(x.eff)))
		default:
			c.cmpCount(x.key, int64(x.eff))
		}
	}
	_, readSet, _ := c.value("read_timeout")
	durs := []struct {
		key      string
		raw, eff time.Duration
	}{
		{"pool_timeout", f.poolTimeout, eff.poolTimeout},
		{"dial_timeout", f.dial, eff.dial},
		{"read_timeout", f.read, eff.read},
		{"write_timeout", f.write, eff.write},
		{"conn_max_idle_time", f.idle, eff.idle},
		{"conn_max_lifetime", f.lifetime, eff.lifetime},
	}
	for _, x := range durs {
		v, set, ok := c.value(x.key)
		s := c.site(x.key)
		switch {
		case !ok:
		case set && s.Raw != "":
			want := v.D
			if want <= 0 {
				want = -1 // queryOptions.duration: <= 0 disables the timeout
			}
			c.eq(x.key, durStr(want), durStr(x.raw))
		case readSet && (x.key == "pool_timeout" || x.key == "write_timeout"):
			// Their defaults follow read_timeout (DefaultNote); the
			// catalog's Default is the value for the default read timeout.
		default:
			if x.eff < 0 {
				x.eff = 0 // init turns -1 into 0 (no timeout) for read and write
			}
			c.eq(x.key, durStr(v.D), durStr(x.eff))
		}
	}
	if ours, ok := catalog.SchemeTLS(c.d.Scheme); ok {
		if s := c.site("skip_verify"); s != nil && s.Value.S == "true" && ours != "disable" {
			ours = "require"
		}
		theirs := "disable"
		if hasTLS {
			theirs = "verify-full"
			if skipVerify {
				theirs = "require"
			}
		}
		c.eq("tls_mode", ours, theirs)
	} else {
		c.add("tls_mode", "no SchemeTLS for "+c.d.Scheme, "")
	}
}

// redisInit mirrors the defaults Options.init (options.go) applies to
// the URL parsers' zero values; ClusterOptions.init (osscluster.go)
// differs only in the pool size, and passes the rest to each node's
// Options.
func redisInit(f redisFields, perProc int) redisFields {
	if f.poolSize == 0 {
		f.poolSize = perProc * runtime.GOMAXPROCS(0)
	}
	if f.dial == 0 {
		f.dial = 5 * time.Second
	}
	switch f.read {
	case -1:
		f.read = 0
	case 0:
		f.read = 5 * time.Second
	}
	switch f.write {
	case -1:
		f.write = 0
	case 0:
		f.write = f.read
	}
	if f.poolTimeout == 0 {
		if f.read > 0 {
			f.poolTimeout = f.read + time.Second
		} else {
			f.poolTimeout = 30 * time.Second
		}
	}
	if f.idle == 0 {
		f.idle = 30 * time.Minute
	}
	return f
}

// redisPanics reports whether redis.NewClient panics with this pool
// size, as the catalog says it does for a negative one.
func redisPanics(poolSize int) (panics bool) {
	defer func() { panics = recover() != nil }()
	cl := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1", PoolSize: poolSize})
	_ = cl.Close() // a client that never connected: nothing to report
	return false
}
