package flow

import (
	"cmp"
	"database/sql"
	"fmt"
	"os"

	"github.com/magiconair/properties"
)

// envStr returns def when the variable is unset.
func envStr(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

// A template's verb filled from a value with a default in code: the
// default is what the DSN holds when nobody sets it.
func pgInfo() string {
	mode := envStr("PGSSLMODE", "disable") // want `\[prod-tls-disabled\] tls_mode defaults to disable \(sslmode, the fallback of envStr\("PGSSLMODE", "disable"\)\)`
	return fmt.Sprintf("host=%s sslmode=%s", os.Getenv("PGHOST"), mode)
}

func pgFromProperties(p *properties.Properties) *sql.DB {
	dsn := fmt.Sprintf("postgres://app@%s/app?sslmode=%s&connect_timeout=%d",
		p.GetString("pg.host", "db"),
		p.GetString("pg.sslmode", "disable"), // want `\[prod-tls-disabled\] tls_mode defaults to disable`
		p.GetInt("pg.connect_timeout", 10))
	db, _ := sql.Open("pgx", dsn)
	return db
}

func pgCmpOr() string {
	return fmt.Sprintf("host=db sslmode=%s", cmp.Or(os.Getenv("PGSSLMODE"), "disable")) // want `\[prod-tls-disabled\] tls_mode defaults to disable`
}

// A local assigned once to a constant is that constant.
func pgLocal() string {
	mode := "disable" // want `\[prod-tls-disabled\] tls_mode is disable`
	return fmt.Sprintf("host=db sslmode=%s", mode)
}

// Values set at run time, or set twice, stay unknown.
func pgRuntime(secure bool) string {
	mode := "disable"
	if secure {
		mode = "verify-full"
	}
	return fmt.Sprintf("host=db sslmode=%s connect_timeout=%s", mode, os.Getenv("PGCONNECT_TIMEOUT"))
}

// A field of the application's own config that fills a verb: what is
// written into the field is the parameter's value.
type TmplConfig struct {
	Host string
	SSL  string
}

func (c TmplConfig) dsn() string {
	return fmt.Sprintf("host=%s sslmode='%s'", c.Host, c.SSL)
}

func loadTmpl() TmplConfig {
	return TmplConfig{Host: os.Getenv("PGHOST"), SSL: envStr("PGSSLMODE", "disable")} // want `\[prod-tls-disabled\] tls_mode defaults to disable`
}

func testTmpl() TmplConfig {
	c := TmplConfig{Host: "localhost"}
	c.SSL = "disable" // want `\[prod-tls-disabled\] tls_mode is disable \(sslmode, TmplConfig.SSL\)`
	return c
}

// A format kept in a constant: the fields the Sprintf that uses it fills
// its verbs with are followed the same way.
const tmplFormat = "host=%s sslmode='%s' connect_timeout=10"

type FmtConfig struct{ Host, SSL string }

func (c FmtConfig) dsn() string { return fmt.Sprintf(tmplFormat, c.Host, c.SSL) }

func loadFmt() FmtConfig {
	return FmtConfig{Host: "db", SSL: "disable"} // want `\[prod-tls-disabled\] tls_mode is disable \(sslmode, FmtConfig.SSL\)`
}

// A URL template whose scheme and host are values: its query is still
// the DSN's, judged and fixed in place.
func schemeTemplate(scheme, host string) string {
	return fmt.Sprintf("%s://app@%s/app?sslmode=disable", scheme, host) // want `\[prod-tls-disabled\] tls_mode is disable \(sslmode\)`
}

// URL templates that are no DSN: their queries name nothing a driver
// reads.
func apiTemplate(scheme, host string, page int) string {
	return fmt.Sprintf("%s://%s/api/items?page=%d&sort=name", scheme, host, page)
}

func healthTemplate(host string) string {
	return fmt.Sprintf("https://%s/healthz?verbose=1", host)
}

// The same template behind two helpers, opened with pgx: judged as the
// sink's driver.
func schemeURL(scheme, host string) string {
	return fmt.Sprintf("%s://app@%s/app?connect_timeout=10&sslmode=disable", scheme, host) // want `\[prod-tls-disabled\] tls_mode is disable \(sslmode\)`
}

func pgURL(host string) string { return schemeURL("postgres", host) }

func openSchemeURL() *sql.DB {
	db, _ := sql.Open("pgx", pgURL(os.Getenv("PGHOST")))
	return db
}

// A format kept in a constant, filled with constants: each call is
// judged where its arguments are, and the fix rewrites the argument.
// The quotes around a verb are the format's; the value is the argument's.
const infoFormat = "user='%s' host='%s' dbname=app sslmode='%s' connect_timeout=%d"

func replicaInfo(host string) string {
	return fmt.Sprintf(infoFormat, "app", host, "disable", 5) // want `\[prod-tls-disabled\] tls_mode is disable \(sslmode\)`
}

func primaryInfo(host string) string {
	return fmt.Sprintf(infoFormat, "app", host, "verify-full", 10)
}

// Arguments known only at run time leave the call unjudged.
func anyInfo(user, host, mode string, timeout int) string {
	return fmt.Sprintf(infoFormat, user, host, mode, timeout)
}

// pgxpool reads keyword/value strings too: its pool_ keys make one.
const poolFormat = "host=%s dbname=app pool_max_conns=%d"

func poolInfo(host string) string {
	return fmt.Sprintf(poolFormat, host, 1) // want `\[prod-single-connection\] max_open is 1 \(pool_max_conns\)`
}

// The same format constant at a sink: the quoted value is the argument's.
const openFormat = "host=%s dbname=app sslmode='%s'"

func openFormatted(host string) *sql.DB {
	db, _ := sql.Open("pgx", fmt.Sprintf(openFormat, host, "disable")) // want `\[prod-tls-disabled\] tls_mode is disable \(sslmode\)`
	return db
}
