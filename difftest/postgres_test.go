package difftest

import (
	"crypto/tls"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/lib/pq"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/dsn"
)

// registerTLS registers a custom TLS config named "custom" with the
// drivers that take one by name (mysql tls=custom, lib/pq
// sslmode=pqgo-custom), so that such names are accepted.
func registerTLS() {
	if err := mysql.RegisterTLSConfig("custom", &tls.Config{ServerName: "custom.test"}); err != nil {
		panic(err)
	}
	if err := pq.RegisterTLSConfig("custom", &tls.Config{ServerName: "custom.test"}); err != nil {
		panic(err)
	}
}

// pgGrammar is pgconn's and lib/pq's choice: a URL only after a
// lower-case postgres:// or postgresql:// prefix.
func pgGrammar(s string) dsn.Kind {
	if strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://") {
		return dsn.KindURL
	}
	return dsn.KindKeyValue
}

var pgconnT = &target{
	name:    "pgconn",
	driver:  catalog.Pgx,
	grammar: pgGrammar,
	parse:   func(s string) (any, error) { return pgconn.ParseConfig(s) },
	compare: func(c *check) { pgCompare(c, c.cfg.(*pgconn.Config)) },
}

var pgxpoolT = &target{
	name:    "pgxpool",
	driver:  catalog.Pgxpool,
	grammar: pgGrammar,
	parse:   func(s string) (any, error) { return pgxpool.ParseConfig(s) },
	compare: func(c *check) {
		cfg := c.cfg.(*pgxpool.Config)
		pgCompare(c, &cfg.ConnConfig.Config)
		pgxpoolCompare(c, cfg)
	},
}

var pqT = &target{
	name:    "pq",
	driver:  catalog.PQ,
	grammar: pgGrammar,
	parse: func(s string) (any, error) {
		cfg, err := pq.NewConfig(s)
		if err != nil {
			return nil, err
		}
		return &cfg, nil
	},
	compare: pqCompare,
}

var pgTargets = []*target{pgconnT, pgxpoolT, pqT}

// pgCompare compares what pgconn configured with poolcheck.
func pgCompare(c *check, cfg *pgconn.Config) {
	c.cmpDur("connect_timeout", cfg.ConnectTimeout)
	if ours, ok := c.tlsValue("sslmode"); ok {
		c.eq("tls_mode", ours, pgTLS(cfg))
	}
	var theirs []string
	all := append([]*pgconn.FallbackConfig{{Host: cfg.Host, Port: cfg.Port, TLSConfig: cfg.TLSConfig}}, cfg.Fallbacks...)
	for i := 0; i < len(all); i++ {
		fb := all[i]
		theirs = append(theirs, fb.Host+":"+strconv.Itoa(int(fb.Port)))
		if i+1 < len(all) && all[i+1].Host == fb.Host && all[i+1].Port == fb.Port && (all[i+1].TLSConfig == nil) != (fb.TLSConfig == nil) {
			i++ // allow and prefer try each TCP host twice, with and without TLS
		}
	}
	c.cmpHosts(theirs, "5432")
	if c.d.User != "" {
		c.eq("user", c.d.User, cfg.User)
	}
	c.eq("database", c.d.Database, cfg.Database)
}

// pgTLS reads the libpq TLS mode back from what configTLS built for the
// first host: allow tries plaintext first, prefer TLS first, each with a
// fallback to the other; require skips every check; verify-ca checks
// the chain itself (VerifyPeerCertificate); verify-full lets crypto/tls
// check the chain and the host name.
func pgTLS(cfg *pgconn.Config) string {
	var next *pgconn.FallbackConfig
	if len(cfg.Fallbacks) > 0 && cfg.Fallbacks[0].Host == cfg.Host && cfg.Fallbacks[0].Port == cfg.Port {
		next = cfg.Fallbacks[0]
	}
	t := cfg.TLSConfig
	switch {
	case t == nil && next != nil && next.TLSConfig != nil:
		return "allow"
	case t == nil:
		return "disable"
	case next != nil && next.TLSConfig == nil:
		return "prefer"
	case !t.InsecureSkipVerify:
		return "verify-full"
	case t.VerifyPeerCertificate != nil:
		return "verify-ca"
	}
	return "require"
}

