package rules

import (
	"testing"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/model"
)

// cleanPools break no default rule: the seed's fixed test URL and a
// well-configured production database/sql pool.
func cleanPools() []*model.Pool {
	return []*model.Pool{
		params(catalog.Prisma, ScopeTest, "connection_limit=10", "pool_timeout=20", "connect_timeout=10", "sslmode=disable"),
		calls(catalog.SQL, ScopeProd, "SetMaxOpenConns=20", "SetMaxIdleConns=10", "SetConnMaxLifetime=30 * time.Minute"),
		params(catalog.Pgxpool, ScopeProd, "pool_max_conns=20", "connect_timeout=10", "sslmode=verify-full", "pool_health_check_period=1m"),
	}
}

func TestEvaluateCleanAllocs(t *testing.T) {
	p := Default()
	for _, pool := range cleanPools() {
		if vs := p.Evaluate(pool); len(vs) > 0 {
			t.Fatalf("clean pool has violations:\n%s", dump(vs))
		}
		if n := testing.AllocsPerRun(100, func() { p.Evaluate(pool) }); n != 0 {
			t.Errorf("Evaluate of a clean %s pool: %v allocations", pool.Driver, n)
		}
	}
}

func BenchmarkEvaluateClean(b *testing.B) {
	p, pools := Default(), cleanPools()
	b.ReportAllocs()
	for b.Loop() {
		for _, pool := range pools {
			p.Evaluate(pool)
		}
	}
}
