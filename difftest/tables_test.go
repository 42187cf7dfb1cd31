package difftest

import (
	"fmt"
	"os"
	"testing"
)

// TestDifferential runs the tables and the generated corpus through
// every driver and prints the per-driver counts (go test -v).
func TestDifferential(t *testing.T) {
	t.Run("postgres", func(t *testing.T) {
		runTable(t, pgTargets, pgxSuiteCases)
		runTable(t, pgTargets, postgresCases)
		runCorpus(t, pgTargets, postgresCorpus())
	})
	t.Run("mysql", func(t *testing.T) {
		runTable(t, []*target{mysqlT}, mysqlSuiteCases)
		runTable(t, []*target{mysqlT}, mysqlCases)
		runCorpus(t, []*target{mysqlT}, mysqlCorpus())
	})
	t.Run("redis", func(t *testing.T) {
		runTable(t, redisTargets, redisSuiteCases)
		runTable(t, redisTargets, redisCases)
		runCorpus(t, redisTargets, redisCorpus())
	})
	totals.report(t)
	t.Log("known differences:")
	for _, k := range knownDiffs {
		t.Logf("  %s: %s", k.id, k.reason)
	}
}

// suggest, with DIFFTEST_SUGGEST=file, writes every table case with the
// known differences it shows, for reviewing and updating the tables.
var suggest = func() func(target, in string, known []string) {
	f := os.Getenv("DIFFTEST_SUGGEST")
	if f == "" {
		return func(string, string, []string) {}
	}
	out, err := os.Create(f)
	if err != nil {
		panic(err)
	}
	return func(target, in string, known []string) {
		for _, k := range known {
			fmt.Fprintf(out, "%q %s:%s\n", in, target, k)
		}
	}
}()