// cmpHosts compares poolcheck's hosts with the driver's host:port list.
// An empty host name in poolcheck is the driver's default (a socket
// directory or localhost) and matches any name; an empty port is def.
func (c *check) cmpHosts(theirs []string, def string) {
	if len(c.d.Hosts) == 0 {
		return
	}
	ours := make([]string, len(c.d.Hosts))
	for i, h := range c.d.Hosts {
		port := h.Port
		if port == "" {
			port = def
		}
		if n, err := strconv.ParseUint(port, 10, 16); err == nil {
			port = strconv.FormatUint(n, 10)
		}
		ours[i] = h.Name + ":" + port
		if h.Name == "" && i < len(theirs) {
			if _, p, ok := strings.Cut(theirs[i], ":"); ok && p == port {
				ours[i] = theirs[i]
			}
		}
	}
	c.eq("hosts", strings.Join(ours, ","), strings.Join(theirs, ","))
}

// pgxpoolCompare compares the pool settings.
func pgxpoolCompare(c *check, cfg *pgxpool.Config) {
	if _, set, _ := c.value("pool_max_conns"); set {
		c.cmpCount("pool_max_conns", int64(cfg.MaxConns))
	} else {
		// The catalog's Default "4" is the lower bound; DefaultNote says
		// max(4, runtime.NumCPU()), which is what pool.go computes.
		c.eq("pool_max_conns", cntStr(int64(max(4, runtime.NumCPU()))), cntStr(int64(cfg.MaxConns)))
	}
	c.cmpCount("pool_min_conns", int64(cfg.MinConns))
	c.cmpCount("pool_min_idle_conns", int64(cfg.MinIdleConns))
	c.cmpDur("pool_max_conn_lifetime", cfg.MaxConnLifetime)
	c.cmpDur("pool_max_conn_idle_time", cfg.MaxConnIdleTime)
	c.cmpDur("pool_health_check_period", cfg.HealthCheckPeriod)
	c.cmpDur("pool_max_conn_lifetime_jitter", cfg.MaxConnLifetimeJitter)
	c.cmpDur("pool_ping_timeout", cfg.PingTimeout)
}

// pqCompare compares what lib/pq's NewConfig built with poolcheck.
func pqCompare(c *check) {
	cfg := c.cfg.(*pq.Config)
	c.cmpDur("connect_timeout", cfg.ConnectTimeout)
	if ours, ok := c.tlsValue("sslmode"); ok {
		theirs := string(cfg.SSLMode)
		if theirs == "" {
			theirs = "require" // ssl.go ssl: mode "" is handled as require
		}
		c.eq("tls_mode", ours, theirs)
	}
	theirs := []string{cfg.Host + ":" + strconv.Itoa(int(cfg.Port))}
	for _, m := range cfg.Multi {
		theirs = append(theirs, m.Host+":"+strconv.Itoa(int(m.Port)))
	}
	c.cmpHosts(theirs, "5432")
	if c.d.User != "" {
		c.eq("user", c.d.User, cfg.User)
	}
	c.eq("database", c.d.Database, cfg.Database)
}

// runtimeParams returns the parameters a postgres driver sends to the
// server at startup.
func runtimeParams(cfg any) map[string]string {
	switch cfg := cfg.(type) {
	case *pgconn.Config:
		if cfg != nil {
			return cfg.RuntimeParams
		}
	case *pgxpool.Config:
		if cfg != nil {
			return cfg.ConnConfig.RuntimeParams
		}
	case *pq.Config:
		if cfg != nil {
			return cfg.Runtime
		}
	}
	return nil
}

// tickerPanics reports whether time.NewTicker panics on d, as pgxpool's
// backgroundHealthCheck calls it with Config.HealthCheckPeriod.
func tickerPanics(d time.Duration) (panics bool) {
	defer func() { panics = recover() != nil }()
	time.NewTicker(d).Stop()
	return false
}
