package difftest

import (
	"net/url"
	"strings"
)

// The generated corpus crosses every pool, timeout and TLS key of each
// driver with these values, in each form the driver reads.
var corpusValues = []string{
	"0", "-1", "1", "5", "5s", "500ms", "1h30m", "", "abc", "99999999999",
	"0s", "-5s", "+5", "05", "1.5", "5 ", "2147483648", "1e3", "5S",
}

// corpusTLS adds each TLS key's words, other case spellings and junk.
var corpusTLS = map[string][]string{
	"sslmode":                  {"disable", "allow", "prefer", "require", "verify-ca", "verify-full", "DISABLE", "Require", "true", "junk", "pqgo-custom", "pqgo-nothere"},
	"ssl":                      {"true", "false", "1", "TRUE", "require"},
	"tls":                      {"true", "false", "1", "0", "TRUE", "False", "tRUE", "skip-verify", "SKIP-VERIFY", "Skip-verify", "preferred", "PREFERRED", "custom", "junk", "verify-full", "skip%2Dverify"},
	"allowFallbackToPlaintext": {"true", "false", "1", "0", "yes", "TRUE"},
	"skip_verify":              {"true", "false", "1", "0", "yes", "TRUE"},
}

var postgresKeys = []string{
	"connect_timeout", "sslmode", "ssl",
	"pool_max_conns", "pool_min_conns", "pool_min_idle_conns", "pool_max_conn_lifetime",
	"pool_max_conn_idle_time", "pool_health_check_period", "pool_max_conn_lifetime_jitter", "pool_ping_timeout",
}

var mysqlKeys = []string{"timeout", "readTimeout", "writeTimeout", "tls", "allowFallbackToPlaintext"}

var redisKeys = []string{
	"pool_size", "min_idle_conns", "max_idle_conns", "max_active_conns", "pool_timeout", "dial_timeout",
	"read_timeout", "write_timeout", "conn_max_idle_time", "conn_max_lifetime", "idle_timeout", "max_conn_age",
	"conn_max_lifetime_jitter", "skip_verify",
}

func valuesFor(key string) []string {
	return append(append([]string(nil), corpusValues...), corpusTLS[key]...)
}

// pgKV quotes a keyword/value value when it needs it.
func pgKV(v string) string {
	if v == "" || strings.ContainsAny(v, ` '\`) {
		return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v) + "'"
	}
	return v
}

// postgresCorpus: each key and value in a URL (percent-encoded), a URL
// with the value raw, and a keyword/value string, each with a TCP host
// (the TLS settings apply) and a pool key alongside.
func postgresCorpus() []string {
	var out []string
	for _, k := range postgresKeys {
		for _, v := range valuesFor(k) {
			out = append(out,
				"postgres://app:secret@db:5432/app?"+k+"="+url.PathEscape(v),
				"postgresql://app@db1,db2:5433/app?sslmode=disable&"+k+"="+v,
				"host=db port=5432 user=app dbname=app "+k+"="+pgKV(v),
				"host=db "+k+"="+pgKV(v)+" pool_max_conns=4",
			)
		}
	}
	return out
}

// mysqlCorpus: each key and value over TCP and a Unix socket, raw and
// query-escaped.
func mysqlCorpus() []string {
	var out []string
	for _, k := range mysqlKeys {
		for _, v := range valuesFor(k) {
			out = append(out,
				"app:secret@tcp(db:3306)/app?"+k+"="+v,
				"app:secret@unix(/run/mysqld.sock)/app?parseTime=true&"+k+"="+url.QueryEscape(v),
				"app@tcp([::1]:3306)/?"+k+"="+v+"&"+k+"=5s",
			)
		}
	}
	return out
}

// redisCorpus: each key and value with redis://, rediss:// and unix://.
func redisCorpus() []string {
	var out []string
	for _, k := range redisKeys {
		for _, v := range valuesFor(k) {
			q := k + "=" + url.QueryEscape(v)
			out = append(out,
				"redis://:secret@cache:6379/0?"+q,
				"rediss://user:secret@cache?read_timeout=2s&"+q,
				"unix:///run/redis.sock?db=1&"+q,
			)
		}
	}
	return out
}