// postgresCases exercise the catalog's postgres knobs in both grammars.
var postgresCases = []caseT{
	// sslmode: every word, the empty value, junk, case.
	{in: "postgres://u@db/app?sslmode=disable"},
	{in: "postgres://u@db/app?sslmode=allow"},
	{in: "postgres://u@db/app?sslmode=prefer"},
	{in: "postgres://u@db/app?sslmode=require"},
	{in: "postgres://u@db/app?sslmode=verify-ca"},
	{in: "postgres://u@db/app?sslmode=verify-full"},
	{in: "postgres://u@db/app?sslmode=", known: []string{"pq:pq-url-grammar"}},
	{in: "postgres://u@db/app?sslmode=Require"},
	{in: "postgres://u@db/app?sslmode=true"},
	{in: "postgres://u@db/app?sslmode=pqgo-custom"},
	{in: "host=db user=u sslmode=verify-full"},
	{in: "host=db user=u sslmode=''"},
	{in: "host=db user=u sslmode="},
	{in: "host=db user=u sslmode=VERIFY-FULL"},
	// the ssl=true alias (URLs only) and its order with sslmode.
	{in: "postgres://u@db/app?ssl=true", known: []string{"pq:forwarded"}},
	{in: "postgres://u@db/app?ssl=true&sslmode=disable", known: []string{"pq:forwarded"}},
	{in: "postgres://u@db/app?sslmode=disable&ssl=true", known: []string{"pq:forwarded"}},
	{in: "postgres://u@db/app?ssl=false&sslmode=verify-full", known: []string{"pgconn:forwarded", "pgxpool:forwarded", "pq:forwarded"}},
	{in: "postgres://u@db/app?ssl=1", known: []string{"pgconn:forwarded", "pgxpool:forwarded", "pq:forwarded"}},
	{in: "host=db ssl=true", known: []string{"pgconn:forwarded", "pgxpool:forwarded", "pq:forwarded"}}, // ssl=true is a URL-only alias
	// TLS settings that change what sslmode means.
	{in: "postgres://u@db/app?sslmode=require&sslrootcert=system", known: []string{"pgconn:tls-upgrade", "pgxpool:tls-upgrade", "pq:pq-tls-combination"}},
	{in: "postgres://u@db/app?sslmode=prefer&sslnegotiation=direct", known: []string{"pgconn:tls-upgrade", "pgxpool:tls-upgrade", "pq:pq-tls-combination"}},
	{in: "postgres://u@db/app?sslmode=verify-full&host=/tmp", known: []string{"pgconn:unix-socket-tls", "pgxpool:unix-socket-tls", "pq:pq-url-grammar"}},
	{in: "host=/var/run/postgresql sslmode=require", known: []string{"pgconn:unix-socket-tls", "pgxpool:unix-socket-tls", "pq:unix-socket-tls"}},
	// connect_timeout: integer seconds.
	{in: "postgres://u@db/app?connect_timeout=5"},
	{in: "postgres://u@db/app?connect_timeout=0"},
	{in: "postgres://u@db/app?connect_timeout=-1"},
	{in: "postgres://u@db/app?connect_timeout=5s"},
	{in: "postgres://u@db/app?connect_timeout=", known: []string{"pq:pq-url-grammar"}},
	{in: "postgres://u@db/app?connect_timeout=%205"},
	{in: "postgres://u@db/app?connect_timeout=+5", known: []string{"pq:pq-url-grammar"}},
	{in: "postgres://u@db/app?connect_timeout=05"},
	{in: "postgres://u@db/app?connect_timeout=99999999999"},
	{in: "postgres://u@db/app?connect_timeout=abc&connect_timeout=5"}, // pgx reads the last; poolcheck too
	{in: "postgres://u@db/app?connect_timeout=5&connect_timeout=abc", known: []string{"pq:pq-url-grammar"}},
	{in: "connect_timeout=10 host=db"},
	{in: "connect_timeout='5 ' host=db"},
	{in: "connect_timeout=1.5 host=db"},
	// pool keys: pgxpool reads them, pgx and lib/pq send them to the server.
	{in: "postgres://u@db/app?pool_max_conns=10&pool_min_conns=2&pool_min_idle_conns=1", known: []string{"pgconn:forwarded", "pq:forwarded"}},
	{in: "postgres://u@db/app?pool_max_conns=0", known: []string{"pgconn:forwarded", "pq:forwarded"}},
	{in: "postgres://u@db/app?pool_max_conns=-1", known: []string{"pgconn:forwarded", "pq:forwarded"}},
	{in: "postgres://u@db/app?pool_max_conns=2147483648", known: []string{"pgconn:forwarded", "pq:forwarded"}},
	{in: "postgres://u@db/app?pool_min_conns=-1", known: []string{"pgconn:forwarded", "pq:forwarded"}},
	{in: "postgres://u@db/app?pool_min_conns=20&pool_max_conns=5", known: []string{"pgconn:forwarded", "pq:forwarded"}},
	{in: "postgres://u@db/app?pool_max_conn_lifetime=1h30m&pool_max_conn_idle_time=5m&pool_health_check_period=30s", known: []string{"pgconn:forwarded", "pq:forwarded"}},
	{in: "postgres://u@db/app?pool_max_conn_lifetime=3600", known: []string{"pgconn:forwarded", "pq:forwarded"}},
	{in: "postgres://u@db/app?pool_max_conn_lifetime=0", known: []string{"pgconn:forwarded", "pq:forwarded"}},
	{in: "postgres://u@db/app?pool_max_conn_idle_time=0s", known: []string{"pgconn:forwarded", "pq:forwarded"}},
	{in: "postgres://u@db/app?pool_health_check_period=0", known: []string{"pgconn:forwarded", "pgxpool:health-check-panics", "pq:forwarded"}},
	{in: "postgres://u@db/app?pool_health_check_period=-1s", known: []string{"pgconn:forwarded", "pgxpool:health-check-panics", "pq:forwarded"}},
	{in: "postgres://u@db/app?pool_max_conn_lifetime_jitter=10s&pool_ping_timeout=2s", known: []string{"pgconn:forwarded", "pq:forwarded"}},
	{in: "pool_max_conns=8 pool_max_conn_lifetime=90s host=db", known: []string{"pgconn:forwarded", "pq:forwarded"}},
	// keys of another driver: Prisma's, go-redis's.
	{in: "postgres://u@db/app?connection_limit=1&pool_timeout=5", known: []string{"pgconn:forwarded", "pgxpool:forwarded", "pq:forwarded"}},
	{in: "postgres://u@db/app?statement_cache_mode=describe"},
	// hosts, ports, users, databases.
	{in: "postgres://u:p@h1:5433,h2,h3:5435/app?pool_max_conns=3", known: []string{"pgconn:forwarded", "pq:forwarded", "pq:pq-url-grammar"}},
	{in: "postgres://u@h1,h2:5433/app", known: []string{"pq:pq-url-grammar"}},
	{in: "postgres://u@[::1]:5433/app"},
	{in: "postgres://u@db:0/app", known: []string{"pgconn:unmodelled", "pgxpool:unmodelled"}},
	{in: "postgres://u@db:65536/app", known: []string{"pgconn:unmodelled", "pgxpool:unmodelled", "pq:unmodelled"}},
	{in: "postgres://u@db:port/app", known: []string{"pgconn:unmodelled", "pgxpool:unmodelled", "pq:pq-url-grammar"}},
	{in: "host=h1,h2 port=1,2,3", known: []string{"pgconn:unmodelled", "pgxpool:unmodelled", "pq:unmodelled"}},
	{in: "postgres://u@db/app?dbname=other&user=v"},
	{in: "user=u dbname=a database=b", known: []string{"pgconn:unix-socket-tls", "pgxpool:unix-socket-tls"}},
	{in: "user=u database=b dbname=a", known: []string{"pgconn:unix-socket-tls", "pgxpool:unix-socket-tls", "pq:pq-database-key"}},
	{in: "postgres://u@db/app?target_session_attrs=nonsense", known: []string{"pgconn:unmodelled", "pgxpool:unmodelled", "pq:unmodelled"}},
	{in: "postgres://u@db/app?search_path=app&application_name=svc"},
}

// mysqlCases exercise the catalog's mysql knobs.
var mysqlCases = []caseT{
	{in: "u:p@tcp(db:3306)/app?timeout=5s&readTimeout=30s&writeTimeout=30s"},
	{in: "u:p@tcp(db:3306)/app?timeout=5"},
	{in: "u:p@tcp(db:3306)/app?timeout=0"},
	{in: "u:p@tcp(db:3306)/app?timeout=-1s"},
	{in: "u:p@tcp(db:3306)/app?readTimeout=-1s"},
	{in: "u:p@tcp(db:3306)/app?writeTimeout="},
	{in: "u:p@tcp(db:3306)/app?timeout=1h30m"},
	{in: "u:p@tcp(db:3306)/app?timeout=5%73"},
	{in: "u:p@tcp(db:3306)/app?timeout=abc&timeout=5s"},
	{in: "u:p@tcp(db:3306)/app?timeout=5s&timeout=abc"},
	{in: "u:p@tcp(db:3306)/app?tls=true"},
	{in: "u:p@tcp(db:3306)/app?tls=TRUE"},
	{in: "u:p@tcp(db:3306)/app?tls=1"},
	{in: "u:p@tcp(db:3306)/app?tls=false"},
	{in: "u:p@tcp(db:3306)/app?tls=0"},
	{in: "u:p@tcp(db:3306)/app?tls=skip-verify"},
	{in: "u:p@tcp(db:3306)/app?tls=Skip-Verify"},
	{in: "u:p@tcp(db:3306)/app?tls=sKIP-vERIFY"},
	{in: "u:p@tcp(db:3306)/app?tls=preferred"},
	{in: "u:p@tcp(db:3306)/app?tls=PreFerred"},
	{in: "u:p@tcp(db:3306)/app?tls=custom"},
	{in: "u:p@tcp(db:3306)/app?tls=cust%6Fm"},
	{in: "u:p@tcp(db:3306)/app?tls="},
	{in: "u:p@tcp(db:3306)/app?tls=verify-full", known: []string{"mysql:tls-config-name"}},
	{in: "u:p@tcp(db:3306)/app?tls=tRUE", known: []string{"mysql:tls-config-name"}},
	{in: "u:p@tcp(db:3306)/app?tls=true&allowFallbackToPlaintext=true", known: []string{"mysql:mysql-fallback"}},
	{in: "u:p@tcp(db:3306)/app?tls=skip-verify&allowFallbackToPlaintext=true", known: []string{"mysql:mysql-fallback"}},
	{in: "u:p@tcp(db:3306)/app?allowFallbackToPlaintext=yes"},
	{in: "u:p@tcp(db:3306)/app?strict=true"},
	{in: "u:p@tcp(db:3306)/app?sql_mode=TRADITIONAL&pool_max_conns=10"},
	{in: "u:p@unix(/var/run/mysqld/mysqld.sock)/app?timeout=2s"},
	{in: "u:p@tcp([::1]:3306)/app"},
	{in: "u:p@tcp(db)/app"},
	{in: "u:p:q@tcp(db)/app%20x?loc=Local"},
	{in: "u@/app?loc=Nowhere/Land"},
	{in: "@tcp(db:3306)/"},
	{in: "u:p@pipe/app"},
}

// redisCases exercise the catalog's redis knobs.
var redisCases = []caseT{
	{in: "redis://:secret@cache:6379/0?dial_timeout=3&read_timeout=6s&write_timeout=500ms&pool_timeout=4s"},
	{in: "redis://cache?pool_size=20&min_idle_conns=2&max_idle_conns=10&max_active_conns=40"},
	{in: "redis://cache?pool_size=0"},
	{in: "redis://cache?pool_size=-1", known: []string{"redis-cluster:pool-size-panics", "redis:pool-size-panics"}},
	{in: "redis://cache?pool_size="},
	{in: "redis://cache?max_idle_conns=-1"},
	{in: "redis://cache?pool_timeout=0"},
	{in: "redis://cache?pool_timeout=-1"},
	{in: "redis://cache?dial_timeout=0s"},
	{in: "redis://cache?read_timeout=-1"},
	{in: "redis://cache?read_timeout=-1&write_timeout="},
	{in: "redis://cache?read_timeout=10s"},
	{in: "redis://cache?read_timeout=abc"},
	{in: "redis://cache?conn_max_idle_time=5m&conn_max_lifetime=1h"},
	{in: "redis://cache?idle_timeout=5m&max_conn_age=1h", known: []string{"redis-cluster:redis-parser-keys"}},
	{in: "redis://cache?idle_timeout=5m&conn_max_idle_time=1m", known: []string{"redis-cluster:redis-parser-keys", "redis:redis-parser-keys"}},
	{in: "redis://cache?conn_max_lifetime_jitter=5s"},
	{in: "redis://cache?skip_verify=true", known: []string{"redis-cluster:redis-parser-keys", "redis:redis-parser-keys"}},
	{in: "rediss://cache?skip_verify=true", known: []string{"redis-cluster:redis-parser-keys"}},
	{in: "rediss://cache?skip_verify=1", known: []string{"redis-cluster:redis-parser-keys"}},
	{in: "rediss://cache?skip_verify=yes"},
	{in: "rediss://cache?skip_verify=", known: []string{"redis-cluster:redis-parser-keys"}},
	{in: "REDIS://cache:6380/2"},
	{in: "unix:///tmp/redis.sock?db=1&dial_timeout=1", known: []string{"redis-cluster:redis-cluster-url"}},
	{in: "unix:///tmp/redis.sock?skip_verify=true", known: []string{"redis-cluster:unmodelled", "redis:redis-parser-keys"}},
	{in: "redis://cache?db=3&addr=other:6379", known: []string{"redis-cluster:redis-parser-keys", "redis:redis-parser-keys"}},
	{in: "redis://cache?idle_check_frequency=1m"},
	{in: "redis://cache?pool_size=10&pool_size=abc"},
	{in: "redis://cache?pool_size=abc&pool_size=10"}, // go-redis reads the last; poolcheck too
	{in: "redis://cache?pool_size=1+0"},
	{in: "redis://cache?read_timeout=5s#frag"},
	{in: "redis://cache?read_timeout=5s;x=1"},
	{in: "http://cache:6379"},
	{in: "redis://cache/abc", known: []string{"redis-cluster:redis-cluster-url"}},
}
